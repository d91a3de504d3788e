"""What the daily check keeps between runs (issue 18), next to the ledger: hints, never evidence.

``changes.checked``: the change id up to which a check found the ids 1..N without a hole, so the daily check
counts only the ids after it (and a random window below it); ``check --full`` counts every id.
``integrity.json``: when the whole file was last read through SQLite's own check (``quick_check`` in the
background after start-up or by a daily check that found it due, ``integrity_check`` by ``check --full``)
and what it said. A damaged result makes the ledger open read-only (``ledger.damage_attention``).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from credit_desk.atomic import write_atomic


def read_changes_checked(path: Path) -> int:
    """The change id ``write_changes_checked`` kept, or 0 (missing or unreadable: a hint, never evidence)."""
    try:
        return max(0, int(json.loads(Path(path).read_text(encoding="utf-8"))["id"]))
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def write_changes_checked(path: Path, change_id: int) -> bool:
    """Keep the change id up to which the ids were found without a hole; False where the folder is not writable."""
    try:
        write_atomic(path, json.dumps({"id": int(change_id)}).encode())
        return True
    except OSError:
        return False


def read_integrity(path: Path) -> dict | None:
    """The last whole-file check: {"at": ISO time, "ok": bool, "detail": SQLite's words, "full": bool}, or None."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        datetime.fromisoformat(doc["at"])
        return {"at": doc["at"], "ok": doc["ok"] is True, "detail": str(doc.get("detail", "")),
                "full": bool(doc.get("full"))}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_integrity(path: Path, at: datetime, ok: bool, detail: str, full: bool) -> bool:
    try:
        write_atomic(path, json.dumps({"at": at.isoformat(timespec="seconds"), "ok": ok, "detail": detail[:500],
                                       "full": full}, ensure_ascii=False).encode())
        return True
    except OSError:
        return False

