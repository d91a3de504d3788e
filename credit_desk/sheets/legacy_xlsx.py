"""An office's own ledger sheet (issue 19 item 3), read as a stream: a layout of its own, so the header row is
found, not assumed, and the columns are whatever the clerk maps them to.

A ledger of 100 000 rows does not fit openpyxl's full mode comfortably (every cell an object); the sheet is read
in read-only mode, row by row. Merged cells (a subject's name merged down over its records, a title merged over
the width) are filled from the sheet's ``<mergeCell>`` list, as ``cleanup_xlsx.fill_merged`` does for the
templates; .xls files, CSV in GBK or UTF-8 and decompression bombs are handled as there (issue 15).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from credit_desk.domain import legacy
from credit_desk.domain.cleanup import EXAMPLE_MARK, repeats_header
from credit_desk.domain.errors import ValidationError
from credit_desk.sheets import cleanup_xlsx as base

MAX_ROWS = 200_000
# read-only mode streams the sheet, so a larger file than the templates' bound is safe to read
MAX_UNPACKED_BYTES = 1024 * 2**20
HEADER_SEARCH_ROWS = 10
PREVIEW_ROWS = 5
_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
_ROW = re.compile(rb'<row\b([^>]*)>')                 # a row's start tag: its attributes
_ROW_NUMBER = re.compile(rb'\br="([0-9]+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_COL = re.compile(rb'<col\b([^>]*)>')                  # a column's width/visibility: min, max, hidden
_COL_SPAN = re.compile(rb'\bmin="([0-9]+)"[^>]*?\bmax="([0-9]+)"|\bmax="([0-9]+)"[^>]*?\bmin="([0-9]+)"')


@dataclass
class Head:
    """The sheet chosen, its header row (1-based), the header texts, the first data rows (texts) and notes."""

    sheet: str
    header_row: int
    headers: list[str]
    preview: list[list[str]] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    rows_estimate: int = 0
    hidden_columns: set[int] = field(default_factory=set)   # 1-based: columns hidden in Excel (att19d)


def _unreadable(path: Path) -> ValidationError:
    return ValidationError("XLSX_UNREADABLE", f"无法读取 {path.name}：不是有效的 Excel(.xlsx) 文件。",
                           f"Cannot read {path.name}: not a valid .xlsx file.", field="file")


def _open(path: Path):
    """(workbook, read_only) — a CSV or a refused old format go through the templates' reader."""
    if path.suffix.lower() == ".csv" or base._old_format(path):
        return base._open(path), False
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, OSError):
        raise _unreadable(path) from None
    if total > MAX_UNPACKED_BYTES:
        raise ValidationError("XLSX_TOO_LARGE", f"{path.name} 解压后超过 {MAX_UNPACKED_BYTES // 2**20} MB，拒绝导入。",
                              f"{path.name} unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB; refused.",
                              field="file")
    try:
        return load_workbook(path, read_only=True, data_only=False), True
    except Exception:  # noqa: BLE001 - openpyxl raises many types for a bad file; all mean the same here
        raise _unreadable(path) from None


def _sheet(wb, name: str | None):
    sheets = list(wb.worksheets)
    if not sheets:
        raise ValidationError("XLSX_UNREADABLE", "工作簿中没有工作表。", "The workbook holds no worksheet.", field="file")
    if name is not None:
        found = [ws for ws in sheets if legacy.header_key(ws.title) == legacy.header_key(name)]
        if not found:
            titles = "、".join(f"「{ws.title}」" for ws in sheets)
            raise ValidationError("XLSX_SHEET_UNKNOWN", f"工作簿中没有名为「{name}」的工作表（有：{titles}）。",
                                  f"There is no sheet named {name!r}.", field="sheet")
        return found[0]
    return next((ws for ws in sheets if getattr(ws, "sheet_state", "visible") == "visible"), sheets[0])


def hidden_columns(ws, read_only: bool) -> set[int]:
    """R7 (att19d): the columns hidden in Excel (1-based) — read-only mode does not load them: read from the
    sheet's ``<cols>`` list, which stands before the data."""
    if not read_only:
        return base.hidden_columns(ws)
    out: set[int] = set()
    with ws._get_source() as src:
        head = src.read(2 * 2**20)
    head = head.split(b"<sheetData", 1)[0]
    for attrs in _COL.findall(head):
        m = _COL_SPAN.search(attrs)
        if m and _HIDDEN.search(attrs):
            lo, hi = (m[1], m[2]) if m[1] else (m[4], m[3])
            out.update(range(int(lo), int(hi) + 1))
    return out


def _merged(ws, read_only: bool) -> tuple[list[tuple[int, int, int, int]], set[int]]:
    """(min_col, min_row, max_col, max_row) of every merged range, and the rows hidden (by hand or a filter)."""
    if not read_only:
        return ([(r.min_col, r.min_row, r.max_col, r.max_row) for r in ws.merged_cells.ranges],
                base.hidden_rows(ws))
    found, hidden, tail = [], set(), b""
    with ws._get_source() as src:  # openpyxl's read-only sheet keeps its XML part; the list sits after the data
        while chunk := src.read(4 * 2**20):
            data = tail + chunk
            found += _MERGE.findall(data)
            hidden.update(int(m[1]) for attrs in _ROW.findall(data) if _HIDDEN.search(attrs)
                          and (m := _ROW_NUMBER.search(attrs)))
            tail = data[-200:]
            found = list(dict.fromkeys(found))
    return [range_boundaries(ref.decode()) for ref in found], hidden


class _Filled:
    """Rows of a sheet with merged ranges filled from their top-left cell."""

    def __init__(self, ws, read_only: bool) -> None:
        self.ws, self.top = ws, {}
        self.by_row: dict[int, list[tuple[int, int, int, int]]] = {}
        merged, self.hidden = _merged(ws, read_only)
        for c1, r1, c2, r2 in merged:
            for r in range(r1, r2 + 1):
                self.by_row.setdefault(r, []).append((c1, r1, c2, r2))

    def rows(self, width: int | None = None):
        for r, values in enumerate(self.ws.iter_rows(values_only=True), start=1):
            values = list(values)
            if width is not None and len(values) < width:
                values += [None] * (width - len(values))
            for c1, r1, c2, r2 in self.by_row.get(r, ()):
                for c in range(c1, min(c2, len(values)) + 1):
                    if r == r1 and c == c1:
                        self.top[(r1, c1)] = values[c - 1]
                    else:
                        values[c - 1] = self.top.get((r1, c1))
            yield r, values


def find_header(rows: list[tuple[int, list]], wanted: list[str] | None = None) -> int | None:
    """The header row among the first rows: the one holding every ``wanted`` header, else the first row with at
    least two filled cells that are all different (a title merged over the width repeats one text)."""
    for r, values in rows:
        keys = [legacy.header_key(v) for v in values if legacy.text(v)]
        if wanted:
            if {legacy.header_key(w) for w in wanted} <= set(keys):
                return r
        elif len(keys) >= 2 and len(set(keys)) == len(keys):
            return r
    return None


def read_head(path: Path, sheet: str | None = None, wanted: list[str] | None = None) -> Head:
    """The sheet's header and first rows, for the mapping dialog and ``--mapping`` (nothing checked yet)."""
    path = Path(path)
    wb, read_only = _open(path)
    try:
        ws = _sheet(wb, sheet)
        filled, first, preview = _Filled(ws, read_only), [], []
        it = filled.rows()
        for r, values in it:
            first.append((r, values))
            if r >= HEADER_SEARCH_ROWS:
                break
        start = find_header(first, wanted) or (find_header(first) if wanted else None)
        if start is None:
            raise ValidationError("LEGACY_NO_HEADER", f"工作表「{ws.title}」前{HEADER_SEARCH_ROWS}行中找不到表头行"
                                  "（至少两个互不相同的列名）。", f"Sheet {ws.title!r} has no header row in its first "
                                  f"{HEADER_SEARCH_ROWS} rows.", field="header")
        headers = [legacy.text(v) for v in dict(first)[start]]
        while headers and not headers[-1]:
            headers.pop()
        under_header = True
        for r, values in first + list(_take(it, PREVIEW_ROWS + 2)):
            if r > start and under_header and repeats_header(values[:len(headers)], headers):
                continue   # the header's second row (merged down): not shown as data
            under_header = under_header and r <= start
            if r > start and len(preview) < PREVIEW_ROWS and any(legacy.text(v) for v in values):
                preview.append([legacy.text(v) for v in values[:len(headers)]])
        estimate = max((ws.max_row or 0) - start, 0) if read_only else ws.max_row - start
        return Head(ws.title, start, headers, preview, base.csv_notes(wb) + _other_tables(wb, ws, sheet), estimate,
                    hidden_columns(ws, read_only))
    finally:
        if read_only:
            wb.close()


def _other_tables(wb, chosen, named: str | None) -> list[dict]:
    """The note that other visible sheets hold a table too (a ledger kept one sheet per year): only the chosen
    sheet is read, and the clerk is told which ones were not — never left out without a word."""
    if named is not None:
        return []
    others = []
    for ws in wb.worksheets:
        if ws is chosen or getattr(ws, "sheet_state", "visible") != "visible":
            continue
        first = list(enumerate(ws.iter_rows(max_row=HEADER_SEARCH_ROWS + 1, values_only=True), start=1))
        head = find_header(first)
        if head is not None and any(legacy.text(v) for r, values in first if r > head for v in values):
            others.append(ws.title)
    if not others:
        return []
    titles = "、".join(f"「{t}」" for t in others)
    return [{"code": "LEGACY_OTHER_SHEETS",
             "zh": f"只读取了工作表「{chosen.title}」；工作簿中的工作表{titles}也有数据，未读取。如需导入，请把该工作表另存为单独的"
                   "文件（或移到最前）后再导入。",
             "en": f"Only sheet {chosen.title!r} was read; sheet(s) {', '.join(others)} hold data too and were not "
                   "read. To import one, save it as a file of its own (or move it first) and import that."}]


def _take(it, n: int):
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return


@dataclass(frozen=True)
class AfterNotes:
    """A row holding data below the notes line of row ``notes_row``."""

    notes_row: int


def _footer_starts(filled: list[str]) -> bool:
    """R7: the row begins the notes or the footer (``base.is_footer``). An office's own columns may begin with a
    bare word such as 单位 (the subject's kind) on a row of data: a bare label starts the footer only on a line of
    one text or of footer texts alone; a label with its colon (填表人：, 联系电话：0517…) starts it whatever
    stands beside it. A row that is not taken for the footer is read as data (imported or named, never dropped)."""
    return base.is_footer(filled[0]) and (len(set(filled)) == 1 or ":" in filled[0] or "：" in filled[0]
                                          or all(base.is_footer(t) for t in filled))


def data_rows(path: Path, head: Head):
    """(sheet row, values) under the header: blank rows skipped, 示例 rows skipped, the notes or the form's footer
    (``_footer_starts``: 注…, 填表人：…, 联系电话：…) end the table
    (a row of data below it comes as (sheet row, ``AfterNotes``), for the caller to name);
    a formula cell is a ``("=", …)`` value the caller names as bad; a hidden row that holds anything comes as
    (sheet row, None) — the caller names it (the clerk who checked the sheet on screen never saw it)."""
    path = Path(path)
    wb, read_only = _open(path)
    try:
        ws = _sheet(wb, head.sheet)
        width = len(head.headers)
        count, filled_rows, notes_row = 0, _Filled(ws, read_only), None
        under_header = True
        for r, values in filled_rows.rows(width):
            if r <= head.header_row:
                continue
            cells = values[:width]
            if under_header and repeats_header(cells, head.headers):
                continue   # R7: the header's second row (its headings merged down over two rows), not a subject
            under_header = False
            texts = [legacy.text(v) for v in cells]
            filled = [t for t in texts if t]
            if not filled:
                continue
            if filled[0] == EXAMPLE_MARK:
                continue
            if notes_row is None and _footer_starts(filled):
                notes_row = r   # R7: the notes or the form's footer (填表人：…, 联系电话：…) under the table, not data
            if notes_row is not None:
                # a further footer line, or one text (a line of the notes, or merged over the width), is passed
                # over; a row of data below them is named by the caller, never left out (base.read_sheet's rule)
                if not base.is_footer(filled[0]) and len(set(filled)) > 1:
                    yield r, AfterNotes(notes_row)
                continue
            count += 1
            if count > MAX_ROWS:
                raise ValidationError("XLSX_TOO_LARGE", f"表格超过 {MAX_ROWS} 行，请拆分后导入。",
                                      f"More than {MAX_ROWS} rows; split the file.", row=r)
            yield r, (None if r in filled_rows.hidden else cells)
    finally:
        if read_only:
            wb.close()
