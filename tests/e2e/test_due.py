"""The due list: every open deadline, sorted, with exactly the overdue ones under --overdue (issue 3)."""

from __future__ import annotations

import pytest
import datetime as dt

from credit_desk.domain.due import DueItem
from credit_desk.services import auth, due, ledgers
from credit_desk.store import cases as cases_store
from tests.conftest import USER_PW
from tests.e2e.case_kit import (black_draft, black_listing, company, decide_black, decide_watch, desk,  # noqa: F401
                                ok, record, serve, staffed_template, walk_to, watch_draft, watch_listing)

TODAY = "2026-11-02"


def _seed(desk, data_dir) -> dict:
    """A small ledger with deadlines on both sides of TODAY, told in the order of its days."""
    s1, s2, s3 = company(desk, 41), company(desk, 42), company(desk, 43)
    r1 = record(desk, s3, number="清市监罚〔2026〕90号")["id"]
    black, watch = black_draft(desk, s1), watch_draft(desk, s2, "税务", valid_until="2026-10-30")
    late_obj = ok(desk, "objection", "add", "--record", str(r1), "--received-on", "2026-09-28", "--grounds", "异议一")
    serve(desk, black)
    serve(desk, watch)
    decide_black(desk, black)                                        # shared late: share item overdue
    decide_watch(desk, watch, "税务")                                  # expiry overdue; its sharing acknowledged
    fresh_obj = ok(desk, "objection", "add", "--record", str(r1), "--received-on", "2026-10-26", "--grounds", "异议二")
    pending = ok(desk, "case", "open", "--subject", str(s3), "--list", "watch", "--record", str(r1),
                 "--department", "县市场监督管理局", "--opened-on", "2026-10-29")["id"]
    serve(desk, pending, on="2026-10-30")                             # window open: shown, never overdue
    d = ledgers.unlock(data_dir)
    try:
        with d.ledger.tx() as tx:
            cases_store.set_shared(tx, watch, "2026-10-14T09:00:00")
    finally:
        d.close()
    return {"late_obj": late_obj["id"], "fresh_obj": fresh_obj["id"], "black": black, "watch": watch,
            "pending": pending}


@pytest.mark.story
def test_due_overdue_json_lists_exactly_the_overdue_items(desk, data_dir):
    ids = _seed(desk, data_dir)  # the story stands on 2026-10-30; the list is computed as of TODAY
    overdue = ok(desk, "due", "--overdue", "--today", TODAY)
    assert [(i["kind"], i["object_type"], i["object_id"], i["due_date"]) for i in overdue] == [
        ("objection_reply", "objection", ids["late_obj"], "2026-10-16"),
        ("share", "case", ids["black"], "2026-10-26"),
        ("expiry", "case", ids["watch"], "2026-10-30"),
    ]
    assert all(i["overdue"] for i in overdue)
    everything = ok(desk, "due", "--today", TODAY)
    assert [i["due_date"] for i in everything] == sorted(i["due_date"] for i in everything)
    quiet = {(i["kind"], i["object_id"]) for i in everything if not i["overdue"]}
    assert quiet == {("objection_reply", ids["fresh_obj"]), ("objection_window", ids["pending"]),
                     ("expiry", ids["black"])}
    assert ("share", ids["watch"]) not in {(i["kind"], i["object_id"]) for i in everything}


def test_due_plain_text_is_chinese_first_and_english_with_lang_en(desk):
    sid = company(desk, 44)
    rid = record(desk, sid)["id"]
    ok(desk, "objection", "add", "--record", str(rid), "--received-on", "2026-09-28", "--grounds", "异议")
    code, out, _ = desk("due", "--overdue", "--today", TODAY, user="clerk1", password="user-pass-12")
    assert code == 0 and "2026-10-16\t逾期\t异议" in out and "须于2026-10-16前答复" in out
    code, out, _ = desk("--lang", "en", "due", "--today", TODAY, user="clerk1", password="user-pass-12")
    assert "Reply to objection" in out


def test_due_items_takes_another_source(desk, data_dir):
    """The repair feature adds its deadlines through register_source; the service merges and sorts them."""
    def repairs(conn, today):
        yield DueItem("repair", "repair", 1, dt.date(2026, 10, 1), today > dt.date(2026, 10, 1), "修复1", "repair 1")

    d = ledgers.unlock(data_dir)
    try:
        session = auth.login(d, "clerk1", USER_PW)  # the due list is business (R14): not the administrator's
        due.register_source(repairs)
        try:
            items = due.due_items(session, overdue_only=True, today=dt.date(2026, 11, 2))
        finally:
            due._SOURCES.remove(repairs)
    finally:
        d.close()
    assert [(i.kind, i.object_id) for i in items] == [("repair", 1)]
