"""Issue 21 item 1: Chinese input with a real input method, not a mock. Under Xvfb and a private D-Bus session,
fcitx5 with its pinyin engine (the UOS / Kylin case, with the QT_IM_MODULE=fcitx those desktops set) and ibus with
ibus-libpinyin run; xdotool types pinyin into the clerk's text fields as the program starts them (gui/app.py
start_qapplication: the input-method choice of gui/input_method.py and its click guard): a dialog's line edit, a
dialog's several-line text box, the main window's search box and its editable purpose box. Candidates are taken
with the space bar and with a digit; half-typed pinyin must not vanish when the clerk clicks into another field.
The text that arrived is read back from the fields.

There are no editable table cells in the program (every table is read-only: widgets/tables.py and the views set
NoEditTriggers), so there is no cell editor to type into.

The Debian packages are installed by scripts/setup.sh --test (which scripts/test.sh, the CI command, runs first);
when one is missing here the fixture installs it (as root, like setup.sh). A missing input method FAILS the test:
an input-method test that skips proves nothing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SESSION = ROOT / "tests" / "gui" / "ime_session.sh"
NEEDS = {  # program -> Debian package
    "Xvfb": "xvfb", "xdotool": "xdotool", "dbus-run-session": "dbus-daemon",
    "fcitx5": "fcitx5", "fcitx5-remote": "fcitx5", "ibus-daemon": "ibus",
}
ENGINES = {  # file that shows the engine is installed -> Debian package
    "/usr/share/fcitx5/inputmethod/pinyin.conf": "fcitx5-chinese-addons",
    "/usr/share/ibus/component/libpinyin.xml": "ibus-libpinyin",
}
HAN = re.compile(r"[\u4e00-\u9fff]+")
FIELDS = ["name", "facts", "search", "purpose"]  # see tests/gui/ime_child.py


def _missing() -> list[str]:
    pkgs = [pkg for prog, pkg in NEEDS.items() if not shutil.which(prog)]
    pkgs += [pkg for path, pkg in ENGINES.items() if not os.path.exists(path)]
    return sorted(set(pkgs))


@pytest.fixture(scope="module")
def input_methods():
    missing = _missing()
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=600)
        done = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env,
                              capture_output=True, text=True, timeout=1200)
        assert done.returncode == 0, f"apt-get could not install {' '.join(missing)}: {done.stderr.strip()[-300:]}"
        missing = _missing()
    assert not missing, f"needs the Debian packages {' '.join(missing)} (scripts/setup.sh --test installs them)"


def _session(im: str, tmp_path: Path, field: str, *keys: str) -> dict:
    out = subprocess.run(["dbus-run-session", "--", "bash", str(SESSION), im, sys.executable, str(tmp_path),
                          field, *keys], capture_output=True, text=True, timeout=300, cwd=ROOT)
    lines = {}
    for line in out.stdout.splitlines():
        head, _, rest = line.partition(" ")
        lines.setdefault(head, rest)
    assert out.returncode == 0 and "TEXT" in lines, (out.returncode, out.stdout[-3000:], out.stderr[-2000:])
    return lines


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("im", ["fcitx5", "ibus"])
def test_pinyin_typed_into_each_kind_of_field_arrives_as_chinese(input_methods, tmp_path, im, field):
    lines = _session(im, tmp_path, field, "zhongguo", "space")
    assert lines["IM"] == "ibus"  # fcitx5 is reached through its IBus frontend; ibus directly
    assert lines["TEXT"] == "中国", lines
    assert lines["AWAY"] == "", lines
    if field == "search":  # search as you type asked for the Chinese, never for the pinyin letters on the way
        assert lines["SEARCHED"].split("|")[-1] == "中国", lines
        assert not re.search("[a-z]", lines["SEARCHED"]), lines


@pytest.mark.parametrize("im", ["fcitx5", "ibus"])
def test_a_digit_takes_that_candidate(input_methods, tmp_path, im):
    lines = _session(im, tmp_path, "name", "shi", "2")
    assert HAN.fullmatch(lines["TEXT"]) and len(lines["TEXT"]) == 1, lines  # one character: not "shi2", not "2"


@pytest.mark.parametrize("field", ["name", "facts"])
@pytest.mark.parametrize("im", ["fcitx5", "ibus"])
def test_half_typed_pinyin_stays_when_the_clerk_clicks_into_another_field(input_methods, tmp_path, im, field):
    """What the field showed while composing stays in it (fcitx5 shows the pinyin, ibus-libpinyin the sentence)
    and nothing is carried into the field clicked into."""
    lines = _session(im, tmp_path, field, "zhongguo", "click")
    assert lines["FOCUS"] == {"name": "address", "facts": "docNumber"}[field], lines  # the click landed there
    assert lines["TEXT"] == {"fcitx5": "zhong guo", "ibus": "中国"}[im], lines
    assert lines["AWAY"] == "", lines


def test_without_the_click_guard_half_typed_input_vanishes(input_methods, tmp_path, monkeypatch):
    """The control: Qt alone drops the composition on a click elsewhere — the guard is what keeps it."""
    monkeypatch.setenv("IME_CHILD_NO_GUARD", "1")
    lines = _session("ibus", tmp_path, "name", "zhongguo", "click")
    assert lines["TEXT"] == "" and lines["AWAY"] == "", lines


def test_without_the_launcher_choice_fcitx_gives_no_chinese(input_methods, tmp_path, monkeypatch):
    """The control: the desktop's own QT_IM_MODULE=fcitx kept (as CREDIT_DESK_IM_MODULE forces it) — the
    bundled Qt has no fcitx plugin, so the pinyin letters arrive as they were typed."""
    monkeypatch.setenv("CREDIT_DESK_IM_MODULE", "fcitx")
    lines = _session("fcitx5", tmp_path, "name", "zhongguo")
    assert lines["IM"] == "fcitx" and lines["TEXT"] == "zhongguo", lines
