"""One writer per ledger: an OS file lock, with who holds it written beside it."""

from __future__ import annotations

import getpass
import json
import os
import socket
from datetime import datetime
from pathlib import Path

from credit_desk.domain.errors import DomainError

if os.name == "nt":  # pragma: no cover - exercised on Windows PCs
    import msvcrt
else:
    import fcntl


class LedgerLock:
    """Held for as long as a process has the ledger open for writing."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fh = None

    def acquire(self) -> None:
        fh = open(self.path, "a+b")
        try:
            _lock(fh)
        except OSError:
            holder = _read_holder(self.path)
            fh.close()
            raise DomainError(
                "LEDGER_IN_USE",
                f"账本已在本机由 {holder['user']} 打开（进程 {holder['pid']}，自 {holder['since']} 起），"
                "请先关闭那边的程序。",
                f"The ledger is already open on this PC by {holder['user']} (process {holder['pid']}, "
                f"since {holder['since']}); close it there first.") from None
        info = {"pid": os.getpid(), "user": _os_user(), "host": socket.gethostname(),
                "since": datetime.now().strftime("%Y-%m-%d %H:%M")}
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(info, ensure_ascii=False).encode())
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.seek(0)
            self._fh.truncate()
            _unlock(self._fh)
            self._fh.close()
            self._fh = None


def _lock(fh) -> None:
    if os.name == "nt":  # pragma: no cover
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fh) -> None:
    if os.name == "nt":  # pragma: no cover
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _read_holder(path: Path) -> dict:
    unknown = {"user": "另一用户", "pid": "?", "since": "?"}
    try:
        return {**unknown, **json.loads(path.read_text(encoding="utf-8") or "{}")}
    except (OSError, ValueError):
        return unknown


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - any failure just means we do not know the name
        return "?"
