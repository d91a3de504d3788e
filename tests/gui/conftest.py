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
