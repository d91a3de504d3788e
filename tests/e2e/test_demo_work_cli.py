"""Issue 17 item 12 from a terminal: `demo-data` fills the ledger with demo subjects and records (administrator),
then `demo-work` walks them into every case state with two business users (R9/R12 four eyes: --user drafts,
--senior decides)."""

from __future__ import annotations

from credit_desk.domain.cases import CaseState
from tests.conftest import USER_PW
from tests.e2e.case_kit import BOSS, CLERK, DEPARTMENTS, desk, ok, refused, staffed_template  # noqa: F401


def test_r12_demo_work_command_fills_every_case_state(desk, monkeypatch):
    code, _out, err = desk("demo-data", "--subjects", "200", "--records", "1500", "--seed", "5", user="admin")
    assert code == 0, err
    # R12 way 1 / 1798号 (二十三): the clerk works for the deciding department, so proposes the withdrawal itself
    ok(desk, "user", "assign", CLERK, "--department", DEPARTMENTS[0][0], user="admin")
    ok(desk, "commitment", "item-add", "CN-05", "--name", "信用修复承诺", "--type", "repair",
       "--basis", "国家发展改革委令2025年第36号")                          # the office's commitment items list
    monkeypatch.setenv("CREDIT_DESK_SENIOR_PASSWORD", USER_PW)
    out = ok(desk, "demo-work", "--senior", BOSS)
    states = {ok(desk, "case", "show", str(cid), "--purpose", "核对演示数据")["state"] for name, cid in out.items()
              if name not in ("repair", "commitment", "interview")}
    assert states == {s.value for s in CaseState}
    assert out["commitment"] and out["interview"]
    assert refused(desk, "demo-work", "--senior", CLERK)["code"] == "DEMO_SAME_USER"
