"""R7 (issue 19 attack att19d, an office bringing its ledger): a record given twice whose first row has another bad
cell was named as a duplicate only after that cell was fixed and the sheet imported again — every bad cell is named
in one round, as the 双公示 sheet and the credit-check list now do."""

from __future__ import annotations

import pytest

from credit_desk.services.legacy import ledger_import
from tests.e2e import legacy_kit as kit
from tests.e2e.test_legacy_import import office  # noqa: F401


def test_r7_a_record_given_twice_is_named_in_the_round_of_the_other_bad_cells(office, tmp_path):  # noqa: F811
    boss = office["boss"]
    data = kit.rows(boss, 4)
    data[3][:4] = data[0][:4]                                # row 4 of the data: the subject of row 1 …
    data[3][4:13] = data[0][4:13]                             # … and its record again
    data[0][3] = data[0][3][:-1] + ("0" if data[0][3][-1] != "0" else "1")   # row 1: a bad representative's ID
    first = kit.first_data_row()
    with pytest.raises(ledger_import.LegacyImportRefused) as err:
        ledger_import.import_ledger(boss, kit.write(tmp_path / "l.xlsx", data), kit.MAPPING)
    got = [(p.row, p.code) for p in err.value.problems]
    assert (first + 3, "LEGACY_DUPLICATE") in got and any(r == first for r, _ in got), got
    assert f"与第{first}行重复" in err.value.zh
