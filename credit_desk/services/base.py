"""What every service stands on: the open ledger (Desk), the logged-in Session, and the role guard."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable

from credit_desk.domain.accounts import User
from credit_desk.domain.errors import DomainError, PermissionDenied, ValidationError
from credit_desk.domain.procedure import CLOCK_AHEAD_MAX_DAYS, check_clock
from credit_desk.domain.roles import check_allowed
from credit_desk.store import meta
from credit_desk.store.ledger import Ledger

PURPOSE_MIN = 2


@dataclass
class Desk:
    """An unlocked ledger plus the clock. The key stays in memory only, for re-storing it in the keyring."""

    ledger: Ledger
    key: bytes = field(repr=False)
    unlocked_by: str = "keyring"  # or "recovery"
    clock: Callable[[], datetime] = datetime.now

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    def close(self) -> None:
        self.ledger.close()


@dataclass(frozen=True)
class Session:
    """An authenticated user on an open ledger. Every service takes one and checks its role."""

    desk: Desk
    user: User

    @property
    def ledger(self) -> Ledger:
        return self.desk.ledger

    def require(self, action: str) -> None:
        """R14: refuse and log a refusal when the role may not perform ``action``."""
        try:
            check_allowed(self.user.role, action)
        except PermissionDenied as exc:
            with self.ledger.tx() as tx:
                self.audit(tx, action, "action", action, outcome="refused", detail={"code": exc.code})
            raise

    def audit(self, tx, action: str, object_type: str, object_id, *, purpose: str = "",
              detail=None, outcome: str = "ok", clock_confirmed: bool = False) -> int:
        if not tx.clock_checked:
            self.check_clock(tx, ahead_ok=clock_confirmed)
            tx.clock_checked = True
        return tx.audit(username=self.user.username, role=self.user.role.value, action=action,
                        object_type=object_type, object_id=object_id, purpose=purpose,
                        detail=detail, outcome=outcome,
                        ts=self.desk.now().isoformat(timespec="seconds"))


    def check_clock(self, tx, ahead_ok: bool = False) -> None:
        """R14/R12: no write while the clock reads before the newest checked audit row or far ahead of it
        (setting ``clock_ahead_max_days``); ``ahead_ok`` is the administrator's ``clock confirm`` after a long
        pause. The newest checked write's time is kept as ``clock_mark`` (login rows do not move it)."""
        conn = tx.conn
        mark = meta.get_meta(conn, CLOCK_MARK_KEY)
        newest = datetime.fromisoformat(mark) if mark else None
        limit = int(meta.get_setting(conn, "clock_ahead_max_days", CLOCK_AHEAD_MAX_DAYS))
        now = self.desk.now().replace(tzinfo=None, microsecond=0)
        check_clock(now, newest, 10 ** 6 if ahead_ok else limit)
        if newest is None or now > newest:
            meta.set_meta(tx, CLOCK_MARK_KEY, now.isoformat())


CLOCK_MARK_KEY = "clock_mark"


def require_purpose(purpose: str | None) -> str:
    """R14 查询使用登记: every look at personal data states why."""
    text = (purpose or "").strip()
    if len(text) < PURPOSE_MIN:
        raise ValidationError("R14_PURPOSE_REQUIRED", "查看或查询个人信息须填写查询事由（至少2个字）。",
                              "Viewing or searching personal data needs a stated purpose (2+ characters).",
                              field="purpose")
    return text


def refuse(code: str, zh: str, en: str, **kw) -> DomainError:
    return DomainError(code, zh, en, **kw)
