"""Issue 18 (the platform's intake at 60k changes/s, every change a new subject): what the faster receive path must
keep. Each test runs a real ``Intake.receive`` into the real PostgreSQL of the test set-up (``platform_dsn``), with
bundles made by the real bundle code (tests/platform_kit.FakeOffice).

- R7: a subject's name may hold U+2028, U+2029 or U+0085 as typed (the change log writes JSON with the characters
  as they are); the payload is split at LF only, so such a bundle is filed, not refused as bad JSON for ever.
- R7: a birth date carried by a resident ID number is judged against the platform's clock (the intake's ``clock``),
  read once per bundle, not the machine's date read per change.
- The new subjects of a bundle go straight into ``subjects``; a subject the platform already holds is updated.
- The garbage collector is off during a receive and on again after it, whether the bundle was filed or refused.
"""

from __future__ import annotations

import gc
import json
from datetime import datetime

import psycopg
import pytest
from stdnum.cn import ric

from credit_desk.intake import receiver
from credit_desk.intake.receiver import Intake
from credit_desk.sync import payload
from credit_desk.sync.refusals import BundleRefused
from tests.platform_kit import FakeOffice, registered_intake


@pytest.fixture
def platform(tmp_path, platform_dsn):
    """(folder, platform keys, a registered office, an open Intake)."""
    keys, office, intake = registered_intake(tmp_path / "intake", seed=18)
    yield tmp_path / "intake", keys, office, intake
    intake.close()


def _line(o: FakeOffice, entity: str, eid, op: str, state: dict) -> str:
    return o.line(entity, eid, op, state)


def _subject(o: FakeOffice, **over) -> dict:
    return {**o.subject_state(), **over}


def _rows(intake: Intake, sql: str, *args) -> list[tuple]:
    schema = json.loads((intake.folder / "platform.json").read_text())["database"]["schema"]
    with psycopg.connect(receiver._dsn(None)) as conn:
        conn.execute(f"SET search_path TO {schema}")
        return conn.execute(sql, args).fetchall()


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_r7_a_name_holding_a_unicode_line_break_is_filed_whole(platform, char):
    """str.splitlines split a change line at U+2028, U+2029 and U+0085, which JSON leaves unescaped: the office's
    bundle was refused (BUNDLE_PAYLOAD_BAD, "JSON") and refused again on every resend. Split at LF only, it is
    filed, the name exactly as sent."""
    _, _, o, intake = platform
    name = f"淮安市{char}清江浦建材有限公司"
    lines = [_line(o, "subject", 1, "insert", _subject(o, name=name)),
             _line(o, "subject", 2, "insert", _subject(o))]
    assert char.encode() in payload.encode_lines(lines)  # the raw character travels, unescaped
    _, summary = intake.receive(o.bundle(lines))
    assert summary["accepted"] == 2 and summary["rejected"] == 0
    assert _rows(intake, "SELECT name FROM subjects WHERE office_id = %s AND entity_id = '1'", o.office) == [(name,)]
    assert _rows(intake, "SELECT state ->> 'name' FROM changes WHERE office_id = %s AND entity_id = '1'",
                 o.office) == [(name,)]


def test_r7_a_bad_line_after_a_unicode_line_break_is_named_by_its_own_row():
    """The refusal names the line as the office counts lines (LF-separated), not as str.splitlines counted them."""
    good = payload.change_line(1, "2026-12-01T00:00:00Z", "subject", "1", "insert",
                               json.dumps({"name": "甲\u2028乙"}, ensure_ascii=False))
    plain = payload.encode_lines([good, "{not json"])
    with pytest.raises(BundleRefused) as exc:
        payload.parse_changes(plain, receiver._line_reader(plain))
    assert exc.value.code == "BUNDLE_PAYLOAD_BAD" and "2" in exc.value.zh and "第3" not in exc.value.zh
    assert payload.split_lines(plain) == [good.encode(), b"{not json"]


def _born_on(day: str) -> str:
    body = "320812" + day.replace("-", "") + "123"
    return body + ric.calc_check_digit(body + "0")


def test_r7_a_birth_date_in_an_id_is_judged_by_the_platform_clock(tmp_path, platform_dsn):
    """A resident ID born on 2021-06-01 is refused by a platform whose clock reads 2021-01-01 and filed by one whose
    clock reads 2026 (before: the machine's date decided, whatever the intake's clock said)."""
    for clock, verdict in ((datetime(2021, 1, 1, 12), 1), (datetime(2026, 12, 1, 12), 0)):
        folder = tmp_path / f"intake{clock.year}"
        Intake.init(folder)
        keys = json.loads((folder / "platform.keys.json").read_text())
        intake = Intake(folder, clock=lambda c=clock: c)
        try:
            o = FakeOffice(keys, seed=clock.year)
            intake.register_office(o.keyfile())
            person = _subject(o, kind="natural_person", name="张三", id_type="ric", id_number=_born_on("2021-06-01"))
            _, summary = intake.receive(o.bundle([_line(o, "subject", 1, "insert", person)], made=clock))
            assert summary["rejected"] == verdict, clock
        finally:
            intake.close()


def test_issue18_new_subjects_go_in_and_held_ones_are_updated(platform):
    """Subjects the platform does not hold are COPied straight into ``subjects``; one it holds (sent again with a
    corrected name) is updated in place — one row per subject, the latest state."""
    _, _, o, intake = platform
    first = _subject(o)
    intake.receive(o.bundle([_line(o, "subject", 1, "insert", first)]))
    renamed = {**first, "name": "改名后的建材有限公司"}
    _, summary = intake.receive(o.bundle([_line(o, "subject", 1, "update", renamed),
                                          _line(o, "subject", 2, "insert", _subject(o)),
                                          _line(o, "subject", 2, "update", _subject(o, name="二号公司"))]))
    assert summary["accepted"] == 3
    rows = _rows(intake, "SELECT entity_id, name FROM subjects WHERE office_id = %s ORDER BY entity_id", o.office)
    assert rows == [("1", "改名后的建材有限公司"), ("2", "二号公司")]


def test_issue18_the_collector_is_off_during_a_receive_and_on_after(platform, monkeypatch):
    """gc.disable() for the receive's many short-lived objects, and gc.enable() after it on every path: a receive
    that leaves the collector off would let reference cycles pile up in the server's workers for ever."""
    _, _, o, intake = platform
    seen = []
    real = Intake._file

    def watching(self, *args, **kw):
        seen.append(gc.isenabled())
        return real(self, *args, **kw)
    monkeypatch.setattr(Intake, "_file", watching)
    assert gc.isenabled()
    intake.receive(o.bundle([_line(o, "subject", 1, "insert", _subject(o))]))
    assert seen == [False] and gc.isenabled()
    with pytest.raises(BundleRefused):
        intake.receive(b"not a bundle")
    assert gc.isenabled()
    o.seq += 5  # a gap in the chain: refused after the payload was read
    with pytest.raises(BundleRefused):
        intake.receive(o.bundle([_line(o, "subject", 2, "insert", _subject(o))]))
    assert gc.isenabled()


def test_issue18_the_collector_stays_off_as_it_was_when_the_caller_turned_it_off(platform):
    """A receive in a process that runs with the collector off leaves it off."""
    _, _, o, intake = platform
    gc.disable()
    try:
        intake.receive(o.bundle([_line(o, "subject", 1, "insert", _subject(o))]))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_att18c_a_worker_process_has_the_collector_on_after_many_receives_filed_and_refused(platform):
    """``intake serve --workers``: bundles received in a spawned worker process, a dozen sent at once, half refused
    (not a bundle, a gap in the chain) and half filed. Afterwards the worker runs with the collector on and no pause
    counted: a refusal that left it off would let cycles pile up in that worker for the server's life."""
    import asyncio

    from credit_desk.intake.server import Receivers, _Refuse
    _, _, o, intake = platform
    bundles = []
    for i in range(6):
        bundles.append(o.bundle([_line(o, "subject", i + 1, "insert", _subject(o))]))
        bundles.append(b"not a bundle")
    o.seq += 5
    bundles.append(o.bundle([_line(o, "subject", 99, "insert", _subject(o))]))  # a gap: refused after reading
    workers = Receivers(intake, 1)

    async def send_all():
        return await asyncio.gather(*(workers.receive(b) for b in bundles), return_exceptions=True)
    try:
        answers = asyncio.run(send_all())
        refused = [a for a in answers if isinstance(a, _Refuse)]
        assert len(refused) == 7 and all(isinstance(a, bytes) for a in answers if a not in refused)
        probe = "(__import__('gc').isenabled(), __import__('credit_desk.collector').collector._PAUSES['n'])"
        assert workers.executor.submit(eval, probe).result(timeout=60) == (True, 0)
    finally:
        workers.close()
