"""Sync state repository: encryption key, pinned platform keys, bundles, acknowledgements (quarantine),
inbound receipts and downstream bundles, downstream versions, joint-punishment entries and decisions."""

from __future__ import annotations

import json

from credit_desk.domain.textkey import search_key
from credit_desk.store.tx import now_iso

# --- keys ---------------------------------------------------------------------------------------


def active_enc_key(conn) -> tuple[int, bytes, bytes] | None:
    """(id, public, private) of the office's X25519 key, or None before the first use."""
    row = conn.execute("SELECT id, public_key, private_key FROM sync_enc_keys WHERE active = 1 "
                       "ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], bytes(row[1]), bytes(row[2])) if row else None


def enc_keys(conn) -> list[tuple[bytes, bytes]]:
    """(public, private) of every encryption key the office ever had, newest first (issue 22: a receipt or
    downstream bundle the platform sealed to a key from before a move to another suite still opens)."""
    return [(bytes(r[0]), bytes(r[1])) for r in
            conn.execute("SELECT public_key, private_key FROM sync_enc_keys ORDER BY id DESC")]


def insert_enc_key(tx, public: bytes, private: bytes) -> int:
    tx.execute("UPDATE sync_enc_keys SET active = 0 WHERE active = 1")
    return tx.execute("INSERT INTO sync_enc_keys (public_key, private_key, created_at, active) VALUES (?, ?, ?, 1)",
                      (public, private, now_iso())).lastrowid


_KEY_BYTES = {"intl/1": 32, "gm/1": 65}  # the raw public key length of each suite (domain/suites.py)


def active_platform(conn, suite: str = "intl/1") -> dict | None:
    """The pinned platform keys of ``suite`` (issue 22: one active pair per suite), or None."""
    row = conn.execute("SELECT id, platform, name, sign_public, enc_public, pinned_at, source FROM platform_keys "
                       "WHERE active = 1 AND length(sign_public) = ? ORDER BY id DESC LIMIT 1",
                       (_KEY_BYTES[suite],)).fetchone()
    if not row:
        return None
    keys = ("id", "platform", "name", "sign_public", "enc_public", "pinned_at", "source")
    doc = dict(zip(keys, row))
    doc["sign_public"], doc["enc_public"] = bytes(doc["sign_public"]), bytes(doc["enc_public"])
    return doc


def pin_platform(tx, platform: str, name: str, sign_public: bytes, enc_public: bytes, source: str) -> int:
    """Pin a platform key pair; it replaces the active pair of the same suite (the same key length) only."""
    tx.execute("UPDATE platform_keys SET active = 0 WHERE active = 1 AND length(sign_public) = ?",
               (len(sign_public),))
    return tx.execute("INSERT INTO platform_keys (platform, name, sign_public, enc_public, pinned_at, source, active) "
                      "VALUES (?, ?, ?, ?, ?, ?, 1)", (platform, name, sign_public, enc_public, now_iso(),
                                                       source)).lastrowid


# --- the change log and bundles -------------------------------------------------------------------

def change_rows(conn, after: int, upto: int | None = None):
    """Change-log rows with id > after (and <= upto), in id order, as tuples (id, ts, entity, entity_id, op, state)."""
    if upto is None:
        return conn.execute("SELECT id, ts, entity, entity_id, op, state FROM changes WHERE id > ? ORDER BY id",
                            (after,))
    return conn.execute("SELECT id, ts, entity, entity_id, op, state FROM changes WHERE id > ? AND id <= ? "
                        "ORDER BY id", (after, upto))


def change_rows_utf8(conn, after: int, upto: int):
    """``change_rows`` with the state as its stored UTF-8 bytes (issue 18: the export decoded every state to text
    only to encode it back into the bundle's line)."""
    return conn.execute("SELECT id, ts, entity, entity_id, op, CAST(state AS BLOB) FROM changes WHERE id > ? "
                        "AND id <= ? ORDER BY id", (after, upto))


def withdrawn(conn, entity: str, op: str) -> dict[str, int]:
    """entity_id -> id of the first change with this op (e.g. a wrongful listing withdrawn, R12 way 1)."""
    rows = conn.execute("SELECT entity_id, min(id) FROM changes WHERE entity = ? AND op = ? GROUP BY entity_id",
                        (entity, op))
    return {eid: cid for eid, cid in rows}


def last_changes(conn, entity: str, op: str) -> dict[str, int]:
    """entity_id -> id of the last change with this op (e.g. a red listing back on its list, R10 with R12 way 1)."""
    rows = conn.execute("SELECT entity_id, max(id) FROM changes WHERE entity = ? AND op = ? GROUP BY entity_id",
                        (entity, op))
    return {eid: cid for eid, cid in rows}


def withdrawn_after(conn, entity: str, op: str, after: int) -> bool:
    """Whether a change with this op lies after change ``after`` (a range read of the log's tail, not all of it)."""
    return conn.execute("SELECT 1 FROM changes WHERE id > ? AND entity = ? AND op = ? LIMIT 1",
                        (after, entity, op)).fetchone() is not None


def withdrawn_related(conn) -> dict[str, set[str]]:
    """R12 way 1: change-log entity ids that belong to listings withdrawn as wrongful and must never be exported:
    their registered documents (entity ``document``, id = number), the objections about them and the repair requests
    about nothing but them (1798号 (二十) "相关信息不予保存")."""
    docs = conn.execute("SELECT number FROM documents WHERE status = 'withdrawn'").fetchall()
    objs = conn.execute("SELECT o.id FROM objections o JOIN cases c ON c.id = o.target_id "
                        "WHERE o.target_type = 'case' AND c.state = 'withdrawn_wrongful'").fetchall()
    # the repair requests about nothing but such a listing (``list_rules.repairs_withdrawn_with``)
    reps = conn.execute("SELECT DISTINCT t.repair_id FROM repair_targets t WHERE NOT EXISTS (SELECT 1 FROM "
                        "repair_targets o LEFT JOIN cases c ON o.target_type = 'case' AND c.id = o.target_id "
                        "WHERE o.repair_id = t.repair_id AND (c.state IS NULL OR c.state != 'withdrawn_wrongful'))"
                        ).fetchall()
    return {"document": {n for (n,) in docs}, "objection": {str(i) for (i,) in objs},
            "repair": {str(i) for (i,) in reps}}


def change(conn, change_id: int) -> dict | None:
    row = conn.execute("SELECT id, ts, entity, entity_id, op, state FROM changes WHERE id = ?",
                       (change_id,)).fetchone()
    return dict(zip(("id", "ts", "entity", "entity_id", "op", "state"), row)) if row else None


def max_change_id(conn) -> int:
    return conn.execute("SELECT coalesce(max(id), 0) FROM changes").fetchone()[0]


_BUNDLE_COLS = ("seq", "file_name", "sha256", "prev_hash", "first_change", "last_change", "change_count", "key_id",
                "created_at", "expires_at", "state", "sent_at", "acked_at")


def _bundle(row) -> dict:
    return dict(zip(_BUNDLE_COLS, row))


def last_bundle(conn) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(_BUNDLE_COLS)} FROM sync_bundles ORDER BY seq DESC LIMIT 1").fetchone()
    return _bundle(row) if row else None


def bundles(conn, state: str | None = None, limit: int = 1000) -> list[dict]:
    where, params = ("WHERE state = ?", (state,)) if state else ("", ())
    rows = conn.execute(f"SELECT {', '.join(_BUNDLE_COLS)} FROM sync_bundles {where} ORDER BY seq LIMIT ?",
                        (*params, limit))
    return [_bundle(r) for r in rows]


def bundle(conn, seq: int) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(_BUNDLE_COLS)} FROM sync_bundles WHERE seq = ?", (seq,)).fetchone()
    return _bundle(row) if row else None


def bundle_bytes(conn, seq: int) -> bytes | None:
    row = conn.execute("SELECT data FROM sync_bundles WHERE seq = ?", (seq,)).fetchone()
    return bytes(row[0]) if row and row[0] is not None else None


def save_bundle(tx, b: dict, data: bytes) -> None:
    """Insert a new bundle, or replace a pending one under the same sequence (reissue after expiry)."""
    cols = [c for c in _BUNDLE_COLS if c not in ("state", "sent_at", "acked_at")] + ["data"]
    tx.execute(f"INSERT OR REPLACE INTO sync_bundles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
               tuple(b[c] for c in cols[:-1]) + (data,))


def mark_sent(tx, seq: int, ts: str) -> None:
    tx.execute("UPDATE sync_bundles SET sent_at = ? WHERE seq = ?", (ts, seq))


def mark_acknowledged(tx, seq: int, ts: str) -> None:
    """The platform holds it now: the stored copy of its bytes is no longer needed."""
    tx.execute("UPDATE sync_bundles SET state = 'acknowledged', acked_at = ?, data = NULL WHERE seq = ?", (ts, seq))


# --- acknowledgements and quarantine ----------------------------------------------------------------

def insert_acks(tx, rows) -> None:
    """rows: (change_id, bundle_seq, status, code, reason_zh, reason_en, acked_at, q_state)."""
    tx.executemany("INSERT OR REPLACE INTO sync_acks (change_id, bundle_seq, status, code, reason_zh, reason_en, "
                   "acked_at, q_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def resolve_quarantine(tx, entity_keys, ts: str) -> None:
    """Open quarantine rows whose entity now has a later accepted change are resolved."""
    tx.executemany(
        "UPDATE sync_acks SET q_state = 'resolved', resolved_at = ? WHERE q_state IN ('open', 'resent') "
        "AND change_id IN (SELECT id FROM changes WHERE entity = ? AND entity_id = ? AND id < ?)",
        ((ts, e, eid, cid) for e, eid, cid in entity_keys))


def resolve_withdrawn(tx, ts: str) -> None:
    """R12 way 1 (att39a): open quarantine rows of what a wrongful listing took with it (``withdrawn_related``: its
    withdrawn documents, the objections about it, the repair requests about nothing but it) are settled — they never
    travel again (the export keeps them home, requeue refuses them), so they no longer wait in the outbox."""
    related = withdrawn_related(tx.conn)
    tx.executemany(
        "UPDATE sync_acks SET q_state = 'resolved', resolved_at = ? WHERE q_state IN ('open', 'resent') "
        "AND change_id IN (SELECT id FROM changes WHERE entity = ? AND entity_id = ?)",
        ((ts, entity, eid) for entity, ids in related.items() for eid in ids))


def quarantine(conn, include_closed: bool = False) -> list[dict]:
    states = ("open", "resent", "resolved") if include_closed else ("open", "resent")
    rows = conn.execute(
        "SELECT a.change_id, a.bundle_seq, a.code, a.reason_zh, a.reason_en, a.acked_at, a.q_state, a.resent_as, "
        f"c.entity, c.entity_id, c.op FROM sync_acks a JOIN changes c ON c.id = a.change_id "
        f"WHERE a.q_state IN ({', '.join('?' * len(states))}) ORDER BY a.change_id", states)
    keys = ("change_id", "bundle_seq", "code", "reason_zh", "reason_en", "acked_at", "q_state", "resent_as",
            "entity", "entity_id", "op")
    return [dict(zip(keys, r)) for r in rows]


def mark_resent(tx, change_id: int, new_change_id: int) -> None:
    tx.execute("UPDATE sync_acks SET q_state = 'resent', resent_as = ? WHERE change_id = ?",
               (new_change_id, change_id))


def ack_status(conn, change_id: int) -> str | None:
    row = conn.execute("SELECT status FROM sync_acks WHERE change_id = ?", (change_id,)).fetchone()
    return row[0] if row else None


def ack_counts(conn) -> dict:
    rows = conn.execute("SELECT status, count(*) FROM sync_acks GROUP BY status")
    return {s: n for s, n in rows}


# --- inbound files, downstream versions ------------------------------------------------------------

def inbound_seen(conn, sha256: str) -> bool:
    return conn.execute("SELECT 1 FROM sync_inbound WHERE sha256 = ?", (sha256,)).fetchone() is not None


def receipt_imported(conn, seq: int) -> bool:
    return conn.execute("SELECT 1 FROM sync_inbound WHERE type = 'receipt' AND answers = ?",
                        (seq,)).fetchone() is not None


def record_inbound(tx, sha256: str, kind: str, sequence: int, answers: int | None) -> None:
    tx.execute("INSERT INTO sync_inbound (sha256, type, sequence, answers, imported_at) VALUES (?, ?, ?, ?, ?)",
               (sha256, kind, sequence, answers, now_iso()))


def downstream_head(conn) -> tuple[int, str]:
    row = conn.execute("SELECT sequence, sha256 FROM sync_inbound WHERE type = 'downstream' "
                       "ORDER BY sequence DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, "")


def versions(conn) -> dict[str, dict]:
    rows = conn.execute("SELECT kind, version, expires_at, applied_at FROM downstream_versions")
    return {k: {"version": v, "expires_at": e, "applied_at": a} for k, v, e, a in rows}


def set_version(tx, kind: str, version: int, expires_at: str, sha256: str) -> None:
    tx.execute("INSERT INTO downstream_versions (kind, version, expires_at, applied_at, bundle_sha256) "
               "VALUES (?, ?, ?, ?, ?) ON CONFLICT(kind) DO UPDATE SET version = excluded.version, "
               "expires_at = excluded.expires_at, applied_at = excluded.applied_at, "
               "bundle_sha256 = excluded.bundle_sha256", (kind, version, expires_at, now_iso(), sha256))


# --- joint-punishment lists (联合惩戒名单) ------------------------------------------------------------

def replace_joint_entries(tx, entries: list[dict], version: int) -> None:
    """The platform sends the whole current set: entries not in it are gone (decisions are kept)."""
    tx.execute("DELETE FROM jp_entries")
    tx.executemany(
        "INSERT INTO jp_entries (entry_id, list_id, list_title, list_type, name, id_type, id_number, data, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(e["entry_id"], e["list_id"], e["list_title"], e["list_type"], e["name"], e.get("id_type"),
          e.get("id_number"), json.dumps(e, ensure_ascii=False), version) for e in entries])


def joint_matches(conn, id_numbers: list[str], names: list[str]) -> list[dict]:
    """Entries whose ID number equals one given, or (when the entry has no ID number) whose name does;
    names are compared through the one normaliser (``cd_search_key``: width, dot variants, spaces)."""
    ids = [i for i in id_numbers if i] or [""]
    nms = [search_key(n) for n in names if n] or [""]
    rows = conn.execute(
        f"SELECT data FROM jp_entries WHERE id_number IN ({', '.join('?' * len(ids))}) "
        f"OR ((id_number IS NULL OR id_number = '') AND cd_search_key(name) IN ({', '.join('?' * len(nms))})) "
        "ORDER BY entry_id",
        (*ids, *nms))
    return [json.loads(r[0]) for r in rows]


def joint_count(conn) -> int:
    return conn.execute("SELECT count(*) FROM jp_entries").fetchone()[0]


def insert_decision(tx, subject_id: int, entry_id: str, applied: bool, reason: str, username: str, ts: str) -> int:
    return tx.execute("INSERT INTO jp_decisions (subject_id, entry_id, applied, reason, decided_by, decided_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)", (subject_id, entry_id, int(applied), reason, username,
                                                    ts)).lastrowid


def decisions(conn, subject_id: int) -> dict[str, dict]:
    """The latest decision per entry for one subject."""
    rows = conn.execute("SELECT entry_id, applied, reason, decided_by, decided_at FROM jp_decisions "
                        "WHERE subject_id = ? ORDER BY id", (subject_id,))
    return {e: {"applied": bool(a), "reason": r, "decided_by": u, "decided_at": t} for e, a, r, u, t in rows}


# --- reads used to refuse a downstream item before writing --------------------------------------------

def reference_exists(conn, kind: str, key: str) -> bool:
    table, col = {"catalogue": ("catalogue_editions", "edition"), "measures": ("measure_editions", "edition"),
                  "rule_set": ("rule_sets", "code")}[kind]
    return conn.execute(f"SELECT 1 FROM {table} WHERE {col} = ?", (key,)).fetchone() is not None


def change_heads(conn, first: int, last: int):
    """(id, entity, entity_id, op) for a range of the change log, without the states."""
    return conn.execute("SELECT id, entity, entity_id, op FROM changes WHERE id BETWEEN ? AND ? ORDER BY id",
                        (first, last))


def has_open_quarantine(conn) -> bool:
    return conn.execute("SELECT 1 FROM sync_acks WHERE q_state IN ('open', 'resent') LIMIT 1").fetchone() is not None


def raise_change_seq(tx, at_least: int) -> None:
    """The next change id will be above ``at_least`` (after a restore: above the ids the platform holds)."""
    tx.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'changes'", (at_least,))
    if tx.execute("SELECT 1 FROM sqlite_sequence WHERE name = 'changes'").fetchone() is None:
        tx.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('changes', ?)", (at_least,))


def drop_pending_from(tx, seq: int) -> int:
    """Forget unacknowledged bundles from ``seq`` on (resync: the platform holds other bundles under those
    numbers); their changes are bundled again after the platform's. Returns how many were dropped."""
    return tx.execute("DELETE FROM sync_bundles WHERE seq >= ? AND state = 'pending'", (seq,)).rowcount
