"""双公示 penalty decisions of a story's subjects, for the credit repair of published penalties (R13, R21).

The deciding department is a registered one (the market regulator of ``case_kit.DEPARTMENTS``, matched by its
统一社会信用代码 as the 决定机关's code), so 谁认定、谁修复 has a department to decide the repair.
"""

from __future__ import annotations

import datetime as dt
import random

from credit_desk.domain import demo
from tests.e2e.case_kit import CLERK, REVIEWER, ok

DEPT = "县市场监督管理局"
DEPT_USCC = demo.uscc(random.Random(7001), "320812")   # case_kit.DEPARTMENTS: the market regulator
TAX = "县税务局"
TAX_USCC = demo.uscc(random.Random(7002), "320812")


def company_uscc(seed: int) -> str:
    """The code ``case_kit.company(office, seed)`` registered."""
    return demo.uscc(random.Random(seed), "320812")


def decision(office, seed: int, number: str, decided: str, *, tier="一般", kind="行政处罚", authority=DEPT,
             authority_uscc=DEPT_USCC, publish_on: str | None = None, user=CLERK) -> int:
    """Register one decision about company ``seed`` (and publish it on ``publish_on`` by another person)."""
    rep = demo.ric(random.Random(seed + 500), "320812", dt.date(1960, 1, 1), dt.date(1990, 12, 31))
    args = ["decision", "add", "--kind", kind, "--party-name", f"淮安测试{seed}有限公司", "--party-kind",
            "法人及非法人组织", "--uscc", company_uscc(seed), "--rep-name", "王建国", "--rep-id-type", "居民身份证",
            "--rep-id-number", rep, "--doc-number", number, "--decision-date", decided, "--authority", authority,
            "--authority-uscc", authority_uscc, "--source-unit", authority, "--source-uscc", authority_uscc]
    if kind == "行政处罚":
        args += ["--category", "罚款", "--content", "罚款人民币伍仟元", "--facts", "销售过期食品", "--basis",
                 "《中华人民共和国食品安全法》第一百二十四条", "--fine-wan", "0.5", "--tier", tier]
    else:
        args += ["--category", "普通", "--content", "食品经营许可", "--valid-until", "2031-11-26"]
    did = ok(office, *args, user=user)["id"]
    if publish_on:
        ok(office, "decision", "publish", str(did), "--on", publish_on, user=REVIEWER)   # four eyes (R21)
    return did


def apply_decisions(office, subject: int, decisions, *, on: str, materials=("proof", "commitment"), extra=(),
                    user=CLERK) -> dict:
    args = ["repair", "apply", "--subject", str(subject), "--applicant", "王建国（法定代表人）", "--channel", "window",
            "--received-on", on]
    args += [a for d in decisions for a in ("--decision", str(d))]
    args += [a for m in materials for a in ("--material", m)]
    return ok(office, *args, *extra, user=user)
