"""Office-wide desktop settings kept in the ledger (R14: an unattended desk locks itself)."""

from __future__ import annotations

from urllib.parse import urlsplit

from credit_desk.documents import fonts
from credit_desk.domain.errors import ValidationError
from credit_desk.services.base import Session
from credit_desk.store import audit_log, meta

# R14 (leaks must be prevented): an unattended desk goes back to the login dialog after this many
# minutes without input. Default beside the rule; the administrator changes it in 设置.
IDLE_LOCK_MINUTES = 15
IDLE_LOCK_RANGE = (1, 240)


def idle_lock_minutes(session: Session) -> int:
    """Minutes without input before the window locks."""
    return int(meta.get_setting(session.read_conn, "idle_lock_minutes", IDLE_LOCK_MINUTES))


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
    return str(meta.get_setting(session.read_conn, "documents.contact") or "")


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


INTAKE_URL_MAX = 300


def set_intake_url(session: Session, url: str) -> str:
    """Set the municipal platform's intake address the office sends to (setting ``sync.intake_url``;
    administrator, issue 17 item 6); empty clears it. An http(s) address with a host and no user name or password
    in it (a secret must not sit in a setting that is logged and synced). Raises ValidationError INTAKE_URL."""
    session.require("settings.manage")
    value = (url or "").strip().rstrip("/")
    if value:
        _check_url(value)
    _save_setting(session, "sync.intake_url", value)
    return value


def _check_url(value: str) -> None:
    parts = urlsplit(value)
    why = None
    if len(value) > INTAKE_URL_MAX:
        why = (f"最多{INTAKE_URL_MAX}个字符", f"at most {INTAKE_URL_MAX} characters")
    elif parts.scheme not in ("http", "https") or not parts.hostname:
        why = ("须以 http:// 或 https:// 开头并写明主机名", "it must start with http:// or https:// and name a host")
    elif parts.username or parts.password:
        why = ("不能包含用户名或密码", "it must not contain a user name or password")
    elif parts.query or parts.fragment:
        why = ("不能包含“?”或“#”之后的部分", "it must not contain a query or fragment")
    if why:
        raise ValidationError("INTAKE_URL", f"市平台接收地址「{value[:80]}」无效：{why[0]}。",
                              f"The platform address '{value[:80]}' is not valid: {why[1]}.", field="intake_url")


def print_fonts(session: Session) -> dict[str, str]:
    """The font files the administrator set for the printed notices, by role (``song``, ``fang``, ``hei``,
    ``kai``, ``fallback``); a role not set is found on the system (documents/fonts.py)."""
    return {k: str(v) for k, v in (meta.get_setting(session.read_conn, "documents.fonts") or {}).items()}


def set_print_font(session: Session, role: str, spec: str) -> dict[str, str]:
    """Set (or with "" clear) the font file of one role of the printed notices (GB/T 9704: 宋体, 仿宋, 黑体, 楷体;
    ``fallback`` for rare characters); the file must be an embeddable TrueType font. Administrator, issue 17
    item 6. Raises ValidationError FONT_ROLE, DomainError FONT_FILE."""
    session.require("settings.manage")
    if role not in (*fonts.ROLES, "fallback"):
        raise ValidationError("FONT_ROLE", f"没有「{role}」这种字体用途。", f"There is no font role '{role}'.",
                              field="role")
    value = (spec or "").strip()
    if value:
        fonts.check_font_file(role, value)
    chosen = print_fonts(session)
    chosen.pop(role, None)
    if value:
        chosen[role] = value
    _save_setting(session, "documents.fonts", chosen)
    return chosen


RECENT_PURPOSES = 5


def recent_purposes(session: Session, n: int = RECENT_PURPOSES) -> list[str]:
    """The signed-in user's own last purposes, offered again in the purpose dialog. R14 / issue 14 item 5: they
    come from the user's own audit rows inside the encrypted ledger, never from a plain file on the PC."""
    return audit_log.recent_purposes(session.read_conn, session.user.username, n)
