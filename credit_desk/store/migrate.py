"""Schema migrations (calibre's way): PRAGMA user_version, a backup copy first, one exclusive transaction."""

from __future__ import annotations

import shutil
from datetime import datetime

from credit_desk.domain.errors import DomainError
from credit_desk.store.migrations import MIGRATIONS


def current_version() -> int:
    return MIGRATIONS[-1].VERSION


def check_current(conn) -> None:
    have = conn.execute("PRAGMA user_version").fetchone()[0]
    if have != current_version():
        raise DomainError("SCHEMA_OLD", f"账本结构版本为 {have}，需要 {current_version()}；请以可写方式打开一次以升级。",
                          f"Ledger schema {have}, need {current_version()}; open it for writing once to upgrade.")


def upgrade(conn, paths, ledger_id: str, progress=None) -> int:
    """Bring the schema up to date; returns the number of migrations applied. ``progress(line)`` hears the
    migrations that take long at scale (``REPORTS_PROGRESS``: migration 36 re-indexes every record)."""
    have = conn.execute("PRAGMA user_version").fetchone()[0]
    if have > current_version():
        raise DomainError("SCHEMA_NEWER", f"账本由更新版本的程序创建（结构版本 {have}），请升级本程序。",
                          f"The ledger was written by a newer program (schema {have}); upgrade credit_desk.")
    pending = [m for m in MIGRATIONS if m.VERSION > have]
    if not pending:
        return 0
    if have > 0:
        backup_before_migration(conn, paths, have)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        for mod in pending:
            if getattr(mod, "REPORTS_PROGRESS", False):
                mod.up(conn, progress)
            else:
                mod.up(conn)
        conn.execute(f"PRAGMA user_version = {pending[-1].VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(pending)


def backup_before_migration(conn, paths, version: int) -> None:
    """An encrypted copy (same key) of the ledger as it was, so a failed upgrade loses nothing."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    paths.backups.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    shutil.copy2(paths.db, paths.backups / f"pre-migration-v{version}-{stamp}.db")
