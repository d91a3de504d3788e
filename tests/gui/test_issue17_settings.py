"""Issue 17 item 6: the settings a clerk's office needs without the command line — the platform's intake address and
the font files of the printed notices — set by the administrator in 设置, each saved through preferences' one helper
(R14: its audit row and its change-log row), a bad value refused beside its field with nothing saved."""

from __future__ import annotations

import pytest

from credit_desk.documents import fonts
from credit_desk.domain.errors import PermissionDenied
from credit_desk.services import browse, preferences


def _rows(session, key: str):
    audit = session.ledger.query("SELECT action, object_id FROM audit WHERE object_type = 'setting' AND object_id = ?",
                                 (key,))
    changes = session.ledger.query("SELECT op FROM changes WHERE entity = 'setting' AND entity_id = ?", (key,))
    return audit, changes


def test_r14_intake_address_set_in_settings_audited_and_bad_ones_refused(qtbot, admin_window, seeded_admin, shot):
    view = admin_window.open_area("settings")
    box = view.office
    box.url.setText("ftp://platform.example.gov.cn")
    box.url_save.click()
    assert "http" in box.url_msg.text() and browse.intake_url(seeded_admin) == ""      # refused, nothing saved
    box.url.setText("https://user:secret@platform.example.gov.cn/intake")
    box.url_save.click()
    assert "用户名或密码" in box.url_msg.text() and browse.intake_url(seeded_admin) == ""
    assert _rows(seeded_admin, "sync.intake_url") == ([], [])
    box.url.setText(" https://credit.huaian.gov.cn/intake/ ")
    box.url_save.click()
    assert browse.intake_url(seeded_admin) == "https://credit.huaian.gov.cn/intake"
    audit, changes = _rows(seeded_admin, "sync.intake_url")
    assert [a["action"] for a in audit] == ["settings.manage"] and [c["op"] for c in changes] == ["upsert"]
    shot(admin_window, "settings_platform_and_fonts")
    sync = admin_window.open_area("sync")                         # the sync area sends to the saved address
    sync.refresh()
    assert sync.url.text() == "https://credit.huaian.gov.cn/intake"


def test_r14_print_font_chosen_in_settings_is_used_for_notices(qtbot, admin_window, seeded_admin, tmp_path, shot):
    box = admin_window.open_area("settings").office.fonts_dialog()
    qtbot.addWidget(box)
    bad = tmp_path / "not-a-font.ttf"
    bad.write_bytes(b"this is not a font")
    box.pick_font("kai", str(bad))                                 # as the file picker would hand it over
    assert "TrueType" in box.font_msgs["kai"].text() and preferences.print_fonts(seeded_admin) == {}
    assert _rows(seeded_admin, "documents.fonts") == ([], [])
    real = fonts.load_fonts().choices["song"]                       # a TrueType font this machine has
    spec = real.path if not real.index else f"{real.path}#{real.index}"
    box.pick_font("kai", spec)
    assert preferences.print_fonts(seeded_admin) == {"kai": spec}, box.font_msgs["kai"].text()
    from credit_desk.services.documents import fonts_for
    assert fonts_for(seeded_admin.ledger.conn).choices["kai"].source == "configured"   # the notices use it
    audit, changes = _rows(seeded_admin, "documents.fonts")
    assert len(audit) == 1 and len(changes) == 1
    box.font_edits["kai"].setText("")
    shot(box, "dialog_print_fonts")
    box.save_font("kai")                                           # cleared: found on the system again
    assert preferences.print_fonts(seeded_admin) == {}


def test_r14_only_the_administrator_changes_office_settings(qtbot, window, seeded):
    window.open_area("settings")                                   # the business user's settings area
    assert getattr(window.views["settings"], "office", None) is None
    for call in (lambda: preferences.set_intake_url(seeded, "https://x.example.cn"),
                 lambda: preferences.set_print_font(seeded, "kai", "")):
        with pytest.raises(PermissionDenied):
            call()
