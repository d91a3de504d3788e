"""R10/R11 (issue 13 item 8): a watch listing removes red-list entries (1798号 (十九)); the automatic watch
listing after a black-list exit has its own numbered warning letter with its validity period, is shared through
the change log, and prints."""

from __future__ import annotations

import pytest
from credit_desk.services import ledgers
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (BOSS, TAX_BOSS, black_listing, company, decide, desk, ok, open_case, refused, serve,  # noqa: F401
                                show, staffed_template, watch_listing)


@pytest.mark.story
def test_r10_watch_listing_removes_the_red_listing(desk):
    sid = company(desk, 171)
    red = open_case(desk, sid, "red", "--department", "县税务局", "--department-level", "county", "--domain", "税务",
                    "--facts", "纳税信用A级", "--basis", "税总发〔2026〕1号", "--valid-until", "2028-10-12")
    serve(desk, red)
    decide(desk, red, on="2026-10-12", user=TAX_BOSS)  # R4: the tax bureau's own head
    watch = watch_listing(desk, sid, "市场监管", served="2026-10-12", on="2026-10-20")  # served on its day (R5)
    gone = show(desk, red)
    assert gone["state"] == "exited" and gone["exit_way"] == "red_removed", gone
    assert f"案件{watch}" in (gone.get("exit_note") or "") and "重点关注名单" in gone["exit_note"]


@pytest.mark.story
def test_r11_post_exit_watch_listing_has_its_own_numbered_warning_letter(desk, data_dir, tmp_path):
    sid = company(desk, 172)
    cid = black_listing(desk, sid)
    out = ok(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-11-27",
             "--standard-change", "认定标准已修订（清市监规〔2026〕2号）", user=BOSS)
    watch = show(desk, out["watch_case_id"])
    letter = watch["warning_letter"]
    assert letter and letter.startswith("清信警〔2026〕") and watch["valid_until"] == "2027-11-27"
    printed = ok(desk, "print", "watch_warning", "--case", str(out["watch_case_id"]), "--out", str(tmp_path / "w.pdf"))
    assert printed["documents"][0]["number"] == letter
    text = pdftotext(tmp_path / "w.pdf").replace("\n", "")
    assert letter in text and "2027年11月27日" in text and "重点关注名单" in text
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        ops = [r[0] for r in d.ledger.conn.execute(
            "SELECT op FROM changes WHERE entity = 'case' AND entity_id = ? ORDER BY id", (str(out["watch_case_id"]),))]
    finally:
        d.close()
    assert ops == ["open", "decide"]


@pytest.mark.story
def test_r10_red_list_is_published_with_its_own_notice_and_period(desk, tmp_path):
    sid = company(desk, 173)
    red = open_case(desk, sid, "red", "--department", "县税务局", "--department-level", "county", "--domain", "税务",
                    "--facts", "连续三年纳税信用A级", "--basis", "《纳税信用管理办法》", "--valid-until", "2028-10-12")
    served = serve(desk, red, on="2026-10-12")
    assert served["notice_number"].startswith("清税信激公〔2026〕")  # its own series, under 县税务局's prefix
    assert show(desk, red)["objection_window_end"] == "2026-10-19"  # 5 working days (its own local setting)
    err = refused(desk, "print", "prior_notice", "--case", str(red), "--out", str(tmp_path / "p.pdf"))
    assert err["code"] == "R10_NOTICE_TYPE"
    ok(desk, "print", "red_publication", "--case", str(red), "--out", str(tmp_path / "r.pdf"))
    text = pdftotext(tmp_path / "r.pdf").replace("\n", "")
    assert "守信激励对象名单公示" in text and "2026年10月12日至2026年10月19日" in text
    assert "预先告知" not in text and "失信" not in text.replace("诚实守信", "").replace("守信激励", "")
    black = black_listing(desk, company(desk, 174), served="2026-10-12", on="2026-10-20")  # served on its day (R5)
    assert refused(desk, "print", "red_publication", "--case", str(black), "--out",
                   str(tmp_path / "b.pdf"))["code"] == "R10_NOTICE_TYPE"
