"""Issue 13, a fresh lawyer's pass (law13): the unlawful paths still open, each tried through the CLI and refused
with one Chinese-first sentence, nothing changed. Dates are typed relative to the pinned clock (TEST_NOW)."""

from __future__ import annotations

from tests.conftest import TEST_NOW
from tests.documents.conftest import pdftotext
from tests.e2e.case_kit import (BLACK_FIELDS, BOSS, company, desk, ok, open_case, record, refused,  # noqa: F401
                                serve, show, staffed_template)

TODAY = TEST_NOW.date().isoformat()


# --- item 1 / item 4 (R4 with R9, R11): a black listing does not rest on slight dishonesty alone ------------

def test_r4_black_listing_refused_on_slight_records_only(desk):
    sid = company(desk, 1301)
    slight = []
    for n in (1301, 1302):  # R9: a slight record needs a justification and a second person
        rec = record(desk, sid, "--justification", "情节轻微，及时改正", tier="slight", number=f"清市监罚〔2026〕{n}号")
        ok(desk, "record", "approve", str(rec["id"]), user=BOSS)
        slight.append(rec["id"])
    serious = record(desk, sid, number="清市监罚〔2026〕1303号")["id"]
    for rids in (slight[:1], slight):  # one slight act, or slight acts repeated
        args = [a for r in rids for a in ("--record", str(r))]
        err = refused(desk, "case", "open", "--subject", str(sid), "--list", "black", *args, *BLACK_FIELDS,
                      "--opened-on", TODAY)
        assert err["code"] == "R4_BLACK_BASIS" and err["field"] == "record_ids", rids
        assert err["message"].startswith("列入严重失信主体名单须依据严重失信行为") and "重点关注名单" in err["message"]
    assert ok(desk, "case", "list", "--subject", str(sid)) == []  # nothing was written
    # the lawful paths: a black listing on a serious record; repeated slight acts go on the watch list at most
    cid = open_case(desk, sid, "black", records=[serious, slight[0]], opened_on=TODAY)
    err = refused(desk, "case", "update", str(cid), "--record", str(slight[0]))  # dropping the serious record
    assert err["code"] == "R4_BLACK_BASIS"
    assert sorted(r["id"] for r in show(desk, cid)["records"]) == sorted([serious, slight[0]])  # unchanged
    assert open_case(desk, sid, "watch", "--warning-letter", "清警〔2026〕1301号", records=slight, opened_on=TODAY)


# --- item 2 (R5): the superseded prior notice is not handed out again -----------------------------------------

def test_r5_superseded_prior_notice_is_never_reprinted(desk, tmp_path):
    sid = company(desk, 1302)
    cid = open_case(desk, sid, "black", opened_on=TODAY)
    first = serve(desk, cid, on=TODAY)["notice_number"]
    ok(desk, "print", "prior_notice", "--case", str(cid), "--out", str(tmp_path / "first.pdf"))
    # the grounds change after service: a new prior notice (new number, new window), the first superseded
    second = ok(desk, "case", "update", str(cid), "--facts", "另查明：拒不改正", "--renotice-on", TODAY)
    assert second["superseded"] == first and second["notice_number"] != first
    out = tmp_path / "copy.pdf"
    err = refused(desk, "print", "reprint", first, "--purpose", "当事人索要副本", "--out", str(out))
    assert err["code"] == "R5_DOC_SUPERSEDED" and err["field"] == "number"
    assert err["message"].startswith(f"文书 {first} 已被重新送达的预先告知书 {second['notice_number']} 取代")
    assert not out.exists()
    verdict = refused(desk, "notice", "verify", "--pdf", str(tmp_path / "first.pdf"))
    assert "作废" in verdict["message"]  # the paper itself no longer verifies either
    # the notice in force is printed and reprinted as usual
    ok(desk, "print", "prior_notice", "--case", str(cid), "--out", str(tmp_path / "second.pdf"))
    assert "拒不改正" in pdftotext(tmp_path / "second.pdf").replace("\n", "")
    copy = ok(desk, "print", "reprint", second["notice_number"], "--purpose", "当事人索要副本", "--out", str(out))
    assert copy["copy_no"] == 1 and out.exists()

