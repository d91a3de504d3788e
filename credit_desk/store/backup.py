"""Backups: one self-describing file holding the encrypted database and the sealed key.

A backup file (``*.cdbk``) is a ZIP (stored, not compressed: its members are already encrypted) with
  manifest.json     format, ledger id, created-at, schema, app version, SHA-256 of each member, audit head,
                    ``key_id`` (SHA-256 hex of the office signing key that signed it)
  manifest.sig      Ed25519 signature by the office key over manifest.json's exact bytes, domain tag
                    ``credit_desk.backup-manifest/1`` (format /2; issue 14: restore checks it, so a manifest
                    cannot be forged around recomputed hashes)
  ledger.db         an online, consistent copy made with SQLite's backup API — SQLCipher-encrypted, same key
  ledger.recovery   the key sealed with the recovery passphrase (as in the data folder)
  ledger.json       the ledger id
Nothing in it is readable without the key or the recovery passphrase.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import sqlcipher3

from credit_desk import __version__, faults
from credit_desk.domain import signing, suites
from credit_desk.domain.errors import DomainError
from credit_desk.atomic import fsync_dir, owner_only
from credit_desk.store.ledger import LedgerPaths, apply_key, connect

FORMAT = "credit_desk.backup/2"
UNSIGNED_FORMAT = "credit_desk.backup/1"   # before issue 14: restored only when the admin says so
SUFFIX = ".cdbk"
MEMBERS = ("ledger.db", "ledger.recovery", "ledger.json")
MAX_MEMBER_BYTES = 64 * 2**30
STEP_PAGES = 256  # pages copied per backup step (1 MiB at 4 KiB pages): the source is free between steps


def crypto_key_id(public: bytes) -> str:
    """The key id in the key's own suite (SHA-256 of an Ed25519 key, SM3 of an SM2 key), as manifests name keys."""
    return suites.of_public(public).key_id(public)


def _digest(path: Path, suite: suites.Suite, read=None) -> str:
    h = suite.hasher()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
            if read is not None:
                read(len(block))
    return h.hexdigest()


class _Passes:
    """Issue 18: the packing's three passes over the members (hashed, written into the archive, read back and
    hashed again) as ``progress(bytes done, bytes in all)``, so a bar covers them and not only the copy."""

    def __init__(self, progress, sources: dict[str, Path], passes: int = 3) -> None:
        self.progress, self.done = progress, 0
        self.total = passes * sum(p.stat().st_size for p in sources.values())

    def read(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _add_member(zf: zipfile.ZipFile, path: Path, name: str, read) -> None:
    """``zf.write`` in 1 MiB blocks, each counted (stored, its size known first, so ZIP64 is chosen as write does)."""
    info = zipfile.ZipInfo.from_file(path, name)
    info.compress_type = zipfile.ZIP_STORED
    with open(path, "rb") as src, zf.open(info, "w") as dst:
        for block in iter(lambda: src.read(1 << 20), b""):
            dst.write(block)
            read(len(block))


def snapshot_db(conn, target: Path, key: bytes, progress=None, step_pages: int = STEP_PAGES) -> None:
    """Copy the live database into a new file encrypted with the same key, ``step_pages`` pages per step
    (SQLite's online backup API), calling ``progress(pages_done, pages_total)`` after each step.

    Issue 18: one step over the whole file held ``conn`` for its whole length (5.5 s at 1M records) and every
    other use of that connection waited. Run on a connection of its own inside an open read transaction
    (``open_snapshot_source``), the copy is one consistent snapshot however many steps it takes, while the
    writer commits meanwhile. ``progress`` may raise to abandon the copy."""
    out = sqlcipher3.connect(str(target), isolation_level=None)
    try:
        apply_key(out, key)  # the same pinned cipher settings as the ledger (issue 14 item 7)
        step = None if progress is None else (lambda _status, left, total: progress(total - left, total))
        conn.backup(out, pages=max(1, int(step_pages)), progress=step)
    finally:
        out.close()


def open_snapshot_source(db: Path, key: bytes):
    """A read-only connection of its own with a read transaction open on the ledger as it is now (WAL: later
    commits by the writer are not seen, so a stepped backup copies one consistent state and never restarts).
    The caller closes it (``close_snapshot_source``)."""
    conn = connect(db, key, read_only=True)
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read transaction starts here
    return conn


def schema_of(conn) -> int:
    """The schema version (``user_version``) as ``conn`` sees it."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def close_snapshot_source(conn) -> None:
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    finally:
        conn.close()


def write_backup(conn, paths: LedgerPaths, key: bytes, ledger_id: str, folder: Path,
                 audit_head: tuple[int, str] | None, schema: int, sign_private: bytes, progress=None,
                 check_copy=None, packed=None) -> Path:
    """Write, fsync, rename into place, then read back and verify; returns the backup file's path.
    ``check_copy(db_copy)`` (issue 18) checks the copied database before anything is hashed or signed and returns
    what it found (the manifest's ``checked``); it raises to refuse the backup. ``progress(pages done, pages)``
    counts the copy, ``packed(bytes done, bytes)`` what follows it (hashing, writing, reading back: ``_Passes``).
    A full disk or an unwritable folder is a DomainError naming it (DISK_FULL, FOLDER_NOT_WRITABLE), and
    the half-written temporary folder is removed."""
    try:
        return _write_backup(conn, paths, key, ledger_id, folder, audit_head, schema, sign_private, progress,
                             check_copy, packed)
    except OSError as exc:
        raise faults.from_os(exc, folder) from None
    except sqlcipher3.DatabaseError as exc:
        raise faults.from_sqlite(exc, folder) from None


def _write_backup(conn, paths: LedgerPaths, key: bytes, ledger_id: str, folder: Path,
                  audit_head: tuple[int, str] | None, schema: int, sign_private: bytes, progress=None,
                  check_copy=None, packed=None) -> Path:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    final = folder / f"credit_desk-{ledger_id[:8]}-{stamp}{SUFFIX}"
    sweep_leftovers(folder)
    with tempfile.TemporaryDirectory(dir=folder, prefix=f".backup-{os.getpid()}-") as work:
        db_copy = Path(work) / "ledger.db"
        snapshot_db(conn, db_copy, key, progress)
        checked = check_copy(db_copy) if check_copy is not None else None
        sources = {"ledger.db": db_copy, "ledger.recovery": paths.recovery, "ledger.json": paths.meta}
        passes = _Passes(packed, sources)
        suite = suites.of_private(sign_private)
        manifest = {"format": FORMAT, "ledger_id": ledger_id, "created": datetime.now().isoformat(timespec="seconds"),
                    "schema": schema, "app_version": __version__,
                    # issue 22: member hashes in the suite's hash under its name ("sha256" / "sm3": SM3 in gm/1)
                    suite.hash_name: {name: _digest(p, suite, passes.read) for name, p in sources.items()},
                    "audit_head": list(audit_head) if audit_head else None,
                    # issue 18: what the backup found when it checked this very copy whole before signing (None:
                    # not checked — a restore then checks it whole itself)
                    "checked": checked,
                    # issue 22: the signing key's suite and its id in that suite's hash
                    "suite": signing.suite_of(signing.public_of(sign_private)),
                    "key_id": crypto_key_id(signing.public_of(sign_private))}
        raw = json.dumps(manifest, indent=1).encode("utf-8")
        tmp = Path(work) / "backup.tmp"
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr("manifest.json", raw)
            zf.writestr("manifest.sig", signing.sign(sign_private, signing.Use.BACKUP_MANIFEST, raw))
            for name, p in sources.items():
                _add_member(zf, p, name, passes.read)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        owner_only(tmp)
        os.replace(tmp, final)
        fsync_dir(folder)
    read_manifest(final, verify_hashes=True, read=passes.read)
    return final


def read_manifest(path: Path, verify_hashes: bool = False, read=None) -> dict:
    """The manifest of a backup file, checked for shape, member names and (optionally) hashes; ``read(n)`` after
    each block hashed."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if names not in ({"manifest.json", "manifest.sig", *MEMBERS}, {"manifest.json", *MEMBERS}):
                raise _bad(path, "成员文件不符")
            if any(i.file_size > MAX_MEMBER_BYTES for i in zf.infolist()):
                raise _bad(path, "成员文件过大")
            manifest = json.loads(zf.read("manifest.json"))
            signed = "manifest.sig" in names
            if not isinstance(manifest, dict) or manifest.get("format") != (FORMAT if signed else UNSIGNED_FORMAT):
                raise _bad(path, "格式版本不符")
            if not _shape_ok(manifest):  # the manifest is hashed, not signed: a forged one is possible
                raise _bad(path, "清单内容不符")
            if verify_hashes:
                suite, listed = member_hashes(manifest)
                for name in MEMBERS:
                    with zf.open(name) as fh:
                        h = suite.hasher()
                        for block in iter(lambda: fh.read(1 << 20), b""):
                            h.update(block)
                            if read is not None:
                                read(len(block))
                    if h.hexdigest() != listed[name]:
                        raise _bad(path, f"{name} 的校验值不符")
            return manifest
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, TypeError, EOFError, RecursionError):
        raise _bad(path, "文件已损坏或不是备份文件") from None


def read_signature(path: Path) -> tuple[bytes, bytes] | None:
    """(manifest.json bytes, manifest.sig) of a signed backup; None for an unsigned one (format /1)."""
    try:
        with zipfile.ZipFile(path) as zf:
            if "manifest.sig" not in zf.namelist():
                return None
            return zf.read("manifest.json"), zf.read("manifest.sig")
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        raise _bad(path, "文件已损坏或不是备份文件") from None


def member_hashes(m: dict) -> tuple[suites.Suite, dict]:
    """(suite, {member: hex digest}) of a manifest: the map under the hash name of the suite it names ("sm3" in
    gm/1); a gm/1 manifest written by the first build of issue 22 still lists SHA-256 under "sha256" (signed,
    so it cannot be swapped for the other map)."""
    name = m.get("suite", suites.INTL)
    suite = suites.get(name) if isinstance(name, str) and name in suites.NAMES else None
    if suite is None:
        return suites.get(suites.INTL), {}
    if suite.hash_name not in m and suite.name != suites.INTL and isinstance(m.get("sha256"), dict):
        return suites.get(suites.INTL), m["sha256"]
    listed = m.get(suite.hash_name)
    return suite, listed if isinstance(listed, dict) else {}


def _shape_ok(m: dict) -> bool:
    """Every field restore() uses, of the right type (a forged manifest crashed restore; issue 10 fuzzing)."""
    sha, head = member_hashes(m)[1], m.get("audit_head")
    return (isinstance(m.get("ledger_id"), str) and bool(m["ledger_id"]) and isinstance(m.get("created"), str)
            and isinstance(m.get("schema"), int) and isinstance(sha, dict)
            and all(isinstance(sha.get(n), str) for n in MEMBERS)
            and m.get("suite", suites.INTL) in suites.NAMES
            and (m.get("format") == UNSIGNED_FORMAT or isinstance(m.get("key_id"), str))
            and (head is None or _pair_ok(head))
            and ("checked" not in m or m["checked"] is None or checked_ok(m["checked"])))


def _pair_ok(pair) -> bool:
    """[row id, hash] as manifests name an audit row."""
    return (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], int) and not isinstance(pair[0], bool)
            and isinstance(pair[1], str))


def checked_ok(c) -> bool:
    """The manifest's ``checked`` (issue 18): {"integrity": "integrity_check", "audit_rows": n, "audit_last":
    [n, hash] or None (an empty chain)} — what the backup found when it checked its copy whole."""
    return (isinstance(c, dict) and c.get("integrity") == "integrity_check" and isinstance(c.get("audit_rows"), int)
            and not isinstance(c["audit_rows"], bool) and c["audit_rows"] >= 0
            and (c.get("audit_last") is None if c["audit_rows"] == 0
                 else _pair_ok(c.get("audit_last")) and c["audit_last"][0] == c["audit_rows"]))


def extract(path: Path, target: Path, manifest: dict) -> None:
    """Unpack the three members (fixed names only — nothing from the archive chooses a path), each hashed as it
    is written and compared with the manifest's hash (issue 18: one pass over the bytes, not a pass to check and
    another to unpack); a member that does not match is BACKUP_BAD and the caller removes what was written."""
    suite, listed = member_hashes(manifest)
    try:
        with zipfile.ZipFile(path) as zf:
            for name in MEMBERS:
                h = suite.hasher()
                with zf.open(name) as src, open(target / name, "wb") as dst:
                    for block in iter(lambda: src.read(1 << 20), b""):
                        h.update(block)
                        dst.write(block)
                    dst.flush()
                    os.fsync(dst.fileno())
                if h.hexdigest() != listed.get(name):
                    raise _bad(path, f"{name} 的校验值不符")
    except (zipfile.BadZipFile, ValueError, KeyError, EOFError):
        raise _bad(path, "文件已损坏或不是备份文件") from None


def _alive(pid: int) -> bool:
    if os.name != "posix":  # pragma: no cover - Windows: a leftover is only removed once a day old
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _stale(path: Path, pid_at: int) -> bool:
    try:
        pid = int(path.name.split("-")[pid_at])
    except (IndexError, ValueError):
        pid = None
    if pid is not None and os.name == "posix":
        return pid != os.getpid() and not _alive(pid)
    try:
        return datetime.now().timestamp() - path.stat().st_mtime > 86400
    except OSError:
        return False


def sweep_leftovers(folder: Path) -> list[Path]:
    """Remove the hidden work folders of a backup or restore that was killed (issue 14 item 7): in ``folder``,
    ``.backup-<pid>-*`` and ``.<name>.restore-<pid>-*`` whose process is gone. Returns what was removed."""
    removed = []
    try:
        candidates = [p for p in Path(folder).iterdir() if p.name.startswith(".") and p.is_dir()]
    except OSError:
        return removed
    for p in candidates:
        if p.name.startswith(".backup-"):
            stale = _stale(p, 1)
        elif ".restore-" in p.name:
            stale = _stale(Path(p.name.rsplit(".restore-", 1)[1]), 0)
        else:
            continue
        if stale:
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed


def integrity(conn, full: bool = True) -> str:
    """"ok", or SQLite's first complaint: ``integrity_check`` (every page, every index against its table), or
    with ``full=False`` ``quick_check`` (every page and row, without matching index entries to rows: a fraction
    of the time, issue 18's daily check). A page whose SQLCipher HMAC does not verify stops the check with an
    error: its message is the complaint (never "ok")."""
    try:
        said = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(4)" if full else "PRAGMA quick_check(4)")]
    except sqlcipher3.DatabaseError as exc:
        return str(exc) or type(exc).__name__
    except MemoryError:  # SQLCipher reports a page that fails its HMAC inside integrity_check as out of memory
        return "out of memory while reading a page (SQLCipher's answer to a page that fails its HMAC)"
    return "; ".join(said).replace("*** in database main ***", "").strip("\n; ").replace("\n", "; ")


def change_ids(conn, after: int = 0, upto: int | None = None) -> int:
    """How many change-log rows have an id in (``after``, ``upto``] — a range of the rowid b-tree, not a scan of
    the whole log (issue 18's daily check)."""
    if upto is None:
        return conn.execute("SELECT count(*) FROM changes WHERE id > ?", (after,)).fetchone()[0]
    return conn.execute("SELECT count(*) FROM changes WHERE id > ? AND id <= ?", (after, upto)).fetchone()[0]


def change_bounds(conn) -> tuple[int | None, int | None, int | None]:
    """(lowest id, highest id, AUTOINCREMENT sequence) of the change log: three look-ups at the b-tree's ends
    (``min`` and ``max`` each alone, so SQLite takes the one-row path instead of reading every row)."""
    lo = conn.execute("SELECT min(id) FROM changes").fetchone()[0]
    hi = conn.execute("SELECT max(id) FROM changes").fetchone()[0]
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'changes'").fetchone()
    return lo, hi, seq[0] if seq else None


def open_for_check(db: Path, key: bytes):
    return connect(db, key, read_only=True)


def rotate(folder: Path, ledger_id: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups of this ledger in ``folder``; returns what was removed."""
    mine = sorted(folder.glob(f"credit_desk-{ledger_id[:8]}-*{SUFFIX}"))
    removed = mine[:-keep] if keep > 0 else []
    for p in removed:
        p.unlink()
    return removed


def _bad(path: Path, why: str) -> DomainError:
    return DomainError("BACKUP_BAD", f"备份文件 {Path(path).name} 无法使用：{why}。",
                       f"The backup file {Path(path).name} cannot be used: {why}.", field="file")
