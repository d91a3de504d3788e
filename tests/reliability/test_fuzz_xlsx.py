"""Fuzzing the clean-up ledger Excel imports (R16 台账, 附件2 contacts) with hostile workbooks: random cell
values and types, formulas, huge strings, merged cells, extra and chart sheets, and damaged zip bytes.
Property: imported whole or refused with a Chinese sentence naming the cell; a refusal changes nothing."""

from __future__ import annotations

import io
from collections import Counter
from datetime import datetime, time, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st
from openpyxl import Workbook

from credit_desk.domain.cleanup import CONTACT_HEADERS, HEADERS, NOTES
from credit_desk.services import cleanup
from tests.e2e.sync_support import session
from tests.reliability.fuzzing import FUZZ, NASTY_TEXT, damaged
from tests.reliability.support import contacts_rows, ledger_digest, ledger_rows, only_domain_errors
import pytest
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """Business here is the clerk's (R14 separation of duties); admin acts name user="admin"."""
    return with_business_accounts(office, secret_files)

CELL = (st.none() | st.text(max_size=30) | NASTY_TEXT | st.integers() | st.floats(allow_nan=False)
        | st.booleans() | st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 1, 1))
        | st.just(time(12, 30)) | st.just(timedelta(days=3)) | st.sampled_from(
            ["=1+1", "=SUM(A1:A9)", "=HYPERLINK(\"http://x\")", "=A2", "是", "否", "保留", "2021年底", "示例",
             "注：", "x" * 32767]))


@st.composite
def workbooks(draw, headers, rows):
    """A filled-in template, then a handful of hostile edits."""
    wb = Workbook()
    ws = wb.active
    ws.append(["标题"])
    ws.append(list(headers))
    for r in rows:
        ws.append(list(r))
    ws.append([])
    for note in NOTES:
        ws.append([note])
    for _ in range(draw(st.integers(1, 6))):
        edit = draw(st.sampled_from(["cell", "cell", "cell", "merge", "sheet", "chart", "insert", "delete"]))
        row, col = draw(st.integers(1, 8)), draw(st.integers(1, len(headers) + 2))
        if edit == "cell":
            try:
                ws.cell(row=row, column=col, value=draw(CELL))
            except Exception:  # noqa: BLE001 - openpyxl itself refuses some values (control characters)
                pass
        elif edit == "merge":
            ws.merge_cells(start_row=row, start_column=col, end_row=row + draw(st.integers(0, 2)),
                           end_column=col + draw(st.integers(0, 3)))
        elif edit == "sheet":
            wb.create_sheet(draw(st.sampled_from(["其他", "Sheet9", "台账"])), index=draw(st.integers(0, 1)))
        elif edit == "chart":
            wb.create_chartsheet("图表", index=0)
        elif edit == "insert":
            ws.insert_rows(row, draw(st.integers(1, 3)))
        else:
            ws.delete_rows(row, draw(st.integers(1, 2)))
    out = io.BytesIO()
    try:
        wb.save(out)
    except Exception:  # noqa: BLE001 - openpyxl cannot write some of our edits; such a file cannot exist
        assume(False)
    return out.getvalue()


def _template_bytes(headers, rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(list(headers))
    for r in rows:
        ws.append(list(r))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


LEDGER_ROWS = list(ledger_rows(3, "模糊"))
CONTACTS = list(contacts_rows(3))
SEEN: Counter = Counter()


def _run(s, tmp_path, data: bytes, call) -> None:
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(data)
    before = ledger_digest(s.ledger.conn)
    status, exc = only_domain_errors(call, s, path)
    SEEN[exc.code if status == "refused" else "imported"] += 1
    if status == "refused":
        assert ledger_digest(s.ledger.conn) == before, "a refused workbook changed the ledger"


def test_fuzz_ledger_workbooks(office, data_dir, tmp_path):
    SEEN.clear()
    valid = _template_bytes(HEADERS, LEDGER_ROWS)
    with session(data_dir) as s:
        @FUZZ
        @given(workbooks(HEADERS, LEDGER_ROWS) | damaged(valid))
        def run(data):
            _run(s, tmp_path, data, cleanup.import_ledger)
        run()
    print(dict(SEEN))
    assert SEEN["R16_IMPORT_REFUSED"] + SEEN["R16_HEADER_MISMATCH"] > 0, SEEN


def test_fuzz_contact_workbooks(office, data_dir, tmp_path):
    SEEN.clear()
    valid = _template_bytes(CONTACT_HEADERS, CONTACTS)
    with session(data_dir) as s:
        @FUZZ
        @given(workbooks(CONTACT_HEADERS, CONTACTS) | damaged(valid))
        def run(data):
            _run(s, tmp_path, data, cleanup.import_contacts)
        run()
    print(dict(SEEN))


def test_fuzz_credit_check_lists(office, data_dir, tmp_path):
    """R22: a department's hostile list is checked whole or refused with a Chinese sentence; a refusal keeps no
    check and reads no subject (issue 19 item 2)."""
    import random
    from credit_desk.domain import demo
    from credit_desk.services.checks import lists
    SEEN.clear()
    headers = ("名称", "统一社会信用代码")
    rows = [(f"淮安模糊{i}有限公司", demo.uscc(random.Random(i), "320812")) for i in range(3)]
    valid = _template_bytes(headers, rows)

    def check(s, path):
        return lists.check_sheet(s, path, "县财政局", "评优评先资格审查")
    with session(data_dir) as s:
        @FUZZ
        @given(workbooks(headers, rows) | damaged(valid))
        def run(data):
            _run(s, tmp_path, data, check)
        run()
    print(dict(SEEN))
    assert SEEN["imported"] > 0 and len(SEEN) > 1, SEEN
