"""Benchmark: export and intake of N changes against the floor of raw AES-256-GCM over the same bytes plus
one Ed25519 signature, measured in the same run (a ratio, never a wall-clock assertion).

Default N = 20,000; the full figure: CREDIT_DESK_PERF_CHANGES=100000 pytest tests/perf/test_sync_perf.py -s
"""

from __future__ import annotations

import os
import random
import time

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from credit_desk.domain import demo, signing
from credit_desk.intake.receiver import Intake
from credit_desk.services import auth, keys, ledgers, sync
from credit_desk.store import sync_state
from credit_desk.sync import payload
from tests.conftest import ADMIN_PW, PASSPHRASE

N = int(os.environ.get("CREDIT_DESK_PERF_CHANGES", "20000"))


def _state(i: int, rng: random.Random) -> dict:
    return {"id": i, "kind": "legal_person", "name": f"淮安市第{i}号建材有限公司", "id_type": "uscc",
            "id_number": demo.uscc(rng, "320812"), "legal_rep_name": "王建国", "legal_rep_id_type": "ric",
            "legal_rep_id_number": "320826197501010012", "address": "淮安市清江浦区健康东路1号"}


def _best(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.perf
def test_sync_export_and_intake_throughput_against_the_crypto_floor(tmp_path):
    desk, _ = ledgers.init_office(tmp_path / "data", office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    s = auth.login(desk, "admin", ADMIN_PW)
    Intake.init(tmp_path / "intake")
    keys.import_platform(s, (tmp_path / "intake" / "platform.keys.json").read_bytes())
    intake = Intake(tmp_path / "intake")
    intake.register_office(keys.export_public(s)[0])
    rng = random.Random(6)
    with desk.ledger.tx() as tx:
        for i in range(1, N + 1):
            tx.change("subject", i, "insert", _state(i, rng))
    usb = tmp_path / "usb"
    usb.mkdir()

    t = time.perf_counter()
    done = sync.export_to_folder(s, usb)
    export_s = time.perf_counter() - t
    data = (usb / os.path.basename(done[0]["file"])).read_bytes()
    t = time.perf_counter()
    _, info = intake.receive(data)
    intake_s = time.perf_counter() - t
    assert info["accepted"] >= N

    rows = sync_state.change_rows(desk.ledger.conn, 0)
    plain = payload.encode_lines([payload.change_line(*r) for r in rows])
    aes, sign_key, nonce = AESGCM(AESGCM.generate_key(256)), signing.new_private(), os.urandom(12)
    floor_s = _best(lambda: (aes.encrypt(nonce, plain, None), signing.sign(sign_key, plain)))
    desk.close()

    changes = info["accepted"]
    print(f"\nsync benchmark: {changes} changes, payload {len(plain) / 1e6:.1f} MB plain, bundle {len(data) / 1e6:.1f} MB")
    print(f"  floor (AES-256-GCM + one Ed25519 signature over the same bytes): {floor_s:.3f} s "
          f"= {changes / floor_s:,.0f} changes/s")
    print(f"  export (read log, compress, encrypt, sign, store, write+fsync, read back, verify): {export_s:.3f} s "
          f"= {changes / export_s:,.0f} changes/s, {export_s / floor_s:.1f}x the floor")
    print(f"  intake (verify, decrypt, decompress, parse, check, store, receipt): {intake_s:.3f} s "
          f"= {changes / intake_s:,.0f} changes/s, {intake_s / floor_s:.1f}x the floor")
    assert export_s > 0 and intake_s > 0 and floor_s > 0
