"""Settings for one large write (seeding demo data): a page cache big enough for the indexes being filled.

With the default cache (8 MB) a million-row transaction keeps evicting and re-reading index pages, each one
decrypted and encrypted again; a larger cache for the length of the write keeps them in memory.
"""

from __future__ import annotations

from contextlib import contextmanager

MAX_CACHE_MIB = 512


@contextmanager
def large_cache(conn, rows: int):
    """About 0.5 KiB of cache per row written (at least the current size, at most MAX_CACHE_MIB)."""
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    kib = min(MAX_CACHE_MIB * 1024, max(rows // 2, 8 * 1024))
    conn.execute(f"PRAGMA cache_size = -{kib}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")  # shrinking frees the pages again
