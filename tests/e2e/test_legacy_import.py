"""Bringing an office's existing ledger in (issue 19 item 3): a sheet of the office's own layout, its columns mapped
once (saved, audited, reused by header names), imported all-or-nothing with every bad cell named, through the
guards of entry by hand (R1, R2, R7, R9), listings kept as historical entries whose 文号 never touch the register."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from credit_desk.bench import seeding
from credit_desk.domain import demo
from credit_desk.domain.errors import PermissionDenied, ValidationError
from credit_desk.services import auth, browse, departments, doc_numbers, records
from credit_desk.services.legacy import ledger_import, mappings
from credit_desk.store.views import PageSpec
from tests.e2e import legacy_kit as kit


@pytest.fixture
def office(tmp_path):
    desk, admin = seeding.make_office(tmp_path / "data")
    clerk = seeding.business_session(admin)
    departments.add_department(admin, name=kit.DEPARTMENT, uscc=demo.uscc(random.Random(1), "320812"),
                               level="county", domain="市场监管", prefix="清市监")
    boss = auth.login(desk, "boss1", seeding.PASSWORD)
    yield {"desk": desk, "admin": admin, "clerk": clerk, "boss": boss}
    desk.close()


def _count(s, table, where=""):
    return s.ledger.conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0]


def _counts(s):
    return {t: _count(s, t) for t in ("subjects", "records", "cases", "audit", "changes", "doc_numbers")}


def test_20000_rows_refused_with_every_bad_cell_named_then_all_in_audited(office, tmp_path):
    boss = office["boss"]
    data = kit.rows(boss, 20_000, listed_every=50)
    first = kit.first_data_row()
    bad = {  # sheet row → (header, what is wrong)
        first + 17: ("生效日期", "R1"), first + 4_321: ("目录编码", "R2"), first + 9_999: ("统一社会信用代码/身份证号", "ID"),
        first + 15_000: ("处罚日期", "date"), first + 19_998: ("失信程度", "word")}
    broken = [list(r) for r in data]
    broken[17][8] = broken[17][7] - dt.timedelta(days=1)           # R1: effective before issued
    broken[4_321][11] = "Z-99-99"                                  # R2: not in the catalogue
    broken[9_999][1] = broken[9_999][1][:-1] + ("0" if broken[9_999][1][-1] != "0" else "1")  # check character
    broken[15_000][7] = "2021年13月5日"                              # not a date
    broken[19_998][12] = "很严重"                                    # not a tier
    before = _counts(boss)
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "bad.xlsx", broken), kit.MAPPING)
    named = {(p.row, p.zh.split("「")[1].split("」")[0]) for p in err.value.problems}
    assert named == {(r, h) for r, (h, _) in bad.items()}, err.value.problems
    assert all(p.zh.startswith(f"第{p.row}行") and p.en.startswith(f"row {p.row}") for p in err.value.problems)
    assert _counts(boss) == before  # all or nothing
    seen = []
    out = ledger_import.import_ledger(boss, kit.write(tmp_path / "good.xlsx", data), kit.MAPPING,
                                      progress=lambda phase, done, total: seen.append((phase, done, total)))
    after = _counts(boss)
    assert out["records"] == 20_000 and out["subjects"] == 10_000 and out["listings"] > 100
    assert after["subjects"] - before["subjects"] == 10_000 and after["records"] - before["records"] == 20_000
    assert after["cases"] - before["cases"] == out["listings"]
    # one audit row per entity (+ the external 文号 of each listing + the import's own row), one change row each
    assert after["changes"] - before["changes"] == 10_000 + 20_000 + out["listings"]
    assert after["audit"] - before["audit"] == 10_000 + 20_000 + 2 * out["listings"] + 1
    assert _count(boss, "changes", "WHERE entity = 'record' AND op = 'insert'") == 20_000
    assert {p for p, _, _ in seen} == {"read", "check", "write"} and seen[-1][1] == seen[-1][2]
    assert len(seen) > 30  # reported as it goes, not only at the end


def test_search_in_the_records_view_finds_imported_rows(office, tmp_path):
    boss, clerk = office["boss"], office["clerk"]
    data = kit.rows(boss, 40)
    ledger_import.import_ledger(boss, kit.write(tmp_path / "l.xlsx", data), kit.MAPPING)
    reader = browse.Reader(clerk)
    try:
        token = browse.log_search(clerk, "records", data[7][5], "核对导入的历史台账")
        found = browse.records_page(clerk, reader, PageSpec(), token)
        assert [r["doc_number"] for r in found] == [data[7][5]]
        token = browse.log_search(clerk, "subjects", "商贸有限公司000010", "核对导入的历史台账")
        assert len(browse.subjects_page(clerk, reader, PageSpec(), token)) == 1
    finally:
        reader.close()


def test_mapping_saved_audited_and_found_again_by_header_names(office, tmp_path):
    clerk = office["clerk"]
    record_mapping = {h: k for h, k in kit.MAPPING.items() if kit.MAPPING[h] not in (
        "list_type", "decision_number", "decided_on", "valid_until", "ground", "standard", "standard_kind",
        "leniency_justification", "post_exit_watch_months")}
    path = kit.write(tmp_path / "l.xlsx", [r[:14] for r in kit.rows(clerk, 6)], title=False)
    shown = mappings.preview_sheet(clerk, path)
    assert shown["saved"] is None and shown["header_row"] == 1 and len(shown["preview"]) == 5
    with pytest.raises(ValidationError) as err:
        ledger_import.import_ledger(clerk, path)
    assert err.value.code == "LEGACY_NO_MAPPING"
    audit0, changes0 = _count(clerk, "audit"), _count(clerk, "changes")
    saved = mappings.save_mapping(clerk, "县局老台账", record_mapping, kit.HEADERS[:14])
    assert _count(clerk, "audit", "WHERE action = 'legacy.mapping'") == 1 and _count(clerk, "audit") == audit0 + 1
    assert _count(clerk, "changes", "WHERE entity = 'legacy_mapping'") == 1 and _count(clerk, "changes") == changes0 + 1
    # next time: another file of the same layout, under a title row, columns in another order
    data = [list(reversed(r[:14])) for r in kit.rows(clerk, 6, seed=9)]
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.append(["2024年台账"])
    wb.active.append(list(reversed(kit.HEADERS[:14])))
    for r in data:
        wb.active.append(r)
    wb.save(tmp_path / "again.xlsx")
    assert mappings.preview_sheet(clerk, tmp_path / "again.xlsx")["saved"]["id"] == saved["id"]
    out = ledger_import.import_ledger(clerk, tmp_path / "again.xlsx")
    assert out["records"] == 6 and out["subjects"] == 3


def test_mapping_refuses_a_field_twice_and_a_missing_required_one(office):
    clerk = office["clerk"]
    with pytest.raises(ValidationError) as err:
        mappings.save_mapping(clerk, "x", {"企业（个人）名称": "name", "法定代表人": "name"}, kit.HEADERS)
    assert "同时对应" in err.value.zh
    with pytest.raises(ValidationError) as err:
        mappings.save_mapping(clerk, "x", {"企业（个人）名称": "name", "处罚文号": "doc_number"}, kit.HEADERS)
    assert "统一社会信用代码/证件号码" in err.value.zh and "作出机关" in err.value.zh  # record fields all needed


def test_r9_minor_without_justification_is_named_with_one_it_waits_for_approval(office, tmp_path):
    clerk, boss = office["clerk"], office["boss"]
    today = clerk.desk.today()
    minor = demo.ric(random.Random(3), "320812", today - dt.timedelta(days=17 * 365), today - dt.timedelta(days=16 * 365))
    row = kit.rows(clerk, 1)[0]
    row[0:4] = ["李某", minor, None, None]
    row[10] = (today - dt.timedelta(days=100)).isoformat()
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(clerk, kit.write(tmp_path / "a.xlsx", [row]), kit.MAPPING)
    assert err.value.problems[0].code == "R9_JUSTIFICATION_REQUIRED" and "情况说明" in err.value.problems[0].zh
    row[21] = "行为时未满十八周岁，经核实为初次违法"
    out = ledger_import.import_ledger(clerk, kit.write(tmp_path / "b.xlsx", [row]), kit.MAPPING)
    assert out["pending"] == 1  # R9: raised for review as entry by hand raises it
    rid = clerk.ledger.conn.execute("SELECT max(id) FROM records").fetchone()[0]
    with pytest.raises(Exception):
        records.approve_record(clerk, rid)  # four eyes: never the one who entered it
    assert records.approve_record(boss, rid)["record"].status.value == "active"


def test_r2_r7_subject_name_clash_and_duplicates_named(office, tmp_path):
    boss = office["boss"]
    data = kit.rows(boss, 4)
    data[1][0] = "另一家公司"          # same code as row 1, another name
    data.append(list(data[2]))          # the same record twice
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "l.xlsx", data), kit.MAPPING)
    codes = sorted((p.row, p.code) for p in err.value.problems)
    assert codes == [(4, "LEGACY_NAME_MISMATCH"), (7, "LEGACY_DUPLICATE")]
    ledger_import.import_ledger(boss, kit.write(tmp_path / "ok.xlsx", kit.rows(boss, 4)), kit.MAPPING)
    with pytest.raises(ledger_import.LegacyImportRefused) as err:  # the same sheet again: already in the ledger
        ledger_import.import_ledger(boss, kit.write(tmp_path / "ok2.xlsx", kit.rows(boss, 4)), kit.MAPPING)
    assert {p.code for p in err.value.problems} == {"LEGACY_DUPLICATE"} and len(err.value.problems) == 4


def test_historical_listings_keep_their_number_outside_the_register(office, tmp_path):
    boss = office["boss"]
    conn, today = boss.ledger.conn, boss.desk.today()
    prefix = doc_numbers.series_prefix(conn, "listing_decision")
    with boss.ledger.tx() as tx:
        next_before = doc_numbers._expected(tx, "listing_decision", "case", 10 ** 6, today)
    data = kit.rows(boss, 6, listed_every=1, per_subject=1)
    listed = [r for r in data if r[14]]
    out = ledger_import.import_ledger(boss, kit.write(tmp_path / "l.xlsx", data), kit.MAPPING)
    assert out["listings"] == len(listed) > 0
    with boss.ledger.tx() as tx:
        assert doc_numbers._expected(tx, "listing_decision", "case", 10 ** 6, today) == next_before  # not advanced
    held = conn.execute("SELECT number, external, seq FROM doc_numbers WHERE doc_type = 'listing_decision'").fetchall()
    assert sorted(n for n, _, _ in held) == sorted(r[15] for r in listed) and all(e == 1 and s is None
                                                                                 for _, e, s in held)
    # R13 两书同达 was done when these penalties were served: no 信用修复告知书 number is taken for them now
    assert not conn.execute("SELECT count(*) FROM doc_numbers WHERE doc_type = 'repair_notice'").fetchone()[0]
    states = conn.execute("SELECT state, origin, decision_number FROM cases").fetchall()
    assert {(s, o) for s, o, _ in states} == {("listed", "legacy_import")}
    # the register's own series shape, a number already held, an ended validity: each named, nothing written
    again = [r for r in kit.rows(boss, 6, listed_every=1, per_subject=1, seed=8) if r[14]][:3]
    again[0][15] = f"{prefix}〔{today.year - 1}〕7号"
    again[1][15] = listed[0][15]
    again[2][17] = today - dt.timedelta(days=1)
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "m.xlsx", again), kit.MAPPING)
    assert [p.code for p in err.value.problems] == ["LEGACY_NUMBER", "LEGACY_NUMBER", "R12_ALREADY_ENDED"]
    assert "编号序列" in err.value.problems[0].zh


def test_r4_listing_rules_and_the_deciding_role(office, tmp_path):
    clerk, boss = office["clerk"], office["boss"]
    data = kit.rows(boss, 2, listed_every=1, per_subject=1)
    listed = [r for r in data if r[14]]
    with pytest.raises(PermissionDenied):  # a clerk does not decide listings, historical or not
        ledger_import.import_ledger(clerk, kit.write(tmp_path / "l.xlsx", listed), kit.MAPPING)
    listed[0][18] = None  # R4: a black list names one of the four grounds
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "m.xlsx", listed), kit.MAPPING)
    assert err.value.problems[0].code.startswith("R4") and "列入情形" in err.value.problems[0].zh
    listed[0][18], listed[0][16] = "b", listed[0][8] - dt.timedelta(days=1)  # R1: decided before the basis took effect
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "n.xlsx", listed), kit.MAPPING)
    assert [p.code for p in err.value.problems] == ["R1_DOCUMENT_NOT_EFFECTIVE"] and "列入日期" in err.value.problems[0].zh


def test_every_bad_cell_of_one_row_is_named_not_just_the_first(office, tmp_path):
    boss = office["boss"]
    data = kit.rows(boss, 2)
    data[0][1] = data[0][1][:-1] + ("0" if data[0][1][-1] != "0" else "1")   # the code's check character
    data[0][3] = "12345"                                                       # the representative's ID
    data[0][7] = "去年"                                                         # not a date
    data[1][12] = "很严重"                                                      # a word not understood
    data[1][11] = ""                                                           # a required cell left empty
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "l.xlsx", data), kit.MAPPING)
    cells = sorted((p.row, p.field[0]) for p in err.value.problems)
    assert cells == [(3, "B"), (3, "D"), (3, "H"), (4, "L"), (4, "M")], err.value.problems
    assert "共 5 处错误" in err.value.zh


def test_real_world_cells_merged_subjects_serial_dates_full_width_and_invisible_characters(office, tmp_path):
    """Issue 15's shapes in an office ledger: a subject's name and code merged down over its two records, an
    Excel serial date pasted as a number, full-width digits and a zero-width space in a code, 是/否 words."""
    from openpyxl import Workbook
    from credit_desk.domain.cleanup import EXCEL_EPOCH
    boss = office["boss"]
    data = kit.rows(boss, 4, per_subject=2)
    code = data[0][1]
    data[0][1] = "\u200b" + code.translate(str.maketrans("0123456789", "０１２３４５６７８９"))  # as pasted from a web page
    data[2][7] = (data[2][7] - EXCEL_EPOCH).days                # the date cell pasted as its serial number
    wb = Workbook()
    ws = wb.active
    ws.append(["台账"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(kit.HEADERS))
    ws.append(kit.HEADERS)
    for r in data:
        ws.append(r)
    for col in (1, 2, 3, 4):  # the second subject's cells merged over its two records (rows 5 and 6)
        ws.merge_cells(start_row=5, start_column=col, end_row=6, end_column=col)
    wb.save(tmp_path / "merged.xlsx")
    out = ledger_import.import_ledger(boss, tmp_path / "merged.xlsx", kit.MAPPING)
    assert (out["subjects"], out["records"]) == (2, 4)
    held = dict(boss.ledger.conn.execute("SELECT id_number, name FROM subjects"))
    assert held[code] == data[0][0] and data[2][0] in held.values()
    dates = [d for (d,) in boss.ledger.conn.execute("SELECT doc_issued FROM records ORDER BY id")]
    assert dates[2] == kit.rows(boss, 4, per_subject=2)[2][7].isoformat()


def test_a_gbk_csv_ledger_is_read_like_a_workbook(office, tmp_path):
    boss = office["boss"]
    data = kit.rows(boss, 2)
    lines = [",".join(kit.HEADERS)] + [",".join("" if v is None else (v.isoformat() if hasattr(v, "isoformat")
                                                                    else str(v)) for v in r) for r in data]
    (tmp_path / "ledger.csv").write_bytes("\r\n".join(lines).encode("gb18030"))
    out = ledger_import.import_ledger(boss, tmp_path / "ledger.csv", kit.MAPPING)
    assert out["records"] == 2 and any(n["code"] == "CSV_READ" for n in out["notes"])


def test_cancelled_while_writing_keeps_nothing(office, tmp_path):
    boss = office["boss"]
    before = _counts(boss)
    path = kit.write(tmp_path / "l.xlsx", kit.rows(boss, 1200, listed_every=50))

    def progress(phase, done, total):
        if phase == "write" and done >= 1000:
            raise KeyboardInterrupt  # what the GUI's 取消 raises inside the job (ops.Cancelled) does the same
    with pytest.raises(KeyboardInterrupt):
        ledger_import.import_ledger(boss, path, kit.MAPPING, progress=progress)
    assert _counts(boss) == before


def test_r11_watch_listings_in_three_domains_raise_the_big_data_alert(office, tmp_path):
    boss, admin = office["boss"], office["admin"]
    for n, (name, dom, prefix) in enumerate((("县税务局", "税务", "清税"), ("县生态环境局", "生态环境", "清环"))):
        departments.add_department(admin, name=name, uscc=demo.uscc(random.Random(20 + n), "320812"),
                                   level="county", domain=dom, prefix=prefix)
    mapping = {**kit.MAPPING, "警示函文号": "warning_letter", "所属领域": "domain"}
    base = kit.rows(boss, 1)[0]
    today = boss.desk.today()
    data = []
    for i, (dept, dom) in enumerate(((kit.DEPARTMENT, "市场监管"), ("县税务局", "税务"), ("县生态环境局", "生态环境"))):
        row = list(base)
        row[5], row[6], row[9], row[12] = f"清罚〔{today.year}〕{i + 1}号", dept, dept, "一般"
        row[14:21] = ["重点关注名单", f"旧警决〔{today.year}〕{i + 1}号", base[8] + dt.timedelta(days=5),
                      today + dt.timedelta(days=200), None, None, None]
        data.append(row + [f"旧警示〔{today.year}〕{i + 1}号", dom])
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.append(kit.HEADERS + ["警示函文号", "所属领域"])
    for r in data:
        wb.active.append(r)
    wb.save(tmp_path / "watch.xlsx")
    out = ledger_import.import_ledger(boss, tmp_path / "watch.xlsx", mapping)
    assert out["listings"] == 3
    alerts = boss.ledger.conn.execute("SELECT subject_id FROM alerts WHERE cleared_on IS NULL").fetchall()
    assert len(alerts) == 1  # R11: the 大数据警示名单 flag, as three watch listings by hand raise it
    assert _count(boss, "changes", "WHERE entity = 'alert' AND op = 'raise'") == 1


def test_a_15_digit_id_is_named_with_its_18_digit_form_and_converted_when_confirmed(office, tmp_path):
    from credit_desk.domain.ids import convert_15_to_18
    boss = office["boss"]
    today = boss.desk.today()
    old = demo.ric(random.Random(8), "320812", dt.date(1960, 1, 1), dt.date(1970, 1, 1))
    fifteen = old[:6] + old[8:17]  # the first-generation form of the same person
    row = kit.rows(boss, 1)[0]
    row[0:4] = ["王某", fifteen, None, None]
    path = kit.write(tmp_path / "old.xlsx", [row])
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, path, kit.MAPPING)
    assert err.value.problems[0].code == "ID_15_DIGIT" and "18位" in err.value.problems[0].zh
    ledger_import.import_ledger(boss, path, kit.MAPPING, convert_15=True)
    held = boss.ledger.conn.execute("SELECT id_number FROM subjects").fetchall()
    assert held == [(convert_15_to_18(fifteen),)] and today
    assert _count(boss, "audit", "WHERE action = 'subject.add' AND detail LIKE '%converted_from_15_digits%'") == 1


def test_the_first_guess_maps_an_office_layout_word_by_word():
    from credit_desk.domain import legacy
    assert legacy.guess_mapping(kit.HEADERS) == kit.MAPPING
    assert legacy.guess_mapping(["序号", "单位名称", "负责人", "负责人身份证号码"]) == {
        "单位名称": "name", "负责人": "legal_rep_name", "负责人身份证号码": "legal_rep_id_number"}


def test_r7_an_18_digit_number_typed_into_a_number_cell_is_named_even_when_its_check_digit_passes(office, tmp_path):
    """R7 (the entry holds the subject's and the representative's ID numbers): 320812197009105104 typed into a
    number cell is stored by Excel as 3.20812197009105E+17 and read back as 320812197009105024, a valid GB 11643
    number of someone else; it was imported as that. Now the cell is named and nothing is written."""
    boss = office["boss"]
    data = kit.rows(boss, 4)
    data[2][3] = 3.20812197009105e+17                 # 法定代表人身份证号 of sheet row 5
    data[3][1] = 3.20812197009105e+17                 # 统一社会信用代码/身份证号 of sheet row 6
    before = _counts(boss)
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "numbers.xlsx", data), kit.MAPPING)
    named = {(p.row, p.zh.split("「")[1].split("」")[0]) for p in err.value.problems}
    assert named == {(5, "法定代表人身份证号"), (6, "统一社会信用代码/身份证号")}, err.value.problems
    assert all("单元格是数字格式" in p.zh for p in err.value.problems)
    assert _counts(boss) == before


def test_hidden_rows_are_named_never_brought_in_unseen(office, tmp_path):
    """A row hidden in the office's sheet (by hand or by a filter) was imported although the clerk who checked
    the sheet on screen never saw it; now it is named (in the streamed read of a large sheet too) and nothing is
    written. Merged cells still fill the rows they cover."""
    from openpyxl import Workbook
    boss = office["boss"]
    data = kit.rows(boss, 6)
    wb = Workbook()
    ws = wb.active
    ws.title = "失信台账"
    ws.append(kit.HEADERS)
    for r in data:
        ws.append(r)
    ws.row_dimensions[4].hidden = True
    ws.row_dimensions[6].hidden = True
    ws.row_dimensions[9].hidden = True     # hidden but empty: nothing to name
    wb.save(tmp_path / "hidden.xlsx")
    before = _counts(boss)
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, tmp_path / "hidden.xlsx", kit.MAPPING)
    assert [(p.row, p.code) for p in err.value.problems] == [(4, "XLSX_HIDDEN_ROW"), (6, "XLSX_HIDDEN_ROW")]
    assert err.value.problems[0].zh.startswith("第4行：该行是隐藏行")
    assert _counts(boss) == before
    ws.row_dimensions[4].hidden = ws.row_dimensions[6].hidden = False
    wb.save(tmp_path / "shown.xlsx")
    assert ledger_import.import_ledger(boss, tmp_path / "shown.xlsx", kit.MAPPING)["records"] == 6


def test_a_second_sheet_holding_data_is_said_before_and_after_the_import(office, tmp_path):
    """A ledger kept one sheet per year: only the first visible sheet is read; the others holding a table were
    left out without a word. Now the preview and the import's result name them; a sheet named on purpose, an
    empty sheet or a hidden one says nothing."""
    from openpyxl import Workbook
    from credit_desk.services.legacy import mappings as maps
    boss = office["boss"]
    wb = Workbook()
    ws = wb.active
    ws.title = "2024年"
    ws.append(kit.HEADERS)
    for r in kit.rows(boss, 2):
        ws.append(r)
    other = wb.create_sheet("2025年")
    other.append(["清江浦区失信主体台账（2025年）"])
    other.append(kit.HEADERS)
    for r in kit.rows(boss, 2, seed=9):
        other.append(r)
    wb.create_sheet("说明")                                         # empty
    hidden = wb.create_sheet("底稿")
    hidden.append(kit.HEADERS)
    hidden.append(kit.rows(boss, 1, seed=11)[0])
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "years.xlsx")
    said = [n for n in maps.preview_sheet(boss, tmp_path / "years.xlsx")["notes"] if n["code"] == "LEGACY_OTHER_SHEETS"]
    assert len(said) == 1 and "「2025年」" in said[0]["zh"] and "说明" not in said[0]["zh"] and "底稿" not in said[0]["zh"]
    out = ledger_import.import_ledger(boss, tmp_path / "years.xlsx", kit.MAPPING)
    assert out["records"] == 2 and any("「2025年」" in n["zh"] for n in out["notes"])
    out = ledger_import.import_ledger(boss, tmp_path / "years.xlsx", kit.MAPPING, sheet="2025年")
    assert out["records"] == 2 and not any(n["code"] == "LEGACY_OTHER_SHEETS" for n in out["notes"])


def test_a_row_below_the_notes_is_named_never_left_out(office, tmp_path):
    """A 注… line ends the office's table; a ledger row typed below it was dropped without a word. Now it is
    named and nothing is written; a note line of one cell below the notes is passed over."""
    boss = office["boss"]
    data = kit.rows(boss, 3)
    sheet = [data[0], data[1], ["注：2019年以前的数据见纸质台账"] + [None] * (len(kit.HEADERS) - 1),
             ["填报人：王五"] + [None] * (len(kit.HEADERS) - 1), data[2]]
    before = _counts(boss)
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "notes.xlsx", sheet), kit.MAPPING)
    first = kit.first_data_row()
    assert [(p.row, p.code) for p in err.value.problems] == [(first + 4, "XLSX_ROW_AFTER_NOTES")]
    assert f"第{first + 2}行的表下注释之后" in err.value.problems[0].zh
    assert _counts(boss) == before
    out = ledger_import.import_ledger(boss, kit.write(tmp_path / "ok.xlsx", data[:2] + [sheet[2]]), kit.MAPPING)
    assert out["records"] == 2
