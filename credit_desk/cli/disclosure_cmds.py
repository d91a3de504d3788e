"""双公示 commands (R6, R13, R15, R21): register, import, publish and export licence and penalty decisions."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from credit_desk.cli.common import command, emit, group, progress_lines, session_for, whole
from credit_desk.domain import disclosure as d
from credit_desk.services.disclosure import register, sheet
from credit_desk.sheets.cleanup_xlsx import ImportRefused


def register_commands(sub) -> None:
    g = group(sub, "decision", "双公示：行政许可、行政处罚决定 / licence and penalty decisions (R21)")
    p = command(g, "add", cmd_add, "登记一项决定 / register one decision")
    for f in d.FIELDS:
        p.add_argument("--" + f.key.replace("_", "-"), dest=f"f_{f.key}", help=f"{f.zh} / {f.en}",
                       required=f.need == "both")
    p = command(g, "import", cmd_import, "导入部门报送的双公示表格（全部或不导入）/ import a department's sheet")
    p.add_argument("file")
    p.add_argument("--sheet", help="工作表名称")
    p = command(g, "template", cmd_template, "生成空白报送表 / write the blank hand-over sheet")
    p.add_argument("file")
    p.add_argument("--force", action="store_true")
    p = command(g, "list", cmd_list)
    p.add_argument("--kind", choices=[k.value for k in d.DecisionKind])
    p.add_argument("--state", choices=[s.value for s in d.DecisionState])
    p.add_argument("--text", default="")
    p.add_argument("--purpose", help="按文字查询时的查询事由（R14）/ the purpose of a search by text (R14)")
    p.add_argument("--after", type=int, default=0)
    p.add_argument("--limit", type=whole, default=200)
    p = command(g, "show", cmd_show)
    p.add_argument("id", type=whole)
    p.add_argument("--purpose", required=True, help="查询事由（R14）")
    p = command(g, "publish", cmd_publish, "公示（登记人以外的人员）/ publish (not by whoever registered it)")
    p.add_argument("ids", type=whole, nargs="+")
    p.add_argument("--on", type=date.fromisoformat)
    p = command(g, "revoke", cmd_revoke, "决定被撤销，停止公示 / the decision was revoked (R3)")
    p.add_argument("id", type=whole)
    p.add_argument("--reason", required=True, help="撤销原因和依据（如复议决定书文号）")
    p.add_argument("--on", type=date.fromisoformat)
    p = command(g, "correct", cmd_correct, "部门更正了报送的决定：更正登记内容并重新报送平台 / correct a decision's "
                "elements as the department corrected them")
    p.add_argument("id", type=whole)
    p.add_argument("--reason", required=True, help="更正原因和依据（如部门更正函）")
    for f in d.FIELDS:
        if f.key != "kind":
            p.add_argument("--" + f.key.replace("_", "-"), dest=f"f_{f.key}", help=f"{f.zh} / {f.en}")
    p = command(g, "export-sheet", cmd_export, "导出平台上传表（自然人脱敏）/ the platform's upload sheet")
    p.add_argument("file")
    p.add_argument("--force", action="store_true")


def cmd_add(args) -> int:
    raw = {f.key: getattr(args, f"f_{f.key}") for f in d.FIELDS}
    with session_for(args) as s:
        out = register.add_decision(s, raw)
    emit(args, out, f"已登记{out['kind_zh']}决定 {out['id']}（{out['doc_number']}），须于 {out['publish_due']} 前公示并报送平台。")
    return 0


@contextmanager
def _all_bad_cells(args):
    try:
        yield
    except ImportRefused as exc:
        if not args.json:
            for p in exc.problems:
                print(f"  {p.message(args.lang)}", file=sys.stderr)
        raise


def cmd_import(args) -> int:
    with _all_bad_cells(args), session_for(args) as s:
        out = sheet.import_sheet(s, Path(args.file), args.sheet,
                                 progress=progress_lines(args, "正在核对并导入", "checking and importing"))
    lines = [f"已从工作表「{out['sheet']}」导入 {out['imported']} 项决定；公示期限 {out['first_due']} 至 {out['last_due']}。"]
    lines += [f"注意：{n['zh']}" for n in out["notes"]]
    emit(args, out, "\n".join(lines))
    return 0


def cmd_template(args) -> int:
    with session_for(args) as s:
        path = sheet.write_template(s, Path(args.file), force=args.force)
    emit(args, {"file": str(path)}, f"已生成空白报送表 {path}。")
    return 0


def cmd_list(args) -> int:
    with session_for(args) as s:
        rows = register.list_decisions(s, kind=args.kind, state=args.state, text=args.text, after_id=args.after,
                                       limit=args.limit, purpose=args.purpose)
    emit(args, rows, "\n".join(f"{r['id']}\t{r['kind_zh']}\t{r['doc_number']}\t{r['party_name']}\t{r['decision_date']}\t"
                               f"公示期限{r['publish_due']}\t{r['state_zh']}" for r in rows) or "没有登记的决定。")
    return 0


def cmd_show(args) -> int:
    with session_for(args) as s:
        out = register.show_decision(s, args.id, args.purpose)
    emit(args, out, "\n".join(f"{d.FIELD_BY_KEY[k].zh if k in d.FIELD_BY_KEY else k}：{v}" for k, v in out.items()
                              if v not in (None, "")))
    return 0


def cmd_publish(args) -> int:
    with session_for(args) as s:
        rows = register.publish(s, args.ids, on=args.on)
    emit(args, rows, "\n".join(f"决定 {r['id']}：{r['state_zh']}" for r in rows))
    return 0


def cmd_revoke(args) -> int:
    with session_for(args) as s:
        out = register.revoke(s, args.id, reason=args.reason, on=args.on)
    emit(args, out, f"决定 {out['id']}（{out['doc_number']}）已撤销，自 {out['ended_on']} 起停止公示。")
    return 0


def cmd_correct(args) -> int:
    changes = {f.key: getattr(args, f"f_{f.key}") for f in d.FIELDS
               if f.key != "kind" and getattr(args, f"f_{f.key}", None) is not None}
    with session_for(args) as s:
        out = register.correct(s, args.id, changes, reason=args.reason)
    fields = "、".join(d.FIELD_BY_KEY[k].zh for k in out["changed"])
    emit(args, out, f"已更正决定 {out['id']}（{out['doc_number']}）的{fields}，将随下一个数据包报送平台。")
    return 0


def cmd_export(args) -> int:
    with session_for(args) as s:
        out = sheet.export_upload(s, Path(args.file), force=args.force)
    emit(args, out, f"已导出平台上传表 {out['file']}：行政许可 {out['licence']} 项，行政处罚 {out['penalty']} 项。")
    return 0
