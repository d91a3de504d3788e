"""Write figures: bulk entry of records through the services, printing a batch of notices, sync export and
intake. ``print_batch`` and ``sync_rates`` are also what tests/perf/test_print_perf.py and test_sync_perf.py
run, so the bench and the perf tests measure the same thing."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import statistics
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path


from credit_desk.bench.timing import best, figure, seconds
from credit_desk.domain.records import DocType
from credit_desk.services import record_import, records
from credit_desk.store import reference

INSERT_GOAL_RATIO = 0.5      # batch, of the honest floor (issue 18)
PER_RECORD_GOAL_RATIO = 0.3  # one by one, of the honest floor (issue 18)
PRINT_GOAL_RATIO = 0.5
EXPORT_GOAL, INTAKE_GOAL = 150_000.0, 60_000.0  # changes/s (issue 18)


def record_rows(session, n: int, seed: int = 11, first_number: int = 9000) -> list[dict]:
    """``add_record`` arguments for ``n`` valid records on organisations (no R9 leniency flag to approve)."""
    conn = session.ledger.conn
    rng, today = random.Random(seed), session.desk.today()
    orgs = [r for (r,) in conn.execute("SELECT id FROM subjects WHERE kind = 'legal_person' ORDER BY id LIMIT 5000")]
    codes = [i.code for i in reference.active_catalogue(conn)[1] if i.dishonesty]
    rows = []
    for i in range(n):
        issued = today - dt.timedelta(days=rng.randint(30, 900))
        rows.append({"subject_id": rng.choice(orgs), "catalogue_code": rng.choice(codes),
                     "tier": rng.choice(("general", "serious")), "facts": "拖欠农民工工资",
                     "doc_type": DocType.ADMIN_PENALTY.value, "doc_number": f"清人社监〔{issued.year}〕{first_number + i}号",
                     "doc_authority": "县人力资源和社会保障局", "doc_issued": issued,
                     "doc_effective": issued + dt.timedelta(days=15), "department": "县人力资源和社会保障局",
                     "act_date": issued - dt.timedelta(days=rng.randint(20, 120))})
    return rows


def _statement_rates(session, rows: list[dict], single: int) -> tuple[float, float]:
    """Issue 18's honest floor: the same INSERT statements the services run (the record, its hash-chained audit
    row, its change-log row) into the same encrypted ledger and schema, for records prepared beforehand (the
    services' checks are what the ratio weighs); one committed transaction per record for the first
    ``single`` rows, one for the rest. Returns (per-record rows/s, batch rows/s)."""
    from dataclasses import replace

    from credit_desk.store import dishonesty_records as repo
    prepared = [records.prepare_record(session, **r) for r in rows]  # not timed

    def save(tx, rec) -> None:
        rid = repo.insert(tx, rec)
        session.audit(tx, "record.add", "record", rid, detail={"status": rec.status.value, "leniency": []})
        tx.change("record", rid, "insert", repo.state(replace(rec, id=rid)))

    def one_by_one():
        for rec in prepared[:single]:
            with session.ledger.tx() as tx:
                save(tx, rec)

    def batch():
        with session.ledger.tx() as tx:
            for rec in prepared[single:]:
                save(tx, rec)
    return single / seconds(one_by_one), (len(rows) - single) / seconds(batch)


def insert_figures(session, folder: Path, single: int, batch: int) -> list[dict]:
    """Records entered one by one (``records.add_record``) and as one batch (``record_import.add_records``),
    each against the same statements into the same ledger (``_statement_rates``, other 文号 numbers)."""
    rows = record_rows(session, single + batch)
    floor_one, floor_many = _statement_rates(session, record_rows(session, single + batch, seed=12,
                                                                  first_number=500_000), single)
    one = single / seconds(lambda: [records.add_record(session, **r) for r in rows[:single]])
    many = batch / seconds(lambda: record_import.add_records(session, rows[single:]))
    note = ("records/s with audit + change log; floor: the same INSERTs (record, audit row, change row) into the "
            "same encrypted ledger, records prepared beforehand")
    return [figure("insert.per_record_service", one, floor_one, unit="rows/s", goal_ratio=PER_RECORD_GOAL_RATIO,
                   higher_is_better=True, note=note + " (one committed transaction per record)", rows=single),
            figure("insert.batch_service", many, floor_many, unit="rows/s", goal_ratio=INSERT_GOAL_RATIO,
                   higher_is_better=True, note=note + " (one transaction for the batch)", rows=batch)]


def print_batch(session, ctx: dict, n: int, folder: Path) -> dict:
    """N listing decisions issued in one batch against reportlab drawing the same pages (best of two)."""
    from credit_desk.documents.fonts import load_fonts
    from credit_desk.documents.render import DocMeta, render_pdf
    from credit_desk.documents.templates import load_template
    from credit_desk.services import documents
    from credit_desk.services.documents import Item

    tpl, fonts = load_template("listing_decision"), load_fonts()
    warm = DocMeta("清信决〔2026〕1号", dt.date(2026, 4, 1), "清江浦区信用办", "CDN1|warm-up|" + "Q" * 86)
    render_pdf([(tpl, ctx, warm)], fonts)
    items = [Item(dict(ctx), "case", str(i)) for i in range(n)]
    docs = []
    full = seconds(lambda: docs.extend(documents.issue(session, "listing_decision", items, folder / "batch.pdf")))
    rows = session.ledger.query("SELECT number, issued_on, office, qr_text FROM documents ORDER BY seq DESC LIMIT ?",
                                (n,))[::-1]
    metas = [DocMeta(r["number"], dt.date.fromisoformat(r["issued_on"]), r["office"], r["qr_text"]) for r in rows]

    def floor_run():
        pdf, _ = render_pdf([(tpl, ctx, m) for m in metas], fonts)
        (folder / "floor.pdf").write_bytes(pdf)
    floor = best(floor_run, 2)
    return {"docs": docs, "n": n, "full_s": full, "floor_s": floor, "ratio": floor / full}


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


# ---- issue 18: backup, restore, the daily and the full check, the incremental audit verification ----------------

RESTORE_GOAL_MS, DAILY_CHECK_GOAL_MS = 15_000.0, 5_000.0
MAINT_RUNS = 3  # restores (and their floors), alternating; the median is the figure


def _copy_hashed(read, dst: Path) -> str:
    """The floor's unit of work: the bytes of ``read`` (a binary file object) written to ``dst`` and fsynced,
    SHA-256 of them taken as they pass (what a restore does with ledger.db, with none of its checks)."""
    import hashlib
    h = hashlib.sha256()
    with open(dst, "wb") as out:
        for block in iter(lambda: read.read(1 << 20), b""):
            h.update(block)
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    return h.hexdigest()


def _plain_integrity(plain_path: Path, full: bool) -> None:
    from credit_desk.store import backup as backup_store, plain_copy
    conn = plain_copy.open_plain(plain_path)
    try:
        backup_store.integrity(conn, full)
    finally:
        conn.close()


def _plain_hash_rows(plain_path: Path, after: int, upto: int | None) -> int:
    """Read and hash audit rows (after, upto] of the plaintext copy, as the chain's walk recomputes them."""
    from credit_desk.domain.audit_chain import row_hash
    from credit_desk.store import audit_log, plain_copy
    conn = plain_copy.open_plain(plain_path)
    try:
        n = 0
        for n, row in enumerate(audit_log.iter_rows(conn, after, upto), 1):
            row_hash(row)
        return n
    finally:
        conn.close()


def maint_figures(folder: Path, key: bytes, plain_path: Path, work: Path, log=lambda msg: None) -> list[dict]:
    """Backup, restore (as checked by default, and with ``--full``), ``check --full``, the daily ``check`` and the
    audit verification from the last verified head — each as the CLI runs it (``services.backup.backup_now`` /
    ``restore`` / ``check``, ``services.audit.verify_since``) on a desk opened for it, each against a floor doing
    the same work in the same run (said in each note). The key is in a private in-memory keyring (as on the PC
    that made the backup); nothing touches the user's own."""
    from credit_desk.bench.seeding import MemoryKeyring, private_keyring
    from credit_desk.services import audit, backup, ledgers
    from credit_desk.store import audit_log, backup as backup_store, keys as key_store, plain_copy
    from credit_desk.store.ledger import LedgerPaths

    kr = MemoryKeyring()
    kr.set_password(key_store.KEYRING_SERVICE, LedgerPaths(folder).ledger_id(), key.hex())
    out, bk = [], work / "maint"
    shutil.rmtree(bk, ignore_errors=True)
    bk.mkdir(parents=True)
    with private_keyring(kr):
        log("backup (copy, whole check of the copy, hash, sign) …")
        desk = ledgers.unlock(folder)
        try:
            made = []
            t_backup = seconds(lambda: made.append(backup.backup_now(desk, bk / "backups")))
        finally:
            desk.close()
        file = made[0]

        def backup_floor():
            with open(folder / "ledger.db", "rb") as src:
                _copy_hashed(src, bk / "floor.db")
            with zipfile.ZipFile(bk / "floor.zip", "w", compression=zipfile.ZIP_STORED) as zf:
                zf.write(bk / "floor.db", "ledger.db")
            with zipfile.ZipFile(bk / "floor.zip") as zf, zf.open("ledger.db") as src:
                _copy_hashed(src, bk / "floor-back.db")
            for p in ("floor.db", "floor.zip", "floor-back.db"):
                (bk / p).unlink()
            _plain_integrity(plain_path, True)
        f_backup = seconds(backup_floor)
        out.append(figure("backup.now", t_backup * 1000, f_backup * 1000, note=(
            "backup_now: stepped copy, integrity_check + the whole audit chain of the copy (side by side), "
            "SHA-256, signed manifest, zip, read back; floor: the file's bytes copied with SHA-256, zipped, read "
            "back with SHA-256, and integrity_check of the plaintext copy"), mb=round(file.stat().st_size / 1e6, 1)))

        log("restore (default and --full) …")
        t_fast, f_fast = [], []

        def restore_floor():
            with zipfile.ZipFile(file) as zf, zf.open("ledger.db") as src:
                _copy_hashed(src, bk / "floor-restore.db")
            (bk / "floor-restore.db").unlink()
        for i in range(MAINT_RUNS):
            target = bk / f"restored-{i}"
            t_fast.append(seconds(lambda: backup.restore(file, target)))
            shutil.rmtree(target)
            f_fast.append(seconds(restore_floor))
        out.append(figure("restore", statistics.median(t_fast) * 1000, statistics.median(f_fast) * 1000,
                          goal=RESTORE_GOAL_MS, runs=MAINT_RUNS, note=(
                              f"restore of a backup checked whole when made (median of {MAINT_RUNS}, alternating "
                              "with the floor): hashes while unpacking, signature, key, audit head; floor: the "
                              "same ledger.db bytes out of the zip with SHA-256, fsynced")))
        target = bk / "restored-full"
        t_full = seconds(lambda: backup.restore(file, target, full=True))
        shutil.rmtree(target)
        f_full = seconds(restore_floor) + seconds(lambda: _plain_integrity(plain_path, True))
        out.append(figure("restore.full", t_full * 1000, f_full * 1000, note=(
            "restore --full: the same, then integrity_check and the whole audit chain side by side; floor: the "
            "same bytes with SHA-256, then integrity_check of the plaintext copy")))

        log("check --full, the daily check, the audit verification since the verified head …")
        desk = ledgers.unlock(folder, read_only=True)
        try:
            rows = audit_log.last_id(desk.ledger.conn)
            t_check_full = seconds(lambda: backup.check(desk, full=True))  # leaves the marks the daily one uses
        finally:
            desk.close()
        conn = plain_copy.open_plain(plain_path)
        try:
            plain_ids = backup_store.change_ids(conn)
        finally:
            conn.close()
        f_check_full = (seconds(lambda: _plain_integrity(plain_path, True))
                        + seconds(lambda: _plain_hash_rows(plain_path, 0, None)))
        out.append(figure("check.full", t_check_full * 1000, f_check_full * 1000, audit_rows=rows, note=(
            "check --full on a read-only desk: integrity_check, the whole audit chain, every change id, accounts; "
            f"floor: integrity_check and every audit row read and hashed on the plaintext copy ({plain_ids:,} "
            "change ids)")))

        from credit_desk.services import ledger_health
        spot_rows, spot_ids = audit.SPOT_ROWS, ledger_health.SPOT_IDS
        desk = ledgers.unlock(folder, read_only=True)
        try:
            items = []
            t_daily = seconds(lambda: items.extend(backup.check(desk, full=False)))
        finally:
            desk.close()
        at = random.Random(18).randint(0, max(0, rows - spot_rows))

        def daily_floor():
            _plain_hash_rows(plain_path, at, at + spot_rows)
            c = plain_copy.open_plain(plain_path)
            try:
                backup_store.change_ids(c, at, at + spot_ids)
            finally:
                c.close()
        f_daily = seconds(daily_floor)
        ok = all(i.ok for i in items if i.name != "backup")
        out.append(figure("check.daily", t_daily * 1000, f_daily * 1000, goal=DAILY_CHECK_GOAL_MS, sound=ok, note=(
            "check (daily) on a read-only desk after check --full left its marks: the whole-file read reported "
            f"from the last one, the rows after the verified head + a {spot_rows:,}-row random window, the ids "
            f"after the checked one + a {spot_ids:,}-id window, accounts; floor: {spot_rows:,} audit rows read and "
            f"hashed and {spot_ids:,} change ids counted on the plaintext copy")))

        desk = ledgers.unlock(folder, read_only=True)
        try:
            verdict = []
            t_since = seconds(lambda: verdict.append(audit.verify_since(desk.ledger.conn, desk.ledger)))
        finally:
            desk.close()
        v = verdict[0]
        recomputed = (v.walked if v.since is not None else v.rows) + (v.spot[1] - v.spot[0] + 1 if v.spot else 0)
        f_since = seconds(lambda: _plain_hash_rows(plain_path, at, at + recomputed))
        out.append(figure("audit.verify_since", t_since * 1000, f_since * 1000, ok=v.ok, note=(
            "services.audit.verify_since from the last verified head (the rows after it + the random window); "
            "floor: as many audit rows read and hashed on the plaintext copy")))
        # issue 18's goal "incremental from the last verified head": rows recomputed, at most the new ones + window
        expected = (rows - (v.since or 0)) + spot_rows
        out.append(figure("audit.verify_since.rows_recomputed", recomputed, expected, unit="rows", goal_ratio=1.0,
                          note=("rows the verification recomputed; floor: the rows after the verified head + the "
                                f"{spot_rows:,}-row window, so a ratio over 1 (a whole walk of {rows:,} rows) "
                                "misses issue 18's goal")))
    shutil.rmtree(bk, ignore_errors=True)
    return out
