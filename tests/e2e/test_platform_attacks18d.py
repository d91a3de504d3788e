"""Attacks on today's issue-18 speed changes of the receive path (att18d): the COPY of changes built as bytes with a
fast path that skips escaping (``pgstore.copy_row``), the state's JSON as orjson's bytes (``receiver._state_json``),
an office insider's own signed bundles against the real receive code and the test set-up's PostgreSQL.
"""

from __future__ import annotations

import json
import os

import psycopg
import pytest

from credit_desk.intake import receiver
from credit_desk.sync import manifest as mf, payload
from tests.e2e.test_platform_attacks18 import _raw_bundle, _subject
from tests.platform_kit import FakeOffice, registered_intake

# states whose text COPY could read otherwise, or that take the standard library's path
NAMES = ["back\\slash", "tab\there", "lf\nhere", "cr\rhere", "crlf\r\nhere", "\\t\\n literal", "\\N", "\\.",
         "line\u2028sep\u2029para\u0085nel", "😀 and 𝄞 公司", "\u00a0nbsp\u3000ideo", "quote\"q", "a\x01b\x1fc\x7fd",
         "end\\"]


def _stored(intake, office: str) -> list[tuple]:
    with psycopg.connect(receiver._dsn(None), options=f"-c search_path={intake.schema}", client_encoding="UTF8") as conn:
        return conn.execute("SELECT change_id, ts, entity, entity_id, op, subject_no, state FROM changes "
                            "WHERE office_id = %s ORDER BY change_id", (office,)).fetchall()


def _lines(o: FakeOffice, states: list[dict], *, ts: str | None = None, eids: list[str] | None = None) -> list[str]:
    out = []
    for i, state in enumerate(states):
        eid = eids[i] if eids else str(900 + i)
        line = o.line("subject", eid, "insert", state)
        if ts is not None:
            obj = json.loads(line)
            line = payload.change_line(obj["id"], ts, "subject", eid, "insert", json.dumps(state, ensure_ascii=False))
        out.append(line)
    return out


def _check_filed(intake, o: FakeOffice, lines: list[str]) -> None:
    sent = [json.loads(x) for x in lines]
    data = _raw_bundle(o, payload.encode_lines(lines), [c["id"] for c in sent])
    _, summary = intake.receive(data)
    assert summary["accepted"] == len(lines), summary
    rows = _stored(intake, o.office)[-len(lines):]
    for c, row in zip(sent, rows):
        st = c["state"]
        assert row == (c["id"], c["ts"], c["entity"], c["entity_id"], c["op"], f"{st['id_type']}:{st['id_number']}",
                       st), (c, row)


@pytest.fixture
def platform(tmp_path, platform_dsn):
    keys, office, intake = registered_intake(tmp_path / "intake", seed=1884)
    yield tmp_path / "intake", keys, office, intake
    intake.close()


@pytest.mark.parametrize("long_number", [False, True], ids=["orjson", "stdlib"])
def test_states_with_copy_specials_are_stored_as_sent(platform, long_number):
    """Each name (backslash, tab, LF, CR, CRLF, COPY's own \\N and \\., U+2028/2029/0085, emoji, C0 controls) and a
    huge integer in the state: the stored jsonb equals the sent state, one row per change, nothing split."""
    _, _, o, intake = platform
    extra = {"serial": 12345678901234567890123} if long_number else {}
    states = [_subject(o, name=n, **extra) for n in NAMES]
    _check_filed(intake, o, _lines(o, states))


@pytest.mark.parametrize("eid", ["9\t1", "9\\1", "9\\N", "9\r\n1", "\\.", "9\u2028"])
def test_entity_ids_and_timestamps_with_copy_specials_are_stored_as_sent(platform, eid):
    """The office's own signed line carries an entity id and a timestamp holding COPY's specials: stored as sent."""
    _, _, o, intake = platform
    lines = _lines(o, [_subject(o)], ts=f"2026-12-02T10:00:00{eid}Z", eids=[eid])
    _check_filed(intake, o, lines)


def test_a_gbk_client_encoding_does_not_garble_the_copy(tmp_path, platform_dsn, monkeypatch):
    """The platform's IT runs the intake with PGCLIENTENCODING=GBK (common on a Chinese Windows server, for psql):
    the COPY's bytes are UTF-8, so the server must read them as UTF-8 — before, it read them as GBK and stored the
    names garbled, or failed the whole receive (a 500)."""
    monkeypatch.setenv("PGCLIENTENCODING", "GBK")
    keys, o, intake = registered_intake(tmp_path / "intake", seed=1885)
    try:
        states = [_subject(o, name=n) for n in ("测试企业有限公司", "淮安市𠀀公司", "tab\t公司", "😀")]
        _check_filed(intake, o, _lines(o, states))
    finally:
        intake.close()


def _escaped_row(head: bytes, row: tuple) -> bytes:
    """``copy_row``'s slow path forced: every field escaped by ``copy_field``."""
    from credit_desk.intake import pgstore
    fields = (*row[:6], row[6].decode("utf-8"))
    return head + ("\t".join(pgstore.copy_field(v) for v in fields) + "\n").encode("utf-8")


def test_copy_rows_fast_and_escaped_paths_read_back_alike(platform_dsn):
    """Property (hypothesis): for any change id, texts (backslashes, tabs, CR/LF, U+2028, astral characters; no NUL)
    and state, ``copy_row`` — fast path or not — and the fully escaped row are read back by PostgreSQL as the same
    fields, equal to the row's own values, one row each: nothing split, nothing shifted."""
    from hypothesis import HealthCheck, given, settings, strategies as st

    from credit_desk.intake import pgstore

    alphabet = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))
    special = st.sampled_from(["\\", "\t", "\n", "\r", "\\N", "\\.", "\u2028", "😀", "a", "公"])
    text = st.lists(st.one_of(special, st.text(alphabet, max_size=4)), max_size=5).map("".join)
    states = st.dictionaries(text, st.one_of(text, st.integers(), st.none()), max_size=3)
    head = (pgstore.copy_field("off\\ice") + "\t7\t").encode("utf-8")
    with psycopg.connect(platform_dsn, autocommit=True, client_encoding="UTF8") as conn:
        conn.execute("CREATE TEMP TABLE c (office_id text, seq bigint, change_id bigint, ts text, entity text, "
                     "entity_id text, op text, subject_no text, state jsonb)")

        @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
        @given(st.integers(0, 2 ** 62), text, text, text, text, st.one_of(st.none(), text), states)
        def check(cid, ts, entity, eid, op, subject_no, state):
            sj = receiver._state_json(state)
            row = (cid, ts, entity, eid, op, subject_no, sj)
            conn.execute("TRUNCATE c")
            with conn.cursor().copy("COPY c FROM STDIN") as copy:
                copy.write(pgstore.copy_row(head, row) + _escaped_row(head, row))
            got = conn.execute("SELECT * FROM c").fetchall()
            assert got == [("off\\ice", 7, cid, ts, entity, eid, op, subject_no, state)] * 2, (row, got)
        check()


@pytest.mark.parametrize("id_type,id_number,field", [
    ("usc", "91320812MA1XXXXX0X", "id_type"),      # a typo: answered "not listed anywhere"
    ("uscc号", "91320812MA1XXXXX0X", "id_type"),
    ("", "91320812MA1XXXXX0X", "id_type"),
    (None, "91320812MA1XXXXX0X", "id_type"),
    ("uscc", "", "id_number"),
    ("uscc", " \u3000\u200b ", "id_number"),      # spaces and an invisible character: empty once cleaned
    ("ric", None, "id_number"),
])
def test_r14_a_junk_type_or_an_empty_number_is_one_refusal_not_a_look(platform, id_type, id_number, field):
    """A look at a type the platform never files or at an empty number is refused (Chinese first, naming the field);
    nothing is read and nothing logged (before: [] — "not listed anywhere", which reads as a clean record — and a
    look at nobody logged; None was a traceback)."""
    from credit_desk.domain.errors import DomainError
    _, _, _, intake = platform
    before = len(intake.query_log())
    with pytest.raises(DomainError) as exc:
        intake.subject_listings(id_type, id_number, actor="王工", reason="核查名单")
    assert exc.value.code == "QUERY_SUBJECT_BAD" and exc.value.field == field, exc.value.en
    assert exc.value.zh.startswith("无法查询：") and ("证件类型" if field == "id_type" else "证件号码为空") in exc.value.zh
    assert len(intake.query_log()) == before


def test_r14_r15_a_look_typed_in_full_width_is_found_logged_cleaned_and_masked(platform):
    """Control: the type typed in full-width capitals and the number with spaces and lower case find the person's
    listing; the log holds the cleaned national key; the name is masked (R15)."""
    import datetime as dt
    import random

    from credit_desk.domain import demo
    _, _, o, intake = platform
    number = demo.ric(random.Random(5), "320812", dt.date(1980, 1, 1), dt.date(1990, 1, 1))
    person = {"kind": "natural_person", "name": "张三丰", "id_type": "ric", "id_number": number}
    _, summary = intake.receive(o.bundle(o.listing_lines(4, subject=person)))
    assert summary["accepted"] == 4, summary
    typed = " ".join(number[:6]) + number[6:].lower().translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    rows = intake.subject_listings("ＲＩＣ ", typed, actor="王工", reason="核查名单")
    assert len(rows) == 1 and rows[0]["subject_name"] != "张三丰" and "张" in rows[0]["subject_name"]
    log = intake.query_log()[-1]
    assert (log["subject_no"], log["n_rows"], log["unmasked"]) == (f"ric:{number}", 1, False)


@pytest.mark.parametrize("where", ["name", "key", "entity_id", "ts"])
def test_a_nul_escape_anywhere_in_a_change_is_a_refusal_naming_its_line(platform, where):
    """NUL as \\u0000 in a state's value or key, an entity id or a timestamp: refused BUNDLE_PAYLOAD_BAD naming line 2
    (PostgreSQL's text and jsonb cannot hold it), never a 500 from the COPY."""
    _, _, o, intake = platform
    good = _lines(o, [_subject(o)])[0]
    state = _subject(o, name="公司\x00") if where == "name" else {**_subject(o), "x\x00": 1} if where == "key" \
        else _subject(o)
    bad = _lines(o, [state], eids=["9\x00" if where == "entity_id" else "901"],
                 ts="2026-12-02T10:00:00\x00Z" if where == "ts" else None)[0]
    assert "\\u0000" in bad
    with pytest.raises(receiver.BundleRefused) as exc:
        intake.receive(_raw_bundle(o, payload.encode_lines([good, bad]), [o.next_id - 2, o.next_id - 1]))
    assert exc.value.code == "BUNDLE_PAYLOAD_BAD" and "第2行" in exc.value.zh, exc.value.en


@pytest.mark.parametrize("depth", [200, 300, 900])
def test_a_deeply_nested_state_is_filed_as_sent_or_refused_not_a_500(platform, depth):
    """orjson writes at most 255 levels (the standard library's writer then): a state nested 200, 300 or 900 deep
    is filed as sent or refused as a bundle; never a failure of the whole receive."""
    _, _, o, intake = platform
    line = _lines(o, [_subject(o, extra="@@")])[0]
    line = line.replace('"@@"', '{"d":' * depth + '"底"' + "}" * depth)
    try:
        _check_filed(intake, o, [line])
    except receiver.BundleRefused as exc:
        assert exc.code == "BUNDLE_PAYLOAD_BAD", exc.en


@pytest.mark.parametrize("entity", ["subject", "record"])
def test_a_very_long_entity_id_is_refused_not_a_500(platform, entity):
    """An entity id of 3,000 random characters (past a btree index entry's ~2.7 kB, uncompressible): the bundle is
    refused naming the line and the field, and quarantined (before: PostgreSQL failed the whole receive, a 500 the
    office retried for ever); one of ``MAX_FIELD_CHARS`` is filed (a subject) or judged (a record resting on it)."""
    import random
    _, _, o, intake = platform
    rng = random.Random(18)
    eid = "".join(chr(rng.randrange(0x4E00, 0x9FFF)) for _ in range(3000))
    state = _subject(o) if entity == "subject" else {"id": 1, "subject_id": eid, "kind": "penalty"}
    line = payload.change_line(o.next_id, "2026-12-02T10:00:00Z", entity, eid, "insert",
                               json.dumps(state, ensure_ascii=False))
    o.next_id += 1
    with pytest.raises(receiver.BundleRefused) as exc:
        intake.receive(_raw_bundle(o, payload.encode_lines([line]), [o.next_id - 1]))
    assert exc.value.code == "BUNDLE_PAYLOAD_BAD" and "第1行" in exc.value.zh and "entity_id" in exc.value.en
    assert len(intake.quarantined(o.office)) == 1  # kept for the platform's IT
    # the longest the office may write is filed
    eid = eid[:payload.MAX_FIELD_CHARS]
    state = _subject(o) if entity == "subject" else {"id": 1, "subject_id": eid, "kind": "penalty"}
    o.seq, o.prev = o.seq - 1, intake.store.state(o.office)["last_hash"] or mf.GENESIS_HASH
    line = payload.change_line(o.next_id, "2026-12-02T10:00:00Z", entity, eid, "insert",
                               json.dumps(state, ensure_ascii=False))
    o.next_id += 1
    _, summary = intake.receive(_raw_bundle(o, payload.encode_lines([line]), [o.next_id - 1]))
    assert (summary["accepted"], summary["rejected"]) == ((1, 0) if entity == "subject" else (0, 1)), summary
