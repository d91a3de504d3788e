"""Issue 21 / R14: a desktop with no keyring daemon. The first start explains in plain Chinese (then English) what
that means and how to set one up or keep using the recovery passphrase; "store the key again" never fails
silently — the clerk is told, and the ledger stays open."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from credit_desk.gui.app import StartFlow
from credit_desk.gui.start_dialogs import SetupDialog, UnlockDialog
from credit_desk.services import ledgers
from credit_desk.store.ledger import LedgerPaths
from tests.conftest import ADMIN_PW, PASSPHRASE, MemoryKeyring
from tests.gui.conftest import when_modal
from tests.gui.test_start import _fill_setup


@pytest.fixture
def no_keyring():
    """The headless / bare-desktop case: keyring found no Secret Service and fell back to 'fail'."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


class LosingKeyring(MemoryKeyring):
    """A keyring that accepts a write and keeps nothing (a locked or session-only collection)."""

    def set_password(self, service, username, password):
        pass


def _ok(dlg):
    dlg.buttons.button(QDialogButtonBox.Ok).click()


def _chinese_then_english(text: str) -> None:
    zh, en = text.find("系统钥匙串"), text.find("system keyring")
    assert 0 <= zh < en, text
    assert "恢复口令" in text and "recovery passphrase" in text
    assert "gnome-keyring" in text  # how to set one up on UOS / Kylin / Debian


def test_r14_status_says_when_there_is_no_keyring(no_keyring):
    status = ledgers.keyring_status()
    assert status["available"] is False and "fail" in status["backend"]


def test_r14_first_start_without_keyring_explains_it(qtbot, data_dir, no_keyring, shot):
    told = {}

    def read(box):
        told["text"] = box.text()
        told["icon"] = box.icon()
        shot(box, "first_start_no_keyring")
        box.accept()
    setup = when_modal(qtbot, SetupDialog, lambda dlg: (_fill_setup(dlg), _ok(dlg)))
    box = when_modal(qtbot, QMessageBox, read, timeout_ms=20_000)
    desk = StartFlow(data_dir).open_desk()
    assert "error" not in setup and "error" not in box
    assert desk is not None and LedgerPaths(data_dir).exists()
    desk.close()
    _chinese_then_english(told["text"])
    assert "每次打开程序都要输入恢复口令" in told["text"]


def test_r14_first_start_with_a_keyring_says_nothing_more(qtbot, data_dir, test_keyring):
    setup = when_modal(qtbot, SetupDialog, lambda dlg: (_fill_setup(dlg), _ok(dlg)))
    box = when_modal(qtbot, QMessageBox, lambda b: b.accept(), timeout_ms=1500)
    desk = StartFlow(data_dir).open_desk()
    assert "dlg" in setup and "dlg" not in box  # the keyring took the key: no message
    assert test_keyring.entries
    desk.close()


@pytest.fixture
def ledger_without_key(data_dir, test_keyring):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.close()
    test_keyring.entries.clear()
    return data_dir


def test_r14_unlock_without_keyring_explains_and_a_failed_store_is_told(qtbot, ledger_without_key, no_keyring,
                                                                       shot):
    seen = {}

    def unlock(dlg):
        seen["note"] = dlg.findChild(type(dlg.error), "keyringNote").text()
        seen["store_checked"] = dlg.store.isChecked()
        dlg.store.setChecked(True)  # the clerk ticks it anyway
        dlg.passphrase.setText(PASSPHRASE)
        shot(dlg, "unlock_no_keyring")
        _ok(dlg)

    def read(box):
        seen["warning"] = box.text()
        box.accept()
    when_modal(qtbot, UnlockDialog, unlock)
    when_modal(qtbot, QMessageBox, read, timeout_ms=20_000)
    desk = StartFlow(ledger_without_key).open_desk()
    assert desk is not None and desk.unlocked_by == "recovery"  # the ledger is open all the same
    desk.close()
    _chinese_then_english(seen["note"])
    assert seen["store_checked"] is False  # not offered as if it could work
    assert seen["warning"].startswith("未能把密钥存入系统钥匙串")
    assert "NoKeyringError" in seen["warning"] and "The key could not be stored" in seen["warning"]


def test_r14_a_keyring_that_drops_the_key_is_not_taken_for_success(qtbot, ledger_without_key):
    previous = keyring.get_keyring()
    keyring.set_keyring(LosingKeyring())
    seen = {}
    try:
        when_modal(qtbot, UnlockDialog, lambda dlg: (dlg.passphrase.setText(PASSPHRASE), _ok(dlg)))
        when_modal(qtbot, QMessageBox, lambda box: (seen.setdefault("warning", box.text()), box.accept()),
                   timeout_ms=20_000)
        desk = StartFlow(ledger_without_key).open_desk()
    finally:
        keyring.set_keyring(previous)
    assert desk is not None
    desk.close()
    assert seen["warning"].startswith("未能把密钥存入系统钥匙串") and "解锁系统钥匙串" in seen["warning"]
