"""Cold start of the desktop application to a usable dashboard, in a child process (issue 9).

    python -m credit_desk.gui.bench_probe DATA_DIR        # the application: unlock, login, dashboard
    python -m credit_desk.gui.bench_probe --bare          # the floor: Qt alone showing an empty window

The ledger key comes in CREDIT_DESK_BENCH_KEY (hex, a throwaway bench ledger) and goes into an in-memory
keyring, so the unlock takes the keyring path of a normal start without touching the user's keyring. The
child follows run_gui's steps (gui/app.py: StartFlow.open_desk, auth.login as the login dialog does, Shell)
and prints, when the dashboard shows its counts, ``CREDIT_DESK_DASHBOARD <unix time> <peak RSS KiB>``; then
it opens the records area, waits for its first page and prints ``CREDIT_DESK_RECORDS <unix time> <peak KiB>``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

MARKER, RECORDS_MARKER = "CREDIT_DESK_DASHBOARD", "CREDIT_DESK_RECORDS"
TIMEOUT_MS = 60_000


def _peak_kib() -> int:
    """Peak RSS of this process. VmHWM, not getrusage: Linux carries ru_maxrss across exec, so a child
    started from a big bench process would report its parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass  # no /proc here: the rusage figure below is the fallback, nothing is lost
    try:
        import resource  # POSIX only; the bench CLI imports this module on Windows too
    except ImportError:
        return 0  # Windows: no peak figure (the timing is still measured)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB (elsewhere: the best there is)


def _say(marker: str) -> None:
    print(f"{marker} {time.time():.3f} {_peak_kib()}", flush=True)


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.resize(1200, 800)
    w.show()
    QTimer.singleShot(0, lambda: (_say(MARKER), app.quit()))
    return app.exec()


def app_start(folder: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from credit_desk.bench.seeding import PASSWORD, MemoryKeyring, private_keyring
    from credit_desk.gui.app import Shell, StartFlow
    from credit_desk.gui.context import open_settings
    from credit_desk.services import auth
    from credit_desk.store import keys
    from credit_desk.store.ledger import LedgerPaths

    app = QApplication(sys.argv[:1])
    kr = MemoryKeyring()
    kr.set_password(keys.KEYRING_SERVICE, LedgerPaths(folder).ledger_id(), os.environ["CREDIT_DESK_BENCH_KEY"])
    flow = StartFlow(folder)
    with private_keyring(kr):
        desk = flow.open_desk()
    session = auth.login(desk, "admin", PASSWORD)
    settings = open_settings(folder)
    settings.setValue("window/area", "dashboard")  # every run starts where a clerk's day starts
    window = Shell(flow, desk, settings, "zh").open(session)
    state = {"step": "dashboard"}

    def poll():
        if state["step"] == "dashboard":
            view = window.views.get("dashboard")
            if view is not None and "<table" in view.tallies["kind"].text():
                _say(MARKER)
                state["step"] = "records"
                state["view"] = window.open_area("records")
        elif state["step"] == "records":
            model = state["view"].model
            if model.rowCount() > 0 and not model.loading:
                state["step"] = "records_shown"
        elif state["step"] == "records_shown":
            _say(RECORDS_MARKER)
            state["step"] = "done"
            app.quit()
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(2)
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    try:
        return app.exec()
    finally:
        desk.close()


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--bare":
        return bare()
    return app_start(Path(argv[0]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
