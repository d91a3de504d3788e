"""Issues 18 and 23: the GUI thread's turn on the writer (store/writer_guard.py, ``attach_turn_end``).

A slot that calls a service outside a form — the settings page adding a user, a view's logged look — read on the
session's writer before its transaction. While a background job (a logged search, a batch print, the start-up
checks) held the writer, that read raised WriterMisuse in the slot (177 reads on ``ledger.conn`` in 41 service
modules, each one waiting for the wrong moment); and between the read and the transaction a job could start on
the writer. Now the GUI thread's first statement on the writer takes it for the rest of its event-loop turn:
behind a short job it waits, behind a long one it is refused with a sentence and nothing changed; no job starts on
the writer in the middle of the turn; and waiting for the jobs lets go of the turn first (else they wait for ever).
"""

from __future__ import annotations

import threading
import time

import pytest

from credit_desk.gui.main_window import MainWindow
from credit_desk.store import views, writer_guard
from tests.conftest import USER_PW
from tests.store.test_writer_hold import set_later


def _users(session) -> set[str]:
    conn = views.open_reader(session.ledger.paths.db, session.desk.key)
    try:
        return {r[0] for r in conn.execute("SELECT username FROM users")}
    finally:
        conn.close()


def _job_holding_writer(led, release: threading.Event) -> threading.Event:
    """A background job that borrows the writer until ``release`` (a thread, as the job runner's workers are)."""
    holding = threading.Event()

    def job():
        with led.lend():
            holding.set()
            release.wait()
    threading.Thread(target=job, daemon=True).start()
    assert holding.wait(30)
    return holding


def _settings(qtbot, make_ctx, session):
    win = MainWindow(make_ctx(session))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    view = win.open_area("settings")
    qtbot.wait(100)
    return view


def _fill_user(view, name: str) -> None:
    view.new_name.setText(name)
    view.new_pw.setText(USER_PW)
    view.new_pw2.setText(USER_PW)


def test_r14_a_user_added_from_the_settings_page_while_a_short_job_holds_the_writer_is_added_after_it(
        qtbot, make_ctx, seeded_admin):
    view = _settings(qtbot, make_ctx, seeded_admin)
    release = threading.Event()
    _job_holding_writer(seeded_admin.ledger, release)
    set_later(release, 0.3)
    _fill_user(view, "clerk9")
    view.add_user_button.click()  # accounts.add_user reads the users on the writer before its transaction
    assert "clerk9" in _users(seeded_admin), view.user_msg.text()
    assert "clerk9" in view.user_msg.text()
    assert not writer_guard.all_misuse()


def test_r14_a_user_added_while_a_long_job_holds_the_writer_is_refused_with_a_sentence_and_nothing_added(
        qtbot, make_ctx, seeded_admin, monkeypatch):
    monkeypatch.setattr(writer_guard, "HOME_WAIT_S", 0.2)
    view = _settings(qtbot, make_ctx, seeded_admin)
    release = threading.Event()
    _job_holding_writer(seeded_admin.ledger, release)
    try:
        _fill_user(view, "clerk8")
        view.add_user_button.click()
        assert "后台任务正在写入账本" in view.user_msg.text(), view.user_msg.text()
        assert "Traceback" not in view.user_msg.text()
    finally:
        release.set()
    assert "clerk8" not in _users(seeded_admin)
    assert not writer_guard.all_misuse()


def test_r14_no_job_starts_on_the_writer_in_the_middle_of_a_gui_turn(qtbot, make_ctx, seeded_admin):
    make_ctx(seeded_admin)
    led = seeded_admin.ledger
    qtbot.wait(50)  # a turn with nothing held
    led.conn.execute("SELECT count(*) FROM users").fetchone()  # the GUI thread's read on the writer: its turn
    started, release = threading.Event(), threading.Event()
    release.set()

    def job():
        with led.lend():
            started.set()
    threading.Thread(target=job, daemon=True).start()
    time.sleep(0.3)  # the job has had every chance to start
    assert not started.is_set()  # it waits for the turn to end
    led.conn.execute("SELECT count(*) FROM users").fetchone()  # still the GUI's: no misuse, no wait
    qtbot.waitUntil(started.is_set, timeout=10_000)  # back in the event loop: the turn ended, the job ran
    assert not writer_guard.all_misuse()


def test_r14_waiting_for_the_jobs_lets_go_of_the_gui_turn_first(qtbot, make_ctx, seeded_admin):
    ctx = make_ctx(seeded_admin)
    led = seeded_admin.ledger
    qtbot.wait(50)
    led.conn.execute("SELECT count(*) FROM users").fetchone()  # the turn is held
    ran = []
    ctx.ops.run(lambda job: ran.append(led.conn.execute("SELECT 1").fetchone()[0]), writes=True)
    assert ctx.ops.wait(10_000), "the job waited for a turn the waiting GUI thread never ended"
    assert ran == [1]
    assert not writer_guard.all_misuse()


@pytest.mark.parametrize("attached", [True, False])
def test_without_a_turn_end_the_home_thread_is_checked_as_before(seeded_admin, attached):
    """The CLI and services without a window attach no turn end: the plain check applies (a misuse raises)."""
    led = seeded_admin.ledger
    guard = led.writer
    guard.install(led.conn)
    if attached:
        ends = []
        guard.attach_turn_end(ends.append)
        led.conn.execute("SELECT 1")
        assert guard.borrower == threading.get_ident() and len(ends) == 1
        ends[0]()  # the turn ends
        assert guard.borrower is None
        guard.attach_turn_end(None)
    else:
        led.conn.execute("SELECT 1")
        assert guard.borrower is None  # nothing taken: the plain check
    guard.uninstall()


# --- a form or a transaction on the GUI thread holds the writer for the rest of the turn too (turn30) ----------
# Before, ``Ledger.holding`` and ``Ledger.tx`` took the writer only for their own block and gave it up at its end:
# a writing job queued meanwhile took it at once, and the GUI thread's next statement in the same turn waited for
# the job — behind a long one LEDGER_BUSY, "nothing was changed", with the form's change already committed (the
# clerk opens the case again: two cases). cases_view.new_item and records_view.new_item read on the writer right
# after their form (the joint-punishment prompts); commitments.subject_interviews reads after its audit row.


@pytest.fixture
def watchdog():
    import faulthandler
    import sys
    faulthandler.dump_traceback_later(120, exit=True, file=sys.stderr)  # a hang ends the run with every stack
    yield
    faulthandler.cancel_dump_traceback_later()


def _job_queued_now(led, started: threading.Event, hold_s: float) -> None:
    """A writing job (a thread, as the job runner's workers are) that asks for the writer now and keeps it
    ``hold_s`` seconds; it sleeps, never waits on a timed lock (faketime, issue 23)."""
    def job():
        with led.lend():
            started.set()
            time.sleep(hold_s)
    threading.Thread(target=job, daemon=True).start()
    time.sleep(0.2)  # it is waiting for the writer


@pytest.mark.parametrize("block", ["holding", "tx"])
def test_r14_the_gui_reads_after_its_own_commit_in_the_same_turn_before_a_job_queued_meanwhile(
        qtbot, make_ctx, seeded_admin, monkeypatch, watchdog, block):
    """``holding``: FormDialog.submit, then its caller in the same turn (cases_view.new_item opens the case under
    the form, then asks the joint-punishment prompts for its subject, which read on the writer). ``tx``: a slot's
    own transaction, then its reads (a service whose first statement on the writer is its transaction)."""
    monkeypatch.setattr(writer_guard, "HOME_WAIT_S", 0.3)
    make_ctx(seeded_admin)
    led = seeded_admin.ledger
    qtbot.wait(50)  # a turn with nothing held
    started = threading.Event()
    with (led.holding() if block == "holding" else led.tx()):
        led.conn.execute("SELECT count(*) FROM users").fetchone()
        _job_queued_now(led, started, 1.0)  # a writing job asks for the writer meanwhile
    time.sleep(0.05)  # the same turn goes on: the form closes, its caller takes a moment…
    # …and reads on the writer: LEDGER_BUSY "nothing was changed" here before, the change already committed
    assert led.conn.execute("SELECT count(*) FROM users").fetchone()[0] >= 1
    assert not started.is_set()  # the job waits for the turn to end
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert not writer_guard.all_misuse()


def test_r14_a_case_opened_in_its_form_while_a_job_is_queued_is_opened_once_and_its_prompts_are_asked(
        qtbot, clerk_window, staff, monkeypatch, watchdog, shot):
    """The clerk's own path (cases_view.new_item): the case is opened under the form's ``holding()``, then the
    joint-punishment prompts for its subject read on the writer. A writing job (a logged search, a batch print)
    asked for the writer while the form ran: before, it took the writer at the form's commit, and the prompts
    waited for it — behind a long one LEDGER_BUSY "nothing was changed" with the case opened (opened again on
    retry)."""
    from credit_desk.services import cases
    from tests.gui.test_case_paths import _open_black_case, _subject_with_record
    monkeypatch.setattr(writer_guard, "HOME_WAIT_S", 0.3)
    led = staff["clerk"].ledger
    view = clerk_window.open_area("cases")
    qtbot.wait(100)
    sid, rid = _subject_with_record(staff["boss"])
    started, real, calls = threading.Event(), cases.open_case, []

    def open_case_while_a_job_asks(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:  # the form's second OK (its first is refused for want of a ground, R4)
            _job_queued_now(led, started, 1.0)  # the job asks for the writer while the form holds it
        return real(*args, **kwargs)
    monkeypatch.setattr(cases, "open_case", open_case_while_a_job_asks)
    case = _open_black_case(qtbot, view, sid, rid, shot)  # new_item raised LEDGER_BUSY here before
    assert len(calls) == 2 and not started.is_set()  # the job waits for the turn…
    qtbot.waitUntil(started.is_set, timeout=10_000)  # …and runs once it ended
    conn = views.open_reader(led.paths.db, staff["clerk"].desk.key)  # the job holds the writer now
    try:
        assert conn.execute("SELECT count(*) FROM cases WHERE subject_id = ?", (sid,)).fetchone()[0] == 1
    finally:
        conn.close()
    assert not writer_guard.all_misuse()
