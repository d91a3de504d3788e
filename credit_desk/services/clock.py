"""The ledger's clock check (R14/R12): an administrator confirms a clock that is far ahead after a long pause."""

from __future__ import annotations

from credit_desk.services.base import Session


def confirm_clock(session: Session, reason: str) -> dict:
    """Accept today's clock although it is more than ``clock_ahead_max_days`` past the newest write; audited.

    A clock turned back is never accepted (``CLOCK_TURNED_BACK``). Returns {"confirmed_at": ISO time}.
    """
    from credit_desk.domain.fields import require_text
    session.require("settings.manage")
    why = require_text(reason, "reason", "确认理由", 200)
    with session.ledger.tx() as tx:
        session.audit(tx, "clock.confirm", "ledger", session.ledger.ledger_id, detail={"reason": why},
                      clock_confirmed=True)
        tx.change("ledger", session.ledger.ledger_id, "clock_confirm",
                  {"confirmed_at": session.desk.now().isoformat(timespec="seconds")})
    return {"confirmed_at": session.desk.now().isoformat(timespec="seconds")}
