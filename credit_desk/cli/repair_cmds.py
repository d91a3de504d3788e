"""Credit repair (R13): ``repair apply|supplement|accept|reject|decide|show|list|non-repairable``.

``repair apply --decision ID`` names a 双公示 administrative penalty decision of the subject (R21): granted, it
stops being published (停止公示).

Every date can be given (``--received-on``, ``--accepted-on``, ``--on``, ``--decided-on``) and defaults to today.
There is no fee option: repair costs the applicant nothing (R13).
"""

from __future__ import annotations

from datetime import date

from credit_desk.cli.common import command, emit, group, session_for, whole
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.repairs import Channel, Material, RecordAction
from credit_desk.services import repairs


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"日期应为 YYYY-MM-DD：{text}") from None


def register(sub) -> None:
    r = group(sub, "repair", "信用修复 / credit repair (R13)")
    p = command(r, "apply", cmd_apply, "登记修复申请 / register an application")
    p.add_argument("--subject", type=whole, required=True)
    p.add_argument("--applicant", required=True, help="申请人及经办人 / applicant (and agent)")
    p.add_argument("--channel", required=True, choices=[c.value for c in Channel], help="窗口/邮寄/平台转办")
    p.add_argument("--received-on", type=_day)
    p.add_argument("--record", type=whole, action="append", default=[], help="申请修复的失信信息编号，可重复")
    p.add_argument("--case", type=whole, action="append", default=[], help="申请移出的名单案件编号，可重复")
    p.add_argument("--decision", type=whole, action="append", default=[],
                   help="申请停止公示的双公示行政处罚决定编号，可重复 / 双公示 penalty decision to stop publishing (R21)")
    p.add_argument("--material", action="append", default=[], choices=[m.value for m in Material],
                   help="已提交的材料，可重复 / materials handed in")
    p.add_argument("--commitment", type=whole, help="信用修复型承诺记录编号 (R17)")
    p = command(r, "supplement", cmd_supplement, "补正材料（一次性告知后）/ materials handed in after the notice")
    p.add_argument("id", type=whole)
    p.add_argument("--material", action="append", default=[], choices=[m.value for m in Material],
                   help="补正的材料，可重复 / materials handed in")
    p.add_argument("--on", type=_day)
    p = command(r, "accept", cmd_accept, "受理 / accept")
    p.add_argument("id", type=whole)
    p.add_argument("--accepted-on", type=_day,
                   help="受理日期：受理通知书今天由文书登记簿编号出具，即今天受理；更早出具的须填写纸质通知书的手工文号 (R5)")
    p.add_argument("--external-number", help="仅当本单位已手工编号出具受理通知书时填写；否则由文书登记簿取号")
    p = command(r, "reject", cmd_reject, "不予受理 / do not accept")
    p.add_argument("id", type=whole)
    p.add_argument("--reason", help="不填则写明审查发现的全部理由 / default: every problem found")
    p.add_argument("--on", type=_day,
                   help="不予受理日期：通知书今天由文书登记簿编号出具；更早出具的须填写纸质通知书的手工文号 (R5)")
    p.add_argument("--external-number", help="仅当本单位已手工编号出具不予受理通知书时填写；否则由文书登记簿取号")
    p = command(r, "decide", cmd_decide, "作出修复决定 / decide")
    p.add_argument("id", type=whole)
    p.add_argument("--outcome", required=True, choices=["repaired", "refused"])
    p.add_argument("--for-department", required=True, help="作出决定的认定部门（谁认定、谁修复）")
    p.add_argument("--decided-on", type=_day,
                   help="决定日期：修复决定书今天由文书登记簿编号出具，即今天作出；更早作出的须填写纸质决定书的手工文号 (R5)")
    p.add_argument("--external-number", help="仅当认定部门已手工编号出具修复决定书时填写；否则由文书登记簿取号")
    p.add_argument("--findings", help="审查情况")
    p.add_argument("--reason", help="不予修复的理由")
    p.add_argument("--record-action", default=RecordAction.STOP.value, choices=[a.value for a in RecordAction],
                   help="对失信信息：停止公示和共享/标注/屏蔽/删除")
    p = command(r, "show", cmd_show)
    p.add_argument("id", type=whole)
    p.add_argument("--purpose", required=True)
    p = command(r, "list", cmd_list)
    p.add_argument("--state")
    p.add_argument("--subject", type=whole)
    p = command(r, "non-repairable", cmd_non_repairable, "标记依法不可修复的信息 / flag non-repairable")
    p.add_argument("record", type=whole, nargs="?", help="失信信息编号 / record id")
    p.add_argument("--decision", type=whole, help="双公示行政处罚决定编号（代替失信信息）/ a 双公示 penalty decision (R21)")
    p.add_argument("--basis", required=True, help="规定不可修复的法律、法规或党中央国务院政策文件；空字符串取消")


def cmd_apply(args) -> int:
    with session_for(args) as s:
        out = repairs.apply_repair(s, subject_id=args.subject, applicant=args.applicant, channel=args.channel,
                                   received_on=args.received_on, record_ids=args.record, case_ids=args.case,
                                   materials=args.material, commitment_id=args.commitment,
                                   decision_ids=args.decision)
    verdict = "符合受理条件" if out["eligible"] else "不符合受理条件：" + "；".join(p["zh"] for p in out["problems"])
    if out["missing"]:
        verdict += f"（请打印补正材料一次性告知书：print repair_supplement --repair {out['id']}）"
    emit(args, out, f"已登记信用修复申请 {out['id']}（{out['channel_zh']}），{verdict}；"
         f"须于 {out['finish_due']} 前办结。")
    return 0


def cmd_supplement(args) -> int:
    with session_for(args) as s:
        out = repairs.supplement_materials(s, args.id, materials=args.material, on=args.on)
    rest = "材料已齐全，可以受理" if out["eligible"] else "；".join(p["zh"] for p in out["problems"])
    emit(args, out, f"信用修复申请 {args.id} 已补正材料：{rest}。")
    return 0


def cmd_accept(args) -> int:
    with session_for(args) as s:
        out = repairs.accept_repair(s, args.id, accepted_on=args.accepted_on,
                                   external_number=args.external_number)
    emit(args, out, f"已受理信用修复申请 {args.id}（{out['accept_number']}），须于 {out['decide_due']} 前作出决定。")
    return 0


def cmd_reject(args) -> int:
    with session_for(args) as s:
        out = repairs.refuse_acceptance(s, args.id, reason=args.reason, on=args.on,
                                         external_number=args.external_number)
    emit(args, out, f"信用修复申请 {args.id} 不予受理（{out['reject_number']}）：{out['not_accepted_reason']}")
    return 0


def cmd_decide(args) -> int:
    with session_for(args) as s:
        out = repairs.decide_repair(s, args.id, outcome=args.outcome, for_department=args.for_department,
                                    decided_on=args.decided_on, findings=args.findings, reason=args.reason,
                                    record_action=args.record_action, external_number=args.external_number)
    if out["outcome"] == "repaired":
        watch = [e["watch_case_id"] for e in out.get("exits", []) if e.get("watch_case_id")]
        extra = f"；依规列入重点关注名单（案件 {'、'.join(map(str, watch))}）" if watch else ""
        stopped = out.get("decisions_stopped") or []
        extra += f"；行政处罚决定 {'、'.join(map(str, stopped))} 停止公示" if stopped else ""
        human = f"信用修复申请 {args.id} 准予修复（{out['decision_number']}）{extra}。"
    else:
        human = f"信用修复申请 {args.id} 不予修复（{out['decision_number']}）：{out['refusal_reason']}"
    emit(args, out, human)
    return 0


def cmd_show(args) -> int:
    with session_for(args) as s:
        data = repairs.get_repair(s, args.id, args.purpose)
    emit(args, data, "\n".join(f"{k}: {v}" for k, v in data.items() if v not in (None, [], "", False)))
    return 0


def cmd_list(args) -> int:
    with session_for(args) as s:
        rows = repairs.list_repairs(s, state=args.state, subject_id=args.subject)
    emit(args, rows, "\n".join(f"{r['id']}\t主体{r['subject_id']}\t{r['state_zh']}\t{r['received_on']}"
                               f"\t办结期限{r['finish_due']}" for r in rows) or "没有信用修复申请。")
    return 0


def cmd_non_repairable(args) -> int:
    if (args.record is None) == (args.decision is None):
        raise ValidationError("FIELD_REQUIRED", "请指定一项失信信息编号，或以 --decision 指定一项行政处罚决定（二者选一）。",
                              "Give one record id, or one penalty decision with --decision.", field="record")
    with session_for(args) as s:
        if args.decision is not None:
            out = repairs.mark_decision_non_repairable(s, args.decision, basis=args.basis)
        else:
            out = repairs.mark_non_repairable(s, args.record, basis=args.basis)
    what = f"行政处罚决定 {args.decision} " if args.decision is not None else f"失信信息 {args.record} "
    emit(args, out, what + ("已标记为依法不可修复。" if out["non_repairable_basis"] else "已取消不可修复标记。"))
    return 0
