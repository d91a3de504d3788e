"""The encrypted store: SQLCipher file, keyring and recovery, lock, migrations (R14)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap

import pytest

from credit_desk.domain.errors import AuthError, DomainError
from credit_desk.services import ledgers
from credit_desk.store import keys, migrate
from credit_desk.store.ledger import LedgerPaths
from tests.conftest import ADMIN_PW, PASSPHRASE


def _init(data_dir):
    desk, stored = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                       admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    return desk, stored


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_r14_ledger_is_sqlcipher_and_stock_sqlite_cannot_read_it(data_dir):
    desk, stored = _init(data_dir)
    assert stored
    assert desk.ledger.conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    assert desk.ledger.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    desk.close()
    out = subprocess.run(["sqlite3", str(data_dir / "ledger.db"), "SELECT * FROM users"],
                         capture_output=True, text=True)
    assert out.returncode != 0
    assert "file is not a database" in out.stderr
    assert (data_dir / "ledger.db").read_bytes()[:16] != b"SQLite format 3\x00"


def test_r14_key_is_never_written_in_plain_text(data_dir, test_keyring):
    desk, _ = _init(data_dir)
    key = desk.key
    desk.close()
    for path in data_dir.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            assert key not in blob and key.hex().encode() not in blob, path.name


def test_r14_recovery_passphrase_opens_when_keyring_lost(data_dir, test_keyring):
    desk, _ = _init(data_dir)
    desk.close()
    test_keyring.entries.clear()
    with pytest.raises(AuthError) as err:
        ledgers.unlock(data_dir)
    assert err.value.code == "KEYRING_NO_KEY"
    desk = ledgers.unlock(data_dir, recovery_passphrase=PASSPHRASE)
    assert desk.unlocked_by == "recovery"
    assert ledgers.store_key_in_keyring(desk)
    desk.close()
    ledgers.unlock(data_dir).close()  # the keyring works again


def test_r14_wrong_passphrase_fails_cleanly_and_changes_nothing(data_dir, test_keyring):
    desk, _ = _init(data_dir)
    desk.close()
    test_keyring.entries.clear()
    before = _digests(data_dir)
    with pytest.raises(AuthError) as err:
        ledgers.unlock(data_dir, recovery_passphrase="not the right passphrase")
    assert err.value.code == "RECOVERY_WRONG"
    assert "恢复口令不正确" in err.value.zh
    assert _digests(data_dir) == before


def test_r14_wrong_key_is_a_clear_error(data_dir):
    desk, _ = _init(data_dir)
    desk.close()
    from credit_desk.store.ledger import open_with_key
    with pytest.raises(AuthError) as err:
        open_with_key(data_dir, keys.new_key())
    assert err.value.code == "KEY_WRONG"


def test_recovery_file_is_sealed_with_scrypt_and_aes_gcm(data_dir):
    desk, _ = _init(data_dir)
    desk.close()
    import json
    doc = json.loads((data_dir / "ledger.recovery").read_text())
    assert doc["kdf"]["name"] == "scrypt" and doc["aead"]["name"] == "AES-256-GCM"
    assert keys.read_recovery(data_dir / "ledger.recovery", PASSPHRASE) == desk.key


def test_second_process_waits_for_the_writer_then_names_it(data_dir, tmp_path):
    """Issue 14 item 9: the lock is held per write; a second writer waits (bounded), then says who holds it."""
    desk, _ = _init(data_dir)
    from credit_desk.store.lock import LedgerLock
    held = LedgerLock(data_dir / "ledger.lock")
    held.acquire()
    script = textwrap.dedent(f"""
        import sys
        from credit_desk.store import lock
        lock.WAIT_SECONDS = 0.5
        from credit_desk.store.ledger import open_with_key
        from credit_desk.domain.errors import DomainError
        try:
            open_with_key({str(data_dir)!r}, bytes.fromhex({desk.key.hex()!r}))
        except DomainError as exc:
            print(exc.code, exc.zh)
            sys.exit(7)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    held.release()
    desk.close()
    assert out.returncode == 7, out.stderr
    assert "LEDGER_IN_USE" in out.stdout and "正由" in out.stdout and "已等待" in out.stdout


def test_init_refuses_to_overwrite_an_existing_ledger(data_dir):
    desk, _ = _init(data_dir)
    desk.close()
    with pytest.raises(DomainError) as err:
        _init(data_dir)
    assert err.value.code == "LEDGER_EXISTS"


def test_short_passphrase_refused_before_anything_is_written(data_dir):
    with pytest.raises(DomainError) as err:
        ledgers.init_office(data_dir, office="x办", region="320812", admin="admin",
                            admin_password=ADMIN_PW, recovery_passphrase="short")
    assert err.value.field == "recovery_passphrase"
    assert not LedgerPaths(data_dir).exists()


class _AddColumn:
    VERSION = migrate.current_version() + 1

    @staticmethod
    def up(conn):
        conn.execute("ALTER TABLE subjects ADD COLUMN phone TEXT")


class _Broken:
    VERSION = migrate.current_version() + 1

    @staticmethod
    def up(conn):
        conn.execute("ALTER TABLE subjects ADD COLUMN phone TEXT")
        raise RuntimeError("disk full halfway")


def test_migration_takes_a_backup_first_and_upgrades(data_dir, monkeypatch):
    desk, _ = _init(data_dir)
    desk.close()
    monkeypatch.setattr(migrate, "MIGRATIONS", migrate.MIGRATIONS + [_AddColumn])
    desk = ledgers.unlock(data_dir)
    assert desk.ledger.schema_version() == _AddColumn.VERSION
    cols = [c.name for c in desk.ledger.db["subjects"].columns]
    desk.close()
    assert "phone" in cols
    backups = list((data_dir / "backups").glob("pre-migration-v*.db"))
    assert len(backups) == 1


def test_failed_migration_rolls_back_whole(data_dir, monkeypatch):
    desk, _ = _init(data_dir)
    version = desk.ledger.schema_version()
    desk.close()
    original = migrate.MIGRATIONS
    monkeypatch.setattr(migrate, "MIGRATIONS", original + [_Broken])
    with pytest.raises(RuntimeError):
        ledgers.unlock(data_dir)
    monkeypatch.setattr(migrate, "MIGRATIONS", original)
    desk = ledgers.unlock(data_dir)
    assert desk.ledger.schema_version() == version
    assert "phone" not in [c.name for c in desk.ledger.db["subjects"].columns]
    desk.close()


def test_init_creates_office_signing_key_inside_the_ledger(data_dir):
    from credit_desk.domain import signing
    from credit_desk.store import office_keys
    desk, _ = _init(data_dir)
    key = office_keys.active(desk.ledger.conn)
    info = ledgers.office_info(desk)
    desk.close()
    assert signing.public_of(key.private_key) == key.public_key
    assert info["key_fingerprint"] == signing.fingerprint(key.public_key)
    U = signing.Use.DOCUMENT
    assert signing.verify(key.public_key, signing.sign(key.private_key, U, b"x"), U, b"x")
    assert not signing.verify(key.public_key, signing.sign(key.private_key, U, b"x"), U, b"y")
