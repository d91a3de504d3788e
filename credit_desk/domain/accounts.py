"""Local accounts and the lock-out rule."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from credit_desk.domain.errors import ValidationError
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


def _person_key(name: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", name or "").split())


def check_r14_one_account_per_person(display_name: str, active_names: Iterable[str]) -> None:
    """R14 with the four eyes of R5, R9 and R12 way 1 (issue 13: "four-eyes by the same person under two roles"):
    the four-eyes guards compare accounts — the drafter never decides, the proposer of a withdrawal never approves
    it — so one person with two accounts (张三 as 经办 and 张三 as 负责人) drafted and decided the same listing. One
    person has one account; a change of duties is a role change (confirmed by the auditor). A second active account
    under a name an active account already bears is refused; another member of staff who shares that name is told
    apart in the display name (王伟（执法科）). ``active_names``: the display names of the active accounts.
    Raises ``ACCOUNT_SAME_PERSON``."""
    key = _person_key(display_name)
    if key and key in {_person_key(n) for n in active_names}:
        shown = display_name.strip()
        raise ValidationError("ACCOUNT_SAME_PERSON", f"已有显示名为「{shown}」的在用账户。同一人只设一个账户，职责变化请申请角色变更"
                              f"（由审计员确认）；否则起草与决定、提出与批准可由同一人以两个账户完成。如确为同名的另一位工作人员，"
                              f"请在显示名中加以区分，如「{shown}（执法科）」。",
                              f"An active account already bears the name '{shown}'. One person has one account (a "
                              "change of duties is a role change); two accounts would let one person draft and decide. "
                              "For another member of staff of that name, tell them apart in the display name, e.g. "
                              f"'{shown} (enforcement section)'.",
                              field="display_name")
