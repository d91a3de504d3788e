"""Benchmark: the records view over a large ledger (default 100,000 records; the issue's figure is
CREDIT_DESK_PERF_RECORDS=1000000). Reports ratios against floors measured in the same run:

* first page: opening the records view until its first page is in the table, against a bare SELECT of
  the same page on a fresh read connection;
* responsiveness: the longest gap between 10 ms timer ticks while a clerk types searches, against the
  slowest of those searches run bare (if searching ran on the GUI thread, the gap could not be shorter).
"""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from credit_desk.gui.context import GuiContext, open_settings
from credit_desk.gui.ops import Ops
from credit_desk.gui.views.records_view import RecordsView
from credit_desk.services import auth, browse, demo, ledgers
from credit_desk.store import views
from credit_desk.store.views import PageSpec
from tests.conftest import ADMIN_PW, PASSPHRASE

pytestmark = pytest.mark.perf
N = int(os.environ.get("CREDIT_DESK_PERF_RECORDS", "100000"))
TYPED = ("清", "清江", "清江浦", "清执", "320812", "没有这个名字的主体")


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory):
    folder = tmp_path_factory.mktemp("perf") / "data"
    desk, _ = ledgers.init_office(folder, office="性能测试信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    session = auth.login(desk, "admin", ADMIN_PW)
    demo.seed(session, subjects_n=max(100, N // 5), records_n=N, seed_value=3)
    yield folder, session
    desk.close()


def _head(admin):
    """The office head's session (R14: the admin browses no records: the first test here ran as the admin, was
    refused its first page with ROLE_FORBIDDEN and waited out its timeout, unseen since perf tests run on demand)."""
    from credit_desk.services import accounts
    from tests.conftest import USER_PW
    if "perf_head" not in {u["username"] if isinstance(u, dict) else u.username for u in accounts.list_users(admin)}:
        accounts.add_user(admin, "perf_head", "approver", USER_PW, "张负责")
    return auth.login(admin.desk, "perf_head", USER_PW)


def _bare_first_page(session) -> float:
    t = time.perf_counter()
    conn = views.open_reader(session.ledger.paths.db, session.desk.key)
    views.records_page(conn, PageSpec("decision_date", True, None, 200))
    elapsed = time.perf_counter() - t
    conn.close()
    return elapsed


def _bare_search(session, text: str) -> float:
    conn = views.open_reader(session.ledger.paths.db, session.desk.key)
    t = time.perf_counter()
    views.records_page(conn, PageSpec("decision_date", True, None, 200), text)
    views.records_count(conn, text)
    elapsed = time.perf_counter() - t
    conn.close()
    return elapsed


def test_records_view_first_page_and_typing_stay_responsive(qtbot, big_ledger, capsys):
    folder, admin = big_ledger
    session = _head(admin)
    floor = min(_bare_first_page(session) for _ in range(3))
    ctx = GuiContext(session, Ops(), browse.Reader(session), open_settings(folder))
    shown = {}
    start = time.perf_counter()
    view = RecordsView(ctx, "失信信息")
    qtbot.addWidget(view)
    view.model.firstPageShown.connect(lambda s: shown.setdefault("t", time.perf_counter() - start))
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: "t" in shown, timeout=60_000)
    first_page = shown["t"]

    idle = _idle_gaps(qtbot)
    gaps = _typing_gaps(qtbot, view)
    slowest_bare = max(_bare_search(session, t) for t in TYPED)
    ctx.close()
    with capsys.disabled():
        print(f"\n[gui perf] records={N:,}  first page shown {first_page * 1000:.0f} ms  "
              f"(bare SELECT {floor * 1000:.1f} ms, ratio {first_page / floor:.1f}x)\n"
              f"[gui perf] typing: longest event-loop gap {max(gaps) * 1000:.0f} ms over {len(gaps)} ticks; "
              f"idle gap {max(idle) * 1000:.0f} ms (ratio {max(gaps) / max(idle):.1f}x); "
              f"slowest bare search {slowest_bare * 1000:.0f} ms (gap/search {max(gaps) / slowest_bare:.2f})")
    assert first_page / floor < 200  # widget building + thread hop + masking, never a full load
    assert view.model.rowCount() <= 200 * 2
    if slowest_bare > 0.2:  # only meaningful when a search is long enough to be felt
        assert max(gaps) < slowest_bare


def _ticks(qtbot, during) -> list[float]:
    clock, ticks = QElapsedTimer(), []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e9))
    clock.start()
    timer.start()
    during()
    timer.stop()
    return [b - a for a, b in zip(ticks, ticks[1:])]


def _idle_gaps(qtbot) -> list[float]:
    return _ticks(qtbot, lambda: qtbot.wait(1000))


def _typing_gaps(qtbot, view) -> list[float]:
    view.search.purpose.setEditText("性能测试")

    def typing():
        for text in TYPED:
            for i in range(1, len(text) + 1):  # one character at a time, faster than the debounce
                view.search.edit.setText(text[:i])
                qtbot.wait(60)
            qtbot.wait(400)  # past the debounce: the search runs while the timer keeps ticking
            qtbot.waitUntil(lambda: not view.model.loading and "…" not in view.count.text(), timeout=300_000)
    return _ticks(qtbot, typing)


def test_scroll_100k_rows_and_search_100_times(qtbot, big_ledger, capsys):
    """Issue 18 "Done when": scroll 100k rows of the records list (all of them when the ledger holds fewer) and
    search 100 times; memory and event-loop gaps asserted as ratios to baselines measured in this run (the process's
    memory with the first page shown; the loop's longest gap beside a busy core). Default-run size:
    tests/gui/test_scroll_memory.py."""
    from tests.gui import scroll_kit as kit
    folder, admin = big_ledger
    session = _head(admin)
    ctx = GuiContext(session, Ops(), browse.Reader(session), open_settings(folder))
    view = RecordsView(ctx, "失信信息")
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and not view.model.loading, timeout=120_000)
    idle = max(kit.gaps_ms(lambda: kit.beside_a_busy_core(lambda: qtbot.wait(2000))))
    base = kit.rss_kib()
    want = min(100_000, N)
    busy = kit.gaps_ms(lambda: kit.scroll_all(qtbot, view, want))
    scrolled, after_scroll = view.model.rowCount(), kit.rss_kib()
    busy += kit.gaps_ms(lambda: kit.search_many(qtbot, view, 100))
    after = kit.rss_kib()
    open_count = ctx.reader.open_count
    ctx.close()
    with capsys.disabled():
        print(f"\n[gui perf] scrolled {scrolled:,} rows: RSS {base / 1024:.0f} → {after_scroll / 1024:.0f} MiB "
              f"({(after_scroll - base) / scrolled:.2f} KiB/row), after 100 searches {after / 1024:.0f} MiB "
              f"(ratio {after / base:.2f} to the first page's); longest loop gap {max(busy):.0f} ms vs "
              f"{idle:.0f} ms beside a busy core (ratio {max(busy) / idle:.1f}); reader connections {open_count}")
    assert scrolled >= want
    assert open_count <= browse.Reader.SIZE
    assert (after_scroll - base) / scrolled < 6  # the per-job connection leak cost 12.7 KB a row
    assert after / base < 3  # the rows themselves (about 1 KB each), never a page cache per page
    assert max(busy) / idle < 12
