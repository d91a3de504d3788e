"""R15 on paper for a 个体工商户 registered by its operator's personal ID number (R7 allows a 居民身份证号码 for an
individual business): the published and shown documents must not carry that ID number, nor its birth date, nor
the operator's name when the business has no trade name (字号); the apology letter names the business but masks
the number, as it does for a natural person. tests/documents/test_natural_person_documents.py
prints every type for a natural person only; the red-list public notice and the correction announcement decided
masking by "is it a natural person" and printed the operator's full ID number for such a business, and so did
the apology letter (att23).
Expected texts are written here, not taken from the product's masker."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from credit_desk.domain import demo
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (BOSS, REVIEWER, decide, desk, ok, open_case, record, serve,  # noqa: F401
                                staffed_template)

NAME = "孙小梅"            # no trade name: the business is the person (masking.has_trade_name is False)
MASKED_NAME = "孙*梅"
RIC = demo.ric(random.Random(2324), "320826", date(1975, 1, 1), date(1985, 1, 1))
MASKED_RIC = RIC[:4] + "*" * 10 + RIC[-4:]  # 3208**********1234: six-digit region kept to four, birth date hidden

# published, or handed to whoever asks (R10 公示, R12 way 1 更正公告, R12 exit 公告, the extract)
PUBLISHED = ("red_publication", "correction_announcement", "exit_announcement", "credit_query")


def _text(path) -> str:
    return re.sub(r"\s", "", pdftotext(path))


def _print(desk, doc_type: str, out, user=BOSS, **target) -> None:
    args = [a for k, v in target.items() for a in (f"--{k}", str(v))]
    ok(desk, "print", doc_type, *args, "--out", str(out), user=user)


@pytest.mark.story
def test_r15_an_individual_business_registered_by_personal_id_is_masked_on_every_published_document(desk, tmp_path):
    sid = ok(desk, "subject", "add", "--kind", "individual_business", "--name", NAME, "--id-type", "ric",
             "--id-number", RIC, "--legal-rep-name", NAME, "--legal-rep-id-number", RIC)["id"]
    red = open_case(desk, sid, "red", "--department", "县税务局", "--department-level", "county", "--domain", "税务",
                    "--facts", "连续三年按时足额纳税", "--basis", "《纳税信用管理办法》", "--valid-until", "2028-10-12")
    cid = open_case(desk, sid, "black", records=[record(desk, sid)["id"]])
    wrong = open_case(desk, sid, "black", records=[record(desk, sid, number="清市监罚〔2026〕41号")["id"]])
    for case in (red, cid, wrong):
        serve(desk, case)
    _print(desk, "red_publication", tmp_path / "red_publication.pdf", case=red)
    decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "12")
    ok(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-11-20", "--standard-change",
       "认定标准第二条已废止", user=BOSS)
    _print(desk, "exit_announcement", tmp_path / "exit_announcement.pdf", case=cid)
    decide(desk, wrong, "--measure", "M-01", "--post-exit-watch-months", "12", on="2026-11-20")
    obj = ok(desk, "case", "object", str(wrong), "--received-on", "2026-11-23", "--grounds", "处罚决定已被复议撤销")
    ok(desk, "case", "withdraw", str(wrong), "--objection", str(obj["id"]), "--on", "2026-11-25", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(wrong), "--on", "2026-11-25", user=BOSS)
    _print(desk, "correction_announcement", tmp_path / "correction_announcement.pdf", case=wrong)
    _print(desk, "apology_letter", tmp_path / "apology_letter.pdf", case=wrong)
    _print(desk, "credit_query", tmp_path / "credit_query.pdf", subject=sid, purpose="核查信用状况")
    problems = []
    for doc_type in PUBLISHED:
        text = _text(tmp_path / f"{doc_type}.pdf")
        if RIC in text or RIC[6:14] in text:
            problems.append(f"{doc_type}: the operator's full ID number (or its birth date)")
        if NAME in text:
            problems.append(f"{doc_type}: the operator's full name")
        if MASKED_NAME not in text:
            problems.append(f"{doc_type}: the masked name {MASKED_NAME} is not shown")
        if MASKED_RIC not in text:
            problems.append(f"{doc_type}: the masked ID number {MASKED_RIC} is not shown")
    # the apology letter is addressed to the business by name, and shown to others to clear it: its ID masked
    text = _text(tmp_path / "apology_letter.pdf")
    if RIC in text or RIC[6:14] in text or MASKED_RIC not in text:
        problems.append(f"apology_letter: the operator's ID number is not shown as {MASKED_RIC}")
    if NAME not in text:
        problems.append("apology_letter: does not name the business it apologises to")
    assert not problems, "\n".join(problems)
