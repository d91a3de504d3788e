"""Commitment (R17) and interview (R18) commands."""

from __future__ import annotations

from datetime import date, datetime

from credit_desk.cli.common import command, emit, group, session_for, whole
from credit_desk.domain.commitments import CommitmentType
from credit_desk.services import commitments, followups, interviews, publication


def _date(text: str) -> date:
    return date.fromisoformat(text)


def register(sub) -> None:
    com = group(sub, "commitment", "信用承诺 / credit commitments (R17)")
    p = command(com, "item-add", cmd_item_add)
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--type", required=True,
                   choices=[t.value for t in CommitmentType])
    p.add_argument("--basis", required=True)
    p = command(com, "add", cmd_add)
    p.add_argument("--subject", type=whole, required=True)
    p.add_argument("--item", required=True)
    p.add_argument("--content", required=True)
    p.add_argument("--made-on", type=_date)
    p.add_argument("--record", type=whole, help="信用修复型承诺对应的失信信息编号")
    p = command(com, "check", cmd_check)
    p.add_argument("id", type=whole)
    p.add_argument("--fulfilment", required=True, choices=["full", "partial", "none"])
    p.add_argument("--checked-on", type=_date)
    p = command(com, "list", cmd_list)
    p.add_argument("--subject", type=whole, required=True)
    p.add_argument("--purpose", required=True, help="查询事由（R14，记入审计日志）")
    p = command(com, "lift", cmd_lift, "解除重点监管 / lift key supervision (R17)")
    p.add_argument("flag", type=whole)
    p.add_argument("--reason", required=True, help="期满或已整改的情况")
    p.add_argument("--on", type=_date)
    con = group(sub, "consent", "公开个人信息的本人同意 / a person's consent to publish (R15)")
    p = command(con, "add", cmd_consent_add)
    p.add_argument("--subject", type=whole, required=True)
    p.add_argument("--record", type=whole, help="同意公开的失信信息编号（不填则须在范围中写明）")
    p.add_argument("--scope", required=True, help="同意公开的具体范围（哪条信息、哪个渠道）")
    p.add_argument("--given-on", type=_date, required=True)
    p.add_argument("--valid-until", type=_date, required=True)
    p.add_argument("--document", required=True, help="本人签署的同意书（名称、日期）")
    p = command(con, "withdraw", cmd_consent_withdraw)
    p.add_argument("id", type=whole)
    p.add_argument("--on", type=_date)
    itv = group(sub, "interview", "约谈 / interviews (R18)")
    p = command(itv, "add", cmd_interview_add)
    p.add_argument("--subject", type=whole, required=True)
    p.add_argument("--kind", required=True, choices=["reminder", "warning"])
    p.add_argument("--held-on", type=_date)
    p.add_argument("--people", required=True)
    p.add_argument("--content", required=True)
    p.add_argument("--outcome", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--rectify-by", type=_date)
    p.add_argument("--plan", type=whole, help="对应的约谈安排编号 / the planned interview held")
    p = command(itv, "plan", cmd_interview_plan, "安排约谈并登记约谈通知书编号 / plan an interview")
    p.add_argument("--subject", type=whole, required=True)
    p.add_argument("--kind", required=True, choices=["reminder", "warning"])
    p.add_argument("--at", required=True, type=datetime.fromisoformat, help="约谈时间 YYYY-MM-DDTHH:MM")
    p.add_argument("--place", required=True)
    p.add_argument("--matter", required=True, help="约谈事由")
    p.add_argument("--basis", required=True, help="约谈依据")
    p.add_argument("--bring", action="append", default=[], help="需携带的材料，可重复")
    p = command(itv, "list", cmd_interview_list)
    p.add_argument("--subject", type=whole, required=True)
    p.add_argument("--purpose", required=True, help="查询事由（R14，记入审计日志）")
    p = command(itv, "rectified", cmd_interview_rectified, "登记约谈后整改完成 / the subject rectified (R18)")
    p.add_argument("id", type=whole)
    p.add_argument("--note", required=True, help="整改情况")
    p.add_argument("--on", type=_date)


def cmd_lift(args) -> int:
    with session_for(args) as s:
        out = followups.lift_flag(s, args.flag, reason=args.reason, on=args.on)
    emit(args, out, f"已解除重点监管标记 {args.flag}（{out['cleared_on']}）。")
    return 0


def cmd_consent_add(args) -> int:
    with session_for(args) as s:
        out = publication.add_consent(s, subject_id=args.subject, record_id=args.record, scope=args.scope,
                                      given_on=args.given_on, valid_until=args.valid_until, document=args.document)
    emit(args, out, f"已登记本人同意公开记录 {out['id']}（有效期至 {out['valid_until']}）。")
    return 0


def cmd_consent_withdraw(args) -> int:
    with session_for(args) as s:
        out = publication.withdraw_consent(s, args.id, on=args.on)
    emit(args, out, f"同意记录 {args.id} 已于 {out['withdrawn_on']} 撤回。")
    return 0


def cmd_interview_rectified(args) -> int:
    with session_for(args) as s:
        out = followups.record_rectified(s, args.id, note=args.note, on=args.on)
    emit(args, out, f"约谈 {args.id} 已登记整改完成（{out['rectified_on']}）。")
    return 0


def cmd_item_add(args) -> int:
    with session_for(args) as s:
        item = commitments.add_item(s, args.code, args.name, args.type, args.basis)
    emit(args, item, f"已加入信用承诺事项清单：{item['code']} {item['name']}")
    return 0


def cmd_add(args) -> int:
    with session_for(args) as s:
        c = commitments.record_commitment(s, subject_id=args.subject, item_code=args.item, content=args.content,
                                          made_on=args.made_on or s.desk.today(), record_id=args.record)
    emit(args, {"id": c.id}, f"已登记信用承诺，编号 {c.id}。")
    return 0


def cmd_check(args) -> int:
    with session_for(args) as s:
        out = commitments.check_fulfilment(s, args.id, args.fulfilment, args.checked_on or s.desk.today())
    note = "，已列入重点监管" if out["key_supervision_flag"] else ""
    emit(args, out, f"已记录履行情况{note}。")
    return 0


def cmd_list(args) -> int:
    with session_for(args) as s:
        out = commitments.subject_commitments(s, args.subject, args.purpose)
    emit(args, out, "\n".join(f"{c['id']}\t{c['item_code']}\t{c['made_on']}\t{c['fulfilment']}"
                              for c in out["commitments"]) or "没有承诺记录。")
    return 0


def cmd_interview_add(args) -> int:
    with session_for(args) as s:
        i = commitments.record_interview(s, subject_id=args.subject, kind=args.kind,
                                         held_on=args.held_on or s.desk.today(), people=args.people,
                                         content=args.content, outcome=args.outcome, reason=args.reason,
                                         rectify_by=args.rectify_by, plan_id=args.plan)
    emit(args, {"id": i.id}, f"已登记{i.kind.zh}记录，编号 {i.id}。")
    return 0


def cmd_interview_plan(args) -> int:
    with session_for(args) as s:
        plan = interviews.plan_interview(s, subject_id=args.subject, kind=args.kind, planned_at=args.at,
                                         place=args.place, matter=args.matter, basis=args.basis, bring=args.bring)
    emit(args, plan, f"已安排约谈，编号 {plan['id']}；约谈通知书 {plan['notice_number']}（print interview_notice "
                     f"--interview {plan['id']}）。")
    return 0


def cmd_interview_list(args) -> int:
    with session_for(args) as s:
        rows = commitments.subject_interviews(s, args.subject, args.purpose)
    emit(args, rows, "\n".join(f"{r['id']}\t{r['kind']}\t{r['held_on']}\t{r['outcome']}" for r in rows) or "没有约谈记录。")
    return 0
