"""One office's round trip with the platform in the e2e stories: export, the intake judging each bundle, the receipts
imported back — and a platform that refuses one chosen change (the stories of what a refused row becomes)."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from credit_desk.intake import checks
from credit_desk.intake.receiver import Intake
from credit_desk.services import ledgers
from tests.e2e.case_kit import ok
from tests.e2e.sync_support import export


def send(desk, intake_dir: Path, folder: Path) -> list[dict]:
    """Export, let the intake judge each bundle, import its receipts; the intake's summaries."""
    infos = []
    for b in export(desk, folder):
        receipt, info = Intake(intake_dir).receive(Path(b["file"]).read_bytes())
        path = folder / f"receipt-{b['seq']}.cdb"
        path.write_bytes(receipt)
        ok(desk, "bundle", "import", str(path))
        infos.append(info)
    return infos


def decision_change_id(data_dir: Path, case_id: int) -> int:
    """The change-log id of the case's listing decision (op 'decide')."""
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        return d.ledger.conn.execute("SELECT id FROM changes WHERE entity = 'case' AND entity_id = ? AND op = 'decide'",
                                     (str(case_id),)).fetchone()[0]
    finally:
        d.close()


@contextmanager
def refusing(monkeypatch, change_id: int):
    """Inside the block the platform refuses the change ``change_id`` (TEST_REFUSED) and judges the rest as it does."""
    real = checks.Judge._problem

    def refuse(self, change, pointers):
        if change["id"] == change_id:
            return ("TEST_REFUSED", "测试退回", "refused by the test")
        return real(self, change, pointers)

    monkeypatch.setattr(checks.Judge, "_problem", refuse)
    try:
        yield
    finally:
        monkeypatch.setattr(checks.Judge, "_problem", real)


def synced(desk, intake_dir: Path, folder: Path) -> None:
    """``send``, with nothing refused by the platform."""
    infos = send(desk, intake_dir, folder)
    assert sum(i["rejected"] for i in infos) == 0, infos


def subject_no(data_dir: Path, sid: int) -> tuple[str, str]:
    """(id_type, id_number) of the office's subject ``sid``."""
    d = ledgers.unlock(data_dir, read_only=True)
    try:
        return d.ledger.conn.execute("SELECT id_type, id_number FROM subjects WHERE id = ?", (sid,)).fetchone()
    finally:
        d.close()


def check_at_platform(intake_dir: Path, id_type: str, id_number: str, on: datetime | None = None) -> list[dict]:
    """The checker's look at the platform (R14: named and logged), on the platform's date ``on`` when given."""
    intake = Intake(intake_dir, clock=lambda: on) if on else Intake(intake_dir)
    return intake.subject_listings(id_type, id_number, actor="张审查", reason="行政许可信用审查")
