"""Issue 15 kind 7, the spreadsheet kinds table (R16 clean-up ledger; R21 双公示 import): hidden sheets, merged
title rows, merged data cells, two-line headers, .xls, .csv in GBK and UTF-8, formulas and dates as Excel serial
numbers — each through the import service, with the right outcome: rows read (and the note the clerk sees) or one
clear refusal naming the cell or the file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from openpyxl import Workbook

from credit_desk.domain import cleanup as c
from credit_desk.domain.errors import DomainError
from credit_desk.services import cleanup
from credit_desk.sheets.cleanup_xlsx import ImportRefused
from tests.realinput.test_sheets_real import _row

TWO_LINE_UPPER = list(c.HEADERS[:6]) + ["依据情况", "依据情况", "依据情况"] + list(c.HEADERS[9:])
TWO_LINE_LOWER = [None] * 6 + list(c.HEADERS[6:9]) + [None] * 5


def _xlsx(path, fill) -> str:
    wb = Workbook()
    fill(wb)
    wb.save(path)
    return str(path)


def hidden_stale_first(wb):
    stale = wb.active
    stale.title = "旧表"
    stale.append(list(c.HEADERS))
    stale.append(_row(9))
    stale.sheet_state = "hidden"
    ws = wb.create_sheet("台账")
    ws.append(list(c.HEADERS))
    ws.append(_row(1))
    wb.active = 1


def merged_title(wb):
    ws = wb.active
    ws.append(["清江浦区失信约束措施清理台账"] + [None] * 13)
    ws.merge_cells("A1:N1")
    ws.append(["填报单位：清江浦区信用办"] + [None] * 13)
    ws.merge_cells("A2:N2")
    ws.append(list(c.HEADERS))
    ws.append(_row(1))
    ws.append(_row(2))


def merged_data_cells(wb):
    ws = wb.active
    ws.append(list(c.HEADERS))
    ws.append(_row(1, c11="区城管局"))
    ws.append(_row(2, c11=None, c12=None, c13=None))
    for col in "LMN":  # 责任单位, 责任人, 电话 merged over the two rows
        ws.merge_cells(f"{col}2:{col}3")


def two_line_group_header(wb):
    ws = wb.active
    ws.append(TWO_LINE_UPPER)
    ws.append(TWO_LINE_LOWER)
    ws.merge_cells("G1:I1")
    for col in "ABCDEFJKLMN":
        ws.merge_cells(f"{col}1:{col}2")
    ws.append(_row(1))


def two_line_split_titles(wb):
    ws = wb.active
    upper, lower = ["序号"], [None]
    for h, cut in zip(c.HEADERS[1:6], ("（含文号）", "共享公开", "“黑名单”认定", "惩戒措施", "摘要")):
        head = h.replace("(含文号)", "（含文号）")
        upper.append(head[: len(head) - len(cut)])
        lower.append(cut)
    ws.append(upper + list(c.HEADERS[6:]))
    ws.append(lower + [None] * 8)
    ws.append(_row(1))


def formula_cell(wb):
    ws = wb.active
    ws.append(list(c.HEADERS))
    ws.append(_row(1, c13="=\"0517-\"&\"83000001\""))


def serial_date(wb):
    ws = wb.active
    ws.append(list(c.HEADERS))
    ws.append(_row(1, c10=44270))
    ws.append(_row(2, c10=dt.datetime(2021, 3, 15)))


def serial_out_of_range(wb):
    ws = wb.active
    ws.append(list(c.HEADERS))
    ws.append(_row(1, c10=12345))


def _csv(path, encoding: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(c.HEADERS)
    w.writerow(_row(1, c10="2021年6月底前"))
    w.writerow(_row(2))
    path.write_bytes(buf.getvalue().encode(encoding))
    return str(path)


# (label, build(tmp_path) -> file, expected: added rows or the error code, note code or completion text shown)
KINDS = [
    ("hidden stale first sheet", lambda p: _xlsx(p / "h.xlsx", hidden_stale_first), 1, "XLSX_HIDDEN_SHEETS_SKIPPED"),
    ("merged title rows", lambda p: _xlsx(p / "t.xlsx", merged_title), 2, None),
    ("merged data cells", lambda p: _xlsx(p / "m.xlsx", merged_data_cells), 2, None),
    ("two-line header, group over sub-titles", lambda p: _xlsx(p / "g.xlsx", two_line_group_header), 1, None),
    ("two-line header, titles split over two rows", lambda p: _xlsx(p / "s.xlsx", two_line_split_titles), 1, None),
    ("old .xls", lambda p: (p / "o.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
     and str(p / "o.xls"), "XLS_OLD_FORMAT", None),
    ("csv in GBK", lambda p: _csv(p / "gbk.csv", "gbk"), 2, "CSV_READ"),
    ("csv in UTF-8 with BOM", lambda p: _csv(p / "u8.csv", "utf-8-sig"), 2, "CSV_READ"),
    ("csv in neither", lambda p: (p / "x.csv").write_bytes(b"\xff\xfe\x00\xd8\x81\x30" * 20) and str(p / "x.csv"),
     "CSV_ENCODING", None),
    ("formula in a cell", lambda p: _xlsx(p / "f.xlsx", formula_cell), "XLSX_FORMULA", None),
    ("date as an Excel serial number", lambda p: _xlsx(p / "d.xlsx", serial_date), 2, "44270"),
    ("serial number out of range", lambda p: _xlsx(p / "r.xlsx", serial_out_of_range), "R16_CELL_INVALID", None),
]


@pytest.mark.parametrize("label,build,expected,shown", KINDS, ids=[k[0] for k in KINDS])
def test_r16_sheet_kinds_table(clerk, tmp_path, label, build, expected, shown):
    path = build(tmp_path)
    try:
        out = cleanup.import_ledger(clerk, path)
    except ImportRefused as exc:
        assert [p.code for p in exc.problems][0] == expected, (label, [p.zh for p in exc.problems])
        assert all(p.zh and p.en for p in exc.problems)
        return
    except DomainError as exc:
        assert exc.code == expected, (label, exc.code, exc.zh)
        assert exc.zh and exc.en
        return
    assert out["added"] == expected, label
    if shown:
        said = [n["code"] for n in out["notes"]] + [n["zh"] for n in out["dates_read"]]
        assert any(shown in s for s in said), (label, said)
    if label == "merged data cells":
        names = {r[c.HEADERS[11]] for r in _rows(clerk)}
        assert names == {"区城管局"}  # the merged 责任单位 reaches the second row
    if label == "date as an Excel serial number":
        assert {r[c.HEADERS[10]] for r in _rows(clerk)} >= {"44270"} or out["dates_read"][0]["date"] == "2021-03-15"
        assert out["dates_read"][0]["date"] == "2021-03-15"
    if label == "csv in GBK":
        assert "GBK" in out["notes"][0]["zh"]


def _rows(clerk) -> list[dict]:
    from credit_desk.store import cleanup as repo
    return [dict(zip(c.HEADERS[1:], row.cells())) for _, row in repo.rows_named(
        clerk.ledger.conn, [f"《文件{n}》（清政规〔2020〕{n}号）" for n in (1, 2)])]


def test_r21_disclosure_import_reads_gbk_csv_and_serial_dates(clerk, tmp_path):
    """The 双公示 import takes the same kinds: a GBK .csv from another system, a decision date as a serial."""
    from credit_desk.services.disclosure import sheet
    from credit_desk.sheets.disclosure_xlsx import HEADERS
    from credit_desk.domain import disclosure as d
    from tests.e2e.disclosure_kit import penalty_row
    from tests.realinput.conftest import NOW
    decided = NOW.date() - dt.timedelta(days=2)
    raw = penalty_row(1, decided)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADERS)
    w.writerow([raw.get(f.key, "") for f in d.FIELDS])
    (tmp_path / "双公示.csv").write_bytes(buf.getvalue().encode("gbk"))
    out = sheet.import_sheet(clerk, tmp_path / "双公示.csv")
    assert out["imported"] == 1 and any(n["code"] == "CSV_READ" for n in out["notes"])
    wb = Workbook()
    ws = wb.active
    ws.append(list(HEADERS))
    serial = (decided - c.EXCEL_EPOCH).days
    ws.append([serial if f.key == "decision_date" else
               ({**raw, "doc_number": "清市监罚〔2026〕999号"}).get(f.key, "") for f in d.FIELDS])
    wb.save(tmp_path / "serial.xlsx")
    out = sheet.import_sheet(clerk, tmp_path / "serial.xlsx")
    from credit_desk.store import disclosures
    assert disclosures.get(clerk.ledger.conn, out["ids"][0]).decision_date == decided


def test_cli_imports_a_gbk_csv_and_a_merged_two_line_sheet(office, secret_files, tmp_path):
    from tests.realinput.conftest import clerk_cli
    run = clerk_cli(office, secret_files)
    code, out, err = run("--json", "ledger", "import", _csv(tmp_path / "gbk.csv", "gbk"))
    assert code == 0 and "Traceback" not in err, err
    got = json.loads(out)
    assert got["added"] == 2 and "GBK" in json.dumps(got["notes"], ensure_ascii=False)
    code, out, err = run("--json", "ledger", "import", _xlsx(tmp_path / "g.xlsx", two_line_group_header))
    got = json.loads(out)
    assert code == 0 and got["added"] + got["updated"] + got["unchanged"] == 1, (out, err)
    code, out, err = run("ledger", "import", _xlsx(tmp_path / "f.xlsx", formula_cell))
    assert code != 0 and "公式" in err and "Traceback" not in err
