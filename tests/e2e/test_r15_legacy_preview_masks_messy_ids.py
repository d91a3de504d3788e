"""R15 (issue 19 attack att19c, an office bringing its ledger): the column-mapping preview (the window's mapping
dialog, ``import legacy-preview``) masks a resident ID number in the first rows — but only a clean one. Typed as
office sheets hold them (full-width digits, spaces between the groups, a lower-case x), the numbers were shown
whole beside the masked ones."""

from __future__ import annotations

import random
from datetime import date

import pytest

from credit_desk.bench import seeding
from credit_desk.domain import demo
from credit_desk.services.legacy import mappings
from tests.e2e import legacy_kit as kit


@pytest.fixture
def boss(tmp_path):
    desk_, admin = seeding.make_office(tmp_path / "data")
    seeding.business_session(admin)
    from credit_desk.services import auth
    yield auth.login(desk_, "boss1", seeding.PASSWORD)
    desk_.close()


def test_r15_the_mapping_preview_masks_an_id_number_however_it_is_typed(boss, tmp_path):
    numbers = [demo.ric(random.Random(80 + i), "320812", date(1970, 1, 1), date(1990, 12, 31)) for i in range(4)]
    full_width = numbers[0].translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789X"})
    spaced = f"{numbers[1][:6]} {numbers[1][6:14]} {numbers[1][14:]}"
    lower = numbers[2].lower() if numbers[2].endswith("X") else numbers[2][:6] + "\u3000" + numbers[2][6:]
    data = kit.rows(boss, 4)
    for row, shown in zip(data, (full_width, spaced, lower, numbers[3])):
        row[3] = shown                      # the legal representative's ID, as the office typed it
    preview = mappings.preview_sheet(boss, kit.write(tmp_path / "ledger.xlsx", data))["preview"]
    cells = " ".join(str(c) for row in preview for c in row)
    for n in numbers:
        assert n[6:14] not in cells.replace(" ", "").replace("\u3000", "").translate(
            {ord(c) + 0xFEE0: ord(c) for c in "0123456789X"}), (n, cells)
