"""Faults of the PC turned into one sentence naming the cause (issue 14 item 7): a full disk, a folder that
cannot be written, a number out of range. Nothing here changes anything; callers roll back first.

``from_os(err, path)`` and ``from_sqlite(err, folder)`` return a DomainError (never raise it) so the caller can
``raise … from None``. Codes: DISK_FULL, FOLDER_NOT_WRITABLE, NUMBER_OUT_OF_RANGE, IO_FAILED.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from credit_desk.domain.errors import DomainError

SQLITE_MAX_INT = 2**63 - 1

_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


def disk_full(where) -> DomainError:
    return DomainError("DISK_FULL", f"磁盘已满（{where}），未做任何改动；请腾出空间后重试。",
                       f"The disk is full ({where}); nothing was changed. Free some space and try again.")


def not_writable(where) -> DomainError:
    return DomainError("FOLDER_NOT_WRITABLE", f"文件夹 {where} 不可写入（只读或无权限），未做任何改动。",
                       f"The folder {where} cannot be written (read-only or no permission); nothing was changed.")


def from_os(err: OSError, path) -> DomainError:
    """An OSError met while writing ``path``, as one sentence."""
    where = Path(path) if path is not None else Path(getattr(err, "filename", None) or "?")
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return disk_full(where)
    if err.errno in _NOT_WRITABLE:
        return not_writable(where if where.is_dir() else where.parent)
    reason = err.strerror or type(err).__name__
    return DomainError("IO_FAILED", f"读写 {where} 失败：{reason}；未做任何改动。",
                       f"Reading or writing {where} failed: {reason}; nothing was changed.")


FREE_MIN = 256 * 1024  # below this the disk counts as full: SQLite needs room for its -wal and -shm


def folder_fault(folder) -> DomainError | None:
    """What is wrong with the folder itself, looked at directly: a read-only mount, no space; else None."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return None
    if st.f_flag & getattr(os, "ST_RDONLY", 1):
        return not_writable(folder)
    if st.f_bavail * st.f_frsize < FREE_MIN:
        return disk_full(folder)
    return None


def from_sqlite(err: Exception, folder, default: DomainError | None | bool = True) -> DomainError | None:
    """A SQLite error whose text names a fault of the disk or folder; else ``default`` (True: a generic one)."""
    text = str(err).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return disk_full(folder)
    if "readonly" in text or "read-only" in text or "unable to open database file" in text:
        return not_writable(folder)
    if "disk i/o error" in text or "not a database" in text:
        found = folder_fault(folder)
        if found is not None:
            return found
    if default is True:
        return DomainError("IO_FAILED", f"账本文件读写失败（{err}）；未做任何改动。",
                           f"Reading or writing the ledger failed ({err}); nothing was changed.")
    return default


def number_out_of_range(field: str, value=None) -> DomainError:
    shown = "" if value is None else f"（{str(value)[:30]}）"
    return DomainError("NUMBER_OUT_OF_RANGE", f"{field} 的数字超出范围{shown}，未做任何改动。",
                       f"The number for {field} is out of range{shown}; nothing was changed.", field=field)
