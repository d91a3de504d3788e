"""Office-wide desktop settings kept in the ledger (R14: an unattended desk locks itself)."""

from __future__ import annotations

from credit_desk.domain.errors import ValidationError
from credit_desk.services.base import Session
from credit_desk.store import audit_log, meta

# R14 (leaks must be prevented): an unattended desk goes back to the login dialog after this many
# minutes without input. Default beside the rule; the administrator changes it in 设置.
IDLE_LOCK_MINUTES = 15
IDLE_LOCK_RANGE = (1, 240)


def idle_lock_minutes(session: Session) -> int:
    """Minutes without input before the window locks."""
    return int(meta.get_setting(session.ledger.conn, "idle_lock_minutes", IDLE_LOCK_MINUTES))


def set_idle_lock_minutes(session: Session, minutes) -> int:
    """Change the idle-lock time (administrator only); out-of-range values are refused."""
    session.require("settings.manage")
    lo, hi = IDLE_LOCK_RANGE
    try:
        value = int(minutes)
    except (TypeError, ValueError):
        value = None
    if value is None or not lo <= value <= hi:
        raise ValidationError("IDLE_LOCK_RANGE", f"自动锁定时间应为{lo}至{hi}分钟之间的整数。",
                              f"The idle-lock time must be a whole number of minutes from {lo} to {hi}.",
                              field="idle_lock_minutes")
    _save_setting(session, "idle_lock_minutes", value)
    return value


def _save_setting(session: Session, key: str, value) -> None:
    """Store one office setting with its audit row and its change-log row in one transaction (R14, sync outbox)."""
    with session.ledger.tx() as tx:
        meta.set_setting(tx, key, value)
        session.audit(tx, "settings.manage", "setting", key, detail={"value": value})
        tx.change("setting", key, "upsert", {"value": value})


CONTACT_MAX = 120  # one printed line of contact details (phone, address) on the notices


def notice_contact(session: Session) -> str:
    """The contact line printed on notices (setting ``documents.contact``); "" = the office's name is printed."""
    return str(meta.get_setting(session.ledger.conn, "documents.contact") or "")


def set_notice_contact(session: Session, text: str) -> str:
    """Set the contact line the notices print (administrator, issue 17 item 6); one line of at most
    ``CONTACT_MAX`` characters, empty to print the office's name. Raises ValidationError CONTACT_LINE."""
    session.require("settings.manage")
    value = " ".join((text or "").split())
    if len(value) > CONTACT_MAX:
        raise ValidationError("CONTACT_LINE", f"联系方式最多{CONTACT_MAX}个字（现为{len(value)}个字）。",
                              f"The contact line takes at most {CONTACT_MAX} characters ({len(value)} given).",
                              field="contact")
    _save_setting(session, "documents.contact", value)
    return value


RECENT_PURPOSES = 5


def recent_purposes(session: Session, n: int = RECENT_PURPOSES) -> list[str]:
    """The signed-in user's own last purposes, offered again in the purpose dialog. R14 / issue 14 item 5: they
    come from the user's own audit rows inside the encrypted ledger, never from a plain file on the PC."""
    return audit_log.recent_purposes(session.ledger.conn, session.user.username, n)
