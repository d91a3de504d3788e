"""R18 (232号 (九)): an interview held against its plan (``interview add --plan``) is one act — the record, the plan
closed by it, their audit rows and changes — or nothing. Before, the record was written in one transaction and the
plan linked in a second: an unknown plan left an interview recorded beside a refusal, a plan of another subject was
closed by this subject's interview, and a plan already held was "held" again in the audit log and on the platform
while the ledger kept the first interview."""

from __future__ import annotations

from tests.e2e.case_kit import company, desk, ok, refused, staffed_template  # noqa: F401

PLAN = ("--kind", "warning", "--at", "2026-12-10T09:30", "--place", "县信用办3楼会议室", "--matter", "未按期整改",
        "--basis", "苏府办〔2020〕232号（九）", "--bring", "营业执照复印件")
HELD = ("--kind", "warning", "--people", "张三、李四", "--content", "告知整改要求", "--outcome", "承诺十日内整改",
        "--reason", "逾期未整改")


def test_r18_an_unknown_plan_records_no_interview(desk):
    sid = company(desk, 2401)
    err = refused(desk, "interview", "add", "--subject", str(sid), *HELD, "--plan", "999")
    assert err["code"] == "INTERVIEW_PLAN_NOT_FOUND"
    assert ok(desk, "interview", "list", "--subject", str(sid), "--purpose", "约谈核查") == []


def test_r18_a_plan_of_another_subject_is_not_closed_by_this_interview(desk):
    a, b = company(desk, 2402), company(desk, 2403)
    plan = ok(desk, "interview", "plan", "--subject", str(b), *PLAN)
    err = refused(desk, "interview", "add", "--subject", str(a), *HELD, "--plan", str(plan["id"]))
    assert err["code"] == "R18_PLAN_OTHER_SUBJECT" and str(plan["id"]) in err["message"]
    assert ok(desk, "interview", "list", "--subject", str(a), "--purpose", "约谈核查") == []


def test_r18_a_plan_is_held_once(desk):
    sid = company(desk, 2404)
    plan = ok(desk, "interview", "plan", "--subject", str(sid), *PLAN)
    first = ok(desk, "interview", "add", "--subject", str(sid), *HELD, "--plan", str(plan["id"]))
    err = refused(desk, "interview", "add", "--subject", str(sid), *HELD, "--plan", str(plan["id"]))
    assert err["code"] == "R18_PLAN_HELD" and str(first["id"]) in err["message"]
    held = ok(desk, "interview", "list", "--subject", str(sid), "--purpose", "约谈核查")
    assert [i["id"] for i in held] == [first["id"]]


def test_r18_a_plan_is_not_held_by_an_interview_dated_before_the_plan(desk):
    """att18g: an interview dated before its plan was made (the notice not yet written, let alone served) closed the
    plan: the ledger and the platform showed an invitation honoured before it existed."""
    sid = company(desk, 2405)
    plan = ok(desk, "interview", "plan", "--subject", str(sid), *PLAN)
    err = refused(desk, "interview", "add", "--subject", str(sid), *HELD, "--held-on", "2026-01-05",
                  "--plan", str(plan["id"]))
    assert err["code"] == "R18_PLAN_HELD_BEFORE_PLAN" and str(plan["id"]) in err["message"]
    assert ok(desk, "interview", "list", "--subject", str(sid), "--purpose", "约谈核查") == []


def test_r18_a_warning_plan_is_not_held_by_a_reminder_interview(desk):
    """att18g: the plan's notice invites to one kind of interview (提醒/警示); an interview of the other kind closed it."""
    sid = company(desk, 2406)
    plan = ok(desk, "interview", "plan", "--subject", str(sid), *PLAN)
    reminder = ("--kind", "reminder", *HELD[2:])
    err = refused(desk, "interview", "add", "--subject", str(sid), *reminder, "--plan", str(plan["id"]))
    assert err["code"] == "R18_PLAN_OTHER_KIND" and str(plan["id"]) in err["message"]
    assert ok(desk, "interview", "list", "--subject", str(sid), "--purpose", "约谈核查") == []
