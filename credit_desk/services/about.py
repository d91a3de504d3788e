"""What this program is: version, ledger schema version, build date and the office key fingerprint.

Installed (frozen) builds carry ``build_info.json`` at the top of the bundle, written by
``installer/credit_desk.spec`` at build time; running from source reports the build date as ``source``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from credit_desk import __version__
from credit_desk.services.base import Desk

BUILD_INFO_FILE = "build_info.json"


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None))


def build_date() -> str:
    """The date the installer was built, or ``source`` when run from a checkout."""
    if not is_frozen():
        return "source"
    try:
        return json.loads((Path(sys._MEIPASS) / BUILD_INFO_FILE).read_text(encoding="utf-8"))["build_date"]
    except (OSError, ValueError, KeyError):
        return "unknown"


def describe(desk: Desk | None = None) -> dict:
    """Version facts for --version and the About dialog; the fingerprint only when a ledger is open."""
    from credit_desk.services import ledgers
    from credit_desk.store.migrate import current_version
    info = {"version": __version__, "schema": current_version(), "build_date": build_date(),
            "key_fingerprint": None, "office": None}
    if desk is not None:
        office = ledgers.office_info(desk)
        info.update(key_fingerprint=office["key_fingerprint"], office=office["office"])
    return info


def human_lines(info: dict) -> list[str]:
    """The same facts as short bilingual lines, Chinese first."""
    lines = [f"credit_desk {info['version']}（账本结构版本 schema {info['schema']}）",
             f"构建日期 / build date: {info['build_date']}"]
    if info.get("key_fingerprint"):
        lines.append(f"本单位签名密钥指纹 / office key fingerprint: {info['key_fingerprint']}")
    return lines
