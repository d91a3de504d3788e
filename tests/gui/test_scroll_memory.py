"""Issue 18 (default-run size): scroll every row of the records list and search 20 times; the memory the process
gains per row scrolled stays far below the leak of one reader connection per page (12.7 KB a row), and the event
loop's longest gap stays within a ratio of its longest gap beside a busy core, measured in the same run. The 100k
row, 100 search version is tests/perf/test_gui_perf.py::test_scroll_100k_rows_and_search_100_times (perf), which
asserts the gap ratio; this default-run test prints it (issue 23: no wall-clock assert in the default run)."""

from __future__ import annotations

from credit_desk.gui.views.records_view import RecordsView
from tests.gui import scroll_kit as kit

SEARCHES = 20
KIB_PER_ROW = 6      # the per-job connection leak cost 12.7 KB a row; the rows themselves cost about 1 KB


def test_scrolling_every_record_and_searching_keep_memory_and_the_loop_in_ratio(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded)
    view = RecordsView(ctx, "失信信息")
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and not view.model.loading, timeout=60_000)
    total = seeded.ledger.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    idle = max(kit.gaps_ms(lambda: kit.beside_a_busy_core(lambda: qtbot.wait(1500))))
    start = kit.rss_kib()
    busy = kit.gaps_ms(lambda: kit.scroll_all(qtbot, view, total))
    scrolled = view.model.rowCount()
    grown = kit.rss_kib() - start
    busy += kit.gaps_ms(lambda: kit.search_many(qtbot, view, SEARCHES))
    print(f"\n[scroll] {scrolled:,} rows, {SEARCHES} searches: RSS +{grown} KiB ({grown / scrolled:.2f} KiB/row); "
          f"longest gap {max(busy):.0f} ms vs {idle:.0f} ms beside a busy core (ratio {max(busy) / idle:.1f}, asserted only in tests/perf)")
    assert scrolled == total, (scrolled, total)
    assert ctx.reader.open_count <= ctx.reader.SIZE
    assert grown / scrolled < KIB_PER_ROW, f"{grown} KiB over {scrolled} rows"
    # the loop's gap ratio is a wall-clock figure: reported here, asserted only by the perf version (issue 23: no
    # timing assert in the default run; measured 9.5 of 12 here at load 9.6, 1.4 at load 12 — noise, not behaviour)
