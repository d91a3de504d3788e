"""Issue 13, the lawyer's attack on a real ledger through the CLI (session law29): unlawful paths that were still
open, each tried and refused (or now undone) at its one guard in ``domain/``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import USER_PW
from tests.e2e.case_kit import (BOSS, CLERK, REVIEWER, company, decide, desk, ok, open_case,  # noqa: F401
                                record, refused, serve, show, staffed_template)
from tests.e2e.repair_kit import apply, old_black_listing

MARKET = "县市场监督管理局"


def _verify(office, pdf: Path) -> dict:
    code, out, _ = office("--json", "notice", "verify", "--pdf", str(pdf), user=CLERK, password=USER_PW)
    return json.loads(out)


def test_r12_way1_withdraws_the_repair_notices_of_a_wrong_listing_that_left_by_repair(desk, tmp_path):
    """R12 way 1 / 1798号 (二十)(二十三): a black listing that left early after credit repair (way 2) and is then
    found wrong is withdrawn with its repair notices — before, the 受理通知书 still verified as 真实有效 with the
    listing's decision number in its key fields, and its stored content stayed in the register."""
    sid = company(desk, 2901)
    cid = old_black_listing(desk, sid)
    req = apply(desk, sid, cases=[cid], on="2026-10-20")["id"]
    ok(desk, "repair", "accept", str(req), "--accepted-on", "2026-10-20")
    ok(desk, "repair", "decide", str(req), "--outcome", "repaired", "--for-department", MARKET,
       "--decided-on", "2026-10-22", user=BOSS)
    numbers = {}
    for doc in ("repair_accepted", "repair_decision"):
        out = ok(desk, "print", doc, "--repair", str(req), "--out", str(tmp_path / f"{doc}.pdf"))
        numbers[doc] = out["documents"][0]["number"]
    assert show(desk, cid)["state"] == "exited" and show(desk, cid)["exit_way"] == "2"
    assert _verify(desk, tmp_path / "repair_accepted.pdf")["result"] == "valid"

    ok(desk, "case", "withdraw", str(cid), "--finding", "复查发现认定所依据的处罚决定系对同名另一企业作出，主体错误",
       "--on", "2026-11-02", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(cid), "--on", "2026-11-02", user=BOSS)
    for doc, number in numbers.items():
        verdict = _verify(desk, tmp_path / f"{doc}.pdf")
        assert verdict["result"] == "withdrawn", (doc, verdict)
        assert "清信决" not in json.dumps(verdict, ensure_ascii=False)  # nothing of the listing is answered
        assert refused(desk, "print", "reprint", number, "--out", str(tmp_path / "again.pdf"),
                       "--purpose", "当事人索要副本")["code"] == "R12_DOC_WITHDRAWN"
