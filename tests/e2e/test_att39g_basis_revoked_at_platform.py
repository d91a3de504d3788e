"""R3 at the platform (att39g): a subject's lawyer had the penalty decision a black listing rested on revoked by the
court. At the office the revocation reached the listing at once (its measures stopped, the department must end it
by a deadline, ``services.records._basis_gone``), but the change the office sent (op ``basis_revoked``) named neither
the subject nor a state the platform reads: the platform's lookup of listings in force (``pgstore.subject_listings``)
still answered "black listed" under the revoked basis, and a department would go on applying joint punishment until
the office separately ended the listing (R12: "joint punishments stop").

What the checker sees now (DOMAIN R3, R1 for listings, R12, R22): once the office reports that every record a listing
rests on was revoked, the listing is no longer in force at the platform — the change carries the subject and the
shared state ``basis_revoked`` (``domain.list_rules.shared_state``); the platform's record keeps the listing with the
day its measures stopped (R7). And a listing whose validity has not started yet is not in force either: the office's
own credit check leaves it out (valid_from <= today), and the platform now answers the same (R12/R22)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from credit_desk.intake.receiver import Intake
from tests.e2e.case_kit import (BOSS, company, decide_black, desk, ok, open_case, record, serve, show,  # noqa: F401
                                staffed_template, watch_listing)
from tests.e2e.sync_support import pair
from tests.e2e.platform_round import check_at_platform as _check, subject_no as _subject_no, synced as _synced


def _held(intake_dir: Path, no: tuple[str, str], cid: int) -> list[tuple]:
    with Intake(intake_dir).pool.connection() as conn:
        return conn.execute("SELECT case_state, decision_number, measures_stopped_on, exit_way FROM subject_listings "
                            "WHERE subject_no = %s AND case_id = %s", (":".join(no), str(cid))).fetchall()


@pytest.mark.story
def test_r3_a_listing_whose_basis_was_revoked_leaves_the_platforms_check_at_once(desk, data_dir, tmp_path):
    """R3: the court revoked the penalty decision; the clerk revokes the record (``record revoke``) and syncs. The
    department has not yet ended the listing (its deadline is ahead), but the platform no longer answers it as in
    force; the department's later exit (way 4) keeps it out."""
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3971)
    rid = record(desk, sid, number="清市监罚〔2026〕3971号")["id"]  # the penalty decision the listing rests on
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    decide_black(desk, cid)
    _synced(desk, intake_dir, tmp_path / "u1")
    no = _subject_no(data_dir, sid)
    before = _check(intake_dir, *no)
    assert [(r["case_id"], r["list_type"], r["case_state"]) for r in before] == [(str(cid), "black", "listed")]

    out = ok(desk, "record", "revoke", str(rid), "--reason", "行政诉讼判决撤销原处罚决定", "--on", "2026-10-21")
    assert [e["case_id"] for e in out["ending"]] == [cid]
    assert show(desk, cid)["state"] == "listed"  # at the office the department still has to end it (R3 deadline)
    _synced(desk, intake_dir, tmp_path / "u2")

    assert _check(intake_dir, *no) == []  # R3: no basis, no listing in force; joint punishments stop (R12)
    # R7: the platform's record keeps the listing with the day its measures stopped
    assert _held(intake_dir, no, cid) == [("basis_revoked", before[0]["decision_number"], "2026-10-21", None)]

    ok(desk, "case", "exit", str(cid), "--way", "4", "--exit-on", "2026-10-28",
       "--standard-change", "认定所依据的处罚决定已被撤销", user=BOSS)
    _synced(desk, intake_dir, tmp_path / "u3")
    assert _check(intake_dir, *no) == []
    assert [(r[0], r[3]) for r in _held(intake_dir, no, cid)] == [("exited", "4")]


@pytest.mark.story
def test_r12_r22_a_listing_whose_validity_has_not_started_is_not_in_force_at_the_platform(desk, data_dir, tmp_path):
    """R12/R22: the office's credit check takes a listing in force from its validity's first day to its last; the
    platform answered it on the day before it started (a checker whose date is behind the office's, or a post-exit
    watch listing dated ahead), so the two answers differed. Both now read the validity the same way."""
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3972)
    cid = watch_listing(desk, sid, "税务", valid_until="2027-09-01")  # decided (valid from) 2026-10-12
    _synced(desk, intake_dir, tmp_path / "u1")
    no = _subject_no(data_dir, sid)
    assert _check(intake_dir, *no, on=datetime(2026, 10, 11, 17, 0)) == []
    first_day = _check(intake_dir, *no, on=datetime(2026, 10, 12, 8, 0))
    assert [(r["case_id"], r["case_state"], r["valid_from"]) for r in first_day] == [(str(cid), "listed", "2026-10-12")]


@pytest.mark.story
def test_r3_a_basis_revoked_change_in_the_older_form_is_received_and_read_once_the_platform_migrates(
        desk, data_dir, tmp_path, monkeypatch):
    """R3, older bundles: an office not yet upgraded sends ``basis_revoked`` as it did ({id, measures_stopped_on,
    end_due}: no subject, no state). The platform still accepts it; the changes filed so before its upgrade are
    filed under their listing's subject by migration 0011, which reads the op as the state, so the listing leaves the
    check then."""
    from credit_desk.intake import pgstore
    from credit_desk.services import case_core

    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3973)
    rid = record(desk, sid, number="清市监罚〔2026〕3973号")["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    decide_black(desk, cid)
    _synced(desk, intake_dir, tmp_path / "u1")
    no = _subject_no(data_dir, sid)
    [before] = _check(intake_dir, *no)
    with monkeypatch.context() as m:  # the older office: the change carries the case id only
        m.setattr(case_core, "entry_state", lambda conn, case: {"id": case.id})
        ok(desk, "record", "revoke", str(rid), "--reason", "复议决定撤销原处罚决定", "--on", "2026-10-21")
    _synced(desk, intake_dir, tmp_path / "u2")  # received: nothing of it rejected
    with Intake(intake_dir).pool.connection() as conn:
        filed = conn.execute("SELECT subject_no, state::text FROM changes WHERE op = 'basis_revoked'").fetchall()
        assert len(filed) == 1 and filed[0][0] is None and '"state"' not in filed[0][1], filed
        assert [r["case_id"] for r in _check(intake_dir, *no)] == [str(cid)]  # as before the platform's upgrade
        [(_, _, text)] = [v for v in pgstore.migrations() if v[0] == 11]
        conn.execute(text)  # the upgrade finds the older change already filed
    assert _check(intake_dir, *no) == []
    assert _held(intake_dir, no, cid) == [("basis_revoked", before["decision_number"], "2026-10-21", None)]


@pytest.mark.story
def test_r3_r22_the_offices_own_credit_check_leaves_out_a_listing_whose_basis_was_revoked(desk, data_dir, tmp_path):
    """R3/R22: the office's credit check answered the same listing "black listed" after its basis was revoked (the
    case stays listed at the office until its department ends it, its measures already stopped), while the
    platform now leaves it out: both read the listing as ``domain.list_rules.shared_state`` says — not in force."""
    intake_dir = pair(desk, tmp_path)
    sid = company(desk, 3974)
    rid = record(desk, sid, number="清市监罚〔2026〕3974号")["id"]
    cid = open_case(desk, sid, "black", records=[rid])
    serve(desk, cid)
    decide_black(desk, cid)
    _synced(desk, intake_dir, tmp_path / "u1")
    id_type, number = _subject_no(data_dir, sid)
    [entry] = _check(intake_dir, id_type, number)

    def office_check() -> dict:
        [row] = ok(desk, "credit-check", "entry", "--department", "清江浦区财政局", "--purpose", "评优评先资格审查",
                   "--subject", f"{entry['subject_name']},{number}")["results"]
        return row

    assert "black" in office_check()["categories"]
    ok(desk, "record", "revoke", str(rid), "--reason", "行政诉讼判决撤销原处罚决定", "--on", "2026-10-21")
    assert "black" not in office_check()["categories"]  # R3: no basis, not in force (as at the platform)
    _synced(desk, intake_dir, tmp_path / "u2")
    assert _check(intake_dir, id_type, number) == []
