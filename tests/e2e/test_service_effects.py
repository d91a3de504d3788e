"""Effects of services (issue 23, R14 and the sync outbox): every public service function that takes a session is
wrapped; a walk through the CLI (as clerks use it) calls the writing ones; each call's audit rows and change-log
rows (written through ``Tx.audit`` / ``Tx.change``) are recorded and judged against the table below, written out
here from DOMAIN.md: which actions each service must log, and what the platform must hear about (its change-log
entity) — or that it must write no change row (a view, a print, a refusal). The list of service functions comes
from the product (tests/reliability/test_access.py::service_functions); a function in neither table fails, so the
table cannot fall behind."""

from __future__ import annotations

import random
from datetime import date

import pytest

from credit_desk.domain import demo
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import (BOSS, black_draft, black_listing, company, decide, decide_black, decide_watch,  # noqa: F401
                                desk, ok, open_case, person, walk_to, watch_draft,
                                record, refused, serve, staffed_template, watch_listing)
from tests.e2e.effects_kit import action_names, judge, orphan_changes, record_effects
from tests.e2e.penalty_repair_kit import decision
from tests.e2e.repair_kit import apply, old_black_listing
from tests.reliability.test_access import service_functions

# service -> (an audit action it must write, the change-log rows "entity.op" the platform must get from it in the
# walk below; an empty set: it must write none)
MUST_WRITE = {
    "subjects.add_subject": ("subject.add", {"subject.insert"}),
    "subjects.update_subject": ("subject.update", {"subject.update"}),
    "subjects.show_subject": ("subject.view", set()),             # R14: a full-record view is logged, not synced
    "subjects.search_subjects": ("subject.search", set()),
    "records.add_record": ("record.add", {"record.insert"}),
    "records.approve_record": ("record.approve", {"record.approve"}),
    "records.revoke_record": ("record.revoke", {"record.revoke"}),
    "records.change_record": ("record.change", {"record.change"}),
    "records.show_record": ("record.view", set()),
    "repairs.mark_non_repairable": ("record.non_repairable", {"record.non_repairable"}),
    # R13/R21: a 双公示 penalty flagged non-repairable; the platform hears it with the decision's elements
    "repairs.mark_decision_non_repairable": ("disclosure.non_repairable", {"admin_decision.non_repairable"}),
    "cases.open_case": ("case.open", {"case.open"}),
    # 认定部门 (issue 13 item 5): the platform hears of the department and of who belongs to it
    "departments.add_department": ("department.add", {"department.insert"}),
    "departments.assign_user": ("department.assign", {"user.department"}),
    "cases.update_case": ("case.update", {"case.update"}),
    "cases.serve_notice": ("case.notice", {"case.notice"}),
    "cases.decide_case": ("case.decide", {"case.decide"}),
    "cases.case_detail": ("case.view", set()),
    # R12: the platform hears of every exit, and of the watch listing that follows a black one (way 4 here)
    "case_exits.exit_case": ("case.exit", {"case.exit", "case.open", "case.decide"}),
    "case_exits.expire_listings": ("case.expire", {"case.exit"}),  # a watch listing: nothing follows it
    "objections.add_objection": ("objection.add", {"objection.insert"}),
    "objections.resolve_objection": ("objection.resolve", {"objection.resolve"}),  # R19: and of its outcome
    "repairs.apply_repair": ("repair.apply", {"repair.insert"}),
    "repairs.accept_repair": ("repair.accept", {"repair.accept"}),
    "repairs.refuse_acceptance": ("repair.not_accept", {"repair.not_accept"}),
    # R13: a repaired black listing leaves its list early and goes onto the watch list (R12)
    # R13/R21: and a 双公示 penalty of the same department stops publication (停止公示) with it
    "repairs.decide_repair": ("repair.decide", {"repair.decide", "case.exit", "case.open", "case.decide",
                                                "admin_decision.repair_stop"}),
    "commitments.add_item": ("commitment.item_add", {"commitment_item.insert"}),
    "commitments.record_commitment": ("commitment.add", {"commitment.insert"}),
    # R17: a breach flags key supervision, and the platform hears of the flag as well
    "commitments.check_fulfilment": ("commitment.check", {"commitment.update", "supervision_flag.insert"}),
    "commitments.record_interview": ("interview.add", {"interview.insert"}),       # R18: the record goes up
    # issue 16: the one-time notice's materials, the end of key supervision, the rectification after an
    # interview and a natural person's consent to publish all reach the platform
    "repairs.supplement_materials": ("repair.supplement", {"repair.supplement"}),
    "followups.lift_flag": ("supervision.lift", {"supervision_flag.lift"}),
    "followups.record_rectified": ("interview.rectified", {"interview.rectified"}),
    "publication.add_consent": ("consent.add", {"publication_consent.insert"}),
    "publication.withdraw_consent": ("consent.withdraw", {"publication_consent.withdraw"}),
    "interviews.plan_interview": ("interview.plan", {"interview_plan.insert"}),
    "cleanup.import_ledger": ("ledger.import", {"cleanup_row.insert"}),
    "cleanup.set_status": ("ledger.status", {"cleanup_row.update"}),
    "cleanup.import_contacts": ("contacts.import", {"cleanup_contact.upsert"}),
    "cleanup.export_ledger": ("ledger.export", set()),
    "cleanup.export_contacts": ("contacts.export", set()),
    "documents.issue": ("document.print", {"document.insert"}),  # the register the platform checks QR codes with
    "documents.reprint": ("document.reprint", {"document.reprint"}),
    "accounts.add_user": ("user.add", {"user.insert"}),          # who may decide: username and role, no password
    # R22: the platform hears a check was made (request and counts, no row of the list); each report is a
    # registered document
    "checks.lists.check_sheet": ("check.run", {"credit_check.insert"}),
    "checks.lists.check_entries": ("check.run", {"credit_check.insert"}),
    "checks.lists.get_check": ("check.view", set()),              # R14: logged with its purpose, not synced
    "checks.reports.print_check_report": ("document.print", {"document.insert"}),
    "checks.reports.print_subject_report": ("document.print", {"document.insert"}),
}
# every other service function, and why the walk does not judge it here
NOT_WALKED = {
    **{f"browse.{n}": "read for the screens (R14 reads are logged by log_search / log_audit_read)" for n in (
        "active_catalogue", "active_measures", "audit_page", "case_objections", "cases_page", "cleanup_rows",
        "commitment_items", "commitments_page", "dashboard_counts", "documents_page", "intake_url",
        "interviews_page", "leniency_preview", "log_audit_read", "log_search", "monthly_trend", "objections_page",
        "pending_records", "records_count", "records_page", "repair_subjects", "staff_name", "subject_brief", "subjects_count",
        "subjects_page",
        "verify_chain")},
    **{n: "internal: runs inside the transaction of a service judged above" for n in (
        "case_core.exit_in_tx", "case_core.check_exit", "deadline_calendar.note", "deadline_calendar.recheck_in_tx",
        "case_core.open_in_tx", "case_core.refresh_alert", "case_core.share_due",
        "case_core.step", "case_view.detail_dict", "doc_numbers.record_external_in_tx", "doc_numbers.reserve_in_tx",
        "doc_numbers.take_in_tx", "doc_numbers.supersede_in_tx", "records.revoke_in_tx", "records.prepare_record", "records.save_new_record",
        "repair_effects.apply_outcome", "repair_effects.mark_non_repairable", "repair_effects.revert_after_breach",
        "repair_effects.stop_decision", "repair_effects.close_with_revoked_decision",
        "repair_effects.mark_decision_non_repairable",
        "document_sources.commitment_form", "document_sources.credit_query", "document_sources.from_case",
        "document_sources.item_for", "document_sources.correction_item", "withdrawals.propose_in_tx",
        "documents.check_out",
        "repair_documents.apology_item", "repair_documents.companions",
        "repair_documents.interview_item", "repair_documents.repair_item",
        "repair_documents.penalty_repair_item", "repair_documents.supervision_item",
        "followups.flag_breach_in_tx", "publication.stop_ended_in_tx", "cases.renotice_in_tx",
        "cases.with_corrected_facts", "checks.lists.load", "checks.reports.check_report_item",
        "checks.reports.subject_report_item")},
    **{n: "read only" for n in (
        "accounts.list_users", "deadline_calendar.deadline_warnings", "accounts.pending_role_changes", "audit.read_log", "cases.alerts", "cases.step_dates", "cases.window_preview", "cases.get_case", "cases.list_cases",
        "cleanup.check_ledger", "cleanup.list_contacts", "commitments.subject_commitments",
        "commitments.subject_interviews", "due.due_items", "interviews.get_plan", "keys.enc_key", "keys.show",
        "matching.match_prompts", "objections.get_objection", "preferences.idle_lock_minutes",
        "records.record_history", "repairs.get_repair", "repairs.list_repairs", "repairs.repair_decisions",
        "sync.status",
        "documents.list_documents", "keys.export_public", "withdrawals.pending_for",
        "records.publication_basis", "publication.list_consents",
        "departments.list_departments", "departments.user_department", "departments.case_fields",
        "departments.case_decider_department", "departments.case_proposer_department",
        "cases.decision_limits", "cases.watch_months_limit", "withdrawals.check_may_approve",
        "withdrawals.check_may_propose", "departments.check_objection_verifier", "objections.check_may_answer",
        "records.revocation_earliest",
        "withdrawals.pending_withdrawals", "sync.request_options", "id_exceptions.pending_exceptions",
        "preferences.recent_purposes", "workdays.held_platform_years", "keys.show_accepted",
        "documents.stored_pdf", "documents.save_pdf", "cases.decision_validity", "keys.read_platform_file",
        "checks.lists.list_checks",
        "cases.check_may_decide", "document_sources.sample_basis", "preferences.notice_contact",
        "preferences.print_fonts")},
    **{n: "writes; walked by tests/e2e/test_service_effects_rest.py, or named there with the test judging it"
       for n in (
        "case_exits.daily_check", "deadline_calendar.recheck", "demo.seed", "documents.draft", "demo_work.seed_work", "publication.stop_ended", "document_verify.verify_pdf",
        "document_verify.verify_qr",
        "documents.set_prefix", "documents.void_numbers", "downstream.apply", "keys.import_platform", "keys.rotate",
        "keys.set_accepted_suites", "keys.write_public", "preferences.set_notice_contact",
        "preferences.set_intake_url", "preferences.set_print_font",
        "matching.record_match_decision", "preferences.set_idle_lock_minutes", "record_import.add_records",
        "sync.export_to_folder", "sync.fetch_downstream", "sync.prepare", "sync.requeue", "sync.send",
        "sync.verify_file", "sync_inbound.check_inbound", "sync_inbound.import_bytes",
        "workdays.enter_holiday_year", "workdays.accept_platform_year", "resync.confirm_last",
        "resync.resync", "resync.resync_from_receipts", "withdrawals.propose_withdrawal", "withdrawals.approve_withdrawal",
        "id_exceptions.request_uscc_exception", "id_exceptions.approve_uscc_exception",
        "id_exceptions.refuse_uscc_exception", "backup.run_backup", "backup.automatic_backup",
        # issue 14 item 6: account lifecycle, judged by tests/e2e/test_account_lifecycle.py
        "accounts.set_active", "accounts.unlock", "accounts.reset_password", "accounts.request_role",
        "accounts.confirm_role", "clock.confirm_clock")},
    **{f"disclosure.{n}": "双公示 (issue 19 item 1): walked and judged by tests/e2e/test_disclosure_effects.py" for n in (
        "register.add_decision", "register.publish", "register.revoke", "register.correct", "register.show_decision",
        "register.list_decisions", "register.list_page", "register.tallies", "register.prepare",
        "register.with_deadline", "register.save_in_tx", "register.stop_ended", "register.stop_ended_in_tx",
        "sheet.import_sheet", "sheet.export_upload", "sheet.write_template", "notices.repair_notice_item")},
    **{f"legacy.{n}": "legacy import (issue 19 item 3): judged by test_legacy_import_services_write_their_audit_and_"
                      "change_rows below" for n in ("mappings.save_mapping", "mappings.list_mappings",
                                                    "mappings.preview_sheet", "ledger_import.import_ledger")},
}


@pytest.fixture
def effects(monkeypatch):
    """service name -> list of {"audit": [actions], "changes": [entities]}, one per completed top-level call."""
    return record_effects(monkeypatch, service_functions(), "credit_desk.services", keep_failed=False)


def _walk(desk, tmp_path) -> None:
    """Every writing service of MUST_WRITE, once, through the CLI."""
    from tests.e2e.test_cleanup_ledger import CONTACT_HEADERS, _template
    from openpyxl import Workbook
    # told on the calendar (a story: R5 serves each notice on the day it is numbered), oldest step first
    repaired = company(desk, 97)
    old = old_black_listing(desk, repaired)  # 2025
    sid = company(desk, 91)
    pid = person(desk, 92)
    ok(desk, "subject", "show", str(pid), "--purpose", "核查信用状况")
    ok(desk, "subject", "search", "李四", "--purpose", "核查信用状况")
    rid = record(desk, sid)["id"]
    ok(desk, "record", "show", str(rid), "--purpose", "核查信用状况")
    lenient = record(desk, sid, "--justification", "情节轻微但屡次发生", tier="slight", number="清市监罚〔2026〕93号")
    ok(desk, "record", "approve", str(lenient["id"]), user=BOSS)
    changed = record(desk, sid, number="清市监罚〔2026〕94号")["id"]
    revoked = record(desk, sid, number="清市监罚〔2026〕95号")["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    ok(desk, "case", "update", str(cid), "--facts", "销售不合格产品，货值金额较大（补正）")
    short = black_draft(desk, company(desk, 96))
    ended = watch_draft(desk, company(desk, 95), "税务", valid_until="2026-11-20")  # ended before TEST_NOW
    for case in (cid, short, ended):
        serve(desk, case)  # 2026-09-28
    obj = ok(desk, "case", "object", str(cid), "--received-on", "2026-09-30", "--grounds", "事实认定有误")
    ok(desk, "case", "reply", str(obj["id"]), "--outcome", "upheld", "--reply", "经核实，事实清楚",
       "--replied-on", "2026-10-09", user=BOSS)
    ok(desk, "record", "change", str(changed), "--reason", "复议变更处罚决定", "--facts", "变更后的事实", "--on", "2026-10-09")
    ok(desk, "record", "revoke", str(revoked), "--reason", "行政复议决定撤销该处罚决定", "--on", "2026-10-09")
    decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "12")
    decide_black(desk, short)
    ok(desk, "case", "show", str(cid), "--purpose", "办理认定案件")
    penalty = decision(desk, 97, "清市监罚〔2026〕97号", "2026-04-15", publish_on="2026-04-17")  # R21, same dept
    req = apply(desk, repaired, cases=[old], extra=("--decision", str(penalty)))["id"]
    ok(desk, "repair", "accept", str(req), "--accepted-on", "2026-10-20")
    ok(desk, "repair", "decide", str(req), "--outcome", "repaired", "--for-department", "县市场监督管理局",
       "--decided-on", "2026-10-22", user=BOSS)
    ok(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-11-20", "--standard-change",
       "认定标准第二条已废止", user=BOSS)
    printed = ok(desk, "print", "listing_decision", "--case", str(short), "--out", str(tmp_path / "d.pdf"),
                 user=BOSS)["documents"][0]["number"]
    walk_to(desk, TEST_NOW.date())
    # the watch decision of 2026-10-12 recorded today, after today's expiry check ran: the clerk's check ends it;
    # recorded after its day, it is the department's hand-issued paper (R5: the register numbers on the day)
    decide_watch(desk, ended, "税务", paper=True)
    assert ok(desk, "case", "expire")  # as of the desk's today
    other = company(desk, 98)
    no = apply(desk, other, records=[record(desk, other, number="清市监罚〔2026〕99号")["id"]], materials=["proof"],
               on="2026-11-20")["id"]
    ok(desk, "repair", "reject", str(no))  # R5: numbered today, so not accepted today
    ok(desk, "commitment", "item-add", "CN-01", "--name", "市场主体主动型信用承诺", "--type", "voluntary",
       "--basis", "苏府办〔2020〕232号（一）")
    com = ok(desk, "commitment", "add", "--subject", str(sid), "--item", "CN-01", "--content", "依法诚信经营",
             "--made-on", "2026-03-01")
    broke = ok(desk, "commitment", "check", str(com["id"]), "--fulfilment", "none", "--checked-on", "2026-09-01")
    ok(desk, "commitment", "lift", str(broke["key_supervision_flag"]), "--reason", "已整改，经核实提前解除")
    short = company(desk, 88)
    gen = ok(desk, "record", "add", "--subject", str(short), "--catalogue-code", "S-03-02", "--tier", "general",
             "--facts", "一般失信", "--doc-type", "admin_penalty", "--doc-number", "清市监罚〔2026〕88号",
             "--doc-authority", "县市场监督管理局", "--doc-issued", "2026-05-06", "--doc-effective", "2026-05-20",
             "--department", "县市场监督管理局", "--act-date", "2026-05-01")["id"]
    lacking = apply(desk, short, records=[gen], materials=["proof"], on="2026-11-20")["id"]
    ok(desk, "repair", "supplement", str(lacking), "--material", "commitment", "--on", "2026-11-20")
    consent = ok(desk, "consent", "add", "--subject", str(pid), "--scope", "在信用门户网站公开其行政处罚信息",
                 "--given-on", "2026-11-02", "--valid-until", "2027-11-01", "--document", "本人签署的同意书")
    ok(desk, "consent", "withdraw", str(consent["id"]))
    ok(desk, "interview", "plan", "--subject", str(sid), "--kind", "warning", "--at", "2026-12-10T09:30",
       "--place", "县信用办3楼会议室", "--matter", "未按期整改", "--basis", "苏府办〔2020〕232号（九）", "--bring", "整改情况说明")
    ok(desk, "interview", "add", "--subject", str(sid), "--kind", "warning", "--held-on", "2026-11-20",
       "--people", "张三、李四", "--content", "告知整改要求", "--outcome", "承诺整改", "--reason", "未按期整改",
       "--rectify-by", "2026-12-20")
    talk = ok(desk, "interview", "list", "--subject", str(sid), "--purpose", "登记整改情况")[-1]["id"]
    ok(desk, "interview", "rectified", str(talk), "--note", "已整改完毕")
    ok(desk, "ledger", "import", str(_template(tmp_path / "in.xlsx")))
    ok(desk, "ledger", "status", "2", "stopped")
    ok(desk, "ledger", "export", str(tmp_path / "out.xlsx"))
    wb = Workbook()
    wb.active.append(["清理规范工作联系人反馈表"])
    wb.active.append(list(CONTACT_HEADERS))
    wb.active.append([1, "周某", "清江浦区发展改革委", "科长", "0517-83000010", "13800000000", "zhou@example.invalid"])
    wb.save(tmp_path / "c.xlsx")
    ok(desk, "contacts", "import", str(tmp_path / "c.xlsx"))
    ok(desk, "contacts", "export", str(tmp_path / "c2.xlsx"))
    ok(desk, "user", "add", "clerk9", "--role", "clerk", "--password-file", str(tmp_path / "pw.txt"), user="admin")
    bare = company(desk, 90, with_rep=False)
    ok(desk, "subject", "update", str(bare), "--legal-rep-name", "王建国", "--legal-rep-id-number",
       demo.ric(random.Random(90), "320826", date(1970, 1, 1), date(1980, 1, 1)))
    ok(desk, "print", "reprint", printed, "--out", str(tmp_path / "copy.pdf"), "--purpose", "当事人索要副本", user=BOSS)
    ok(desk, "department", "add", "--name", "清江浦区税务局", "--uscc", demo.uscc(random.Random(91), "320812"),
       "--level", "county", "--domain", "税务", "--prefix", "清区税", user="admin")
    ok(desk, "user", "assign", "clerk9", "--department", "清江浦区税务局", user="admin")
    plain = record(desk, bare, number="清市监罚〔2026〕89号")["id"]
    ok(desk, "repair", "non-repairable", str(plain), "--basis", "《某法》第十条规定不得修复", user=BOSS)
    flagged = decision(desk, 91, "清市监罚〔2026〕191号", "2026-04-15")   # R13/R21: a 双公示 penalty flagged too
    ok(desk, "repair", "non-repairable", "--decision", str(flagged), "--basis", "《某法》第十条规定不得修复", user=BOSS)
    _walk_checks(desk, tmp_path, sid)


def _walk_checks(desk, tmp_path, sid: int) -> None:
    """R22: a department's list as a sheet and typed in, the check looked at, its report, a subject's report."""
    from openpyxl import Workbook
    number = random.Random(91)
    wb = Workbook()
    wb.active.append(["单位名称", "统一社会信用代码"])
    wb.active.append(["淮安测试91有限公司", demo.uscc(number, "320812")])
    wb.save(tmp_path / "list.xlsx")
    first = ok(desk, "credit-check", "run", str(tmp_path / "list.xlsx"), "--department", "县财政局", "--purpose", "评优评先")
    ok(desk, "credit-check", "entry", "--subject", f"淮安未登记有限公司,{demo.uscc(random.Random(5), '320812')}",
       "--department", "县财政局", "--purpose", "招标投标资格审查")
    ok(desk, "credit-check", "show", str(first["id"]), "--purpose", "核对审查结果")
    ok(desk, "credit-check", "print", str(first["id"]), "--out", str(tmp_path / "check.pdf"))
    ok(desk, "report", "subject", str(sid), "--purpose", "企业申请出具信用报告", "--out", str(tmp_path / "report.pdf"))


@pytest.mark.story
def test_every_writing_service_writes_its_audit_row_and_its_change_row(desk, effects, tmp_path):
    (tmp_path / "pw.txt").write_text("user-pass-99")
    _walk(desk, tmp_path)
    functions = set(service_functions())
    assert not set(MUST_WRITE) & set(NOT_WALKED)
    assert functions == set(MUST_WRITE) | set(NOT_WALKED), (
        "new service functions to classify: " + str(sorted(functions - set(MUST_WRITE) - set(NOT_WALKED))),
        "gone: " + str(sorted((set(MUST_WRITE) | set(NOT_WALKED)) - functions)))
    problems = []
    for name in NOT_WALKED:  # a read that wrote a change row would tell the platform something it should not
        if NOT_WALKED[name] == "read only" and any(c["changes"] for c in effects.get(name, [])):
            problems.append(f"{name}: a read wrote change rows")
    problems += judge(effects, MUST_WRITE)
    # every call that wrote a change row also wrote an audit row (same transaction: Tx is one transaction)
    problems += orphan_changes(effects)
    assert not problems, "\n".join(problems)


def test_r14_the_full_record_view_refuses_without_a_purpose_and_logs_when_it_shows(desk, effects):
    pid = person(desk, 93)
    for purpose in ("", " ", "查"):
        err = refused(desk, "subject", "show", str(pid), "--purpose", purpose)
        assert err["code"] == "R14_PURPOSE_REQUIRED" and err["field"] == "purpose"
    assert not [c for c in effects["subjects.show_subject"] if "subject.view" in c["audit"]]
    shown = ok(desk, "subject", "show", str(pid), "--purpose", "核查信用状况")
    assert shown["id"] == pid
    assert [c["audit"] for c in effects["subjects.show_subject"]][-1] == ["subject.view"]
    log = ok(desk, "audit", "log", "--limit", "5", user="audit1")
    viewed = [r for r in log if r["action"] == "subject.view"]
    assert viewed and viewed[0]["purpose"] == "核查信用状况" and viewed[0]["object_id"] == str(pid)


# --- issue 19 item 3: the services.legacy subpackage, walked through the CLI (NOT_WALKED points here) ----------
LEGACY_MUST_WRITE = {
    "mappings.save_mapping": ("legacy.mapping", {"legacy_mapping.insert"}),
    # one subject, record and listing of the sheet each: audit rows per entity and the import's own row
    "ledger_import.import_ledger": ("legacy.import", {"subject.insert", "record.insert", "case.decide"}),
}
LEGACY_READS = {"mappings.list_mappings", "mappings.preview_sheet"}


def test_legacy_import_services_write_their_audit_and_change_rows(desk, monkeypatch, tmp_path):
    import json as _json

    from tests.e2e import legacy_kit as kit
    from tests.reliability.test_access import legacy_functions
    found = legacy_functions()
    assert set(found) == set(LEGACY_MUST_WRITE) | LEGACY_READS, sorted(set(found) ^ (set(LEGACY_MUST_WRITE)
                                                                                       | LEGACY_READS))
    seen = record_effects(monkeypatch, found, "credit_desk.services.legacy", keep_failed=False)
    today = date(2026, 11, 30)
    data = kit.rows(None, 4, listed_every=1, per_subject=2, today=today, code="S-03-02", department="县市场监督管理局")
    sheet = kit.write(tmp_path / "old.xlsx", data)
    (tmp_path / "m.json").write_text(_json.dumps(kit.MAPPING, ensure_ascii=False), encoding="utf-8")
    ok(desk, "import", "legacy-preview", str(sheet), user=BOSS)
    ok(desk, "import", "legacy", str(sheet), "--mapping", str(tmp_path / "m.json"), "--save-mapping", "老台账",
       user=BOSS)
    ok(desk, "import", "legacy-mappings", user=BOSS)
    # a refused sheet: every bad cell in the JSON (25 of them, more than the message's twenty), nothing written
    bad = kit.rows(None, 30, per_subject=1, seed=4, today=today, code="NO-SUCH", department="县市场监督管理局")
    bad[29][7] = "昨天"
    err = refused(desk, "import", "legacy", str(kit.write(tmp_path / "bad.xlsx", bad)), user=BOSS)
    assert err["code"] == "LEGACY_IMPORT_REFUSED" and len(err["problems"]) == 31, len(err.get("problems", []))
    assert {p["row"] for p in err["problems"]} == set(range(3, 33))
    problems = []
    for name, (action, want) in LEGACY_MUST_WRITE.items():
        calls = seen.get(name) or []
        if not calls or action not in action_names(calls):
            problems.append(f"{name}: no audit row {action!r}")
        if {e for c in calls for e in c["changes"]} != want:
            problems.append(f"{name}: change rows {sorted({e for c in calls for e in c['changes']})}")
    for name in LEGACY_READS:
        if not seen.get(name) or any(c["changes"] or c["audit"] for c in seen[name]):
            problems.append(f"{name}: a read wrote rows or was not called")
    assert not problems, "\n".join(problems)
