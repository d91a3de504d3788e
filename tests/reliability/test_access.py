"""Access (R14, issue 10): a table of every public service function that takes a session — the action it
checks, or why it checks none — called for every role on a seeded ledger. A role outside PERMISSIONS[action]
gets PermissionDenied with a Chinese sentence naming the action, and the audit log records the refusal
(outcome 'refused'); an allowed role is never refused. A new service function missing from the table fails
the test, so the table cannot fall behind."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

import pytest

import credit_desk.services as services_pkg
from credit_desk.domain.errors import PermissionDenied
from credit_desk.domain.roles import ACTION_ZH, PERMISSIONS, Role
from credit_desk.services import auth, ledgers
from credit_desk.services.cases import Decision
from credit_desk.store.views import PageSpec
from tests.conftest import ADMIN_PW, USER_PW

# function -> the action its role check names, or ("internal"/"open", why it has none of its own)
CHECKS: dict[str, str | tuple[str, str]] = {
    "accounts.add_user": "user.manage", "accounts.list_users": "user.manage",
    "accounts.set_active": "user.manage", "accounts.unlock": "user.manage", "accounts.reset_password": "user.manage",
    "accounts.request_role": "user.manage", "accounts.confirm_role": "user.confirm",
    "accounts.pending_role_changes": "user.confirm",
    "audit.read_log": "audit.read", "backup.run_backup": "ledger.backup",
    "backup.automatic_backup": ("open", "the scheduled backup at start for whoever signs in (the system's act); "
                                        "logged as ledger.backup, automatic"),
    "browse.audit_page": "audit.read", "browse.dashboard_counts": "dashboard.view", "browse.log_audit_read": "audit.read",
    "browse.log_search": "subject.search", "browse.monthly_trend": "dashboard.view",
    "browse.records_count": "record.browse", "browse.records_page": "record.browse",
    "browse.subjects_count": "subject.search", "browse.subjects_page": "subject.search",
    "browse.verify_chain": "audit.verify",
    "browse.staff_name": ("open", "a colleague's name for 起草人/打印人 (the office's own staff, not a party's data); "
                                  "any signed-in user sees who did what in the office"),
    "browse.active_catalogue": "record.browse", "browse.active_measures": "case.list",
    "browse.case_objections": "case.list", "browse.cases_page": "case.list", "browse.cleanup_rows": "ledger.view",
    "browse.commitment_items": "commitment.view", "browse.commitments_page": "commitment.view",
    "browse.documents_page": "document.list", "browse.intake_url": "bundle.view",
    "browse.interviews_page": "commitment.view", "browse.leniency_preview": "record.add",
    "browse.objections_page": "case.list", "browse.pending_records": "record.browse",
    "browse.subject_brief": "subject.search", "browse.repair_subjects": "repair.list",
    "case_core.exit_in_tx": ("internal", "inside a transaction opened by case_exits.exit_case (case.exit)"),
    "case_core.check_exit": ("internal", "the checks of exit_in_tx, run first by case_exits.exit_case (case.exit) and "
                                         "by case_exits.expire_listings (case.expire) on each listing; writes nothing"),
    "deadline_calendar.note": ("internal", "R20: the calendar mark of a deadline, inside the transaction of the "
                                           "service storing it, after that service's own check"),
    "deadline_calendar.recheck_in_tx": ("internal", "R20: inside workdays.enter_holiday_year / accept_platform_year "
                                                    "(calendar.manage) and downstream.apply"),
    "deadline_calendar.deadline_warnings": ("open", "R20: the calendar warnings of dates the caller's screen already "
                                                    "shows (no party data, nothing written)"),
    "deadline_calendar.recheck": ("open", "R20: run by the start-up check for whoever signs in (the calendar, not the "
                                          "user, changed); logged as deadline.recompute"),
    "cases.renotice_in_tx": ("internal", "inside cases.update_case (case.update) or objections.resolve_objection "
                             "(objection.resolve)"),
    "cases.with_corrected_facts": ("internal", "computes the corrected case for objections.resolve_objection "
                                   "(objection.resolve); writes nothing"),
    "case_core.open_in_tx": ("internal", "inside cases.open_case (case.open)"),
    "case_core.refresh_alert": ("internal", "inside case steps that already checked their action"),
    "case_core.share_due": ("internal", "pure date arithmetic for cases.decide_case (case.decide)"),
    "case_core.step": ("internal", "the state-machine step of every case service, after its own check"),
    "case_exits.daily_check": ("open", "runs on start for anyone; it only proceeds when the role carries "
                                       "case.expire and then calls expire_listings, which checks it again"),
    "case_exits.exit_case": "case.exit", "case_exits.expire_listings": "case.expire",
    # issue 17 item 12: the demo ledger's work; each business step inside checks its own action again
    "demo_work.seed_work": "case.open",
    "case_view.detail_dict": ("internal", "formats a case already fetched by cases.case_detail (case.view)"),
    "cases.alerts": "case.list", "cases.case_detail": "case.view", "cases.decide_case": "case.decide",
    "cases.get_case": "case.view", "cases.list_cases": "case.list", "cases.open_case": "case.open",
    "cases.serve_notice": "case.notice", "cases.update_case": "case.update",
    "cases.step_dates": "case.list", "cases.window_preview": "case.list", "clock.confirm_clock": "settings.manage",
    "doc_numbers.supersede_in_tx": ("internal", "numbering inside the caller's checked transaction"),
    "cleanup.check_ledger": "ledger.view", "cleanup.export_contacts": "ledger.view",
    "cleanup.list_contacts": "ledger.view",
    "cleanup.export_ledger": "ledger.view", "cleanup.import_contacts": "ledger.manage",
    "cleanup.import_ledger": "ledger.manage", "cleanup.set_status": "ledger.manage",
    "commitments.add_item": "commitment.manage", "commitments.check_fulfilment": "commitment.manage",
    "commitments.record_commitment": "commitment.manage", "commitments.record_interview": "interview.manage",
    "commitments.subject_commitments": "commitment.view", "commitments.subject_interviews": "commitment.view",
    "demo.seed": "demo.seed",
    "doc_numbers.record_external_in_tx": ("internal", "numbering inside the caller's checked transaction"),
    "doc_numbers.reserve_in_tx": ("internal", "numbering inside the caller's checked transaction"),
    "doc_numbers.take_in_tx": ("internal", "numbering inside the caller's checked transaction"),
    "document_sources.commitment_form": "document.print",
    "document_sources.credit_query": "subject.view",
    "document_sources.from_case": ("internal", "via cases.case_detail (case.view); printed by documents.issue"),
    "document_sources.item_for": ("internal", "dispatches to the providers above; documents.issue checks "
                                              "document.print"),
    "document_verify.verify_pdf": "document.verify", "document_verify.verify_qr": "document.verify",
    "documents.check_out": ("internal", "the output-path guard (issue 14 item 4) called by the CLI before "
                                        "documents.issue (document.print); it reads and writes nothing"),
    "documents.issue": "document.print", "documents.draft": "document.print",
    "documents.stored_pdf": "document.print", "documents.save_pdf": "document.print",
    "cases.decision_validity": "case.decide", "cases.check_may_decide": "case.decide",
    "cases.decision_limits": "case.decide", "cases.watch_months_limit": "case.list",
    "withdrawals.check_may_approve": "case.exit", "withdrawals.check_may_propose": "case.withdraw",
    "document_sources.sample_basis": "document.print",
    "preferences.notice_contact": ("open", "the office contact line printed on notices; no personal data"),
    "preferences.set_notice_contact": "settings.manage",
    "preferences.set_intake_url": "settings.manage", "preferences.set_print_font": "settings.manage",
    "preferences.print_fonts": ("open", "the font files set for printing, by role; no personal data"),
    "keys.read_platform_file": "keys.manage", "keys.write_public": "keys.view",
    "resync.resync": "bundle.export", "resync.resync_from_receipts": "bundle.import", "resync.confirm_last": "document.print",
    "documents.list_documents": "document.list",
    "documents.reprint": "document.reprint", "documents.set_prefix": "document.prefix",
    "documents.void_numbers": "document.void",
    "downstream.apply": ("internal", "called by sync_inbound.import_bytes (bundle.import)"),
    "due.due_items": "due.view",
    "interviews.get_plan": "commitment.view",
    "interviews.plan_interview": "interview.manage",
    "keys.enc_key": ("internal", "the office decryption key for sync_inbound after bundle.import/bundle.view"),
    "keys.export_public": "keys.view", "keys.import_platform": "keys.manage", "keys.rotate": "keys.manage",
    "keys.show": "keys.view", "keys.show_accepted": "keys.view", "keys.set_accepted_suites": "keys.manage",
    "matching.match_prompts": "joint.view", "matching.record_match_decision": "joint.decide",
    "objections.add_objection": "objection.add", "objections.get_objection": "case.list",
    "objections.resolve_objection": "objection.resolve",
    "preferences.idle_lock_minutes": ("open", "reads the idle-lock setting every session needs"),
    "preferences.recent_purposes": ("open", "the signed-in user's own typed purposes, from their own audit rows"),
    "preferences.set_idle_lock_minutes": "settings.manage",
    "record_import.add_records": "record.add",
    "records.add_record": "record.add", "records.approve_record": "record.approve",
    "records.change_record": "record.change", "records.record_history": "record.view",
    "records.prepare_record": ("internal", "the checked, unsaved record for add_record / record_import.add_records "
                                           "(record.add); it writes nothing"),
    "records.save_new_record": ("internal", "inside the caller's transaction, after record.add"),
    "records.revoke_in_tx": ("internal", "inside records.revoke_record / objections (checked there)"),
    "records.revoke_record": "record.revoke", "records.show_record": "record.view",
    "repair_documents.apology_item": "document.print",
    "repair_documents.companions": "document.print",
    "repair_documents.interview_item": "document.print",
    "repair_documents.repair_item": "document.print",
    "repair_effects.apply_outcome": ("internal", "inside repairs.decide_repair's transaction (repair.decide)"),
    "repair_effects.mark_non_repairable": ("internal", "the body of repairs.mark_non_repairable "
                                                       "(record.non_repairable)"),
    "repair_effects.revert_after_breach": ("internal", "inside commitments.check_fulfilment's transaction"),
    "repair_effects.stop_decision": ("internal", "R13/R21 停止公示 of a 双公示 penalty, inside apply_outcome within "
                                                 "repairs.decide_repair's transaction (repair.decide)"),
    "repairs.repair_decisions": "repair.apply",
    "repairs.mark_decision_non_repairable": "record.non_repairable",
    "repair_effects.mark_decision_non_repairable": ("internal", "the body of repairs.mark_decision_non_repairable "
                                                               "(record.non_repairable)"),
    "repair_effects.close_with_revoked_decision": ("internal", "R3: inside disclosure.register.revoke's transaction "
                                                              "(disclosure.manage)"),
    "repairs.accept_repair": "repair.accept", "repairs.apply_repair": "repair.apply",
    "repairs.decide_repair": "repair.decide", "repairs.get_repair": "repair.view",
    "repairs.list_repairs": "repair.list", "repairs.mark_non_repairable": "record.non_repairable",
    "repairs.refuse_acceptance": "repair.accept", "repairs.supplement_materials": "repair.apply",
    "repair_documents.penalty_repair_item": "document.print", "repair_documents.supervision_item": "document.print",
    "followups.flag_breach_in_tx": ("internal", "inside commitments.check_fulfilment's transaction "
                                                "(commitment.manage)"),
    "followups.lift_flag": "commitment.manage", "followups.record_rectified": "interview.manage",
    "publication.add_consent": "record.add", "publication.withdraw_consent": "record.add",
    "publication.stop_ended": ("open", "R13: publication stops by itself; run by the daily check for anyone "
                                       "who can write"),
    "publication.stop_ended_in_tx": ("internal", "inside publication.stop_ended / sync.prepare (bundle.export)"),
    "records.publication_basis": "record.view",
    "subjects.add_subject": "subject.add", "subjects.search_subjects": "subject.search",
    "subjects.show_subject": "subject.view",
    "workdays.enter_holiday_year": "calendar.manage",
    "workdays.accept_platform_year": "calendar.manage", "workdays.held_platform_years": "calendar.manage",
    "id_exceptions.request_uscc_exception": "subject.exception.request",
    "id_exceptions.approve_uscc_exception": "subject.exception.approve",
    "id_exceptions.refuse_uscc_exception": "subject.exception.approve",
    "id_exceptions.pending_exceptions": "subject.exception.approve", "subjects.update_subject": "subject.edit",
    "sync.export_to_folder": "bundle.export", "sync.fetch_downstream": ("internal", "only from sync.send, after "
                                                                                   "sync.prepare (bundle.export)"),
    "sync.prepare": "bundle.export", "sync.requeue": "bundle.requeue", "sync.send": "bundle.export",
    "sync.status": "bundle.view", "sync.verify_file": "bundle.view",
    "sync.request_options": ("internal", "http options for sync.send and resync.resync, after their role check"),
    "sync_inbound.check_inbound": ("internal", "inside import_bytes (bundle.import) / sync.verify_file "
                                               "(bundle.view)"),
    "sync_inbound.import_bytes": "bundle.import",
    # issue 13: deciding departments (administrator acts) and the two-person R12 way-1 withdrawal
    "departments.add_department": "department.manage", "departments.assign_user": "department.manage",
    "departments.list_departments": "department.view",
    "cases.renotice_in_tx": ("internal", "inside cases.update_case's transaction (case.update)"),
    "cases.with_corrected_facts": ("internal", "pure: the corrected facts for objections.resolve_objection "
                                               "(objection.resolve)"),
    "publication.list_consents": "record.add",
    "departments.case_fields": ("internal", "inside cases.open_case / update_case (case.open / case.update)"),
    "departments.case_decider_department": ("internal", "inside cases.decide_case / withdrawals.approve_withdrawal "
                                            "(case.decide / case.exit)"),
    "departments.case_proposer_department": ("internal", "inside withdrawals.propose_in_tx (case.withdraw / "
                                             "objection.resolve)"),
    "departments.user_department": ("open", "the session's own department, to preselect it in a form"),
    "departments.check_objection_verifier": ("internal", "inside objections.check_may_answer / resolve_objection "
                                             "(objection.resolve)"),
    "objections.check_may_answer": "objection.resolve",
    "records.revocation_earliest": "record.revoke",
    "document_sources.correction_item": "document.print",
    "withdrawals.propose_withdrawal": "case.withdraw", "withdrawals.approve_withdrawal": "case.exit",
    "withdrawals.pending_for": "case.list", "withdrawals.pending_withdrawals": "case.list",
    "withdrawals.propose_in_tx": ("internal", "inside withdrawals.propose_withdrawal (case.withdraw) or "
                                              "objections.resolve_objection (objection.resolve)"),
    # 双公示 (issue 19 item 1; its effects walk: tests/e2e/test_disclosure_effects.py)
    "disclosure.register.add_decision": "disclosure.manage", "disclosure.register.revoke": "disclosure.manage",
    "disclosure.register.correct": "disclosure.manage",
    "disclosure.register.publish": "disclosure.publish", "disclosure.register.show_decision": "disclosure.view",
    "disclosure.register.list_decisions": "disclosure.view", "disclosure.register.list_page": "disclosure.view",
    "disclosure.register.tallies": "disclosure.view", "disclosure.sheet.import_sheet": "disclosure.manage",
    "disclosure.sheet.export_upload": "disclosure.publish", "disclosure.sheet.write_template": "disclosure.view",
    "disclosure.notices.repair_notice_item": "document.print",
    "disclosure.register.prepare": ("internal", "the checked, unsaved decision for add_decision (disclosure.manage)"),
    "disclosure.register.with_deadline": ("internal", "date arithmetic for prepare / import_sheet"),
    "disclosure.register.save_in_tx": ("internal", "inside add_decision / import_sheet's transaction "
                                                   "(disclosure.manage)"),
    "disclosure.register.stop_ended": ("open", "R13: a publication period ends by itself; run by the daily check "
                                               "for anyone who can write"),
    "disclosure.register.stop_ended_in_tx": ("internal", "inside stop_ended / sync.prepare (bundle.export)"),
    # 信用审查 and 公共信用信息报告 (issue 19 item 2; R14, R22)
    "checks.lists.check_sheet": "check.run", "checks.lists.check_entries": "check.run",
    "checks.lists.get_check": "check.view", "checks.lists.list_checks": "check.view",
    "checks.lists.load": ("internal", "the stored check for checks.reports.check_report_item (document.print)"),
    "checks.reports.check_report_item": "document.print", "checks.reports.print_check_report": "document.print",
    "checks.reports.subject_report_item": "check.report", "checks.reports.print_subject_report": "check.report",
}
USERS = {Role.CLERK: "clerk1", Role.REVIEWER: "rev1", Role.APPROVER: "boss1", Role.ADMIN: "admin",
         Role.AUDITOR: "audit1"}


def service_functions() -> dict[str, object]:
    """Every public function of credit_desk/services/ — its modules and its capability subpackages'
    (``checks.lists.check_sheet``) — whose first parameter is ``session``."""
    found = {}
    prefix = "credit_desk.services."
    for info in pkgutil.walk_packages(services_pkg.__path__, prefix):
        mod = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(mod, inspect.isfunction):
            if fn.__module__ == mod.__name__ and not name.startswith("_"):
                params = list(inspect.signature(fn).parameters)
                if params and params[0] == "session":
                    found[f"{info.name[len(prefix):]}.{name}"] = fn
    return found


# issue 19 item 3: the services.legacy subpackage, its role checks and its functions as its own table (the first
# statement of each is its role check; the role matrix below runs them for every role)
LEGACY_CHECKS: dict[str, str] = {
    "mappings.save_mapping": "legacy.import", "mappings.list_mappings": "legacy.import",
    "mappings.preview_sheet": "legacy.import",
    "ledger_import.import_ledger": "legacy.import",  # and case.decide when the sheet holds listings (R4)
}


# the recursive scan above finds them too: the main table holds them under their subpackage's name
CHECKS.update({f"legacy.{name}": action for name, action in LEGACY_CHECKS.items()})


def legacy_functions() -> dict[str, object]:
    """Every public function of credit_desk/services/legacy/*.py whose first parameter is ``session``."""
    import credit_desk.services.legacy as legacy_pkg
    found = {}
    for info in pkgutil.iter_modules(legacy_pkg.__path__):
        mod = importlib.import_module(f"credit_desk.services.legacy.{info.name}")
        for name, fn in inspect.getmembers(mod, inspect.isfunction):
            params = list(inspect.signature(fn).parameters)
            if fn.__module__ == mod.__name__ and not name.startswith("_") and params and params[0] == "session":
                found[f"{info.name}.{name}"] = fn
    return found


def test_the_legacy_table_covers_every_legacy_service_function_and_each_checks_first():
    found = legacy_functions()
    assert set(found) == set(LEGACY_CHECKS), sorted(set(found) ^ set(LEGACY_CHECKS))
    for name, action in LEGACY_CHECKS.items():
        assert action in PERMISSIONS and action in ACTION_ZH, (name, action)
        body = [ln.strip() for ln in inspect.getsource(found[name]).split('"""')[-1].splitlines() if ln.strip()]
        assert body[0] == f'session.require("{action}")', (name, body[0])


def test_every_role_against_every_legacy_service_function(seeded, tmp_path):
    found = legacy_functions()
    desk = ledgers.unlock(seeded)
    try:
        for role, user in USERS.items():
            session = auth.login(desk, user, ADMIN_PW if user == "admin" else USER_PW)
            for name, action in LEGACY_CHECKS.items():
                allowed = role in PERMISSIONS[action]
                try:
                    _call(found[name], session, tmp_path)
                    outcome = "ok"
                except PermissionDenied as exc:
                    assert not allowed, f"{name}: role {role.value} refused although PERMISSIONS allow {action}"
                    assert ACTION_ZH[action] in exc.zh, exc.zh
                    row = _last_audit(desk)
                    assert (row["username"], row["action"], row["outcome"]) == (user, action, "refused"), (name, row)
                    outcome = "refused"
                except Exception:  # noqa: BLE001 - past the role check; dummy arguments end it (no such file)
                    outcome = "ok"
                assert (outcome == "ok") == allowed, (name, role.value, outcome)
    finally:
        desk.close()


def test_the_table_covers_every_service_function():
    found = service_functions()
    missing, stale = sorted(set(found) - set(CHECKS)), sorted(set(CHECKS) - set(found))
    assert not missing, f"service functions with no row in the access table (add them to CHECKS): {missing}"
    assert not stale, f"rows for functions that no longer exist: {stale}"
    for name, action in CHECKS.items():
        src = inspect.getsource(found[name])
        if isinstance(action, str):
            assert action in PERMISSIONS and action in ACTION_ZH, (name, action)
            # the check is the service's own, and (except send, whose prepare checks) its first statement
            assert f'require("{action}")' in src or name in ("sync.export_to_folder", "sync.send"), name
        else:
            assert action[0] in ("internal", "open") and 'require("' not in src or name in (
                "case_exits.daily_check", "repair_effects.apply_outcome"), name


def _dummy(param: inspect.Parameter, session, tmp: Path):
    """A well-typed argument pointing at nothing (id 999999): enough to get past the role check."""
    name, ann = param.name, str(param.annotation)
    by_name = {"reader": lambda: __import__("credit_desk.services.browse", fromlist=["Reader"]).Reader(session),
               "spec": PageSpec, "d": lambda: Decision(decided_on=dt.date(2026, 10, 12)),
               "purpose": lambda: "核查信用状况", "items": list, "numbers": lambda: ["清信决〔2026〕999号"],
               "rows": list, "subjects_n": lambda: 1, "records_n": lambda: 1, "data": lambda: b"x",
               "role": lambda: "clerk", "status": lambda: "done", "way": lambda: "2", "outcome": lambda: "x",
               "text": lambda: "x", "area": lambda: "subjects", "url": lambda: "http://127.0.0.1:9",
               "bring": list, "minutes": lambda: 10, "months": lambda: 12}
    if name in by_name:
        return by_name[name]()
    if name in ("path", "folder", "out"):
        return tmp / f"{name}.out"
    if "datetime" in ann:
        return dt.datetime(2026, 10, 12, 9, 0)
    if "date" in ann or name.endswith("_on") or name in ("on", "today"):
        return dt.date(2026, 10, 12)
    if ann.startswith("int") or name.endswith("_id") or name == "case_id":
        return 999_999
    if "bool" in ann:
        return False
    if "bytes" in ann:
        return b"x"
    return "x"


def _call(fn, session, tmp: Path):
    args, kwargs = [], {}
    for i, p in enumerate(inspect.signature(fn).parameters.values()):
        if i == 0:
            args.append(session)
        elif p.default is inspect.Parameter.empty and p.kind is not p.VAR_KEYWORD:
            (kwargs.__setitem__(p.name, _dummy(p, session, tmp)) if p.kind is p.KEYWORD_ONLY
             else args.append(_dummy(p, session, tmp)))
    return fn(*args, **kwargs)


def _last_audit(desk) -> dict:
    return desk.ledger.query("SELECT id, username, action, outcome FROM audit ORDER BY id DESC LIMIT 1")[0]


@pytest.fixture
def seeded(office, secret_files, data_dir):
    for name, role in (("clerk1", "clerk"), ("rev1", "reviewer"), ("boss1", "approver"), ("audit1", "auditor")):
        code, _, err = office("user", "add", name, "--role", role, "--password-file", str(secret_files["user"]))
        assert code == 0, err
    code, _, err = office("demo-data", "--subjects", "20", "--records", "40", "--seed", "3")
    assert code == 0, err
    return data_dir


def test_every_role_against_every_service_function(seeded, tmp_path):
    found = service_functions()
    desk = ledgers.unlock(seeded)
    matrix: dict[str, dict[str, str]] = {}
    try:
        for role, user in USERS.items():
            session = auth.login(desk, user, ADMIN_PW if user == "admin" else USER_PW)
            for name, action in CHECKS.items():
                if not isinstance(action, str):
                    continue
                allowed = role in PERMISSIONS[action]
                before = _last_audit(desk)["id"]
                try:
                    _call(found[name], session, tmp_path)
                    outcome = "ok"
                except PermissionDenied as exc:
                    assert not allowed, f"{name}: role {role.value} refused although PERMISSIONS allow {action}"
                    assert re.search(r"[\u4e00-\u9fff]", exc.zh) and ACTION_ZH[action] in exc.zh, exc.zh
                    row = _last_audit(desk)
                    assert (row["username"], row["action"], row["outcome"]) == (user, action, "refused"), (name, row)
                    outcome = "refused"
                except Exception:  # noqa: BLE001 - past the role check; dummy arguments end it (not found, …)
                    outcome = "ok"
                if outcome == "ok":
                    assert allowed, f"{name}: role {role.value} was let through; PERMISSIONS deny {action}"
                    assert not desk.ledger.query("SELECT 1 FROM audit WHERE id > ? AND outcome = 'refused'",
                                                 (before,)), name
                matrix.setdefault(name, {})[role.value] = "允许" if outcome == "ok" else "拒绝"
    finally:
        desk.close()
    checked = sum(isinstance(a, str) for a in CHECKS.values())
    assert len(matrix) == checked
    print(json.dumps({"functions_checked": checked, "calls": checked * len(USERS),
                      "internal_or_open": len(CHECKS) - checked}, ensure_ascii=False))


# --- R14 查询使用登记 (issue 14 item 5): purposes as well as roles -------------------------------------------
# Every service function that shows personal data -> the audit action its look is logged under. A function
# with a ``purpose`` parameter that is missing here fails the coverage test, so the table cannot fall behind.
PURPOSES: dict[str, str] = {
    "subjects.show_subject": "subject.view", "subjects.search_subjects": "subject.search",
    "browse.log_search": "subject.search", "records.show_record": "record.view", "cases.case_detail": "case.view",
    "repairs.get_repair": "repair.view", "matching.match_prompts": "joint.view",
    "documents.reprint": "document.reprint", "document_sources.credit_query": "document.print",
    # issue 14: the remaining reads of personal data (each also proven on real rows in
    # tests/e2e/test_r14_read_purposes.py)
    "cases.get_case": "case.view", "objections.get_objection": "objection.view",
    "commitments.subject_commitments": "commitment.view", "commitments.subject_interviews": "interview.view",
    "interviews.get_plan": "interview_plan.view", "records.record_history": "record.history",
    "browse.subject_brief": "subject.brief",  # one named party (masked), e.g. the case panel's heading
    # issue 17 item 9: notices kept in the ledger, looked at and saved as a file under a purpose
    "documents.stored_pdf": "document.view", "documents.save_pdf": "document.save",
    "disclosure.register.show_decision": "disclosure.view",
    # att19c: a search of the 双公示 register by a name, number or 文号 (the plain page needs no purpose)
    "disclosure.register.list_decisions": "disclosure.search",
    # R22: every subject a credit check reads is logged under the request's purpose (with its department and
    # the check's number, "信用审查第N号：purpose（department）"); a subject's report under the print's purpose
    "checks.lists.check_entries": "check.read", "checks.lists.check_sheet": "check.read",
    "checks.lists.get_check": "check.view", "checks.reports.subject_report_item": "document.print",
    "checks.reports.print_subject_report": "document.print",
}
# Reads that show data about subjects but take no purpose, and why the auditor does not need a row for them
# (R14/R15). What they return is checked on a real case in tests/e2e/test_r14_read_purposes.py
# ::test_r14_lists_without_a_purpose_carry_no_name_id_or_case_narrative.
PURPOSE_EXEMPT: dict[str, str] = {
    "publication.list_consents": "scope, dates, record id and consent document number of a subject the clerk "
                                 "already holds on a masked row; no name or ID number",
    "cases.list_cases": "ids, states, dates, document numbers; the case file's free text (facts, justification, "
                        "exit note) is stripped — it needs cases.get_case with a purpose",
    "cases.alerts": "subject ids, kinds, dates and domains: a count-like work list with no name or ID",
    "due.due_items": "deadline labels name cases, records and subjects by number; decisions by their public "
                     "(masked, R15) party name",
    "browse.repair_subjects": "the office's masked work list (R15), like cases_page: only subjects of the "
                              "given repair requests, names of people and all ID numbers masked",
    "repairs.list_repairs": "ids, dates, states and deadlines only",
    "repairs.repair_decisions": "the 双公示 penalties of the subject the clerk chose for an application: ids, 文号, "
                                "authority, dates, tier and state; no party name or ID number",
    "browse.cases_page": "masked work list (R15); a typed search is logged by log_search with its purpose",
    "browse.subjects_page": "masked list (R15); a typed search is logged by log_search with its purpose",
    "browse.records_page": "masked list (R15); a typed search is logged by log_search with its purpose",
}
PURPOSE_INTERNAL = {"document_sources.from_case": "via cases.case_detail, which takes and logs the purpose",
                    "document_sources.item_for": "dispatches to credit_query / from_case above"}


def test_every_function_taking_a_purpose_is_in_the_purpose_table():
    found = service_functions()
    assert set(PURPOSE_EXEMPT) <= set(found) and not set(PURPOSE_EXEMPT) & set(PURPOSES)
    for name in PURPOSE_EXEMPT:  # an exempt read really takes no purpose (else it belongs in PURPOSES)
        assert "purpose" not in inspect.signature(found[name]).parameters, name
    taking = {n for n, fn in found.items() if "purpose" in inspect.signature(fn).parameters}
    assert taking - set(PURPOSES) - set(PURPOSE_INTERNAL) == set()
    assert set(PURPOSES) <= taking


def _purpose_call(name, fn, session, tmp, purpose, real):
    from credit_desk.services import documents
    if name == "documents.reprint":
        return fn(session, real["number"], tmp / f"r{len(purpose)}.pdf", purpose)
    if name == "documents.stored_pdf":
        return fn(session, real["number"], purpose)
    if name == "documents.save_pdf":
        return fn(session, real["number"], tmp / f"s{len(purpose)}.pdf", purpose)
    if name == "document_sources.credit_query":  # the print logs it: issue what the provider made
        return documents.issue(session, "credit_query", [fn(session, 1, purpose)], tmp / f"q{len(purpose)}.pdf")
    if name == "browse.log_search":
        return fn(session, "subjects", "张", purpose)
    if name == "disclosure.register.list_decisions":
        return fn(session, text="张", purpose=purpose)
    if name.startswith("checks."):
        return _check_call(name, fn, session, tmp, purpose)
    if name == "subjects.search_subjects":
        return fn(session, "张", purpose)
    return fn(session, 1, purpose)


def _check_call(name, fn, session, tmp, purpose):
    """R22: a credit check of seeded subject 1 (typed in, or as a department's sheet), the check it made, and
    subject 1's 公共信用信息报告 (printed: the print logs the look)."""
    from openpyxl import Workbook
    from credit_desk.services import documents
    from credit_desk.store import subjects
    s = subjects.get(session.ledger.conn, 1)
    if name == "checks.lists.check_entries":
        return fn(session, [{"name": s.name, "number": s.id_number}], "县财政局", purpose)
    if name == "checks.lists.check_sheet":
        wb = Workbook()
        wb.active.append(["名称", "统一社会信用代码/身份证号码"])
        wb.active.append([s.name, s.id_number])
        wb.save(tmp / "list.xlsx")
        return fn(session, tmp / "list.xlsx", "县财政局", purpose)
    if name == "checks.reports.subject_report_item":
        return documents.issue(session, "credit_report", [fn(session, 1, purpose)], tmp / f"c{len(purpose)}.pdf")
    if name == "checks.reports.print_subject_report":
        return fn(session, 1, purpose, tmp / f"p{len(purpose)}.pdf")
    return fn(session, 1, purpose)   # get_check: check 1 is the one check_entries made


def test_every_read_of_personal_data_takes_a_purpose_and_logs_it(seeded, tmp_path):
    """With no purpose: refused (R14_PURPOSE_REQUIRED), nothing logged as a look; with one: the audit row
    carries who and why. Cases and repairs do not exist in the seeded ledger: their refusal is still checked."""
    from credit_desk.domain.errors import ValidationError
    from credit_desk.services import document_sources, documents
    found = service_functions()
    desk = ledgers.unlock(seeded)
    try:
        clerk = auth.login(desk, "clerk1", USER_PW)
        first = documents.issue(clerk, "credit_query", [document_sources.credit_query(clerk, 1, "准备比对")],
                                tmp_path / "first.pdf")[0]
        logged = 0
        for name, action in PURPOSES.items():
            before = _last_audit(desk)["id"]
            with pytest.raises(ValidationError) as err:
                _purpose_call(name, found[name], clerk, tmp_path, "  ", first)
            assert err.value.code == "R14_PURPOSE_REQUIRED", name
            assert not desk.ledger.query("SELECT 1 FROM audit WHERE id > ? AND action = ? AND outcome = 'ok'",
                                         (before, action)), name
            why = f"核查用途{len(name)}"
            try:
                _purpose_call(name, found[name], clerk, tmp_path, why, first)
            except Exception as exc:  # noqa: BLE001 - no case/repair 1 in the seeded ledger
                assert name in ("cases.case_detail", "repairs.get_repair", "cases.get_case", "objections.get_objection",
                                "interviews.get_plan", "disclosure.register.show_decision"), (name, exc)
                continue
            rows = desk.ledger.query("SELECT username, purpose FROM audit WHERE id > ? AND action = ?",
                                     (before, action))
            # a credit check logs the purpose with its department and number around it (R22)
            assert any(r["username"] == "clerk1" and (r["purpose"] == why or name.startswith("checks.lists.")
                                                      and f"：{why}（" in r["purpose"]) for r in rows), (name, rows)
            logged += 1
        assert logged >= 7
    finally:
        desk.close()
