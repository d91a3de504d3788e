"""Benchmark (issue 19 item 2; R22): a credit check of a 1,000-row department list (.xlsx) against a ledger of N
subjects — read the sheet, check every row, match set-based against subjects, effective records, listings in
force and the joint lists, keep the check and log every subject read (R14) — against the floor of the bare SQL
join of the same numbers to the subjects, in the same run.

Default N = 10,000; the issue's figure: CREDIT_DESK_PERF_SUBJECTS=100000 pytest -m perf tests/perf/test_check_perf.py -s
Goal (issue 19): under 10 s at 100k subjects.
"""

from __future__ import annotations

import os
import random
import time

import pytest
from openpyxl import Workbook

from credit_desk.bench.seeding import seed_cases
from credit_desk.domain import checks as d
from credit_desk.domain import demo as demo_ids
from credit_desk.services import auth, demo, ledgers
from credit_desk.services.checks import lists, reports
from credit_desk.store import checks as repo
from credit_desk.store import sync_state
from tests.conftest import ADMIN_PW, USER_PW

N = int(os.environ.get("CREDIT_DESK_PERF_SUBJECTS", "10000"))
ROWS = 1000
GOAL_S = 10.0


def _ledger(office, secret_files, data_dir):
    code, _, err = office("user", "add", "clerk1", "--role", "clerk", "--password-file", str(secret_files["user"]))
    assert code == 0, err
    desk = ledgers.unlock(data_dir)
    admin = auth.login(desk, "admin", ADMIN_PW)
    demo.seed(admin, subjects_n=N, records_n=N // 2, seed_value=19)
    seed_cases(admin, max(20, N // 50), N, N // 2)
    return desk


def _list(desk, path) -> list[tuple[str, str]]:
    """Half the rows from the ledger, half valid codes it has never seen; a joint list over some of both."""
    rng = random.Random(7)
    known = [(r["name"], r["id_number"]) for r in desk.ledger.query(
        "SELECT name, id_number FROM subjects ORDER BY random() LIMIT ?", (ROWS // 2,))]
    unknown, seen = [], {n for _, n in known}
    while len(unknown) < ROWS - len(known):
        code = demo_ids.uscc(rng, "320812")
        if code not in seen:
            seen.add(code)
            unknown.append((f"淮安外地投标{len(unknown)}有限公司", code))
    rows = known + unknown
    rng.shuffle(rows)
    wb = Workbook()
    wb.active.append(["序号", "投标人名称", "统一社会信用代码"])
    for i, (name, number) in enumerate(rows, start=1):
        wb.active.append([i, name, number])
    wb.save(path)
    entries = [{"entry_id": f"JP-{i}", "list_id": "L1", "list_title": "失信被执行人名单", "list_type": "court",
                "name": name, "id_type": "uscc", "id_number": number} for i, (name, number) in enumerate(rows[::20])]
    with desk.ledger.tx() as tx:
        sync_state.replace_joint_entries(tx, entries, 1)
    return rows


@pytest.mark.perf
def test_a_1000_row_check_against_the_bare_join(office, secret_files, data_dir, tmp_path):
    desk = _ledger(office, secret_files, data_dir)
    try:
        rows = _list(desk, tmp_path / "list.xlsx")
        clerk = auth.login(desk, "clerk1", USER_PW)
        start = time.perf_counter()
        out = lists.check_sheet(clerk, tmp_path / "list.xlsx", "县公共资源交易中心", "政府采购项目投标人信用审查")
        full = time.perf_counter() - start
        parsed = [d.ListRow(i, n, num, d.IdType.USCC if len(num) == 18 else d.IdType.RIC, d.search_key(n))
                  for i, (n, num) in enumerate(rows, start=2)]
        start = time.perf_counter()
        matched = repo.bare_join_count(desk.ledger.conn, parsed)
        floor = time.perf_counter() - start
        start = time.perf_counter()   # the set-based match alone (4 queries), without the sheet and the log
        lists.match(desk.ledger.conn, parsed, desk.today().isoformat())
        match_s = time.perf_counter() - start
        start = time.perf_counter()
        report = reports.print_check_report(clerk, out["id"], tmp_path / "report.pdf")
        printed = time.perf_counter() - start
    finally:
        desk.close()
    assert out["row_count"] == ROWS and matched == ROWS // 2
    assert out["counts"]["not_found"] + out["counts"]["joint"] >= ROWS // 2 - ROWS // 20
    print(f"\ncredit check of {ROWS} rows against {N} subjects: {full:.2f} s (sheet read, checked, matched, kept, "
          f"{matched} subjects logged); bare SQL join of the same numbers {floor * 1000:.1f} ms "
          f"(the check takes {full / floor:.0f}× the bare join; its matching alone {match_s * 1000:.1f} ms, "
          f"{match_s / floor:.1f}× the join); report {report['number']} printed in {printed:.2f} s")
    assert full < GOAL_S
