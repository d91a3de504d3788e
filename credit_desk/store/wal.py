"""Reading the write-ahead log's frame headers before SQLite does, to tell a damaged -wal from a short one.

SQLite replays ``ledger.db-wal`` up to the first frame whose salt or running checksum does not hold and
silently treats the rest as never written (sqlite.org/fileformat2.html §4). A flipped byte in the middle
therefore drops every later committed transaction without an error — and the next write would checkpoint
the short log over the evidence. This module walks the same checksums in pure Python and says whether
valid-looking commits (frames carrying this log's salts) lie *after* the first bad frame: that is damage,
not a crash mid-write (a torn last frame has nothing valid after it).

File format (big- or little-endian words as the magic says)::

    header  magic | version | page size | checkpoint seq | salt1 | salt2 | cksum1 | cksum2   (32 bytes)
    frame   page no | db size after commit (0 = not a commit) | salt1 | salt2 | cksum1 | cksum2 | page
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

_MAGIC = (0x377F0682, 0x377F0683)
_MASK = 0xFFFFFFFF


@dataclass(frozen=True)
class WalDamage:
    """A -wal whose replay stops early: ``good_commits`` replay, ``lost_commits`` after frame ``bad_frame``."""
    bad_frame: int
    good_commits: int
    lost_commits: int


def _checksum(data: bytes, fmt: str, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{fmt}{len(data) // 4}I", data)
    it = iter(words)
    for x0, x1 in zip(it, it):
        s0 = (s0 + x0 + s1) & _MASK
        s1 = (s1 + x1 + s0) & _MASK
    return s0, s1


def scan(path: Path) -> WalDamage | None:
    """None when the log is absent, empty, whole, or only torn at its end; else what replay would lose."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    if len(data) < 32:
        return None
    magic = struct.unpack(">I", data[:4])[0]
    fmt = ">" if magic & 1 else "<"
    page_size, salt1, salt2, c1, c2 = struct.unpack(">I4xIIII", data[8:32])
    if not 512 <= page_size <= 65536 or page_size & (page_size - 1):
        return None
    ok_header = magic in _MAGIC and _checksum(data[:24], fmt, 0, 0) == (c1, c2)
    if not ok_header and len(data) >= 32 + 24:   # a damaged header: the frames still name their generation
        salt1, salt2 = struct.unpack(">II", data[40:48])
    s0, s1 = c1, c2
    frame, pos, commits = 0, 32, 0
    size = 24 + page_size
    while pos + size <= len(data):
        pgno, commit, f1, f2, k1, k2 = struct.unpack(">6I", data[pos:pos + 24])
        if ok_header and (f1, f2) == (salt1, salt2):
            s0, s1 = _checksum(data[pos:pos + 8], fmt, s0, s1)
            s0, s1 = _checksum(data[pos + 24:pos + size], fmt, s0, s1)
            if (s0, s1) == (k1, k2):
                commits += 1 if commit else 0
                frame, pos = frame + 1, pos + size
                continue
        return _frames_after(data, pos, salt1, salt2, fmt, commits, frame, size)
    return None


def _frames_after(data: bytes, pos: int, salt1, salt2, fmt: str, good: int, frame: int = 0,
                  size: int = 0) -> WalDamage | None:
    """Commit frames of this log generation at or after ``pos``: their presence means damage, not a torn end."""
    if not size:
        return None
    lost = 0
    while pos + size <= len(data):
        _pgno, commit, f1, f2 = struct.unpack(">4I", data[pos:pos + 16])
        if (f1, f2) == (salt1, salt2) and commit:
            lost += 1
        pos += size
    return WalDamage(frame, good, lost) if lost else None
