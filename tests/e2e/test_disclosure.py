"""双公示 end to end (issue 19 item 1; R6, R13, R15, R21): a department's sheet of 50 penalty decisions refused
with its 3 bad cells named, fixed, imported, on the due list within 7 working days across National Day,
published (four eyes), and filed by the reference intake on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import load_workbook

from credit_desk.intake.receiver import Intake
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import BOSS, CLERK, REVIEWER, desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import HOLIDAY_DECISION, HOLIDAY_DUE, column, fifty_penalties, write_sheet
from tests.e2e.sync_support import export, pair

ASK = {"actor": "平台核查员", "reason": "双公示报送核对"}  # R14: a look at the platform names who and why

TODAY = TEST_NOW.date()


def _ledger_id(office) -> str:
    return json.loads((Path(office.data_dir) / "ledger.json").read_text())["ledger_id"]


def _bad_sheet(tmp_path) -> tuple[Path, list[dict]]:
    rows = fifty_penalties(TODAY)
    good = [dict(r) for r in rows]
    rows[4]["uscc"] = rows[4]["uscc"][:-1] + ("0" if rows[4]["uscc"][-1] != "0" else "1")  # sheet row 7
    rows[16]["decision_date"] = "2026-13-01"                                                 # sheet row 19
    rows[32]["fine_wan"] = "五千"                                                            # sheet row 35
    path = tmp_path / "市监局双公示.xlsx"
    write_sheet(path, rows)
    return path, good


def test_r21_import_refuses_every_bad_cell_then_imports_fifty_and_r6_deadlines_cross_the_holiday(desk, tmp_path):
    path, good = _bad_sheet(tmp_path)
    changes_before = ok(desk, "bundle", "status")["unbundled_changes"]
    err = refused(desk, "decision", "import", str(path))
    assert err["code"] == "R21_IMPORT_REFUSED"
    msg = err["message"]
    assert "共 3 处错误" in msg
    assert f"第7行{column('uscc')}列" in msg and "统一社会信用代码" in msg
    assert f"第19行{column('decision_date')}列" in msg and "2026-13-01" in msg
    assert f"第35行{column('fine_wan')}列" in msg and "五千" in msg
    assert "工作表「处罚信息」" in msg
    assert ok(desk, "decision", "list") == []                       # all-or-nothing: nothing imported
    assert ok(desk, "bundle", "status")["unbundled_changes"] == changes_before

    write_sheet(path, good)
    out = ok(desk, "decision", "import", str(path))
    assert out["imported"] == 50 and out["sheet"] == "处罚信息"
    listed = ok(desk, "decision", "list")
    assert len(listed) == 50
    person = next(r for r in listed if r["party_kind"] == "natural_person")
    assert person["party_name"] == "张*明" and "*" in person["id_number"]    # R15: masked in lists

    due = [i for i in ok(desk, "due") if i["kind"] == "publish_decision"]
    assert len(due) == 50
    first = next(i for i in due if "〔2026〕100号" in i["label_zh"])
    assert first["due_date"] == HOLIDAY_DUE.isoformat() and first["overdue"]  # R6: 7 working days over 国庆
    assert "7个工作日" in first["label_zh"]
    yesterday = next(i for i in due if "〔2026〕101号" in i["label_zh"])
    assert not yesterday["overdue"] and dt.date.fromisoformat(yesterday["due_date"]) > TODAY
    assert not any("张小明" in i["label_zh"] for i in due)                    # R15 on the due list too

    # R13: the slight-tier penalty has no publication period; the serious one 1–3 years
    slight = next(r for r in listed if r["doc_number"].endswith("103号"))
    serious = next(r for r in listed if r["doc_number"].endswith("104号"))
    assert slight["publication_end"] is None
    decided = dt.date.fromisoformat(serious["decision_date"])
    assert serious["publication_end"] == decided.replace(year=decided.year + 3).isoformat()


def test_r21_published_decisions_reach_the_intake_and_close_the_deadline(desk, tmp_path):
    path, good = _bad_sheet(tmp_path)
    write_sheet(path, good)
    ids = ok(desk, "decision", "import", str(path))["ids"]
    assert refused(desk, "decision", "publish", str(ids[0]))["code"] == "FOUR_EYES"   # the importer may not
    published = ok(desk, "decision", "publish", *map(str, ids), user=REVIEWER)
    states = {r["doc_number"][-4:]: r["state"] for r in published}
    assert states["103号"] == "not_published" and states["100号"] == "published"   # R13: 轻微 not published

    intake_dir = pair(desk, tmp_path)
    bundle_file = Path(export(desk, tmp_path / "usb")[0]["file"])
    intake = Intake(intake_dir)
    receipt, info = intake.receive(bundle_file.read_bytes())
    assert info["rejected"] == 0 and info["accepted"] >= 100            # 50 registrations + 50 publications
    filed = intake.decisions(_ledger_id(desk), **ASK)
    assert len(filed) == 50 and {f["state"] for f in filed} == {"published", "not_published"}
    # R14/R15 at the platform: the look is logged with who and why; a natural person's name masked unless asked
    names = {f["party_name"] for f in filed}
    assert "张小明" not in names and "张*明" in names, names
    assert "张小明" in {f["party_name"] for f in intake.decisions(_ledger_id(desk), **ASK, unmasked=True)}
    log = [(q["actor"], q["subject_no"], q["unmasked"], q["n_rows"]) for q in intake.query_log()]
    office = f"office:{_ledger_id(desk)}"
    assert log == [("平台核查员", office, False, 50), ("平台核查员", office, True, 50)], log
    first = next(f for f in filed if f["doc_number"].endswith("100号"))
    assert first["publish_due"] == HOLIDAY_DUE and first["decision_date"] == HOLIDAY_DECISION
    code, out, err = desk("--json", "intake", "decisions", "--data", str(intake_dir), "--office", _ledger_id(desk),
                          "--actor", "平台核查员", "--reason", "双公示报送核对", user=None)
    assert code == 0 and len(json.loads(out)) == 50, err
    (tmp_path / "receipt.cdb").write_bytes(receipt)
    ok(desk, "bundle", "import", str(tmp_path / "receipt.cdb"))
    assert [i for i in ok(desk, "due") if i["kind"] == "publish_decision"] == []   # R6: acknowledged


def test_r21_intake_refuses_a_decision_with_a_bad_code(desk, tmp_path):
    """The platform runs the same element checks: a forged change with a broken authority code is rejected."""
    from tests.e2e.sync_support import session
    intake_dir = pair(desk, tmp_path)
    path, good = _bad_sheet(tmp_path)
    write_sheet(path, good[:1])
    ok(desk, "decision", "import", str(path))
    with session(Path(desk.data_dir)) as s, s.ledger.tx() as tx:
        state = json.loads(s.ledger.conn.execute("SELECT state FROM changes WHERE entity = 'admin_decision'")
                           .fetchone()[0])
        tx.change("admin_decision", 999, "insert", {**state, "id": 999, "authority_uscc": "91320812MA1XXXXX0X"})
    _, info = Intake(intake_dir).receive(Path(export(desk, tmp_path / "u")[0]["file"]).read_bytes())
    assert info["rejected"] == 1
    assert [f["decision_id"] for f in Intake(intake_dir).decisions(_ledger_id(desk), **ASK)] == ["1"]


def _rows(data_dir, sql: str, *params) -> list[tuple]:
    from credit_desk.services import ledgers
    d = ledgers.unlock(data_dir)
    try:
        return d.ledger.conn.execute(sql, params).fetchall()
    finally:
        d.close()


def test_r13_penalty_publication_ends_by_itself_after_its_longest_period(desk, data_dir, tmp_path, pinned_clock):
    """R13: a 一般 penalty is published for at most 1 year; the daily check (run as any command opens the ledger)
    ends it the day after, with its audit and change-log rows, and the upload sheet no longer carries it."""
    from credit_desk.domain.rulesets import add_months
    from tests.e2e.disclosure_kit import penalty_row
    decided = add_months(TODAY, -12) + dt.timedelta(days=10)
    path = tmp_path / "one.xlsx"
    write_sheet(path, [penalty_row(1, decided), penalty_row(2, TODAY - dt.timedelta(days=3), person=True)])
    ids = ok(desk, "decision", "import", str(path))["ids"]
    assert len(_rows(data_dir, "SELECT 1 FROM audit WHERE action = 'disclosure.add'")) == 2       # R14 audit
    assert [r[0] for r in _rows(data_dir, "SELECT op FROM changes WHERE entity = 'admin_decision'")] == ["insert"] * 2
    ok(desk, "decision", "publish", *map(str, ids), user=REVIEWER)
    sheet = tmp_path / "upload.xlsx"
    ok(desk, "decision", "export-sheet", str(sheet))
    cells = [c for row in load_workbook(sheet)["行政处罚"].iter_rows(values_only=True) for c in row if c]
    assert "清市监罚〔2026〕101号" in cells and "清市监罚〔2026〕102号" in cells
    assert "张小明" not in cells and "张*明" in cells                   # R15: the file outside the ledger is masked
    head = [c for c in next(load_workbook(sheet)["行政处罚"].iter_rows(min_row=2, max_row=2, values_only=True))]
    assert head[:3] == ["行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)"] and "公示截止期" in head
    assert "处罚类别" in head and "法人及非法人组织" in cells and "自然人" in cells and "一般" in cells
    end = add_months(decided, 12)
    pinned_clock["now"] = dt.datetime.combine(end, dt.time(9))               # the last day: still published
    assert {r["state"] for r in ok(desk, "decision", "list")} == {"published"}
    pinned_clock["now"] = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(9))
    states = {r["id"]: r["state"] for r in ok(desk, "decision", "list")}
    assert states == {ids[0]: "ended", ids[1]: "published"}
    ops = _rows(data_dir, "SELECT op, state FROM changes WHERE entity = 'admin_decision' AND entity_id = ? "
                          "ORDER BY id", str(ids[0]))
    assert [o for o, _ in ops] == ["insert", "publish", "publication_stop"]
    assert json.loads(ops[-1][1])["ended_on"] == (end + dt.timedelta(days=1)).isoformat()
    assert _rows(data_dir, "SELECT 1 FROM audit WHERE action = 'disclosure.publication_stop'")
    ok(desk, "decision", "export-sheet", str(sheet), "--force")
    cells = [c for row in load_workbook(sheet)["行政处罚"].iter_rows(values_only=True) for c in row if c]
    assert "清市监罚〔2026〕101号" not in cells and "清市监罚〔2026〕102号" in cells


def test_r13_penalty_repair_notice_prints_with_its_held_number_and_verifies(desk, tmp_path):
    """R13 两书同达: a published-tier 双公示 penalty takes its 信用修复告知书 number at registration and prints in the
    GB/T 9704 layout with the signed QR; read back with pdftotext; a slight-tier penalty has none."""
    import re

    from tests.documents.conftest import pdftotext
    from tests.e2e.disclosure_kit import penalty_row
    decided = TODAY - dt.timedelta(days=5)
    path = tmp_path / "two.xlsx"
    write_sheet(path, [penalty_row(7, decided), penalty_row(8, decided, tier="轻微")])
    general, slight = ok(desk, "decision", "import", str(path))["ids"]
    held = _rows(desk.data_dir, "SELECT detail FROM audit WHERE action = 'document.reserve'")
    assert len(held) == 1 and f"admin_decision:{general}" in held[0][0]    # taken at registration, slight has none
    out = ok(desk, "print", "repair_notice", "--decision", str(general), "--out", str(tmp_path / "n.pdf"))
    number = out["documents"][0]["number"]
    assert "信修告" in number
    again = refused(desk, "print", "repair_notice", "--decision", str(general), "--out", str(tmp_path / "n2.pdf"))
    assert again["code"] == "DOC_ALREADY_PRINTED" and number in again["message"]   # one number, reprints are copies
    text = re.sub(r"\s", "", pdftotext(tmp_path / "n.pdf"))
    assert "信用修复告知书" in text and "淮安市清江浦区测试7食品有限公司" in text
    assert "《行政处罚决定书》（淮安市清江浦区市场监督管理局清市监罚〔2026〕107号）" in text
    from credit_desk.domain.rulesets import add_months
    earliest = add_months(decided, 3) + dt.timedelta(days=1)
    assert f"{earliest.year}年{earliest.month}月{earliest.day}日起申请信用修复" in text
    assert "信用修复不收取任何费用" in text and number.replace(" ", "") in text
    verdict = ok(desk, "notice", "verify", "--pdf", str(tmp_path / "n.pdf"))
    assert verdict["result"] == "valid", verdict
    err = refused(desk, "print", "repair_notice", "--decision", str(slight), "--out", str(tmp_path / "s.pdf"))
    assert err["code"] == "DOC_NOT_PENALTY"


def test_r20_a_tier_the_rule_set_of_the_decision_date_does_not_state_is_named_at_its_cell(desk, tmp_path):
    """R20: a 轻微 penalty decided while 令2023年第58号 was in force (it states no period for that tier) is refused,
    naming the tier cell — never a period invented."""
    from tests.e2e.disclosure_kit import penalty_row
    path = tmp_path / "old.xlsx"
    write_sheet(path, [penalty_row(1, dt.date(2025, 12, 1), tier="轻微"), penalty_row(2, dt.date(2025, 12, 1))])
    err = refused(desk, "decision", "import", str(path))
    assert err["code"] == "R21_IMPORT_REFUSED" and "共 1 处错误" in err["message"]
    assert f"第3行{column('tier')}列" in err["message"]


def test_r3_a_revoked_decision_leaves_publication_and_the_platform_learns_it(desk, tmp_path):
    """R3 (the information follows its document): a penalty revoked on reconsideration leaves the due list, the
    upload sheet and the repair notice at once; the revocation travels to the platform."""
    from tests.e2e.disclosure_kit import penalty_row
    path = tmp_path / "two.xlsx"
    write_sheet(path, [penalty_row(1, TODAY - dt.timedelta(days=4)), penalty_row(2, TODAY - dt.timedelta(days=4))])
    first, second = ok(desk, "decision", "import", str(path))["ids"]
    ok(desk, "decision", "publish", str(first), str(second), user=REVIEWER)
    err = refused(desk, "decision", "revoke", str(first), "--reason", "撤")
    assert err["code"] == "FIELD_REQUIRED" and err["field"] == "reason"
    out = ok(desk, "decision", "revoke", str(first), "--reason", "经行政复议撤销（清政复决〔2026〕3号）")
    assert out["state"] == "revoked" and out["ended_on"] == TODAY.isoformat()
    assert refused(desk, "decision", "revoke", str(first), "--reason", "再次撤销测试")["code"] == "DECISION_STATE"
    assert refused(desk, "print", "repair_notice", "--decision", str(first), "--out",
                   str(tmp_path / "x.pdf"))["code"] == "DOC_NOT_PENALTY"
    sheet = tmp_path / "upload.xlsx"
    ok(desk, "decision", "export-sheet", str(sheet), user=REVIEWER)
    cells = [c for row in load_workbook(sheet)["行政处罚"].iter_rows(values_only=True) for c in row if c]
    assert "清市监罚〔2026〕101号" not in cells and "清市监罚〔2026〕102号" in cells
    assert {i["object_id"] for i in ok(desk, "due") if i["kind"] == "publish_decision"} == {second}
    intake_dir = pair(desk, tmp_path)
    _, info = Intake(intake_dir).receive(Path(export(desk, tmp_path / "usb")[0]["file"]).read_bytes())
    assert info["rejected"] == 0
    filed = {f["decision_id"]: f["state"] for f in Intake(intake_dir).decisions(_ledger_id(desk), **ASK)}
    assert filed == {str(first): "revoked", str(second): "published"}


def test_r21_cli_entry_of_a_licence_for_a_person_is_masked_and_a_bad_id_is_named(desk):
    from tests.e2e.disclosure_kit import AUTHORITY, penalty_row
    person = penalty_row(3, TODAY, person=True)
    args = ["decision", "add", "--kind", "行政许可", "--party-name", "欧阳娜娜", "--party-kind", "自然人",
            "--id-type", "居民身份证", "--id-number", person["id_number"], "--doc-number", "清市监许〔2026〕8号",
            "--category", "登记", "--content", "食品小摊点备案", "--decision-date", "2026年11月27日",
            "--valid-until", "2029-11-26", "--authority", AUTHORITY[0], "--authority-uscc", AUTHORITY[1],
            "--source-unit", AUTHORITY[0], "--source-uscc", AUTHORITY[1]]
    bad = refused(desk, *[a if a != person["id_number"] else person["id_number"][:-1] + "0" for a in args])
    assert bad["field"] == "id_number" and "证件号码" in bad["message"]
    assert person["id_number"] not in bad["message"]                         # R15: even the refusal masks it
    out = ok(desk, *args)
    assert out["party_name"] == "欧阳*娜" and out["id_number"] != person["id_number"]
    assert out["publish_due"] == "2026-12-08" and out["publication_end"] is None   # a licence: no tier period
    full = ok(desk, "decision", "show", str(out["id"]), "--purpose", "核对公示数据")
    assert full["id_number"] == person["id_number"]                          # R14: in full, with the purpose logged


def test_r21_an_empty_row_never_ends_the_sheet_and_hidden_rows_and_formulas_are_named_with_every_bad_cell(desk,
                                                                                                        tmp_path):
    """All-or-nothing means all: an empty row in the middle of a department's sheet does not end it (the rows
    below it were once left out without a word); a hidden row and a formula are named together with the bad
    elements of other rows, not instead of them."""
    from openpyxl import Workbook
    from credit_desk.domain.disclosure import FIELDS
    from credit_desk.sheets.disclosure_xlsx import HEADERS
    rows = fifty_penalties(TODAY)[:6]

    def sheet(path, hide=(), formula=False, bad_date=False):
        wb = Workbook()
        ws = wb.active
        ws.title = "处罚信息"
        ws.append(list(HEADERS))
        for i, row in enumerate(rows):
            if i == 3:
                ws.append([])                                         # sheet row 5 empty
            values = [row.get(f.key, "") for f in FIELDS]
            if formula and i == 1:
                values[[f.key for f in FIELDS].index("fine_wan")] = "=0.2+0.3"
            if bad_date and i == 5:
                values[[f.key for f in FIELDS].index("decision_date")] = "2026-02-30"
            ws.append(values)
        for r in hide:
            ws.row_dimensions[r].hidden = True
        wb.save(path)

    sheet(tmp_path / "bad.xlsx", hide=(4,), formula=True, bad_date=True)
    err = refused(desk, "decision", "import", str(tmp_path / "bad.xlsx"))
    msg = err["message"]
    assert err["code"] == "R21_IMPORT_REFUSED" and "共 3 处错误" in msg, msg
    assert f"第3行{column('fine_wan')}列" in msg and "公式" in msg                # the formula, with its element
    assert "第4行是隐藏行" in msg                                                  # the hidden row
    assert f"第8行{column('decision_date')}列" in msg and "2026-02-30" in msg      # below the empty row
    assert ok(desk, "decision", "list") == []
    sheet(tmp_path / "good.xlsx")
    assert ok(desk, "decision", "import", str(tmp_path / "good.xlsx"))["imported"] == 6   # not 3


def test_r21_an_18_digit_number_typed_into_a_number_cell_is_refused_even_when_its_check_digit_passes(desk, tmp_path):
    """Excel keeps 15 significant digits: 320812197009105104 typed into a number cell is stored as
    3.20812197009105E+17 and read back as 320812197009105024 — a valid GB 11643 number, of someone else. It was
    imported; now the cell is named (数字格式) and nothing is imported."""
    rows = fifty_penalties(TODAY)[:10]
    rows[9]["id_number"] = 3.20812197009105e+17          # the person's ID (sheet row 12)
    rows[0]["rep_id_number"] = 3.20812197009105e+17      # a legal representative's ID (sheet row 3)
    path = tmp_path / "numbers.xlsx"
    write_sheet(path, rows)
    err = refused(desk, "decision", "import", str(path))
    msg = err["message"]
    assert err["code"] == "R21_IMPORT_REFUSED" and "共 2 处错误" in msg, msg
    assert f"第3行{column('rep_id_number')}列" in msg and f"第12行{column('id_number')}列" in msg
    assert msg.count("单元格是数字格式") == 2 and "320812197009105024" not in msg
    assert ok(desk, "decision", "list") == []


def test_r15_a_persons_name_and_id_in_the_departments_free_text_are_masked_in_lists_and_the_upload_sheet(desk,
                                                                                                         tmp_path):
    """Departments write 违法事实 and 处罚内容 as in the decision: 「当事人张小明（身份证号…）…」. The name and the
    number were masked in their own columns and published whole in these; now they are masked wherever they
    stand, in the register's list, the due list and the platform's upload sheet."""
    from tests.e2e.disclosure_kit import penalty_row
    row = penalty_row(9, TODAY - dt.timedelta(days=3), person=True)
    number = row["id_number"]
    row["facts"] = f"当事人张小明（公民身份号码{number}）于2026年10月销售过期食品"
    row["content"] = "对张小明罚款人民币伍仟元"
    path = tmp_path / "person.xlsx"
    write_sheet(path, [row])
    ids = ok(desk, "decision", "import", str(path))["ids"]
    listed = ok(desk, "decision", "list")[0]
    assert listed["facts"].startswith("当事人张*明（公民身份号码") and number not in listed["facts"]
    assert listed["content"] == "对张*明罚款人民币伍仟元"
    ok(desk, "decision", "publish", *map(str, ids), user=REVIEWER)
    sheet = tmp_path / "upload.xlsx"
    ok(desk, "decision", "export-sheet", str(sheet))
    cells = " ".join(str(c) for row in load_workbook(sheet)["行政处罚"].iter_rows(values_only=True) for c in row if c)
    assert "张小明" not in cells and number not in cells and "当事人张*明" in cells
    full = ok(desk, "decision", "show", str(ids[0]), "--purpose", "核对公示数据")
    assert "张小明" in full["facts"]                                  # R14: the full record, with the purpose logged


def test_r21_a_decision_below_the_notes_is_named_never_left_out(desk, tmp_path):
    from openpyxl import Workbook
    from credit_desk.domain.disclosure import FIELDS
    from credit_desk.sheets.disclosure_xlsx import HEADERS
    rows = fifty_penalties(TODAY)[:3]
    wb = Workbook()
    ws = wb.active
    ws.title = "处罚信息"
    ws.append(list(HEADERS))
    ws.append([rows[0].get(f.key, "") for f in FIELDS])
    ws.append(["注：本表由市场监管局报送"])                           # sheet row 3: the notes
    ws.append(["填报人：王五"])                                       # a note line of one cell: passed over
    ws.append([rows[1].get(f.key, "") for f in FIELDS])              # sheet row 5: below the notes
    wb.save(tmp_path / "notes.xlsx")
    err = refused(desk, "decision", "import", str(tmp_path / "notes.xlsx"))
    assert err["code"] == "R21_IMPORT_REFUSED" and "共 1 处错误" in err["message"], err
    assert "第5行在第3行的表下注释之后" in err["message"]
    assert ok(desk, "decision", "list") == []


def test_r20_the_due_list_says_the_working_days_of_the_rule_set_in_force_not_a_literal_7(desk, data_dir, tmp_path):
    """R20: a province that shortens 双公示 to 5 working days sends a rule set; the deadline was counted with it
    but the due list still said 「（7个工作日）」. Now the label carries the rule set's number."""
    from dataclasses import replace as with_values
    from credit_desk.domain.rulesets import NATIONAL_2026
    from credit_desk.services import ledgers
    from credit_desk.store import reference
    from tests.e2e.disclosure_kit import penalty_row
    decided = TODAY - dt.timedelta(days=2)
    office = ledgers.unlock(data_dir)
    try:
        with office.ledger.tx() as tx:
            reference.add_rule_set(tx, with_values(NATIONAL_2026, code="JS-TEST-5", effective_from=decided,
                                                   publish_licence_penalty_workdays=5, source="测试：省级规则集"))
    finally:
        office.close()
    write_sheet(tmp_path / "five.xlsx", [penalty_row(1, decided)])
    ok(desk, "decision", "import", str(tmp_path / "five.xlsx"))
    item = next(i for i in ok(desk, "due") if i["kind"] == "publish_decision")
    assert "（5个工作日）" in item["label_zh"] and "7个工作日" not in item["label_zh"], item
    assert "(5 working days)" in item["label_en"]


def test_r21_a_header_that_differs_names_the_columns_to_fix(desk, tmp_path):
    """A department's sheet with one heading shortened and two columns swapped was refused with the list of all
    31 element names and no word on which column differs; now each differing heading is named."""
    from openpyxl import Workbook
    from credit_desk.domain.disclosure import FIELDS
    from credit_desk.sheets.disclosure_xlsx import HEADERS
    head = list(HEADERS)
    head[7] = "事业单位证书号"                                   # H: 行政相对人代码_5(事业单位证书号)
    head[22], head[23] = head[23], head[22]                      # W/X: 决定日期 and 有效期自 swapped
    wb = Workbook()
    ws = wb.active
    ws.title = "处罚信息"
    ws.append(["双公示数据报送表"])
    ws.append(head)
    ws.append([fifty_penalties(TODAY)[0].get(f.key, "") for f in FIELDS])
    wb.save(tmp_path / "head.xlsx")
    err = refused(desk, "decision", "import", str(tmp_path / "head.xlsx"))
    msg = err["message"]
    assert err["code"] == "R21_HEADER_MISMATCH" and "第2行的表头" in msg, msg
    assert "H列应为「行政相对人代码_5(事业单位证书号)」，实为「事业单位证书号」" in msg
    assert "W列应为「决定日期」，实为「有效期自」" in msg and "X列应为「有效期自」，实为「决定日期」" in msg
    assert "A列" not in msg
