"""Benchmark: N listing decisions printed in one batch (numbering, signing, register, audit, PDF) against
the floor of reportlab drawing the same pages with no database or numbering work, in the same run.

Default N = 100; the full figure: CREDIT_DESK_PERF_DOCS=1000 pytest tests/perf/test_print_perf.py -s
Goal (issue 5): the batch runs at no less than half the floor's speed.
"""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from credit_desk.documents.fonts import load_fonts
from credit_desk.documents.render import DocMeta, render_pdf
from credit_desk.documents.templates import load_template
from credit_desk.services import auth, documents, ledgers
from credit_desk.services.documents import Item
from tests.conftest import ADMIN_PW
from tests.documents.samples import SAMPLES

N = int(os.environ.get("CREDIT_DESK_PERF_DOCS", "100"))
QR = "CDN1|清信决〔2026〕1号|2026-04-01|清江浦区信用办|listing_decision|1a2b3c4d|" + "Q" * 86  # warm-up only


def _floor(tpl, ctx, metas, fonts, tmp_path) -> float:
    t = time.perf_counter()
    pdf, _ = render_pdf([(tpl, ctx, m) for m in metas], fonts)
    (tmp_path / "floor.pdf").write_bytes(pdf)
    return time.perf_counter() - t


@pytest.mark.perf
def test_batch_of_decisions_against_the_reportlab_floor(office, data_dir, tmp_path):
    desk = ledgers.unlock(data_dir)
    try:
        session = auth.login(desk, "admin", ADMIN_PW)
        tpl, fonts = load_template("listing_decision"), load_fonts()
        ctx = SAMPLES["listing_decision"]
        render_pdf([(tpl, ctx, DocMeta("清信决〔2026〕1号", dt.date(2026, 4, 1), "清江浦区信用办", QR))], fonts)  # warm
        items = [Item(dict(ctx), "case", str(i)) for i in range(N)]
        t = time.perf_counter()
        docs = documents.issue(session, "listing_decision", items, tmp_path / "batch.pdf")
        full = time.perf_counter() - t
        # the floor draws the very same pages (same numbers, dates and QR codes), nothing else
        rows = session.ledger.query("SELECT number, issued_on, office, qr_text FROM documents ORDER BY seq")
        metas = [DocMeta(r["number"], dt.date.fromisoformat(r["issued_on"]), r["office"], r["qr_text"]) for r in rows]
        floor = min(_floor(tpl, ctx, metas, fonts, tmp_path) for _ in range(2))  # the floor's best of two
    finally:
        desk.close()
    assert len(docs) == N and docs[-1]["number"] == f"清信决〔{desk.today().year}〕{N}号"
    ratio = (N / full) / (N / floor)
    print(f"\n{N} decisions: batch {N / full:.1f} docs/s ({full:.2f} s), reportlab floor {N / floor:.1f} docs/s "
          f"({floor:.2f} s); batch runs at {ratio:.0%} of the floor's speed (goal ≥ 50%)")
    assert ratio >= 0.5
