"""Child program of the real input-method test (tests/gui/test_chinese_input.py): the program's own start-up
step for the input method (gui/app.py prepare_qt_environment, as run_gui does it), then the new-subject form with
its name field focused. Prints ``IM <module>`` and ``READY``; when the file named in argv[2] appears it prints
``NAME <text of the name field>`` once it has settled, and exits.

    python -m tests.gui.ime_child DATA_DIR DONE_FILE
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(data_dir: str, done_file: str) -> int:
    from credit_desk.gui.app import prepare_qt_environment
    prepare_qt_environment()
    print("IM", os.environ.get("QT_IM_MODULE", "-"), flush=True)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from credit_desk.gui.context import GuiContext, open_settings
    from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
    from credit_desk.gui.ops import Ops
    from credit_desk.services import accounts, auth, browse, ledgers
    app = QApplication(sys.argv[:1])
    desk, _ = ledgers.init_office(Path(data_dir), office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password="admin-pass-1", recovery_passphrase="correct horse battery staple")
    admin = auth.login(desk, "admin", "admin-pass-1")
    accounts.add_user(admin, "clerk1", "clerk", "user-pass-12", "王经办")
    session = auth.login(desk, "clerk1", "user-pass-12")
    ctx = GuiContext(session, Ops(), browse.Reader(session), open_settings(Path(data_dir)))
    dlg = NewSubjectDialog(ctx)
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    dlg.ui.name.setFocus()

    def ready():
        print("READY", int(dlg.winId()), dlg.ui.name.hasFocus(), flush=True)

    seen = {"text": None, "since": 0.0, "waited": 0.0}

    def poll():  # after the last key: wait until the field has not changed for 1.5 s (a loaded machine lags)
        if os.path.exists(done_file):
            text = dlg.ui.name.text()
            if text != seen["text"]:
                seen["text"], seen["since"] = text, seen["waited"]
            if seen["waited"] - seen["since"] >= 1.5 or seen["waited"] >= 20:
                print("NAME", text, flush=True)
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
    sys.exit(main(sys.argv[1], sys.argv[2]))
