"""A historical listing is checked as one decided by hand (issue 19 attack, the office bringing its ledger; R13):
a listing decided after the longest publication period of the record it rests on had ended could not be decided
by hand (R13_PUBLICATION_ENDED: no case is decided on a record that left publication), but came in by import."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.services.legacy import ledger_import
from tests.e2e import legacy_kit as kit
from tests.e2e.test_legacy_import import _counts, office  # noqa: F401


def test_r13_a_listing_decided_after_its_records_publication_ended_is_named(office, tmp_path):  # noqa: F811
    boss = office["boss"]
    today = boss.desk.today()
    data = [r for r in kit.rows(boss, 6, listed_every=1, per_subject=1) if r[14]][:2]
    back = today.year * 12 + today.month - 1 - 39          # the first of the month 3 years 3 months ago
    issued = dt.date(back // 12, back % 12 + 1, 1)         # (any month: 'today.month - 3' failed Jan–Mar, issue 23)
    data[0][7:9] = [issued, issued + dt.timedelta(days=15)]
    data[0][10] = (issued - dt.timedelta(days=40)).isoformat()
    data[0][16] = today - dt.timedelta(days=30)         # decided after the 严重 record's 3 years ended
    before = _counts(boss)
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "l.xlsx", data), kit.MAPPING)
    assert [(p.row, p.code) for p in err.value.problems] == [(kit.first_data_row(), "R13_PUBLICATION_ENDED")]
    assert "列入日期" in err.value.problems[0].zh
    assert _counts(boss) == before



def test_r13_a_listing_valid_beyond_its_records_longest_period_is_named(office, tmp_path):  # noqa: F811
    """R13 / 1798号 (十一): by hand a validity ending after the record's longest publication end is refused
    (R13_VALIDITY_CAP); the import named nothing and listed it until then."""
    boss = office["boss"]
    today = boss.desk.today()
    data = [r for r in kit.rows(boss, 6, listed_every=1, per_subject=1) if r[14]][:2]
    issued = dt.date(today.year - 2, 1, 10)
    data[0][7:9] = [issued, issued + dt.timedelta(days=15)]
    data[0][10] = (issued - dt.timedelta(days=40)).isoformat()
    data[0][16] = issued + dt.timedelta(days=60)
    data[0][17] = dt.date(today.year + 2, 6, 1)          # past the 严重 record's 3 years
    before = _counts(boss)
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "l.xlsx", data), kit.MAPPING)
    assert [(p.row, p.code) for p in err.value.problems] == [(kit.first_data_row(), "R13_VALIDITY_CAP")]
    assert "有效期至" in err.value.problems[0].zh
    assert _counts(boss) == before
