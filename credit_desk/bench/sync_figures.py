"""Sync figures (issue 18): the office's export and the platform's intake of 200k changes in each suite, against
the format's own minimum; the intake server's runs are ``platform_figures``. ``sync_rates`` is also what
tests/perf/test_sync_perf.py runs, so the bench and the perf test measure the same thing."""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
from contextlib import contextmanager
from pathlib import Path

from credit_desk.bench.io_figures import PRINT_GOAL_RATIO, print_batch
from credit_desk.bench.timing import best, figure, seconds

EXPORT_GOAL, INTAKE_GOAL = 150_000.0, 60_000.0  # changes/s (issue 18)


EXPORT_RUNS = 3  # the export's figure is the median of three runs (one run's fsyncs moved it 2x at 1M)


def sync_rates(folder: Path, n: int, suite: str = "intl/1") -> dict:
    """Export (the median of ``EXPORT_RUNS`` exports of N new changes each) and intake (the first export's
    bundles) of N changes in ``suite`` against the format's own minimum in that suite (issue 18):
    serialise the change lines, compress them, encrypt the compressed bytes with the suite's payload cipher
    and sign a manifest (intl/1: AES-256-GCM + Ed25519; gm/1: SM4-GCM + SM2-SM3, issue 22) — the work every
    bundle must do, nothing the format never does."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from credit_desk.bench.seeding import make_office
    from credit_desk.domain import demo, signing, suites
    from credit_desk.intake.receiver import Intake
    from credit_desk.services import keys, sync
    from credit_desk.store import sync_state
    from credit_desk.sync import crypto, payload

    from credit_desk.bench.seeding import business_session
    desk, admin = make_office(folder / "data")
    s = business_session(admin)
    try:
        Intake.init(folder / "intake")
        keys.import_platform(admin, (folder / "intake" / "platform.keys.json").read_bytes())
        intake = Intake(folder / "intake")
        intake.register_office(keys.export_public(s)[0])
        if suite != suites.INTL:  # the office moves to the suite, the platform pins its new keys
            keys.rotate(admin, suite)  # keys are the administrator's (R14 separation of duties)
            intake.rotate_office_keys(keys.export_public(admin)[0], actor="bench", reason=f"move to {suite}")
        rng = random.Random(6)
        usb = folder / "usb"
        usb.mkdir()
        exports, done, first_last = [], [], 0
        for k in range(EXPORT_RUNS):  # each run exports n changes of its own, made before its clock
            with desk.ledger.tx() as tx:
                for i in range(k * n + 1, k * n + n + 1):
                    tx.change("subject", i, "insert", _state(i, demo.uscc(rng, "320812")))
            first_last = first_last or sync_state.max_change_id(desk.ledger.conn)
            made: list = []
            exports.append(seconds(lambda: made.extend(sync.export_to_folder(s, usb))))
            done = done or made
        export_s = statistics.median(exports)
        files = [(usb / os.path.basename(b["file"])).read_bytes() for b in done]  # the first run's bundles
        data = files[0]
        received = []
        intake_s = seconds(lambda: received.extend(intake.receive(f)[1] for f in files))
        rows = list(sync_state.change_rows_utf8(desk.ledger.conn, 0, first_last))  # as the export reads them
        sign_key, nonce = signing.new_private(suite), os.urandom(12)
        manifest = data[:2048]  # a manifest's worth of bytes to sign
        if suite == suites.GM:
            sm4 = os.urandom(16)
            seal = lambda b: suites.sm4_gcm_encrypt(sm4, nonce, b, b"")  # noqa: E731
        else:
            aes = AESGCM(AESGCM.generate_key(256))
            seal = lambda b: aes.encrypt(nonce, b, None)  # noqa: E731

        def floor_run():
            plain = payload.join_encoded([payload.change_line_utf8(*r) for r in rows])  # serialise
            seal(crypto.deflate(plain))                                           # compress, then encrypt
            signing.sign(sign_key, signing.Use.BUNDLE_MANIFEST, manifest)          # sign the manifest
            return plain
        plain = floor_run()
        floor_s = best(floor_run)
    finally:
        desk.close()
    return {"suite": suite, "changes": sum(r["accepted"] for r in received), "export_s": export_s,
            "export_times": sorted(exports, reverse=True), "intake_s": intake_s, "floor_s": floor_s,
            "plain_bytes": len(plain), "bundle_bytes": len(data)}


def _state(i: int, uscc: str) -> dict:
    return {"id": i, "kind": "legal_person", "name": f"淮安市第{i}号建材有限公司", "id_type": "uscc",
            "id_number": uscc, "legal_rep_name": "王建国", "legal_rep_id_type": "ric",
            "legal_rep_id_number": "320826197501010012", "address": "淮安市清江浦区健康东路1号"}


@contextmanager
def platform_database():
    """The intake files into PostgreSQL (issue 20): use CREDIT_DESK_INTAKE_DSN when set, else a throw-away
    local cluster in /tmp for the run (removed after)."""
    from credit_desk.intake.cluster import Cluster
    from credit_desk.intake.receiver import DSN_ENV
    if os.environ.get(DSN_ENV):
        yield os.environ[DSN_ENV]
        return
    where = Path(tempfile.mkdtemp(prefix="credit-desk-bench-pg-", dir="/tmp" if os.path.isdir("/tmp") else None))
    cluster = Cluster(where, settings={"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"})
    os.environ[DSN_ENV] = cluster.start()
    try:
        yield os.environ[DSN_ENV]
    finally:
        os.environ.pop(DSN_ENV, None)
        cluster.stop()
        shutil.rmtree(where, ignore_errors=True)


def print_and_sync_figures(session, folder: Path, ctx: dict, docs: int, changes: int) -> list[dict]:
    p = print_batch(session, ctx, docs, folder)
    with platform_database():
        return _print_and_sync(p, folder, changes)


def _print_and_sync(p: dict, folder: Path, changes: int) -> list[dict]:
    s = sync_rates(folder / "sync", changes)
    n = s["changes"]
    return [figure("print.listing_decisions", p["n"] / p["full_s"], p["n"] / p["floor_s"], unit="docs/s",
                   goal_ratio=PRINT_GOAL_RATIO, higher_is_better=True,
                   note="numbering, signing, register, audit, PDF; floor: reportlab drawing the same pages"),
            figure("sync.export", n / s["export_s"], n / s["floor_s"], unit="changes/s", higher_is_better=True,
                   goal=EXPORT_GOAL, changes=n, runs=[n / e for e in s["export_times"]],
                   note="floor: serialise, zlib, AES-256-GCM of the compressed bytes, one Ed25519 manifest signature"),
            _server_figure(folder / "server", changes, s, "intl/1"),
            figure("sync.intake", n / s["intake_s"], n / s["floor_s"], unit="changes/s", higher_is_better=True,
                   changes=n, note=ONE_PROCESS_NOTE),
            *_gm_figures(folder, changes)]


# Issue 18: the intake's goal is the platform's throughput, which is `intake serve` with its worker processes
# receiving several offices at once; one receive in the bench's own process is one office's request on one core.
ONE_PROCESS_NOTE = ("one Intake.receive of one office's bundle in the bench's process (verify, decrypt, parse, check, "
                    "store, receipt); no goal: the platform receives with a worker per CPU, several offices at once "
                    "(sync.intake.server carries the goal); same floor")


def _server_figure(folder: Path, changes: int, one: dict, suite: str) -> dict:
    """sync.intake.server[.gm]: the platform's intake as it runs (``platform_figures.server_rate``), against the
    same floor as the one-process figures of that suite."""
    from credit_desk.bench.platform_figures import server_rate_median
    r = server_rate_median(folder, changes, suite)
    n = r["changes"]
    name = "sync.intake.server" + (".gm" if suite != "intl/1" else "")
    return figure(name, n / r["seconds"], one["changes"] / one["floor_s"], unit="changes/s", higher_is_better=True,
                  goal=INTAKE_GOAL, changes=n, offices=r["offices"], bundles=r["offices"] * r["bundles"],
                  workers=r["workers"], runs=r["rates"], window_cpu=r["window_cpu"],
                  note=(f"{suite}: `intake serve` with {r['workers']} worker processes, {r['offices']} offices sending "
                        f"{r['bundles']} bundles each at once over loopback (signed requests), first POST to last "
                        f"receipt; bundles made by the offices' export beforehand; the median of {r['runs']} runs "
                        "(new offices and platform each); same floor"))


def _gm_figures(folder: Path, changes: int) -> list[dict]:
    """The same two figures for an office in gm/1, each against gm/1's own floor (SM4-GCM + one SM2 signature)."""
    g = sync_rates(folder / "sync-gm", changes, "gm/1")
    n = g["changes"]
    return [figure("sync.export.gm", n / g["export_s"], n / g["floor_s"], unit="changes/s", higher_is_better=True,
                   goal=EXPORT_GOAL, changes=n, runs=[n / e for e in g["export_times"]],
                   note="gm/1; floor: serialise, zlib, SM4-GCM of the compressed bytes, one SM2-SM3 manifest signature"),
            _server_figure(folder / "server-gm", changes, g, "gm/1"),
            figure("sync.intake.gm", n / g["intake_s"], n / g["floor_s"], unit="changes/s", higher_is_better=True,
                   changes=n, note="gm/1 (SM2 unwrap, SM4-GCM): " + ONE_PROCESS_NOTE)]
