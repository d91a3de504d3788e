"""R11 with R12 way 1 (att38c): whether a 大数据警示 flag stood on a watch listing withdrawn as wrongful
(``list_rules.alert_rests_on``)."""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.cases import Case, CaseState, ListType
from credit_desk.domain.list_rules import alert_rests_on

D = dt.date
WRONG = Case(3, 9, ListType.WATCH, CaseState.LISTED, "clerk1", domain="市场监管", decided_on=D(2026, 10, 20))
DOMAINS = ["市场监管", "生态环境", "税务"]


def _watch(cid: int, domain: str, decided: dt.date, exited: dt.date | None = None,
           state=CaseState.LISTED) -> Case:
    return Case(cid, 9, ListType.WATCH, state, "clerk1", domain=domain, decided_on=decided, exited_on=exited)


def test_r11_a_flag_raised_by_the_wrong_listing_rests_on_it():
    assert alert_rests_on(DOMAINS, D(2026, 10, 20), WRONG, [WRONG])


def test_r11_a_flag_another_listing_of_its_domain_held_up_that_day_does_not():
    other = _watch(4, "市场监管", D(2026, 10, 1))
    assert not alert_rests_on(DOMAINS, D(2026, 10, 20), WRONG, [WRONG, other])
    # one that had ended, was decided later, or was itself withdrawn held nothing up
    for held in (_watch(4, "市场监管", D(2026, 9, 1), exited=D(2026, 10, 20)), _watch(4, "市场监管", D(2026, 10, 21)),
                 _watch(4, "市场监管", D(2026, 10, 1), state=CaseState.WITHDRAWN_WRONGFUL)):
        assert alert_rests_on(DOMAINS, D(2026, 10, 20), WRONG, [WRONG, held]), held


def test_r11_a_flag_of_enough_other_domains_or_of_another_time_does_not():
    assert not alert_rests_on([*DOMAINS, "交通运输"], D(2026, 10, 20), WRONG, [WRONG])
    assert not alert_rests_on(["交通运输", "生态环境", "税务"], D(2026, 10, 20), WRONG, [WRONG])
    assert not alert_rests_on(DOMAINS, D(2026, 10, 19), WRONG, [WRONG])  # raised before it was listed
    ended = Case(3, 9, ListType.WATCH, CaseState.EXITED, "clerk1", domain="市场监管", decided_on=D(2026, 10, 20),
                 exited_on=D(2026, 11, 1))
    assert not alert_rests_on(DOMAINS, D(2026, 11, 1), ended, [ended])
    assert not alert_rests_on(DOMAINS, D(2026, 10, 20), Case(3, 9, ListType.BLACK, CaseState.LISTED, "c",
                                                             domain="市场监管", decided_on=D(2026, 10, 20)), [])
