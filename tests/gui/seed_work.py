"""A working office for GUI tests and screenshots: cases in every stage, objections (one overdue), printed
notices, a clean-up ledger with flagged rows, commitments (one broken), interviews, a joint-punishment list
and a bundle sent to a real reference intake whose receipt returned one change."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from credit_desk.domain.cleanup import CleanupRow
from credit_desk.intake.receiver import Intake
from credit_desk.services import (cases, cleanup, commitments, document_sources, documents, keys, objections, sync,
                                  sync_inbound)
from credit_desk.sheets import cleanup_xlsx

DAY = dt.timedelta(days=1)


def subjects_with_records(session, n: int) -> list[tuple[int, int]]:
    rows = session.ledger.query(
        "SELECT s.id AS sid, min(r.id) AS rid FROM subjects s JOIN records r ON r.subject_id = s.id "
        "WHERE s.kind = 'legal_person' AND r.status = 'active' AND r.tier = 'serious' "
        "GROUP BY s.id ORDER BY s.id LIMIT ?", (n,))
    return [(r["sid"], r["rid"]) for r in rows]


def serve_on_paper(session, case_id: int, on):
    """R5: a prior notice served on ``on``. These ledgers are made on the desk's day (the GUI clock cannot be turned
    back past their audit rows), so a service before today is recorded the one lawful way: with the number of the
    paper notice the office numbered by hand; service today takes the register's number."""
    hand = f"清信告字（手工）〔{on.year}〕{case_id}号" if on < session.desk.today() else None
    return cases.serve_notice(session, case_id, served_on=on, external_number=hand)


def decide_on_paper(session, case_id: int, d: cases.Decision) -> dict:
    """R5: a decision dated ``d.decided_on``. The register numbers a decision the day it is recorded, and these
    ledgers are made on the desk's day, so a decision before today is recorded the one lawful way: with the number
    of the paper decision the office numbered by hand and that of the credit repair notice served with it (两书同达,
    R13); a decision today takes the register's numbers."""
    if d.decided_on < session.desk.today():
        y = d.decided_on.year
        d = replace(d, external_number=f"清信决字（手工）〔{y}〕{case_id}号",
                    repair_notice_number=f"清信修告字（手工）〔{y}〕{case_id}号")
    return cases.decide_case(session, case_id, d)


def seed_cases(staff, now) -> dict:
    """Draft, served, under objection, listed and exited cases; returns their ids."""
    clerk, rev = staff["clerk"], staff["reviewer"]
    picks = subjects_with_records(clerk, 5)
    base = {"department": "县市场监督管理局", "department_level": "county", "domain": "市场监管"}
    ids = {}
    for name, (sid, rid) in zip(("draft", "served", "objected", "listed", "watch"), picks):
        lt = "watch" if name == "watch" else "black"
        r4 = {} if lt == "watch" else {"ground": "b", "standard": "《中华人民共和国产品质量法》第四十九条",
                                       "standard_kind": "law"}  # R4 at opening
        c = cases.open_case(clerk, subject_id=sid, list_type=lt, record_ids=[rid], opened_on=now.date() - 30 * DAY,
                            **base, **r4)
        ids[name] = c.id
    served_on = now.date() - 20 * DAY
    for name in ("served", "objected", "listed", "watch"):
        serve_on_paper(clerk, ids[name], served_on)
    objections.add_objection(clerk, target="case", target_id=ids["objected"], received_on=now.date() - 15 * DAY,
                             grounds="处罚决定正在行政复议中，请暂缓列入。", evidence="复议申请书复印件")
    # R5: decided today — the register numbers the decision (and its repair notice) the day it is recorded, and these
    # ledgers are made on the desk's day; the window closed long before (served 20 days ago)
    cases.decide_case(rev, ids["listed"], cases.Decision(
        decided_on=now.date(), measures=("M-01",),
        valid_until=now.date() + 3 * 365 * DAY, post_exit_watch_months=12))  # demo records: no publication end
    cases.decide_case(rev, ids["watch"], cases.Decision(
        decided_on=now.date(), valid_until=now.date() + 365 * DAY,
        warning_letter="清信警〔2026〕3号", measures=("M-08",)))
    return ids


def seed_documents(staff, ids: dict, folder: Path) -> list[dict]:
    clerk = staff["clerk"]
    out = []
    for doc_type, key in (("prior_notice", "draft"), ("listing_decision", "listed"), ("watch_warning", "watch")):
        item = document_sources.item_for(clerk, doc_type, case_id=ids[key], purpose="打印文书")
        out += documents.issue(clerk, doc_type, [item], folder / f"{doc_type}-{ids[key]}.pdf")
    return out


def cleanup_file(path: Path, bad_cell: bool = False) -> Path:
    rows = [CleanupRow("清江浦区关于对失信企业限制参加评优评先的通知（清政办发〔2020〕12号）", "是", "否", "是",
                       "失信企业三年内不得参加评优评先", "否", "否", "无", "废止", "2026年6月底", "区政府办公室",
                       "张三 副主任", "0517-80000001"),
            CleanupRow("清江浦区公共信用信息管理办法（清政规〔2021〕3号）", "是", "否", "否", "信用信息归集共享",
                       "是", "否", "《江苏省社会信用条例》第二十条", "保留", "2027年12月31日", "区发展改革委",
                       "李四 主任", "0517-80000002"),
            CleanupRow("关于建立重点关注名单制度的实施意见（清信用办〔2022〕5号）", "是", "是", "是",
                       "重点关注名单认定及惩戒", "是", "否", "国办发〔2020〕49号", "修订", "2026年12月底",
                       "区信用办", "王五 主任", "0517-80000003")]
    cleanup_xlsx.write_ledger(path, "清江浦区信用办", rows, dt.date(2026, 11, 1))
    if bad_cell:
        from openpyxl import load_workbook
        wb = load_workbook(path)
        ws = wb.worksheets[0]
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == "废止":
                    cell.value = "取消"
                if cell.value == "2026年12月底":
                    cell.value = "年底前"
        wb.save(path)
    return path


def seed_commitments(staff, now) -> None:
    clerk = staff["clerk"]
    commitments.add_item(clerk, "CN-01", "证明事项告知承诺（企业登记）", "certification", "《优化营商环境条例》第十九条")
    commitments.add_item(clerk, "CN-05", "信用修复承诺", "repair", "国家发展改革委令2025年第36号")
    (s1, _), (s2, _) = subjects_with_records(clerk, 7)[5:7]
    kept = commitments.record_commitment(clerk, subject_id=s1, item_code="CN-01", made_on=now.date() - 40 * DAY,
                                         content="承诺所提交材料真实有效，如有不实愿承担相应责任。")
    broken = commitments.record_commitment(clerk, subject_id=s2, item_code="CN-05", made_on=now.date() - 40 * DAY,
                                           content="承诺按期缴清罚款并完成整改。")
    commitments.check_fulfilment(clerk, kept.id, "full", now.date() - 5 * DAY)
    commitments.check_fulfilment(clerk, broken.id, "none", now.date() - 5 * DAY)
    commitments.record_interview(clerk, subject_id=s2, kind="warning", held_on=now.date() - 3 * DAY,
                                 people="区信用办 王经办；企业负责人 赵六", content="告知逾期未整改的后果，督促限期整改。",
                                 outcome="企业承诺十日内整改完毕。", reason="信用修复承诺逾期未履行",
                                 rectify_by=now.date() + 10 * DAY)


def seed_sync(staff, tmp: Path, now, joint_subject: int | None = None) -> dict:
    """Platform keys pinned, one bundle exported and acknowledged with one change returned (quarantine)."""
    admin, clerk = staff["admin"], staff["clerk"]
    Intake.init(tmp / "intake")
    keys.import_platform(admin, (tmp / "intake" / "platform.keys.json").read_bytes())
    intake = Intake(tmp / "intake", clock=lambda: now)
    intake.register_office(keys.export_public(admin)[0])
    usb = tmp / "usb"
    usb.mkdir()
    done = sync.export_to_folder(clerk, usb)
    with _platform_refuses_one_change():
        receipt, summary = intake.receive(Path(done[0]["file"]).read_bytes())
    sync_inbound.import_bytes(clerk, receipt)
    out = {"usb": usb, "intake": intake, "receipt": summary}
    if joint_subject is not None:
        out["joint"] = publish_joint_list(staff, intake, joint_subject)
    return out


@contextmanager
def _platform_refuses_one_change():
    """The platform returns one change (about a subject it says it has not got): demo subjects used to give
    that for free, but demo data no longer reaches the platform (issue 14 item 8)."""
    from credit_desk.intake import checks
    real, seen = checks.Judge.check, []

    def check(self, change, pointers=None):
        if change["entity"] not in ("office", "subject") and not seen:
            seen.append(change)
            self.rejected[(change["entity"], change["entity_id"])] = (change["id"], "SUBJECT_NOT_SHARED")
            return ("SUBJECT_NOT_SHARED", "所涉信用主体尚未报送平台，请先报送该主体。",
                    "The subject has not been sent to the platform; send it first.")
        return real(self, change, pointers)
    checks.Judge.check = check
    try:
        yield
    finally:
        checks.Judge.check = real


def publish_joint_list(staff, intake, subject_id: int) -> dict:
    s = staff["admin"].ledger.query("SELECT name, id_number FROM subjects WHERE id = ?", (subject_id,))[0]
    items = [{"kind": "joint_list", "version": 1, "data": {"lists": [{
        "list_id": "JL-2026-01", "title": "失信被执行人名单（市平台下发）", "list_type": "court_enforcement",
        "entries": [{"entry_id": "E-001", "name": s["name"], "id_number": s["id_number"],
                     "department": "淮安市中级人民法院", "basis": "（2026）苏08执123号",
                     "measures": ["限制高消费", "限制参加政府采购活动"]}]}]}}]
    _name, data = intake.publish(staff["admin"].ledger.ledger_id, items)
    return sync_inbound.import_bytes(staff["clerk"], data)


def seed_all(staff, tmp: Path, now) -> dict:
    ids = seed_cases(staff, now)
    folder = tmp / "notices"
    docs = seed_documents(staff, ids, folder)
    cleanup.import_ledger(staff["clerk"], cleanup_file(tmp / "ledger.xlsx"))
    seed_commitments(staff, now)
    rec = staff["clerk"].ledger.query("SELECT id FROM records WHERE status = 'active' ORDER BY id LIMIT 1")[0]["id"]
    objections.add_objection(staff["clerk"], target="record", target_id=rec, received_on=now.date() - 25 * DAY,
                             grounds="该罚款已于2026年10月缴清。")
    repair = seed_repair(staff)
    synced = seed_sync(staff, tmp, now)
    seed_disclosure(staff, tmp, now)
    return {"cases": ids, "documents": docs, "repair": repair, **synced}


def seed_disclosure(staff, tmp: Path, now) -> list[int]:
    """双公示 (R21): a department's sheet of five penalty decisions (one before National Day, one for a person)."""
    from credit_desk.services.disclosure import sheet
    from tests.e2e.disclosure_kit import fifty_penalties, write_sheet
    rows = fifty_penalties(now.date())
    path = tmp / "dept_penalties.xlsx"
    write_sheet(path, rows[:4] + rows[9:10])
    return sheet.import_sheet(staff["clerk"], path)["ids"]


def seed_repair(staff) -> dict:
    """One application for an old record: received and accepted (eligible, materials complete)."""
    from credit_desk.services import repairs
    row = staff["admin"].ledger.query(
        "SELECT r.id AS rid, r.subject_id AS sid FROM records r JOIN subjects s ON s.id = r.subject_id "
        "WHERE r.status = 'active' AND r.tier = 'general' AND r.decision_date < '2024-01-01' "
        "AND s.kind = 'legal_person' AND s.id > 150 ORDER BY r.id LIMIT 1")[0]
    out = repairs.apply_repair(staff["clerk"], subject_id=row["sid"], applicant="法定代表人 陈明", channel="window",
                               record_ids=[row["rid"]], materials=["proof", "commitment", "training", "report"])
    return repairs.accept_repair(staff["clerk"], out["id"])
