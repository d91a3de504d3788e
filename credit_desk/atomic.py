"""Writing files so that nothing half-written is ever visible: a hidden temporary name in the same folder,
fsync, rename over the target, fsync the folder. Used by the store, the USB export and the reference intake."""

from __future__ import annotations

import os
from pathlib import Path


def owner_only(path) -> None:
    """R14: files 0600, folders 0700 — nothing of the ledger readable by another account on the PC."""
    try:
        os.chmod(path, 0o700 if os.path.isdir(path) else 0o600)
    except OSError:
        pass  # a file system without POSIX modes (FAT USB stick, Windows): the ACLs of the folder apply


def write_atomic(path: Path, data: bytes, *, mode: int = 0o600, suffix: str = ".tmp", sync_dir: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step; the temporary file is a dot-name ending in ``suffix``.
    ``sync_dir=False`` leaves out the folder's fsync: after a power cut the name may still point to the previous
    (whole, synced) file — for files that may lag but must never be half-written (the audit anchor)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}{suffix}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:  # a full disk or a read-only folder is named, not a traceback (issue 14 item 7)
        tmp.unlink(missing_ok=True)
        from credit_desk.faults import from_os
        raise from_os(exc, path) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sync_dir:
        fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS/FAT journaling of the rename is what we get
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
