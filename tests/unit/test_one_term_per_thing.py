"""Issue 17 item 10: one word for one thing on every screen — 起草 (never 草拟), 文号 (never 文书文号); a record's
date is its 认定日期 and a case's its 决定日期, each the same in its list, form and hints."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from credit_desk.domain.cases import CaseState
from tests.unit.test_no_cli_in_gui_messages import gui_strings

ROOT = Path(__file__).resolve().parents[2]
NEVER = {"草拟": "起草", "文书文号": "文号"}


def _catalogue() -> list[tuple[str, str, str]]:
    tree = ET.parse(ROOT / "resources" / "i18n" / "credit_desk_zh_CN.ts")
    return [(c.findtext("name"), m.findtext("source"), m.findtext("translation") or "")
            for c in tree.iter("context") for m in c.iter("message")]


def test_no_second_word_for_the_same_thing():
    found = [(ctx, tr) for ctx, _src, tr in _catalogue() if any(w in tr for w in NEVER)]
    found += [(where, text) for where, text in gui_strings() if any(w in text for w in NEVER)]
    assert not found, found
    assert CaseState.DRAFT.zh == "起草"


def test_records_screens_say_认定日期_and_cases_screens_say_决定日期():
    rows = _catalogue()
    records = [tr for ctx, _s, tr in rows if ctx in ("RecordsModel", "RecordsView", "NewRecordDialog")]
    cases = [tr for ctx, _s, tr in rows if ctx in ("CasesModel", "DecideDialog")]
    assert any("认定日期" in t for t in records) and not any("决定日期" in t for t in records)
    assert any("决定日期" in t for t in cases) and not any("认定日期" in t for t in cases)
