"""Issue 17 item 12 from a terminal: `demo-data` fills the ledger with demo subjects and records (administrator),
then `demo-work` walks them into every case state with two business users (R9/R12 four eyes: --user drafts,
--senior decides)."""

from __future__ import annotations

from credit_desk.domain.cases import CaseState
from tests.conftest import USER_PW
from tests.e2e.case_kit import BOSS, CLERK, desk, ok, refused, staffed_template  # noqa: F401


def test_r12_demo_work_command_fills_every_case_state(desk, monkeypatch):
    code, _out, err = desk("demo-data", "--subjects", "200", "--records", "1500", "--seed", "5", user="admin")
    assert code == 0, err
    monkeypatch.setenv("CREDIT_DESK_SENIOR_PASSWORD", USER_PW)
    out = ok(desk, "demo-work", "--senior", BOSS)
    states = {ok(desk, "case", "show", str(cid), "--purpose", "核对演示数据")["state"] for name, cid in out.items()
              if name not in ("repair", "commitment", "interview")}
    assert states == {s.value for s in CaseState}
    assert refused(desk, "demo-work", "--senior", CLERK)["code"] == "DEMO_SAME_USER"
