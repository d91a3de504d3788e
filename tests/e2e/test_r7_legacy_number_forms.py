"""R7 (issue 19 attack att19d, an office bringing its ledger): a historical listing's 决定书文号 is compared as the
register writes every 文号. Offices type the year's brackets as [ ] ( ) 【 】 and the digits in full width; the
number already registered as 淮市监信决〔2026〕3号 came in a second time as 淮市监信决[2026]3号 (two listings on one
decision document), and a number of the register's own series typed with [ ] passed the series check, so the
register could later hand the same number out."""

from __future__ import annotations

import pytest

from credit_desk.services import doc_numbers
from credit_desk.services.legacy import ledger_import
from tests.e2e import legacy_kit as kit
from tests.e2e.test_legacy_import import office  # noqa: F401

FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def test_r7_a_listing_number_typed_with_other_brackets_is_the_same_number(office, tmp_path):  # noqa: F811
    boss = office["boss"]
    conn, today = boss.ledger.conn, boss.desk.today()
    data = kit.rows(boss, 4, listed_every=1, per_subject=1)
    listed = [r for r in data if r[14]]
    ledger_import.import_ledger(boss, kit.write(tmp_path / "a.xlsx", data), kit.MAPPING)
    before = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    again = [r for r in kit.rows(boss, 6, listed_every=1, per_subject=1, seed=8) if r[14]][:3]
    again[0][15] = listed[0][15].replace("〔", "[").replace("〕", "]")          # held, other brackets
    again[1][15] = listed[1][15].replace("〔", "（").replace("〕", "）").translate(FULL)  # held, full width
    prefix = doc_numbers.series_prefix(conn, "listing_decision")
    again[2][15] = f"{prefix}[{today.year - 1}]7号"                               # the register's own series
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "b.xlsx", again), kit.MAPPING)
    got = [(p.row, p.code) for p in err.value.problems]
    first = kit.first_data_row()
    assert got == [(first, "LEGACY_NUMBER"), (first + 1, "LEGACY_NUMBER"), (first + 2, "LEGACY_NUMBER")], got
    assert "已在文书登记簿中" in err.value.problems[0].zh and "编号序列" in err.value.problems[2].zh
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == before   # nothing half-written


def test_r7_a_historical_number_is_kept_as_the_register_writes_it(office, tmp_path):  # noqa: F811
    boss = office["boss"]
    data = [r for r in kit.rows(boss, 2, listed_every=1, per_subject=1) if r[14]][:1]
    data[0][15] = " 淮市监信决[２０２３] 41号 "
    ledger_import.import_ledger(boss, kit.write(tmp_path / "a.xlsx", data), kit.MAPPING)
    conn = boss.ledger.conn
    assert conn.execute("SELECT decision_number FROM cases").fetchall() == [("淮市监信决〔2023〕41号",)]
    assert ("淮市监信决〔2023〕41号",) in conn.execute("SELECT number FROM doc_numbers").fetchall()
