"""Issue 20: the platform's verdict on a subject's ID is cached per distinct code (the intake's hot spot), and the
cache never lends one subject's verdict to another: the kind, the ID type, an approved exception and the date
are part of what is cached (R7: the ID type fits the subject kind and the number is valid)."""

from __future__ import annotations

import datetime as dt
import random

from credit_desk.domain import demo
from credit_desk.intake import checks
from credit_desk.intake.checks import Judge

USCC = demo.uscc(random.Random(5), "320812")


def _subject(i: int, **state) -> dict:
    return {"id": i, "entity": "subject", "op": "insert", "entity_id": str(i),
            "state": {"kind": "legal_person", "name": "某某有限公司", "id_type": "uscc", "id_number": USCC, **state}}


def test_r7_a_cached_verdict_follows_the_kind_and_the_id_type():
    checks._id_problem.cache_clear()
    judge = Judge({}, {})
    assert judge.check(_subject(1)) is None
    assert judge.check(_subject(2)) is None  # the same code again: from the cache
    assert checks._id_problem.cache_info().hits >= 1
    # the same number for a natural person: a USCC does not identify one (R7), cached verdict or not
    assert judge.check(_subject(3, kind="natural_person"))[0] == "SUBJECT_ID_INVALID"
    assert judge.check(_subject(4, id_type="ric"))[0] == "SUBJECT_ID_INVALID"
    bad = USCC[:-1] + ("0" if USCC[-1] != "0" else "1")
    assert judge.check(_subject(5, id_number=bad))[0] == "SUBJECT_ID_INVALID"
    assert judge.check(_subject(6, id_number=bad))[0] == "SUBJECT_ID_INVALID"  # a refusal is cached as one


def test_r7_a_cached_verdict_follows_the_date(monkeypatch):
    """A resident ID carrying tomorrow's birth date is refused today and accepted tomorrow: the date is in the key."""
    checks._id_problem.cache_clear()
    # the check reads the machine's date: both days are set here (issue 23, att23 — with date.today() read by the
    # test and again by the check, a run crossing midnight between the two accepted "tomorrow's" birth date)
    day = {"today": dt.date(2026, 12, 31)}
    born = dt.date(2027, 1, 1)
    body = "320812" + born.strftime("%Y%m%d") + "123"
    from stdnum.cn import ric
    number = body + ric.calc_check_digit(body + "0")  # (stdnum takes the number with a check digit place)
    change = _subject(1, kind="natural_person", name="张三", id_type="ric", id_number=number)

    class Pinned(dt.date):
        @classmethod
        def today(cls):
            return day["today"]
    monkeypatch.setattr(checks.dt, "date", Pinned)
    assert Judge({}, {}).check(change)[0] == "SUBJECT_ID_INVALID"
    day["today"] = born
    assert Judge({}, {}).check(change) is None


def test_r7_an_overlong_id_is_judged_without_filling_the_cache():
    checks._id_problem.cache_clear()
    assert Judge({}, {}).check(_subject(1, id_number="9" * 500))[0] == "SUBJECT_ID_INVALID"
    assert checks._id_problem.cache_info().currsize == 0
