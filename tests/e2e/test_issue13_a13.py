"""Issue 13, third pass as the office's lawyer (worktree a13): unlawful paths still open on a real ledger through
the CLI — another department answering the party's objection, a document numbered in another department's
series, and a case's level and field typed apart from its registered department — each refused at its guard in
``domain/departments.py``."""

from __future__ import annotations

import pytest
from tests.e2e.case_kit import (AUDITOR, BOSS, CLERK, ENV_BOSS, TAX_BOSS, black_listing, company, desk, ok,  # noqa: F401
                                open_case, record, refused, serve, show, staffed_template, watch_listing)


@pytest.mark.story
def test_r5_objection_is_verified_and_answered_by_the_deciding_department(desk):
    """R5 / 1798号 (七)(二十二): an objection to a listing case "由认定部门（单位）核实" — the deciding department
    verifies it and answers the party. The tax bureau's head cannot answer an objection to the market regulator's
    prior notice: not "upheld" (the reply would be issued in the regulator's name), and above all not "revoked",
    which would end the case as not listed with a numbered 不予列入决定书 that only the regulator may decide (R4).
    Nothing changes; the regulator's own head answers it."""
    sid = company(desk, 1301)
    cid = open_case(desk, sid, "black")  # 县市场监督管理局
    serve(desk, cid)
    oid = ok(desk, "case", "object", str(cid), "--received-on", "2026-10-01", "--grounds", "情节轻微")["id"]
    for outcome in ("revoked", "upheld"):
        for stranger in (TAX_BOSS, ENV_BOSS):
            err = refused(desk, "case", "reply", str(oid), "--outcome", outcome, "--reply", "经核实",
                          "--replied-on", "2026-10-05", user=stranger)
            assert err["code"] == "R5_OBJECTION_DEPARTMENT" and err["rule"] == "R5", err
            assert "县市场监督管理局" in err["message"]
    entry = show(desk, cid)
    assert entry["state"] == "objection_under_review" and not entry["decision_number"]
    log = ok(desk, "audit", "log", "--limit", "30", user=AUDITOR)
    assert not [r for r in log if r["action"] in ("case.decide", "objection.resolve") and r["outcome"] != "refused"]
    out = ok(desk, "case", "reply", str(oid), "--outcome", "upheld", "--reply", "经核实维持",
             "--replied-on", "2026-10-05", user=BOSS)
    assert out["outcome"] == "upheld" and show(desk, cid)["state"] == "notice_served"


@pytest.mark.story
def test_r4_hand_numbered_document_cannot_take_another_departments_series(desk):
    """R4 / 49号 四(八): a case's documents are issued in its deciding department's name and under its prefix. A
    number the office issued by hand is recorded as such — but a number in ANOTHER registered department's
    series (清税信告…, 清环信决… on the market regulator's case) would print the regulator's notice or decision
    under the tax bureau's 文号, and later collide with that bureau's own register. Refused at the notice and the
    decision; nothing is served or decided; a genuine hand number outside every series is still recorded."""
    sid = company(desk, 1302)
    cid = open_case(desk, sid, "black")  # 县市场监督管理局 (prefix 清)
    for number in ("清税信告〔2026〕1号", "清环信告〔2026〕3号"):
        err = refused(desk, "case", "notice", str(cid), "--served-on", "2026-09-28", "--external-number", number)
        assert err["code"] == "R4_DOCUMENT_SERIES" and err["rule"] == "R4" and err["field"] == "external_number"
        assert "县市场监督管理局" in err["message"]
    assert show(desk, cid)["state"] == "draft"
    serve(desk, cid)
    err = refused(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
                  "--post-exit-watch-months", "12", "--external-number", "清税信决〔2026〕1号", user=BOSS)
    assert err["code"] == "R4_DOCUMENT_SERIES" and "县税务局" in err["message"]
    entry = show(desk, cid)
    assert entry["state"] == "notice_served" and not entry["decision_number"]
    out = ok(desk, "case", "decide", str(cid), "--decided-on", "2026-10-12", "--measure", "M-01",
             "--post-exit-watch-months", "12", "--external-number", "县市监手〔2026〕7号", user=BOSS)
    assert out["decision_number"] == "县市监手〔2026〕7号"


@pytest.mark.story
def test_r4_case_level_and_field_are_its_registered_departments(desk):
    """R4 / 49号 四(八) (departments are entities: name, code, level, field): a case's department level and field
    of administration are its registered department's, not free text. The field decides the big-data alert (R11:
    watch lists in 3+ fields) and a measure's scope (R8); typing 税务 and 生态环境 on the market regulator's watch
    listings would flag a subject for the 大数据警示名单 that one department watches. Refused at opening and at an
    edit (before and after service); nothing changes."""
    sid = company(desk, 1303)
    rid = record(desk, sid, tier="general")["id"]
    err = refused(desk, "case", "open", "--subject", str(sid), "--list", "watch", "--record", str(rid),
                  "--department", "县市场监督管理局", "--domain", "税务", "--warning-letter", "清警〔2026〕1号",
                  "--opened-on", "2026-09-20")
    assert err["code"] == "R4_DEPARTMENT_FIELDS" and err["rule"] == "R4" and err["field"] == "domain"
    cid = open_case(desk, sid, "watch", "--warning-letter", "清警〔2026〕1号", records=[rid])
    for args in (("--domain", "税务"), ("--department-level", "province")):
        err = refused(desk, "case", "update", str(cid), *args)
        assert err["code"] == "R4_DEPARTMENT_FIELDS" and "县市场监督管理局" in err["message"]
    serve(desk, cid)
    err = refused(desk, "case", "update", str(cid), "--domain", "生态环境")
    assert err["code"] == "R4_DEPARTMENT_FIELDS"
    entry = show(desk, cid)
    assert (entry["domain"], entry["department_level"]) == ("市场监管", "county")
    # the registered department's own fields, typed again, are no change and stay lawful
    ok(desk, "case", "update", str(cid), "--domain", "市场监管", "--department-level", "county")


@pytest.mark.story
def test_r3_record_revocation_is_dated_between_its_listing_and_today(desk):
    """R3 with the R5 dates (DOMAIN: every procedural date lies between the previous step's date and today): the
    revocation of a listing's basis record stops its measures and starts the department's end deadline on the
    date typed. Dated after today it would stop them in the future and put the deadline off; dated before the
    listing's decision (2026-10-12) it stopped the measures before they were applied and set a deadline that had
    passed before the listing existed — the daily expiry check then failed for the whole ledger (R12_DATE_ORDER).
    Both are refused and nothing changes; the day it is recorded is lawful."""
    sid = company(desk, 1304)
    cid = black_listing(desk, sid)  # decided 2026-10-12 on one record
    rid = show(desk, cid)["records"][0]["id"]
    for on, code in (("2026-12-05", "R5_DATE_FUTURE"), ("2026-09-02", "R5_DATE_ORDER")):
        err = refused(desk, "record", "revoke", str(rid), "--reason", "处罚决定被复议撤销", "--on", on, user=BOSS)
        assert err["code"] == code and err["field"] == "on", err
    assert "2026-10-12" in err["message"]
    entry = show(desk, cid)
    assert entry["records"][0]["status"] == "active" and all(m["stopped_on"] is None for m in entry["measures"])
    assert ok(desk, "case", "expire", user=BOSS) == []  # the daily check runs
    ok(desk, "record", "revoke", str(rid), "--reason", "处罚决定被复议撤销", "--on", "2026-11-20", user=BOSS)
    entry = show(desk, cid)
    assert entry["state"] == "listed" and all(m["stopped_on"] == "2026-11-20" for m in entry["measures"])


@pytest.mark.story
def test_r3_revoking_the_basis_reaches_the_watch_listing_that_follows_a_black_exit(desk):
    """R1 / R3 (DOMAIN: a watch listing rests on at least one effective record; revoking a record's basis document
    reaches the listings resting on it) with R12 / 1798号 (十八): the watch listing that follows a black listing's
    exit carries on the same dishonesty information — it rested on no record at all, so when the court revoked
    the penalty decision the watch listing and its measures ran on (``listed_case_ids`` empty). It now rests on
    the black listing's effective records, and their revocation stops its measures and sets its end deadline."""
    sid = company(desk, 1305)
    cid = black_listing(desk, sid)
    rid = show(desk, cid)["records"][0]["id"]
    out = ok(desk, "case", "exit", str(cid), "--way", "4", "--standard-change", "认定标准已修订（清市监规〔2026〕2号）",
             "--exit-on", "2026-11-03", "--watch-months", "12", user=BOSS)
    watch = out["watch_case_id"]
    assert [r["id"] for r in show(desk, watch)["records"]] == [rid]
    revoked = ok(desk, "record", "revoke", str(rid), "--reason", "处罚决定被法院判决撤销", "--on", "2026-11-20",
                 user=BOSS)
    assert revoked["listed_case_ids"] == [watch] and revoked["ending"][0]["case_id"] == watch
    entry = show(desk, watch)
    assert entry["state"] == "listed" and all(m["stopped_on"] == "2026-11-20" for m in entry["measures"])


@pytest.mark.story
def test_r5_objection_to_a_record_cannot_end_another_departments_case(desk):
    """R5 / 1798号 (七) with R4 (谁认定、谁负责): an objection to the RECORD a served case rests on, answered
    "revoked", ends that case as not listed with a numbered 不予列入决定书 — the deciding department's decision. The
    tax bureau's head answered such an objection about the market regulator's record and case: the case ended
    "decided_by boss_tax" (the path around the guard of objections to the case). Refused, nothing changes (the
    record stays active, the case served); the regulator's own head answers it."""
    sid = company(desk, 1306)
    rid = record(desk, sid)["id"]
    cid = open_case(desk, sid, "black", records=[rid])  # 县市场监督管理局
    serve(desk, cid)
    oid = ok(desk, "objection", "add", "--record", str(rid), "--received-on", "2026-10-01", "--grounds", "处罚已撤销")["id"]
    err = refused(desk, "objection", "resolve", str(oid), "--outcome", "revoked", "--reply", "经核实撤销",
                  "--replied-on", "2026-10-05", user=TAX_BOSS)
    assert err["code"] == "R5_OBJECTION_DEPARTMENT" and "县市场监督管理局" in err["message"]
    entry = show(desk, cid)
    assert entry["state"] == "notice_served" and not entry["decision_number"]
    assert entry["records"][0]["status"] == "active"
    out = ok(desk, "objection", "resolve", str(oid), "--outcome", "revoked", "--reply", "经核实撤销",
             "--replied-on", "2026-10-05", user=BOSS)
    assert out["cases"][0]["state"] == "not_listed" and show(desk, cid)["decided_by"] == BOSS
