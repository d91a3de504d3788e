"""The main window: a shell of areas (left navigation, one view each), status bar, shortcuts, idle lock.

An area whose service is not in this version yet shows a plain notice instead of an empty page; the
area turns into its real view as soon as both its service module and its view module exist.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QStackedWidget, QWidget)

from credit_desk.atomic import owner_only
from credit_desk.gui.context import GuiContext
from credit_desk.gui.idle import IdleWatcher
from credit_desk.gui.labels import enum_words
from credit_desk.gui.widgets.notice import ComingSoonView
from credit_desk.services import ledgers, preferences


@dataclass(frozen=True)
class Area:
    key: str             # view module: gui/views/<key>_view.py, class <Key>View
    services: tuple      # service modules it needs (credit_desk.services.<name>)
    action: str = ""     # role action needed to see the area at all ("" = everyone)


# Each business area needs the role to carry its list action: the administrator, who holds no business
# permission (R14 separation of duties), sees the dashboard's tallies, sync (keys, status) and settings only.
AREAS = (
    Area("dashboard", ("browse",), "dashboard.view"),
    Area("subjects", ("subjects", "browse"), "subject.search"),
    Area("records", ("browse",), "record.browse"),
    Area("cases", ("cases",), "case.list"),
    Area("objections", ("objections",), "case.list"),
    Area("repair", ("repairs",), "repair.list"),
    Area("commitments", ("commitments",), "commitment.view"),
    Area("cleanup", ("cleanup",), "ledger.view"),
    Area("disclosure", ("disclosure",), "disclosure.view"),
    Area("checks", ("checks",), "check.view"),
    Area("documents", ("documents",), "document.list"),
    Area("sync", ("sync",), "bundle.view"),
    Area("audit", ("browse",), "audit.read"),
    Area("settings", ("preferences",)),
)


def area_available(area: Area) -> bool:
    """Both the services and the view exist (services land one issue at a time)."""
    names = [f"credit_desk.services.{s}" for s in area.services] + [f"credit_desk.gui.views.{area.key}_view"]
    return all(importlib.util.find_spec(n) is not None for n in names)


class MainWindow(QMainWindow):
    lockRequested = Signal()

    def __init__(self, ctx: GuiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = ctx.session
        info = ledgers.office_info(ctx.session.desk)
        self.setWindowTitle(self.tr("Credit Desk — %1").replace("%1", info["office"] or ""))
        self.setMinimumSize(QSize(960, 600))
        self.areas = [a for a in AREAS if not a.action or ctx.can(a.action)]
        self.views: dict[str, object] = {}
        self._build(info)
        self._shortcuts()
        self._restore_geometry()
        self.switching = False  # set by switch_user: the sign-in after this lock starts at an empty user name
        self.idle = IdleWatcher(preferences.idle_lock_minutes(ctx.session), self)
        self.idle.idle.connect(self.lock_now)
        self.idle.lock_key.connect(self.lock_now)  # Ctrl+L from any window of the app (R14)

    def titles(self) -> dict[str, str]:
        return {"dashboard": self.tr("Dashboard"), "subjects": self.tr("Credit subjects"),
                "records": self.tr("Dishonesty records"), "cases": self.tr("Listing cases"),
                "objections": self.tr("Objections"), "repair": self.tr("Credit repair"),
                "commitments": self.tr("Commitments and interviews"), "cleanup": self.tr("Clean-up ledger"),
                "disclosure": self.tr("Licences and penalties"), "checks": self.tr("Credit checks"),
                "documents": self.tr("Documents"), "sync": self.tr("Sync"), "audit": self.tr("Audit"),
                "settings": self.tr("Settings")}

    def coming_later(self) -> dict[str, str]:
        """What a clerk does meanwhile, per area still to come."""
        return {
            "cases": self.tr("Listing cases (black list, watch list, red list) with prior notice, objection "
                             "window, decision and exit will be handled here. Until then, keep using the "
                             "paper register."),
            "objections": self.tr("Objections to records, notices and listings will be registered and answered "
                                  "here, with their 10-working-day reply deadline."),
            "repair": self.tr("Credit repair applications (R13) will be received, decided and tracked here."),
            "commitments": self.tr("Credit commitment letters and reminder or warning interviews (R17, R18) "
                                   "will be recorded here."),
            "cleanup": self.tr("The clean-up ledger of the office's own rules (14-column national template) "
                               "with Excel import and export will be kept here."),
            "documents": self.tr("The register of numbered notices with preview and printing will be here."),
            "sync": self.tr("Exporting bundles to a USB folder, sending them, and importing receipts and "
                            "updates from the municipal platform will be done here."),
        }

    def _build(self, info: dict) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Areas"))
        self.nav.setFixedWidth(168)
        self.nav.setStyleSheet("QListWidget::item { padding: 7px 10px; }")
        self.stack = QStackedWidget()
        titles = self.titles()
        for area in self.areas:
            item = QListWidgetItem(titles[area.key])
            item.setData(Qt.UserRole, area.key)
            self.nav.addItem(item)
            self.stack.addWidget(QLabel())  # replaced by the view on first visit
        self._nav_font()
        self.nav.currentRowChanged.connect(self._show_area)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 6, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        user = self.session.user
        self.status_user = QLabel(self.tr("User: %1 (%2)    Office: %3 (%4)")
                                  .replace("%1", user.display_name).replace("%2", enum_words(user.role))
                                  .replace("%3", info["office"] or "").replace("%4", info["region"] or ""))
        self.status_user.setObjectName("statusUser")
        self.statusBar().addPermanentWidget(self.status_user)

    def _nav_font(self) -> None:
        """The area list a little larger than the text, following the interface font size (issue 17 item 11)."""
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        metrics = self.nav.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())),
                     default=0)
        # at most about twelve lines' height wide (some 200 px at the default size): a longer title wraps onto two
        # lines (in English 「Commitments and interviews」 made the area list 245 px wide, and the case and repair
        # panels slid under their lists at 1280×720, issue 17 item 1)
        self.nav.setWordWrap(True)
        self.nav.setFixedWidth(max(168, min(widest + 40, 12 * metrics.height())))  # the cap grows with the font

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.ApplicationFontChange, QEvent.FontChange):
            self._nav_font()
        super().changeEvent(event)

    def _shortcuts(self) -> None:
        for seq, method in ((QKeySequence.Find, "focus_search"), (QKeySequence.New, "new_item"),
                            (QKeySequence(Qt.Key_F5), "refresh")):
            QShortcut(seq, self, activated=lambda m=method: self._call_view(m))
        # Ctrl+L is the 文件 → 锁定 action's shortcut, and the idle watcher's from any other window: a second
        # QShortcut here made the key ambiguous and Ctrl+L locked nothing at all (clerk17b, Xvfb)
        from credit_desk.gui.menus import build_menus
        self.menus = build_menus(self)  # 文件 · 编辑 · 视图 · 工具 · 帮助 (issue 17 item 6)

    def show_about(self) -> None:
        from credit_desk.gui.about_dialog import AboutDialog
        AboutDialog(self.session.desk, self).exec()

    def _call_view(self, method: str) -> None:
        view = self.current_view()
        fn = getattr(view, method, None)
        if callable(fn):
            fn()

    # --- areas ----------------------------------------------------------------------------------
    def area_keys(self) -> list[str]:
        return [a.key for a in self.areas]

    def open_area(self, key: str):
        self.nav.setCurrentRow(self.area_keys().index(key))
        return self.views[key]

    def current_view(self):
        item = self.nav.currentItem()
        return self.views.get(item.data(Qt.UserRole)) if item else None

    def _show_area(self, row: int) -> None:
        if row < 0:
            return
        area = self.areas[row]
        if area.key not in self.views:
            view = self._make_view(area)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, view)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.views[area.key] = view
            self.ctx.events.watch(view)  # one refresh mechanism: the view's WATCHES, after every commit
        self.stack.setCurrentIndex(row)
        self.ctx.settings.setValue("window/area", area.key)

    def _make_view(self, area: Area):
        title = self.titles()[area.key]
        if not area_available(area):
            return ComingSoonView(title, self.coming_later().get(area.key, ""))
        module = importlib.import_module(f"credit_desk.gui.views.{area.key}_view")
        cls = getattr(module, area.key.capitalize() + "View")
        return cls(self.ctx, title, self)

    # --- window state and lock --------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.ctx.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 780)
        last = self.ctx.settings.value("window/area", "dashboard")
        keys = self.area_keys()
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    def start_checks(self):
        """After login: the daily expiry check and the automatic backup, off the GUI thread."""
        from credit_desk.gui.startup import StartupChecks, progress_text, status_text
        self.checks = StartupChecks(self.ctx, self)
        self.checks.progress.connect(lambda d, n: self.statusBar().showMessage(progress_text(d, n)))
        self.checks.finished.connect(lambda r: (self.statusBar().showMessage(status_text(r), 15_000),
                                                self._refresh_dashboard()))
        return self.checks.start()

    def _refresh_dashboard(self) -> None:
        view = self.views.get("dashboard")
        if view is not None and hasattr(view, "refresh"):
            view.refresh()

    def save_state(self) -> None:
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        self.ctx.settings.sync()
        owner_only(self.ctx.settings.fileName())

    def switch_user(self) -> None:
        """文件 → 切换用户: lock as ``lock_now`` does, but the sign-in that follows starts at an empty user name
        (a colleague types their own name there, not into the password box under this user's name)."""
        self.switching = True
        self.lock_now()

    def lock_now(self) -> None:
        """Hide everything and ask for the login again (R14: unattended desks show no data)."""
        self.save_state()
        self.idle.stop()
        self.lockRequested.emit()

    def resume(self) -> None:
        self.idle = IdleWatcher(preferences.idle_lock_minutes(self.ctx.session), self)
        self.idle.idle.connect(self.lock_now)
        self.idle.lock_key.connect(self.lock_now)  # Ctrl+L from any window of the app (R14)

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)

    def closeEvent(self, event) -> None:
        self.save_state()
        self.idle.stop()
        for view in self.views.values():
            if hasattr(view, "shutdown"):
                view.shutdown()
        self.ctx.close()
        super().closeEvent(event)
