"""Accounts as the audit log granted them (R14, issue 14): a key holder who gives an account a role, revives
it, or adds one with SQL leaves the users table out of step with the hash-chained log.

Pure: ``granted(rows)`` replays the account rows of the log; ``differences(granted, actual)`` names each
account whose role or state the log never granted.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Granted:
    role: str
    active: bool


def granted(rows) -> dict[str, Granted]:
    """rows: (username, action, detail dict) of ``ledger.init``, ``user.add``, ``user.role_confirm``,
    ``user.activate`` and ``user.deactivate`` audit rows (outcome ok), in chain order -> username -> Granted."""
    out: dict[str, Granted] = {}
    for username, action, detail in rows:
        name = detail.get("username")
        if action == "ledger.init":
            out[username] = Granted("admin", True)
        elif action == "user.add" and name and detail.get("role"):
            out[name] = Granted(str(detail["role"]), True)
        elif action == "user.role_confirm" and name in out and detail.get("to"):
            out[name] = Granted(str(detail["to"]), out[name].active)
        elif action in ("user.activate", "user.deactivate") and name in out:
            out[name] = Granted(out[name].role, action == "user.activate")
    return out


def differences(log: dict[str, Granted], actual: dict[str, tuple[str, bool]]) -> list[tuple[str, str, str]]:
    """(username, zh, en) for each account in ``actual`` (username -> (role, active)) the log does not bear out:
    added without a ``user.add`` row, a role no confirmed change gave, or active although deactivated."""
    out = []
    for name, (role, active) in sorted(actual.items()):
        got = log.get(name)
        if got is None:
            out.append((name, f"账户「{name}」在审计日志中没有新增记录（直接写入数据库）",
                        f"account '{name}' has no user.add row in the audit log (written into the database)"))
        elif got.role != role:
            out.append((name, f"账户「{name}」的角色为 {role}，审计日志授予的是 {got.role}",
                        f"account '{name}' has role {role}; the audit log granted {got.role}"))
        elif active and not got.active:
            out.append((name, f"账户「{name}」已在审计日志中停用，却处于启用状态",
                        f"account '{name}' is active although the audit log deactivated it"))
    return out
