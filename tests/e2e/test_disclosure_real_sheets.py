"""双公示 from a department's real sheet (issue 19 attack, a department clerk; R21): the sheet as offices keep it —
a 填表说明 sheet before the data, a merged title, a 序号 column first and the clerk's own columns after, dates as
text (2026年3月5日, 2026/3/5, full width) or Excel serials, ID numbers with full-width digits, spaces and a
lower-case x, amounts as 1,000.50 or in full width, 序号 filled down blank rows at the end. Every bad cell is
named at its own column letter; nothing comes in until the sheet is right; then all fifty do."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from credit_desk.domain import demo
from credit_desk.domain.disclosure import FIELDS
from credit_desk.sheets.disclosure_xlsx import HEADERS
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import fifty_penalties

TODAY = TEST_NOW.date()
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
OWN_BEFORE, OWN_AFTER = ["序号"], ["经办人", "联系电话"]


def _id_ending_in_x() -> str:
    for seed in range(1000):
        number = demo.ric(random.Random(seed), "320812", dt.date(1960, 1, 1), dt.date(1990, 12, 31))
        if number.endswith("X"):
            return number
    raise AssertionError("no X")


def _typed(i: int, key: str, value):
    """A value as the department's clerks typed it."""
    if key == "decision_date" and value and "-" in value:
        d = dt.date.fromisoformat(value)
        return [f"{d.year}年{d.month}月{d.day}日", f"{d.year}/{d.month}/{d.day}", (d - dt.date(1899, 12, 30)).days,
                f"{d.year}年{d.month}月{d.day}日".translate(FULL_WIDTH), d][i % 5]
    if key in ("rep_id_number", "id_number") and value:
        return value.lower() if i % 2 else " " + value[:6] + " " + value[6:].translate(FULL_WIDTH) + "\u3000"
    if key == "fine_wan" and value:
        return "1,000.50" if i % 2 else "１，０００．５０"
    return value


def write_department_sheet(path, rows: list[dict]) -> None:
    wb = Workbook()
    wb.active.title = "填表说明"
    wb.active.append(["请按省平台双公示数据标准填写，日期可写作2026年3月5日。"])
    ws = wb.create_sheet("处罚信息")
    width = len(OWN_BEFORE) + len(HEADERS) + len(OWN_AFTER)
    ws.append(["淮安市清江浦区市场监督管理局 行政处罚信息报送表"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.append(OWN_BEFORE + list(HEADERS) + OWN_AFTER)
    for i, row in enumerate(rows):
        ws.append([i + 1] + [_typed(i, f.key, row.get(f.key, "")) for f in FIELDS] + ["李经办", "0517-83600000"])
    for n in range(len(rows) + 1, len(rows) + 11):   # the template's 序号 filled down rows nobody used
        ws.append([n])
    wb.active = 1
    wb.save(path)


def _column(key: str) -> str:
    return get_column_letter(len(OWN_BEFORE) + [f.key for f in FIELDS].index(key) + 1)


def test_r21_a_departments_own_sheet_is_read_by_its_headings_every_bad_cell_named_then_all_in(desk, tmp_path):
    rows = fifty_penalties(TODAY)
    rows[1]["rep_id_number"] = _id_ending_in_x()          # typed with a lower-case x
    good = [dict(r) for r in rows]
    rows[5]["authority_uscc"] = "913208121234567891"      # sheet row 8
    rows[17]["tier"] = "较重"                               # sheet row 20
    rows[33]["decision_date"] = "2026年2月30日"             # sheet row 36
    path = tmp_path / "市监局双公示报送表.xlsx"
    write_department_sheet(path, rows)
    err = refused(desk, "decision", "import", str(path))
    msg = err["message"]
    assert err["code"] == "R21_IMPORT_REFUSED" and "共 3 处错误" in msg, msg
    assert f"第8行{_column('authority_uscc')}列" in msg and f"第20行{_column('tier')}列" in msg
    assert f"第36行{_column('decision_date')}列" in msg and "2026年2月30日" in msg
    assert ok(desk, "decision", "list") == []
    write_department_sheet(path, good)
    out = ok(desk, "decision", "import", str(path))
    assert out["imported"] == 50 and out["sheet"] == "处罚信息"
    listed = {r["doc_number"]: r for r in ok(desk, "decision", "list")}
    assert len(listed) == 50
    assert {r["decision_date"] for r in listed.values()} == {r["decision_date"] for r in good}
    assert {Decimal(r["fine_wan"]) for r in listed.values()} == {Decimal("1000.5")}
    assert listed["清市监罚〔2026〕101号"]["rep_id_number"].endswith("X")


def test_r21_a_heading_worded_otherwise_in_the_departments_layout_is_named_by_name(desk, tmp_path):
    """With the department's own columns around the elements, a heading typed otherwise (罚款金额（元） for
    罚款金额(万元)) is named by the element it should be — not as thirty shifted columns."""
    from openpyxl import load_workbook
    path = tmp_path / "dept.xlsx"
    write_department_sheet(path, fifty_penalties(TODAY)[:3])
    wb = load_workbook(path)
    ws = wb["处罚信息"]
    ws[f"{_column('fine_wan')}2"] = "罚款金额（元）"
    wb.save(path)
    err = refused(desk, "decision", "import", str(path))
    assert err["code"] == "R21_HEADER_MISMATCH", err
    assert "第2行的表头中找不到这些双公示数据项：「罚款金额(万元)」" in err["message"], err["message"]
    assert ok(desk, "decision", "list") == []
