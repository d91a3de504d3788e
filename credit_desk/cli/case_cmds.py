"""Records, listing cases, objections and the due list: record …, case …, objection …, due, expiry check.

Every date a step depends on can be given (``--served-on``, ``--received-on``, ``--decided-on`` …) and
defaults to today, so a calendar can be walked from a script.
"""

from __future__ import annotations

from datetime import date

from credit_desk.domain.procedure import NOT_LISTED_GROUNDS
from credit_desk.cli.common import command, emit, group, limit, session_for, whole
from credit_desk.services import case_exits, cases, due, objections, records, workdays, withdrawals
from credit_desk.services.case_view import case_summary, window_rule

LISTS = ["black", "watch", "red"]
# R12 / 1798号 (十八): the limit itself is the rule set's (domain.list_rules.post_exit_watch_max_months), checked by
# the service; the help says where it comes from.
WATCH_HELP = ("移出后重点关注期限（月），1至现行规则集所载失信信息最长公示期（国家默认36个月）(R12) / watch period after "
              "the black list, 1 to the rule set's longest publication period (national: 36 months)")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"日期应为 YYYY-MM-DD：{text}") from None


def register(sub) -> None:
    _register_record(sub)
    _register_case(sub)
    o = group(sub, "objection", "异议 / objections (R19)")
    p = command(o, "add", cmd_objection_add)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--record", type=whole)
    target.add_argument("--case", type=whole)
    _objection_args(p)
    p = command(o, "resolve", cmd_objection_resolve)
    _resolve_args(p)
    p = command(sub, "due", cmd_due, "到期事项 / open deadlines")
    p.add_argument("--overdue", action="store_true", help="只列逾期事项 / overdue only")
    p.add_argument("--today", type=_day, help="按此日期计算 / compute as of this date")
    e = group(sub, "expiry", "有效期届满检查 / expiry check (R12)")
    p = command(e, "check", cmd_case_expire)
    p.add_argument("--on", type=_day)


def _register_record(sub) -> None:
    r = group(sub, "record", "失信信息 / dishonesty records")
    p = command(r, "add", cmd_record_add)
    p.add_argument("--subject", type=whole, required=True)
    p.add_argument("--catalogue-code", required=True)
    p.add_argument("--tier", required=True, help="slight / general / serious")
    p.add_argument("--facts", required=True)
    _doc_args(p, required=True)
    p.add_argument("--department", required=True)
    p.add_argument("--act-date", type=_day, required=True)
    p.add_argument("--decided-on", type=_day, help="认定日期（默认为文书作出日期）")
    p.add_argument("--force-majeure", action="store_true")
    p.add_argument("--no-intent", action="store_true")
    p.add_argument("--slight", action="store_true")
    p.add_argument("--justification", help="宽容审慎情形的书面说明 (R9)")
    p = command(r, "show", cmd_record_show)
    p.add_argument("id", type=whole)
    p.add_argument("--purpose", required=True)
    p = command(r, "search", cmd_record_search, "按文号、名称或证件号码查询失信信息 / search records by 文号, name or ID")
    p.add_argument("text")
    p.add_argument("--purpose", required=True, help="查询事由 (R14)")
    p.add_argument("--limit", type=limit, default=50)
    p = command(r, "approve", cmd_record_approve)
    p.add_argument("id", type=whole)
    p = command(r, "publication", cmd_record_publication, "公开依据（R15）/ the basis to publish, or a refusal")
    p.add_argument("id", type=whole)
    p = command(r, "revoke", cmd_record_revoke)
    p.add_argument("id", type=whole)
    p.add_argument("--reason", required=True)
    p.add_argument("--on", type=_day)
    p = command(r, "change", cmd_record_change)
    p.add_argument("id", type=whole)
    p.add_argument("--reason", required=True)
    p.add_argument("--on", type=_day)
    p.add_argument("--facts")
    p.add_argument("--tier")
    _doc_args(p, required=False)


def cmd_record_publication(args) -> int:
    with session_for(args) as s:
        out = records.publication_basis(s, args.id)
    emit(args, out, f"失信信息 {args.id} 可以公开，依据：{out['text']}")
    return 0


def _doc_args(p, required: bool) -> None:
    p.add_argument("--doc-type", required=required, help="court_judgment / court_ruling / arbitration_award / "
                   "admin_penalty / admin_ruling / other_legal")
    p.add_argument("--doc-number", required=required)
    p.add_argument("--doc-authority", required=required)
    p.add_argument("--doc-issued", type=_day, required=required)
    p.add_argument("--doc-effective", type=_day, required=required)
    p.add_argument("--doc-citation")


def _case_fields(p) -> None:
    p.add_argument("--department")
    p.add_argument("--department-level", help="township / county / city / province / national")
    p.add_argument("--domain", help="认定部门所属领域，如 税务 (R11)")
    p.add_argument("--ground", help="a / b / c / d (R4)")
    p.add_argument("--standard", help="认定标准 (R4)")
    p.add_argument("--standard-kind", help="law / admin_regulation / central_policy / department_rule / "
                   "local_regulation")
    p.add_argument("--facts")
    p.add_argument("--basis")
    p.add_argument("--valid-until", type=_day)
    p.add_argument("--warning-letter", help="警示函文号 (R11)")
    p.add_argument("--post-exit-watch-months", type=whole, help=WATCH_HELP)
    p.add_argument("--channel", help="公示渠道 (R12)")


def _register_case(sub) -> None:
    c = group(sub, "case", "认定案件 / listing cases")
    p = command(c, "open", cmd_case_open)
    p.add_argument("--subject", type=whole, required=True)
    p.add_argument("--list", dest="list_type", required=True, choices=LISTS)
    p.add_argument("--record", type=whole, action="append", default=[])
    p.add_argument("--opened-on", type=_day)
    _case_fields(p)
    p = command(c, "update", cmd_case_update)
    p.add_argument("id", type=whole)
    _case_fields(p)
    p.add_argument("--record", type=int, action="append", help="所依据的失信信息（替换原有的，可重复）(R1)")
    p.add_argument("--renotice-on", type=_day,
                   help="告知书送达后修改事实、依据、情形、标准或失信信息时：新告知书的送达日期（今天重新编号，"
                        "即今天送达；重新计算异议期）(R5)")
    p = command(c, "notice", cmd_case_notice)
    p.add_argument("id", type=whole)
    p.add_argument("--served-on", type=_day,
                   help="送达日期：不早于告知书编号出具之日（未在本系统打印的今天编号，即今天送达）；"
                        "更早送达的须填写所送达纸质告知书的手工文号 (R5)")
    p.add_argument("--external-number", help="仅当本单位已手工编号出具告知书时填写；否则由文书登记簿取号")
    p = command(c, "object", cmd_case_object)
    p.add_argument("id", type=whole)
    _objection_args(p)
    p = command(c, "reply", cmd_objection_resolve)
    _resolve_args(p)
    _register_decide(c)
    _register_exit(c)
    p = command(c, "show", cmd_case_show)
    p.add_argument("id", type=whole)
    p.add_argument("--purpose", required=True)
    p = command(c, "list", cmd_case_list)
    p.add_argument("--subject", type=whole)
    p.add_argument("--state")
    p.add_argument("--list", dest="list_type", choices=LISTS)
    p.add_argument("--limit", type=limit, default=200)
    p = command(c, "expire", cmd_case_expire)
    p.add_argument("--on", type=_day)
    command(c, "alerts", cmd_case_alerts)


def _register_decide(c) -> None:
    p = command(c, "decide", cmd_case_decide)
    p.add_argument("id", type=whole)
    p.add_argument("--decided-on", type=_day,
                   help="决定日期：决定书今天由文书登记簿编号出具，即今天作出；更早作出的须填写纸质决定书的手工文号 (R5)")
    p.add_argument("--external-number", help="仅当本单位已手工编号出具决定书时填写；否则由文书登记簿取号")
    p.add_argument("--repair-notice-number",
                   help="手工编号的决定书早于今天作出时：随其同时送达的纸质信用修复告知书的手工文号（两书同达，R5/R13）")
    p.add_argument("--not-list", action="store_true", help="决定不予列入 / decide not to list")
    p.add_argument("--reason-code", choices=sorted(NOT_LISTED_GROUNDS),
                   help="不予列入的法定理由（R5） / the lawful outcome of not listing")
    p.add_argument("--reason", help="不予列入的补充说明 / wording added to the outcome")
    p.add_argument("--measure", action="append", default=[], help="惩戒措施编码 (R8)，可重复")
    p.add_argument("--valid-until", type=_day)
    p.add_argument("--warning-letter")
    p.add_argument("--post-exit-watch-months", type=whole, help=WATCH_HELP)
    p.add_argument("--channel")
    p.add_argument("--removal-conditions")
    p.add_argument("--remedies")
    p.add_argument("--leniency-justification")


def _register_exit(c) -> None:
    p = command(c, "exit", cmd_case_exit)
    p.add_argument("id", type=whole)
    p.add_argument("--way", required=True, choices=["1", "2", "3", "4"])
    p.add_argument("--exit-on", type=_day)
    p.add_argument("--consent", help="认定部门同意提前移出的文件或意见 (way 2)")
    p.add_argument("--standard-change", help="改变后的认定标准 (way 4)")
    p.add_argument("--watch-months", type=whole, help=WATCH_HELP)
    p.add_argument("--warning-letter-number",
                   help="移出严重失信主体名单后列入重点关注名单的警示函：仅当移出之日已送达本单位手工编号的纸质警示函时填写其文号；"
                        "否则由文书登记簿今天编号出具 (R5/R11)")
    p.add_argument("--note")
    p = command(c, "withdraw", cmd_case_withdraw, "提出误列撤销 / propose withdrawing a wrongful listing (R12 way 1)")
    p.add_argument("id", type=whole)
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--objection", type=whole, help="证明误列的异议编号 / the objection that showed it")
    how.add_argument("--finding", help="本单位主动发现的情况 / the office's own finding (1798号 (二十三))")
    p.add_argument("--on", type=_day)
    p = command(c, "withdraw-approve", cmd_case_withdraw_approve,
                "批准误列撤销（另一位负责人）/ approve a proposed withdrawal (a second senior person)")
    p.add_argument("id", type=whole)
    p.add_argument("--on", type=_day)
    p.add_argument("--apology-number", help="手工编号的书面道歉及澄清函 / an apology numbered by hand")
    p.add_argument("--apology-on", type=_day)


def _objection_args(p) -> None:
    p.add_argument("--received-on", type=_day)
    p.add_argument("--grounds", required=True)
    p.add_argument("--evidence", default="")


def _resolve_args(p) -> None:
    p.add_argument("objection_id", type=whole)
    p.add_argument("--outcome", required=True, choices=["upheld", "corrected", "revoked"])
    p.add_argument("--reply", required=True)
    p.add_argument("--replied-on", type=_day)
    p.add_argument("--facts", help="更正后的事实 / corrected facts")
    p.add_argument("--renotice-on", type=_day, help="更正预先告知书所载事实时，新预先告知书的送达日期（R5） / "
                   "date the new prior notice with the corrected grounds is served")


# --- handlers ------------------------------------------------------------------------------

def cmd_record_add(args) -> int:
    with session_for(args) as s:
        out = records.add_record(
            s, subject_id=args.subject, catalogue_code=args.catalogue_code, tier=args.tier, facts=args.facts,
            doc_type=args.doc_type, doc_number=args.doc_number, doc_authority=args.doc_authority,
            doc_issued=args.doc_issued, doc_effective=args.doc_effective, doc_citation=args.doc_citation,
            department=args.department, act_date=args.act_date, decision_date=args.decided_on,
            force_majeure=args.force_majeure, no_intent=args.no_intent, slight=args.slight,
            justification=args.justification)
    r = out["record"]
    data = {**records.record_dict(r), "black_case_id": out["black_case_id"],
            "repair_notice_number": out.get("repair_notice_number")}
    note = "（适用宽容审慎，待第二人审批）" if r.status.value == "pending" else ""
    extra = f"\n主体在重点关注名单期间又有严重失信行为，已新建严重失信主体名单案件 {out['black_case_id']}（R11）。" \
        if out["black_case_id"] else ""
    if out.get("repair_notice_number"):
        extra += (f"\n两书同达：信用修复告知书 {out['repair_notice_number']} 已预留，请随行政处罚决定书一并送达"
                  f"（print repair_notice --record {r.id}）。")
    emit(args, data, f"已录入失信信息，编号 {r.id}{note}；公示截止 {r.publication_end}（规则集 {r.rule_set_code}）。{extra}")
    return 0


def cmd_record_show(args) -> int:
    with session_for(args) as s:
        r = records.show_record(s, args.id, args.purpose)
        data = {**records.record_dict(r), "history": records.record_history(s, args.id, args.purpose)}
    emit(args, data, "\n".join(f"{k}: {v}" for k, v in data.items() if v not in (None, [], "")))
    return 0


def cmd_record_search(args) -> int:
    """The records list's search from a terminal: the same keys (one normaliser), logged (R14), masked (R15)."""
    from credit_desk.services import browse
    with session_for(args) as s:
        token = browse.log_search(s, "records", args.text, args.purpose)
        reader = browse.Reader(s)
        try:
            rows = browse.records_page(s, reader, browse.PageSpec("id", False, None, args.limit), token)
        finally:
            reader.close()
    rows = [{k: r[k] for k in ("id", "subject_id", "name", "id_number", "doc_number", "tier", "status",
                                "decision_date")} for r in rows]
    emit(args, rows, "\n".join(f"{r['id']}\t{r['doc_number']}\t{r['name']}\t{r['id_number']}\t{r['decision_date']}"
                               for r in rows) or "没有找到。")
    return 0


def cmd_record_approve(args) -> int:
    with session_for(args) as s:
        out = records.approve_record(s, args.id)
    emit(args, {**records.record_dict(out["record"]), "black_case_id": out["black_case_id"]},
         f"已审批失信信息 {args.id}。")
    return 0


def cmd_record_revoke(args) -> int:
    with session_for(args) as s:
        out = records.revoke_record(s, args.id, reason=args.reason, on=args.on)
    warn = "".join(f"\n案件 {e['case_id']} 所依据的失信信息已全部撤销：惩戒措施自 {e['measures_stopped_on']} 起停止，"
                   f"须于 {e['end_due']} 前由认定部门撤销（误列）或移出（R3）。" for e in out["ending"])
    emit(args, {**records.record_dict(out["record"]), "listed_case_ids": out["listed_case_ids"],
                "ending": out["ending"]}, f"失信信息 {args.id} 已随认定依据撤销（R3）。{warn}")
    return 0


def cmd_record_change(args) -> int:
    with session_for(args) as s:
        r = records.change_record(s, args.id, reason=args.reason, on=args.on, facts=args.facts, tier=args.tier,
                                  doc_type=args.doc_type, doc_number=args.doc_number,
                                  doc_authority=args.doc_authority, doc_issued=args.doc_issued,
                                  doc_effective=args.doc_effective, doc_citation=args.doc_citation)
    emit(args, records.record_dict(r), f"失信信息 {args.id} 已随认定依据变更（R3）。")
    return 0


_FIELDS = ("department", "department_level", "domain", "ground", "standard", "standard_kind", "facts", "basis",
           "valid_until", "warning_letter", "post_exit_watch_months", "channel")


def _fields(args) -> dict:
    return {f: getattr(args, f) for f in _FIELDS}


def cmd_case_open(args) -> int:
    with session_for(args) as s:
        case = cases.open_case(s, subject_id=args.subject, list_type=args.list_type, record_ids=args.record,
                               opened_on=args.opened_on, **_fields(args))
    emit(args, {"id": case.id, "state": case.state.value}, f"已新建认定案件 {case.id}（{case.list_type.zh}，起草）。")
    return 0


def cmd_case_update(args) -> int:
    with session_for(args) as s:
        old = cases.get_case(s, args.id, f"修改认定案件 {args.id}")  # the update's own record of what it changed
        case = cases.update_case(s, args.id, record_ids=args.record, renotice_on=args.renotice_on, **_fields(args))
    data = {"id": case.id, "state": case.state.value}
    human = f"已修改案件 {case.id}。"
    if case.notice_number != old.notice_number:
        data.update(notice_number=case.notice_number, superseded=old.notice_number,
                    served_on=case.served_on.isoformat(), window_end=case.window_end.isoformat())
        human += (f"原预先告知书 {old.notice_number} 已作废，新告知书 {case.notice_number} 于 {case.served_on} 送达；"
                  f"异议期至 {case.window_end} 届满。")
    emit(args, data, human)
    return 0


def cmd_case_notice(args) -> int:
    with session_for(args) as s:
        case = cases.serve_notice(s, args.id, served_on=args.served_on, external_number=args.external_number)
        warn = workdays.deadline_warnings(s.desk, case.served_on, case.window_end)  # R20
        rule = window_rule(s.ledger.conn, case, s.desk.today())
    emit(args, {"id": case.id, "state": case.state.value, "served_on": case.served_on.isoformat(),
                "window_end": case.window_end.isoformat(), "notice_number": case.notice_number, "warnings": warn,
                "window_rule": rule},
         f"预先告知已送达（{case.notice_number}）；异议期至 {case.window_end.isoformat()} 届满"
         f"（期限：{rule}）。" + _warn(warn))
    return 0


def _warn(warnings) -> str:
    """R20: a deadline counted across a year without holiday data says so on screen."""
    return "".join(f"\n注意：{w}" for w in warnings)


def cmd_case_object(args) -> int:
    args.record, args.case = None, args.id
    return cmd_objection_add(args)


def cmd_objection_add(args) -> int:
    target, tid = ("record", args.record) if args.record is not None else ("case", args.case)
    with session_for(args) as s:
        o = objections.add_objection(s, target=target, target_id=tid, received_on=args.received_on,
                                     grounds=args.grounds, evidence=args.evidence)
        warn = workdays.deadline_warnings(s.desk, o.received_on, o.due_on)  # R20
    emit(args, {"id": o.id, "target_type": o.target_type.value, "target_id": o.target_id, "stage": o.stage.value,
                "received_on": o.received_on.isoformat(), "due_on": o.due_on.isoformat(),
                "rule_set_code": o.rule_set_code, "warnings": warn},
         f"已受理异议 {o.id}，须于 {o.due_on.isoformat()} 前答复。" + _warn(warn))
    return 0


def cmd_objection_resolve(args) -> int:
    with session_for(args) as s:
        out = objections.resolve_objection(s, args.objection_id, outcome=args.outcome, reply=args.reply,
                                           resolved_on=args.replied_on, corrected_facts=args.facts,
                                           renotice_on=args.renotice_on)
    again = (f"已重新送达预先告知书（{out['notice_number']}），异议期至 {out['window_end']} 届满。"
             if out.get("notice_number") else "")
    emit(args, out, f"异议 {args.objection_id} 已处理（{args.outcome}）。{again}")
    return 0


def cmd_case_decide(args) -> int:
    with session_for(args) as s:
        d = cases.Decision(decided_on=args.decided_on or s.desk.today(), external_number=args.external_number,
                           repair_notice_number=args.repair_notice_number,
                           list_it=not args.not_list, reason=args.reason, reason_code=args.reason_code,
                           measures=tuple(args.measure),
                           valid_until=args.valid_until, warning_letter=args.warning_letter,
                           post_exit_watch_months=args.post_exit_watch_months, channel=args.channel,
                           removal_conditions=args.removal_conditions, remedies=args.remedies,
                           leniency_justification=args.leniency_justification)
        out = cases.decide_case(s, args.id, d)
        if out.get("share_due"):
            out["warnings"] = workdays.deadline_warnings(s.desk, d.decided_on, date.fromisoformat(out["share_due"]))
    two = f"；信用修复告知书 {out['repair_notice_number']} 与决定书同时送达（两书同达）" \
        if out.get("repair_notice_number") else ""
    by = f"由{out['issuer']}作出，" if out.get("issuer") else ""
    human = (f"案件 {args.id} 已决定列入名单（{by}{out['decision_number']}{two}），有效期至 {out['valid_until']}；"
             f"须于 {out['share_due']} 前报送平台（R6）。{_warn(out.get('warnings') or [])}"
             if out["state"] == "listed" else f"案件 {args.id} 决定不予列入（{out['decision_number']}）。")
    emit(args, out, human)
    return 0


def cmd_case_exit(args) -> int:
    with session_for(args) as s:
        out = case_exits.exit_case(s, args.id, way=args.way, exit_on=args.exit_on, consent=args.consent,
                                   standard_change=args.standard_change, watch_months=args.watch_months,
                                   note=args.note, warning_letter_number=args.warning_letter_number)
    watch = f"；已列入重点关注名单（案件 {out['watch_case_id']}）" if out.get("watch_case_id") else ""
    emit(args, out, f"案件 {args.id} 已移出名单（方式 {args.way}），已生成移出公告{watch}。")
    return 0


def cmd_case_withdraw(args) -> int:
    with session_for(args) as s:
        out = withdrawals.propose_withdrawal(s, args.id, objection_id=args.objection, finding=args.finding,
                                             on=args.on)
    emit(args, out, f"已提出撤销案件 {args.id} 的误列认定，须由另一位负责人批准后执行（case withdraw-approve）。")
    return 0


def cmd_case_withdraw_approve(args) -> int:
    with session_for(args) as s:
        out = withdrawals.approve_withdrawal(s, args.id, on=args.on, apology_number=args.apology_number,
                                             apology_on=args.apology_on)
    emit(args, out, f"案件 {args.id} 已按误列撤销：有关信息已删除，文书已撤回；书面道歉及澄清函已编号，"
                    f"请打印道歉函和更正公告（correction_announcement）。")
    return 0


def cmd_case_show(args) -> int:
    with session_for(args) as s:
        data = cases.case_detail(s, args.id, args.purpose)
    emit(args, data, "\n".join(f"{k}: {v}" for k, v in data.items() if v not in (None, [], "")))
    return 0


def cmd_case_list(args) -> int:
    with session_for(args) as s:
        found = cases.list_cases(s, subject_id=args.subject, state=args.state, list_type=args.list_type,
                                 limit=args.limit)
        today = s.desk.today()
    rows = [case_summary(c, today) for c in found]
    emit(args, rows, "\n".join(f"{r['id']}\t主体{r['subject_id']}\t{r['list_type_zh']}\t{r['state_zh']}"
                               f"\t{r['valid_until'] or ''}" for r in rows) or "没有案件。")
    return 0


def cmd_case_expire(args) -> int:
    with session_for(args) as s:
        done = case_exits.expire_listings(s, args.on)
    left = [d for d in done if not d.get("refused")]
    emit(args, done, f"有效期届满检查完成：{len(left)} 个名单移出。"
         + "".join(f"\n案件 {d['case_id']} 已移出" + ("（所依据的失信信息均已撤销，逾期自动移出，R3）"
                                                     if d.get("basis_revoked") else "（有效期届满）") for d in left)
         + "".join(f"\n{d['zh']}" for d in done if d.get("refused")))  # issue 19: said, not hidden
    return 0


def cmd_case_alerts(args) -> int:
    with session_for(args) as s:
        rows = cases.alerts(s)
    emit(args, rows, "\n".join(f"主体{r['subject_id']}\t大数据警示\t{r['raised_on']}\t{r['domains']}" for r in rows)
         or "没有大数据警示。")
    return 0


def cmd_due(args) -> int:
    with session_for(args) as s:
        items = due.due_items(s, overdue_only=args.overdue, today=args.today)
    rows = [i.to_dict() for i in items]
    label = "label_en" if args.lang == "en" else "label_zh"
    emit(args, rows, "\n".join(f"{r['due_date']}\t{'逾期' if r['overdue'] else '　　'}\t{r[label]}" for r in rows)
         or "没有到期事项。")
    return 0
