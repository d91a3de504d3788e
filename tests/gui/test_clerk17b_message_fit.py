"""Issue 17 item 4 seen in a real window (clerk17b, Xvfb 1366×768): the first start on a PC without a keyring tells
the clerk why every start will ask for the recovery passphrase — in a message box the screen fitter (gui/fit.py)
had squeezed to 215×109 with scroll bars both ways, two half lines readable. A QMessageBox sizes itself to its
wrapped text (its label's height for its width); before it is shown the fitter measured the label unwrapped as
too tall and moved the body into a scroll area, which the box then shrank to nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QScrollArea

from credit_desk.gui import fit
from tests.gui.conftest import SHOTS


def _shown_box(qtbot, qapp, box):
    """The box shown (not exec()'d: a modal wait left polling by an earlier test would take it) on the fitter."""
    fitter = fit.install(qapp)
    qtbot.addWidget(box)
    try:
        box.show()
        qtbot.waitExposed(box)
        qtbot.wait(50)
    finally:
        qapp.removeEventFilter(fitter)
    label = box.findChild(QLabel, "qt_msgbox_label")
    return {"size": box.size(), "scrolled": box.findChild(QScrollArea) is not None, "fits": fit.fits(box),
            "label": (label.height(), label.heightForWidth(label.width()),
                      box.rect().contains(label.geometry().translated(label.parentWidget().mapTo(box, label.pos())
                                                                      - label.pos()))),
            "shot": box.grab()}


def test_r14_the_no_keyring_message_shows_its_whole_text_on_a_fitted_screen(qtbot, qapp):
    from credit_desk.gui.keyring_help import message_box, no_keyring_text
    seen = _shown_box(qtbot, qapp, message_box(None, no_keyring_text()))
    SHOTS.mkdir(exist_ok=True)
    seen["shot"].save(str(SHOTS / "clerk17b_no_keyring_box.png"))
    assert not seen["scrolled"], seen["size"]
    height, wanted, inside = seen["label"]
    assert height >= wanted and inside, seen   # every line of the text is there, inside the box
    assert seen["size"].width() >= 400 and seen["fits"], seen["size"]


def test_a_long_warning_box_is_not_scrolled_into_a_sliver(qtbot, qapp):
    text = "。".join(["账本的一致性检查发现以下问题，请联系管理员处理"] * 12)
    seen = _shown_box(qtbot, qapp, QMessageBox(QMessageBox.Warning, "检查", text))
    assert not seen["scrolled"] and seen["label"][0] >= seen["label"][1], seen
