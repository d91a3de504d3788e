"""One office ledger: an SQLCipher 4 file opened with a raw 256-bit key, in WAL mode (R14).

Files in the data folder (none holds personal data in clear):
  ledger.db          the encrypted database (and its -wal / -shm, encrypted too)
  ledger.json        the ledger id and format: no secrets, nothing personal
  ledger.recovery    the key sealed with the recovery passphrase
  ledger.lock        who is writing to the ledger right now (held per write transaction)
  audit.anchor       row count and head hash of the audit chain, kept outside the database
  audit.verified     the last audit head a verification walked up to (a hint for the daily check, issue 18)
  changes.checked    the change-log id up to which a check found the ids without a hole (a hint, issue 18)
  integrity.json     when the whole file was last read through SQLite's own check, and what it said (issue 18)

A ledger that does not match its anchor (fewer audit rows than the anchor counts, another hash at the
anchor's row, the anchor gone although ``ledger.json`` records that one was written) or whose -wal is
damaged (``store/wal.py``) opens read-only with ``attention`` set: nothing writes over the evidence —
no login, no anchor, no checkpoint — until the office restores from a backup (issue 14).
"""

from __future__ import annotations

import json
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3
import sqlite_utils

from credit_desk.domain.errors import AuthError, DomainError
from credit_desk.domain.textkey import search_key
from credit_desk import faults
from credit_desk.store import keys, migrate, wal
from credit_desk.atomic import owner_only, write_atomic
from credit_desk.store.lock import LedgerLock
from credit_desk.store.tx import Tx, clock_in_use
from credit_desk.store import writer_guard
from credit_desk.store.writer_guard import WriterGuard, busy_error, guarded_connection_class

CACHE_KIB = 32 * 1024  # page cache per connection
GUARDED = guarded_connection_class(sqlcipher3.Connection)  # the writer asks its guard before each statement


@dataclass(frozen=True)
class LedgerPaths:
    folder: Path

    @property
    def db(self) -> Path: return self.folder / "ledger.db"
    @property
    def meta(self) -> Path: return self.folder / "ledger.json"
    @property
    def recovery(self) -> Path: return self.folder / "ledger.recovery"
    @property
    def lock(self) -> Path: return self.folder / "ledger.lock"
    @property
    def anchor(self) -> Path: return self.folder / "audit.anchor"
    @property
    def verified(self) -> Path: return self.folder / "audit.verified"
    @property
    def changes_checked(self) -> Path: return self.folder / "changes.checked"
    @property
    def integrity(self) -> Path: return self.folder / "integrity.json"
    @property
    def backups(self) -> Path: return self.folder / "backups"

    @property
    def wal(self) -> Path: return self.folder / "ledger.db-wal"

    def exists(self) -> bool:
        return self.db.exists() and self.meta.exists()

    def ledger_id(self) -> str:
        try:
            return json.loads(self.meta.read_text(encoding="utf-8"))["ledger_id"]
        except (OSError, ValueError, KeyError):
            raise DomainError("LEDGER_MISSING", f"在 {self.folder} 没有找到账本，请先新建本单位账本。",
                              f"No ledger in {self.folder}; create the office's ledger first.",
                              cli="credit-desk init") from None


@dataclass(frozen=True)
class Attention:
    """Why a ledger was opened read-only against the caller's wish: one sentence, Chinese and English."""
    code: str
    zh: str
    en: str


class Ledger:
    """An open ledger. Writes go through ``tx()``; reads through ``db`` (sqlite-utils) or ``query``."""

    def __init__(self, paths: LedgerPaths, conn, ledger_id: str, lock: LedgerLock | None,
                 attention: Attention | None = None) -> None:
        self.paths = paths
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.ledger_id = ledger_id
        self._lock = lock
        self.attention = attention
        self._anchored = False
        self._seen = keys.load_seen(ledger_id) if lock is not None else None  # issue 14 item 3
        self.on_wait = None  # called with a progress line while waiting for another writer (CLI: stderr)
        self.listeners: list = []  # fn(frozenset of entity names), called after each committed change
        self.clock = datetime.now  # the desk's clock once a Desk holds this ledger (store.tx.now_iso reads it)
        self.writer = WriterGuard()  # issue 18: one thread at a time on ``conn`` (store/writer_guard.py)

    @property
    def restored(self) -> dict | None:
        """The restore mark in ledger.json (issue 14 item 3), or None for a ledger never restored."""
        return restored_state(self.paths)

    @property
    def read_only(self) -> bool:
        return self._lock is None

    @contextmanager
    def tx(self):
        """One IMMEDIATE transaction: all of it is committed, or none of it."""
        if self.attention is not None:
            raise DomainError("LEDGER_NEEDS_ATTENTION", f"账本需要处理，已只读打开：{self.attention.zh}",
                              f"The ledger needs attention and is open read-only: {self.attention.en}")
        if self.read_only:
            raise DomainError("LEDGER_READ_ONLY", "账本以只读方式打开，不能修改。",
                              "The ledger is open read-only.")
        # issue 18: the transaction holds the session's writer, so a job cannot start on it midway; behind a job
        # that holds it, the caller (the GUI thread) waits a moment — a logged search takes milliseconds — and
        # past that is refused with nothing changed, never a frozen window
        self._take_writer()
        try:
            # issue 14 item 9: one writer at a time across processes; a second one waits (bounded), not fails
            self._lock.acquire(on_wait=self.on_wait)
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                tx = Tx(self.conn, self.ledger_id)
                mark = self.restored
                tx.numbers_unknown = bool(mark) and mark.get("numbers") == "unknown"  # documents.next_seq refuses
                try:
                    with clock_in_use(self.clock):
                        yield tx
                    self.conn.execute("COMMIT")
                except sqlcipher3.DatabaseError as exc:  # a full disk or a read-only folder (issue 14 item 7)
                    self._rollback()
                    raise faults.from_sqlite(exc, self.paths.folder) from None
                except BaseException:
                    self._rollback()
                    raise
                if tx.audit_head is not None:  # under the lock: anchors are written in commit order
                    self._advance_anchor(*tx.audit_head)
            finally:
                self._lock.release()
        finally:
            self.writer.give()
        if tx.touched:
            self._tell(frozenset(tx.touched))

    def _take_writer(self) -> None:
        self.writer.hold_turn()  # the GUI thread: for the rest of its turn, not just this block (writer_guard.py)
        if not self.writer.take(writer_guard.HOME_WAIT_S):
            raise busy_error()

    @contextmanager
    def holding(self):
        """``with ledger.holding():`` the calling thread (the GUI's) holds the writer for a whole service call —
        its reads before the transaction included — so no job starts on it midway (issue 18). Waits up to
        ``HOME_WAIT_S`` for a job that holds it; past that raises DomainError LEDGER_BUSY with nothing done."""
        self._take_writer()
        try:
            yield
        finally:
            self.writer.give()

    def _tell(self, entities: frozenset) -> None:
        """After a commit: every listener learns which entities changed (the GUI refreshes its views from
        this one place, issue 17 item 7). A listener's failure never turns a committed change into an error."""
        for listener in list(self.listeners):
            try:
                listener(entities)
            except Exception:  # noqa: BLE001 - the change is committed; a view refresh is not part of it
                pass

    def _rollback(self) -> None:
        if self.conn.in_transaction:  # a failed COMMIT on a full disk may already have rolled back
            self.conn.execute("ROLLBACK")

    def _advance_anchor(self, rows: int, head: str) -> None:
        """Move the anchor forward, never back: an anchor ahead of the database is evidence (issue 14)."""
        current = read_anchor(self.paths.anchor)
        if current is not None and current[0] > rows:
            return
        write_anchor(self.paths.anchor, rows, head)
        if self._seen is None or rows > self._seen:  # R5: the keyring's high-water mark, outside the folder
            self._seen = rows if keys.store_seen(self.ledger_id, rows) else self._seen
        if not self._anchored:
            mark_anchored(self.paths)
            self._anchored = True

    def lend(self):
        """``with ledger.lend():`` this (worker) thread holds the writer connection for the block; a second
        borrower waits, and the home thread (the GUI's) must not use it meanwhile (store/writer_guard.py)."""
        return self.writer.lend()

    def read_conn(self):
        """The connection a read-only service uses on this thread: the GUI thread's own read connection once the
        GUI attached one (a background job may hold the writer, issue 18), otherwise the writer."""
        return self.writer.read_conn(self.conn)

    def query(self, sql: str, params=()) -> list[dict]:
        return list(self.db.query(sql, params))

    def schema_version(self) -> int:
        return self.read_conn().execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        if self.conn is not None:
            self.writer.uninstall()
            self.conn.close()
            self.conn = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None


# SQLCipher 4's settings, pinned here so that a library upgrade that changes its defaults cannot silently make
# ledgers unreadable or write new ones in another format (issue 14 item 7). The key is raw: the KDF settings only
# derive the HMAC key, but they are part of the format all the same.
CIPHER_SETTINGS = (("cipher_page_size", "4096"), ("kdf_iter", "256000"), ("cipher_hmac_algorithm", "HMAC_SHA512"),
                   ("cipher_kdf_algorithm", "PBKDF2_HMAC_SHA512"), ("cipher_plaintext_header_size", "0"))
OLDER_FORMATS = (3, 2, 1)  # SQLCipher major versions whose files we can recognise (and refuse by name)


def apply_key(conn, key: bytes, compatibility: int | None = None) -> None:
    """Key a fresh connection with the pinned settings; SQLCipher's own log lines never reach stderr."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    if compatibility is not None:
        conn.execute(f"PRAGMA cipher_compatibility = {int(compatibility)}")
        return
    for name, value in CIPHER_SETTINGS:
        conn.execute(f"PRAGMA {name} = {value}")


def connect(db_path: Path, key: bytes, *, read_only: bool = False):
    """Open the SQLCipher file with the raw key (no per-open KDF). Raises AuthError KEY_WRONG for a wrong key,
    DomainError LEDGER_FORMAT_OTHER for a file of another SQLCipher version or a plain SQLite file,
    LEDGER_FOLDER_NOT_WRITABLE / DISK_FULL when the folder refuses the open — each with nothing changed."""
    uri = f"file:{db_path}?mode=ro" if read_only else f"file:{db_path}"
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                                  **({} if read_only else {"factory": GUARDED}))
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        try:
            conn.close()
        except (NameError, UnboundLocalError):
            pass  # the connection was never made: nothing to close; the diagnosis below is raised
        raise diagnose_open(Path(db_path), key, exc) from None
    # Temporary tables and sorts stay in memory: nothing spills to an unencrypted temp file.
    conn.execute("PRAGMA temp_store = MEMORY")
    # Every page read past the cache is decrypted again; the default 8 MB cache is small for a ledger of
    # a million records (issue 9: warm searches ran 2x slower than on a plain copy with it).
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    register_functions(conn)
    if not read_only:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise faults.from_sqlite(exc, Path(db_path).parent) from None
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def register_functions(conn) -> None:
    """SQL functions the schema's triggers call: ``cd_search_key`` is the one normaliser (issue 15)."""
    conn.create_function("cd_search_key", 1, search_key, deterministic=True)
def diagnose_open(db_path: Path, key: bytes, exc) -> Exception:
    """Why a ledger file did not open: not writable, disk full, a plain SQLite file, another SQLCipher format,
    or (only when none of these) a wrong key."""
    fault = faults.from_sqlite(exc, db_path.parent, default=None)
    if fault is not None:
        return fault
    try:
        with open(db_path, "rb") as fh:
            head = fh.read(16)
    except OSError as err:
        return faults.from_os(err, db_path)
    if head.startswith(b"SQLite format 3\x00"):
        return DomainError("LEDGER_FORMAT_OTHER", f"{db_path.name} 是未加密的 SQLite 文件，不是本程序的加密账本；未做任何改动。",
                           f"{db_path.name} is a plain, unencrypted SQLite file, not an encrypted ledger; "
                           "nothing was changed.")
    for version in OLDER_FORMATS:
        if _opens_as(db_path, key, version):
            return DomainError(
                "LEDGER_FORMAT_OTHER",
                f"账本文件是 SQLCipher {version} 格式（本程序使用 SQLCipher 4），密钥无误；请用原版本程序导出或升级后再打开。"
                "未做任何改动。",
                f"The ledger file is in SQLCipher {version} format (this program uses SQLCipher 4); the key is right. "
                "Export or upgrade it with the program that made it. Nothing was changed.")
    return AuthError("KEY_WRONG", "密钥与账本不符，账本未打开，未做任何改动。",
                     "The key does not open this ledger; nothing was changed.")


def _opens_as(db_path: Path, key: bytes, version: int) -> bool:
    conn = sqlcipher3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        apply_key(conn, key, compatibility=version)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def create(folder: Path, recovery_passphrase: str) -> tuple[Ledger, bytes]:
    """Create a new empty ledger at the current schema; returns it open for writing, and its key."""
    paths = LedgerPaths(Path(folder))
    if paths.exists():
        raise DomainError("LEDGER_EXISTS", f"{paths.folder} 已有账本，不会覆盖。",
                          f"{paths.folder} already holds a ledger; it will not be overwritten.")
    keys.check_passphrase(recovery_passphrase)
    paths.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    owner_only(paths.folder)
    ledger_id, key = str(uuid.uuid4()), keys.new_key()
    keys.write_recovery(paths.recovery, key, recovery_passphrase, ledger_id)
    meta = {"format": "credit_desk.ledger/1", "ledger_id": ledger_id,
            "created": datetime.now().isoformat(timespec="seconds")}
    write_atomic(paths.meta, json.dumps(meta).encode())
    return _open(paths, key, ledger_id, read_only=False), key


def open_with_key(folder: Path, key: bytes, *, read_only: bool = False, on_wait=None) -> Ledger:
    """Open for writing (or ``read_only``); ``on_wait(line)`` hears progress while another writer finishes."""
    paths = LedgerPaths(Path(folder))
    led = _open(paths, key, paths.ledger_id(), read_only=read_only, on_wait=on_wait)
    led.on_wait = on_wait
    return led


def _open(paths: LedgerPaths, key: bytes, ledger_id: str, *, read_only: bool, on_wait=None) -> Ledger:
    lock = None
    if not read_only:
        lock = LedgerLock(paths.lock)
        lock.acquire(on_wait=on_wait)  # held while opening and upgrading, then only per write transaction
    try:
        attention = _precheck(paths, key, held=lock is not None)
        conn = connect(paths.db, key, read_only=read_only or attention is not None)
        attention = attention or anchor_attention(conn, paths) or damage_attention(paths)
        if attention is not None and lock is not None:
            conn.close()  # nothing may write over the evidence: not a migration, not a login, not an anchor
            lock.release()
            lock = None
            conn = connect(paths.db, key, read_only=True)
        if lock is not None:
            owner_only(paths.db)  # SQLite gives the -wal and -shm files the database file's mode
            migrate.upgrade(conn, paths, ledger_id, progress=on_wait)  # the CLI prints it on stderr
            _mark_older_copy(conn, paths, ledger_id)
        else:
            migrate.check_current(conn)
    finally:
        if lock:
            lock.release()
    return Ledger(paths, conn, ledger_id, lock, attention)


def _mark_older_copy(conn, paths: LedgerPaths, ledger_id: str) -> None:
    """R5/R6 (issue 14 item 3): a data folder put back from an older copy — not through ``restore`` — holds fewer
    audit rows than this PC's keyring saw it hold. Its numbers and bundle sequence after the copy are unknown,
    exactly as after a restore: it is marked restored, so no 文号 is issued and no bundle made until
    ``bundle resync`` (or the clerk's confirmation of the last paper numbers) learns them."""
    if restored_state(paths) is not None:
        return
    seen = keys.load_seen(ledger_id)
    have = conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
    if seen is None or have >= seen:
        return
    max_change = conn.execute("SELECT coalesce(max(id), 0) FROM changes").fetchone()[0]
    max_bundle = conn.execute("SELECT coalesce(max(seq), 0) FROM sync_bundles").fetchone()[0]
    set_restored(paths, {"at": datetime.now().isoformat(timespec="seconds"), "backup_created": None,
                         "audit_rows": have, "max_change": max_change, "max_bundle": max_bundle,
                         "numbers": "unknown", "bundles": "unknown", "older_copy": {"seen_rows": seen}})


def _precheck(paths: LedgerPaths, key: bytes, *, held: bool) -> Attention | None:
    """With a -wal left behind, the anchor is checked on a read-only connection first (closing it never
    checkpoints); only when the database is behind its anchor is the log walked, to tell damage from loss.
    (Walking every frame costs ~70 ms per MiB, so it is not done on every open.)"""
    try:
        if paths.wal.stat().st_size <= 32:
            return None
    except FileNotFoundError:
        return None
    probe = connect(paths.db, key, read_only=True)
    try:
        behind = anchor_attention(probe, paths)
    finally:
        probe.close()
    return (_wal_attention(paths, held=held) or behind) if behind else None


def _wal_attention(paths: LedgerPaths, *, held: bool) -> Attention | None:
    """A damaged -wal is found before it is checkpointed away; a copy is kept so nothing more is lost."""
    damage = wal.scan(paths.wal)
    if damage is not None and not held:
        damage = wal.scan(paths.wal)  # another process may have been writing: believe it when seen twice
    if damage is None:
        return None
    keep = paths.folder / "ledger.db-wal.damaged"
    if not keep.exists():
        shutil.copy2(paths.wal, keep)
    return Attention("WAL_DAMAGED",
                     f"预写日志（ledger.db-wal）第 {damage.bad_frame + 1} 帧损坏，其后已提交的 {damage.lost_commits} 个事务"
                     f"无法读取（不是截断）；已保留副本 ledger.db-wal.damaged，请从备份恢复。",
                     f"the write-ahead log (ledger.db-wal) is damaged at frame {damage.bad_frame + 1}; "
                     f"{damage.lost_commits} committed transactions after it cannot be read (not a truncation); "
                     f"a copy was kept as ledger.db-wal.damaged; restore from a backup.")


def anchor_attention(conn, paths: LedgerPaths) -> Attention | None:
    """The anchor checked against the database in two look-ups (the whole chain is `audit verify`'s job)."""
    anchor = read_anchor(paths.anchor)
    if anchor is None:
        if is_anchored(paths):
            return Attention("ANCHOR_MISSING", "审计锚点文件 audit.anchor 不见了，但账本记录它曾经存在（锚点被删除）；请从备份恢复。",
                             "the audit anchor audit.anchor is gone although the ledger records that it existed "
                             "(the anchor was deleted); restore from a backup.")
        return None
    rows, head = anchor
    try:
        found = conn.execute("SELECT hash FROM audit WHERE id = ?", (rows,)).fetchone()
        have = conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
    except sqlcipher3.DatabaseError:
        return None  # no audit table yet: a ledger being created
    if found is None:
        return Attention("AUDIT_BEHIND_ANCHOR", f"审计日志只有 {have} 行，而链外锚点记录了 {rows} 行：账本末尾的记录丢失或被删除；请从备份恢复。",
                         f"the audit log has {have} rows but the anchor outside the database recorded {rows}: "
                         f"the ledger's tail was lost or deleted; restore from a backup.")
    if found[0] != head:
        return Attention("AUDIT_ANCHOR_MISMATCH", f"审计日志第 {rows} 行与链外锚点不符（日志被改写后重算）；请从备份恢复。",
                         f"audit row {rows} does not match the anchor outside the database (the log was "
                         f"rewritten and re-chained); restore from a backup.")
    return None


def _ledger_doc(paths: LedgerPaths) -> dict:
    try:
        doc = json.loads(paths.meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) else {}


def restored_state(paths: LedgerPaths) -> dict | None:
    """``{"at", "backup_created", "audit_rows", "max_change", "numbers", "bundles", ...}`` after a restore:
    ``numbers`` / ``bundles`` are "unknown" until learnt (from the platform's receipts, or the clerk)."""
    mark = _ledger_doc(paths).get("restored")
    return mark if isinstance(mark, dict) else None


def set_restored(paths: LedgerPaths, mark: dict) -> None:
    """Write (or update) the restore mark in ledger.json (ids and states only: nothing secret or personal)."""
    doc = _ledger_doc(paths)
    if doc:
        write_atomic(paths.meta, json.dumps({**doc, "restored": mark}).encode())


def is_anchored(paths: LedgerPaths) -> bool:
    """Whether ``ledger.json`` records that an anchor was written (so a missing anchor is a deletion)."""
    try:
        return bool(json.loads(paths.meta.read_text(encoding="utf-8")).get("anchored"))
    except (OSError, ValueError, AttributeError):
        return False


def mark_anchored(paths: LedgerPaths) -> None:
    try:
        doc = json.loads(paths.meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(doc, dict) and not doc.get("anchored"):
        write_atomic(paths.meta, json.dumps({**doc, "anchored": True}).encode())


def read_anchor(path: Path) -> tuple[int, str] | None:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        return int(doc["rows"]), str(doc["head"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError):
        raise DomainError("ANCHOR_BAD", "审计锚点文件 audit.anchor 已损坏。",
                          "The audit anchor file is damaged.") from None


def write_anchor(path: Path, rows: int, head: str) -> None:
    """Written after the commit: it may lag the database after a crash, never run ahead of it. So the folder is
    not fsynced after the rename (issue 18: one fsync per committed write instead of two): a power cut may
    leave the previous anchor — whole, and behind the database, which is allowed — never a half-written one."""
    write_atomic(path, json.dumps({"rows": rows, "head": head}).encode(), sync_dir=False)


def read_verified(path: Path) -> tuple[int, str] | None:
    """The head ``write_verified`` kept, or None (missing or unreadable: a hint, never evidence — issue 18)."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        return int(doc["rows"]), str(doc["head"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_verified(path: Path, rows: int, head: str) -> bool:
    """Keep the last verified audit head (rows, hash) next to the ledger; False where the folder is not writable."""
    try:
        write_atomic(path, json.dumps({"rows": rows, "head": head}).encode())
        return True
    except OSError:
        return False


def damage_attention(paths: LedgerPaths) -> Attention | None:
    """Issue 18: the last whole-file check (run off the start-up path, in the background) found the file
    damaged: the ledger opens read-only until a whole check passes again (``check --full``) or the office
    restores from a backup."""
    from credit_desk.store.check_state import read_integrity
    last = read_integrity(paths.integrity)
    if last is None or last["ok"]:
        return None
    return damaged(last["detail"])


def damaged(detail: str) -> Attention:
    # the clerk's screens name no command (issue 17 item 5): the administrator's full check is said in words
    return Attention("FILE_DAMAGED", f"数据库文件损坏（SQLite 完整性检查：{detail}）；已停止写入，请从备份恢复，"
                                     f"或由管理员运行完整检查复查。",
                     f"the database file is damaged (SQLite's integrity check: {detail}); writing has stopped; "
                     f"restore from a backup, or have the administrator run the full check again.")
