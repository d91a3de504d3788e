"""Issue 21: the office PC's package may come without the platform part (psycopg is the [platform] extra, and
psycopg without libpq fails the same way). The IT person who tries the platform trial's first command on it gets
one sentence, Chinese first, not a traceback; nothing is written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# psycopg made unimportable for this one process, as on a desk-only install
RUN = ("import sys; sys.modules['psycopg'] = None; sys.modules['psycopg_pool'] = None; "
       "from credit_desk.cli import main; sys.exit(main(sys.argv[1:]))")


@pytest.mark.parametrize("command", [["intake", "init", "--dsn", "postgresql://desk@127.0.0.1:1/none"],
                                     ["intake", "serve"]])
def test_intake_without_psycopg_says_one_sentence(tmp_path, command):
    data = tmp_path / "intake"
    out = subprocess.run([sys.executable, "-c", RUN, *command, "--data", str(data)], capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    text = out.stdout + out.stderr
    assert out.returncode != 0, text
    assert "Traceback" not in text, text
    assert "[INTAKE_DRIVER_MISSING]" in text and "psycopg" in text, text
    assert text.lstrip().startswith("本程序未装市平台接收端所需的 PostgreSQL 驱动"), text  # Chinese first
    assert not data.exists() or not any(data.iterdir())
