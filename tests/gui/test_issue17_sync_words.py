"""Issue 17 item 3, the sync area: a change the platform returned read 「department 1（新增）」 in Chinese mode — the
table of words for what a change is about knew 17 of the 26 kinds the ledger writes, and fell back to the code.
Every kind and every operation written to the change log has its words; the returned change reads in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

from credit_desk.gui.views import sync_view
from tests.gui.test_areas import settle

ROOT = Path(__file__).resolve().parents[2]


def _written() -> tuple[set[str], set[str]]:
    """Kinds and operations of every ``tx.change(kind, id, op, …)`` in the code."""
    kinds, ops = set(), set()
    for path in (ROOT / "credit_desk").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r'\.change\(\s*"([a-z_]+)"\s*,[^,]+,\s*"([a-z_]+)"', text):
            kinds.add(m.group(1))
            ops.add(m.group(2))
        ops.update(m.group(1) for m in re.finditer(r'\.change\(\s*[a-z_]+\s*,[^,]+,\s*"([a-z_]+)"', text))
    return kinds, ops


def test_r6_every_change_kind_and_operation_has_its_words():
    kinds, ops = _written()
    assert len(kinds) > 20 and len(ops) > 20  # the scan saw the code
    assert kinds - set(sync_view.ENTITY) == set()
    assert ops - set(sync_view.OP) == set()


def test_r6_returned_change_reads_in_chinese(qtbot, work_window, shot):
    view = work_window.open_area("sync")
    settle(qtbot, view)
    qtbot.waitUntil(lambda: view.quarantine.rowCount() > 0, timeout=5000)
    what = [view.quarantine.item(r, 2).text() for r in range(view.quarantine.rowCount())]
    # "<kind> <id>（<operation>）": the kind's and the operation's words are Chinese; the id is the ledger's own
    # (a user account's is its login, e.g. boss1 — returned since att39e with the department it rests on)
    parts = [re.fullmatch(r"(\S+) (\S+)（(.+)）", w) for w in what]
    assert all(parts), what
    assert [w for w, m in zip(what, parts) if re.search(r"[A-Za-z]", m.group(1) + m.group(3))] == [], what
    assert any(w.startswith("认定部门") for w in what), what
    shot(work_window, "sync_returned_change_words")
