"""Write figures: bulk entry of records through the services, printing a batch of notices, sync export and
intake. ``print_batch`` and ``sync_rates`` are also what tests/perf/test_print_perf.py and test_sync_perf.py
run, so the bench and the perf tests measure the same thing."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import tempfile
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


def sync_rates(folder: Path, n: int, suite: str = "intl/1") -> dict:
    """Export and intake of N changes in ``suite`` against the format's own minimum in that suite (issue 18):
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
        with desk.ledger.tx() as tx:
            for i in range(1, n + 1):
                tx.change("subject", i, "insert", _state(i, demo.uscc(rng, "320812")))
        usb = folder / "usb"
        usb.mkdir()
        done = []
        export_s = seconds(lambda: done.extend(sync.export_to_folder(s, usb)))
        files = [(usb / os.path.basename(b["file"])).read_bytes() for b in done]
        data = files[0]
        received = []
        intake_s = seconds(lambda: received.extend(intake.receive(f)[1] for f in files))
        rows = list(sync_state.change_rows(desk.ledger.conn, 0))
        sign_key, nonce = signing.new_private(suite), os.urandom(12)
        manifest = data[:2048]  # a manifest's worth of bytes to sign
        if suite == suites.GM:
            sm4 = os.urandom(16)
            seal = lambda b: suites.sm4_gcm_encrypt(sm4, nonce, b, b"")  # noqa: E731
        else:
            aes = AESGCM(AESGCM.generate_key(256))
            seal = lambda b: aes.encrypt(nonce, b, None)  # noqa: E731

        def floor_run():
            plain = payload.encode_lines([payload.change_line(*r) for r in rows])  # serialise
            seal(crypto.deflate(plain))                                           # compress, then encrypt
            signing.sign(sign_key, signing.Use.BUNDLE_MANIFEST, manifest)          # sign the manifest
            return plain
        plain = floor_run()
        floor_s = best(floor_run)
    finally:
        desk.close()
    return {"suite": suite, "changes": sum(r["accepted"] for r in received), "export_s": export_s, "intake_s": intake_s, "floor_s": floor_s,
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
                   goal=EXPORT_GOAL, changes=n,
                   note="floor: serialise, zlib, AES-256-GCM of the compressed bytes, one Ed25519 manifest signature"),
            figure("sync.intake", n / s["intake_s"], n / s["floor_s"], unit="changes/s", higher_is_better=True,
                   goal=INTAKE_GOAL, changes=n, note="verify, decrypt, parse, check, store, receipt; same floor"),
            *_gm_figures(folder, changes)]


def _gm_figures(folder: Path, changes: int) -> list[dict]:
    """The same two figures for an office in gm/1, each against gm/1's own floor (SM4-GCM + one SM2 signature)."""
    g = sync_rates(folder / "sync-gm", changes, "gm/1")
    n = g["changes"]
    return [figure("sync.export.gm", n / g["export_s"], n / g["floor_s"], unit="changes/s", higher_is_better=True,
                   goal=EXPORT_GOAL, changes=n,
                   note="gm/1; floor: serialise, zlib, SM4-GCM of the compressed bytes, one SM2-SM3 manifest signature"),
            figure("sync.intake.gm", n / g["intake_s"], n / g["floor_s"], unit="changes/s", higher_is_better=True,
                   goal=INTAKE_GOAL, changes=n,
                   note="gm/1: verify, unwrap, decrypt, parse, check, store, receipt; same floor")]
