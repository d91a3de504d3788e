"""The platform's intake as the platform runs it (issue 18 with issue 20): ``credit-desk intake serve`` in its own
process with its worker processes (one per CPU), several offices sending their bundles at once over loopback,
each request signed as the office's client signs it. The intake's throughput is the platform's: one
``Intake.receive`` in the bench's process is one request of one office, a figure kept beside it without a goal.

The offices are real office ledgers; their bundles are made by the product's export (``export_to_folder``) before
the clock starts (offices are other machines). Timed: from the first POST to the last receipt."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

OFFICES, BUNDLES = 4, 5  # 4 county offices, each sending 5 bundles: 20 requests, 4 at a time
RUNS = 5  # the figure is the median run: one run lasts ~3 s, where a neighbour's burst moved it by a quarter
# (session 37's three runs spread 56.5k-65.9k changes/s: the median of five is steadier; each run costs ~8 s)


def server_rate_median(folder: Path, changes: int, suite: str = "intl/1", runs: int = RUNS) -> dict:
    """``server_rate`` ``runs`` times, each on its own offices and platform schema (new subjects every time, new
    worker processes); the median run by rate, with every run's rate in "rates" (changes/s)."""
    done = [server_rate(folder / f"run{k}", changes, suite) for k in range(runs)]
    done.sort(key=lambda r: r["changes"] / r["seconds"])
    return {**done[len(done) // 2], "rates": [round(r["changes"] / r["seconds"]) for r in done], "runs": runs}


def server_rate(folder: Path, changes: int, suite: str = "intl/1", offices: int = OFFICES,
                bundles: int = BUNDLES) -> dict:
    """``changes`` new subjects split over ``offices`` offices × ``bundles`` bundles, received by ``intake serve``
    (``--workers`` = CPUs); returns {"changes" (accepted), "seconds", "offices", "bundles", "workers"}.
    Raises RuntimeError when a bundle is refused or a change is not filed."""
    from credit_desk.intake.receiver import Intake
    folder.mkdir(parents=True, exist_ok=True)
    Intake.init(folder / "intake")
    intake = Intake(folder / "intake")
    try:
        per = max(1, changes // (offices * bundles))
        senders = [_office(folder / f"office{i}", intake, suite, per, bundles, seed=100 + i) for i in range(offices)]
        workers = os.cpu_count() or 1
        proc, url = _serve(folder / "intake", workers)
        try:
            replies: list = []
            threads = [threading.Thread(target=_send, args=(url, s, replies)) for s in senders]
            cpu_before, t = cpu_by_process(), time.perf_counter()
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            seconds = time.perf_counter() - t
            window_cpu = _window_cpu(cpu_before, cpu_by_process(), proc.pid)
        finally:
            proc.terminate()
            proc.wait(60)
        bad = [r for r in replies if r != 200]
        filed = sum(intake.counts(s["office"])["changes"] for s in senders)
        want = sum(s["changes"] for s in senders)
        if bad or filed != want:
            raise RuntimeError(f"platform load: replies {bad[:5]}, {filed} of {want} changes filed")
        return {"changes": filed, "seconds": seconds, "offices": offices, "bundles": bundles, "workers": workers,
                "window_cpu": window_cpu}
    finally:
        intake.close()


def _office(where: Path, intake, suite: str, per: int, bundles: int, seed: int) -> dict:
    """One registered office with ``bundles`` exported bundles of ``per`` new subjects each (not timed)."""
    from credit_desk.bench.sync_figures import _state
    from credit_desk.bench.seeding import business_session, make_office
    from credit_desk.domain import demo, suites
    from credit_desk.services import keys, sync
    desk, admin = make_office(where / "data")
    try:
        s = business_session(admin)
        keys.import_platform(admin, intake.public_file())
        intake.register_office(keys.export_public(s)[0])
        if suite != suites.INTL:
            keys.rotate(admin, suite)
            intake.rotate_office_keys(keys.export_public(admin)[0], actor="bench", reason=f"move to {suite}")
        rng, usb, data, sent = random.Random(seed), where / "usb", [], 0
        usb.mkdir()
        for b in range(bundles):
            with desk.ledger.tx() as tx:
                for i in range(b * per + 1, (b + 1) * per + 1):
                    tx.change("subject", i, "insert", _state(i, demo.uscc(rng, "320812")))
            made = sync.export_to_folder(s, usb)  # every bundle not yet acknowledged: the new one is the last
            data.append(Path(made[-1]["file"]).read_bytes())
            sent += made[-1]["changes"]  # the office's own first changes (its accounts, keys) travel too
        return {"office": desk.ledger.ledger_id, "data": data, "changes": sent,
                "sign": sync.request_options(s)["sign"]}
    finally:
        desk.close()


def _serve(intake_dir: Path, workers: int) -> tuple[subprocess.Popen, str]:
    """``credit-desk intake serve`` on a free loopback port, its defaults but the workers; (process, base URL)."""
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "credit_desk", "intake", "serve", "--data", str(intake_dir),
                             "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    if "listening" not in line:
        proc.kill()
        raise RuntimeError(f"intake serve did not start: {line!r}")
    return proc, line.split()[-1]


def _send(url: str, office: dict, replies: list) -> None:
    """The office's bundles in order, each POST signed as ``services.sync.send`` signs it."""
    from credit_desk.sync import http
    for data in office["data"]:
        reply = http.request(f"{url}/bundles", data, retries=3, backoff=0.5, sign=office["sign"])
        replies.append(reply.status)
        if reply.status != 200:
            return


def cpu_by_process() -> dict[int, tuple[str, int, float]]:
    """{pid: (command name, parent pid, CPU seconds so far)} of every process (Linux /proc; empty elsewhere). The
    server figure is CPU-bound on a small machine: where the window's CPU went says what moved it (issue 18)."""
    out, hz = {}, os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return out
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()
        out[int(pid)] = (text[text.index("(") + 1:text.rindex(")")], int(fields[1]),
                         (int(fields[11]) + int(fields[12])) / hz)
    return out


def _window_cpu(before: dict, after: dict, serve_pid: int) -> dict[str, float]:
    """CPU seconds spent in the window by the intake (``intake serve`` and its workers), PostgreSQL, this process
    and everything else; empty where the system does not say (no /proc: Windows)."""
    if not after:
        return {}
    out = {"intake": 0.0, "postgresql": 0.0, "bench": 0.0, "other": 0.0}
    for pid, (name, ppid, cpu) in after.items():
        spent = cpu - before.get(pid, (name, ppid, 0.0))[2]
        if pid == serve_pid or ppid == serve_pid:
            out["intake"] += spent
        elif name.startswith("postgres"):
            out["postgresql"] += spent
        elif pid == os.getpid():
            out["bench"] += spent
        else:
            out["other"] += spent
    return {k: round(v, 2) for k, v in out.items()}
