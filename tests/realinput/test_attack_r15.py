"""Issue 15, a second attack on the real-input kinds: what a clerk pastes into the search box that is no ID
prefix at all — a GLOB wildcard, a masked number copied from a list or a printed extract, a zero-width space
or soft hyphen alone from a PDF/web copy — must match no subject by its ID (R14: only what was asked for is
shown and logged; R15: a masked number is not a key to the whole one)."""

from __future__ import annotations

import json

import pytest

from credit_desk.services import browse, subjects
from credit_desk.store.views import PageSpec
from tests.realinput.conftest import clerk_cli, with_check

RIC_A = with_check("32010219900101123")
RIC_B = with_check("32011219800101555")
# (label, typed): none of these is a prefix of an ID number
NOT_A_PREFIX = [
    ("asterisk alone", "*"),
    ("question mark alone", "?"),
    ("masked number from a list", f"{RIC_A[:4]}{'*' * 10}{RIC_A[-4:]}"),
    ("masked with the other's ends", f"{RIC_B[:4]}**********{RIC_A[-4:]}"),
    ("prefix with a wildcard", "3201*"),
    ("wildcard in the middle", "3201?2"),
    ("zero-width space alone", "\u200b"),
    ("soft hyphen alone", "\u00ad"),
    ("zero-width joiner and BOM", "\u200d\ufeff"),
]


@pytest.fixture
def two(clerk):
    a = subjects.add_subject(clerk, kind="natural_person", name="陈小明", id_type="ric", id_number=RIC_A)
    b = subjects.add_subject(clerk, kind="natural_person", name="王五", id_type="ric", id_number=RIC_B)
    return a, b


@pytest.mark.parametrize("label,typed", NOT_A_PREFIX, ids=[x[0] for x in NOT_A_PREFIX])
def test_r15_search_text_that_is_no_id_prefix_matches_no_subject(clerk, two, label, typed):
    assert [s.id for s in subjects.search_subjects(clerk, "3201", "核查身份")] == [two[0].id, two[1].id]  # control
    try:
        found = subjects.search_subjects(clerk, typed, "核查身份")
    except Exception as e:  # an empty search may be refused in one sentence, never widened
        assert getattr(e, "code", None) == "SEARCH_EMPTY", e
        found = []
    assert found == [], label
    reader = browse.Reader(clerk)
    try:  # the GUI subjects list goes through the same pattern
        token = browse.log_search(clerk, "subjects", typed, "核查身份")
        assert browse.subjects_page(clerk, reader, PageSpec(), token) == [], label
    except Exception as e:
        assert getattr(e, "code", None) == "SEARCH_EMPTY", e
    finally:
        reader.close()


def test_r15_cli_search_for_an_asterisk_or_a_masked_number_lists_nobody(office, secret_files):
    run = clerk_cli(office, secret_files)
    for name, number in (("陈小明", RIC_A), ("王五", RIC_B)):
        code, _, err = run("subject", "add", "--kind", "natural_person", "--name", name, "--id-type", "ric",
                           "--id-number", number)
        assert code == 0, err
    for typed in ("*", f"{RIC_A[:4]}**********{RIC_A[-4:]}", "\u200b"):
        code, out, err = run("--json", "subject", "search", typed, "--purpose", "核查身份")
        assert "Traceback" not in err
        assert code != 0 or json.loads(out) == [], (typed, out)


def test_r15_csv_in_gb18030_with_its_own_byte_order_mark_is_read(clerk, tmp_path):
    """R16 clean-up ledger import: a .csv exported as GB 18030 with its BOM (84 31 95 33) is read, not refused
    as a header mismatch."""
    import csv
    import io

    from credit_desk.domain import cleanup as c
    from credit_desk.services import cleanup
    from tests.realinput.test_sheets_real import _row

    buf = io.StringIO()
    w = csv.writer(buf)
    for r in (c.HEADERS, _row(1, c10="2021年6月底前"), _row(2)):
        w.writerow(r)
    path = tmp_path / "gb18030bom.csv"
    path.write_bytes("\ufeff".encode("gb18030") + buf.getvalue().encode("gb18030"))
    assert path.read_bytes()[:4] == b"\x84\x31\x95\x33"
    result = cleanup.import_ledger(clerk, path)
    assert result["added"] == 2 and any(n["code"] == "CSV_READ" for n in result["notes"])
