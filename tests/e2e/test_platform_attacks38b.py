"""Issue 18's intake changes attacked by an office insider (att38b): what a crafted bundle makes the platform file."""

from __future__ import annotations


import pytest

from tests.platform_kit import registered_intake


@pytest.fixture
def intake_and_office(tmp_path, platform_dsn):
    _keys, office, intake = registered_intake(tmp_path / "intake", seed=38)
    yield intake, office
    intake.close()


@pytest.mark.parametrize("ident", [99.0, 1e3, True, [99], {"id": 99}])
def test_a_subject_named_by_a_number_not_an_id_is_not_shared(intake_and_office, ident):
    """att38b: a record or listing naming its subject by a float (99.0), a list or an object was accepted — the
    "subject not yet sent" check only looked at ids that are text or integers — and filed with no subject (a record)
    or under the national number of the listing's own copy of a subject the office never sent. Refused (att39b:
    REF_INVALID naming the field, as every pointer that is no id; tests/e2e/test_platform_attacks39b.py)."""
    intake, office = intake_and_office
    other = office.subject_state()
    lines = [office.line("record", "r1", "insert", {"subject_id": ident, "kind": "penalty"}),
             office.line("case", "c1", "decide", {"state": "listed", "list_type": "black", "subject": {"id": ident,
                                                                                                     **other}})]
    _receipt, summary = intake.receive(office.bundle(lines))
    assert (summary["accepted"], summary["rejected"]) == (0, 2), summary
    assert intake.stored_changes(office.office) == []
