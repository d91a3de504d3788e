"""Heads signed by the platform and number floors (issue 14): ``receipted_heads`` and ``number_floors``."""

from __future__ import annotations

import json

from credit_desk.store.tx import now_iso


def save_receipted(tx, bundle_seq: int, bundle_sha256: str, echo: dict, manifest: bytes, signature: bytes) -> None:
    """What a platform receipt echoed for one office bundle, with the signed manifest that proves it."""
    audit = echo.get("audit") if isinstance(echo.get("audit"), dict) else {}
    register = echo.get("register") if isinstance(echo.get("register"), dict) else {}
    change_range = echo.get("change_range") if isinstance(echo.get("change_range"), list) else [None, None]
    tx.execute("INSERT OR REPLACE INTO receipted_heads (bundle_seq, bundle_sha256, audit_rows, audit_head, register, "
               "change_last, manifest, signature, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (bundle_seq, bundle_sha256, audit.get("rows"), audit.get("head"),
                json.dumps(register, ensure_ascii=False, sort_keys=True), change_range[-1] if change_range else None,
                manifest, signature, now_iso()))


def newest_receipted(conn) -> dict | None:
    """The receipt for the highest bundle sequence that carried an audit head (None before the first)."""
    row = conn.execute("SELECT bundle_seq, bundle_sha256, audit_rows, audit_head, register, change_last, manifest, "
                       "signature FROM receipted_heads WHERE audit_rows IS NOT NULL "
                       "ORDER BY bundle_seq DESC LIMIT 1").fetchone()
    if row is None:
        return None
    keys = ("bundle_seq", "bundle_sha256", "audit_rows", "audit_head", "register", "change_last", "manifest",
            "signature")
    doc = dict(zip(keys, row))
    doc["register"] = json.loads(doc["register"] or "{}")
    doc["manifest"], doc["signature"] = bytes(doc["manifest"]), bytes(doc["signature"])
    return doc


def all_receipted(conn) -> list[dict]:
    """Every stored receipt that carried an audit head, oldest first (as ``newest_receipted``)."""
    keys = ("bundle_seq", "bundle_sha256", "audit_rows", "audit_head", "manifest", "signature")
    rows = conn.execute(f"SELECT {', '.join(keys)} FROM receipted_heads WHERE audit_rows IS NOT NULL "
                        "ORDER BY bundle_seq").fetchall()
    return [{**dict(zip(keys, r)), "manifest": bytes(r[4]), "signature": bytes(r[5])} for r in rows]


def acknowledged_without_receipt(conn) -> list[int]:
    """Bundles marked acknowledged, since the first stored receipt, whose receipt row is gone."""
    rows = conn.execute("SELECT seq FROM sync_bundles WHERE state = 'acknowledged' AND seq >= "
                        "(SELECT min(bundle_seq) FROM receipted_heads) AND seq NOT IN "
                        "(SELECT bundle_seq FROM receipted_heads) ORDER BY seq")
    return [int(r[0]) for r in rows]


def audit_details(conn, actions: tuple[str, ...]) -> list[tuple[int, str, dict]]:
    """(audit row id, action, detail) of every audit row of the given actions, in chain order (e.g. the rows
    that pinned platform keys: the set-up import and key changes from downstream bundles)."""
    marks = ", ".join("?" * len(actions))
    rows = conn.execute(f"SELECT id, action, detail FROM audit WHERE action IN ({marks}) ORDER BY id", actions)
    out = []
    for rid, action, detail in rows:
        try:
            doc = json.loads(detail) if detail else {}
        except ValueError:
            doc = {}
        out.append((int(rid), action, doc if isinstance(doc, dict) else {}))
    return out


def platform_key_rows(conn) -> list[tuple[bytes, str]]:
    """(sign_public, source) of every pinned platform key, in pinning order."""
    return [(bytes(r[0]), r[1]) for r in conn.execute("SELECT sign_public, source FROM platform_keys ORDER BY id")]


def register_marks(conn) -> dict[str, int]:
    """High-water marks of the register: ``"<prefix>/<year>" -> last seq`` (issued, held or voided)."""
    rows = conn.execute("SELECT prefix, year, MAX(s) FROM (SELECT prefix, year, seq AS s FROM documents "
                        "UNION ALL SELECT prefix, year, seq FROM doc_numbers) GROUP BY prefix, year")
    return {f"{p}/{y}": int(s) for p, y, s in rows if s is not None}


def raise_floor(tx, prefix: str, year: int, seq: int, source: str, by: str) -> bool:
    """Lift a series' floor to ``seq`` (never lowers it); True when it moved."""
    row = tx.execute("SELECT seq FROM number_floors WHERE prefix = ? AND year = ?", (prefix, year)).fetchone()
    if row is not None and row[0] >= seq:
        return False
    tx.execute("INSERT OR REPLACE INTO number_floors (prefix, year, seq, source, confirmed_by, confirmed_at) "
               "VALUES (?, ?, ?, ?, ?, ?)", (prefix, year, seq, source, by, now_iso()))
    return True


def floors(conn) -> list[dict]:
    rows = conn.execute("SELECT prefix, year, seq, source, confirmed_by, confirmed_at FROM number_floors "
                        "ORDER BY prefix, year")
    return [dict(zip(("prefix", "year", "seq", "source", "confirmed_by", "confirmed_at"), r)) for r in rows]


def platform_sign_keys(conn) -> list[bytes]:
    """Every platform signing key ever pinned (a receipt stays verifiable after the platform rotates)."""
    return [bytes(r[0]) for r in conn.execute("SELECT sign_public FROM platform_keys ORDER BY id")]
