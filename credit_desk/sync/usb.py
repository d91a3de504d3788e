"""USB (folder) transport: temp file, fsync, rename, fsync the folder, read back and verify before 'done'."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from credit_desk.atomic import write_atomic
from credit_desk.domain.errors import DomainError


def write_verified(path: Path, data: bytes, verify: Callable[[bytes], None]) -> Path:
    """Write ``data`` to ``path`` safely; ``verify`` re-checks what is on the medium (raises if bad)."""
    path = Path(path)
    try:
        write_atomic(path, data, suffix=".part")
    except OSError as exc:
        raise DomainError("EXPORT_WRITE_FAILED", f"无法写入 {path}：{exc.strerror}。",
                          f"Cannot write {path}: {exc.strerror}.") from None
    back = path.read_bytes()
    if back != data:
        raise DomainError("EXPORT_READBACK_FAILED", f"写入 {path.name} 后读回的内容不一致，U盘可能损坏。",
                          f"{path.name} read back differently after writing; the medium may be faulty.")
    verify(back)
    return path
