"""Issue 18 (session 34): the first open after an upgrade runs migration 36, minutes at 1M records. The open runs
on a worker thread, the start stays live (its event loop turns), and the migration's progress lines show in the
opening window; an error of the open (a wrong passphrase) still reaches the start dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog

from credit_desk.bench import seeding
from credit_desk.domain.errors import AuthError
from credit_desk.gui import opening
from credit_desk.services import demo, ledgers
from credit_desk.store.migrations import m0036_records_search_by_date as m36


class _Recording(QProgressDialog):
    labels: list[str] = []
    shown = 0

    def setLabelText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        _Recording.labels.append(text)
        super().setLabelText(text)

    def showEvent(self, event) -> None:  # noqa: N802
        _Recording.shown += 1
        super().showEvent(event)


@pytest.fixture
def version_35_ledger(tmp_path):
    folder = tmp_path / "data"
    desk, session = seeding.make_office(folder)
    demo.seed(session, subjects_n=30, records_n=300, seed_value=9)
    desk.ledger.conn.execute("PRAGMA user_version = 35")
    desk.close()
    return folder


def test_the_first_open_after_an_upgrade_shows_the_migration_s_progress_and_stays_live(qtbot, version_35_ledger,
                                                                                      monkeypatch):
    monkeypatch.setattr(m36, "BATCH", 50)  # 300 records: a line per 50, as per 100,000 at 1M
    monkeypatch.setattr(opening, "QProgressDialog", _Recording)
    _Recording.labels, _Recording.shown = [], 0
    ticks, during = [], []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    try:
        with seeding.private_keyring():
            def open_(say):
                opened = ledgers.unlock(version_35_ledger, recovery_passphrase=seeding.PASSPHRASE, on_wait=say)
                during.append(len(ticks))  # how often the GUI thread's timer fired while the open ran
                return opened
            desk = opening.open_with_progress(open_, show_after_ms=0)
    finally:
        timer.stop()
    try:
        assert desk.ledger.conn.execute("PRAGMA user_version").fetchone()[0] == m36.VERSION
    finally:
        desk.close()
    migration = [t for t in _Recording.labels if "文号" in t]
    assert len(migration) >= 6, _Recording.labels
    assert all(t.index("文号") < t.index("\n") < t.index("search index") for t in migration)  # Chinese, then English
    assert _Recording.shown == 1
    assert during and during[0] > 0, "the GUI thread's event loop did not turn while the ledger opened"


def test_an_error_of_the_open_reaches_the_gui_thread(qtbot, version_35_ledger):
    with seeding.private_keyring(), pytest.raises(AuthError):
        opening.open_with_progress(
            lambda say: ledgers.unlock(version_35_ledger, recovery_passphrase="not the passphrase", on_wait=say))
