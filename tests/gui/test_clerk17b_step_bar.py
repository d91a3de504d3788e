"""Issue 17 item 7 (stale or wrong data shown), an office head's look in Xvfb (clerk17b): the watch listing that
follows a black listing's exit (R12, put on the watch list by the exit, with no prior notice of its own) showed
「已送达预先告知」 and 「异议期」 as steps done, while the panel beside it read 预先告知：— and 异议期：—. So did a case
decided not to list straight from its draft. Steps a case never went through are drawn as skipped."""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.cases import Case, CaseState, ListType
from credit_desk.gui.views.case_panel import step_states

TODAY = dt.date(2026, 11, 20)


def _case(**kw) -> Case:
    base = {"list_type": ListType.WATCH, "state": CaseState.LISTED}
    return Case(id=14, subject_id=7, created_by="system", **{**base, **kw})


def test_r12_a_watch_listing_after_exit_shows_no_prior_notice_it_never_had(qtbot, shot):
    from credit_desk.gui.widgets.steps import StepBar
    steps = step_states(_case(origin="post_exit_watch", decided_on=TODAY, valid_from=TODAY), TODAY)
    assert [s for _l, s in steps] == ["done", "skipped", "skipped", "done", "current", "todo"], steps
    bar = StepBar()
    qtbot.addWidget(bar)
    bar.set_steps(steps)
    bar.resize(440, max(60, bar.needed_height(440)))
    bar.show()
    shot(bar, "clerk17b_steps_post_exit_watch")


def test_r5_a_case_not_listed_from_its_draft_skipped_the_notice(qtbot):
    steps = step_states(_case(state=CaseState.NOT_LISTED, list_type=ListType.BLACK), TODAY)
    assert [s for _l, s in steps] == ["done", "skipped", "skipped", "ended"], steps


def test_r5_a_served_and_listed_case_shows_every_step_done(qtbot):
    steps = step_states(_case(list_type=ListType.BLACK, served_on=TODAY - dt.timedelta(days=20),
                              window_end=TODAY - dt.timedelta(days=12), decided_on=TODAY), TODAY)
    assert [s for _l, s in steps] == ["done", "done", "done", "done", "current", "todo"], steps
