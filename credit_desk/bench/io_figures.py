"""Write figures: bulk entry of records through the services and printing a batch of notices. ``print_batch`` is
also what tests/perf/test_print_perf.py runs, so the bench and the perf test measure the same thing. The sync
figures are in ``sync_figures``; backup, restore and the checks in ``maint_figures``."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from credit_desk.bench.timing import best, figure, seconds
from credit_desk.domain.records import DocType
from credit_desk.services import record_import, records
from credit_desk.store import reference

INSERT_GOAL_RATIO = 0.5      # batch, of the honest floor (issue 18)
PER_RECORD_GOAL_RATIO = 0.3  # one by one, of the honest floor (issue 18)
PRINT_GOAL_RATIO = 0.5


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
