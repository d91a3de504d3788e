"""Local accounts and the lock-out rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from credit_desk.domain.roles import Role

# Defaults beside the rule; an office changes them in settings.
LOCKOUT_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
LOCK_MAX_MINUTES = 24 * 60  # no lock-out lasts longer, whatever the clock said when it was set


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    failed_count: int
    locked_until: datetime | None
    must_change_password: bool = False   # set by an administrator's reset (issue 14 item 6)

    def locked_at(self, now: datetime, max_minutes: int | None = None) -> bool:
        """Locked now? A lock-out ends by itself after at most ``max_minutes`` (default LOCK_MAX_MINUTES) from
        ``now``: an ``until`` set under a wrong clock (say 2028) does not lock the account until 2028
        (issue 14 item 6)."""
        if self.locked_until is None or now >= self.locked_until:
            return False
        return self.locked_until - now <= timedelta(minutes=max_minutes or LOCK_MAX_MINUTES)


def after_failure(failed_count: int, now: datetime, attempts: int = LOCKOUT_ATTEMPTS,
                  minutes: int = LOCKOUT_MINUTES) -> tuple[int, datetime | None]:
    """Count one wrong password; the attempts-th in a row locks the account for ``minutes``."""
    count = failed_count + 1
    if count >= attempts:
        return 0, now + timedelta(minutes=minutes)
    return count, None
