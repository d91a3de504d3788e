"""Issue 18 requirement 3 on the recovery-passphrase path: with no key in the keyring the start asks for the
passphrase (UnlockDialog), and the open that follows — scrypt, then a pending migration (migration 36: ~75 s at
1M after an upgrade) — runs on a worker thread: the window keeps turning, the opening window shows the migration's
lines over the dialog, and the dialog takes no second OK and cannot be closed under the running open. A wrong
passphrase is still one sentence naming the field, with nothing changed; a failed "store the key again" is told."""

from __future__ import annotations

import hashlib
import threading
import time

import keyring
from keyring.backends import fail
from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QProgressDialog

from credit_desk.bench import seeding
from credit_desk.gui import opening
from credit_desk.gui.app import StartFlow
from credit_desk.gui.start_dialogs import UnlockDialog
from credit_desk.services import ledgers
from credit_desk.store.migrations import m0036_records_search_by_date as m36
from tests.gui.conftest import when_modal
from tests.gui.test_opening_progress import _Recording, version_35_ledger  # noqa: F401 (a fixture)

LINE_S = 0.1  # each progress line of the open takes this long: ~1 s in all, as ~75 s at 1M


def _slow_unlock(monkeypatch, record: dict):
    """ledgers.unlock as the start calls it, each of its progress lines slowed down; ``record`` keeps, for the
    passphrase open, on which thread it ran and how often ``record["ticks"]`` grew while it ran."""
    real = ledgers.unlock

    def unlock(folder, **kw):
        if kw.get("recovery_passphrase") is None:
            return real(folder, **kw)  # the keyring path first: no key there, the dialog comes
        say = kw["on_wait"]
        record.setdefault("threads", []).append(threading.current_thread().name)
        before = len(record["ticks"])
        try:
            return real(folder, **{**kw, "on_wait": lambda line: (say(line), time.sleep(LINE_S))})
        finally:
            record.setdefault("ticks_during", []).append(len(record["ticks"]) - before)
    monkeypatch.setattr(ledgers, "unlock", unlock)


def _when(condition, then, seen: dict, every_ms: int = 20, limit_ms: int = 30_000) -> None:
    """Call ``then()`` on the GUI thread once ``condition()`` holds; a failure is kept in ``seen["error"]``."""
    waited = [0]

    def poll():
        if condition():
            try:
                then()
            except BaseException as exc:  # noqa: BLE001 - reported by the test, never left in the event loop
                seen["error"] = exc
            return
        waited[0] += every_ms
        if waited[0] < limit_ms:
            QTimer.singleShot(every_ms, poll)
    QTimer.singleShot(every_ms, poll)


def _over(dialog, window) -> QPixmap:
    """The passphrase dialog with the opening window where it stands over it, each under a title strip (offscreen
    windows have no frames), in one picture."""
    title_h = 26
    rects = [(w, QRect(w.mapToGlobal(QPoint(0, 0)), w.size()).adjusted(0, -title_h, 0, 0)) for w in (dialog, window)]
    area = rects[0][1].united(rects[1][1])
    picture = QPixmap(area.size())
    picture.fill(QColor("#6b7b8c"))  # the desktop behind
    painter = QPainter(picture)
    for widget, rect in rects:
        at = rect.topLeft() - area.topLeft()
        painter.fillRect(QRect(at, QSize(rect.width(), title_h)), QColor("#dfe3e8"))
        painter.drawText(QRect(at, QSize(rect.width(), title_h)), Qt.AlignCenter, widget.windowTitle())
        painter.drawPixmap(at + QPoint(0, title_h), widget.grab())
        painter.setPen(QColor("#444"))
        painter.drawRect(QRect(at, rect.size() - QSize(1, 1)))
    painter.end()
    return picture


def _files(folder) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_slow_passphrase_open_keeps_the_start_live_and_shows_the_migration_over_the_dialog(
        qtbot, version_35_ledger, monkeypatch, test_keyring, shot):
    monkeypatch.setattr(m36, "BATCH", 50)  # 300 records: a line per 50, as per 100,000 at 1M
    monkeypatch.setattr(opening, "QProgressDialog", _Recording)
    _Recording.labels, _Recording.shown = [], 0
    record, seen = {"ticks": []}, {}
    _slow_unlock(monkeypatch, record)
    timer = QTimer()
    timer.timeout.connect(lambda: record["ticks"].append(1))

    def while_open(dlg):
        window = dlg.findChild(QProgressDialog, "openingProgress")
        seen["over_dialog"] = window.parentWidget() is dlg
        seen["label"] = window.labelText()
        seen["busy"] = (dlg.opening, dlg.buttons.button(QDialogButtonBox.Ok).isEnabled(),
                        dlg.passphrase.isEnabled())
        dlg.reject()  # Esc / 取消 / the close button under the running open: refused
        dlg.close()
        seen["still_shown"] = dlg.isVisible()
        path = shot(dlg, "unlock_opening_progress")  # the dialog alone, then the two windows over it
        assert _over(dlg, window).save(str(path)), path

    def unlock(dlg):
        dlg.passphrase.setText(seeding.PASSPHRASE)
        ok = dlg.buttons.button(QDialogButtonBox.Ok)
        ok.click()
        ok.click()  # a second OK while it opens starts nothing (the button is off) …
        dlg._submit()  # … nor does the handler itself if reached (a click queued before the button went off)

        def migrating():
            window = dlg.findChild(QProgressDialog, "openingProgress")
            return window is not None and window.isVisible() and "文号" in window.labelText()
        _when(migrating, lambda: while_open(dlg), seen)
    when_modal(qtbot, UnlockDialog, unlock)
    timer.start(5)
    try:
        desk = StartFlow(version_35_ledger).open_desk()
    finally:
        timer.stop()
    assert desk is not None
    try:
        assert desk.unlocked_by == "recovery"
        assert desk.ledger.conn.execute("PRAGMA user_version").fetchone()[0] == m36.VERSION
    finally:
        desk.close()
    assert "error" not in seen, seen["error"]
    assert record["ticks_during"][0] >= 10, "the GUI thread's event loop did not turn while the ledger opened"
    assert record["threads"] == ["credit-desk-open"], record  # one open, on the worker thread
    assert seen["over_dialog"] and seen["busy"] == (True, False, False) and seen["still_shown"], seen
    assert seen["label"].index("文号") < seen["label"].index("\n") < seen["label"].index("search index"), seen
    # Chinese first, English under it
    migration = [t for t in _Recording.labels if "文号" in t]
    assert len(migration) >= 6 and _Recording.shown == 1, _Recording.labels
    assert test_keyring.entries  # the key went back into the keyring: the next start asks for nothing


def test_a_wrong_passphrase_says_so_in_one_sentence_and_changes_nothing(qtbot, version_35_ledger, monkeypatch):
    record, seen = {"ticks": []}, {}
    _slow_unlock(monkeypatch, record)
    before = _files(version_35_ledger)

    def then_right(dlg):
        seen["error"] = dlg.error.text()
        seen["usable"] = (dlg.isVisible(), dlg.passphrase.isEnabled(), dlg.passphrase.hasSelectedText())
        seen["files_same"] = _files(version_35_ledger) == before
        dlg.passphrase.setText(seeding.PASSPHRASE)
        dlg.buttons.button(QDialogButtonBox.Ok).click()

    def unlock(dlg):
        dlg.passphrase.setText("not the passphrase at all")
        dlg.buttons.button(QDialogButtonBox.Ok).click()
        _when(lambda: not dlg.opening and dlg.error.text(), lambda: then_right(dlg), seen)
    when_modal(qtbot, UnlockDialog, unlock)
    desk = StartFlow(version_35_ledger).open_desk()
    assert desk is not None
    desk.close()
    assert seen["error"] == "恢复口令不正确，账本未打开，未做任何改动。"  # one sentence, the field named
    assert seen["usable"] == (True, True, True) and seen["files_same"], seen
    assert len(record["threads"]) == 2  # the wrong one, then the right one


def test_a_failed_store_after_a_slow_open_is_told(qtbot, version_35_ledger, monkeypatch):
    record, seen = {"ticks": []}, {}
    _slow_unlock(monkeypatch, record)
    monkeypatch.setattr(m36, "BATCH", 50)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # no keyring service on this desktop

    def unlock(dlg):
        dlg.store.setChecked(True)  # the clerk ticks it anyway
        dlg.passphrase.setText(seeding.PASSPHRASE)
        dlg.buttons.button(QDialogButtonBox.Ok).click()
    try:
        when_modal(qtbot, UnlockDialog, unlock)
        when_modal(qtbot, QMessageBox, lambda box: (seen.setdefault("warning", box.text()), box.accept()),
                   timeout_ms=30_000)
        desk = StartFlow(version_35_ledger).open_desk()
    finally:
        keyring.set_keyring(previous)
    assert desk is not None and desk.unlocked_by == "recovery"  # the ledger is open all the same
    desk.close()
    assert seen["warning"].startswith("未能把密钥存入系统钥匙串"), seen
    assert record["ticks_during"] and record["threads"] == ["credit-desk-open"]
