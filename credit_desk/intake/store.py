"""The intake's files in its folder (the data itself lives in PostgreSQL, see pgstore.py):

    platform.json            platform id and name, database schema (and DSN when not given by the environment)
    platform.key.json        its private Ed25519 key and X25519 keys, current and every earlier one (mode 0600)
    platform.keys.json       the public key file offices import (keys import-platform)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from credit_desk import atomic

OFFICE_ID = re.compile(r"[0-9a-fA-F][0-9a-fA-F\-]{7,63}")


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_atomic(path, data, mode=mode)


def write_json(path: Path, doc, mode: int = 0o644) -> None:
    write_atomic(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"), mode)


def read_json(path: Path, default=None):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
