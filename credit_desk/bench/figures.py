"""Read figures: search, the first page of each view, the dashboard, opening the ledger.

Each is timed on the encrypted ledger and, as its floor, on the plaintext copy of the same data with the
same code (a ``Session`` and ``Reader`` over the plain connection), interleaved so that both see the same
machine load.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from credit_desk.bench import queries
from credit_desk.bench.seeding import MemoryKeyring, PASSPHRASE, private_keyring
from credit_desk.bench.timing import figure, percentile, seconds
from credit_desk.services import browse, cases, due, ledgers
from credit_desk.services.base import Desk, Session
from credit_desk.store import keys, plain_copy, tallies, views
from credit_desk.store.ledger import Ledger, LedgerPaths
from credit_desk.store.views import PageSpec

SEARCH_GOAL_MS, SEARCH_RATIO = 50.0, 1.25
VIEW_GOAL_MS, DASHBOARD_GOAL_MS, OPEN_GOAL_MS = 100.0, 300.0, 500.0
REPS = 3


class ConnReader:
    """A ``browse.Reader`` stand-in that opens connections with ``factory`` (fresh ones on ``renew``)."""

    def __init__(self, factory) -> None:
        self.factory, self._conn = factory, None

    def conn(self):
        if self._conn is None:
            self._conn = self.factory()
        return self._conn

    @contextmanager
    def lease(self):
        yield self.conn()

    def renew(self) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def plain_session(session: Session, conn) -> Session:
    """The same user over the plaintext copy (read-only: no lock, no writes)."""
    ledger = Ledger(LedgerPaths(Path(".")), conn, session.ledger.ledger_id, None)
    return Session(Desk(ledger, b"", clock=session.desk.clock), session.user)


def search_figures(conn, plain) -> list[dict]:
    """p50/p95 per kind of search over the fixed query set, encrypted against plain."""
    out = []
    for kind, texts in queries.build(conn).items():
        for c in (conn, plain):  # warm both page caches the same way
            for t in texts:
                queries.run_one(c, kind, t)
        enc, pln = [], []
        for t in texts:
            e, p = [], []
            for _ in range(REPS):
                e.append(seconds(lambda: queries.run_one(conn, kind, t)))
                p.append(seconds(lambda: queries.run_one(plain, kind, t)))
            enc.append(min(e) * 1000)
            pln.append(min(p) * 1000)
        for q in (50, 95):
            out.append(figure(f"search.{kind}.p{q}", percentile(enc, q), percentile(pln, q), goal=SEARCH_GOAL_MS,
                              goal_ratio=SEARCH_RATIO, queries=len(texts),
                              note="floor: the same queries on the plaintext copy"))
    return out


def short_name_figures(conn, plain) -> list[dict]:
    """1- and 2-character names (no trigram possible) through the gram index, and the LIKE scan it replaces."""
    texts = [t for t in queries.build(conn)["name"] if len(t) < 3] or ["王"]

    def p95(c, fn) -> float:
        return percentile([min(seconds(lambda: fn(c, t)) for _ in range(REPS)) * 1000 for t in texts], 95)
    enc = p95(conn, lambda c, t: queries.run_one(c, "name", t))
    pln = p95(plain, lambda c, t: queries.run_one(c, "name", t))
    scan = p95(conn, lambda c, t: c.execute("SELECT id FROM subjects WHERE name LIKE ? ORDER BY id LIMIT 50",
                                            (f"%{t}%",)).fetchall())
    return [figure("search.name_short.p95", enc, pln, goal=SEARCH_GOAL_MS, goal_ratio=SEARCH_RATIO,
                   queries=len(texts), like_scan_p95_ms=round(scan, 3),
                   note="1-2 character names via the gram index; like_scan_p95_ms: the LIKE scan it replaces")]


def view_figures(session: Session, plain_sess: Session, reader_factory, plain_factory) -> list[dict]:
    """First page of the records, cases and due views, and the dashboard counts; fresh readers each time."""
    enc, pln = ConnReader(reader_factory), ConnReader(plain_factory)
    spec = PageSpec("decision_date", True, None, 200)
    jobs = {
        "view.records.first_page": (lambda s, r: browse.records_page(s, r, spec), VIEW_GOAL_MS),
        "view.cases.first_page": (lambda s, r: cases.list_cases(s, limit=200), VIEW_GOAL_MS),
        "view.due.all_items": (lambda s, r: due.due_items(s), VIEW_GOAL_MS),
        "dashboard.counts": (lambda s, r: (browse.dashboard_counts(s, r),
                                           browse.monthly_trend(s, r, s.desk.today(), 12)), DASHBOARD_GOAL_MS),
    }
    out = []
    for name, (fn, goal) in jobs.items():
        e, p = [], []
        for _ in range(5):
            enc.renew()
            pln.renew()
            e.append(seconds(lambda: fn(session, enc)))
            p.append(seconds(lambda: fn(plain_sess, pln)))
        out.append(figure(name, sorted(e)[2] * 1000, sorted(p)[2] * 1000, goal=goal,
                          note="median of 5, each on a fresh read connection; floor: the plaintext copy"))
    out.append(_recount_figure(enc.conn(), pln.conn()))
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


