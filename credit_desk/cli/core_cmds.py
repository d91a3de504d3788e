"""Foundation commands: init, user, subject, audit, workdays, demo-data."""

from __future__ import annotations

import os
import sys
from datetime import date

from credit_desk.cli import account_cmds, common
from credit_desk.cli.common import command, emit, group, limit, session_for, whole
from credit_desk.cli.department_cmds import register_user_assign
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.subjects import EXCEPTION_MARK_ZH, id_with_mark, subject_warnings
from credit_desk.services import accounts, audit, demo, id_exceptions, ledgers, subjects, workdays


def register(sub) -> None:
    p = command(sub, "init", cmd_init, "初始化本单位账本 / create the office ledger")
    p.add_argument("--office", required=True)
    p.add_argument("--region", required=True, help="6位行政区划代码 / 6-digit region code")
    p.add_argument("--admin", required=True)
    p.add_argument("--password-file")

    user = group(sub, "user", "用户管理 / accounts")
    p = command(user, "add", cmd_user_add)
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["clerk", "reviewer", "approver", "admin", "auditor"])
    p.add_argument("--display-name")
    p.add_argument("--password-file")
    command(user, "list", cmd_user_list)
    register_user_assign(user)
    account_cmds.register(user)

    _register_subject(sub)
    a = group(sub, "audit", "审计日志 / audit log")
    command(a, "verify", cmd_audit_verify)
    p = command(a, "log", cmd_audit_log)
    p.add_argument("--limit", type=limit, default=50)

    w = group(sub, "workdays", "工作日计算 / working days")
    p = command(w, "add", cmd_workdays_add)
    p.add_argument("start", type=_date)
    p.add_argument("n", type=whole)
    p = command(w, "holidays", cmd_holidays_enter,
                "录入一年的节假日安排（管理员）/ enter one year's holiday schedule (admin)")
    p.add_argument("--year", type=whole, required=True)
    p.add_argument("--rest", required=True, help="放假日期，如 2027-01-01..2027-01-03,2027-02-06..2027-02-14")
    p.add_argument("--work", default="", help="调休上班日期，如 2027-02-20,2027-02-21")
    p.add_argument("--source", required=True, help="通知文号，如 国办发明电〔2026〕7号")
    p.add_argument("--replace", action="store_true",
                   help="替换内置或平台下发的该年安排 / replace the library's or the platform's schedule")

    p = command(w, "holidays-held", cmd_holidays_held,
                "等待确认的平台节假日安排（管理员）/ platform schedules held behind an admin entry")
    p = command(w, "holidays-accept", cmd_holidays_accept,
                "以平台下发的该年安排为准（管理员）/ put the platform's held schedule for a year in force")
    p.add_argument("year", type=whole)

    p = command(sub, "demo-data", cmd_demo, "生成演示数据 / seed demo data")
    p.add_argument("--subjects", type=whole, required=True)
    p.add_argument("--records", type=whole, default=0)
    p.add_argument("--seed", type=whole, default=1)
    p = command(sub, "demo-work", cmd_demo_work,
                "演示工作：在演示主体上生成各阶段的案件、异议、修复、承诺和约谈（--user 起草，--senior 决定）/ demo work "
                "in every state on demo subjects (--user drafts, --senior decides)")
    p.add_argument("--senior", required=True,
                   help="作出决定的审核或负责人账号（其密码取自 CREDIT_DESK_SENIOR_PASSWORD 或终端输入）/ the deciding "
                        "reviewer or approver (password from CREDIT_DESK_SENIOR_PASSWORD or the terminal)")


def _register_subject(sub) -> None:
    s = group(sub, "subject", "信用主体 / subjects")
    p = command(s, "add", cmd_subject_add)
    p.add_argument("--kind", required=True, choices=["legal_person", "individual_business", "natural_person"])
    p.add_argument("--name", required=True)
    p.add_argument("--id-type", required=True)
    p.add_argument("--id-number", required=True)
    p.add_argument("--legal-rep-name")
    p.add_argument("--legal-rep-id-type", default="ric")
    p.add_argument("--legal-rep-id-number")
    p.add_argument("--address")
    p.add_argument("--convert-15", action="store_true",
                   help="确认把15位第一代身份证号码按 GB 11643 转换为18位 / confirm the 15-to-18-digit conversion")
    p = command(s, "update", cmd_subject_update, "补正或更正主体信息 / complete or correct a subject (R7)")
    p.add_argument("id", type=whole)
    p.add_argument("--kind", choices=["legal_person", "individual_business", "natural_person"])
    p.add_argument("--name")
    p.add_argument("--id-type")
    p.add_argument("--id-number")
    p.add_argument("--legal-rep-name")
    p.add_argument("--legal-rep-id-type")
    p.add_argument("--legal-rep-id-number")
    p.add_argument("--address")
    p = command(s, "exception-request", cmd_exception_request,
                "申请按例外登记校验位不符的统一社会信用代码 / request registration of a USCC failing its check character")
    p.add_argument("--kind", required=True, choices=["legal_person", "individual_business"])
    p.add_argument("--name", required=True)
    p.add_argument("--id-number", required=True)
    p.add_argument("--justification", required=True, help="理由：代码来源及核实经过 / why the code is genuine")
    p.add_argument("--legal-rep-name")
    p.add_argument("--legal-rep-id-type", default="ric")
    p.add_argument("--legal-rep-id-number")
    p.add_argument("--address")
    command(s, "exception-list", cmd_exception_list, "待审批的例外登记 / pending exception requests")
    p = command(s, "exception-approve", cmd_exception_approve, "审批例外登记（另一人）/ approve (a second person)")
    p.add_argument("request", type=whole)
    p = command(s, "exception-refuse", cmd_exception_refuse, "不予例外登记 / refuse")
    p.add_argument("request", type=whole)
    p.add_argument("--reason", required=True)
    p = command(s, "show", cmd_subject_show)
    p.add_argument("id", type=whole)
    p.add_argument("--purpose", required=True, help="查询事由 (R14)")
    p = command(s, "search", cmd_subject_search)
    p.add_argument("text")
    p.add_argument("--purpose", required=True, help="查询事由 (R14)")
    p.add_argument("--limit", type=limit, default=50)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"日期应为 YYYY-MM-DD：{text}") from None


def cmd_init(args) -> int:
    folder = common.data_dir(args)
    if args.password_file:
        password = common.read_secret_file(args.password_file)
    else:
        password = common.prompt_secret("管理员密码", "Admin password", confirm=True)
    if args.recovery_passphrase_file:
        passphrase = common.read_secret_file(args.recovery_passphrase_file)
    else:
        passphrase = common.prompt_secret("恢复口令", "Recovery passphrase", confirm=True)
    desk, in_keyring = ledgers.init_office(folder, office=args.office, region=args.region, admin=args.admin,
                                           admin_password=password, recovery_passphrase=passphrase)
    info = {**ledgers.office_info(desk), "folder": str(folder), "key_in_keyring": in_keyring}
    desk.close()
    note = "密钥已存入系统钥匙串。" if in_keyring else "本机没有可用的系统钥匙串：每次打开都需要恢复口令。"
    emit(args, info, f"已在 {folder} 创建账本「{args.office}」。{note}\n请妥善保管恢复口令：丢失口令且钥匙串损坏时账本无法打开。")
    return 0


def cmd_user_add(args) -> int:
    password = (common.read_secret_file(args.password_file) if args.password_file
                else common.prompt_secret("新用户密码", "New user's password", confirm=True))
    with session_for(args) as s:
        u = accounts.add_user(s, args.name, args.role, password, args.display_name)
    emit(args, {"id": u.id, "username": u.username, "role": u.role.value},
         f"已添加用户 {u.username}（{u.role.zh}）。")
    return 0


def cmd_user_list(args) -> int:
    with session_for(args) as s:
        found = accounts.list_users(s)
    rows = [{"username": u.username, "display_name": u.display_name, "role": u.role.value,
             "active": u.active} for u in found]
    emit(args, rows, "\n".join(f"{u.username}\t{u.role.zh}\t{'启用' if u.active else '停用'}" for u in found))
    return 0


def cmd_subject_add(args) -> int:
    with session_for(args) as s:
        subj = subjects.add_subject(
            s, kind=args.kind, name=args.name, id_type=args.id_type, id_number=args.id_number,
            legal_rep_name=args.legal_rep_name, legal_rep_id_type=args.legal_rep_id_type,
            legal_rep_id_number=args.legal_rep_id_number, address=args.address, convert_15=args.convert_15)
    warnings = subject_warnings(subj)
    text = f"已登记信用主体，编号 {subj.id}。" + "".join(f"\n注意：{w[1]}\nNote: {w[2]}" for w in warnings)
    emit(args, {"id": subj.id, "warnings": [{"code": c, "zh": zh, "en": en} for c, zh, en in warnings]}, text)
    return 0


def cmd_subject_update(args) -> int:
    fields = ("kind", "name", "id_type", "id_number", "legal_rep_name", "legal_rep_id_type", "legal_rep_id_number",
              "address")
    with session_for(args) as s:
        subj = subjects.update_subject(s, args.id, **{f: getattr(args, f) for f in fields})
    emit(args, {"id": subj.id}, f"已更新信用主体 {subj.id} 的信息。")
    return 0


def cmd_exception_request(args) -> int:
    with session_for(args) as s:
        r = id_exceptions.request_uscc_exception(
            s, kind=args.kind, name=args.name, id_number=args.id_number, justification=args.justification,
            legal_rep_name=args.legal_rep_name, legal_rep_id_type=args.legal_rep_id_type,
            legal_rep_id_number=args.legal_rep_id_number, address=args.address)
    emit(args, r, f"已提交例外登记申请，编号 {r['id']}，待另一名审核人员审批后登记。")
    return 0


def cmd_exception_list(args) -> int:
    with session_for(args) as s:
        rows = id_exceptions.pending_exceptions(s)
    emit(args, rows, "\n".join(f"{r['id']}\t{r['name']}\t{r['id_number']}\t{r['requested_by']}\t{r['reason']}"
                               for r in rows) or "没有待审批的例外登记。")
    return 0


def cmd_exception_approve(args) -> int:
    with session_for(args) as s:
        r = id_exceptions.approve_uscc_exception(s, args.request)
    emit(args, {"request": args.request, "subject_id": r["subject"].id},
         f"已审批并登记信用主体，编号 {r['subject'].id}（{EXCEPTION_MARK_ZH}）。")
    return 0


def cmd_exception_refuse(args) -> int:
    with session_for(args) as s:
        r = id_exceptions.refuse_uscc_exception(s, args.request, args.reason)
    emit(args, r, f"已不予登记（申请编号 {args.request}）。")
    return 0


def cmd_subject_show(args) -> int:
    with session_for(args) as s:
        subj = subjects.show_subject(s, args.id, args.purpose)
    data = {"id": subj.id, "kind": subj.kind.value, "name": subj.name, "id_type": subj.id_type.value,
            "id_number": subj.id_number, "legal_rep_name": subj.legal_rep_name,
            "legal_rep_id_number": subj.legal_rep_id_number, "address": subj.address}
    if subj.id_exception:  # issue 15: marked wherever the code shows
        e = subj.id_exception
        data.update({"id_exception": EXCEPTION_MARK_ZH, "exception_reason": e.reason,
                     "exception_requested_by": e.requested_by, "exception_approved_by": e.approved_by,
                     "exception_approved_at": e.approved_at})
    emit(args, data, "\n".join(f"{k}: {v}" for k, v in data.items() if v is not None))
    return 0


def cmd_subject_search(args) -> int:
    with session_for(args) as s:
        found = subjects.search_subjects(s, args.text, args.purpose, args.limit)
    rows = [s.masked() for s in found]
    emit(args, rows, "\n".join(f"{r['id']}\t{r['name']}\t{id_with_mark(r['id_number'], r.get('id_exception'))}"
                               for r in rows) or "没有找到。")
    return 0


def cmd_audit_verify(args) -> int:
    desk = common.open_desk(args, read_only=True)
    try:
        verdict = audit.verify_chain(desk)
    finally:
        desk.close()
    data = {"ok": verdict.ok, "rows": verdict.rows, "first_bad_row": verdict.first_bad_id,
            "reason": verdict.reason_en if args.lang == "en" else verdict.reason_zh,
            "backwards": [{"row": r, "ts": ts, "previous_ts": prev} for r, ts, prev in verdict.backwards]}
    if verdict.ok:
        back = "".join(f"\n  注意：第 {r} 行时间 {ts} 早于前一行 {prev}（时钟被调回或记录被伪造）/ time runs backwards"
                       for r, ts, prev in verdict.backwards[:20])
        emit(args, data, f"审计日志完整：{verdict.rows} 行，哈希链无误。" + back)
        return 0
    emit(args, data, f"审计日志校验失败：{data['reason']}（首个异常行 {verdict.first_bad_id}）")
    return 3


def cmd_audit_log(args) -> int:
    with session_for(args) as s:
        rows = audit.read_log(s, args.limit)
    emit(args, rows, "\n".join(f"{r['id']}\t{r['ts']}\t{r['username']}\t{r['action']}\t{r['object_type']}:"
                               f"{r['object_id']}\t{r['purpose']}\t{r['outcome']}" for r in rows))
    return 0


def cmd_holidays_enter(args) -> int:
    with session_for(args) as s:
        r = workdays.enter_holiday_year(s, args.year, args.rest, args.work, args.source, replace=args.replace)
    text = (f"已录入{r['year']}年节假日安排（{r['source']}）：放假 {len(r['rest_days'])} 天，调休上班 "
            f"{len(r['workdays'])} 天。")
    if r["overrides"]:
        text += "\n注意：本次录入替换了" + "、".join({"chinesecalendar": "软件内置安排", "platform": "平台下发的安排"}[o]
                                              for o in r["overrides"]) + "。"
    emit(args, r, text + deadline_lines(r.get("deadlines")))
    return 0


_DEADLINE_OBJECT = {"case": "案件", "objection": "异议", "repair": "信用修复申请", "admin_decision": "双公示决定"}


def deadline_lines(done: dict | None) -> str:
    """R20: the stored deadlines a calendar change recomputed (moved, printed ones kept, flagged for the clerk)."""
    if not done:
        return ""
    out = [f"\n{_DEADLINE_OBJECT.get(o['object_type'], o['object_type'])}{o['object_id']} 的期限由 {o['from']} "
           f"改为 {o['to']}（按节假日安排重新核算）。" for o in done["moved"]]
    out += [f"\n{_DEADLINE_OBJECT.get(o['object_type'], o['object_type'])}{o['object_id']} 的期限已载于送达的文书"
            f"（{o['printed']}），按节假日安排应为 {o['correct']}，以 {o['to']} 为准。" for o in done["kept"]
            if "printed" in o and o["printed"] != o["correct"]]
    out += [f"\n请注意：{_DEADLINE_OBJECT.get(o['object_type'], o['object_type'])}{o['object_id']} 文书所载期限"
            f"（{o['printed']}）与按节假日安排计算的（{o['correct']}）不同，见到期事项。" for o in done["flagged"]]
    return "".join(out)


def cmd_holidays_held(args) -> int:
    with session_for(args) as s:
        rows = workdays.held_platform_years(s)
    emit(args, rows, "\n".join(f"{r['year']}年：平台下发（{r['source']}）与管理员录入（{r['admin_source']}）不同的日期："
                               f"{'、'.join(r['differs'])}" for r in rows) or "没有等待确认的平台节假日安排。")
    return 0


def cmd_holidays_accept(args) -> int:
    with session_for(args) as s:
        r = workdays.accept_platform_year(s, args.year)
    emit(args, r, f"{r['year']}年节假日安排已改按平台下发的（{r['source']}）执行，替换了管理员录入的（{r['replaced']}）。"
         + deadline_lines(r.get("deadlines")))
    return 0


def cmd_workdays_add(args) -> int:
    desk = None
    folder = common.data_dir(args)
    if ledgers_exist(folder):
        try:
            desk = ledgers.unlock(folder, read_only=True)
        except DomainError:
            desk = None  # no key at hand: the library's calendar alone, and the clerk is told so
            print("Note: the ledger could not be opened; only the built-in holiday schedules were used, not the "
                  "updates loaded into the ledger." if args.lang == "en" else
                  "注意：未能打开账本，只按内置节假日安排计算，未包含账本中载入的节假日更新。", file=sys.stderr)
    try:
        result = workdays.add_workdays(desk, args.start, args.n)
    finally:
        if desk:
            desk.close()
    from credit_desk.domain.workcal import missing_year_warning_en
    for year, w in zip(result.missing_years, result.warnings):   # R20: said, in the clerk's language
        print(f"Note: {missing_year_warning_en(year)}" if args.lang == "en" else f"注意：{w}", file=sys.stderr)
    emit(args, {"date": result.date.isoformat(), "warnings": list(result.warnings)}, result.date.isoformat())
    return 0


def cmd_demo_work(args) -> int:
    from credit_desk.services import auth, demo_work
    with session_for(args) as s:
        found = os.environ.get("CREDIT_DESK_SENIOR_PASSWORD")
        secret = found if found is not None else common.prompt_secret("决定人密码", "Senior's password")
        senior = auth.login(s.desk, args.senior, secret)
        out = demo_work.seed_work(s, senior)
    n = len([k for k in out if k not in ("repair", "commitment", "interview")])
    what = "1 个承诺及约谈" if out["commitment"] else "1 次约谈（本单位尚无信用承诺事项清单，未生成承诺）"
    emit(args, out, f"已生成演示工作：{n} 个各阶段案件、1 个信用修复、{what}（不会报送平台）。")
    return 0


def ledgers_exist(folder) -> bool:
    from credit_desk.store.ledger import LedgerPaths
    return LedgerPaths(folder).exists()


def cmd_demo(args) -> int:
    if args.subjects < 1 or args.records < 0:
        raise ValidationError("DEMO_COUNTS", "主体数须至少为1，记录数不能为负。",
                              "Subjects must be at least 1 and records not negative.", field="subjects")
    with session_for(args) as s:
        out = demo.seed(s, subjects_n=args.subjects, records_n=args.records, seed_value=args.seed)
    emit(args, out, f"已生成演示数据：{out['subjects']} 个主体，{out['records']} 条记录（种子 {out['seed']}）。")
    return 0
