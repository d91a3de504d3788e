"""Issue 17 item 5, seen in Xvfb (clerk17b): the head exports to the USB folder before the platform's key was
imported; the refusal told the head to import the key on this page, whose import button only the administrator
may press — a dead end. It now says the administrator does it."""

from __future__ import annotations


def _export_refused(qtbot, view, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    job = view.export_to(str(stick))
    if job is not None and hasattr(job, "finished"):
        qtbot.waitUntil(lambda: job.finished, timeout=30_000)
    qtbot.waitUntil(lambda: bool(view.message.text()), timeout=10_000)


def test_r6_the_refusal_names_who_imports_the_key_for_a_user_who_cannot(qtbot, window, tmp_path, shot):
    view = window.open_area("sync")
    assert not view.platform_button.isEnabled()      # the head may not import the platform's key
    _export_refused(qtbot, view, tmp_path)
    shot(window, "clerk17b_sync_export_refused")
    assert "管理员" in view.message.text(), view.message.text()
