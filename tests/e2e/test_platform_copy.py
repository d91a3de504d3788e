"""Issue 20: the intake writes each bundle's accepted changes in COPY's text format itself (one write per bundle,
not psycopg's write_row per row). What an office sends comes back from PostgreSQL exactly — texts holding tabs,
newlines, returns, backslashes, COPY's own markers (\\N, \\.), no subject — and a text PostgreSQL cannot hold
(NUL) files nothing of the bundle."""

from __future__ import annotations

import json

import pytest

from credit_desk.intake import pgstore
from credit_desk.sync import payload
from tests.platform_kit import FakeOffice, registered_intake

AWKWARD = ["a\tb", "back\\slash", "new\nline", "ret\rurn", "\\N", "\\.", "tab\\t", "末尾\\"]


@pytest.fixture
def intake_and_office(tmp_path, platform_dsn):
    _keys, office, intake = registered_intake(tmp_path / "intake", seed=7)
    yield intake, office
    intake.close()


def _lines(office: FakeOffice) -> tuple[list[str], list[tuple]]:
    subject = office.subject_state()
    sent = [(1, "2026-12-01T10:00:00Z", "subject", "1", "insert", subject)]
    for i, text in enumerate(AWKWARD, 2):
        sent.append((i, text, "record", text, "insert", {"subject_id": 1, "note": text, "n": i, text: [text]}))
    sent.append((len(sent) + 1, "t", "notice", "no subject", "insert", {"big": 12345678901234567890123, "x": None}))
    lines = [payload.change_line(cid, ts, ent, eid, op, json.dumps(state, ensure_ascii=False))
             for cid, ts, ent, eid, op, state in sent]
    office.next_id = len(sent) + 1
    return lines, sent


def test_texts_copy_would_misread_are_stored_exactly(intake_and_office):
    intake, office = intake_and_office
    lines, sent = _lines(office)
    _receipt, summary = intake.receive(office.bundle(lines))
    assert summary["accepted"] == len(sent) and summary["rejected"] == 0
    stored = intake.stored_changes(office.office)
    assert [(r["change_id"], r["entity"], r["entity_id"], r["op"], r["state"]) for r in stored] == \
        [(cid, ent, eid, op, state) for cid, _ts, ent, eid, op, state in sent]
    assert [r["subject_no"] for r in stored][-1] is None  # NULL, not the text "None" or "\N"
    assert all(r["subject_no"] == f"uscc:{sent[0][5]['id_number']}" for r in stored[:-1])
    with intake.pool.connection() as conn:
        ts = [r[0] for r in conn.execute("SELECT ts FROM changes WHERE office_id = %s ORDER BY change_id",
                                         (office.office,))]
    assert ts == [s[1] for s in sent]


def test_a_nul_in_a_text_files_nothing_of_the_bundle(intake_and_office):
    intake, office = intake_and_office
    lines, _sent = _lines(office)
    lines[1] = lines[1].replace('"entity_id":"a\\tb"', '"entity_id":"a\\u0000b"')
    with pytest.raises(Exception):  # PostgreSQL text cannot hold NUL: the receive fails whole (HTTP: 500)
        intake.receive(office.bundle(lines))
    assert intake.stored_changes(office.office) == []
    assert intake.store.state(office.office)["last_seq"] == 0


def test_copy_fields_are_escaped_as_copy_reads_them():
    assert pgstore.copy_field(None) == "\\N"
    assert pgstore.copy_field("a\tb\\c\nd\re") == "a\\tb\\\\c\\nd\\re"
    assert pgstore.copy_row(b"o\t1\t", (5, "t", "e", "i", "op", None, b"{}")) == b"o\t1\t5\tt\te\ti\top\t\\N\t{}\n"
    assert pgstore.copy_row(b"o\t1\t", (5, "t", "e", "i\\", "op", "s", b"{}")) == b"o\t1\t5\tt\te\ti\\\\\top\ts\t{}\n"
    # issue 18: the state's JSON arrives as UTF-8 bytes; a backslash or a control character in it is escaped too
    for state in ('{"n":"甲\\"乙"}', '{"n":"甲\t乙"}', '{"n":"甲\n乙"}', '{"n":"甲\r乙"}'):
        assert pgstore.copy_row(b"o\t1\t", (5, "t", "e", "i", "op", "s", state.encode())) == (
            "o\t1\t5\tt\te\ti\top\ts\t" + pgstore.copy_field(state) + "\n").encode(), state
    assert pgstore.copy_row(b"o\t1\t", (5, "t", "e", "i", "op", "s", '{"n":"甲"}'.encode())) == (
        'o\t1\t5\tt\te\ti\top\ts\t{"n":"甲"}\n'.encode())


def test_issue18_subjects_with_texts_copy_would_misread_are_filed_exactly(intake_and_office):
    """Issue 18: the per-subject rows (the platform's cross-office subject view) are written in COPY's text format
    in one piece too (``pgstore.copy_line``) instead of psycopg's write_row per row; names and ids holding tabs,
    newlines, returns, backslashes and COPY's own markers come back exactly."""
    intake, office = intake_and_office
    sent = []
    for i, text in enumerate(AWKWARD + ["普通名称"], 1):
        state = {**office.subject_state(), "name": f"{text}有限公司"}
        sent.append((i, "2026-12-01T10:00:00Z", "subject", f"{i}{text}", "insert", state))
    lines = [payload.change_line(cid, ts, ent, eid, op, json.dumps(state, ensure_ascii=False))
             for cid, ts, ent, eid, op, state in sent]
    office.next_id = len(sent) + 1
    _receipt, summary = intake.receive(office.bundle(lines))
    assert summary["accepted"] == len(sent)
    with intake.pool.connection() as conn:
        filed = conn.execute("SELECT entity_id, subject_no, kind, name FROM subjects WHERE office_id = %s "
                             "ORDER BY entity_id", (office.office,)).fetchall()
    assert sorted(filed) == sorted((eid, f"uscc:{s['id_number']}", s["kind"], s["name"])
                                   for _c, _t, _e, eid, _o, s in sent)
    assert pgstore.copy_line(("a", None, "b\\c")) == "a\t\\N\tb\\\\c\n"
    assert pgstore.copy_line(("a", "b", "c")) == "a\tb\tc\n"


def test_issue18_subjects_with_awkward_ids_are_found_again(intake_and_office):
    """Issue 18: the platform looks up which of a bundle's subjects it already holds with the ids sent as one JSON
    text (``pgstore.known_subjects``); ids that COPY, an array literal or JSON would misread (quotes, braces, commas,
    NULL, backslashes, spaces) are still found, so a later record resting on each is accepted, not refused as
    SUBJECT_NOT_SHARED."""
    intake, office = intake_and_office
    ids = [f"{i}{text}" for i, text in enumerate(AWKWARD, 1)] + ['q"uote', "{a,b}", "NULL", " sp ", "逗,号"]
    first = [payload.change_line(i, "2026-12-01T10:00:00Z", "subject", sid, "insert",
                                 json.dumps(office.subject_state(), ensure_ascii=False))
             for i, sid in enumerate(ids, 1)]
    office.next_id = len(ids) + 1
    assert intake.receive(office.bundle(first))[1]["accepted"] == len(ids)
    base = len(ids) + 1
    second = [payload.change_line(base + k, "2026-12-01T10:00:00Z", "record", f"r{k}", "insert",
                                  json.dumps({"subject_id": sid, "kind": "penalty"}, ensure_ascii=False))
              for k, sid in enumerate(ids)]
    office.next_id = base + len(ids)
    _receipt, summary = intake.receive(office.bundle(second))
    assert (summary["accepted"], summary["rejected"]) == (len(ids), 0)
    with intake.pool.connection() as conn:
        assert pgstore.known_subjects(conn, office.office, ids + ["absent"]) == {
            sid: f"uscc:{n}" for sid, n in conn.execute(
                "SELECT entity_id, split_part(subject_no, ':', 2) FROM subjects WHERE office_id = %s",
                (office.office,)).fetchall()}


def test_issue18_rows_checked_as_a_whole_are_the_rows_escaped_one_by_one():
    """Issue 18: ``copy_changes`` joins a bundle's rows as they are and checks the whole once, ``upsert_subjects``
    likewise (``copy_lines``); the text is exactly the one escaped row by row, whatever a field holds — each
    character COPY would misread, in each field, a NULL subject, and a row of plain text beside them."""
    head = b"o\t7\t"
    plain = (5, "2026-12-01T10:00:00Z", "subject", "12", "insert", "uscc:X", '{"name":"甲"}'.encode())
    for text in AWKWARD + ["a\rb", "普通"]:
        for field in range(1, 7):
            row = list(plain)
            row[field] = text.encode() if field == 6 else text
            rows = [plain, tuple(row), (6, *plain[1:5], None, b"{}")]
            want = b"".join(pgstore.copy_row(head, r) for r in rows)
            assert pgstore._plain_rows(head, rows) in (None, want), (text, field)
            assert (pgstore._plain_rows(head, rows) or want) == want
        subjects = [("o", "1", "uscc:A", "legal_person", "甲"), ("o", text, "uscc:B", "legal_person", text)]
        assert pgstore.copy_lines(subjects) == "".join(map(pgstore.copy_line, subjects)), text
    clean = [plain, (6, *plain[1:5], None, b"{}")]
    assert pgstore._plain_rows(head, clean) == b"".join(pgstore.copy_row(head, r) for r in clean)
    assert pgstore.copy_lines([("o", None, "b")]) == "o\t\\N\tb\n"


def test_issue18_subjects_sent_again_under_unusual_ids_are_held_not_copied_twice(intake_and_office):
    """att38b: the COPY of a bundle's new subjects has no ON CONFLICT — it trusts ``known_subjects`` (the ids sent as
    JSON, read back by PostgreSQL) to find every subject the office already shared. Ids in unusual Unicode (line and
    paragraph separators, NEL, BOM, a non-character, astral and control characters, JSON- and array-like texts) sent
    again are found and updated in place; a miss would fail the whole receive on the primary key (a 500)."""
    intake, office = intake_and_office
    odd = ["\u2028", "\u0085", "\u2029", "\ufeff", "\ufffe", "\U0010ffff", "\U0001F600", "\x7f", "\x1f", "\x08\x0c",
           "\\/", '"', "[1,2]", '{"a":1}', "null", "", " ", "5", "5.0", *AWKWARD]
    ids = [f"s{i}{text}" for i, text in enumerate(odd)]
    first = [office.line("subject", sid, "insert", office.subject_state()) for sid in ids]
    assert intake.receive(office.bundle(first))[1]["accepted"] == len(ids)
    again = [office.line("subject", sid, "update", office.subject_state()) for sid in ids]
    again += [office.line("record", f"r{sid}", "insert", {"subject_id": sid}) for sid in ids]
    _receipt, summary = intake.receive(office.bundle(again))
    assert (summary["accepted"], summary["rejected"]) == (2 * len(ids), 0)
    with intake.pool.connection() as conn:
        held = dict(conn.execute("SELECT entity_id, name FROM subjects WHERE office_id = %s",
                                 (office.office,)).fetchall())
    assert held == {json.loads(line)["entity_id"]: json.loads(line)["state"]["name"] for line in again[:len(ids)]}
