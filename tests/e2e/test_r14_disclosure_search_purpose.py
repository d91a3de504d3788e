"""R14 (issue 19 attack att19c, a department clerk): the 双公示 register could be searched by a person's full name
or 文号 (``decision list --text 张小明``) with no purpose and no trace — the register holds penalties not (yet, or
no longer) published, ended and revoked ones among them — while every other search of personal data states why
(``subject search … --purpose``, 查询使用登记). A search by text now needs its purpose and is logged."""

from __future__ import annotations

import datetime as dt

from credit_desk.services import ledgers
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.disclosure_kit import penalty_row, write_sheet


def test_r14_a_search_of_the_register_by_text_states_its_purpose_and_is_logged(desk, data_dir, tmp_path):
    write_sheet(tmp_path / "sheet.xlsx", [penalty_row(5, TEST_NOW.date() - dt.timedelta(days=2), person=True)])
    ok(desk, "decision", "import", str(tmp_path / "sheet.xlsx"))
    assert len(ok(desk, "decision", "list")) == 1                       # the register's own page: no search
    err = refused(desk, "decision", "list", "--text", "张小明")
    assert err["code"] == "R14_PURPOSE_REQUIRED"
    found = ok(desk, "decision", "list", "--text", "张小明", "--purpose", "核对举报线索")
    assert [r["party_name"] for r in found] == ["张*明"]
    d = ledgers.unlock(data_dir)
    try:
        rows = d.ledger.conn.execute("SELECT username, object_id, purpose FROM audit WHERE action = 'disclosure.search'"
                                     ).fetchall()
    finally:
        d.close()
    assert rows == [("clerk1", "张小明", "核对举报线索")]
