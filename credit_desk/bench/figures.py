"""Read figures: search, the first page of each view, the dashboard, opening the ledger.

Each is timed on the encrypted ledger and, as its floor, on the plaintext copy of the same data with the
same code (a ``Session`` and ``Reader`` over the plain connection), interleaved so that both see the same
machine load.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from credit_desk.bench.search_figures import OneConn
from credit_desk.bench.seeding import MemoryKeyring, PASSPHRASE, private_keyring
from credit_desk.bench.timing import figure, seconds
from credit_desk.services import browse, due, ledgers
from credit_desk.services.base import Desk, Session
from credit_desk.store import keys, plain_copy, tallies, views
from credit_desk.store.ledger import Ledger, LedgerPaths
from credit_desk.store.views import PageSpec

VIEW_GOAL_MS, DASHBOARD_GOAL_MS, OPEN_GOAL_MS = 100.0, 300.0, 500.0
VIEW_RUNS = 5


def plain_session(session: Session, conn) -> Session:
    """The same user over the plaintext copy (read-only: no lock, no writes)."""
    ledger = Ledger(LedgerPaths(Path(".")), conn, session.ledger.ledger_id, None)
    return Session(Desk(ledger, b"", clock=session.desk.clock), session.user)


def view_figures(session: Session, plain_sess: Session, reader_factory, plain_factory) -> list[dict]:
    """First page of the records, cases and due views, and the dashboard counts, as the GUI calls them; each
    run on a read connection opened for it (the due list reads through its session: a session over that fresh
    connection), floor the same on the plaintext copy; the median and the max of RUNS runs."""
    jobs = {
        "view.records.first_page": (lambda s, r: browse.records_page(s, r, PageSpec("decision_date", True, None, 200)),
                                    VIEW_GOAL_MS),
        "view.cases.first_page": (lambda s, r: browse.cases_page(s, r, PageSpec("id", True, None, 200)),
                                  VIEW_GOAL_MS),
        "view.due.all_items": (lambda s, r: due.due_items(s), VIEW_GOAL_MS),
        "dashboard.counts": (lambda s, r: (browse.dashboard_counts(s, r),
                                           browse.monthly_trend(s, r, s.desk.today(), 12)), DASHBOARD_GOAL_MS),
    }

    def once(fn, factory) -> float:
        conn = factory()
        try:
            return seconds(lambda: fn(plain_session(session, conn), OneConn(conn)))
        finally:
            conn.close()
    out = []
    for name, (fn, goal) in jobs.items():
        e, p = [], []
        for _ in range(VIEW_RUNS):
            e.append(once(fn, reader_factory) * 1000)
            p.append(once(fn, plain_factory) * 1000)
        note = f"median of {VIEW_RUNS}, each on a fresh read connection; floor: the plaintext copy"
        out.append(figure(name, statistics.median(e), statistics.median(p), goal=goal, note=note))
        out.append(figure(f"{name}.max", max(e), max(p), goal=goal, note=note.replace("median", "slowest")))
    enc, pln = reader_factory(), plain_factory()
    out.append(_recount_figure(enc, pln))
    enc.close()
    pln.close()
    return out


def _recount_figure(conn, plain) -> dict:
    """What the dashboard would cost with COUNT(*) GROUP BY instead of the maintained tallies."""
    def counts(c):
        for t, n in (("subjects", "kind"), ("records", "tier"), ("records", "status"), ("records", "month")):
            tallies.recount(c, t, n)
    return figure("dashboard.counts_by_group_by", seconds(lambda: counts(conn)) * 1000,
                  seconds(lambda: counts(plain)) * 1000,
                  note="not used: COUNT(*) GROUP BY over the tables, which the maintained tallies replace")


def open_figures(folder: Path, key: bytes, plain_path: Path) -> list[dict]:
    """unlock + migrations check + first query, by keyring (in-memory) and by recovery passphrase."""
    spec = PageSpec("decision_date", True, None, 200)
    kr = MemoryKeyring()

    def by_keyring():
        with private_keyring(kr):
            desk = ledgers.unlock(folder)
        views.records_page(desk.ledger.conn, spec)
        desk.close()

    def by_recovery():
        with private_keyring():
            desk = ledgers.unlock(folder, recovery_passphrase=PASSPHRASE)
        views.records_page(desk.ledger.conn, spec)
        desk.close()

    def floor():
        conn = plain_copy.open_plain(plain_path)
        conn.execute("PRAGMA user_version").fetchone()
        views.records_page(conn, spec)
        conn.close()

    kr.set_password(keys.KEYRING_SERVICE, LedgerPaths(folder).ledger_id(), key.hex())
    t_key, t_rec, t_floor = [], [], []
    for _ in range(5):
        t_key.append(seconds(by_keyring))
        t_rec.append(seconds(by_recovery))
        t_floor.append(seconds(floor))
    med = lambda xs: sorted(xs)[2] * 1000  # noqa: E731
    return [figure("open.keyring", med(t_key), med(t_floor), goal=OPEN_GOAL_MS,
                   note="unlock (key from the keyring) + migrations check + first records page"),
            figure("open.recovery_passphrase", med(t_rec), med(t_floor), goal=None,
                   note="the same with the recovery passphrase: scrypt on purpose (~64 MiB), only after a lost key")]


