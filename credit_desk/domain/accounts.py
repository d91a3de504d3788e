"""Local accounts and the lock-out rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from credit_desk.domain.roles import Role

# Defaults beside the rule; an office changes them in settings.
LOCKOUT_ATTEMPTS = 5
LOCKOUT_MINUTES = 15


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    failed_count: int
    locked_until: datetime | None

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def after_failure(failed_count: int, now: datetime, attempts: int = LOCKOUT_ATTEMPTS,
                  minutes: int = LOCKOUT_MINUTES) -> tuple[int, datetime | None]:
    """Count one wrong password; the attempts-th in a row locks the account for ``minutes``."""
    count = failed_count + 1
    if count >= attempts:
        return 0, now + timedelta(minutes=minutes)
    return count, None
