"""Creating and unlocking an office ledger (R14: keyring first, recovery passphrase as the fallback)."""

from __future__ import annotations

import re
from pathlib import Path

from credit_desk.domain import passwords, signing
from credit_desk.domain.errors import AuthError, ValidationError
from credit_desk.domain.reference import load_sample_catalogue, load_sample_measures
from credit_desk.domain.roles import Role
from credit_desk.domain.rulesets import DEFAULT_RULE_SETS
from credit_desk.services.base import Desk
from credit_desk.store import keys, ledger as ledger_store, meta, office_keys, reference, users
from credit_desk.store.ledger import LedgerPaths


def check_office(office: str, region: str, admin: str) -> None:
    if not office.strip():
        raise ValidationError("OFFICE_REQUIRED", "单位名称不能为空。", "The office name is required.",
                              field="office")
    if not re.fullmatch(r"\d{6}", region or ""):
        raise ValidationError("REGION_INVALID", f"行政区划代码「{region}」应为6位数字，如 320812。",
                              f"The region code '{region}' must be 6 digits, e.g. 320812.", field="region")
    if not re.fullmatch(r"[A-Za-z0-9_.\-]{2,32}", admin or ""):
        raise ValidationError("USERNAME_INVALID", "用户名须为2–32位字母、数字、下划线、点或横线。",
                              "The user name must be 2–32 letters, digits, _ . or -.", field="admin")


def init_office(folder: Path, *, office: str, region: str, admin: str, admin_password: str,
                recovery_passphrase: str, admin_display: str | None = None) -> tuple[Desk, bool]:
    """Create the ledger, its administrator and the built-in reference data; returns (desk, key in keyring)."""
    check_office(office, region, admin)
    passwords.check_strength(admin_password, (admin, admin_display or "", office))
    keys.check_passphrase(recovery_passphrase)
    led, key = ledger_store.create(Path(folder), recovery_passphrase)
    with led.tx() as tx:
        for k, v in (("office", office.strip()), ("region", region), ("ledger_id", led.ledger_id)):
            meta.set_meta(tx, k, v)
        users.insert(tx, admin, admin_display or admin, Role.ADMIN, passwords.hash_password(admin_password))
        _load_builtin_reference(tx)
        private = signing.new_private()
        office_keys.insert(tx, signing.public_of(private), private)
        tx.audit(username=admin, role=Role.ADMIN.value, action="ledger.init", object_type="ledger",
                 object_id=led.ledger_id, detail={"office": office, "region": region})
        tx.change("office", led.ledger_id, "upsert", {"office": office, "region": region})
    stored = keys.KeyringSlot(led.ledger_id).store(key)
    return Desk(led, key), stored


def _load_builtin_reference(tx) -> None:
    """The sample editions (labelled 示例) and the national default rule sets (R2, R8, R20)."""
    reference.add_catalogue_edition(tx, load_sample_catalogue(), is_sample=True)
    reference.add_measure_edition(tx, load_sample_measures(), is_sample=True)
    for rs in DEFAULT_RULE_SETS:
        reference.add_rule_set(tx, rs)


def unlock(folder: Path, *, recovery_passphrase: str | None = None, read_only: bool = False,
           on_wait=None) -> Desk:
    """Open with the key from the keyring; without one, with the recovery passphrase if given.

    ``on_wait(line)`` is told, every few seconds, that another writer is being waited for (bounded)."""
    paths = LedgerPaths(Path(folder))
    ledger_id = paths.ledger_id()
    from credit_desk.services import backup  # issue 14 item 7: a killed backup/restore leaves nothing behind
    backup.sweep_leftovers(paths)
    slot = keys.KeyringSlot(ledger_id)
    key = slot.load() if recovery_passphrase is None else None
    if key is not None:
        led = ledger_store.open_with_key(paths.folder, key, read_only=read_only, on_wait=on_wait)
        return Desk(led, key, "keyring")
    if recovery_passphrase is None:
        raise AuthError("KEYRING_NO_KEY",
                        "系统钥匙串中没有本账本的密钥（或本机没有可用的钥匙串），请用恢复口令解锁。",
                        "The OS keyring holds no key for this ledger (or there is no usable keyring); "
                        "unlock with the recovery passphrase.")
    key = keys.read_recovery(paths.recovery, recovery_passphrase)
    led = ledger_store.open_with_key(paths.folder, key, read_only=read_only, on_wait=on_wait)
    return Desk(led, key, "recovery")


def store_key_in_keyring(desk: Desk) -> bool:
    """After a recovery unlock: put the key back in the keyring so the next start needs no passphrase."""
    return keys.KeyringSlot(desk.ledger.ledger_id).store(desk.key)


def store_key_again(desk: Desk) -> str | None:
    """Put the key back in the keyring and read it back (R14). None when it is there; otherwise the keyring's
    reason, for the clerk's message — the caller must say it, never drop it (issue 21)."""
    slot = keys.KeyringSlot(desk.ledger.ledger_id)
    return None if slot.store_checked(desk.key) else (slot.problem or "unknown")


def keyring_status() -> dict:
    """{"backend": name, "available": bool}: whether this desktop has a keyring service at all."""
    name, usable = keys.keyring_backend()
    return {"backend": name, "available": usable}


def keyring_problem(folder: Path) -> str | None:
    slot = keys.KeyringSlot(LedgerPaths(Path(folder)).ledger_id())
    return None if slot.load() else slot.problem


def office_info(desk: Desk) -> dict:
    conn = desk.ledger.read_conn()
    key = office_keys.active(conn)
    return {"office": meta.get_meta(conn, "office"), "region": meta.get_meta(conn, "region"),
            "ledger_id": desk.ledger.ledger_id, "schema": desk.ledger.schema_version(),
            "key_fingerprint": signing.fingerprint(key.public_key) if key else None}
