"""Office signing keys repository."""

from __future__ import annotations

from dataclasses import dataclass

from credit_desk.store.tx import now_iso


@dataclass(frozen=True)
class OfficeKey:
    id: int
    public_key: bytes
    private_key: bytes
    created_at: str
    active: bool
    endorsed_by: int | None
    endorsement: bytes | None
    endorsed_upto: int | None = None  # issue 22: the endorser's last bundle sequence, signed in the endorsement


_COLS = "id, public_key, private_key, created_at, active, endorsed_by, endorsement, endorsed_upto"


def active(conn) -> OfficeKey | None:
    row = conn.execute(f"SELECT {_COLS} FROM office_keys WHERE active = 1 ORDER BY id DESC LIMIT 1").fetchone()
    return OfficeKey(*row[:4], bool(row[4]), *row[5:]) if row else None


def all_keys(conn) -> list[OfficeKey]:
    return [OfficeKey(*r[:4], bool(r[4]), *r[5:]) for r in conn.execute(f"SELECT {_COLS} FROM office_keys ORDER BY id")]


def insert(tx, public_key: bytes, private_key: bytes, endorsed_by: int | None = None,
           endorsement: bytes | None = None, endorsed_upto: int | None = None) -> int:
    tx.execute("UPDATE office_keys SET active = 0 WHERE active = 1")
    return tx.execute("INSERT INTO office_keys (public_key, private_key, created_at, active, endorsed_by, "
                      "endorsement, endorsed_upto) VALUES (?, ?, ?, 1, ?, ?, ?)",
                      (public_key, private_key, now_iso(), endorsed_by, endorsement, endorsed_upto)).lastrowid
