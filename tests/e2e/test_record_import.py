"""Batch entry of records (issue 9): one transaction, still one audit row and one change-log row per record,
the same checks as single entry, and all-or-nothing with the bad row named."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.bench import io_figures, seeding
from credit_desk.domain.errors import ValidationError
from credit_desk.services import demo, record_import


@pytest.fixture
def session(tmp_path):
    desk, s = seeding.make_office(tmp_path / "data")
    demo.seed(s, subjects_n=200, records_n=0, seed_value=2)
    yield seeding.business_session(s)  # the administrator seeds; a clerk enters records (R14)
    desk.close()


def _count(session, table):
    return session.ledger.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_batch_writes_each_record_with_its_own_audit_and_change_rows(session):
    rows = io_figures.record_rows(session, 30)
    audit0, changes0 = _count(session, "audit"), _count(session, "changes")
    out = record_import.add_records(session, rows)
    assert len(out) == 30 and _count(session, "records") == 30
    # a penalty record also takes its 信用修复告知书 number (R13 两书同达), audited as document.reserve
    penalties = sum(1 for r in rows if r["doc_type"] == "admin_penalty")
    assert _count(session, "audit") - audit0 == 30 + penalties
    assert _count(session, "changes") - changes0 == 30
    assert out[0]["record"].document.number == rows[0]["doc_number"]


def test_r1_a_bad_row_is_named_and_nothing_is_saved(session):
    rows = io_figures.record_rows(session, 5)
    rows[3] = {**rows[3], "doc_effective": rows[3]["doc_issued"] - dt.timedelta(days=1)}  # R1: effective < issued
    audit0 = _count(session, "audit")
    with pytest.raises(ValidationError) as err:
        record_import.add_records(session, rows)
    assert err.value.row == 4 and err.value.zh.startswith("第4条")
    assert _count(session, "records") == 0 and _count(session, "audit") == audit0
