"""The platform's store on PostgreSQL (psycopg 3): the only module of the intake that writes SQL.

Schema: plain versioned SQL files in ``intake/migrations/NNNN_verb_noun.sql``, applied in order, all pending ones in
ONE transaction together with their rows in ``schema_migrations`` (a failed file leaves nothing applied). Each
platform lives in its own schema (``search_path`` set per connection), so one PostgreSQL database can hold a trial
platform and the tests' many platforms side by side.
"""

from __future__ import annotations

import json
import logging
import re
import weakref
from importlib import resources

from credit_desk.domain.errors import DomainError

try:
    import psycopg
    from psycopg import sql
    from psycopg_pool import ConnectionPool
except ImportError as exc:  # a desk-only install (no [platform] extra) or psycopg without its libpq: one sentence
    raise DomainError(
        "INTAKE_DRIVER_MISSING",
        f"本程序未装市平台接收端所需的 PostgreSQL 驱动（psycopg / psycopg-pool），接收端命令不能使用：请在市平台的"
        f"服务器上安装带平台组件的版本（pip install 'credit-desk[platform]'）。（{exc}）",
        f"The PostgreSQL driver of the platform intake (psycopg / psycopg-pool) is not installed, so the intake "
        f"commands cannot run: install credit-desk with its platform part on the platform's server "
        f"(pip install 'credit-desk[platform]'). ({exc})") from None

try:
    import orjson
except ImportError:  # an install without it: the standard library, slower
    orjson = None

_SCHEMA = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_MIGRATION = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL text) of every migration file, in order."""
    folder = resources.files("credit_desk.intake") / "migrations"
    out = []
    for f in folder.iterdir():
        m = _MIGRATION.fullmatch(f.name)
        if m:
            out.append((int(m.group(1)), f.name, f.read_text(encoding="utf-8")))
    return sorted(out)


def check_schema(schema: str) -> str:
    if not _SCHEMA.fullmatch(schema or ""):
        raise DomainError("INTAKE_SCHEMA_BAD", f"数据库模式名「{schema}」不合规（小写字母、数字、下划线）。",
                          f"Schema name {schema!r} is invalid (lowercase letters, digits, underscore).")
    return schema


def migrate(conninfo: str, schema: str) -> list[str]:
    """Create the schema if needed and apply every pending migration in one transaction; returns the files applied."""
    check_schema(schema)
    try:
        conn = psycopg.connect(conninfo, autocommit=False, client_encoding="UTF8")  # as the pool (att18d)
    except psycopg.OperationalError as exc:
        raise _unreachable(exc) from None
    with conn:
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (schema,))  # one migrator at a time
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
        conn.execute(sql.SQL("SET LOCAL search_path TO {}").format(sql.Identifier(schema)))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, "
                     "applied_at timestamptz NOT NULL DEFAULT now())")
        done = {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}
        applied = []
        for version, name, text in migrations():
            if version in done:
                continue
            conn.execute(text)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (version, name))
            applied.append(name)
    return applied


def _unreachable(exc: Exception) -> DomainError:
    return DomainError("INTAKE_DB_UNREACHABLE", f"无法连接平台数据库：{str(exc).strip()[:200]}",
                       f"Cannot connect to the platform database: {str(exc).strip()[:200]}")


# att20b ("never a hang"): a receive waiting on a row lock held elsewhere (a stuck session, an operator's psql)
# waited for good, holding its request slot and a pool connection; the office retried and piled up more. A lock
# not had within LOCK_TIMEOUT_MS, or a statement running past STATEMENT_TIMEOUT_MS, ends the request (503 DB_BUSY)
LOCK_TIMEOUT_MS = 30_000
STATEMENT_TIMEOUT_MS = 300_000


def open_pool(conninfo: str, schema: str, size: int) -> ConnectionPool:
    """A pool of connections whose search_path is the platform's schema; closed when its owner is collected.
    Autocommit: reads stand alone, and every write is an explicit ``with conn.transaction()``."""
    options = (f"-c search_path={check_schema(schema)} -c lock_timeout={int(LOCK_TIMEOUT_MS)} "
               f"-c statement_timeout={int(STATEMENT_TIMEOUT_MS)}")
    # client_encoding UTF8 whatever the environment says (att18d): the COPY of changes is sent as UTF-8 bytes, which
    # the server reads in the client encoding — with PGCLIENTENCODING=GBK (a Chinese Windows server, for psql) it
    # stored names garbled or failed the whole receive (a 500); a keyword beats the DSN's and the variable's
    pool = ConnectionPool(conninfo, min_size=1, max_size=max(1, size),
                          kwargs={"options": options, "autocommit": True, "client_encoding": "UTF8"},
                          open=False, num_workers=1, name=f"intake-{schema}")
    try:
        pool.open(wait=True, timeout=30)
    except Exception as exc:  # psycopg_pool.PoolTimeout wraps the connection failure
        pool.close()
        raise _unreachable(exc) from None
    return pool


def finalize_pool(owner, pool: ConnectionPool) -> None:
    """Close ``pool`` when ``owner`` is collected. The finalizer runs inside the garbage collector, in whatever
    thread allocated at that moment (often the GUI's): it tells the pool's threads to stop and closes its idle
    connections, but does not wait for the threads (``timeout=0``) — a join there stalled the thread for the
    whole timeout, and under libfaketime (scripts/test_future_dates.sh), whose timed waits never expire, hung
    the suite for good."""
    weakref.finalize(owner, _close_without_waiting, pool)


def _close_without_waiting(pool: ConnectionPool) -> None:
    # psycopg_pool warns "couldn't stop thread … within 0 seconds" for each thread it did not wait for: expected
    # here, and not for a clerk's console
    log = logging.getLogger("psycopg.pool")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        pool.close(timeout=0)
    finally:
        log.setLevel(level)


# --- offices and keys ---------------------------------------------------------------------------------------

def office(conn, office_id: str) -> dict | None:
    row = conn.execute("SELECT office_id, region, code, last_seq, last_hash, down_seq, down_hash, versions "
                       "FROM offices WHERE office_id = %s", (office_id,)).fetchone()
    if row is None:
        return None
    keys = ("office", "region", "code", "last_seq", "last_hash", "down_seq", "down_hash", "versions")
    return dict(zip(keys, row))


def office_ids(conn) -> list[str]:
    return [r[0] for r in conn.execute("SELECT office_id FROM offices ORDER BY office_id").fetchall()]


def lock_office(conn, office_id: str) -> dict | None:
    """The office row, locked until the transaction ends (one receive or publish per office at a time)."""
    conn.execute("SELECT 1 FROM offices WHERE office_id = %s FOR UPDATE", (office_id,))
    return office(conn, office_id)


def insert_office(conn, office_id: str, region, code) -> None:
    conn.execute("INSERT INTO offices (office_id, region, code) VALUES (%s, %s, %s)", (office_id, region, code))


def keys(conn, owner: str, purpose: str) -> list[dict]:
    """Every key of an owner and purpose, oldest first: {key_id, public, valid_from, valid_to, source, last_seq
    (issue 22: the last bundle sequence a rotated-out key signed; None when no bound is known)}."""
    rows = conn.execute("SELECT key_id, public_key, valid_from, valid_to, source, last_seq FROM keys "
                        "WHERE owner = %s AND purpose = %s ORDER BY valid_from, key_id", (owner, purpose)).fetchall()
    return [{"key_id": r[0], "public": bytes(r[1]), "valid_from": r[2], "valid_to": r[3], "source": r[4],
             "last_seq": r[5]} for r in rows]


def key_uses(conn, key_id: str) -> list[dict]:
    """Every row holding this key id: {owner, purpose, open (valid_to is NULL and no last_seq bound)}."""
    rows = conn.execute("SELECT owner, purpose, valid_to IS NULL AND last_seq IS NULL FROM keys WHERE key_id = %s",
                        (key_id,)).fetchall()
    return [{"owner": r[0], "purpose": r[1], "open": r[2]} for r in rows]


def bound_key(conn, owner: str, key_id: str, last_seq: int) -> None:
    """Record that the signing key ``key_id`` signed no bundle above ``last_seq`` (issue 22); only ever lowered."""
    conn.execute("UPDATE keys SET last_seq = least(coalesce(last_seq, %s), %s) "
                 "WHERE owner = %s AND purpose = 'sign' AND key_id = %s", (last_seq, last_seq, owner, key_id))


def add_key(conn, owner: str, purpose: str, key_id: str, public: bytes, source: str) -> None:
    conn.execute("INSERT INTO keys (owner, purpose, key_id, public_key, source) VALUES (%s, %s, %s, %s, %s) "
                 "ON CONFLICT (owner, purpose, key_id) DO UPDATE SET valid_to = NULL",
                 (owner, purpose, key_id, public, source))


def close_keys(conn, owner: str, purpose: str, keep: str) -> list[str]:
    """End the validity of every open key of the owner and purpose except ``keep``; returns their ids."""
    rows = conn.execute("UPDATE keys SET valid_to = now() WHERE owner = %s AND purpose = %s AND key_id <> %s "
                        "AND valid_to IS NULL RETURNING key_id", (owner, purpose, keep)).fetchall()
    return [r[0] for r in rows]


def close_key(conn, owner: str, purpose: str, key_id: str) -> list[str]:
    """End the validity of one key when it is open; returns [key_id] when it was closed, else []."""
    rows = conn.execute("UPDATE keys SET valid_to = now() WHERE owner = %s AND purpose = %s AND key_id = %s "
                        "AND valid_to IS NULL RETURNING key_id", (owner, purpose, key_id)).fetchall()
    return [r[0] for r in rows]


def audit_keys(conn, office_id: str, action: str, actor: str, reason: str, old: list[str], new: list[str]) -> None:
    conn.execute("INSERT INTO key_audit (office_id, action, actor, reason, old_keys, new_keys) "
                 "VALUES (%s, %s, %s, %s, %s, %s)", (office_id, action, actor, reason, old, new))


def key_audit(conn, office_id: str) -> list[dict]:
    rows = conn.execute("SELECT action, actor, reason, old_keys, new_keys, at FROM key_audit WHERE office_id = %s "
                        "ORDER BY id", (office_id,)).fetchall()
    return [dict(zip(("action", "actor", "reason", "old_keys", "new_keys", "at"), r)) for r in rows]


# --- receiving ----------------------------------------------------------------------------------------------

def stored_bundle_sha(conn, office_id: str, seq: int) -> str | None:
    row = conn.execute("SELECT sha256 FROM bundles WHERE office_id = %s AND seq = %s", (office_id, seq)).fetchone()
    return row[0] if row else None


def last_change_id(conn, office_id: str, head_seq: int):
    """The highest change id the office's accepted bundles cover (their manifests' change_range), None when none
    names one. The head bundle answers (every bundle accepted since att20b lies above the one before); the others
    are read only when the head names no range (an empty bundle, or one accepted before the check)."""
    rng = "manifest->'change_range'"
    well_formed = f"jsonb_typeof({rng}) = 'array' AND jsonb_typeof({rng}->1) = 'number'"
    row = conn.execute(f"SELECT ({rng}->>1)::numeric FROM bundles WHERE office_id = %s AND seq = %s AND {well_formed}",
                       (office_id, head_seq)).fetchone()
    if row is None:
        row = conn.execute(f"SELECT max(({rng}->>1)::numeric) FROM bundles WHERE office_id = %s AND {well_formed}",
                           (office_id,)).fetchone()
    return row[0] if row and row[0] is not None else None


def rejected_entities(conn, office_id: str, refs: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, str, str]]:
    """{(entity, entity_id): (change id, code, op of that change or None)} for the referenced entities the platform
    has rejected."""
    if not refs:
        return {}
    # issue 20: the pairs travel as one JSON text (psycopg's text[] dumper ran a regex per element, ~4 us a change)
    rows = conn.execute(
        "SELECT r.entity, r.entity_id, r.change_id, r.code, r.op FROM rejected_entities r "
        "JOIN (SELECT p->>0 AS entity, p->>1 AS entity_id FROM json_array_elements(%s::json) AS p) AS u "
        "USING (entity, entity_id) WHERE r.office_id = %s", (_json_text(refs), office_id)).fetchall()
    return {(r[0], r[1]): (r[2], r[3], r[4]) for r in rows}


def withdrawn_cases(conn, office_id: str, ids: list[str]) -> set[str]:
    """R12 way 1: the cases among ``ids`` this office has withdrawn as wrongful at the platform (changes_withdrawn)."""
    if not ids:
        return set()
    rows = conn.execute("SELECT entity_id FROM changes WHERE office_id = %s AND entity = 'case' AND op = 'withdraw' "
                        "AND entity_id = ANY(ARRAY(SELECT json_array_elements_text(%s::json)))",
                        (office_id, _json_text(ids))).fetchall()
    return {r[0] for r in rows}


def _json_text(value) -> str:
    if orjson is not None:
        try:
            return orjson.dumps(value).decode("utf-8")
        except TypeError:  # a lone surrogate: the standard library's escapes (PostgreSQL then refuses it)
            pass
    return json.dumps(value)


def known_subjects(conn, office_id: str, ids: list[str]) -> dict[str, str]:
    """{office-local subject id: subject_no} for the subjects among ``ids`` this office has shared."""
    if not ids:
        return {}
    # issue 18: the ids travel as one JSON text, as in rejected_entities (psycopg's text[] dumper ran a regex per
    # id: 3% of a worker's time per new subject); ARRAY(...) keeps the plan an index scan over the primary key
    rows = conn.execute("SELECT entity_id, subject_no FROM subjects WHERE office_id = %s "
                        "AND entity_id = ANY(ARRAY(SELECT json_array_elements_text(%s::json)))",
                        (office_id, _json_text(ids))).fetchall()
    return dict(rows)


def last_suite(conn, office_id: str) -> str | None:
    """The suite named by the office's last accepted bundle (issue 22: no downgrade below it); None before any."""
    row = conn.execute("SELECT coalesce(manifest->>'suite', 'intl/1') FROM bundles WHERE office_id = %s "
                       "ORDER BY seq DESC LIMIT 1", (office_id,)).fetchone()
    return row[0] if row else None


def store_bundle(conn, office_id: str, seq: int, sha256: str, manifest: dict, data: bytes) -> None:
    conn.execute("INSERT INTO bundles (office_id, seq, sha256, manifest, data) VALUES (%s, %s, %s, %s, %s)",
                 (office_id, seq, sha256, json.dumps(manifest), data))


def copy_changes(conn, office_id: str, seq: int, rows) -> None:
    """COPY one bundle's accepted changes: rows of (change id, ts, entity, entity id, op, subject_no, state JSON as
    UTF-8 bytes).

    Issue 20: the rows are written in COPY's text format here, the bundle's office and sequence formatted once, and
    sent in one piece (psycopg's write_row per row was a tenth of the intake's time per change); issue 18: as bytes
    (the state's JSON arrives as bytes; a text of the whole bundle was encoded again by psycopg). Each field is
    escaped as COPY reads it back (``copy_field``), None is NULL; a NUL character is refused as psycopg refuses it."""
    head = f"{copy_field(office_id)}\t{seq}\t".encode("utf-8")
    data = _plain_rows(head, rows)
    if data is None:  # some field holds a character COPY would read otherwise: escaped row by row
        data = b"".join([copy_row(head, row) for row in rows])
    with conn.cursor().copy("COPY changes (office_id, seq, change_id, ts, entity, entity_id, op, subject_no, state) "
                            "FROM STDIN") as copy:
        copy.write(data)


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_field(value) -> str:
    """One field in COPY's text format: NULL for None, else its text with backslash, tab, newline and return
    escaped; psycopg.DataError for a NUL character (PostgreSQL text cannot hold it)."""
    if value is None:
        return "\\N"
    text = value if type(value) is str else str(value)
    if "\x00" in text:
        raise psycopg.DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
    return text.translate(_COPY_ESCAPES)


def _plain_rows(head: bytes, rows) -> bytes | None:
    """Every row of ``copy_changes`` joined as it is (a missing subject_no as NULL), checked once as a whole: the
    lines when no field holds a tab, a newline, a return, a backslash or a NUL — exactly 8 tabs and one newline a
    row, one backslash a NULL — else None. Issue 18: the same text as ``copy_row`` row by row, whose five scans
    of each state were 8% of a worker's time per change."""
    parts, nulls = [], 0
    for cid, ts, entity, entity_id, op, subject_no, state in rows:
        if type(cid) is not int:
            return None
        if subject_no is None:
            nulls += 1
            subject_no = "\\N"
        text = f"{ts}\t{entity}\t{entity_id}\t{op}\t{subject_no}"
        parts.append(b"%b%d\t%b\t%b\n" % (head, cid, text.encode("utf-8"), state))
    data = b"".join(parts)
    if (data.count(b"\t") == 8 * len(parts) and data.count(b"\n") == len(parts) and data.count(b"\\") == nulls
            and b"\r" not in data and b"\x00" not in data):
        return data
    return None


def copy_row(head: bytes, row: tuple) -> bytes:
    """``head`` (fields already formatted, UTF-8) then ``row``'s fields, one COPY text line in UTF-8; the last field
    (the state's JSON) is bytes. The fields are joined as they are and escaped one by one only when a field holds a
    character COPY would read otherwise (rare: a backslash in a JSON string, a tab in a text)."""
    cid, ts, entity, entity_id, op, subject_no, state = row
    if type(cid) is int and subject_no is not None:
        text = f"{ts}\t{entity}\t{entity_id}\t{op}\t{subject_no}"
        if (text.count("\t") == 4 and "\\" not in text and "\n" not in text and "\r" not in text
                and "\x00" not in text and b"\\" not in state and b"\t" not in state and b"\n" not in state
                and b"\r" not in state and b"\x00" not in state):
            return b"%b%d\t%b\t%b\n" % (head, cid, text.encode("utf-8"), state)
    fields = (*row[:6], state.decode("utf-8"))
    return head + ("\t".join(copy_field(v) for v in fields) + "\n").encode("utf-8")


def refile_subject(conn, office_id: str, subject_id: str, old: str, new: str) -> None:
    """R7 (att20b): the office corrected a subject's national id; its changes filed under the old one (the subject
    itself, and what names it by subject_id or by its copy) are filed under the new one. Found through the
    subject_no index: only the rows under the old number are read."""
    conn.execute("UPDATE changes SET subject_no = %s WHERE office_id = %s AND subject_no = %s AND ("
                 "(entity = 'subject' AND entity_id = %s) OR state ->> 'subject_id' = %s "
                 "OR state -> 'subject' ->> 'id' = %s)", (new, office_id, old, subject_id, subject_id, subject_id))


def copy_lines(rows: list[tuple]) -> str:
    """``copy_line`` of every row, joined: the fields of all rows joined as they are and checked once as a whole when
    every field is text (issue 18: the checks line by line were 5% of a worker's time per new subject), else line
    by line."""
    if rows and all(type(v) is str for row in rows for v in row):
        width = len(rows[0])
        text = "\n".join(["\t".join(row) for row in rows]) + "\n"
        if (all(len(row) == width for row in rows) and text.count("\t") == (width - 1) * len(rows)
                and text.count("\n") == len(rows) and "\\" not in text and "\r" not in text and "\x00" not in text):
            return text
    return "".join(map(copy_line, rows))


def copy_line(row: tuple) -> str:
    """Every field of ``row`` as one COPY text line: joined as they are when all are text with no character COPY
    would read otherwise, else escaped one by one (``copy_field``)."""
    if all(type(v) is str for v in row):
        line = "\t".join(row)
        if (line.count("\t") == len(row) - 1 and "\\" not in line and "\n" not in line and "\r" not in line
                and "\x00" not in line):
            return line + "\n"
    return "\t".join(map(copy_field, row)) + "\n"


def purge_withdrawn(conn, office_id: str, purges: list[tuple]) -> None:
    """R12 way 1 (``checks.purge_of``): for each (purge, subject_no of the change), delete the rows filed before it —
    of the entity itself (of ``purge.ops``), and for a case the documents issued about it (of ``purge.doc_type``)
    with their later rows; for a listing withdrawn also the objections about it and the repair requests about
    nothing but withdrawn listings, with their documents. What hangs on a case is about its subject (found through
    the index changes_subject); a case's own rows are read among its office's. Rare: one per withdrawal."""
    for p, subject_no in purges:
        _delete_before(conn, office_id, p.entity, [p.entity_id], p.before, p.ops)
        if p.entity != "case" or subject_no is None:
            continue
        about = (conn, office_id, subject_no, p.before)
        docs = _hung_on(*about, "document", "object", "case", [p.entity_id], p.doc_type)
        if p.listing:
            repairs = _repairs_of_withdrawn(*about)
            docs += _hung_on(*about, "document", "object", "repair", repairs)
            _delete_before(conn, office_id, "objection", _hung_on(*about, "objection", "target", "case",
                                                                  [p.entity_id]), p.before)
            _delete_before(conn, office_id, "repair", repairs, p.before)
        _delete_before(conn, office_id, "document", docs, p.before)


def _delete_before(conn, office_id: str, entity: str, ids: list[str], before: int,
                   ops: tuple[str, ...] | None = None) -> None:
    if ids:
        conn.execute("DELETE FROM changes WHERE office_id = %s AND entity = %s AND entity_id = ANY(%s::text[]) "
                     "AND change_id < %s AND (%s::text[] IS NULL OR op = ANY(%s::text[]))",
                     (office_id, entity, ids, before, ops and list(ops), ops and list(ops)))


def _hung_on(conn, office_id: str, subject_no: str, before: int, entity: str, prefix: str, kind: str,
             ids: list[str], doc_type: str | None = None) -> list[str]:
    """Ids of the ``entity`` rows of a subject filed before ``before`` whose state names ``<prefix>_type`` ``kind``
    and ``<prefix>_id`` among ``ids`` (and ``type`` ``doc_type`` when given)."""
    if not ids:
        return []
    rows = conn.execute(
        f"SELECT DISTINCT entity_id FROM changes WHERE subject_no = %s AND entity = %s AND office_id = %s "
        f"AND change_id < %s AND state->>'{prefix}_type' = %s AND state->>'{prefix}_id' = ANY(%s::text[]) "
        "AND (%s::text IS NULL OR state->>'type' = %s)",
        (subject_no, entity, office_id, before, kind, ids, doc_type, doc_type)).fetchall()
    return [r[0] for r in rows]


def _repairs_of_withdrawn(conn, office_id: str, subject_no: str, before: int) -> list[str]:
    """R12 way 1: the repair requests of a subject filed before ``before`` whose every target is a case this office
    withdrew (``domain.list_rules.repairs_withdrawn_with`` at the office)."""
    rows = conn.execute(
        "SELECT DISTINCT r.entity_id FROM changes r WHERE r.subject_no = %s AND r.entity = 'repair' "
        "AND r.office_id = %s AND r.change_id < %s AND json_typeof(r.state->'targets') = 'array' "
        "AND json_array_length(r.state->'targets') > 0 AND NOT EXISTS ("
        "SELECT 1 FROM json_array_elements(r.state->'targets') t WHERE NOT (t->>0 = 'case' AND EXISTS ("
        "SELECT 1 FROM changes w WHERE w.subject_no = %s AND w.entity = 'case' AND w.op = 'withdraw' "
        "AND w.office_id = %s AND w.entity_id = t->>1)))",
        (subject_no, office_id, before, subject_no, office_id)).fetchall()
    return [r[0] for r in rows]


def insert_rejections(conn, rows) -> None:
    if rows:
        conn.cursor().executemany(
            "INSERT INTO rejections (office_id, seq, change_id, entity, entity_id, code, reason_zh, reason_en) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", rows)


def mark_rejected(conn, rows) -> None:
    """rows of (office, entity, entity id, change id, code, op): these entities now stand rejected."""
    if rows:
        conn.cursor().executemany(
            "INSERT INTO rejected_entities (office_id, entity, entity_id, change_id, code, op) "
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (office_id, entity, entity_id) DO UPDATE SET "
            "change_id = EXCLUDED.change_id, code = EXCLUDED.code, op = EXCLUDED.op", rows)


def clear_rejected(conn, office_id: str, refs: list[tuple[str, str]]) -> None:
    if refs:
        conn.execute("DELETE FROM rejected_entities r USING unnest(%s::text[], %s::text[]) AS u(entity, entity_id) "
                     "WHERE r.office_id = %s AND r.entity = u.entity AND r.entity_id = u.entity_id",
                     ([e for e, _ in refs], [i for _, i in refs], office_id))


def upsert_subjects(conn, rows, held=None) -> None:
    """rows of (office, entity id, subject_no, kind, name). ``held``: the entity ids of the rows' office the
    platform already holds (``known_subjects``, read under the office's lock): the other rows are new and go
    straight in by COPY (issue 18: a new subject through the staging table and ON CONFLICT cost the platform twice
    as much); None = any row may be held."""
    if not rows:
        return
    new = [r for r in rows if r[1] not in held] if held is not None else []
    if new:
        with conn.cursor().copy("COPY subjects (office_id, entity_id, subject_no, kind, name) FROM STDIN") as copy:
            copy.write(copy_lines(new))
        if len(new) == len(rows):
            return
        rows = [r for r in rows if r[1] in held]
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS subjects_in (office_id text, entity_id text, subject_no text, "
                 "kind text, name text) ON COMMIT DELETE ROWS")
    with conn.cursor().copy("COPY subjects_in FROM STDIN") as copy:
        copy.write("".join(map(copy_line, rows)))  # issue 18: as copy_changes, not write_row per row
    conn.execute("INSERT INTO subjects (office_id, entity_id, subject_no, kind, name) SELECT * FROM subjects_in "
                 "ON CONFLICT (office_id, entity_id) DO UPDATE SET subject_no = EXCLUDED.subject_no, "
                 "kind = EXCLUDED.kind, name = EXCLUDED.name")


def insert_attachments(conn, office_id: str, seq: int, attachments: list[dict]) -> None:
    if attachments:
        conn.cursor().executemany("INSERT INTO attachments (office_id, seq, name, data) VALUES (%s, %s, %s, %s)",
                                  [(office_id, seq, a["name"], a["data"]) for a in attachments])


def set_head(conn, office_id: str, seq: int, sha256: str) -> None:
    conn.execute("UPDATE offices SET last_seq = %s, last_hash = %s WHERE office_id = %s", (seq, sha256, office_id))


def save_receipt(conn, office_id: str, seq: int, result: dict, data: bytes) -> None:
    conn.execute("INSERT INTO receipts (office_id, seq, result, data) VALUES (%s, %s, %s, %s) "
                 "ON CONFLICT (office_id, seq) DO UPDATE SET data = EXCLUDED.data, made_at = now()",
                 (office_id, seq, json.dumps(result, ensure_ascii=False), data))


def receipt(conn, office_id: str, seq: int) -> tuple[bytes, dict] | None:
    row = conn.execute("SELECT data, result FROM receipts WHERE office_id = %s AND seq = %s",
                       (office_id, seq)).fetchone()
    return (bytes(row[0]), row[1]) if row else None


def quarantine(conn, office_id: str, seq: int | None, sha256: str, code: str, reason_en: str, data: bytes,
               keep_bytes: int) -> None:
    """Keep a refused file of an office for the platform's IT: once per file (the office re-sends a refused bundle
    at every sync: each was stored again), its bytes only while the office's kept files stay within
    ``keep_bytes`` (past it, the row without the file: a key holder filled the disk with 64 MiB files at the
    request rate)."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtext('quarantine:' || %s))", (office_id,))
    row = conn.execute("SELECT bool_or(sha256 = %s), coalesce(sum(octet_length(data)), 0) FROM quarantine "
                       "WHERE office_id = %s", (sha256, office_id)).fetchone()
    if row[0]:
        return
    kept = data if row[1] + len(data) <= keep_bytes else None
    conn.execute("INSERT INTO quarantine (office_id, seq, sha256, code, reason_en, data) VALUES (%s, %s, %s, %s, %s, "
                 "%s)", (office_id, seq, sha256, code, reason_en, kept))


def quarantined(conn, office_id: str) -> list[dict]:
    cur = conn.execute("SELECT seq, sha256, code, octet_length(data) AS kept_bytes FROM quarantine "
                       "WHERE office_id = %s ORDER BY id", (office_id,))
    names = [d.name for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


# --- downstream ---------------------------------------------------------------------------------------------

def save_downstream(conn, office_id: str, seq: int, versions: dict, data: bytes, down_hash: str,
                    merged: dict) -> None:
    conn.execute("INSERT INTO downstream (office_id, seq, versions, data) VALUES (%s, %s, %s, %s)",
                 (office_id, seq, json.dumps(versions), data))
    conn.execute("UPDATE offices SET down_seq = %s, down_hash = %s, versions = %s WHERE office_id = %s",
                 (seq, down_hash, json.dumps(merged), office_id))


def set_down_state(conn, office_id: str, seq: int, down_hash: str, versions: dict) -> None:
    conn.execute("UPDATE offices SET down_seq = %s, down_hash = %s, versions = %s WHERE office_id = %s",
                 (seq, down_hash, json.dumps(versions), office_id))


def downstream_after(conn, office_id: str, after: int) -> list[int]:
    return [r[0] for r in conn.execute("SELECT seq FROM downstream WHERE office_id = %s AND seq > %s ORDER BY seq",
                                       (office_id, after))]


def downstream_file(conn, office_id: str, seq: int) -> bytes | None:
    row = conn.execute("SELECT data FROM downstream WHERE office_id = %s AND seq = %s", (office_id, seq)).fetchone()
    return bytes(row[0]) if row else None


# --- the platform's view ------------------------------------------------------------------------------------

def subject_listings(conn, subject_no: str, today: str) -> list[dict]:
    """One subject's listings in force across all offices (the view ``subject_listings``: each listing as its office
    last reported it), newest first. R12/R22 (att39f): a credit check uses only listings in force — an ended one
    (state ``exited``: ways 2–4, or a red listing a black listing took off, R10) is left out, and so is one whose
    validity ended before ``today`` (ISO date; R12 way 3: it exits the day after, whenever its office reports it).
    R3 (att39g): one whose basis its office reported revoked (state ``basis_revoked``: its measures stopped) is no
    listing in force either; R12/R22: nor one whose validity starts after ``today`` — the office's own credit check
    (store.checks.listings_in_force) takes a listing in force from valid_from to valid_until, and so does this."""
    cur = conn.execute("SELECT office_id, region, case_id, change_id, list_type, case_state, decision_number, "
                       "decided_on, valid_from, valid_until, subject_name, subject_kind FROM subject_listings "
                       "WHERE subject_no = %s AND case_state = 'listed' AND (valid_from IS NULL OR valid_from <= %s) "
                       "AND (valid_until IS NULL OR valid_until >= %s) "
                       "ORDER BY decided_on DESC NULLS LAST, office_id, change_id", (subject_no, today, today))
    names = [d.name for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def log_query(conn, actor: str, reason: str, subject_no: str, unmasked: bool, n_rows: int) -> None:
    """R14: one row per look at a subject across offices (who, when, what, why, unmasked or not)."""
    conn.execute("INSERT INTO query_log (actor, reason, subject_no, unmasked, n_rows) VALUES (%s, %s, %s, %s, %s)",
                 (actor, reason, subject_no, unmasked, n_rows))


def query_log(conn) -> list[dict]:
    cur = conn.execute("SELECT at, actor, reason, subject_no, unmasked, n_rows FROM query_log ORDER BY id")
    names = [d.name for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def stored_changes(conn, office_id: str) -> list[dict]:
    cur = conn.execute("SELECT seq, change_id, entity, entity_id, op, subject_no, state FROM changes "
                       "WHERE office_id = %s ORDER BY seq, change_id", (office_id,))
    names = [d.name for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def change_keys(conn, office_id: str) -> list[tuple[int, int]]:
    """(bundle sequence, change id) of every change filed for an office, in order (duplicates would show)."""
    return conn.execute("SELECT seq, change_id FROM changes WHERE office_id = %s ORDER BY seq, change_id",
                        (office_id,)).fetchall()


def counts(conn, office_id: str) -> dict:
    row = conn.execute("SELECT (SELECT count(*) FROM changes WHERE office_id = %(o)s), "
                       "(SELECT count(*) FROM rejections WHERE office_id = %(o)s), "
                       "(SELECT count(*) FROM bundles WHERE office_id = %(o)s), "
                       "(SELECT count(*) FROM quarantine WHERE office_id = %(o)s)", {"o": office_id}).fetchone()
    return dict(zip(("changes", "rejected", "bundles", "quarantined"), row))


def upsert_decisions(conn, rows) -> None:
    """双公示 (R21): rows of (office, decision id, kind, 文号, authority USCC, party kind, party name, party code,
    decision date, publish due, tier, publication end, state, seq, change id, state JSON); the latest change wins."""
    if rows:
        conn.cursor().executemany(
            "INSERT INTO admin_decisions (office_id, decision_id, kind, doc_number, authority_uscc, party_kind, "
            "party_name, party_code, decision_date, publish_due, tier, publication_end, state, seq, change_id, data) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (office_id, decision_id) DO UPDATE SET kind = EXCLUDED.kind, doc_number = EXCLUDED.doc_number, "
            "authority_uscc = EXCLUDED.authority_uscc, party_kind = EXCLUDED.party_kind, "
            "party_name = EXCLUDED.party_name, party_code = EXCLUDED.party_code, "
            "decision_date = EXCLUDED.decision_date, publish_due = EXCLUDED.publish_due, tier = EXCLUDED.tier, "
            "publication_end = EXCLUDED.publication_end, state = EXCLUDED.state, seq = EXCLUDED.seq, "
            "change_id = EXCLUDED.change_id, data = EXCLUDED.data, updated_at = now() "
            "WHERE admin_decisions.change_id < EXCLUDED.change_id", rows)


def decisions(conn, office_id: str) -> list[dict]:
    """The 双公示 decisions filed for an office, by decision id."""
    cur = conn.execute("SELECT decision_id, kind, doc_number, party_name, party_kind, decision_date, publish_due, "
                       "tier, publication_end, state FROM admin_decisions WHERE office_id = %s "
                       "ORDER BY decision_id::bigint", (office_id,))
    keys = ("decision_id", "kind", "doc_number", "party_name", "party_kind", "decision_date", "publish_due", "tier",
            "publication_end", "state")
    return [dict(zip(keys, r)) for r in cur]
