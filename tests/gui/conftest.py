"""GUI fixtures: the Chinese translator installed, and a place for screenshots a person looks at."""

from __future__ import annotations

from pathlib import Path

import pytest

SHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def zh_translator(qapp):
    from credit_desk.gui.i18n import install_translator
    translator = install_translator(qapp, "zh")
    assert translator is not None, "the zh_CN catalogue (.qm) did not load"
    yield translator
    from credit_desk.gui.i18n import remove_translator
    remove_translator(qapp, translator)


@pytest.fixture
def english(qapp, zh_translator):
    """English mode for one test, then the session's own Chinese catalogues back. Tests that switched back with a
    fresh install_translator(qapp, "zh") left a second Chinese catalogue installed for the rest of the run, and a
    later English test then saw Chinese everywhere (test_words failed only after them)."""
    from credit_desk.gui import i18n
    i18n.remove_translator(qapp, zh_translator)
    i18n.install_translator(qapp, "en")
    yield
    i18n.reinstall_translator(qapp, zh_translator)


@pytest.fixture(autouse=True)
def writer_used_by_one_thread_at_a_time():
    """Issue 18: no statement on the session's writer connection from a thread that does not hold it (the GUI
    thread while a background job borrowed it, or a job that did not borrow it): such a read deadlocked the
    window (store/writer_guard.py logs each with its stack; every GUI test fails on one)."""
    from credit_desk.store import writer_guard
    writer_guard.clear_misuse()
    yield
    seen = writer_guard.all_misuse()
    writer_guard.clear_misuse()
    assert not seen, "the writer connection was used by a thread that did not hold it:\n" + "\n".join(
        f"--- {m['thread']} ({'while a job borrowed it' if m['borrowed'] else 'job did not borrow it'}):\n"
        f"{m['stack']}" for m in seen[:3])


@pytest.fixture
def shot():
    SHOTS.mkdir(exist_ok=True)

    def save(widget, name: str) -> Path:
        path = SHOTS / f"{name}.png"
        assert widget.grab().save(str(path)), path
        return path
    return save


@pytest.fixture
def seeded_admin(data_dir):
    """An office ledger with demo subjects and records (seeded by the administrator), and the admin's session."""
    from credit_desk.domain import demo as demo_ids
    from credit_desk.services import auth, demo, ledgers
    from tests.conftest import ADMIN_PW, PASSPHRASE
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    NOW["now"] = CLOCK
    desk.clock = lambda: NOW["now"]  # the ledger's clock mark (R14) is set by the same clock the tests move
    session = auth.login(desk, "admin", ADMIN_PW)
    demo.seed(session, subjects_n=300, records_n=3000, seed_value=7)
    # 49号 四(八): the cases and repairs the GUI stories open are decided by registered departments (the demo
    # records' authorities); the market regulator's 文号 prefix is the office's short name 清
    from credit_desk.services import departments
    rng = __import__("random").Random(7001)
    for name, domain, prefix in DEMO_DEPARTMENTS:
        departments.add_department(session, name=name, uscc=demo_ids.uscc(rng, "320812"), level="county",
                                   domain=domain, prefix=prefix)
    yield session
    desk.close()


@pytest.fixture
def seeded(seeded_admin):
    """The seeded office, and the session of its head (负责人 boss1, approver): the business screens are a
    business role's — the administrator does no business and sees no personal data (R14)."""
    from credit_desk.services import accounts, auth
    from tests.conftest import HEAD_NAME, USER_PW
    from credit_desk.services import departments
    accounts.add_user(seeded_admin, HEAD_NAME, "approver", USER_PW, "张负责")
    # R4 / 49号 四(八) 谁认定、谁负责: the head decides the market regulator's cases, so works for it
    departments.assign_user(seeded_admin, HEAD_NAME, DEMO_DEPARTMENTS[0][0])
    return auth.login(seeded_admin.desk, HEAD_NAME, USER_PW)


@pytest.fixture
def make_ctx(data_dir):
    """A GUI context for a session (settings in the data folder); closed after the test."""
    from credit_desk.gui.context import GuiContext, open_settings
    from credit_desk.gui.ops import Ops
    from credit_desk.services import browse
    made = []

    def make(session):
        ctx = GuiContext(session, Ops(), browse.Reader(session), open_settings(data_dir))
        made.append(ctx)
        return ctx
    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def window(qtbot, seeded, make_ctx):
    from credit_desk.gui.main_window import MainWindow
    win = MainWindow(make_ctx(seeded))
    qtbot.addWidget(win)
    win.resize(1280, 780)
    win.show()
    return win


DEMO_DEPARTMENTS = (("县市场监督管理局", "市场监管", "清"), ("国家税务总局县税务局", "税务", "清县税"),
                    ("县人民法院", "司法", "清法"), ("县生态环境局", "生态环境", "清环"),
                    ("县住房和城乡建设局", "住房城乡建设", "清建"), ("县人力资源和社会保障局", "人社", "清人社"),
                    ("县应急管理局", "应急管理", "清应急"), ("县交通运输局", "交通运输", "清交"),
                    ("县劳动人事争议仲裁委员会", "劳动人事争议仲裁", "清仲"))
CLOCK = __import__("datetime").datetime(2026, 11, 16, 9, 0)  # a Monday after the demo data's last decision
NOW = {"now": CLOCK}


@pytest.fixture
def staff(seeded_admin, seeded):
    """The seeded office with a clerk (经办), a reviewer (审核) and the head (负责人, ``boss``) besides the
    administrator, the desk's clock fixed on CLOCK."""
    from credit_desk.services import accounts, auth
    from tests.conftest import USER_PW
    desk = seeded_admin.desk
    NOW["now"] = CLOCK
    desk.clock = lambda: NOW["now"]
    accounts.add_user(seeded_admin, "clerk1", "clerk", USER_PW, "王经办")
    accounts.add_user(seeded_admin, "rev1", "reviewer", USER_PW, "李审核")
    from credit_desk.services import departments
    departments.assign_user(seeded_admin, "rev1", DEMO_DEPARTMENTS[0][0])  # R4: decides the regulator's cases
    return {"admin": seeded_admin, "boss": seeded, "clerk": auth.login(desk, "clerk1", USER_PW),
            "reviewer": auth.login(desk, "rev1", USER_PW)}


def set_now(when) -> None:
    """Move the shared desk clock (every session of the desk sees it)."""
    NOW["now"] = when


@pytest.fixture
def clerk_window(qtbot, staff, make_ctx):
    from credit_desk.gui.main_window import MainWindow
    win = MainWindow(make_ctx(staff["clerk"]))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


_WATCHERS: list[dict] = []  # when_modal's watchers of the running test; stopped when it ends


@pytest.fixture(autouse=True)
def watchers_end_with_their_test():
    """A when_modal watcher that never met its dialog (a test checking that no box comes) went on polling into
    the next tests and answered their boxes: test_no_keyring's "says nothing more" watcher (1.5 s) accepted the
    next test's "key could not be stored" warning before that test's own watcher saw it, whenever the box came
    up at a different moment of the 50 ms poll (an open on a worker thread: one run in two)."""
    yield
    for seen in _WATCHERS:
        seen["stopped"] = True
    _WATCHERS.clear()


def when_modal(qtbot, cls, act, timeout_ms: int = 8000, close_ms: int = 15000):
    """Run ``act(dialog)`` once a modal dialog of ``cls`` is up (exec() blocks the test otherwise).

    A dialog still open ``close_ms`` after ``act`` (a refusal shown in it, which a clerk would read and correct)
    is rejected and its sentence kept in ``seen["error"]``: the test fails with that sentence, it never hangs.
    The watcher stops when its test ends (watchers_end_with_their_test)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    seen = {"waited": 0}
    _WATCHERS.append(seen)
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}  # boxes an earlier test left open

    def find():
        # activeModalWidget() alone can name a modal left on Qt's stack by an earlier test: look at every
        # visible modal top-level of the class too, newest last.
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, cls) and id(dlg) not in before:
            return dlg
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, cls) and w.isVisible() and w.isModal() and id(w) not in before]
        return shown[-1] if shown else None

    def poll():
        if seen.get("stopped"):
            return
        dlg = find()
        if dlg is not None and "dlg" not in seen:
            seen["dlg"] = dlg
            try:
                act(dlg)
            except BaseException as exc:  # a failed check must fail the test, not leave exec() waiting
                seen["error"] = exc
                dlg.reject()
                raise
            QTimer.singleShot(close_ms, lambda: still_open(dlg))
        elif seen["waited"] < timeout_ms:
            seen["waited"] += 50
            QTimer.singleShot(50, poll)
    def still_open(dlg):
        try:
            if not dlg.isVisible():
                return
        except RuntimeError:  # already deleted: it closed
            return
        label = getattr(dlg, "form_error", None)
        shown = label.text() if label is not None else ""
        seen.setdefault("error", AssertionError(f"{cls.__name__} still open after its action: {shown or '(no message)'}"))
        dlg.reject()
    QTimer.singleShot(50, poll)
    return seen


@pytest.fixture
def work(staff, tmp_path, platform_dsn):
    """The staffed office with work in every area (see seed_work.py); its sync part needs the platform's
    PostgreSQL (requested here: the modules using this fixture need not name the intake)."""
    from tests.gui.seed_work import seed_all
    return {**seed_all(staff, tmp_path, CLOCK), "staff": staff}


@pytest.fixture
def work_window(qtbot, work, make_ctx):
    """The head's (负责人, approver) main window on the office with work in every area: every business area and
    every business button (the administrator sees none of them, R14)."""
    from credit_desk.gui.main_window import MainWindow
    win = MainWindow(make_ctx(work["staff"]["boss"]))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


@pytest.fixture
def admin_window(qtbot, seeded_admin, make_ctx):
    """The administrator's main window on the seeded office: accounts, settings, keys and backups only (R14)."""
    from credit_desk.gui.main_window import MainWindow
    win = MainWindow(make_ctx(seeded_admin))
    qtbot.addWidget(win)
    win.resize(1280, 780)
    win.show()
    return win


@pytest.fixture
def auditor_window(qtbot, seeded_admin, make_ctx):
    """The auditor's (审计 aud1) main window on the seeded office: reads the audit log."""
    from credit_desk.gui.main_window import MainWindow
    from credit_desk.services import accounts, auth
    from tests.conftest import USER_PW
    accounts.add_user(seeded_admin, "aud1", "auditor", USER_PW, "赵审计")
    win = MainWindow(make_ctx(auth.login(seeded_admin.desk, "aud1", USER_PW)))
    qtbot.addWidget(win)
    win.resize(1280, 780)
    win.show()
    return win


def wait_ops_idle(qtbot, ops, timeout: int = 10_000) -> None:
    """Every job of ``ops`` has ended and its result has been delivered to the GUI thread."""
    qtbot.waitUntil(lambda: ops.pool.activeThreadCount() == 0 and not ops._live, timeout=timeout)
