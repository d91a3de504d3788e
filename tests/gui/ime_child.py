"""Child program of the real input-method test (tests/gui/test_chinese_input.py): one of the clerk's text fields,
focused:

- ``name``: the new-subject dialog's name (a QLineEdit in a dialog); the field clicked away to: its address;
- ``facts``: the new-record dialog's facts (a QPlainTextEdit, several lines); away: its document number;
- ``search``: the records area's search box in the main window (search as you type, R14); away: its purpose box;
- ``purpose``: that area's purpose box (an editable combo box's line edit); away: the search box.

Started as run_gui starts the program (gui/app.py start_qapplication: the input-method module, then the guard
that keeps half-typed input on a click elsewhere; IME_CHILD_NO_GUARD=1 leaves the guard out, for the control).
Prints ``IM <module>``, ``CLICK <x> <y>`` (the screen centre of the field to click away to) and ``READY``; when
the file named in argv[2] appears it prints ``TEXT <text of the field>`` and ``AWAY <text of the other field>``
once both have settled (``COMPOSING`` whenever the input method sends the field a preedit or commit text; then
``SEARCHED <texts>``: what the search box asked the ledger for, and ``FOCUS <name>``:
the field that has the focus at the end), and exits.

    python -m tests.gui.ime_child DATA_DIR DONE_FILE [name|facts|search|purpose]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _fields(ctx, target: str):
    """(window to show, the field typed into, the field clicked away to, its text getter)."""
    text = (lambda w: w.toPlainText() if hasattr(w, "toPlainText") else w.text())
    if target in ("name", "facts"):
        if target == "name":
            from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
            dlg = NewSubjectDialog(ctx)
            return dlg, dlg.ui.name, dlg.ui.address, text
        from dataclasses import asdict

        from credit_desk.gui.dialogs.new_record_dialog import NewRecordDialog
        from credit_desk.services import subjects
        subject = subjects.add_subject(ctx.session, kind="legal_person", name="清江浦甲公司", id_type="uscc",
                                       id_number="9132081239H4BXKFXR")
        dlg = NewRecordDialog(ctx, asdict(subject))
        return dlg, dlg.ui.facts, dlg.ui.docNumber, text
    from credit_desk.gui.main_window import MainWindow
    win = MainWindow(ctx)
    win.resize(1280, 760)
    bar = win.open_area("records").search
    search, purpose = bar.edit, bar.purpose.lineEdit()
    return (win, search, purpose, text) if target == "search" else (win, purpose, search, text)


def main(data_dir: str, done_file: str, target: str = "name") -> int:
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWidgets import QApplication

    from credit_desk.gui.app import prepare_qt_environment, start_qapplication
    if os.environ.get("IME_CHILD_NO_GUARD"):  # the control: the module choice only, without the click guard
        prepare_qt_environment()
        app = QApplication(sys.argv[:1])
    else:
        app = start_qapplication()  # as run_gui starts the program
    print("IM", os.environ.get("QT_IM_MODULE", "-"), flush=True)
    from credit_desk.gui.context import GuiContext, open_settings
    from credit_desk.gui.ops import Ops
    from credit_desk.services import accounts, auth, browse, ledgers
    desk, _ = ledgers.init_office(Path(data_dir), office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password="admin-pass-1", recovery_passphrase="correct horse battery staple")
    admin = auth.login(desk, "admin", "admin-pass-1")
    accounts.add_user(admin, "clerk1", "clerk", "user-pass-12", "王经办")
    session = auth.login(desk, "clerk1", "user-pass-12")
    ctx = GuiContext(session, Ops(), browse.Reader(session), open_settings(Path(data_dir)))
    window, field, away, text = _fields(ctx, target)
    searched = []
    if target in ("search", "purpose"):
        bar = window.open_area("records").search
        bar.searchRequested.connect(lambda t, _p: searched.append(t))
    if os.environ.get("IME_CHILD_TRACE"):  # what the input method sent, for a person looking into a failure
        from PySide6.QtCore import QEvent, QObject

        class Trace(QObject):
            def eventFilter(self, obj, ev):
                if ev.type() == QEvent.InputMethod:
                    print("EVENT im", obj.objectName(), repr(ev.preeditString()), repr(ev.commitString()),
                          flush=True)
                elif ev.type() in (QEvent.FocusIn, QEvent.FocusOut):
                    print("EVENT focus", obj.objectName(), ev.type().name, flush=True)
                return False
        trace = Trace(app)
        for w in (field, away):
            w.installEventFilter(trace)
    from PySide6.QtCore import QEvent, QObject

    class Composing(QObject):  # the script clicks away only once the input method shows something (a loaded
        def eventFilter(self, obj, ev):  # machine lags: a click before the pinyin arrived tested nothing)
            if ev.type() == QEvent.InputMethod and (ev.preeditString() or ev.commitString()):
                print("COMPOSING", len(ev.preeditString()), len(ev.commitString()), flush=True)
            return False
    composing = Composing(app)
    field.installEventFilter(composing)
    window.show()
    window.raise_()
    window.activateWindow()
    field.setFocus()

    def ready():
        centre = away.mapToGlobal(QPoint(away.width() // 2, away.height() // 2))
        print("CLICK", centre.x(), centre.y(), flush=True)
        print("READY", int(window.winId()), field.hasFocus(), flush=True)

    seen = {"texts": None, "since": 0.0, "waited": 0.0}

    def poll():  # after the last key: wait until the fields have not changed for 1.5 s (a loaded machine lags)
        if os.path.exists(done_file):
            texts = (text(field), text(away))
            if texts != seen["texts"]:
                seen["texts"], seen["since"] = texts, seen["waited"]
            if seen["waited"] - seen["since"] >= 1.5 or seen["waited"] >= 20:
                print("TEXT", texts[0].replace("\n", "\\n"), flush=True)
                print("AWAY", texts[1].replace("\n", "\\n"), flush=True)
                print("SEARCHED", "|".join(searched), flush=True)
                focus = app.focusWidget()
                print("FOCUS", focus.objectName() if focus is not None else "-", flush=True)
                app.quit()
                return
            seen["waited"] += 0.1
        QTimer.singleShot(100, poll)
    QTimer.singleShot(800, ready)
    QTimer.singleShot(900, poll)
    code = app.exec()
    ctx.close()
    desk.close()
    return code


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
