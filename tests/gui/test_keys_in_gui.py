"""Issue 17 item 5: the platform's key is imported and the office's public key exported from the GUI — no trip to
the command line. The fingerprints are shown for comparison before anything is pinned; nothing is pinned without
the administrator's confirmation."""

from __future__ import annotations

import json

from credit_desk.domain import signing
from credit_desk.gui.dialogs.platform_key_dialog import PlatformKeyDialog
from credit_desk.services import keys
from credit_desk.sync import crypto, keyfiles


def _platform_file(tmp_path):
    sign_pub = signing.public_of(signing.new_private())
    _enc_priv, enc_pub = crypto.new_enc(signing.suite_of(sign_pub))
    path = tmp_path / "platform.keys.json"
    path.write_bytes(keyfiles.platform_doc(platform="huaian", name="淮安市信用信息共享平台", sign_public=sign_pub,
                                           enc_public=enc_pub))
    return path, signing.fingerprint(sign_pub)


def test_r6_platform_key_is_pinned_only_after_its_fingerprint_is_confirmed(qtbot, admin_window, seeded_admin,
                                                                           tmp_path, shot):
    view = admin_window.open_area("sync")
    path, fp = _platform_file(tmp_path)
    seen = {}

    def cancel(dlg: PlatformKeyDialog) -> bool:
        seen["fps"] = [lab.text() for lab in dlg.fingerprints]
        assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()  # not before confirming
        return False
    assert view.import_platform_key(str(path), confirm=cancel) is None
    assert fp in seen["fps"]
    assert keys.show(seeded_admin)["platform"] is None                          # cancelled: nothing pinned

    def confirm(dlg: PlatformKeyDialog) -> bool:
        qtbot.addWidget(dlg)
        shot(dlg, "dialog_platform_key")
        dlg.confirmed.setChecked(True)
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
        return dlg.result() == dlg.DialogCode.Accepted
    out = view.import_platform_key(str(path), confirm=confirm)
    assert out["platform"]["sign_fingerprint"] == fp == view.fp["platform_sign"].text()
    assert "已固定" in view.message.text() and "import-platform" not in view.message.text()


def test_office_public_key_is_exported_from_the_gui(qtbot, admin_window, seeded_admin, tmp_path):
    view = admin_window.open_area("sync")
    out = tmp_path / "office.keys.json"
    done = view.export_office_key(str(out))
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == keyfiles.OFFICE_FORMAT if hasattr(keyfiles, "OFFICE_FORMAT") else doc["format"]
    assert done["sign_fingerprint"] in view.message.text() and str(out) in view.message.text()
    assert view.export_office_key(str(seeded_admin.ledger.paths.folder / "k.json")) is None  # never the data folder
    assert "数据目录" in view.message.text()


def test_export_without_a_platform_key_names_the_sync_page_not_a_command(qtbot, window, tmp_path):
    view = window.open_area("sync")
    stick = tmp_path / "stick"
    stick.mkdir()
    job = view.export_to(str(stick))
    if job is not None and hasattr(job, "finished"):
        qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    qtbot.waitUntil(lambda: bool(view.message.text()), timeout=10_000)
    text = view.message.text()
    assert "平台公钥" in text and "同步" in text and "keys" not in text and "import-platform" not in text
