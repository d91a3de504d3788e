"""Attacks on the issue-18 receive path (commit f811663: LF-only UTF-8 lines read as bytes, the USCC fast path, the
collector paused, new subjects COPied, migration 0007): an office insider with its own signing key, against the real
receive code and the real PostgreSQL of the test set-up (``platform_dsn``), bundles made by the real bundle code
(FakeOffice), some through ``credit-desk intake serve`` with worker processes.

Faults found and fixed (att18b):
- A line is JSON in UTF-8, whichever reader reads it: ``json.loads`` given bytes guesses UTF-16/UTF-32 from NUL bytes
  and skips a UTF-8 byte-order mark, so in a bundle holding a 19-digit number anywhere (the standard library's reader
  for every line) a line of UTF-16 was filed and a BOM line accepted — lines orjson (every other bundle) refuses.
- A lone surrogate escape (``\ud800``) is refused as bad JSON naming its line by either reader (orjson refused it; the
  standard library read it, and PostgreSQL then failed the whole receive: a 500, the office resending for ever).
- Invalid UTF-8 names the line it is on (it always named line 1).
- Receives that overlap without a gap (intake serve on one CPU: threads in one process) collect at least every
  ``GC_PAUSE_MAX_SECONDS``; the collector stayed off for as long as they overlapped (since att18c a watch thread
  collects while any pause runs, one long receive alone included: tests/unit/test_collector.py).
- An ID number not in its normalized form (lower case, full width, spaces, invisible characters) is refused: it was
  accepted (the checks clean it) and filed as typed, under a national key the cross-office view never finds.
- A birth date in an ID number has the day of slack a decision's date has (an office a time zone ahead agreed).

Held (controls): the USCC fast path's verdicts equal the full path's and stdnum's; one subject twice in a bundle, a
held subject inserted again, two bundles of one office at once to two workers, two offices with the same subject ids;
the cross-office view and its log after 0007; CR/CRLF/empty/array/NUL lines named by their own row.
"""

from __future__ import annotations

import gc
import json
from datetime import datetime, timedelta

import pytest
from stdnum.cn import ric

from credit_desk import collector
from credit_desk.intake import receiver
from credit_desk.intake.receiver import Intake
from credit_desk.sync import bundle, crypto, manifest as mf, payload
from credit_desk.sync.refusals import BundleRefused
from tests.platform_kit import FakeOffice, registered_intake, serve_subprocess


@pytest.fixture
def platform(tmp_path, platform_dsn):
    """(folder, platform keys, a registered office, an open Intake)."""
    keys, office, intake = registered_intake(tmp_path / "intake", seed=1818)
    yield tmp_path / "intake", keys, office, intake
    intake.close()


def _line(o: FakeOffice, entity: str, eid, op: str, state: dict) -> str:
    return o.line(entity, eid, op, state)


def _subject(o: FakeOffice, **over) -> dict:
    return {**o.subject_state(), **over}


def _raw_bundle(o: FakeOffice, plain: bytes, ids: list[int]) -> bytes:
    """The next bundle of the office's chain with ``plain`` as its payload, byte for byte (FakeOffice.bundle encodes
    str lines; an insider writes any bytes and signs them)."""
    o.seq += 1
    now = datetime.now()
    fields = {"type": "changes", "sender": {"role": "office", "id": o.office, "region": o.region, "code": "t"},
              "office": o.office, "sequence": o.seq, "previous_hash": o.prev, "created_at": mf.utc_text(now),
              "expires_at": mf.utc_text(now + timedelta(days=30)), "change_range": [min(ids), max(ids)],
              "counts": {"changes": len(ids), "attachments": 0}}
    data, _ = bundle.make(fields, plain, o.sign, o.platform_enc)
    o.prev = crypto.sha256_hex(data)
    return data


def _long_number_line(o: FakeOffice) -> str:
    """A change whose state holds a 19-digit number: the bundle is read by the standard library's reader."""
    return _line(o, "subject", 900, "insert", _subject(o, serial=1234567890123456789))


@pytest.mark.parametrize("long_number", [False, True], ids=["orjson", "stdlib"])
@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-16-be"),
    lambda s: s.encode("utf-16-le"),
    lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
], ids=["utf16be", "utf16le", "bom"])
def test_r7_a_line_not_in_plain_utf8_json_is_refused_by_either_reader(platform, long_number, encode):
    """Line 2 is a change in UTF-16 (its NUL bytes are valid UTF-8) or behind a UTF-8 BOM: refused naming line 2,
    whether or not another line sends the whole bundle to the standard library's reader (before: filed there)."""
    _, _, o, intake = platform
    first = _long_number_line(o) if long_number else _line(o, "subject", 900, "insert", _subject(o))
    second = _line(o, "subject", 901, "insert", _subject(o, name="ACME Trading Co"))  # ASCII: UTF-16 is UTF-8 then
    plain = first.encode("utf-8") + b"\n" + encode(second) + b"\n"
    plain.decode("utf-8")
    with pytest.raises(BundleRefused) as exc:
        intake.receive(_raw_bundle(o, plain, [o.next_id - 2, o.next_id - 1]))
    assert exc.value.code == "BUNDLE_PAYLOAD_BAD" and "2" in exc.value.zh, exc.value.en


@pytest.mark.parametrize("long_number", [False, True], ids=["orjson", "stdlib"])
@pytest.mark.parametrize("name", ["\\ud800公司", "公司\\udfff", "\\udc00\\ud800"])
def test_r7_a_lone_surrogate_is_refused_naming_its_line_by_either_reader(platform, long_number, name):
    """A subject name holding a lone surrogate escape cannot be stored as jsonb: refused as bad JSON naming its line
    (before, in a bundle holding a 19-digit number: read, then PostgreSQL failed the whole receive)."""
    _, _, o, intake = platform
    first = _long_number_line(o) if long_number else _line(o, "subject", 900, "insert", _subject(o))
    bad = _line(o, "subject", 901, "insert", _subject(o, name="X")).replace('"name": "X"', f'"name": "{name}"')
    assert name in bad
    plain = payload.encode_lines([first, bad])
    with pytest.raises(BundleRefused) as exc:
        intake.receive(_raw_bundle(o, plain, [o.next_id - 2, o.next_id - 1]))
    assert exc.value.code == "BUNDLE_PAYLOAD_BAD" and "2" in exc.value.zh, exc.value.en


def test_r7_a_surrogate_pair_is_a_character_and_filed(platform):
    """The control: a pair of surrogate escapes is one character (😀) and is filed by either reader."""
    _, _, o, intake = platform
    lines = [_long_number_line(o),
             _line(o, "subject", 901, "insert", _subject(o, name="X")).replace('"name": "X"',
                                                                              '"name": "\\ud83d\\ude00公司"')]
    _, summary = intake.receive(_raw_bundle(o, payload.encode_lines(lines), [o.next_id - 2, o.next_id - 1]))
    assert summary["accepted"] == 2


@pytest.mark.parametrize("bad", [b"\xff", b"\xe5\x85", b"\xed\xa0\x80", b"\xc0\xaf"], ids=["ff", "cut", "surrogate", "overlong"])
def test_r7_invalid_utf8_is_refused_naming_its_own_line(platform, bad):
    """Invalid UTF-8 inside a string of line 3 is refused naming line 3 (before: always "line 1")."""
    _, _, o, intake = platform
    lines = [_line(o, "subject", 900 + i, "insert", _subject(o, name=f"公司{i}")) for i in range(4)]
    plain = payload.encode_lines(lines).replace("公司2".encode("utf-8"), "公司".encode("utf-8") + bad)
    with pytest.raises(BundleRefused) as exc:
        intake.receive(_raw_bundle(o, plain, list(range(o.next_id - 4, o.next_id))))
    assert exc.value.code == "BUNDLE_PAYLOAD_BAD" and "第3行" in exc.value.zh, exc.value.en
    assert "UTF-8" in exc.value.zh and "UTF-8" in exc.value.en  # said as such, not as bad JSON (issue 18's reader)


def test_r7_a_lone_surrogate_through_the_server_is_a_refusal_not_a_500(platform):
    """Through ``credit-desk intake serve`` (a worker process): the insider's bundle with a lone surrogate and a
    19-digit number is answered 422 BUNDLE_PAYLOAD_BAD and quarantined for the platform's IT (before: 500 INTERNAL,
    which the office retries for ever), and the office's next good bundle is filed."""
    folder, _, o, intake = platform
    first = _long_number_line(o)
    bad = _line(o, "subject", 901, "insert", _subject(o, name="X")).replace('"name": "X"', '"name": "\\ud800"')
    data = _raw_bundle(o, payload.encode_lines([first, bad]), [o.next_id - 2, o.next_id - 1])
    proc, url = serve_subprocess(folder, "--workers", "1")
    try:
        status, body, _ = o.request(url, "/bundles", data)
        assert (status, json.loads(body)["code"]) == (422, "BUNDLE_PAYLOAD_BAD"), body
        o.seq -= 1
        o.prev = intake.store.state(o.office)["last_hash"] or mf.GENESIS_HASH
        good = o.bundle([_line(o, "subject", 902, "insert", _subject(o))])
        status, body, _ = o.request(url, "/bundles", good)
        assert status == 200, body
    finally:
        proc.terminate()
        proc.wait(30)
    assert intake.counts(o.office)["bundles"] == 1
    assert len(intake.quarantined(o.office)) == 1


class _Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_issue18_receives_that_overlap_do_not_keep_the_collector_off_for_ever(tmp_path, platform_dsn, monkeypatch):
    """``intake serve`` on one CPU receives in its own process, a thread per bundle: the collector, off while any
    receive runs, stayed off as long as receives overlapped — one office's POST waiting on its row (held by an
    operator's psql, up to the lock timeout) while other offices' bundles came and went kept it off for the whole
    server, the HTTP front included, and reference cycles piled up. While any receive runs, the collector's watch
    collects once every ``GC_PAUSE_MAX_SECONDS`` (here 0.2 s; att18c: one long receive alone kept it off too)."""
    import threading
    import time
    import weakref

    import psycopg

    monkeypatch.setattr(collector, "GC_PAUSE_MAX_SECONDS", 0.2)
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder, pool_size=4)
    keys = json.loads((folder / "platform.keys.json").read_text())
    a, b = FakeOffice(keys, seed=181), FakeOffice(keys, seed=182)
    for o in (a, b):
        intake.register_office(o.keyfile())
    waiting = a.bundle([_line(a, "subject", 1, "insert", _subject(a))])
    answers: list = []
    try:
        with psycopg.connect(platform_dsn, options=f"-c search_path={intake.schema}") as locker:
            locker.execute("SELECT 1 FROM offices WHERE office_id = %s FOR UPDATE", (a.office,))
            t = threading.Thread(target=lambda: answers.append(intake.receive(waiting)[1]))
            t.start()
            deadline = time.monotonic() + 20
            while collector._PAUSES["n"] == 0 and time.monotonic() < deadline:
                time.sleep(0.01)
            assert collector._PAUSES["n"] == 1 and not gc.isenabled()
            garbage = _Cycle()
            gone = weakref.ref(garbage)
            del garbage
            _, summary = intake.receive(b.bundle([_line(b, "subject", 1, "insert", _subject(b))]))
            assert summary["accepted"] == 1 and t.is_alive()  # office A's receive still waits on its row
            deadline = time.monotonic() + 5
            while gone() is not None and time.monotonic() < deadline:  # time.sleep: libfaketime
                time.sleep(0.02)
            assert gone() is None, "the cycle made while receives overlapped was never collected"
            assert t.is_alive()
        t.join(30)
        assert answers and answers[0]["accepted"] == 1
        assert gc.isenabled() and collector._PAUSES["n"] == 0
    finally:
        intake.close()


def _subjects(intake: Intake, office: str) -> list[tuple]:
    import psycopg
    with psycopg.connect(receiver._dsn(None), options=f"-c search_path={intake.schema}") as conn:
        return conn.execute("SELECT entity_id, subject_no, name FROM subjects WHERE office_id = %s ORDER BY entity_id",
                            (office,)).fetchall()


def test_issue18_one_subject_inserted_twice_and_a_held_one_inserted_again(platform):
    """Held (the COPY path checked): one entity id inserted twice in a bundle is one row, its last state; an insert
    (not an update) of a subject the platform already holds updates it; no UniqueViolation."""
    _, _, o, intake = platform
    one, two = _subject(o), _subject(o)
    _, summary = intake.receive(o.bundle([_line(o, "subject", 1, "insert", one),
                                          _line(o, "subject", 1, "insert", {**one, "name": "第二次"})]))
    assert summary["accepted"] == 2
    _, summary = intake.receive(o.bundle([_line(o, "subject", 1, "insert", two),
                                          _line(o, "subject", 2, "upsert", one)]))
    assert summary["accepted"] == 2
    assert _subjects(intake, o.office) == [("1", f"uscc:{two['id_number']}", two["name"]),
                                           ("2", f"uscc:{one['id_number']}", one["name"])]


def test_issue18_two_bundles_of_one_office_at_once_to_two_workers(platform):
    """Through ``intake serve --workers 2``: the office's bundles 1 and 2, both inserting subject 1 (and 2 a new
    subject 3), sent at once. Whichever worker takes the office's row first, nothing is a 500: the second waits for
    the row and finds subject 1 held (or is refused as out of order and filed when resent) — one row per subject,
    bundle 2's state."""
    import concurrent.futures

    folder, _, o, intake = platform
    first, second = _subject(o), _subject(o)
    b1 = o.bundle([_line(o, "subject", 1, "insert", first)] + [_line(o, "subject", 100 + i, "insert", _subject(o))
                                                                for i in range(3000)])
    b2 = o.bundle([_line(o, "subject", 1, "insert", second), _line(o, "subject", 3, "insert", _subject(o))])
    proc, url = serve_subprocess(folder, "--workers", "2")
    try:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda d: o.request(url, "/bundles", d)[:2], (b1, b2)))
        assert answers[0][0] == 200, answers[0]
        if answers[1][0] != 200:  # bundle 2 came first: refused as out of order, resent
            assert answers[1][0] < 500, answers[1]
            assert o.request(url, "/bundles", b2)[0] == 200
    finally:
        proc.terminate()
        proc.wait(30)
    rows = {r[0]: r for r in _subjects(intake, o.office)}
    assert len(rows) == 3002 and rows["1"] == ("1", f"uscc:{second['id_number']}", second["name"])


def test_issue18_offices_with_the_same_subject_ids_keep_their_own_rows(tmp_path, platform_dsn):
    """Two offices number their subjects 1, 2, ... alike: each office's subject 1 is its own row (the key is the
    office and the id), and both listings of one organisation are found across offices."""
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder)
    keys = json.loads((folder / "platform.keys.json").read_text())
    a, b = FakeOffice(keys, seed=183), FakeOffice(keys, seed=184)
    try:
        org = a.subject_state()
        for o in (a, b):
            intake.register_office(o.keyfile())
            intake.receive(o.bundle(o.listing_lines(4, subject=org)))
            intake.receive(o.bundle([_line(o, "subject", 1, "update", {**org, "name": o.office[:8]})]))
        assert [r[2] for r in _subjects(intake, a.office)] == [a.office[:8]]
        assert [r[2] for r in _subjects(intake, b.office)] == [b.office[:8]]
        found = intake.subject_listings("uscc", org["id_number"], actor="王工", reason="核查名单")
        assert sorted(r["office_id"] for r in found) == sorted([a.office, b.office])
        log = intake.query_log()[-1]  # the look is logged with its subject and count (migration 0007 changed nothing)
        assert (log["subject_no"], log["n_rows"], log["actor"]) == (f"uscc:{org['id_number']}", 2, "王工")
        # R7: the number typed as a clerk types it (lower case, full width, spaces; the type in capitals) finds the
        # same listings, and the look is logged under the number the platform files
        typed = " ".join(org["id_number"].lower()[:9]) + org["id_number"][9:].translate(
            {c: c + 0xFEE0 for c in range(0x21, 0x7F)})
        found = intake.subject_listings(" USCC ", typed, actor="王工", reason="核查名单")
        assert sorted(r["office_id"] for r in found) == sorted([a.office, b.office])
        assert intake.query_log()[-1]["subject_no"] == f"uscc:{org['id_number']}"
        import psycopg
        with psycopg.connect(receiver._dsn(None), options=f"-c search_path={intake.schema}") as conn:
            indexes = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'subjects' "
                                                  "AND schemaname = %s", (intake.schema,))}
        assert indexes == {"subjects_pkey"}  # 0007 applied; the view reads changes (changes_subject), not subjects
    finally:
        intake.close()


def _uscc_with_letter(o: FakeOffice) -> str:
    """A valid USCC holding letters (so that its lower case differs)."""
    from stdnum.cn import uscc
    body = o.subject_state()["id_number"][:8] + "MA1" + o.subject_state()["id_number"][11:17]
    return body + uscc.calc_check_digit(body)


@pytest.mark.parametrize("typed", [
    str.lower,
    lambda n: n.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)}),  # full width
    lambda n: n[:6] + "\u200b" + n[6:],                                   # a zero-width space inside
    lambda n: n + " ",
    lambda n: n[:9] + "\u00ad" + n[9:],                                  # a soft hyphen
], ids=["lower", "fullwidth", "zwsp", "space", "shy"])
def test_r7_an_id_number_not_in_its_normalized_form_is_refused_not_filed_out_of_sight(tmp_path, platform_dsn, typed):
    """Office B (an insider with its own key) lists an organisation office A lists, its code typed otherwise — lower
    case, full width, a zero-width or soft-hyphen character, a space. The ID checks clean the text before judging
    it, so the subject was accepted, but filed as typed: under a national key no look finds, so B's listing of the
    organisation was missing from the cross-office view (``intake listings``). An office stores the cleaned number
    (domain.subjects); the platform refuses any other (SUBJECT_ID_INVALID) and the listing resting on it."""
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder)
    keys = json.loads((folder / "platform.keys.json").read_text())
    a, b = FakeOffice(keys, seed=185), FakeOffice(keys, seed=186)
    try:
        org = {**a.subject_state(), "id_number": _uscc_with_letter(a)}
        odd = {**org, "id_number": typed(org["id_number"])}
        assert odd["id_number"] != org["id_number"]
        for o in (a, b):
            intake.register_office(o.keyfile())
        _, summary = intake.receive(a.bundle(a.listing_lines(4, subject=org)))
        assert summary["rejected"] == 0
        receipt, summary = intake.receive(b.bundle(b.listing_lines(4, subject=odd)))
        _, accepted, rejected = b.read_receipt(receipt)
        found = intake.subject_listings("uscc", org["id_number"], actor="王工", reason="核查名单")
        filed_elsewhere = [x for x in intake.stored_changes(b.office) if x["entity"] == "case" and x["op"] == "decide"]
        assert not filed_elsewhere or b.office in {r["office_id"] for r in found}, "B's listing is out of sight"
        assert [r["code"] for r in rejected][:1] == ["SUBJECT_ID_INVALID"], rejected
    finally:
        intake.close()


@pytest.mark.parametrize("id_type,number", [("ric", "11010519491231002x"), ("ric", "11010519491231002×"),
                                            ("passport", "e12345678")])
def test_r7_a_persons_id_number_not_in_its_normalized_form_is_refused(platform, id_type, number):
    """The same for a person: a resident ID with a lower-case x or ×, a passport number in lower case."""
    _, _, o, intake = platform
    person = {"kind": "natural_person", "name": "张三", "id_type": id_type, "id_number": number}
    receipt, summary = intake.receive(o.bundle([_line(o, "subject", 1, "insert", person)]))
    assert summary["rejected"] == 1
    person["id_number"] = number.upper().replace("×", "X")
    _, summary = intake.receive(o.bundle([_line(o, "subject", 1, "insert", person)]))
    assert summary["accepted"] == 1  # the control: the cleaned number is filed


def test_r7_the_uscc_fast_path_gives_the_slow_paths_verdict_and_stdnums():
    """normalize_id's fast path (text already in the plain USCC form) against the full path (clean_id, then the
    checks) and stdnum's validate of the cleaned text, for 60,000 texts: valid codes, then the same in lower case,
    with I/O/Z/S/V, 17 and 19 characters, full-width and invisible characters; the type as IdType or "uscc"."""
    import random
    import string

    from stdnum import exceptions as stdnum_exc
    from stdnum.cn import uscc

    from credit_desk.domain import ids
    from credit_desk.domain.errors import ValidationError

    def verdict(fn, text):
        try:
            return fn(text)
        except ValidationError:
            return None

    def slow(text):
        number = ids.clean_id(text)
        ids._check_uscc(number)
        return number if number else None

    def stdnum(text):
        try:
            return uscc.validate(ids.clean_id(text))
        except stdnum_exc.ValidationError:
            return None

    rng = random.Random(18)
    code_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    odd = string.digits + string.ascii_letters + "ＩＯ０１ａ \u200b\u00ad×-"
    for i in range(60000):
        if i % 2:
            body = "".join(rng.choice(string.digits) for _ in range(8)) + "".join(rng.choice(code_alphabet)
                                                                              for _ in range(9))
            text = body + uscc.calc_check_digit(body)
            k, at = rng.randrange(6), rng.randrange(18)
            text = [text, text.lower(), text[:at] + rng.choice("IOZSV") + text[at + 1:], text[:17], text + "0",
                    text[:at] + rng.choice("０Ａ\u200b") + text[at + 1:]][k]
        else:
            text = "".join(rng.choice(odd) for _ in range(rng.choice((17, 18, 19))))
        fast = verdict(lambda t: ids.normalize_id(ids.IdType.USCC, t), text)
        assert fast == verdict(lambda t: ids.normalize_id("uscc", t), text) == verdict(slow, text) == stdnum(text), \
            text


def test_r7_a_birth_date_on_the_offices_today_is_filed_when_the_platforms_clock_is_behind(tmp_path, platform_dsn):
    """The office judges a birth date in an ID number against its own date (domain.subjects); the platform, against
    its clock. At 23:30 on 1 December by the platform's clock it is already 2 December at an office a time zone ahead
    (or whose clock runs a minute fast past midnight): a person registered there born on 2 December was accepted by
    the office and refused by the platform (R7: both must agree). The platform allows the day of slack it allows a
    decision's date (``Judge.today``); a birth date after that day is still refused."""
    clock = datetime(2026, 12, 1, 23, 30)
    folder = tmp_path / "intake"
    Intake.init(folder)
    keys = json.loads((folder / "platform.keys.json").read_text())
    intake = Intake(folder, clock=lambda: clock)
    try:
        o = FakeOffice(keys, seed=187)
        intake.register_office(o.keyfile())
        for day, verdict in (("2026-12-02", 0), ("2026-12-03", 1)):
            body = "320812" + day.replace("-", "") + "123"
            person = {"kind": "natural_person", "name": "张三", "id_type": "ric",
                      "id_number": body + ric.calc_check_digit(body + "0")}
            _, summary = intake.receive(o.bundle([_line(o, "subject", 1, "insert", person)], made=clock))
            assert summary["rejected"] == verdict, day
    finally:
        intake.close()


@pytest.mark.parametrize("make,row,why", [
    (lambda ls: ls[0] + b"\n\n" + ls[1] + b"\n" + ls[2] + b"\n", 2, "JSON"),            # an empty line
    (lambda ls: ls[0] + b"\r" + ls[1] + b"\n" + ls[2] + b"\n", 1, "JSON"),              # CR is no line break
    (lambda ls: ls[0] + b"\n" + ls[1] + b"\n[1,2]\n", 3, "t"),                          # JSON, not an object
    (lambda ls: ls[0] + b"\n" + ls[1] + b"\n" + ls[2].replace(b'"name": "', b'"name": "\\u0000'), 3, "NUL"),
    (lambda ls: ls[0].replace("公司0".encode(), "公司\u20280".encode()) + b"\n" + ls[1] + b"\n" + ls[2][:-1] + b"\n", 3,
     "JSON"),
], ids=["empty", "cr", "array", "nul-last-no-lf", "u2028-then-cut"])
def test_r7_every_refused_line_is_named_by_its_own_row(platform, make, row, why):
    """The refusal names the line at fault as the office counts its lines (LF only)."""
    _, _, o, intake = platform
    lines = [_line(o, "subject", 900 + i, "insert", _subject(o, name=f"公司{i}")).encode("utf-8") for i in range(3)]
    with pytest.raises(BundleRefused) as exc:
        intake.receive(_raw_bundle(o, make(lines), list(range(o.next_id - 3, o.next_id))))
    assert exc.value.code == "BUNDLE_PAYLOAD_BAD" and f"第{row}行" in exc.value.zh and why in exc.value.en, exc.value.en


@pytest.mark.parametrize("make", [
    lambda ls: ls[0] + b"\r\n" + ls[1] + b"\r\n" + ls[2] + b"\r\n",                    # CRLF
    lambda ls: ls[0] + b"\n" + ls[1] + b"\n" + ls[2],                                  # the last line without LF
    lambda ls: ls[0] + b"\n" + ls[1].replace(b'"insert"', b'"update", "op": "insert"') + b"\n" + ls[2] + b"\n",
], ids=["crlf", "no-last-lf", "duplicate-key"])
def test_r7_lines_any_json_reader_reads_alike_are_filed(platform, make):
    """CRLF (CR is JSON whitespace), a last line without its LF, a duplicate key (the last one counts, in orjson,
    the standard library and jsonb alike) are filed, all three changes."""
    _, _, o, intake = platform
    lines = [_line(o, "subject", 900 + i, "insert", _subject(o, name=f"公司{i}")).encode("utf-8") for i in range(3)]
    _, summary = intake.receive(_raw_bundle(o, make(lines), list(range(o.next_id - 3, o.next_id))))
    assert summary["accepted"] == 3
    assert {x["op"] for x in intake.stored_changes(o.office)} == {"insert"}
