"""R5 (49号 四(八); issue 13 item 3): the objection deadline a party reads is the one the decision waits for.

A draft prior notice may be received days after it is printed (by post, 送达回证). Printed with a fixed date
counted from the print day, it told a party served later an earlier deadline than the window the state machine
enforces from service. A draft now prints the period from receipt, with the print-day date as the example; a
served notice prints the stored window.
"""

from __future__ import annotations

import re

import pytest

from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (company, desk, ok, open_case, record, serve, show,  # noqa: F401
                                staffed_template, walk_to)


def _text(path) -> str:
    return re.sub(r"\s", "", pdftotext(path))


def _zh(iso: str) -> str:
    y, m, d = (int(p) for p in iso[:10].split("-"))
    return f"{y}年{m}月{d}日"


@pytest.mark.story
def test_r5_draft_prior_notice_counts_from_receipt_and_the_served_one_prints_the_enforced_window(desk, tmp_path):  # noqa: F811
    office = desk
    subject = company(office, 7)
    cid = open_case(office, subject, "black", records=[record(office, subject)["id"]])
    walk_to(office, "2026-09-21")
    ok(office, "print", "prior_notice", "--case", str(cid), "--out", str(tmp_path / "draft.pdf"))
    draft = _text(tmp_path / "draft.pdf")
    said = re.search(r"请于收到本告知书之日起五个工作日届满（于2026年9月21日收到的，为(\d{4}年\d{1,2}月\d{1,2}日)）前", draft)
    assert said, draft
    serve(office, cid, on="2026-09-24")  # received by post three days after printing
    window = show(office, cid)["objection_window_end"]
    assert _zh(window) != said.group(1)  # counted from receipt, the window ends later than the print-day example
    # a notice first printed once served prints the window the decision waits for, as a date
    other = company(office, 8)
    served_first = open_case(office, other, "black", records=[record(office, other)["id"]])
    serve(office, served_first, on="2026-09-24")
    ok(office, "print", "prior_notice", "--case", str(served_first), "--out", str(tmp_path / "served.pdf"))
    served = _text(tmp_path / "served.pdf")
    window = show(office, served_first)["objection_window_end"]
    assert f"请于{_zh(window)}前" in served and "收到本告知书之日起" not in served
