"""Effects of services, second walk (issue 23, R14 and the sync outbox): the writing services that
tests/e2e/test_service_effects.py's walk left to "their own tests" — a listing withdrawn as wrongful, the USCC
exception's four eyes, the account lifecycle, the clock confirmation, the holiday schedule, the register's prefix
and voided numbers, the accepted key suites, the office settings — are called here through the CLI and judged by
the same rule: each writes its audit row, and the platform hears exactly what the table below says (an empty set:
nothing). The table is written here from DOMAIN.md (R12, R14, R19, R20) and the sync design, not read from the
product; every service function the first walk leaves to "own tests" is either in this table or in
``JUDGED_ELSEWHERE`` with the test that judges it, so a new writing service cannot be forgotten."""

from __future__ import annotations

import pytest

from tests.e2e.case_kit import (AUDITOR, BOSS, REVIEWER, decide, desk, ok, open_case, person, record,  # noqa: F401
                                refused, serve, staffed_template)
from tests.e2e.effects_kit import judge, record_effects
from tests.e2e.test_service_effects import NOT_WALKED
from tests.reliability.test_access import service_functions

XIAMEN = "91350203M0001QKT19"   # a genuine code failing its check character (tests/realinput/test_uscc_exception.py)
WHY = "厦门市市场监管局2015年核发的营业执照原件已核对，代码与国家企业信用信息公示系统一致。"


# service -> (an audit action it must write, the change-log rows "entity.op" the platform must get from it in the
# walk below; an empty set: it must write none)
MUST_WRITE = {
    # R12 way 1 / R19: the proposal and the approval reach the platform, the approval with the objection's
    # resolution and the withdrawal itself (the platform must delete what it holds of a wrongful listing)
    "withdrawals.propose_withdrawal": ("case.withdraw_propose", {"case.withdraw_proposal"}),
    "withdrawals.approve_withdrawal": ("case.exit", {"objection.resolve", "case.withdraw"}),
    # issue 15: a pending or refused request registers nobody (nothing for the platform); the approval
    # registers the subject, marked as an exception
    "id_exceptions.request_uscc_exception": ("subject.exception.request", set()),
    "id_exceptions.approve_uscc_exception": ("subject.exception.approve", {"subject.insert",
                                                                          "exception_request.insert"}),
    "id_exceptions.refuse_uscc_exception": ("subject.exception.refuse", set()),
    # issue 14 item 6: the platform hears who may decide (active, role); locks and passwords stay in the office,
    # and a role change only once a second person confirmed it
    "accounts.set_active": ("user.activate", {"user.update"}),
    "accounts.unlock": ("user.unlock", set()),
    "accounts.reset_password": ("user.reset_password", set()),
    "accounts.request_role": ("user.role_request", set()),
    "accounts.confirm_role": ("user.role_confirm", {"user.update"}),
    # R14/R12: a confirmed clock; R20: a year's holidays (the platform checks the office's deadlines with them)
    "clock.confirm_clock": ("clock.confirm", {"ledger.clock_confirm"}),
    "workdays.enter_holiday_year": ("calendar.manage", {"calendar_year.upsert"}),
    # the register the platform checks QR codes with: its prefix, a voided number; a verification is logged only
    "documents.set_prefix": ("document.prefix", {"doc_prefix.upsert"}),
    "documents.void_numbers": ("document.void", {"document.void"}),
    "document_verify.verify_pdf": ("document.verify", set()),
}
WALKED_BELOW = "walked by test_the_services_named_elsewhere_write_their_audit_rows_and_change_rows below"
# the rest of test_service_effects.NOT_WALKED's "writes; judged by its own tests", and where
JUDGED_ELSEWHERE = {
    "case_exits.daily_check": WALKED_BELOW,   # runs expire_listings (judged in the first walk) and the stops
    "deadline_calendar.recheck": "tests/e2e/test_r20_deadlines_follow_the_calendar.py::test_r20_the_warning_stays_"
                                 "until_the_stored_date_is_recomputed (its deadline.recompute row; the change row "
                                 "in test_r20_an_internal_due_moves_when_its_year_is_entered)",
    "publication.stop_ended": WALKED_BELOW,   # and tests/e2e/test_issue16_rules.py (the day it stops)
    "document_verify.verify_qr": WALKED_BELOW,
    "demo.seed": WALKED_BELOW,   # and tests/e2e/test_demo_never_sent.py
    "demo_work.seed_work": "demo data, never sent (tests/e2e/test_demo_work_cli.py)",
    # writes its document.draft audit row (was classified "read only"; att23)
    "documents.draft": "tests/e2e/test_service_effects_branches.py::test_r5_a_draft_printed_from_free_text_is_logged_"
                       "and_not_sent",
    "record_import.add_records": WALKED_BELOW,  # called by the benchmark (credit_desk/bench/io_figures.py)
    "preferences.set_notice_contact": "tests/store/test_effect_helpers.py::test_r14_an_office_setting_writes_its_"
                                      "audit_row_and_its_change_row",
    "preferences.set_intake_url": "tests/store/test_effect_helpers.py (the same table)",
    "preferences.set_print_font": "tests/store/test_effect_helpers.py (the same table)",
    "preferences.set_idle_lock_minutes": "tests/store/test_effect_helpers.py (the same table)",
    **{n: "walked against the reference intake by tests/e2e/test_service_effects_sync.py" for n in (
        "keys.import_platform", "keys.rotate", "keys.set_accepted_suites", "keys.write_public", "sync.prepare",
        "sync.export_to_folder", "sync.send", "sync.verify_file", "sync_inbound.import_bytes", "sync.requeue",
        "downstream.apply", "matching.record_match_decision")},
    # the downstream fetch, the inbound check, a held platform calendar accepted, the three ways a restored
    # ledger learns its lost tail (issue 23, sixth pass)
    **{n: "walked against the reference intake by tests/e2e/test_service_effects_sync.py::test_the_restore_and_"
          "downstream_services_write_their_audit_rows_and_change_rows" for n in (
        "sync.fetch_downstream", "sync_inbound.check_inbound", "workdays.accept_platform_year",
        "resync.confirm_last", "resync.resync", "resync.resync_from_receipts")},
    "backup.run_backup": WALKED_BELOW,        # the backup itself: tests/reliability/test_backup.py
    "backup.automatic_backup": WALKED_BELOW,
}


def test_every_service_left_to_its_own_tests_is_walked_here_or_named():
    from tests.e2e.test_service_effects_sync import MUST_WRITE as SYNC_WALKED, RESTORE_MUST_WRITE
    left = {n for n, why in NOT_WALKED.items() if why.startswith("writes")}
    assert not set(SYNC_WALKED) & set(RESTORE_MUST_WRITE)
    assert {n for n, why in JUDGED_ELSEWHERE.items() if "test_service_effects_sync" in why} == (
        set(SYNC_WALKED) | set(RESTORE_MUST_WRITE))
    assert not set(MUST_WRITE) & set(JUDGED_ELSEWHERE)
    assert {n for n, why in JUDGED_ELSEWHERE.items() if why == WALKED_BELOW} == set(NAMED_MUST_WRITE)
    assert left == set(MUST_WRITE) | set(JUDGED_ELSEWHERE), (
        "classify: " + str(sorted(left - set(MUST_WRITE) - set(JUDGED_ELSEWHERE))),
        "gone: " + str(sorted((set(MUST_WRITE) | set(JUDGED_ELSEWHERE)) - left)))


@pytest.mark.story
def test_every_writing_service_left_to_its_own_tests_writes_its_audit_row_and_its_change_row(desk, monkeypatch,
                                                                                            tmp_path):
    seen = record_effects(monkeypatch, service_functions(), "credit_desk.services", keep_failed=False)
    (tmp_path / "pw.txt").write_text("user-pass-99")
    (tmp_path / "pw2.txt").write_text("temp-pass-77x")
    # R12 way 1 / R19: a black listing withdrawn as wrongful (proposed by one, approved by another)
    pid = person(desk, 31)
    wrong = open_case(desk, pid, "black", records=[record(desk, pid, number="清市监罚〔2026〕41号")["id"]])
    serve(desk, wrong)
    decide(desk, wrong, "--measure", "M-01", "--post-exit-watch-months", "12")
    obj = ok(desk, "case", "object", str(wrong), "--received-on", "2026-10-20", "--grounds", "处罚决定已被复议撤销")
    ok(desk, "case", "withdraw", str(wrong), "--objection", str(obj["id"]), "--on", "2026-10-28", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(wrong), "--on", "2026-10-28", user=BOSS)
    # issue 15: a USCC failing its check character, registered by exception (four eyes), and one refused
    req = ok(desk, "subject", "exception-request", "--kind", "legal_person", "--name", "厦门某某贸易有限公司",
             "--id-number", XIAMEN, "--justification", WHY)
    ok(desk, "subject", "exception-approve", str(req["id"]), user=REVIEWER)
    req2 = ok(desk, "subject", "exception-request", "--kind", "legal_person", "--name", "厦门另一贸易有限公司",
              "--id-number", "91350203M0001QKT18", "--justification", WHY)
    ok(desk, "subject", "exception-refuse", str(req2["id"]), "--reason", "营业执照原件未能提供", user=REVIEWER)
    # issue 14 item 6: the account lifecycle
    ok(desk, "user", "add", "clerk9", "--role", "clerk", "--password-file", str(tmp_path / "pw.txt"), user="admin")
    ok(desk, "user", "deactivate", "clerk9", "--reason", "调离", user="admin")
    ok(desk, "user", "activate", "clerk9", user="admin")
    ok(desk, "user", "unlock", "clerk9", user="admin")
    ok(desk, "user", "reset", "clerk9", "--password-file", str(tmp_path / "pw2.txt"), user="admin")
    ok(desk, "user", "role", "clerk9", "reviewer", "--reason", "岗位调整", user="admin")
    ok(desk, "user", "confirm-role", "clerk9", user=AUDITOR)
    # R14/R12 the clock, R20 a year's holidays, the register, the key suites
    ok(desk, "clock", "confirm", "--reason", "春节后首次使用", user="admin")
    ok(desk, "workdays", "holidays", "--year", "2029", "--rest", "2029-01-01..2029-01-01", "--source",
       "国办发明电〔2028〕7号", user="admin")
    ok(desk, "print", "prefix", "listing_decision", "清信决", user="admin")
    printed = ok(desk, "print", "credit_query", "--subject", str(pid), "--purpose", "核查信用状况", "--out",
                 str(tmp_path / "q.pdf"))["documents"][0]["number"]
    ok(desk, "notice", "verify", "--pdf", str(tmp_path / "q.pdf"))
    ok(desk, "print", "void", printed, "--reason", "打印错误，重新出具", user=BOSS)
    problems = []
    problems += judge(seen, MUST_WRITE)
    for name, calls in seen.items():
        for c in calls:
            if c["changes"] and not c["audit"]:
                problems.append(f"{name}: change rows {c['changes']} without any audit row")
    assert not problems, "\n".join(problems)


# --- issue 23, sixth pass: the writing services left to "their own tests" whose own tests asserted their audit
# row, or their change row, or neither — walked here. Written from DOMAIN.md: a backup is the administrator's act
# (R14: logged) and no news for the platform; records entered as a batch are records (R1, the platform hears each);
# R13 publication stops by itself the day after the longest period, and the platform hears the stop; a QR code
# checked is a logged look (R14), nothing to send; the daily check is what it runs; demo data is never sent.
NAMED_MUST_WRITE = {
    "backup.run_backup": ("ledger.backup", set()),
    "backup.automatic_backup": ("ledger.backup", set()),
    "record_import.add_records": ("record.add", {"record.insert"}),
    "publication.stop_ended": ("record.publication_stop", {"record.publication_stop"}),
    "case_exits.daily_check": ("record.publication_stop", {"record.publication_stop"}),
    "document_verify.verify_qr": ("document.verify", set()),
    "demo.seed": ("demo.seed", set()),    # invented people never reach the platform: no change row at all
}


def test_the_services_named_elsewhere_write_their_audit_rows_and_change_rows(desk, data_dir, monkeypatch,
                                                                            tmp_path):
    import datetime as dt

    from credit_desk.domain.rulesets import add_months
    from credit_desk.services import auth, backup, ledgers, record_import
    from tests.conftest import CLERK_NAME, TEST_NOW, USER_PW
    seen = record_effects(monkeypatch, service_functions(), "credit_desk.services", keep_failed=False)
    today = TEST_NOW.date()
    ok(desk, "demo-data", "--subjects", "4", "--records", "3", user="admin")
    sid = person(desk, 161)
    ended = add_months(today, -12) - dt.timedelta(days=1)        # a 一般 record's one year ended yesterday (R13)
    ok(desk, "record", "add", "--subject", str(sid), "--catalogue-code", "S-03-02", "--tier", "general",
       "--facts", "未按规定履行义务", "--doc-type", "admin_penalty", "--doc-number", "清市监罚〔2025〕161号",
       "--doc-authority", "县市场监督管理局", "--doc-issued", ended.isoformat(), "--doc-effective",
       ended.isoformat(), "--department", "县市场监督管理局", "--act-date", (ended - dt.timedelta(days=20)).isoformat())
    ok(desk, "subject", "show", str(sid), "--purpose", "核查信用状况")   # the next command's daily check stops it
    d = ledgers.unlock(data_dir)
    try:
        clerk = auth.login(d, CLERK_NAME, USER_PW)
        rows = [dict(subject_id=sid, catalogue_code="S-03-02", tier="general", facts=f"第{n}条", doc_type="admin_penalty",
                     doc_number=f"清市监罚〔2026〕{170 + n}号", doc_authority="县市场监督管理局",
                     doc_issued=dt.date(2026, 9, 1), doc_effective=dt.date(2026, 9, 16), department="县市场监督管理局",
                     act_date=dt.date(2026, 8, 1)) for n in (1, 2)]
        assert len(record_import.add_records(clerk, rows)) == 2
        assert backup.automatic_backup(clerk) is not None          # no backup yet: one is due at start
    finally:
        d.close()
    ok(desk, "backup", "--to", str(tmp_path / "bk"), user="admin")
    desk("--json", "notice", "verify", "--qr", "CDN1|x|2026-01-01|y|z|00000000|AAAA",
                           user=CLERK_NAME, password=USER_PW)               # an unknown code: refused, and logged
    problems = []
    problems += judge(seen, NAMED_MUST_WRITE)
    assert not problems, "\n".join(problems)


# --- the writers that take no session (issue 23, sixth pass): the enumeration above starts from functions whose
# first parameter is ``session``, so these were in no table. R14: a log-in, a password change, a restore and the
# ledger's creation are logged; the platform hears of the office's creation (its name and region) and of nothing
# else here (passwords never leave the office).
DESK_MUST_WRITE = {
    "auth.login": ("login", set()),
    "auth.change_password": ("user.change_password", set()),
    "backup.confirm_restore": ("ledger.restore", set()),
    "ledgers.init_office": ("ledger.init", {"office.upsert"}),
}
DESK_NOT_WRITERS = {"base.reading_on": "a context manager choosing the read connection; writes nothing"}


def _writers_without_a_session() -> dict[str, object]:
    """Public functions of credit_desk/services/** whose first parameter is not ``session`` and whose body opens a
    transaction or writes an audit or change row (read from the source, so a new one cannot be missed)."""
    import ast
    import importlib
    import pathlib

    import credit_desk.services as pkg
    root = pathlib.Path(pkg.__file__).parent
    found = {}
    for path in sorted(root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        for node in ast.parse(source).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            params = [a.arg for a in node.args.args]
            body = ast.get_source_segment(source, node)
            if (not params or params[0] != "session") and any(w in body for w in (".audit(", ".change(", ".tx()")):
                found[f"{module}.{node.name}"] = getattr(importlib.import_module(f"credit_desk.services.{module}"),
                                                         node.name)
    return found


def test_r14_every_writer_without_a_session_is_classified():
    found = _writers_without_a_session()
    assert not set(DESK_MUST_WRITE) & set(DESK_NOT_WRITERS)
    assert set(found) == set(DESK_MUST_WRITE) | set(DESK_NOT_WRITERS), sorted(
        set(found) ^ (set(DESK_MUST_WRITE) | set(DESK_NOT_WRITERS)))


def test_r14_the_writers_without_a_session_write_their_audit_rows_and_change_rows(desk, data_dir, monkeypatch,
                                                                                 tmp_path):
    from credit_desk.services import auth, ledgers
    from tests.conftest import ADMIN_PW, PASSPHRASE, USER_PW
    found = _writers_without_a_session()
    seen = record_effects(monkeypatch, {n: found[n] for n in DESK_MUST_WRITE}, "credit_desk.services",
                          keep_failed=False)
    made, _ = ledgers.init_office(tmp_path / "new", office="淮阴区信用办", region="320804", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    made.close()
    d = ledgers.unlock(data_dir)
    try:
        auth.change_password(d, "clerk1", USER_PW, "another-pass-4711")
        auth.change_password(d, "clerk1", "another-pass-4711", USER_PW)
    finally:
        d.close()
    bk = ok(desk, "backup", "--to", str(tmp_path / "bk"), user="admin")["file"]          # auth.login
    code, out, err = desk("--json", "restore", bk, "--to", str(tmp_path / "restored"), user="admin")
    assert code == 0, out + err                                                            # confirm_restore
    problems = []
    problems += judge(seen, DESK_MUST_WRITE)
    assert not problems, "\n".join(problems)
