"""A plaintext copy of an open ledger, for the benchmark floor only (issue 9): the same pages, the same
SQLite, no encryption. It holds the ledger in clear, so the bench deletes it when it is done."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from credit_desk.store.ledger import CACHE_KIB


def export_plain(conn, target: Path) -> None:
    """Copy the ledger behind ``conn`` into a new unencrypted file with ``sqlcipher_export``."""
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    try:
        conn.execute("SELECT sqlcipher_export('plain')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA plain.user_version = {int(version)}")
    finally:
        conn.execute("DETACH DATABASE plain")


def open_plain(path: Path, *, read_only: bool = True):
    """A connection to the plaintext copy, set up like a ledger reader (no key)."""
    uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # as a ledger connection: only the encryption differs
    return conn
