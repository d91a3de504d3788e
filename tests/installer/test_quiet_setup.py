"""Issue 17 item 12: the first start shows one progress line per step, not pip's and setuptools' warnings; the
full output is kept in a log and shown (its tail) only when a step fails."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOISY = "printf 'SetuptoolsDeprecationWarning: License classifiers are deprecated.\\n!!\\n\\n********\\n' >&2"


def _run(tmp_path, step: str) -> subprocess.CompletedProcess:
    script = f". '{ROOT / 'scripts' / 'quiet.sh'}'; quiet_run '== installing' '{tmp_path}/install.log' bash -c \"{step}\""
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True)


def test_a_noisy_step_shows_one_line_and_keeps_the_rest_in_the_log(tmp_path):
    done = _run(tmp_path, NOISY)
    assert done.returncode == 0
    assert (done.stdout + done.stderr).strip().splitlines() == ["== installing"]
    assert "SetuptoolsDeprecationWarning" in (tmp_path / "install.log").read_text()


def test_a_failing_step_shows_its_last_lines_and_fails(tmp_path):
    done = _run(tmp_path, NOISY + "; echo 'ERROR: no matching distribution' >&2; exit 3")
    assert done.returncode == 3
    assert "no matching distribution" in done.stderr and "install.log" in done.stderr


def test_setup_installs_python_packages_through_the_quiet_step():
    text = (ROOT / "scripts" / "setup.sh").read_text()
    assert "quiet_run" in text and "pip install -q -e" in text
    assert "\n  .venv/bin/python -m pip install" not in text  # no bare pip call printing its warnings
