"""认定部门: ``department add|list`` and ``user assign`` (administrator acts; issue 13 item 5)."""

from __future__ import annotations

from credit_desk.cli.common import command, emit, group, session_for
from credit_desk.domain.cases import DEPT_LEVELS
from credit_desk.services import departments


def register(sub) -> None:
    d = group(sub, "department", "认定部门 / deciding departments")
    p = command(d, "add", cmd_add, "登记认定部门 / register a deciding department")
    p.add_argument("--name", required=True)
    p.add_argument("--uscc", required=True, help="统一社会信用代码 / unified social credit code")
    p.add_argument("--level", required=True, choices=DEPT_LEVELS)
    p.add_argument("--domain", required=True, help="所属领域，如 市场监管、税务 / field of administration")
    p.add_argument("--prefix", required=True, help="文号前缀，如 清市监 / letterhead prefix of its 文号")
    command(d, "list", cmd_list, "部门列表 / list departments")


def register_user_assign(user_group) -> None:
    p = command(user_group, "assign", cmd_assign, "把用户分配到认定部门 / put a user in a department")
    p.add_argument("name")
    p.add_argument("--department", required=True, help="部门编号或名称；空字符串表示移出 / id or name; '' removes")


def _row(d) -> dict:
    return {"id": d.id, "name": d.name, "uscc": d.uscc, "level": d.level, "level_zh": d.level_zh,
            "domain": d.domain, "prefix": d.prefix}


def cmd_add(args) -> int:
    with session_for(args) as s:
        d = departments.add_department(s, name=args.name, uscc=args.uscc, level=args.level, domain=args.domain,
                                       prefix=args.prefix)
    emit(args, _row(d), f"已登记认定部门 {d.id}：{d.name}（{d.level_zh}，{d.domain}，文号前缀 {d.prefix}）。")
    return 0


def cmd_list(args) -> int:
    with session_for(args) as s:
        rows = [_row(d) for d in departments.list_departments(s)]
    emit(args, rows, "\n".join(f"{r['id']}\t{r['name']}\t{r['level_zh']}\t{r['domain']}\t{r['prefix']}"
                               for r in rows) or "（尚未登记认定部门）")
    return 0


def cmd_assign(args) -> int:
    with session_for(args) as s:
        d = departments.assign_user(s, args.name, args.department)
    emit(args, {"username": args.name, "department_id": d.id if d else None},
         f"用户 {args.name} " + (f"已分配到 {d.name}。" if d else "已不属于任何认定部门。"))
    return 0
