"""R15 (49号 七(十四)): a person's consent to publish is given once and withdrawn once (issue 23, sixth pass: the
consent's two states were never tried as a state machine). Found: a withdrawn consent could be "withdrawn" again
with a later date — the stored withdrawal day moved forward, and the record then showed publication resting on
the person's consent for days after the person had taken it back; a withdrawal dated in the future (or before the
consent was given) was accepted too. Walked through the CLI on a real ledger; the expected outcomes are written
here."""

from __future__ import annotations

import datetime as dt
import json

from credit_desk.services import ledgers
from tests.conftest import TEST_NOW
from tests.e2e.case_kit import desk, ok, person, refused, staffed_template  # noqa: F401

TODAY = TEST_NOW.date()


def _stored(data_dir, consent_id: int) -> tuple[str | None, list[str]]:
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        row = d.ledger.conn.execute("SELECT withdrawn_on FROM publication_consents WHERE id = ?",
                                    (consent_id,)).fetchone()
        ops = [op for (op,) in d.ledger.conn.execute(
            "SELECT op FROM changes WHERE entity = 'publication_consent' AND entity_id = ? ORDER BY id",
            (str(consent_id),))]
    finally:
        d.close()
    return row[0], ops


def test_r15_a_consent_is_withdrawn_once_and_on_a_day_between_its_giving_and_today(desk, data_dir):
    pid = person(desk, 168)
    given = TODAY - dt.timedelta(days=20)
    consent = ok(desk, "consent", "add", "--subject", str(pid), "--scope", "在信用中国（江苏淮安）网站公开本人行政处罚信息",
                 "--given-on", given.isoformat(), "--valid-until", (given + dt.timedelta(days=300)).isoformat(),
                 "--document", f"本人签署的信用信息公开同意书（{given.isoformat()}）")["id"]
    for on, field in ((TODAY + dt.timedelta(days=1), "on"), (given - dt.timedelta(days=1), "on")):
        err = refused(desk, "consent", "withdraw", str(consent), "--on", on.isoformat())
        assert (err["code"], err["field"]) == ("DATE_ORDER", field), err
        assert err["message"] == f"撤回日期{on.isoformat()}须在同意日期{given.isoformat()}与今天之间。"
    assert _stored(data_dir, consent) == (None, ["insert"])          # nothing written by the refusals
    first = TODAY - dt.timedelta(days=5)
    assert ok(desk, "consent", "withdraw", str(consent), "--on", first.isoformat())["withdrawn_on"] == first.isoformat()
    for again in (TODAY, first):
        err = refused(desk, "consent", "withdraw", str(consent), "--on", again.isoformat())
        assert (err["code"], err["field"], err["rule"]) == ("R15_CONSENT_WITHDRAWN", "consent_id", "R15"), err
        assert err["message"] == f"该同意已于{first.isoformat()}撤回，撤回不能重复登记，撤回日期也不能改动。"
    assert _stored(data_dir, consent) == (first.isoformat(), ["insert", "withdraw"])
    code, out, _ = desk("--json", "--lang", "en", "consent", "withdraw", str(consent), user="clerk1")
    assert code != 0 and json.loads(out)["message"] == (
        f"The consent was already withdrawn on {first.isoformat()}; a withdrawal is recorded once and its date "
        "is not changed.")
