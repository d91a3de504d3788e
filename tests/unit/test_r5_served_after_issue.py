"""R5 (49号 四(八); 苏信用办〔2022〕7号 三(一)), issue 13 item 3: a prior notice is served on or after the day its
number was issued; one never numbered here is numbered today, so only a hand-issued number allows an earlier day."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.procedure import check_r5_served_after_issue

TODAY = dt.date(2026, 11, 20)
DAY = dt.timedelta(days=1)


def test_r5_never_numbered_notice_served_before_today_is_refused_in_one_chinese_sentence():
    with pytest.raises(ValidationError) as e:
        check_r5_served_after_issue(dt.date(2026, 9, 21), issued_on=None, today=TODAY, by_hand=False)
    assert e.value.code == "R5_SERVED_BEFORE_ISSUE" and e.value.field == "served_on"
    assert e.value.zh.startswith("该告知书尚未在本系统编号，今天（2026-11-20）编号出具，送达日期（2026-09-21）")


@pytest.mark.parametrize("served, issued", [(TODAY, None), (TODAY - 3 * DAY, TODAY - 3 * DAY),
                                            (TODAY - DAY, TODAY - 5 * DAY)])
def test_r5_served_on_or_after_the_numbers_day_is_lawful(served, issued):
    check_r5_served_after_issue(served, issued_on=issued, today=TODAY, by_hand=False)


def test_r5_served_the_day_before_the_printed_number_is_refused():
    with pytest.raises(ValidationError) as e:
        check_r5_served_after_issue(TODAY - 6 * DAY, issued_on=TODAY - 5 * DAY, today=TODAY, by_hand=False)
    assert e.value.code == "R5_SERVED_BEFORE_ISSUE" and "2026-11-15编号出具" in e.value.zh


def test_r5_a_hand_issued_paper_notice_may_have_been_served_before_recording():
    check_r5_served_after_issue(TODAY - 60 * DAY, issued_on=None, today=TODAY, by_hand=True)
