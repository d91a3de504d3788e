"""Issue 21 item 1 on the frozen program: pinyin typed with xdotool under a real fcitx5 (with the QT_IM_MODULE=fcitx
of UOS/Kylin) and a real ibus arrives as Chinese in the installed program's first-start dialog (office name).
The bundle's Qt may differ from the development one (the Debian 11 build takes PySide6 6.9), so the route through
Qt's bundled ibus plugin is checked on the bundle itself.

Needs a frozen build, so it runs on request, like the package build test:

    CREDIT_DESK_FROZEN=/opt/credit-desk/credit-desk  pytest tests/installer/test_frozen_chinese_input.py
    CREDIT_DESK_FROZEN=build/pyinstaller/dist/credit-desk/credit-desk  pytest …

The input methods themselves are exercised on every run (CI) by tests/gui/test_chinese_input.py."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.gui.test_chinese_input import SESSION, input_methods  # noqa: F401 - the fixture installs / demands them

ROOT = Path(__file__).resolve().parents[2]
FROZEN = os.environ.get("CREDIT_DESK_FROZEN", "")
pytestmark = pytest.mark.skipif(not FROZEN, reason="set CREDIT_DESK_FROZEN to the frozen credit-desk to test it")


@pytest.mark.parametrize("im", ["fcitx5", "ibus"])
def test_pinyin_typed_into_the_frozen_program_arrives_as_chinese(input_methods, tmp_path, im):  # noqa: F811
    out = subprocess.run(["dbus-run-session", "--", "bash", str(SESSION), im, str(Path(FROZEN).resolve()),
                          str(tmp_path), "frozen", "zhongguo", "space"], capture_output=True, text=True,
                         timeout=300, cwd=ROOT, env={**os.environ, "FROZEN_SECONDS": "15"})
    lines = {head: rest for head, _, rest in (ln.partition(" ") for ln in out.stdout.splitlines())
             if head in ("IM", "TEXT")}
    assert lines.get("IM") == "ibus", (lines, out.stdout[-3000:], out.stderr[-1000:])
    assert lines.get("TEXT") == "中国", (lines, out.stdout[-3000:])
