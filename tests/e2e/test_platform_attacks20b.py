"""Issue 20, the platform side attacked again with fresh eyes (att20b): each attack is performed against the real
server (Hypercorn on 127.0.0.1, a real PostgreSQL cluster started by the test set-up) and shows the refusal or the
right result — a JSON error with a code, never a 500 for what the office sent, nothing filed twice."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import ServerConfig, serve
from credit_desk.sync import bundle, crypto, manifest as mf, payload
from tests.e2e.test_platform_attacks20 import _code, _exchange, _post
from tests.platform_kit import FakeOffice

CONFIG = ServerConfig(max_body_bytes=1 << 20, body_seconds=2.0, read_timeout=3.0, rate_per_second=50,
                      rate_burst=200)


@pytest.fixture
def server(tmp_path, platform_dsn):
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder, pool_size=8)
    plat = json.loads((folder / "platform.keys.json").read_text())
    srv = serve(intake, "127.0.0.1", 0, CONFIG)
    a, b = FakeOffice(plat, seed=21), FakeOffice(plat, seed=22)
    for o in (a, b):
        intake.register_office(o.keyfile())
    yield intake, srv.server_address[1], a, b
    srv.shutdown()
    intake.close()


def _made(o: FakeOffice, lines: list[str], **manifest) -> bytes:
    """The office's next bundle with ``manifest`` fields set as given (change_range, ...), signed and sealed."""
    ids = [json.loads(x)["id"] for x in lines]
    o.seq += 1
    now = datetime.now()
    fields = {"type": "changes", "sender": {"role": "office", "id": o.office, "region": o.region, "code": "t"},
              "office": o.office, "sequence": o.seq, "previous_hash": o.prev, "created_at": mf.utc_text(now),
              "expires_at": mf.utc_text(now + timedelta(days=30)),
              "change_range": [min(ids, default=1), max(ids, default=1)],
              "counts": {"changes": len(lines), "attachments": 0}, **manifest}
    data, _ = bundle.make(fields, payload.encode_lines(lines), o.sign, o.platform_enc)
    o.prev = crypto.sha256_hex(data)
    return data


def _undo(o: FakeOffice, intake: Intake) -> None:
    """The office forgets a bundle the platform refused (its chain continues from what the platform holds)."""
    o.seq -= 1
    o.prev = intake.store.state(o.office)["last_hash"] or mf.GENESIS_HASH


def _line(cid: int, entity: str, eid, op: str, state: dict) -> str:
    return payload.change_line(cid, mf.utc_text(datetime.now()), entity, str(eid), op,
                               json.dumps(state, ensure_ascii=False))


def test_r13_a_repair_resting_on_a_rejected_record_is_rejected_and_never_confirmed(server):
    """A repair request and its decision name the record they repair in "targets" ([kind, id]); the platform did
    not read it: with the record rejected (its subject never shared), the repair and its decision were accepted and
    the office showed the repair as confirmed by the platform. Now both are rejected, naming the record."""
    intake, port, a, _ = server
    status, _, receipt = _exchange(port, _post(a, a.bundle(a.listing_lines(4))))  # subject 1 … decision 4
    assert status == 200
    lines = [_line(5, "record", 50, "insert", {"id": 50, "subject_id": 999, "kind": "penalty"}),
             _line(6, "repair", 60, "insert", {"id": 60, "subject_id": 1, "targets": [["record", 50]]}),
             _line(7, "repair", 60, "decide", {"id": 60, "subject_id": 1, "state": "repaired",
                                               "targets": [["record", 50]]}),
             _line(8, "repair", 61, "insert", {"id": 61, "subject_id": 1, "targets": [["case", 3]]})]
    a.next_id = 9
    status, _, receipt = _exchange(port, _post(a, a.bundle(lines)))
    assert status == 200
    _, accepted, rejected = a.read_receipt(receipt)
    codes = {r["id"]: r["code"] for r in rejected}
    assert codes == {5: "SUBJECT_NOT_SHARED", 6: "DEPENDS_ON_REJECTED", 7: "DEPENDS_ON_REJECTED"}
    assert accepted == [8]  # a repair of a case the platform holds goes through
    assert "record 50" in next(r for r in rejected if r["id"] == 6)["reason_en"]
