"""Cold start of the desktop application to a usable dashboard, in a child process (issue 9).

    python -m credit_desk.gui.bench_probe DATA_DIR        # the application: unlock, login, dashboard
    python -m credit_desk.gui.bench_probe --bare          # the floor: Qt alone showing an empty window
    python -m credit_desk.gui.bench_probe --load DATA_DIR OUT_DIR [ROWS SEARCHES DOCS]   # the window under load

The ledger key comes in CREDIT_DESK_BENCH_KEY (hex, a throwaway bench ledger) and goes into an in-memory
keyring, so the unlock takes the keyring path of a normal start without touching the user's keyring. The
child follows run_gui's steps (gui/app.py: StartFlow.open_desk, auth.login as the login dialog does, Shell)
and prints, when the dashboard shows its counts, ``CREDIT_DESK_DASHBOARD <unix time> <peak RSS KiB>``; then
it opens the records area, waits for its first page and prints ``CREDIT_DESK_RECORDS <unix time> <peak KiB>``.

``--load`` (issue 18: the window under load, as a clerk of the business roles, ``clerk1``): once the start-up jobs
are done, the longest interval of a 10 ms timer on the GUI thread while the window idles (the floor), while the
records list is scrolled to ROWS rows (default 100,000), while SEARCHES searches (default 100) run in its search
box, while DOCS issued notices (default 2) print as one batch from the 文书 register (to a PDF printer in
OUT_DIR), and while the start-up job makes the automatic backup (its "last backup" mark removed first, so one is
due); and the peak memory after the scrolling and the searches. Lines ``CREDIT_DESK_GAP <phase> <longest ms>
<ticks> <count> <gaps over 100 ms>`` and ``CREDIT_DESK_LOAD_MEMORY <peak KiB> <KiB at the first page> <rows> <searches>``. It writes
only into DATA_DIR (audit rows of the searches and looks, the backup) and OUT_DIR (the printed PDF).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

MARKER, RECORDS_MARKER = "CREDIT_DESK_DASHBOARD", "CREDIT_DESK_RECORDS"
GAP_MARKER, MEMORY_MARKER = "CREDIT_DESK_GAP", "CREDIT_DESK_LOAD_MEMORY"
TIMEOUT_MS = 60_000
LOAD_TIMEOUT_S = 1800
TICK_MS = 10
# the search box's texts: fragments of 文号, codes, ID numbers and surnames, a whole code, one that matches nothing
SEARCHES = ("王", "〔2024〕", "9132", "张", "320812", "决〔", "李", "91320812", "清", "没有这个名字的主体")


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
    from credit_desk.gui.ops import set_gui_switch_interval
    set_gui_switch_interval()  # as the program does (gui/app.start_qapplication)
    w = QMainWindow()
    w.resize(1200, 800)
    w.show()
    QTimer.singleShot(0, lambda: (_say(MARKER), app.quit()))
    return app.exec()


def _open_window(folder: Path, user: str):
    """The ledger opened on the keyring path (the bench's key in a keyring of this process only), ``user`` signed
    in, the main window shown on the dashboard, where a clerk's day starts: (desk, session, window)."""
    from credit_desk.bench.seeding import PASSWORD, MemoryKeyring, private_keyring
    from credit_desk.gui.app import Shell, StartFlow
    from credit_desk.gui.context import open_settings
    from credit_desk.services import auth
    from credit_desk.store import keys
    from credit_desk.store.ledger import LedgerPaths
    kr = MemoryKeyring()
    kr.set_password(keys.KEYRING_SERVICE, LedgerPaths(folder).ledger_id(), os.environ["CREDIT_DESK_BENCH_KEY"])
    flow = StartFlow(folder)
    with private_keyring(kr):
        desk = flow.open_desk()
    session = auth.login(desk, user, PASSWORD)
    settings = open_settings(folder)
    settings.setValue("window/area", "dashboard")
    return desk, session, Shell(flow, desk, settings, "zh").open(session)


def app_start(folder: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from credit_desk.gui.ops import set_gui_switch_interval
    set_gui_switch_interval()  # as the program does (gui/app.start_qapplication)
    desk, session, window = _open_window(folder, "admin")
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


def _rss_kib() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass  # no /proc (Windows): no figure
    return 0


def _until(cond, timeout_s: float = LOAD_TIMEOUT_S) -> None:
    """Run the event loop (nested, as a modal wait does) until ``cond()``."""
    from PySide6.QtCore import QEventLoop, QTimer
    end = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("the GUI probe waited too long")
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()


def _longest_gap(during) -> tuple[float, int, int]:
    """The longest interval (ms) between ticks of a 10 ms timer on the GUI thread while ``during()`` runs, the
    number of ticks and the number of intervals over 100 ms (issue 18's goal)."""
    from PySide6.QtCore import QTimer
    ticks = [time.perf_counter()]  # a loop blocked from the start still counts
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    during()
    timer.stop()
    ticks.append(time.perf_counter())
    gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:])]
    return max(gaps), len(ticks), sum(g > 100 for g in gaps)


def _gap(phase: str, during, count=lambda: 0) -> None:
    longest, ticks, over = _longest_gap(during)
    print(f"{GAP_MARKER} {phase} {longest:.1f} {ticks} {count()} {over}", flush=True)


def load(folder: Path, out: Path, rows: int, searches: int, docs: int) -> int:
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from credit_desk.gui.models.documents_model import PRINTED
    from credit_desk.services import backup
    from credit_desk.store.ledger import LedgerPaths

    app = QApplication(sys.argv[:1])
    from credit_desk.gui.ops import set_gui_switch_interval
    set_gui_switch_interval()  # as the program does (gui/app.start_qapplication)
    desk, session, window = _open_window(folder, "clerk1")  # R14: records and notices are a business role's
    pool = window.ctx.ops.pool
    try:
        # the start-up jobs first (expiry check, backup when due, the whole-file read when due): the floor and
        # every figure are measured on a window with nothing else running
        _until(lambda: window.checks.result is not None and pool.activeThreadCount() == 0)
        _wait_s(0.5)  # what the end of the start-up jobs queued (the dashboard's refresh) is done
        _gap("idle", lambda: _wait_s(2.0))

        view = window.open_area("records")
        _until(lambda: view.model.rowCount() > 0 and not view.model.loading)
        base = _rss_kib()

        def scroll():
            while view.model.rowCount() < rows:
                before = view.model.rowCount()
                view.table.scrollToBottom()
                _until(lambda: not view.model.loading)
                if view.model.rowCount() == before and not view.model.canFetchMore():
                    break
        _gap("scroll", scroll, lambda: view.model.rowCount())
        scrolled = view.model.rowCount()

        def search():
            view.search.purpose.setEditText("性能核查")
            for i in range(searches):  # the same text twice in a row is not searched again: a space tells them apart
                view.search.edit.setText(SEARCHES[i % len(SEARCHES)] + " " * (i // len(SEARCHES) % 2))
                view.search.fire_now()
                _until(lambda: not view.model.loading and "…" not in view.count.text())
        _gap("search", search, lambda: searches)
        print(f"{MEMORY_MARKER} {_peak_kib()} {base} {scrolled} {searches}", flush=True)

        register = window.open_area("documents")
        _until(lambda: not register.model.loading)
        register.status_filter.setCurrentIndex(register.status_filter.findData("issued"))  # as a clerk picks them
        _until(lambda: not register.model.loading and register.model.rowCount() > 0)
        register.purpose.setText("批量打印核对")
        chosen = 0
        for i in range(register.model.rowCount()):
            if chosen < docs and register.model.row(i)["status"] in PRINTED:
                register.table.selectionModel().select(register.model.index(i, 0),
                                                       QItemSelectionModel.Select | QItemSelectionModel.Rows)
                chosen += 1
        printer = QPrinter(QPrinter.HighResolution)
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(out / "batch.pdf"))
        state = {}

        def print_batch():
            state["job"] = register.print_selected(printer)
            _until(lambda: state["job"] is None or state["job"].finished)
        _gap("print", print_batch, lambda: chosen)

        backup._state_file(LedgerPaths(folder)).unlink(missing_ok=True)  # so the start-up job makes one now
        steps = []

        def back_up():
            window.start_checks()
            window.checks.progress.connect(lambda d, n: steps.append(d))
            _until(lambda: window.checks.result is not None)
        _gap("backup", back_up, lambda: len(steps))
        if not window.checks.result.get("backup"):
            print("CREDIT_DESK_LOAD_ERROR no backup was made", flush=True)
            return 1
        return 0
    finally:
        window.ctx.ops.close()
        window.close()
        desk.close()
        app.quit()


def _wait_s(seconds: float) -> None:
    end = time.monotonic() + seconds
    _until(lambda: time.monotonic() >= end)


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--bare":
        return bare()
    if argv and argv[0] == "--load":
        rows, searches, docs = (int(x) for x in (argv[3:] + ["100000", "100", "2"][len(argv[3:]):]))
        return load(Path(argv[1]), Path(argv[2]), rows, searches, docs)
    return app_start(Path(argv[0]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
