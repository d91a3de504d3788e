"""The clean-up ledger and contact form as .xlsx in the layout of 发改办财金〔2021〕15号 附件1/附件2.

Layout: a title row, an office/date line, the header row word for word, one row per entry, the notes under
the table; A4 landscape, fitted to one page wide, header row repeated on every printed page.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import column_index_from_string, get_column_letter

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


CHECK_WIDTH = 30


def write_ledger(path: Path, office: str, rows, on: date, checks=None) -> None:
    """The ledger in the 附件1 layout; ``checks`` (one text per row) fills a 15th column AFTER the 14 national
    ones (R16: never inside them). Import reads the 14 columns only, so the file round-trips."""
    wb = Workbook()
    ws = wb.active
    ws.title = c.TITLE
    n = len(c.HEADERS)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.cell(row=1, column=1, value=c.TITLE).font = Font(size=16, bold=True)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
    ws.cell(row=2, column=1, value=f"填报单位（盖章）：{office}        {on.year}年{on.month}月{on.day}日")
    headers, widths = c.HEADERS, WIDTHS
    if checks is not None:
        headers, widths = c.HEADERS + (c.CHECK_HEADER,), WIDTHS + (CHECK_WIDTH,)
    _put(ws, 3, headers, font=Font(bold=True), widths=widths)
    for i, row in enumerate(rows, start=1):
        extra = (checks[i - 1],) if checks is not None else ()
        _put(ws, 3 + i, (i,) + row.cells() + extra, widths=widths)
    last = 3 + len(rows)
    for j, note in enumerate(c.NOTES, start=2):
        ws.merge_cells(start_row=last + j, start_column=1, end_row=last + j, end_column=n)
        ws.cell(row=last + j, column=1, value=note).alignment = Alignment(wrap_text=True)
        ws.row_dimensions[last + j].height = 18 * (1 + _display_width(note) // 250)
    _sheet_setup(ws, widths, 3)
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


_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003) and .et files are OLE2 containers


def _old_format(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return False
    # the content decides; a .xls/.et name on something that is not a zip (.xlsx) is the old format too
    return head == _OLE2_MAGIC or (Path(path).suffix.lower() in (".xls", ".et") and head[:2] != b"PK")


# CSV files saved by Excel or WPS on a Chinese Windows are GBK (code page 936); GB 18030 decodes every GBK
# file and more. UTF-8 (with or without the BOM Excel writes) is tried first: a GBK file is almost never valid
# UTF-8, while UTF-8 bytes would decode as GB 18030 into nonsense.
CSV_ENCODINGS = ("utf-8-sig", "gb18030")
_CSV_NAMES = {"utf-8-sig": "UTF-8", "gb18030": "GBK/GB18030"}


def _read_csv(path: Path):
    """A .csv as a one-sheet workbook of text cells (issue 15: exported from other systems as GBK); the
    encoding used is kept on the workbook (``csv_encoding``) for the clerk's note."""
    data = Path(path).read_bytes()
    for enc in CSV_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        # GB 18030's own byte-order mark (84 31 95 33, written by some export tools) decodes to U+FEFF and
        # would glue itself to 序号, so the header row is not found (R16, issue 15)
        text = text.removeprefix("\ufeff")
        wb = Workbook()
        ws = wb.active
        ws.title = Path(path).stem[:31] or "CSV"
        for row in csv.reader(io.StringIO(text, newline="")):
            ws.append(row)
        wb.csv_encoding = _CSV_NAMES[enc]
        return wb
    raise ValidationError("CSV_ENCODING", f"无法读取 {Path(path).name}：既不是 UTF-8 也不是 GBK 编码的文本。"
                          "请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。",
                          f"Cannot read {Path(path).name}: neither UTF-8 nor GBK text. Open it in Excel or WPS and "
                          "save it as .xlsx.", field="file")


def fill_merged(ws) -> None:
    """Give every cell of a merged range the value of its top-left cell (issue 15: offices merge 责任单位 over
    several rows and titles over the width; openpyxl leaves the other cells of a range empty)."""
    try:
        for rng in list(ws.merged_cells.ranges):
            value = ws.cell(row=rng.min_row, column=rng.min_col).value
            ws.unmerge_cells(str(rng))
            for row in ws.iter_rows(min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col,
                                    max_col=rng.max_col):
                for cell in row:
                    cell.value = value
    except (AttributeError, KeyError, ValueError):
        # two merged ranges that overlap (no spreadsheet program writes them; a damaged or crafted file does):
        # openpyxl cannot unmerge them — one sentence, not a traceback (found by fuzzing the credit-check lists)
        raise ValidationError("XLSX_MERGED_OVERLAP", f"工作表「{ws.title}」中有相互重叠的合并单元格，文件可能已损坏；"
                              "请取消合并单元格后重新保存再导入。", f"Sheet {ws.title!r} holds merged cells that overlap; "
                              "the file may be damaged. Unmerge the cells, save it again and import it.",
                              field="file") from None


@contextmanager
def opened(path: Path):
    """``_open``'s workbook, its cells let go of on leaving (issue 18). A workbook is a web of cycles (each cell
    names its sheet) that only Python's collector frees: its first pass after a background import (the collector
    paused meanwhile, ``collector.paused``) walked the 69k cells of a 3,000-row 双公示 sheet for 140–260 ms holding
    Python's lock, and the window stood still before the refusal's list appeared."""
    wb = _open(path)
    try:
        yield wb
    finally:
        for ws in wb.worksheets:
            cells = getattr(ws, "_cells", None)   # openpyxl's own store of a sheet's cells
            if cells is not None:
                cells.clear()   # freed now, one by one, not left for the collector


def _open(path: Path):
    if Path(path).suffix.lower() == ".csv" and not _old_format(path):
        return _read_csv(path)
    if _old_format(path):
        raise ValidationError(
            "XLS_OLD_FORMAT",
            f"{Path(path).name} 是旧版 Excel 97-2003（.xls）格式，本软件只读 .xlsx。请用 Excel 或 WPS 打开该文件，"
            "点“文件 → 另存为”，保存类型选“Excel 工作簿(*.xlsx)”，再导入另存的 .xlsx 文件。",
            f"{Path(path).name} is in the old Excel 97-2003 (.xls) format; only .xlsx is read. Open it in Excel or "
            "WPS, choose File → Save As, type 'Excel Workbook (*.xlsx)', and import the saved .xlsx.", field="file")
    _check_unpacked_size(path)
    try:
        return load_workbook(path, read_only=False, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many types for a bad file; all mean the same here
        raise ValidationError("XLSX_UNREADABLE", f"无法读取 {Path(path).name}：不是有效的 Excel(.xlsx) 文件。",
                              f"Cannot read {Path(path).name}: not a valid .xlsx file.", field="file") from None


def _header_row(ws, headers) -> int | None:
    """The last row of the header (rows 1–10) whose cells equal ``headers`` after normalising width, whitespace
    and quotes; data start under it. A header over two rows (issue 15: a group title merged over sub-titles,
    or titles merged down two rows) matches when each column's lower cell, upper cell, or both together give
    the heading (merged cells filled first, ``fill_merged``)."""
    wanted = tuple(c.header_key(h) for h in headers)
    cols = range(1, len(headers) + 1)
    for r in range(1, min(ws.max_row, 10) + 1):
        upper = [c.header_key(ws.cell(row=r, column=i).value) for i in cols]
        if tuple(upper) == wanted:
            return r
        if r < ws.max_row:
            lower = [c.header_key(ws.cell(row=r + 1, column=i).value) for i in cols]
            if all(w in (lo, up, up + lo) and w for w, up, lo in zip(wanted, upper, lower)):
                return r + 1
    return None


def _find_header(ws, headers) -> int:
    r = _header_row(ws, headers)
    if r is None:
        raise ValidationError("R16_HEADER_MISMATCH",
                              f"工作表「{ws.title}」没有与国家模板一致的表头行（应为：{'、'.join(headers)}）。",
                              f"Sheet {ws.title!r} has no header row matching the national template.", field="header")
    return r


def _hidden(ws) -> bool:
    return ws.sheet_state != "visible"


def choose_sheet(wb, headers, name: str | None = None, finder=None) -> tuple:
    """The worksheet to read and the notes to show the clerk (issue 15).

    With ``name`` (``--sheet``): that sheet, hidden or not (a hidden one is said). Without: the one visible
    sheet holding the template's header; several such sheets are refused (the clerk names one); a header found
    only on hidden sheets is refused, naming them. Hidden sheets passed over are said too.
    """
    sheets = [ws for ws in wb.worksheets]
    if name is not None:
        found = [ws for ws in sheets if c.header_key(ws.title) == c.header_key(name)]
        if not found:
            raise ValidationError("XLSX_SHEET_UNKNOWN", f"工作簿中没有名为「{name}」的工作表（有：{_titles(sheets)}）。",
                                  f"There is no sheet named {name!r} (there are: {_titles(sheets)}).", field="sheet")
        ws = found[0]
        notes = [_note("XLSX_HIDDEN_SHEET_READ", f"按您的指定读取了隐藏的工作表「{ws.title}」。",
                       f"The hidden sheet {ws.title!r} was read, as you named it.")] if _hidden(ws) else []
        return ws, notes
    find = finder or _header_row   # ``finder(ws, headers)``: the header row or None (a reader that finds columns by name)
    with_header = [ws for ws in sheets if find(ws, headers) is not None]
    visible = [ws for ws in with_header if not _hidden(ws)]
    if len(visible) > 1:
        raise _with_sheets(visible, "XLSX_SHEETS_AMBIGUOUS",
                              f"有 {len(visible)} 个工作表都含台账表头（{_titles(visible)}），请指定要导入的工作表。",
                              f"{len(visible)} sheets hold the template header ({_titles(visible)}); choose the one to "
                              "import.", field="sheet", cli="--sheet 工作表名")
    if not visible and with_header:
        raise _with_sheets(with_header, "XLSX_ONLY_HIDDEN_SHEET",
                              f"表头只出现在隐藏的工作表（{_titles(with_header)}）中，未导入；如确需导入，请指定该工作表。",
                              f"The header is only on hidden sheet(s) ({_titles(with_header)}); nothing imported. "
                              "Choose the sheet to import it.", field="sheet", cli="--sheet 工作表名")
    ws = visible[0] if visible else wb.active
    if ws is None or _hidden(ws):
        ws = next((w for w in sheets if not _hidden(w)), sheets[0])
    skipped = [w for w in sheets if _hidden(w) and w is not ws]
    notes = [_note("XLSX_HIDDEN_SHEETS_SKIPPED", f"已略过隐藏的工作表：{_titles(skipped)}。",
                   f"Hidden sheet(s) not read: {_titles(skipped)}.")] if skipped else []
    return ws, notes


def _with_sheets(sheets, *args, **kw) -> ValidationError:
    """The refusal, carrying the candidate sheets' names (``exc.sheets``) for the GUI to offer."""
    exc = ValidationError(*args, **kw)
    exc.sheets = [ws.title for ws in sheets]
    return exc


def _titles(sheets) -> str:
    return "、".join(f"「{ws.title}」" for ws in sheets)


def _note(code: str, zh: str, en: str) -> dict:
    return {"code": code, "zh": zh, "en": en}


def csv_notes(wb) -> list[dict]:
    """The note saying which encoding a .csv was read in (none for a workbook)."""
    enc = getattr(wb, "csv_encoding", None)
    return [_note("CSV_READ", f"CSV 文件按 {enc} 编码读取。", f"The CSV file was read as {enc}.")] if enc else []


_NOTE = re.compile(r"注(?:$|[\s:：、.．,，;；（(0-9０-９一二三四五六七八九十])")


def is_note(text: str) -> bool:
    """A line of the notes under a table (注：…, 注1.…) — not a name that begins with 注 (注塑机厂)."""
    return bool(_NOTE.match(text))


# The lines an office writes under a filled-in template (R16, 发改办财金〔2021〕15号 附件1 as offices return it):
# who filled it in, who checked it, the phone, the date, the seal, an explanation. A label followed by a colon (or
# nothing, or a space): 「填表人：王某」「填报单位（盖章）：」「说明：」 — never a document's name (说明书…, 《…》).
FOOTER_LABELS = ("说明", "填表说明", "填报说明", "填表人", "填报人", "填写人", "制表人", "编制人", "统计人", "经办人",
                 "审核人", "审核", "审批人", "复核人", "负责人", "单位负责人", "部门负责人", "主要负责人", "分管领导",
                 "联系人", "联系电话", "办公电话", "电话", "手机", "填表日期", "填报日期", "制表日期", "报送日期", "日期",
                 "填报单位", "填表单位", "制表单位", "报送单位", "单位", "盖章", "单位盖章", "签字", "签名")
_FOOTER = re.compile("(?:" + "|".join(sorted(FOOTER_LABELS, key=len, reverse=True)) + r")(?:[（(][^）)]{0,8}[）)])?"
                     r"(?:$|\s|[:：])|备注\s*[:：]")


def is_footer(text: str) -> bool:
    """A line under a table: the notes (``is_note``) or the form's footer (填表人：…, 联系电话：…, 说明：…)."""
    return is_note(text) or bool(_FOOTER.match(text))


def after_notes_problem(r: int, notes_row: int, where: str = "") -> ValidationError:
    """A row holding data below the notes that end the table: named, never dropped without a word."""
    return ValidationError("XLSX_ROW_AFTER_NOTES", f"{where}第{r}行在第{notes_row}行的表下注释之后，未读取；请把该行移到"
                           "注释之前，或删除注释后再导入。", f"row {r} lies below the notes of row {notes_row} and was not "
                           "read; move it above the notes, or delete the notes, and import again.", field=f"row{r}", row=r)


def hidden_rows(ws) -> set[int]:
    """Rows hidden in the sheet (by hand or by a filter): the clerk who checked the sheet on screen did not see
    them, so an import never reads them silently (issue 19: they are named and the file refused)."""
    dims = getattr(ws, "row_dimensions", None) or {}
    return {r for r, dim in dims.items() if getattr(dim, "hidden", False)}


def hidden_columns(ws) -> set[int]:
    """Columns hidden in the sheet (1-based; a hidden group spans min..max): the clerk who checked the sheet on
    screen did not see them (att19d: a hidden column of old codes was read in place of the visible one)."""
    out: set[int] = set()
    for key, dim in (getattr(ws, "column_dimensions", None) or {}).items():
        if getattr(dim, "hidden", False):
            lo = dim.min or column_index_from_string(key)
            out.update(range(lo, (dim.max or lo) + 1))
    return out


def hidden_column_problem(col: int, heading, header_row: int, where: str = "") -> ValidationError:
    """One hidden column the import would read, named by letter and heading (Chinese first)."""
    letter, text = get_column_letter(col), c.cell_text(heading)
    return ValidationError("XLSX_HIDDEN_COLUMN", f"{where}{letter}列「{text}」是隐藏列（在 Excel 中看不到），其内容不导入也不"
                           "略过；请取消隐藏、核对该列后再导入，不需要的列请删除。", f"column {letter} ({text!r}) is hidden "
                           "(not visible in Excel); unhide and check it, or delete it, then import again.",
                           field=f"{letter}{header_row}", row=header_row)


def hidden_row_problem(r: int, where: str = "") -> ValidationError:
    """One hidden row, named (Chinese first)."""
    return ValidationError("XLSX_HIDDEN_ROW", f"{where}第{r}行是隐藏行（在 Excel 中看不到），未导入；请取消隐藏、核对该行后"
                           "再导入，不需要的行请删除。", f"row {r} is hidden (not visible in Excel); "
                           "unhide and check it, or delete it, then import again.", field=f"row{r}", row=r)


def _formula_problems(ws, r: int, width: int) -> list[ValidationError]:
    return [ValidationError("XLSX_FORMULA", f"单元格 {cell.coordinate} 含有公式，请改为直接填写的文字。",
                            f"Cell {cell.coordinate} holds a formula; enter plain text.", field=cell.coordinate, row=r)
            for cell in (ws.cell(row=r, column=col) for col in range(1, width + 1)) if cell.data_type == "f"] + \
        [ValidationError("XLSX_ERROR_VALUE", f"单元格 {cell.coordinate}：{c.excel_error_words(cell.value)[0]}",
                         f"Cell {cell.coordinate}: {c.excel_error_words(cell.value)[1]}", field=cell.coordinate, row=r)
         for cell in (ws.cell(row=r, column=col) for col in range(1, width + 1)) if c.is_excel_error(cell.value)]


@dataclass
class SheetRead:
    """What was read: the parsed rows, the example rows skipped, the sheet's name, and notes for the clerk."""

    rows: list
    skipped: list[int]
    sheet: str
    notes: list[dict] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)


def read_rows(path: Path, headers, parse, sheet: str | None = None) -> tuple[list, list[int]]:
    """All data rows under the header, parsed (see ``read_sheet``); returns (rows, skipped example rows)."""
    got = read_sheet(path, headers, parse, sheet)
    return got.rows, got.skipped


def read_sheet(path: Path, headers, parse, sheet: str | None = None) -> SheetRead:
    """All data rows under the header of the chosen sheet (``choose_sheet``), parsed. A blank row is passed
    over, never the end of the table (the rows below it are read); the notes or the form's footer (``is_footer``:
    注…, 填表人：…, 联系电话：…, 说明：…) end it, and a row of data below them is named (``after_notes_problem``);
    a row hidden in Excel is named (``hidden_row_problem``), as the other readers do. Every bad cell of every row is collected; if there is any, the whole file is refused (``ImportRefused``)
    with all of them named.
    """
    with opened(path) as wb:
        return _read_sheet(wb, path, headers, parse, sheet)


def _read_sheet(wb, path: Path, headers, parse, sheet: str | None) -> SheetRead:
    if not wb.worksheets:  # a damaged file whose sheet part is missing loads with none (issue-10 fuzzing)
        raise ValidationError("XLSX_UNREADABLE", f"{Path(path).name} 中没有工作表。",
                              f"{Path(path).name} holds no worksheet.", field="file")
    for w in wb.worksheets:
        fill_merged(w)
    ws, notes = choose_sheet(wb, headers, sheet)
    notes += csv_notes(wb)
    start = _find_header(ws, headers)
    while start < ws.max_row and c.repeats_header([ws.cell(row=start + 1, column=i).value
                                                   for i in range(1, len(headers) + 1)], headers):
        start += 1   # R16: the header's second row (its headings merged down over two rows), not an entry
    out, numbers, skipped, problems, notes_row, hidden = [], [], [], [], None, hidden_rows(ws)
    problems += [hidden_column_problem(col, ws.cell(row=start, column=col).value, start, f"工作表「{ws.title}」")
                 for col in sorted(hidden_columns(ws)) if col <= len(headers)]   # R16: never read unseen
    for r in range(start + 1, ws.max_row + 1):
        values = [ws.cell(row=r, column=i).value for i in range(1, len(headers) + 1)]
        filled = [t for t in (c.cell_text(v) for v in values) if t]
        if not filled:
            continue   # R16 all-or-nothing: a blank row never ends the table — the rows below it are read
        if c.cell_text(values[0]) == c.EXAMPLE_MARK:
            skipped.append(r)
            continue
        if notes_row is None and is_footer(filled[0]):
            notes_row = r   # R16: the notes or the footer (填表人：…, 联系电话：…) under the table, not data
        if notes_row is not None:
            # R16: a further footer line, or one text (a line of the notes, or merged over the width), is passed
            # over; a row of data below the footer is named, never dropped without a word
            if not is_footer(filled[0]) and len(set(filled)) > 1:
                problems.append(after_notes_problem(r, notes_row, f"工作表「{ws.title}」"))
            continue
        if r in hidden:   # R16 all-or-nothing: a row the clerk could not see on screen is named, never imported
            problems.append(hidden_row_problem(r, f"工作表「{ws.title}」"))
            continue
        if len(out) + len(problems) >= MAX_ROWS:
            raise ValidationError("XLSX_TOO_LARGE", f"表格超过 {MAX_ROWS} 行，请拆分后导入。",
                                  f"More than {MAX_ROWS} rows; split the file.", row=r)
        row_problems = _formula_problems(ws, r, len(headers))
        try:
            parsed = parse(values, r)
        except ValidationError as exc:
            row_problems += getattr(exc, "problems", [exc])
        if row_problems:
            problems += row_problems
            continue
        out.append(parsed)
        numbers.append(r)
    if problems:
        raise ImportRefused(problems)
    return SheetRead(out, skipped, ws.title, notes, numbers)


class ImportRefused(ValidationError):
    """All-or-nothing: the file is refused whole, and every bad cell is listed."""

    def __init__(self, problems: list[ValidationError]) -> None:
        self.problems = problems
        # every bad cell is in ``problems`` (the GUI lists them all, the CLI prints them all); the message
        # names the first 20 so it stays readable in one dialog line
        more_zh = f"；另有 {len(problems) - 20} 处见错误清单" if len(problems) > 20 else ""
        more_en = f"; {len(problems) - 20} more in the list" if len(problems) > 20 else ""
        zh = f"导入被拒绝，未做任何改动；共 {len(problems)} 处错误：" + "；".join(p.zh for p in problems[:20]) + more_zh
        en = (f"Import refused, nothing changed; {len(problems)} bad cell(s): " + "; ".join(p.en for p in problems[:20])
              + more_en)
        super().__init__("R16_IMPORT_REFUSED", zh, en, field=problems[0].field, row=problems[0].row)
