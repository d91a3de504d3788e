"""The clean-up ledger and contact form as .xlsx in the layout of 发改办财金〔2021〕15号 附件1/附件2.

Layout: a title row, an office/date line, the header row word for word, one row per entry, the notes under
the table; A4 landscape, fitted to one page wide, header row repeated on every printed page.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from credit_desk.domain import cleanup as c
from credit_desk.domain.errors import ValidationError

# Column widths (characters) chosen so the 14 columns fit A4 landscape at fit-to-width without tiny text.
WIDTHS = (6, 30, 10, 10, 10, 32, 10, 10, 24, 9, 14, 14, 14, 13)
CONTACT_WIDTHS = (6, 12, 28, 16, 16, 16, 26)
MAX_ROWS = 20_000
# Zip-bomb guard: an .xlsx is a zip, and openpyxl inflates every member it reads. 20 000 rows of the
# template with long texts in every cell take about 50 MB unpacked; a file declaring more than 128 MB is
# refused before anything is inflated (zipfile never inflates a member past its declared size).
MAX_UNPACKED_BYTES = 128 * 2**20
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _sheet_setup(ws, widths, header_row: int) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_margins.left = ws.page_margins.right = 0.4


def _display_width(text: str) -> int:
    """Excel column units: a CJK character takes about two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _fit_height(ws, row: int, values, widths) -> None:
    """Row height for wrapped text; openpyxl does not size rows and LibreOffice keeps what is stored."""
    lines = max((-(-_display_width(str(v)) // max(int(w) - 1, 1)) for v, w in zip(values, widths) if v), default=1)
    ws.row_dimensions[row].height = max(1, lines) * 15 + 3


def _put(ws, row: int, values, font=None, border=True, widths=None) -> None:
    if widths:
        _fit_height(ws, row, values, widths)
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        cell.data_type = "s" if isinstance(value, str) else cell.data_type  # text, never a formula
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if font:
            cell.font = font
        if border:
            cell.border = _BOX


def write_ledger(path: Path, office: str, rows, on: date) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = c.TITLE
    n = len(c.HEADERS)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.cell(row=1, column=1, value=c.TITLE).font = Font(size=16, bold=True)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
    ws.cell(row=2, column=1, value=f"填报单位（盖章）：{office}        {on.year}年{on.month}月{on.day}日")
    _put(ws, 3, c.HEADERS, font=Font(bold=True), widths=WIDTHS)
    for i, row in enumerate(rows, start=1):
        _put(ws, 3 + i, (i,) + row.cells(), widths=WIDTHS)
    last = 3 + len(rows)
    for j, note in enumerate(c.NOTES, start=2):
        ws.merge_cells(start_row=last + j, start_column=1, end_row=last + j, end_column=n)
        ws.cell(row=last + j, column=1, value=note).alignment = Alignment(wrap_text=True)
        ws.row_dimensions[last + j].height = 18 * (1 + _display_width(note) // 250)
    _sheet_setup(ws, WIDTHS, 3)
    _save(wb, path)


def write_contacts(path: Path, contacts) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = c.CONTACT_TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(c.CONTACT_HEADERS))
    ws.cell(row=1, column=1, value=c.CONTACT_TITLE).font = Font(size=16, bold=True)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    _put(ws, 2, c.CONTACT_HEADERS, font=Font(bold=True), widths=CONTACT_WIDTHS)
    for i, contact in enumerate(contacts, start=1):
        _put(ws, 2 + i, (i,) + contact.cells(), widths=CONTACT_WIDTHS)
    _sheet_setup(ws, CONTACT_WIDTHS, 2)
    _save(wb, path)


def _save(wb, path: Path) -> None:
    """Save under a temporary name and rename, so a half-written workbook is never visible."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    tmp.replace(path)


def _check_unpacked_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
    except Exception:  # noqa: BLE001 - not a zip we can read (bad, or e.g. "zip version 8.4"): _open names it
        return
    if total > MAX_UNPACKED_BYTES:
        raise ValidationError("XLSX_TOO_LARGE", f"{Path(path).name} 解压后超过 {MAX_UNPACKED_BYTES // 2**20} MB"
                              "（疑似压缩炸弹），拒绝导入。",
                              f"{Path(path).name} unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB "
                              "(a decompression bomb?); it is refused.", field="file")


def _open(path: Path):
    _check_unpacked_size(path)
    try:
        return load_workbook(path, read_only=False, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many types for a bad file; all mean the same here
        raise ValidationError("XLSX_UNREADABLE", f"无法读取 {Path(path).name}：不是有效的 Excel(.xlsx) 文件。",
                              f"Cannot read {Path(path).name}: not a valid .xlsx file.", field="file") from None


def _find_header(ws, headers) -> int:
    for r in range(1, min(ws.max_row, 10) + 1):
        values = tuple(c.cell_text(ws.cell(row=r, column=i).value) for i in range(1, len(headers) + 1))
        if values == headers:
            return r
    raise ValidationError("R16_HEADER_MISMATCH", f"没有找到与国家模板逐字一致的表头行（应为：{'、'.join(headers)}）。",
                          "No header row matching the national template word for word was found.", field="header")


def _formula_check(ws, r: int, width: int) -> None:
    for col in range(1, width + 1):
        cell = ws.cell(row=r, column=col)
        if cell.data_type == "f":
            raise ValidationError("XLSX_FORMULA", f"单元格 {cell.coordinate} 含有公式，请改为直接填写的文字。",
                                  f"Cell {cell.coordinate} holds a formula; enter plain text.",
                                  field=cell.coordinate, row=r)


def read_rows(path: Path, headers, parse) -> tuple[list, list[int]]:
    """All data rows under the header, parsed; blank rows and the notes end the table.

    Every bad cell is collected; if there is any, the whole file is refused with all of them named.
    Returns (rows, skipped example rows).
    """
    sheets = _open(path).worksheets
    if not sheets:  # a damaged file whose sheet part is missing loads with none (issue-10 fuzzing)
        raise ValidationError("XLSX_UNREADABLE", f"{Path(path).name} 中没有工作表。",
                              f"{Path(path).name} holds no worksheet.", field="file")
    ws = sheets[0]
    start = _find_header(ws, headers)
    out, skipped, problems = [], [], []
    for r in range(start + 1, ws.max_row + 1):
        values = [ws.cell(row=r, column=i).value for i in range(1, len(headers) + 1)]
        first = c.cell_text(values[0])
        if first.startswith("注") or all(v in (None, "") for v in values):
            break
        if first == c.EXAMPLE_MARK:
            skipped.append(r)
            continue
        if len(out) + len(problems) >= MAX_ROWS:
            raise ValidationError("XLSX_TOO_LARGE", f"表格超过 {MAX_ROWS} 行，请拆分后导入。",
                                  f"More than {MAX_ROWS} rows; split the file.", row=r)
        try:
            _formula_check(ws, r, len(headers))
            out.append(parse(values, r))
        except ValidationError as exc:
            problems.append(exc)
    if problems:
        raise ImportRefused(problems)
    return out, skipped


class ImportRefused(ValidationError):
    """All-or-nothing: the file is refused whole, and every bad cell is listed."""

    def __init__(self, problems: list[ValidationError]) -> None:
        self.problems = problems
        zh = f"导入被拒绝，未做任何改动；共 {len(problems)} 处错误：" + "；".join(p.zh for p in problems[:20])
        en = f"Import refused, nothing changed; {len(problems)} bad cell(s): " + "; ".join(p.en for p in problems[:20])
        super().__init__("R16_IMPORT_REFUSED", zh, en, field=problems[0].field, row=problems[0].row)
