"""Issue 15 with R14 four eyes: a USCC exception request is decided once (issue 23, sixth pass: "every illegal
transition of every state machine" — the request's refusal of a second decision, EXCEPTION_NOT_PENDING, was tried
by no test). Every step from every state, through the CLI on a real ledger, against the table written here; a
refused step writes nothing."""

from __future__ import annotations

import pytest

from tests.e2e.case_kit import REVIEWER, desk, ok, refused, staffed_template  # noqa: F401
from tests.e2e.test_service_effects_rest import WHY

# (state the request is in, the step) -> the refusal, or None: allowed. A request is pending until a second, senior
# person approves it (the subject is registered) or refuses it; either decision is final.
STEPS = {("pending", "approve"): None, ("pending", "refuse"): None,
         ("approved", "approve"): "EXCEPTION_NOT_PENDING", ("approved", "refuse"): "EXCEPTION_NOT_PENDING",
         ("refused", "approve"): "EXCEPTION_NOT_PENDING", ("refused", "refuse"): "EXCEPTION_NOT_PENDING"}
NUMBERS = {"pending": "91350203M0001QKT19", "approved": "91350203M0001QKT18", "refused": "91350203M0001QKT17"}


def _step(step: str, rid: int) -> list[str]:
    return (["subject", "exception-approve", str(rid)] if step == "approve" else
            ["subject", "exception-refuse", str(rid), "--reason", "营业执照原件未能提供"])


def _request(desk, state: str) -> int:
    rid = ok(desk, "subject", "exception-request", "--kind", "legal_person", "--name", f"厦门{state}贸易有限公司",
             "--id-number", NUMBERS[state], "--justification", WHY)["id"]
    if state != "pending":
        ok(desk, *_step(state[:-1] if state == "approved" else "refuse", rid), user=REVIEWER)
    return rid


def _decisions(desk) -> list[tuple[str, str]]:
    """The exception decisions in the audit log (action, request id)."""
    return [(r["action"], r["object_id"]) for r in ok(desk, "audit", "log", "--limit", "100000", user="audit1")
            if r["action"] in ("subject.exception.approve", "subject.exception.refuse")]


@pytest.mark.parametrize("state,step", list(STEPS), ids=str)
def test_r14_every_step_of_a_uscc_exception_request(desk, state, step):
    rid = _request(desk, state)
    code = STEPS[(state, step)]
    if code is None:
        ok(desk, *_step(step, rid), user=REVIEWER)
        return
    before = _decisions(desk)
    assert before == [(f"subject.exception.{state[:-1] if state == 'approved' else 'refuse'}", str(rid))]
    err = refused(desk, *_step(step, rid), user=REVIEWER)
    assert (err["code"], err["field"]) == (code, "request_id"), err
    assert err["message"] == f"没有待审批的例外登记申请（编号 {rid}）。"
    assert _decisions(desk) == before              # the first decision stands alone
