"""Helpers for walking credit repair requests through the CLI (issue 4 tests).

The CLI runs on the real clock, so the listings these tests repair were decided in 2025 (their shortest period
has passed by late 2026); every later step passes its own date.
"""

from __future__ import annotations

from tests.e2e.case_kit import BLACK_FIELDS, BOSS, CLERK, ok

ALL_SERIOUS = ("proof", "commitment", "training", "report")
DEPT = "县市场监督管理局"


def old_record(office, subject: int, *, tier="serious", code="S-03-02", issued="2025-09-01",
               effective="2025-09-16", act="2025-08-01", number="清市监罚〔2025〕7号") -> int:
    """A record whose basis document is from 2025 (decision date = the document's issue date)."""
    return ok(office, "record", "add", "--subject", str(subject), "--catalogue-code", code, "--tier", tier,
              "--facts", "未按规定履行产品质量义务", "--doc-type", "admin_penalty", "--doc-number", number,
              "--doc-authority", DEPT, "--doc-issued", issued, "--doc-effective", effective,
              "--department", DEPT, "--act-date", act)["id"]


def old_black_listing(office, subject: int) -> int:
    """A black listing decided on 2025-10-13 (rule set CN-2023), drafted by the clerk, decided by the boss."""
    rid = old_record(office, subject)
    cid = ok(office, "case", "open", "--subject", str(subject), "--list", "black", "--record", str(rid),
             *BLACK_FIELDS, "--opened-on", "2025-09-18")["id"]
    ok(office, "case", "notice", str(cid), "--served-on", "2025-09-19")
    ok(office, "case", "decide", str(cid), "--decided-on", "2025-10-13", "--measure", "M-01", "--measure", "M-08",
       "--post-exit-watch-months", "12", user=BOSS)
    return cid


def apply(office, subject: int, *, cases=(), records=(), materials=ALL_SERIOUS, on="2026-10-20",
          channel="window", extra=(), user=CLERK) -> dict:
    args = ["repair", "apply", "--subject", str(subject), "--applicant", "王建国（法定代表人）", "--channel", channel,
            "--received-on", on]
    args += [a for c in cases for a in ("--case", str(c))]
    args += [a for r in records for a in ("--record", str(r))]
    args += [a for m in materials for a in ("--material", m)]
    return ok(office, *args, *extra, user=user)
