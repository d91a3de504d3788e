"""Maintenance figures (issue 18): backup, restore, the daily and the full check, the incremental audit
verification, each against a floor doing the same reading and writing with none of the checks."""

from __future__ import annotations

import os
import random
import shutil
import statistics
import zipfile
from pathlib import Path

from credit_desk.bench.timing import figure, seconds

RESTORE_GOAL_MS, DAILY_CHECK_GOAL_MS = 15_000.0, 5_000.0
MAINT_RUNS = 3  # restores (and their floors), alternating; the median is the figure


def _copy_hashed(read, dst: Path) -> str:
    """The floor's unit of work: the bytes of ``read`` (a binary file object) written to ``dst`` and fsynced,
    SHA-256 of them taken as they pass (what a restore does with ledger.db, with none of its checks)."""
    import hashlib
    h = hashlib.sha256()
    with open(dst, "wb") as out:
        for block in iter(lambda: read.read(1 << 20), b""):
            h.update(block)
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    return h.hexdigest()


def _plain_integrity(plain_path: Path, full: bool) -> None:
    from credit_desk.store import backup as backup_store, plain_copy
    conn = plain_copy.open_plain(plain_path)
    try:
        backup_store.integrity(conn, full)
    finally:
        conn.close()


def _plain_hash_rows(plain_path: Path, after: int, upto: int | None) -> int:
    """Read and hash audit rows (after, upto] of the plaintext copy, as the chain's walk recomputes them."""
    from credit_desk.domain.audit_chain import row_hash
    from credit_desk.store import audit_log, plain_copy
    conn = plain_copy.open_plain(plain_path)
    try:
        n = 0
        for n, row in enumerate(audit_log.iter_rows(conn, after, upto), 1):
            row_hash(row)
        return n
    finally:
        conn.close()


def maint_figures(folder: Path, key: bytes, plain_path: Path, work: Path, log=lambda msg: None) -> list[dict]:
    """Backup, restore (as checked by default, and with ``--full``), ``check --full``, the daily ``check`` and the
    audit verification from the last verified head — each as the CLI runs it (``services.backup.backup_now`` /
    ``restore`` / ``check``, ``services.audit.verify_since``) on a desk opened for it, each against a floor doing
    the same work in the same run (said in each note). The key is in a private in-memory keyring (as on the PC
    that made the backup); nothing touches the user's own."""
    from credit_desk.bench.seeding import MemoryKeyring, private_keyring
    from credit_desk.services import audit, backup, ledgers
    from credit_desk.store import audit_log, backup as backup_store, keys as key_store, plain_copy
    from credit_desk.store.ledger import LedgerPaths

    kr = MemoryKeyring()
    kr.set_password(key_store.KEYRING_SERVICE, LedgerPaths(folder).ledger_id(), key.hex())
    out, bk = [], work / "maint"
    shutil.rmtree(bk, ignore_errors=True)
    bk.mkdir(parents=True)
    with private_keyring(kr):
        log("backup (copy, whole check of the copy, hash, sign) …")
        desk = ledgers.unlock(folder)
        try:
            made = []
            t_backup = seconds(lambda: made.append(backup.backup_now(desk, bk / "backups")))
        finally:
            desk.close()
        file = made[0]

        def backup_floor():
            with open(folder / "ledger.db", "rb") as src:
                _copy_hashed(src, bk / "floor.db")
            with zipfile.ZipFile(bk / "floor.zip", "w", compression=zipfile.ZIP_STORED) as zf:
                zf.write(bk / "floor.db", "ledger.db")
            with zipfile.ZipFile(bk / "floor.zip") as zf, zf.open("ledger.db") as src:
                _copy_hashed(src, bk / "floor-back.db")
            for p in ("floor.db", "floor.zip", "floor-back.db"):
                (bk / p).unlink()
            _plain_integrity(plain_path, True)
        f_backup = seconds(backup_floor)
        out.append(figure("backup.now", t_backup * 1000, f_backup * 1000, note=(
            "backup_now: stepped copy, integrity_check + the whole audit chain of the copy (side by side), "
            "SHA-256, signed manifest, zip, read back; floor: the file's bytes copied with SHA-256, zipped, read "
            "back with SHA-256, and integrity_check of the plaintext copy"), mb=round(file.stat().st_size / 1e6, 1)))

        log("restore (default and --full) …")
        t_fast, f_fast = [], []

        def restore_floor():
            with zipfile.ZipFile(file) as zf, zf.open("ledger.db") as src:
                _copy_hashed(src, bk / "floor-restore.db")
            (bk / "floor-restore.db").unlink()
        for i in range(MAINT_RUNS):
            target = bk / f"restored-{i}"
            t_fast.append(seconds(lambda: backup.restore(file, target)))
            shutil.rmtree(target)
            f_fast.append(seconds(restore_floor))
        out.append(figure("restore", statistics.median(t_fast) * 1000, statistics.median(f_fast) * 1000,
                          goal=RESTORE_GOAL_MS, runs=MAINT_RUNS, note=(
                              f"restore of a backup checked whole when made (median of {MAINT_RUNS}, alternating "
                              "with the floor): hashes while unpacking, signature, key, audit head; floor: the "
                              "same ledger.db bytes out of the zip with SHA-256, fsynced")))
        target = bk / "restored-full"
        t_full = seconds(lambda: backup.restore(file, target, full=True))
        shutil.rmtree(target)
        f_full = seconds(restore_floor) + seconds(lambda: _plain_integrity(plain_path, True))
        out.append(figure("restore.full", t_full * 1000, f_full * 1000, note=(
            "restore --full: the same, then integrity_check and the whole audit chain side by side; floor: the "
            "same bytes with SHA-256, then integrity_check of the plaintext copy")))

        log("check --full, the daily check, the audit verification since the verified head …")
        desk = ledgers.unlock(folder, read_only=True)
        try:
            rows = audit_log.last_id(desk.ledger.conn)
            t_check_full = seconds(lambda: backup.check(desk, full=True))  # leaves the marks the daily one uses
        finally:
            desk.close()
        conn = plain_copy.open_plain(plain_path)
        try:
            plain_ids = backup_store.change_ids(conn)
        finally:
            conn.close()
        f_check_full = (seconds(lambda: _plain_integrity(plain_path, True))
                        + seconds(lambda: _plain_hash_rows(plain_path, 0, None)))
        out.append(figure("check.full", t_check_full * 1000, f_check_full * 1000, audit_rows=rows, note=(
            "check --full on a read-only desk: integrity_check, the whole audit chain, every change id, accounts; "
            f"floor: integrity_check and every audit row read and hashed on the plaintext copy ({plain_ids:,} "
            "change ids)")))

        from credit_desk.services import ledger_health
        spot_rows, spot_ids = audit.SPOT_ROWS, ledger_health.SPOT_IDS
        desk = ledgers.unlock(folder, read_only=True)
        try:
            items = []
            t_daily = seconds(lambda: items.extend(backup.check(desk, full=False)))
        finally:
            desk.close()
        at = random.Random(18).randint(0, max(0, rows - spot_rows))

        def daily_floor():
            _plain_hash_rows(plain_path, at, at + spot_rows)
            c = plain_copy.open_plain(plain_path)
            try:
                backup_store.change_ids(c, at, at + spot_ids)
            finally:
                c.close()
        f_daily = seconds(daily_floor)
        ok = all(i.ok for i in items if i.name != "backup")
        out.append(figure("check.daily", t_daily * 1000, f_daily * 1000, goal=DAILY_CHECK_GOAL_MS, sound=ok, note=(
            "check (daily) on a read-only desk after check --full left its marks: the whole-file read reported "
            f"from the last one, the rows after the verified head + a {spot_rows:,}-row random window, the ids "
            f"after the checked one + a {spot_ids:,}-id window, accounts; floor: {spot_rows:,} audit rows read and "
            f"hashed and {spot_ids:,} change ids counted on the plaintext copy")))

        desk = ledgers.unlock(folder, read_only=True)
        try:
            verdict = []
            t_since = seconds(lambda: verdict.append(audit.verify_since(desk.ledger.conn, desk.ledger)))
        finally:
            desk.close()
        v = verdict[0]
        recomputed = (v.walked if v.since is not None else v.rows) + (v.spot[1] - v.spot[0] + 1 if v.spot else 0)
        f_since = seconds(lambda: _plain_hash_rows(plain_path, at, at + recomputed))
        out.append(figure("audit.verify_since", t_since * 1000, f_since * 1000, ok=v.ok, note=(
            "services.audit.verify_since from the last verified head (the rows after it + the random window); "
            "floor: as many audit rows read and hashed on the plaintext copy")))
        # issue 18's goal "incremental from the last verified head": rows recomputed, at most the new ones + window
        expected = (rows - (v.since or 0)) + spot_rows
        out.append(figure("audit.verify_since.rows_recomputed", recomputed, expected, unit="rows", goal_ratio=1.0,
                          note=("rows the verification recomputed; floor: the rows after the verified head + the "
                                f"{spot_rows:,}-row window, so a ratio over 1 (a whole walk of {rows:,} rows) "
                                "misses issue 18's goal")))
    shutil.rmtree(bk, ignore_errors=True)
    return out
