"""Issue 18: bundles are split by size so that every change can travel.

Before, the changes after the last bundle always became ONE bundle: over the intake's size limit it was
refused (413 BUNDLE_OVERSIZED) and offered again, the same bytes, at every send — for ever. Now the office
cuts its changes into as many bundles as its limit needs, learns the intake's limit from the 413 reply, and
splits what is pending under the same sequence numbers. Real office ledger, real intake over HTTP, filing in
the real PostgreSQL of the test run."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from credit_desk.domain import demo as demo_ids
from credit_desk.domain.errors import DomainError
from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import serve
from credit_desk.services import subjects, sync
from credit_desk.store import meta, sync_state
from credit_desk.sync.limits import Limits
from tests.conftest import with_business_accounts
from tests.e2e.sync_support import pair, session

LIMIT = 2048   # bytes: the lowered limit of the intake (and of the office, where the office is told)
SUBJECTS = 300  # their changes are several times the limit


@pytest.fixture
def office(office, secret_files):
    return with_business_accounts(office, secret_files)


def _add_subjects(data_dir: Path, n: int = SUBJECTS) -> None:
    rng = random.Random(1818)
    with session(data_dir) as s:
        for i in range(n):
            subjects.add_subject(s, kind="legal_person", name=f"淮安市第{i + 1}号建材有限公司", id_type="uscc",
                                 id_number=demo_ids.uscc(rng, "320812"), address="江苏省淮安市清江浦区健康东路 18 号")


def _travelling(data_dir: Path) -> list[int]:
    """The ids of the office's changes that go to the platform (all of them: no demo data here)."""
    with session(data_dir) as s:
        return [c[0] for c in sync._changes(s.ledger.conn, 0, sync_state.max_change_id(s.ledger.conn))]


def _arrived(intake_dir: Path, data_dir: Path) -> list[int]:
    with session(data_dir) as s:
        ledger_id = s.ledger.ledger_id
    return sorted(c["change_id"] for c in Intake(intake_dir).stored_changes(ledger_id))


def test_send_learns_the_intake_limit_splits_and_every_change_arrives(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    _add_subjects(data_dir)
    srv = serve(Intake(intake_dir, limits=Limits(max_file_bytes=LIMIT)), "127.0.0.1", 0)
    url = f"http://127.0.0.1:{srv.server_address[1]}"
    try:
        with session(data_dir) as s:
            assert sum(len(b["data"]) for b in sync.prepare(s)) > 3 * LIMIT  # one bundle, far over the limit
            result = sync.send(s, url, sleep=lambda _s: None)
            kept = meta.get_setting(s.ledger.conn, sync.LIMIT_SETTING)
            audit = [dict(r) for r in s.ledger.query("SELECT action, detail FROM audit WHERE action LIKE 'bundle.%'")]
            change = s.ledger.query("SELECT entity, entity_id FROM changes WHERE entity = 'setting' "
                                    "AND entity_id = ?", (sync.LIMIT_SETTING,))
            status = sync.status(s)
    finally:
        srv.shutdown()
        srv.server_close()
    assert kept == LIMIT  # learnt from the 413 reply, with its audit row and its change-log row
    assert any(a["action"] == "bundle.limit" for a in audit) and change
    assert any(a["action"] == "bundle.reissue" and json.loads(a["detail"])["reason"] == "oversized" for a in audit)
    assert len(result["sent"]) >= 3 and result["sent"] == list(range(1, len(result["sent"]) + 1))
    assert all(r["rejected"] == 0 for r in result["receipts"])
    # every change arrived, once, filed in PostgreSQL; nothing is left pending or unbundled at the office
    assert _arrived(intake_dir, data_dir) == _travelling(data_dir)
    assert status["pending"] == [] and status["unbundled_changes"] == 0


def test_export_splits_by_the_office_limit_and_the_intake_takes_every_file(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    with session(data_dir) as s:
        with s.ledger.tx() as tx:  # the office was told the intake's limit (as the 413 reply tells it)
            meta.set_setting(tx, sync.LIMIT_SETTING, LIMIT)
    _add_subjects(data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    with session(data_dir) as s:
        made = sync.export_to_folder(s, usb)
    files = [Path(b["file"]) for b in made]
    assert len(files) >= 3 and all(f.stat().st_size <= LIMIT for f in files)
    ranges = [json.loads(_manifest(f.read_bytes()))["change_range"] for f in files]
    assert all(a[1] + 1 == b[0] for a, b in zip(ranges, ranges[1:]))  # consecutive, nothing skipped
    intake = Intake(intake_dir, limits=Limits(max_file_bytes=LIMIT))
    for f in files:
        intake.receive(f.read_bytes())
    assert _arrived(intake_dir, data_dir) == _travelling(data_dir)


def test_a_change_larger_than_the_limit_alone_is_refused_with_nothing_made(office, tmp_path, data_dir):
    pair(office, tmp_path)
    _add_subjects(data_dir, 2)
    with session(data_dir) as s:
        with s.ledger.tx() as tx:
            meta.set_setting(tx, sync.LIMIT_SETTING, 300)  # less than one change with its manifest
        with pytest.raises(DomainError) as info:
            sync.prepare(s)
        assert info.value.code == "BUNDLE_CHANGE_TOO_LARGE" and "300" in info.value.zh
        assert sync_state.bundles(s.ledger.conn) == []


def _manifest(data: bytes) -> bytes:
    from tests.e2e.sync_support import members
    return members(data)["manifest.json"]


def test_issue18_bundles_are_made_with_the_cyclic_collector_paused(office, tmp_path, data_dir, monkeypatch):
    """Issue 18: at 200k changes a third of the export was Python's cyclic GC walking the rows and lines as they
    accumulated; the bundles are made with it paused (``collector.paused``) and it is on again after."""
    import gc
    pair(office, tmp_path)
    _add_subjects(data_dir, 5)
    seen, real = [], sync._bundles_for
    monkeypatch.setattr(sync, "_bundles_for", lambda *a: seen.append(gc.isenabled()) or real(*a))
    assert gc.isenabled()
    with session(data_dir) as s:
        made = sync.export_to_folder(s, tmp_path)
    assert made and seen == [False] and gc.isenabled()


def test_att18d_an_export_refused_part_way_leaves_the_collector_on_and_nothing_made(office, tmp_path, data_dir,
                                                                                  monkeypatch):
    """An export that fails while its bundles are made — a change over the limit (BUNDLE_CHANGE_TOO_LARGE), or the
    signing of the second bundle failing — leaves the cyclic collector on, no bundle in the ledger, no audit row of
    one, no file on the stick."""
    import gc

    from credit_desk.sync import bundle
    pair(office, tmp_path)
    _add_subjects(data_dir, 40)
    usb = tmp_path / "usb"
    usb.mkdir()
    with session(data_dir) as s:
        with s.ledger.tx() as tx:
            meta.set_setting(tx, sync.LIMIT_SETTING, 300)  # less than one change with its manifest
        with pytest.raises(DomainError) as info:
            sync.export_to_folder(s, usb)
        assert info.value.code == "BUNDLE_CHANGE_TOO_LARGE" and gc.isenabled()
        with s.ledger.tx() as tx:
            meta.set_setting(tx, sync.LIMIT_SETTING, LIMIT)
        real, made = bundle.make, []

        def fails_second(*a, **k):
            if made:
                raise OSError("disk full")
            made.append(1)
            return real(*a, **k)
        monkeypatch.setattr(bundle, "make", fails_second)
        with pytest.raises(OSError):
            sync.export_to_folder(s, usb)
        assert made and gc.isenabled()
        assert sync_state.bundles(s.ledger.conn) == []
        assert s.ledger.query("SELECT count(*) AS n FROM audit WHERE action LIKE 'bundle.%'")[0]["n"] == 0
    assert list(usb.iterdir()) == []


def test_att18d_an_export_to_a_missing_folder_is_refused_before_any_bundle_is_made(office, tmp_path, data_dir):
    """The folder is checked first: before, the bundles were made (11 s at 1M changes, with the collector paused),
    committed as pending and audited, and only then was the clerk told the folder did not exist."""
    import gc
    pair(office, tmp_path)
    _add_subjects(data_dir, 3)
    with session(data_dir) as s:
        with pytest.raises(DomainError) as info:
            sync.export_to_folder(s, tmp_path / "no-such-stick")
        assert info.value.code == "EXPORT_FOLDER_MISSING" and gc.isenabled()
        assert sync_state.bundles(s.ledger.conn) == []
