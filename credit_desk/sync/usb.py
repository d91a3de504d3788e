"""USB (folder) transport: temp file, fsync, rename, fsync the folder, read back and verify before 'done'."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from credit_desk.domain.errors import DomainError


def write_verified(path: Path, data: bytes, verify: Callable[[bytes], None]) -> Path:
    """Write ``data`` to ``path`` safely; ``verify`` re-checks what is on the medium (raises if bad)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError("EXPORT_WRITE_FAILED", f"无法写入 {path}：{exc.strerror}。",
                          f"Cannot write {path}: {exc.strerror}.") from None
    back = path.read_bytes()
    if back != data:
        raise DomainError("EXPORT_READBACK_FAILED", f"写入 {path.name} 后读回的内容不一致，U盘可能损坏。",
                          f"{path.name} read back differently after writing; the medium may be faulty.")
    verify(back)
    return path


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS/FAT journaling of the rename is what we get
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
