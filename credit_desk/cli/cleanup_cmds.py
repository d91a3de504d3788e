"""Clean-up ledger commands (R16): ledger import|export|check|status, contacts import|export|list."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from credit_desk.cli.common import command, emit, group, session_for, whole
from credit_desk.services import cleanup
from credit_desk.sheets.cleanup_xlsx import ImportRefused


def register(sub) -> None:
    led = group(sub, "ledger", "失信约束措施台账 / clean-up ledger (R16)")
    p = command(led, "import", cmd_import)
    p.add_argument("file")
    p.add_argument("--sheet", help="要导入的工作表名 / the worksheet to import")
    p = command(led, "export", cmd_export)
    p.add_argument("file")
    p.add_argument("--force", action="store_true", help="已有同名文件时替换它 / replace an existing file")
    command(led, "check", cmd_check)
    p = command(led, "status", cmd_status)
    p.add_argument("id", type=whole)
    p.add_argument("status", choices=["open", "done", "stopped"])
    con = group(sub, "contacts", "清理规范工作联系人反馈表 / contact feedback form")
    p = command(con, "import", cmd_contacts_import)
    p.add_argument("file")
    p.add_argument("--sheet", help="要导入的工作表名 / the worksheet to import")
    p = command(con, "export", cmd_contacts_export)
    p.add_argument("file")
    p.add_argument("--force", action="store_true", help="已有同名文件时替换它 / replace an existing file")
    command(con, "list", cmd_contacts_list)


def cmd_import(args) -> int:
    with session_for(args) as s, _all_bad_cells(args):
        out = cleanup.import_ledger(s, Path(args.file), args.sheet)
    lines = [f"已导入工作表「{out['sheet']}」：新增 {out['added']} 条，更新 {out['updated']} 条，未变 {out['unchanged']} 条"
             + (f"；跳过示例行 {out['skipped_example_rows']}" if out["skipped_example_rows"] else "") + "。"]
    lines += [f"注意：{n['zh']}" for n in out["notes"]]
    lines += [f"日期：{d['zh']}" for d in out["dates_read"]]  # the clerk sees how each date was read
    emit(args, out, "\n".join(lines))
    return 0


@contextmanager
def _all_bad_cells(args):
    """A refused import prints every bad cell, one per line (the message itself names the first 20)."""
    try:
        yield
    except ImportRefused as exc:
        if not args.json:
            for p in exc.problems:
                print(f"  {p.message(args.lang)}", file=sys.stderr)
        raise


def cmd_export(args) -> int:
    with session_for(args) as s:
        n = cleanup.export_ledger(s, Path(args.file), force=args.force)
    emit(args, {"rows": n, "file": args.file}, f"已导出 {n} 条到 {args.file}。")
    return 0


def cmd_check(args) -> int:
    with session_for(args) as s:
        flags = cleanup.check_ledger(s)
    emit(args, flags, "\n".join(f"{f['id']}\t{f['name']}\t{f['zh']}" for f in flags) or "台账检查未发现问题。")
    return 0


def cmd_status(args) -> int:
    with session_for(args) as s:
        cleanup.set_status(s, args.id, args.status)
    emit(args, {"id": args.id, "status": args.status}, "已更新。")
    return 0


def cmd_contacts_import(args) -> int:
    with session_for(args) as s, _all_bad_cells(args):
        n = cleanup.import_contacts(s, Path(args.file), args.sheet)
    emit(args, {"rows": n}, f"已导入联系人 {n} 人。")
    return 0


def cmd_contacts_export(args) -> int:
    with session_for(args) as s:
        n = cleanup.export_contacts(s, Path(args.file), force=args.force)
    emit(args, {"rows": n, "file": args.file}, f"已导出联系人 {n} 人到 {args.file}。")
    return 0


def cmd_contacts_list(args) -> int:
    with session_for(args) as s:
        rows = cleanup.list_contacts(s)  # mobile numbers masked (R15)
    emit(args, rows, "\n".join("\t".join((r["name"], r["unit"], r["title"], r["office_phone"], r["mobile"], r["email"]))
                               for r in rows) or "尚未导入联系人。")
    return 0
