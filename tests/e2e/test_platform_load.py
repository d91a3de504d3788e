"""Issue 20: many offices at once against the real server process, and a kill of that process mid-load.

The full-size run (100 offices x 10 bundles x 5,000 changes, throughput against a bare COPY, peak memory) is
tests/perf/test_platform_load.py; this is its small correctness variant in the default run."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest

from credit_desk.intake.receiver import Intake
from tests.platform_kit import check_all, descendants, make_offices, send_all, serve_subprocess


@pytest.fixture
def platform(tmp_path, platform_dsn):
    folder = tmp_path / "intake"
    Intake.init(folder)
    intake = Intake(folder)
    yield folder, intake
    intake.close()


def test_concurrent_offices_every_change_stored_once_every_receipt_right(platform):
    folder, intake = platform
    offices, bundles = make_offices(folder, 6, 3, 120, intake)
    proc, url = serve_subprocess(folder, "--rate", "100")
    try:
        acks = send_all(url, offices, bundles)
        assert check_all(offices, acks, intake) == 6 * 3 * 120
        a = offices[0]  # the same bundle again: refused as a replay that points at its receipt, nothing doubled
        status, body, _ = a.request(url, "/bundles", bundles[a.office][0])
        assert status == 409 and json.loads(body)["receipt"] == f"/receipts/{a.office}/1"
        status, body, _ = a.request(url, f"/receipts/{a.office}/1")
        assert status == 200 and a.read_receipt(body)[1] == a.sent[0][1]
        assert check_all(offices, acks, intake) == 6 * 3 * 120
    finally:
        proc.terminate()
        proc.wait(30)


def test_a_kill_of_the_server_mid_load_loses_nothing_acknowledged(platform):
    """SIGKILL the server while 8 offices send; everything acknowledged before the kill is on file; after a restart
    the offices re-send what was not acknowledged and the set completes, each change stored once.

    No timing decides what is tested: after the 6th acknowledgement every office that is answered waits at a gate
    until the kill, so the load cannot finish first, and the kill waits until a POST is on the wire and then checks
    that this POST was cut by it (the server died mid-request)."""
    folder, intake = platform
    offices, bundles = make_offices(folder, 8, 5, 200, intake)
    proc, url = serve_subprocess(folder, "--rate", "100", "--workers", "2")  # killed while a worker files
    port = url.rsplit(":", 1)[1]
    acks = {o.office: {} for o in offices}
    flight: dict = {}
    reached, killed, done = threading.Event(), threading.Event(), threading.Event()

    def gate(total: int) -> None:
        if total >= 6:
            reached.set()
            killed.wait(600)

    sender = threading.Thread(target=lambda: (send_all(url, offices, bundles, acks=acks, gate=gate, flight=flight),
                                              done.set()), daemon=True)
    sender.start()
    try:
        assert reached.wait(600), "six bundles were never acknowledged"
        _until(lambda: flight["open"], "no POST on the wire after the sixth acknowledgement")
        on_wire = dict(flight["open"])
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        snapshot = {office: sorted(a) for office, a in acks.items()}  # what the offices hold a receipt for
        _until(lambda: all(flight["open"].get(o) != s or (o, s) in flight["cut"] for o, s in on_wire.items()),
               "a POST on the wire at the kill never ended")
        assert any((o, s) in flight["cut"] for o, s in on_wire.items()), "the kill cut no POST: not mid-load"
        assert not done.is_set()
        assert sum(len(s) for s in snapshot.values()) >= 6
        for o in offices:  # every acknowledged bundle is on file, whole
            stored = {tuple(k) for k in intake.change_keys(o.office)}
            for seq, ids in o.sent:
                if seq in snapshot[o.office]:
                    assert {(seq, i) for i in ids} <= stored, (o.office, seq)
        proc = _restart(folder, port)  # the offices retry meanwhile; re-sending completes the set
        killed.set()
        sender.join(600)
        assert done.is_set()
        assert check_all(offices, acks, intake) == 8 * 5 * 200
    finally:
        killed.set()
        proc.terminate()
        proc.wait(30)


def test_the_worker_processes_end_when_the_server_is_killed(platform):
    """The server receives bundles in worker processes (``--workers``); a SIGKILL of the server leaves them without
    a parent, and they end by themselves (otherwise each would hold its database connections for ever)."""
    folder, intake = platform
    offices, bundles = make_offices(folder, 2, 1, 40, intake)
    proc, url = serve_subprocess(folder, "--rate", "100", "--workers", "2")
    kids = []
    try:
        send_all(url, offices, bundles)  # the workers have received bundles
        kids = descendants(proc.pid)
        assert len(kids) >= 2, kids
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        _until(lambda: not any(_alive(k) for k in kids), "a worker process outlived the killed server", 60)
    finally:
        for k in kids:  # only if the test failed: the processes this test started
            if _alive(k):
                os.kill(k, signal.SIGKILL)
        if proc.poll() is None:
            proc.terminate()
            proc.wait(30)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][:1] != "Z"  # a zombie has ended
    except OSError:
        return False


def _until(condition, why: str, bound: float = 120.0) -> None:
    """Wait for a condition that follows from events the test caused; the bound only stops a hung run."""
    end = time.monotonic() + bound
    while not condition():
        assert time.monotonic() < end, why
        time.sleep(0.005)


def _restart(folder, port: str):
    import subprocess
    import sys
    proc = subprocess.Popen([sys.executable, "-m", "credit_desk", "intake", "serve", "--data", str(folder),
                             "--host", "127.0.0.1", "--port", port, "--rate", "100", "--workers", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert "listening" in proc.stdout.readline(), proc.stderr.read()
    return proc
