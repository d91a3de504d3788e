"""Issue 15/23: a birth date carried by an ID number may not lie after the caller's today — every entry point
passes its clock on, none falls back to the machine's date. The numbers are born the day after the suite's
injected today (TEST_NOW): refused against that clock, while the machine's own date (later than TEST_NOW ever
after) would let them through, so a path that drops the clock fails here."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from credit_desk.domain import demo
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import IdType, birth_date, check_kind_and_id, normalize_id
from credit_desk.domain.subjects import new_subject, updated_subject
from tests.conftest import TEST_NOW

TODAY = TEST_NOW.date()
TOMORROW = TODAY + dt.timedelta(days=1)
BORN_TODAY = demo.ric(random.Random(3), "320812", TODAY, TODAY)
BORN_TOMORROW = demo.ric(random.Random(4), "320812", TOMORROW, TOMORROW)
USCC = "9132081294PBRNYTXE"


def _after_today(err) -> None:
    e = err.value
    assert e.code == "ID_INVALID"
    assert f"出生日期{TOMORROW.isoformat()}晚于今天" in e.zh and f"the birth date {TOMORROW} is after today" in e.en


def test_r7_a_birth_date_after_the_clocks_today_is_refused():
    assert normalize_id(IdType.RIC, BORN_TODAY, TODAY) == BORN_TODAY      # born today: accepted
    with pytest.raises(ValidationError) as err:
        normalize_id(IdType.RIC, BORN_TOMORROW, TODAY)
    _after_today(err)


def test_r9_birth_date_reads_against_the_given_clock():
    assert birth_date(IdType.RIC, BORN_TODAY, TODAY) == TODAY
    with pytest.raises(ValidationError) as err:
        birth_date("ric", BORN_TOMORROW, TODAY)
    _after_today(err)


def test_r7_kind_and_id_pass_the_clock_on():
    assert check_kind_and_id("natural_person", "ric", BORN_TODAY, TODAY) == BORN_TODAY
    with pytest.raises(ValidationError) as err:
        check_kind_and_id("natural_person", "ric", BORN_TOMORROW, TODAY)
    _after_today(err)


def test_r7_a_new_subject_and_its_representative_are_judged_on_the_clock():
    with pytest.raises(ValidationError) as err:
        new_subject("natural_person", "张小明", "ric", BORN_TOMORROW, today=TODAY)
    _after_today(err)
    with pytest.raises(ValidationError) as err:
        new_subject("legal_person", "淮安市某有限公司", "uscc", USCC, legal_rep_name="王建国",
                    legal_rep_id_type="ric", legal_rep_id_number=BORN_TOMORROW, today=TODAY)
    assert err.value.field == "legal_rep_id_number"
    assert f"出生日期{TOMORROW.isoformat()}晚于今天" in err.value.zh
    assert new_subject("legal_person", "淮安市某有限公司", "uscc", USCC, legal_rep_name="王建国",
                       legal_rep_id_type="ric", legal_rep_id_number=BORN_TODAY, today=TODAY).legal_rep_id_number == BORN_TODAY


def test_r7_an_updated_subject_is_judged_on_the_clock():
    old = new_subject("natural_person", "张小明", "ric", BORN_TODAY, today=TODAY)
    with pytest.raises(ValidationError) as err:
        updated_subject(old, today=TODAY, id_number=BORN_TOMORROW)
    _after_today(err)
    assert updated_subject(old, today=TODAY, name="张晓明").name == "张晓明"


def _ric(area: str, born: str, seq: str = "123") -> str:
    from stdnum.cn import ric
    body = f"{area}{born}{seq}"
    return body + ric.calc_check_digit(body + "0")


def test_r7_warnings_name_the_subjects_number_and_its_representatives():
    """issue 15: an unknown county code is accepted with a warning — the subject's own and its representative's
    are both reported, neither replaces the other."""
    from credit_desk.domain.subjects import subject_warnings
    own = _ric("320899", "19800101")          # Jiangsu, a county code not in the table
    rep = _ric("320898", "19700101")
    person = new_subject("individual_business", "张记小吃店", "ric", own, legal_rep_name="张三",
                         legal_rep_id_type="ric", legal_rep_id_number=rep, today=TODAY)
    codes = [(w[0], w[1][:11]) for w in subject_warnings(person)]
    assert [c[0] for c in codes] == ["ID_COUNTY_UNKNOWN", "ID_COUNTY_UNKNOWN"]
    got = subject_warnings(person)
    assert "地址码 320899" in got[0][1] and "地址码 320898" in got[1][1]
    plain = new_subject("natural_person", "张三", "ric", own, today=TODAY)
    assert len(subject_warnings(plain)) == 1


def test_r7_an_update_keeps_the_representatives_id_type():
    old = new_subject("legal_person", "淮安市某有限公司", "uscc", USCC, legal_rep_name="John Smith",
                      legal_rep_id_type="passport", legal_rep_id_number="E12345678", today=TODAY)
    got = updated_subject(old, today=TODAY, name="淮安市某某有限公司")
    assert (got.name, got.legal_rep_id_type, got.legal_rep_id_number) == ("淮安市某某有限公司", IdType.PASSPORT, "E12345678")
