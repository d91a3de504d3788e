"""信用审查 and 公共信用信息报告 commands (R14, R15, R22): check a department's list, show and print the report;
print one subject's report."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from credit_desk.cli.common import command, emit, group, session_for, whole
from credit_desk.domain.checks import split_entry
from credit_desk.domain.errors import ValidationError
from credit_desk.services.checks import lists, reports
from credit_desk.sheets.cleanup_xlsx import ImportRefused


def register_commands(sub) -> None:
    g = group(sub, "credit-check", "信用审查：比对部门报送的名单并出具信用审查报告 / credit checks of a department's list (R22)")
    p = command(g, "run", cmd_run, "审查 Excel 名单（名称列 + 统一社会信用代码/身份证号码列）/ check an .xlsx list")
    p.add_argument("file")
    _request(p)
    p.add_argument("--sheet", help="工作表名称 / sheet name")
    _print_opts(p)
    p = command(g, "entry", cmd_entry, "审查逐个输入的主体 / check subjects typed in")
    p.add_argument("--subject", action="append", required=True, metavar="名称,号码",
                   help="一个主体：名称和统一社会信用代码/身份证号码，以逗号分隔；可重复")
    _request(p)
    _print_opts(p)
    p = command(g, "show", cmd_show, "查看一次审查的结果（个人信息脱敏）/ show a check (masked)")
    p.add_argument("id", type=whole)
    p.add_argument("--purpose", required=True, help="查看事由（R14）")
    command(g, "list", cmd_list, "信用审查登记簿 / the register of checks")
    p = command(g, "print", cmd_print, "出具信用审查报告（编号、二维码）/ print the numbered report")
    p.add_argument("id", type=whole)
    p.add_argument("--out", help="另存为 PDF 文件 / also write the PDF to this file")
    p.add_argument("--force", action="store_true")
    g = group(sub, "report", "公共信用信息报告 / public credit information reports (R22)")
    p = command(g, "subject", cmd_subject, "出具单个信用主体的公共信用信息报告 / one subject's report")
    p.add_argument("id", type=whole)
    p.add_argument("--purpose", required=True, help="查询事由（R14）")
    p.add_argument("--from", dest="start", type=date.fromisoformat, help="报告期起始日（默认：三年前）")
    p.add_argument("--to", dest="end", type=date.fromisoformat, help="报告期截止日（默认：今天）")
    p.add_argument("--out", help="另存为 PDF 文件 / also write the PDF to this file")
    p.add_argument("--force", action="store_true")


def _request(p) -> None:
    p.add_argument("--department", required=True, help="申请审查的单位 / the requesting department")
    p.add_argument("--purpose", required=True, help="审查事由，如评优评先、招标投标（R14）/ purpose")


def _print_opts(p) -> None:
    p.add_argument("--print", dest="print_report", action="store_true", help="同时出具信用审查报告 / print the report")
    p.add_argument("--out", help="报告另存为 PDF 文件 / write the report PDF to this file")
    p.add_argument("--force", action="store_true")


@contextmanager
def _all_bad_cells(args):
    try:
        yield
    except ImportRefused as exc:
        if not args.json:
            for p in exc.problems:
                print(f"  {p.message(args.lang)}", file=sys.stderr)
        raise


def _summary(out: dict) -> str:
    c = out["counts"]
    lines = [f"信用审查第{out['id']}号（{out['department']}，{out['purpose']}）：共{c['rows']}个主体，有失信信息{c['hit']}个，"
             f"守信激励{c['red_only']}个，未发现失信信息{c['clear']}个，台账中未查到{c['not_found']}个。"]
    for r in out["results"]:
        what = "、".join(r["categories_zh"]) or r["outcome_zh"]
        lines.append(f"  第{r['row']}行\t{r['name']}\t{r['number']}\t{what}" + ("\t（名称与台账不一致）" if r["name_differs"] else "")
                     + (f"\t{r['namesake_zh']}" if r.get("namesake_zh") else ""))
    if out.get("report"):
        lines.append(f"已出具信用审查报告 {out['report']['number']}" + (f"，文件 {out['report']['file']}" if out['report'].get('file') else "") + "。")
    return "\n".join(lines)


def _then_print(s, args, out: dict) -> dict:
    if args.print_report or args.out:
        out["report"] = reports.print_check_report(s, out["id"], Path(args.out) if args.out else None, force=args.force)
    return out


def cmd_run(args) -> int:
    with _all_bad_cells(args), session_for(args) as s:
        out = _then_print(s, args, lists.check_sheet(s, Path(args.file), args.department, args.purpose, args.sheet))
    emit(args, out, _summary(out))
    return 0


def cmd_entry(args) -> int:
    entries = []
    for text in args.subject:
        name, number = split_entry(text)   # R22: 名称,号码 or 名称 号码
        if not number and "," not in text.replace("，", ","):
            raise ValidationError("CHECK_ENTRY_FORM", f"「{text}」应写成“名称,号码”。", f"{text!r} must read 'name,number'.",
                                  field="subject", cli="--subject 名称,号码")
        entries.append({"name": name, "number": number})
    with _all_bad_cells(args), session_for(args) as s:
        out = _then_print(s, args, lists.check_entries(s, entries, args.department, args.purpose))
    emit(args, out, _summary(out))
    return 0


def cmd_show(args) -> int:
    with session_for(args) as s:
        out = lists.get_check(s, args.id, args.purpose)
    text = _summary(out) + ("\n报告：" + "、".join(out["reports"]) if out["reports"] else "\n尚未出具报告。")
    emit(args, out, text)
    return 0


def cmd_list(args) -> int:
    with session_for(args) as s:
        rows = lists.list_checks(s)
    emit(args, rows, "\n".join(f"{r['id']}\t{r['as_of']}\t{r['department']}\t{r['purpose']}\t{r['row_count']}个主体\t"
                               f"有失信信息{r['hit_count']}个\t未查到{r['not_found_count']}个\t{'、'.join(r['reports'])}"
                               for r in rows) or "尚无信用审查。")
    return 0


def cmd_print(args) -> int:
    with session_for(args) as s:
        out = reports.print_check_report(s, args.id, Path(args.out) if args.out else None, force=args.force)
    emit(args, out, f"已出具信用审查报告 {out['number']}" + (f"，文件 {out['file']}" if out.get("file") else "") + "。")
    return 0


def cmd_subject(args) -> int:
    with session_for(args) as s:
        out = reports.print_subject_report(s, args.id, args.purpose, Path(args.out) if args.out else None,
                                           start=args.start, end=args.end, force=args.force)
    emit(args, out, f"已出具公共信用信息报告 {out['number']}" + (f"，文件 {out['file']}" if out.get("file") else "") + "。")
    return 0
