"""Issue 16: repair, publication periods, commitments, clean-up checks and interviews as the 2025–2026 national
rules and the seeds say — walked through the CLI on a real encrypted ledger, printed documents read back."""

from __future__ import annotations

import datetime as dt
import json
import re

from credit_desk.domain.rulesets import add_months
from credit_desk.services import auth, case_exits, ledgers
from tests.conftest import TEST_NOW, USER_PW
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import BOSS, company, desk, ok, person, refused, staffed_template  # noqa: F401
from tests.e2e.repair_kit import DEPT

TODAY = TEST_NOW.date()   # the desk's pinned clock (tests/conftest.py); every date below is relative to it


def _text(path) -> str:
    return re.sub(r"—\d+—", "", re.sub(r"\s", "", pdftotext(path)).replace("扫码核验·文书真伪", ""))


def _penalty(office, subject: int, issued: dt.date, *, tier="general", code="S-03-02", number="清市监罚〔X〕1号"):
    return ok(office, "record", "add", "--subject", str(subject), "--catalogue-code", code, "--tier", tier,
              "--facts", "未按规定履行义务", "--doc-type", "admin_penalty", "--doc-number", number,
              "--doc-authority", DEPT, "--doc-issued", issued.isoformat(), "--doc-effective", issued.isoformat(),
              "--department", DEPT, "--act-date", (issued - dt.timedelta(days=20)).isoformat())


def _changes(data_dir, entity: str, entity_id) -> list[tuple[str, dict]]:
    d = ledgers.unlock(data_dir)
    try:
        rows = d.ledger.conn.execute("SELECT op, state FROM changes WHERE entity = ? AND entity_id = ? ORDER BY id",
                                     (entity, str(entity_id))).fetchall()
    finally:
        d.close()
    return [(op, json.loads(state)) for op, state in rows]


def _due(office, today: dt.date | None = None) -> list[dict]:
    return ok(office, "due", "--today", (today or TODAY).isoformat())


# R13 item 2 ----------------------------------------------------------------------------------------------------

def test_r13_publication_stops_the_day_after_the_longest_period(desk, data_dir, tmp_path):
    """R13 (22号 二; 36号令): a 一般 record leaves the printed credit query the day after its 1-year period, the stop
    is in the change log (so the bundle carries it), and an end coming up is on the due list."""
    sid = company(desk, 161)
    ended = _penalty(desk, sid, add_months(TODAY, -12) - dt.timedelta(days=1), number="清市监罚〔X〕161号")
    last_day = _penalty(desk, sid, add_months(TODAY, -12), number="清市监罚〔X〕162号")      # ends today
    soon = _penalty(desk, sid, add_months(TODAY, -12) + dt.timedelta(days=10), number="清市监罚〔X〕163号")
    assert dt.date.fromisoformat(ended["publication_end"]) == TODAY - dt.timedelta(days=1)
    assert last_day["publication_end"] == TODAY.isoformat()
    ok(desk, "print", "credit_query", "--subject", str(sid), "--purpose", "政府采购资格审查",
       "--out", str(tmp_path / "q.pdf"))
    text = _text(tmp_path / "q.pdf")
    assert "清市监罚〔X〕161号" not in text                       # the day after its period: gone by itself
    assert "清市监罚〔X〕162号" in text and "清市监罚〔X〕163号" in text  # its last day, and one still running
    # the stop was recorded by the CLI's own daily check (run as each command opens the ledger): dated the day
    # after the period, in the change log the next bundle carries
    op, state = _changes(data_dir, "record", ended["id"])[-1]
    assert op == "publication_stop" and state["publication_stopped_on"] == TODAY.isoformat()
    assert [op for op, _ in _changes(data_dir, "record", last_day["id"])] == ["insert"]   # not a day early
    due = {(i["kind"], i["object_id"]): i for i in _due(desk)}
    assert ("publication_end", soon["id"]) in due and not due[("publication_end", soon["id"])]["overdue"]
    assert ("publication_end", last_day["id"]) in due and ("publication_end", ended["id"]) not in due
    d = ledgers.unlock(data_dir)
    try:   # the GUI's start-up check on the same day records nothing twice
        d.clock = lambda: dt.datetime.combine(TODAY, dt.time(8, 30))
        case_exits.daily_check(auth.login(d, "clerk1", USER_PW))
    finally:
        d.close()
    assert [op for op, _ in _changes(data_dir, "record", ended["id"])].count("publication_stop") == 1
    early = {(i["kind"], i["object_id"]) for i in _due(desk, TODAY - dt.timedelta(days=60))}
    assert ("publication_end", soon["id"]) not in early      # beyond the 30-day horizon (local setting) then


# R20 item 3 ----------------------------------------------------------------------------------------------------

def test_r20_case_under_an_earlier_rule_set_never_uses_invented_numbers(desk):
    sid = company(desk, 162)
    old = _penalty(desk, sid, dt.date(2025, 6, 2), tier="serious", number="清市监罚〔2025〕2号")
    assert old["rule_set_code"] == "CN-2023" and old["publication_end"] == "2028-06-02"   # 58号令: 严重 3 years
    err = refused(desk, "record", "add", "--subject", str(sid), "--catalogue-code", "S-03-02", "--tier", "slight",
                  "--facts", "轻微", "--doc-type", "admin_penalty", "--doc-number", "清市监罚〔2025〕3号",
                  "--doc-authority", DEPT, "--doc-issued", "2025-06-02", "--doc-effective", "2025-06-02",
                  "--department", DEPT, "--act-date", "2025-05-01")
    assert err["code"] == "R20_VALUE_UNKNOWN" and "CN-2023" in err["message"] and "轻微" in err["message"]
    err = refused(desk, "record", "add", "--subject", str(sid), "--catalogue-code", "S-03-02", "--tier", "general",
                  "--facts", "一般", "--doc-type", "admin_penalty", "--doc-number", "清市监罚〔2022〕3号",
                  "--doc-authority", DEPT, "--doc-issued", "2022-03-01", "--doc-effective", "2022-03-01",
                  "--department", DEPT, "--act-date", "2022-02-01")
    assert err["code"] == "R20_VALUE_UNKNOWN" and "CN-2020-12" in err["message"]
    # a repair applied for before 2026-04-01 is judged by CN-2023, whose time limits this software does not know
    err = refused(desk, "repair", "apply", "--subject", str(sid), "--applicant", "王建国", "--channel", "window",
                  "--received-on", "2026-03-20", "--record", str(old["id"]), "--material", "proof",
                  "--material", "commitment")
    assert err["code"] == "R20_VALUE_UNKNOWN" and "信用修复办结时限" in err["message"]


# R13 item 4 ----------------------------------------------------------------------------------------------------

def test_r13_penalty_record_reserves_and_prints_its_repair_notice(desk, tmp_path):
    """R13 两书同达: a record resting on an administrative penalty decision takes its 信用修复告知书 number at entry."""
    sid = company(desk, 163)
    issued = TODAY - dt.timedelta(days=30)
    rec = _penalty(desk, sid, issued, number="清市监罚〔X〕63号")
    assert rec["repair_notice_number"] and rec["rule_set_code"] == "CN-2026-04"
    court = ok(desk, "record", "add", "--subject", str(sid), "--catalogue-code", "S-02-01", "--tier", "serious",
               "--facts", "拒不履行生效判决", "--doc-type", "court_judgment", "--doc-number", "（2026）苏0812民初1号",
               "--doc-authority", "清江浦区人民法院", "--doc-issued", issued.isoformat(),
               "--doc-effective", issued.isoformat(), "--department", "清江浦区人民法院",
               "--act-date", (issued - dt.timedelta(days=5)).isoformat())
    assert court["repair_notice_number"] is None                 # only penalty decisions
    out = ok(desk, "print", "repair_notice", "--record", str(rec["id"]), "--out", str(tmp_path / "r.pdf"))
    assert out["documents"][0]["number"] == rec["repair_notice_number"]   # printed under the held number
    text = _text(tmp_path / "r.pdf")
    earliest = dt.date.fromisoformat(rec["earliest_repair"])
    assert "信用修复告知书" in text and "《行政处罚决定书》（县市场监督管理局清市监罚〔X〕63号）" in text
    assert f"{earliest.year}年{earliest.month}月{earliest.day}日起申请信用修复" in text
    assert "3个工作日内作出修复决定" in text and "10个工作日内办结" in text
    old = _penalty(desk, sid, dt.date(2025, 9, 1), number="清市监罚〔2025〕63号")  # CN-2023: limits unknown
    err = refused(desk, "print", "repair_notice", "--record", str(old["id"]), "--out", str(tmp_path / "o.pdf"))
    assert err["code"] == "R20_VALUE_UNKNOWN"


# R17 item 5 ----------------------------------------------------------------------------------------------------

def test_r17_each_commitment_type_prints_its_own_standard_letter_with_optional_disclosure(desk, tmp_path):
    sid = company(desk, 164)
    texts = {}
    for kind in ("approval", "tolerance", "voluntary", "self_discipline", "repair"):
        ok(desk, "print", "commitment_form", "--subject", str(sid), "--commitment-type", kind,
           "--out", str(tmp_path / f"{kind}.pdf"))
        texts[kind] = _text(tmp_path / f"{kind}.pdf")
    assert "（审批替代型承诺（告知承诺））" in texts["approval"] and "符合上述条件、标准和要求" in texts["approval"]
    assert "纠正失信行为" not in texts["approval"] and "纠正失信行为" not in texts["voluntary"]
    assert "纠正失信行为并消除不良影响" in texts["repair"]
    assert "所缺次要材料" in texts["tolerance"] and "行业协会商会的自律公约" in texts["self_discipline"]
    assert len({t.split("本主体郑重作出如下信用承诺：")[1][:40] for t in texts.values()}) == 5   # five letters
    for t in texts.values():   # R15: no blanket, forced or lifelong consent inside the promise
        assert "将记入信用记录并向社会公开" not in t
        assert "□同意公示" in t and "□不同意公示" in t and "不同意公示不影响办理" in t
    err = refused(desk, "print", "commitment_form", "--subject", str(sid), "--commitment-type", "blanket",
                  "--out", str(tmp_path / "x.pdf"))
    assert err["field"] == "commitment_type"


def test_r17_breach_flag_has_a_period_a_notice_a_due_item_and_a_way_to_lift_it(desk, data_dir, tmp_path):
    sid = company(desk, 165)
    ok(desk, "commitment", "item-add", "GZ-01", "--name", "企业投资项目告知承诺", "--type", "approval",
       "--basis", "苏府办〔2020〕232号（一）", user=BOSS)
    made = TODAY - dt.timedelta(days=40)
    cid = ok(desk, "commitment", "add", "--subject", str(sid), "--item", "GZ-01", "--content", "按承诺条件建设",
             "--made-on", made.isoformat())["id"]
    checked = TODAY - dt.timedelta(days=3)
    out = ok(desk, "commitment", "check", str(cid), "--fulfilment", "none", "--checked-on", checked.isoformat())
    fid = out["key_supervision_flag"]
    until = add_months(checked, 12)                     # local setting, default 12 months
    due = {(i["kind"], i["object_id"]): i for i in _due(desk)}
    assert due[("supervision", fid)]["due_date"] == until.isoformat() and not due[("supervision", fid)]["overdue"]
    assert ("supervision", fid) in {(i["kind"], i["object_id"]) for i in _due(desk, until + dt.timedelta(days=1))
                                    if i["overdue"]}
    [(op, state)] = _changes(data_dir, "supervision_flag", fid)
    assert op == "insert" and state["until"] == until.isoformat() and state["notice_number"]
    printed = ok(desk, "print", "supervision_notice", "--flag", str(fid), "--out", str(tmp_path / "s.pdf"))
    assert printed["documents"][0]["number"] == state["notice_number"]
    text = _text(tmp_path / "s.pdf")
    assert "列入重点监管范围告知书" in text and "苏府办〔2020〕232号）（一）" in text
    assert f"至{until.year}年{until.month}月{until.day}日止" in text and "三、解除方式" in text and "行政复议" in text
    err = refused(desk, "commitment", "lift", str(fid), "--reason", " ")
    assert err["code"] == "FIELD_REQUIRED"
    ok(desk, "commitment", "lift", str(fid), "--reason", "已补交承诺的证明材料，经核实提前解除")
    assert ("supervision", fid) not in {(i["kind"], i["object_id"]) for i in _due(desk)}
    assert _changes(data_dir, "supervision_flag", fid)[-1][0] == "lift"
    assert refused(desk, "commitment", "lift", str(fid), "--reason", "再次")["code"] == "FLAG_LIFTED"


# R18 item 7 ----------------------------------------------------------------------------------------------------

def test_r18_interview_rectify_by_is_on_the_due_list_until_rectified(desk, data_dir):
    sid = company(desk, 166)
    held = TODAY - dt.timedelta(days=10)
    by = TODAY + dt.timedelta(days=5)
    iid = ok(desk, "interview", "add", "--subject", str(sid), "--kind", "warning", "--held-on", held.isoformat(),
             "--people", "张三（局）、王建国（企业）", "--content", "逾期未整改", "--outcome", "限期整改",
             "--reason", "未按期整改消防隐患", "--rectify-by", by.isoformat())["id"]
    items = {(i["kind"], i["object_id"]): i for i in _due(desk)}
    item = items[("interview_rectify", iid)]
    assert item["due_date"] == by.isoformat() and not item["overdue"] and "未按期整改消防隐患" in item["label_zh"]
    late = {(i["kind"], i["object_id"]): i for i in _due(desk, by + dt.timedelta(days=1))}
    assert late[("interview_rectify", iid)]["overdue"]
    ok(desk, "interview", "rectified", str(iid), "--note", "已完成整改并经复查")
    assert ("interview_rectify", iid) not in {(i["kind"], i["object_id"]) for i in _due(desk)}
    assert _changes(data_dir, "interview", iid)[-1][0] == "rectified"


# R15 item 8 ----------------------------------------------------------------------------------------------------

def test_r15_natural_person_item_is_published_only_on_a_legal_basis_or_a_scoped_dated_consent(desk, data_dir):
    pid = person(desk, 167)
    day = TODAY - dt.timedelta(days=20)
    unpub = ok(desk, "record", "add", "--subject", str(pid), "--catalogue-code", "S-05-01", "--tier", "general",
               "--facts", "拖欠款项", "--doc-type", "court_judgment", "--doc-number", "（2026）苏0812民初9号",
               "--doc-authority", "清江浦区人民法院", "--doc-issued", day.isoformat(), "--doc-effective",
               day.isoformat(), "--department", "清江浦区人民法院", "--act-date", (day - dt.timedelta(days=9)).isoformat())
    err = refused(desk, "record", "publication", str(unpub["id"]))
    assert err["code"] == "R15_NO_PUBLICATION_BASIS" and err["rule"] == "R15" and "49号 二（四）" in err["message"]
    [(op, state)] = _changes(data_dir, "record", unpub["id"])
    assert op == "insert" and state["publication"] == {"publish": False, "refused": "R15_NO_PUBLICATION_BASIS"}
    base = ["consent", "add", "--subject", str(pid), "--record", str(unpub["id"]), "--given-on", day.isoformat(),
            "--document", f"本人签署的信用信息公开同意书（{day.isoformat()}）"]
    err = refused(desk, *base, "--scope", "同意公开本人全部信用信息", "--valid-until", add_months(day, 12).isoformat())
    assert err["code"] == "R15_CONSENT_BLANKET"
    err = refused(desk, *base, "--scope", "在信用中国（江苏淮安）网站公开该条失信信息",
                  "--valid-until", add_months(day, 12 * 30).isoformat())
    assert err["code"] == "R15_CONSENT_PERIOD"            # no lifelong consent
    consent = ok(desk, *base, "--scope", "在信用中国（江苏淮安）网站公开该条失信信息",
                 "--valid-until", add_months(day, 12).isoformat())
    basis = ok(desk, "record", "publication", str(unpub["id"]))
    assert basis["kind"] == "consent" and basis["consent_id"] == consent["id"] and day.isoformat() in basis["text"]
    ok(desk, "consent", "withdraw", str(consent["id"]))
    assert refused(desk, "record", "publication", str(unpub["id"]))["code"] == "R15_NO_PUBLICATION_BASIS"
    penalty = _penalty(desk, pid, day, number="清市监罚〔X〕167号")   # 行政处罚信息: the catalogue's legal basis
    basis = ok(desk, "record", "publication", str(penalty["id"]))
    assert basis["kind"] == "law" and "行政处罚法" in basis["text"]
    assert _changes(data_dir, "record", penalty["id"])[0][1]["publication"]["basis"]["kind"] == "law"
