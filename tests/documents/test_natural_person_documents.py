"""R15 on paper (issue 23): every document type printed for a NATURAL PERSON, read back with pdftotext. A document
served on the person themself names them in full (they must be able to tell it is theirs); everything that is
published or may be shown to others carries the masked name and ID only. The table is written here from DOMAIN.md
R12/R15; the document types come from the product's template list, and a type in neither set fails."""

from __future__ import annotations

import pytest
import random
import re
from datetime import date

from credit_desk.documents.templates import available
from credit_desk.domain import demo
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (BOSS, REVIEWER, TAX_BOSS, decide, desk, ok, open_case, record, serve,  # noqa: F401
                                staffed_template)
from tests.e2e.repair_kit import apply, old_record

NAME = "欧阳震华"
RIC = demo.ric(random.Random(2323), "320826", date(1975, 1, 1), date(1985, 1, 1))
# R15 (minimal): a person's home address is personal; only a document served on the person may print it
ADDRESS = "淮安市清江浦区健康西路88号3幢201室"

# served on the person, who is named in full (and by the full ID number where the document identifies them)
SERVED_ON_THE_PERSON = {"prior_notice", "listing_decision", "watch_warning", "repair_notice", "repair_accepted",
                        "repair_rejected", "repair_decision", "interview_notice", "objection_accepted",
                        "objection_result", "commitment_form", "repair_supplement", "supervision_notice"}
# addressed to the person by name, but shown to others to clear it (R12 way 1): the ID number masked
NAMED_ID_MASKED = {"apology_letter", "not_listed_decision"}
# published, or handed to whoever asks: the masked name and the masked ID number only (R15)
PUBLISHED_OR_SHOWN = {"exit_announcement", "correction_announcement", "credit_query", "red_publication",
                      "credit_report", "credit_check_report"}   # R22: reports handed to whoever asked for them
# the paper each remedies sentence must name (its title's last word), written here from the templates' titles
REMEDIES_NAME = {"listing_decision": "决定书", "not_listed_decision": "决定书", "watch_warning": "警示函",
                 "objection_result": "告知书", "repair_rejected": "通知书", "supervision_notice": "告知书"}


def _text(path) -> str:
    return re.sub(r"\s", "", pdftotext(path))


def _print(desk, doc_type: str, out, user=BOSS, **target) -> list:
    args = [a for k, v in target.items() for a in (f"--{k}", str(v))]
    return ok(desk, "print", doc_type, *args, "--out", str(out), user=user)["documents"]


def _person(desk) -> int:
    return ok(desk, "subject", "add", "--kind", "natural_person", "--name", NAME, "--id-type", "ric",
              "--id-number", RIC, "--address", ADDRESS)["id"]


def _walk(desk, tmp_path) -> dict:
    """Print every document type for one natural person; returns doc type -> PDF path."""
    pid = _person(desk)
    out = {}
    # July: a repair applied for too early, refused on its day (the story is told on the calendar)
    other = old_record(desk, pid, tier="general", issued="2026-05-06", effective="2026-05-20", act="2026-05-01",
                       number="清市监罚〔2026〕43号")
    no = apply(desk, pid, records=[other], materials=["proof", "commitment"], on="2026-07-10")["id"]   # too early
    ok(desk, "repair", "reject", str(no), "--on", "2026-07-10")
    _print(desk, "repair_rejected", tmp_path / "repair_rejected.pdf", repair=no)
    # a red-list candidate's public notice (公示, R10), published before any listing of the person
    red = open_case(desk, pid, "red", "--department", "县税务局", "--department-level", "county", "--domain", "税务",
                    "--facts", "连续三年按时足额纳税", "--basis", "《纳税信用管理办法》", "--valid-until", "2028-10-12")
    serve(desk, red)
    _print(desk, "red_publication", tmp_path / "red_publication.pdf", case=red)
    # black listing: prior notice, objection accepted + answered, decision + repair notice, exit (way 4); a watch
    # listing; a second black listing withdrawn as wrongful; a third ended as not listed. Told on the calendar:
    # every notice is served on the day it is numbered (2026-09-28, R5), the decisions follow their windows.
    cid = open_case(desk, pid, "black", records=[record(desk, pid)["id"]])
    watch = open_case(desk, pid, "watch", "--department", "县税务局", "--department-level", "county", "--domain",
                      "税务", "--facts", "多次轻微违法", "--basis", "清税罚〔2026〕1号", "--warning-letter",
                      "清警〔2026〕1号", "--valid-until", "2027-09-01")
    wrong = open_case(desk, pid, "black", records=[record(desk, pid, number="清市监罚〔2026〕41号")["id"]])
    spared = open_case(desk, pid, "black", records=[record(desk, pid, number="清市监罚〔2026〕45号")["id"]])
    for case in (cid, watch, wrong, spared):
        serve(desk, case)
    _print(desk, "prior_notice", tmp_path / "prior_notice.pdf", case=cid)
    obj = ok(desk, "case", "object", str(cid), "--received-on", "2026-09-30", "--grounds", "事实认定有误")
    _print(desk, "objection_accepted", tmp_path / "objection_accepted.pdf", case=cid, objection=obj["id"])
    obj3 = ok(desk, "case", "object", str(spared), "--received-on", "2026-09-30", "--grounds", "主体错误")
    ok(desk, "case", "reply", str(obj["id"]), "--outcome", "upheld", "--reply", "经核实，事实清楚",
       "--replied-on", "2026-10-09", user=BOSS)
    _print(desk, "objection_result", tmp_path / "objection_result.pdf", case=cid, objection=obj["id"])
    ok(desk, "case", "reply", str(obj3["id"]), "--outcome", "revoked", "--reply", "经核实系主体错误",
       "--replied-on", "2026-10-09", user=BOSS)
    _print(desk, "not_listed_decision", tmp_path / "not_listed_decision.pdf", case=spared)
    decide(desk, cid, "--measure", "M-01", "--post-exit-watch-months", "12")
    _print(desk, "listing_decision", tmp_path / "listing_decision.pdf", case=cid)
    (tmp_path / "listing_decision-repair_notice.pdf").rename(tmp_path / "repair_notice.pdf")
    ok(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-11-20", "--standard-change",
       "认定标准第二条已废止", user=BOSS)
    _print(desk, "exit_announcement", tmp_path / "exit_announcement.pdf", case=cid)
    decide(desk, watch, "--measure", "M-08", on="2026-11-20", user=TAX_BOSS)  # R4: the tax bureau's own head
    _print(desk, "watch_warning", tmp_path / "watch_warning.pdf", case=watch)
    decide(desk, wrong, "--measure", "M-01", "--post-exit-watch-months", "12", on="2026-11-20")
    obj2 = ok(desk, "case", "object", str(wrong), "--received-on", "2026-11-23", "--grounds", "处罚决定已被复议撤销")
    ok(desk, "case", "withdraw", str(wrong), "--objection", str(obj2["id"]), "--on", "2026-11-25", user=REVIEWER)
    ok(desk, "case", "withdraw-approve", str(wrong), "--on", "2026-11-25", user=BOSS)
    _print(desk, "apology_letter", tmp_path / "apology_letter.pdf", case=wrong)
    _print(desk, "correction_announcement", tmp_path / "correction_announcement.pdf", case=wrong)
    # the record extract, an interview notice, a commitment form
    _print(desk, "credit_query", tmp_path / "credit_query.pdf", subject=pid, purpose="核查信用状况")
    plan = ok(desk, "interview", "plan", "--subject", str(pid), "--kind", "warning", "--at", "2026-12-10T09:30",
              "--place", "县信用办3楼会议室", "--matter", "未按期整改", "--basis", "苏府办〔2020〕232号（九）",
              "--bring", "身份证复印件")
    _print(desk, "interview_notice", tmp_path / "interview_notice.pdf", interview=plan["id"])
    _print(desk, "commitment_form", tmp_path / "commitment_form.pdf", subject=pid, matter="申请信用修复")
    # repair requests: accepted and decided, and one not accepted — on the story's day (2026-11-25, the
    # withdrawal's): the register numbers each repair paper the day it is recorded and it is dated that day (R5)
    old = old_record(desk, pid, tier="general", issued="2026-05-06", effective="2026-05-20", act="2026-05-01",
                     number="清市监罚〔2026〕42号")
    req = apply(desk, pid, records=[old], materials=["proof", "commitment", "report"], on="2026-11-25")["id"]
    ok(desk, "repair", "accept", str(req), "--accepted-on", "2026-11-25")
    _print(desk, "repair_accepted", tmp_path / "repair_accepted.pdf", repair=req)
    ok(desk, "repair", "decide", str(req), "--outcome", "repaired", "--for-department", "县市场监督管理局",
       "--decided-on", "2026-11-25", user=BOSS)
    _print(desk, "repair_decision", tmp_path / "repair_decision.pdf", repair=req)
    short = apply(desk, pid, records=[other], materials=["proof"], on="2026-11-25")["id"]   # R13: 一次性告知
    _print(desk, "repair_supplement", tmp_path / "repair_supplement.pdf", repair=short)
    ok(desk, "repair", "reject", str(short), "--reason", "申请人撤回申请", "--on", "2026-11-25")
    # R17: a broken commitment and its key-supervision notice
    ok(desk, "commitment", "item-add", "NP-01", "--name", "个人信用承诺", "--type", "voluntary", "--basis",
       "苏府办〔2020〕232号（一）", user=BOSS)
    com = ok(desk, "commitment", "add", "--subject", str(pid), "--item", "NP-01", "--content", "守法诚信",
             "--made-on", "2026-10-01")["id"]
    flag = ok(desk, "commitment", "check", str(com), "--fulfilment", "none", "--checked-on", "2026-11-02")
    _print(desk, "supervision_notice", tmp_path / "supervision_notice.pdf", flag=flag["key_supervision_flag"])
    # R22: the person's 公共信用信息报告, and a department's credit check that names the person
    ok(desk, "report", "subject", str(pid), "--purpose", "本人申请出具信用报告", "--out", str(tmp_path / "credit_report.pdf"))
    ok(desk, "credit-check", "entry", "--subject", f"{NAME},{RIC}", "--department", "县财政局", "--purpose",
       "评优评先资格审查", "--out", str(tmp_path / "credit_check_report.pdf"))
    return {t: tmp_path / f"{t}.pdf" for t in available()}


@pytest.mark.story
def test_r15_every_document_type_for_a_natural_person(desk, tmp_path):
    assert set(available()) == SERVED_ON_THE_PERSON | NAMED_ID_MASKED | PUBLISHED_OR_SHOWN, "classify a new type"
    assert len(SERVED_ON_THE_PERSON) + len(NAMED_ID_MASKED) + len(PUBLISHED_OR_SHOWN) == len(available())
    pdfs = _walk(desk, tmp_path)
    masked_name = NAME[:2] + "*" + NAME[-1]  # 欧阳*华: compound surname kept, the rest of the given name hidden
    problems = []
    for doc_type, path in sorted(pdfs.items()):
        text = _text(path)
        if doc_type in PUBLISHED_OR_SHOWN:
            if NAME in text:
                problems.append(f"{doc_type}: the full name {NAME}")
            if RIC in text:
                problems.append(f"{doc_type}: the full ID number")
            if RIC[6:14] in text:
                problems.append(f"{doc_type}: the birth date part of the ID number")
            if masked_name not in text:
                problems.append(f"{doc_type}: the masked name {masked_name} is not shown")
        else:
            if NAME not in text:
                problems.append(f"{doc_type}: served on the person but does not name them")
        if doc_type in NAMED_ID_MASKED and (RIC in text or RIC[6:14] in text):
            problems.append(f"{doc_type}: the full ID number (or its birth date)")
        if doc_type not in SERVED_ON_THE_PERSON and ADDRESS in text:
            problems.append(f"{doc_type}: the person's home address")
    # the remedies' time limits run from receiving the paper the party holds: each names itself (行政复议法 第二十条)
    for doc_type, paper in REMEDIES_NAME.items():
        if f"自收到本{paper}之日起" not in _text(pdfs[doc_type]):
            problems.append(f"{doc_type}: the remedies do not run from receiving this {paper}")
    if ADDRESS not in _text(pdfs["listing_decision"]):   # the address reached the documents: the decision has it
        problems.append("listing_decision: the party's address (住所) is not printed")
    assert not problems, "\n".join(problems)
