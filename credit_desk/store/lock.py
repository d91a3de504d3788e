"""One writer at a time: an OS file lock taken for each write transaction, with who holds it written beside it.

A second writer (another clerk printing at the same moment) waits for the lock — at most ``WAIT_SECONDS``,
saying every few seconds that it is waiting and for whom — instead of failing at once (issue 14 item 9).
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import time
from datetime import datetime
from pathlib import Path

from credit_desk.domain.errors import DomainError

WINDOWS = os.name == "nt"  # read at each call, so tests can run the Windows branch with msvcrt patched in
# Windows byte-range locks are mandatory: another process cannot even read a locked byte. The lock therefore sits
# on one byte far past the holder text (LockFile accepts offsets beyond the end of the file), so the waiting
# clerk can still read who holds it. On POSIX flock() locks the whole file and the offset is not used.
LOCK_OFFSET = 1 << 30

WAIT_SECONDS = 30.0   # how long a writer waits for another one to finish before giving up
PROGRESS_EVERY = 2.0  # seconds between two "still waiting" lines
POLL = 0.05


class LedgerLock:
    """Held while a process writes (one transaction, or opening and upgrading the ledger)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self, wait: float | None = None, on_wait=None) -> None:
        """Take the lock, waiting up to ``wait`` seconds (default WAIT_SECONDS); ``on_wait(line)`` is called
        with a progress line while waiting. Raises DomainError LEDGER_IN_USE when the wait runs out."""
        wait = WAIT_SECONDS if wait is None else wait
        fh = os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0),
                               0o600), "a+b")
        start = time.monotonic()
        said = 0.0
        while True:
            try:
                _lock(fh)
                break
            except OSError:
                waited = time.monotonic() - start
                if waited >= wait:
                    fh.close()
                    raise _in_use(_read_holder(self.path), wait) from None
                if on_wait is not None and waited >= said:
                    holder = _read_holder(self.path)
                    on_wait(f"正在等待 {holder['user']}（进程 {holder['pid']}）完成写入…已等 {waited:.0f} 秒，"
                            f"最多 {wait:.0f} 秒 / waiting for {holder['user']} (process {holder['pid']}) to finish "
                            f"writing… {waited:.0f} s of at most {wait:.0f} s")
                    said += PROGRESS_EVERY
                time.sleep(POLL)
        info = {"pid": os.getpid(), "user": _os_user(), "host": socket.gethostname(),
                "since": datetime.now().strftime("%Y-%m-%d %H:%M:%S")}
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


def _in_use(holder: dict, wait: float) -> DomainError:
    return DomainError(
        "LEDGER_IN_USE",
        f"账本正由 {holder['user']} 写入（进程 {holder['pid']}，自 {holder['since']} 起），已等待 {wait:.0f} 秒仍未完成，"
        "未做任何改动；请稍后再试，或查看那边的程序是否停住。",
        f"The ledger is being written by {holder['user']} (process {holder['pid']}, since {holder['since']}); "
        f"waited {wait:.0f} s without it finishing, nothing was changed. Try again later, or check whether that "
        "program hangs.")


def _lock(fh) -> None:
    """Take the OS lock without waiting; OSError when another process holds it."""
    if WINDOWS:
        import msvcrt
        fh.seek(LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # locks 1 byte at the file position
    else:
        import fcntl
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fh) -> None:
    if WINDOWS:
        import msvcrt
        fh.seek(LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl
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
