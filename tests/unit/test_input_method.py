"""Issue 21: which Qt input-method module the program asks for on a Linux desktop (gui/input_method.py). The real
fcitx5 / ibus sessions are in tests/gui/test_chinese_input.py; this is the decision table."""

from __future__ import annotations

import pytest

from credit_desk.gui import input_method as im

WHEEL = {"ibus", "compose", "qtvirtualkeyboard"}  # what the PySide6 wheels ship

TABLE = [
    # (label, environment, daemons running, plugins, expected module or None)
    ("UOS/Kylin: fcitx5 asked and running", {"QT_IM_MODULE": "fcitx", "XMODIFIERS": "@im=fcitx"}, {"fcitx5"},
     WHEEL, "ibus"),
    ("fcitx5 asked through QT_IM_MODULES", {"QT_IM_MODULES": "fcitx5;ibus"}, {"fcitx5"}, WHEEL, "ibus"),
    ("fcitx asked only through XMODIFIERS", {"XMODIFIERS": "@im=fcitx"}, {"fcitx5"}, WHEEL, "ibus"),
    ("fcitx asked, daemon not up yet", {"QT_IM_MODULE": "fcitx"}, set(), WHEEL, "ibus"),
    ("only fcitx 4 runs: nothing to gain", {"QT_IM_MODULE": "fcitx"}, {"fcitx"}, WHEEL, None),
    ("a bundled fcitx plugin is used as asked", {"QT_IM_MODULE": "fcitx"}, {"fcitx5"}, WHEEL | {"fcitx"}, "fcitx"),
    ("ibus desktop", {"QT_IM_MODULE": "ibus"}, {"ibus-daemon"}, WHEEL, "ibus"),
    ("nothing asked, fcitx5 runs", {}, {"fcitx5"}, WHEEL, "ibus"),
    ("nothing asked, ibus runs", {}, {"ibus-daemon"}, WHEEL, "ibus"),
    ("nothing asked, nothing runs", {}, set(), WHEEL, None),
    ("IT override wins", {"CREDIT_DESK_IM_MODULE": "compose", "QT_IM_MODULE": "fcitx"}, {"fcitx5"}, WHEEL,
     "compose"),
]


@pytest.mark.parametrize("label,env,daemons,plugins,expected", TABLE, ids=[t[0] for t in TABLE])
def test_module_choice(label, env, daemons, plugins, expected):
    assert im.choose(env, plugins, daemons, platform="linux").module == expected, label


def test_windows_and_macos_are_left_alone():
    for platform in ("win32", "darwin"):
        assert im.choose({"QT_IM_MODULE": "fcitx"}, WHEEL, {"fcitx5"}, platform=platform).module is None


def test_apply_sets_one_module_and_drops_the_list(monkeypatch):
    monkeypatch.setattr(im, "bundled_plugins", lambda: WHEEL)
    monkeypatch.setattr(im, "running_daemons", lambda: {"fcitx5"})
    monkeypatch.setattr(im.sys, "platform", "linux")
    env = {"QT_IM_MODULE": "fcitx", "QT_IM_MODULES": "fcitx;ibus"}
    choice = im.apply(env)
    assert env == {"QT_IM_MODULE": "ibus"} and "IBus frontend" in choice.reason


def test_the_wheel_plugins_are_found():
    assert "ibus" in im.bundled_plugins()  # the PySide6 wheel ships Qt's ibus plugin


def test_running_daemons_reads_this_users_processes(tmp_path):
    for pid, comm in (("101", "fcitx5"), ("102", "bash"), ("103", "ibus-daemon")):
        (tmp_path / pid).mkdir()
        (tmp_path / pid / "comm").write_text(comm + "\n")
    (tmp_path / "self").mkdir()
    assert im.running_daemons(tmp_path) == {"fcitx5", "ibus-daemon"}  # tmp_path is this user's
