"""Issue 18 item 3: the writer guard's trace hook (store/writer_guard.py, installed by every GUI session) made SQLite
expand each statement's bound values into its text — under Python's lock, since the hook is Python. A 同步包 of
9.7 MB saved into the ledger (``sync_state.save_bundle``) was expanded into 19 MB of hex: the window froze 140–190 ms
during an export at 150,000 records (gui probe, 10 ms timer), and about a second at 1M (a 57 MB blob: 0.9 s of
the timer's silence with the hook, none without). A statement that binds a large value now runs with the hook
off — its caller was checked just before, by the connection's own ``execute`` — so no value is ever expanded."""

from __future__ import annotations

import os

import pytest

from credit_desk.services import ledgers
from credit_desk.store import writer_guard
from tests.conftest import ADMIN_PW, PASSPHRASE

BIG = 2 * 1024 * 1024


@pytest.fixture
def led(data_dir):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.ledger.writer.install(desk.ledger.conn)  # as the GUI session does (gui/context.py)
    yield desk.ledger
    desk.ledger.writer.uninstall()
    desk.close()


def test_a_large_bound_value_is_never_expanded_into_the_trace(led, monkeypatch):
    seen = []
    guard = led.writer
    real = guard._trace
    monkeypatch.setattr(guard, "_trace", lambda sql: (seen.append(len(sql or "")), real(sql)))
    led.conn.set_trace_callback(guard._trace)  # the recording hook in place of the installed one
    blob = os.urandom(BIG)
    with led.tx() as tx:
        tx.execute("CREATE TEMP TABLE big (data BLOB)")
        tx.execute("INSERT INTO big VALUES (?)", (blob,))
        tx.execute("INSERT INTO big VALUES (?)", ("短文本",))
    assert seen and max(seen) < 1024, max(seen)  # never the 4 MB of hex
    assert any(n for n in seen)  # the hook still sees the other statements
    assert led.conn.execute("SELECT length(data) FROM big WHERE typeof(data) = 'blob'").fetchone()[0] == BIG


def test_the_hook_is_back_after_the_large_statement_and_a_misuse_is_still_refused(led):
    import threading
    led.conn.execute("CREATE TEMP TABLE big (data BLOB)")
    led.conn.execute("INSERT INTO big VALUES (?)", (os.urandom(BIG),))
    errors = []

    def other():
        try:
            led.conn.execute("INSERT INTO big VALUES (?)", (os.urandom(BIG),))
        except writer_guard.WriterMisuse as exc:
            errors.append(exc)
    t = threading.Thread(target=other)
    t.start()
    t.join()
    assert errors  # checked before the hook is set aside: another thread's large write is refused all the same
    assert led.conn.execute("SELECT count(*) FROM big").fetchone()[0] == 1
