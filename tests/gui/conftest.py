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
    qapp.removeTranslator(translator)


@pytest.fixture
def shot():
    SHOTS.mkdir(exist_ok=True)

    def save(widget, name: str) -> Path:
        path = SHOTS / f"{name}.png"
        assert widget.grab().save(str(path)), path
        return path
    return save


@pytest.fixture
def seeded(data_dir):
    """An office ledger with demo subjects and records, and the admin's session."""
    from credit_desk.services import auth, demo, ledgers
    from tests.conftest import ADMIN_PW, PASSPHRASE
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    session = auth.login(desk, "admin", ADMIN_PW)
    demo.seed(session, subjects_n=300, records_n=3000, seed_value=7)
    yield session
    desk.close()


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
