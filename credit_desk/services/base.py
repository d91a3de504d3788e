"""What every service stands on: the open ledger (Desk), the logged-in Session, and the role guard."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable

from credit_desk.domain.accounts import User
from credit_desk.domain.errors import PermissionDenied, ValidationError
from credit_desk.domain.procedure import CLOCK_AHEAD_MAX_DAYS, check_clock, clock_bound_after
from credit_desk.domain.roles import check_allowed
from credit_desk.store import meta
from credit_desk.store.ledger import Ledger

PURPOSE_MIN = 2
_READ_ON: ContextVar = ContextVar("read_on", default=None)


@contextmanager
def reading_on(conn):
    """Inside the block, services read through ``conn`` (``Session.read_conn``) instead of the writer: the GUI
    thread passes a reader-pool connection, since a background job may be writing through the writer (issue 18:
    a read on it from the GUI thread meanwhile deadlocked the window). Writes still go through ``ledger.tx()``."""
    token = _READ_ON.set(conn)
    try:
        yield conn
    finally:
        _READ_ON.reset(token)


@dataclass
class Desk:
    """An unlocked ledger plus the clock. The key stays in memory only, for re-storing it in the keyring."""

    ledger: Ledger
    key: bytes = field(repr=False)
    unlocked_by: str = "keyring"  # or "recovery"
    clock: Callable[[], datetime] = datetime.now

    def __post_init__(self) -> None:
        # every row time stamp and change-log time the ledger writes reads this desk's clock (store.tx.now_iso);
        # read lazily, so a clock set on the desk later (tests, the GUI's injected clock) is the one used
        self.ledger.clock = lambda: self.clock()

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

    @property
    def read_conn(self):
        """The connection a read-only service reads on: the caller's inside ``reading_on``; on the GUI thread its
        own read connection (never the writer a background job may be writing through, issue 18); otherwise
        the session's writer."""
        return _READ_ON.get() or self.ledger.read_conn()

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
        """R14/R12: no write while the clock reads before the newest audit row or far ahead of it (setting
        ``clock_ahead_max_days``); ``ahead_ok`` is the administrator's ``clock confirm`` after a long pause.
        The bound is kept as ``clock_mark``: every audit row moves it (``note_row_time``), checked or not."""
        conn = tx.conn
        newest = clock_mark(conn)
        now = _naive(self.desk.now())
        check_clock(now, newest, 10 ** 6 if ahead_ok else _ahead_max(conn))
        if newest is None or now > newest:
            meta.set_meta(tx, CLOCK_MARK_KEY, now.isoformat())


CLOCK_MARK_KEY = "clock_mark"


def _naive(t: datetime) -> datetime:
    return t.replace(tzinfo=None, microsecond=0)


def _ahead_max(conn) -> int:
    return int(meta.get_setting(conn, "clock_ahead_max_days", CLOCK_AHEAD_MAX_DAYS))


def clock_mark(conn) -> datetime | None:
    """The time of the newest audit row a write may not precede (R14), or None on a new ledger."""
    mark = meta.get_meta(conn, CLOCK_MARK_KEY)
    return datetime.fromisoformat(mark) if mark else None


def note_row_time(tx, desk: "Desk", bounds: bool = True) -> str:
    """R14: an audit row written outside a session (log-in, password change) is stamped by the desk's clock and
    bounds the clock like any other row (``domain.procedure.clock_bound_after``); returns the row's time stamp.
    Nothing is refused here: the next write is. ``bounds=False`` for refused attempts (a wrong password): someone
    who is no user must not be able to push the bound ahead and lock the office out."""
    now = _naive(desk.now())
    old = clock_mark(tx.conn)
    new = clock_bound_after(old, now, _ahead_max(tx.conn))
    if bounds and new != old:
        meta.set_meta(tx, CLOCK_MARK_KEY, new.isoformat())
    return desk.now().isoformat(timespec="seconds")




def require_purpose(purpose: str | None) -> str:
    """R14 查询使用登记: every look at personal data states why."""
    text = (purpose or "").strip()
    if len(text) < PURPOSE_MIN:
        raise ValidationError("R14_PURPOSE_REQUIRED", "查看或查询个人信息须填写查询事由（至少2个字）。",
                              "Viewing or searching personal data needs a stated purpose (2+ characters).",
                              field="purpose")
    return text
