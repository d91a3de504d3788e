"""After login: the daily expiry check (R12 way 3: expired listings leave their lists) and the automatic backup,
one after the other on a worker thread (they share the session's connection), with the outcome in the status
bar and on the dashboard; then, as a job of its own, the whole-file integrity read when one is due (issue 18:
off the start-up path and off the daily ``check``; a damage found stops writes and is said at once)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.procedure import CLOCK_CODES
from credit_desk.services import backup, case_exits, ledger_health


class StartupChecks(QObject):
    finished = Signal(dict)
    integrity = Signal(object)  # (ok, SQLite's words) of the background whole-file read, or None when not due
    progress = Signal(int, int)  # the automatic backup's pages copied, of all (issue 18)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: dict | None = None

    def start(self):
        session = self.ctx.session

        def work(job):
            exited, refused = [], None
            try:
                with session.ledger.lend():  # issue 18: the expiry check writes through the session's writer
                    exited = case_exits.daily_check(session) or []
            except (DomainError, ValidationError) as exc:  # said below; the day's backup is still made …
                if exc.code in CLOCK_CODES:  # … unless the PC's clock is wrong (R14): no act is logged by it
                    raise
                refused = exc
            # logged like the CLI's backup (R14); copied on its own connection in steps (issue 18), so the
            # window keeps the session's connection and stays live, and the status bar shows how far it is
            made = backup.automatic_backup(session, progress=job.progress)
            result = {"exited": exited, "backup": str(made) if made else None}
            return {**result, "error": refused} if refused is not None else result
        return self.ctx.ops.run(work, done=self._done, failed=self._failed, progress=self.progress.emit)

    def _done(self, result: dict) -> None:
        self.result = result
        self.finished.emit(result)
        if result.get("error") is not None:  # the expiry check could not run: said, the backup was made anyway
            self.ctx.ops.show_error(result["error"])
        self.check_file()

    def _failed(self, exc) -> None:
        self.result = {"exited": [], "backup": None, "error": exc}
        self.finished.emit(self.result)
        self.ctx.ops.show_error(exc)
        self.check_file()

    def check_file(self):
        """Issue 18: SQLite's read of every page, on a read connection of its own (the window and its writer stay
        free), when the last one is older than a day; a damage found stops writes (the ledger needs attention)."""
        desk = self.ctx.session.desk
        # closing the window cancels the job: the read is interrupted (nothing kept), the window does not wait
        return self.ctx.ops.run(lambda job: ledger_health.integrity_in_background(desk, job.on_cancel),
                                done=self._file_checked, failed=self.ctx.ops.show_error)

    def _file_checked(self, outcome) -> None:
        self.integrity.emit(outcome)
        if outcome is not None and not outcome[0]:
            att = self.ctx.session.ledger.attention
            self.ctx.ops.show_error(DomainError("LEDGER_NEEDS_ATTENTION", att.zh, att.en))


def progress_text(done: int, total: int) -> str:
    """The status bar's line while the automatic backup runs."""
    percent = 100 * done // total if total else 0
    return QCoreApplication.translate("Startup", "Automatic backup in progress: %1%").replace("%1", str(percent))


def status_text(result: dict) -> str:
    parts = []
    expired = [d for d in result.get("exited") or () if not d.get("basis_revoked") and not d.get("refused")]
    refused = [d for d in result.get("exited") or () if d.get("refused")]
    gone = [d for d in result.get("exited") or () if d.get("basis_revoked")]
    if expired:
        parts.append(QCoreApplication.translate("Startup", "%1 listing(s) reached the end of their validity and left "
                                                "their list (announcements made).").replace("%1", str(len(expired))))
    if gone:  # R3: the basis was revoked and the department let the deadline pass
        parts.append(QCoreApplication.translate("Startup", "%1 listing(s) whose basis records were all revoked "
                                                "passed their end deadline and left their list (announcements "
                                                "made).").replace("%1", str(len(gone))))
    if refused:  # issue 19 / R12: the others left; these are named with why
        parts.append(QCoreApplication.translate("Startup", "%1 listing(s) could not leave their list:")
                     .replace("%1", str(len(refused))))
        parts += [d["zh"] for d in refused]
    if result.get("backup"):
        parts.append(QCoreApplication.translate("Startup", "Automatic backup made."))
    return " ".join(parts)
