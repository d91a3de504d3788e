"""工作台 dashboard: tallies, the monthly trend, due and overdue items, the last sync."""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from credit_desk.gui.labels import enum_words
from credit_desk.gui.latest import Latest, leased
from credit_desk.gui.widgets.bar_chart import BarChart
from credit_desk.gui.widgets.notice import HINT_STYLE, card, note_label, title_label
from credit_desk.domain.due import DueKind
from credit_desk.services import browse

TREND_MONTHS = 12
DUE_ROWS = 50


def has_service(name: str) -> bool:
    return importlib.util.find_spec(f"credit_desk.services.{name}") is not None


class DashboardView(QWidget):
    WATCHES = None  # refreshed (gui/events.py) after every committed change

    def __init__(self, ctx, title: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._reads = Latest(ctx.ops)  # refreshed after every commit: older tallies ending late never come back
        self.tallies: dict[str, QLabel] = {}
        box = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(title_label(title))
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupAge")
        # the warning wraps under a narrow window instead of being cut mid-word (「也可请管理员备」 at 800 px; att39c)
        self.backup_label.setWordWrap(True)
        self.backup_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        head.addWidget(self.backup_label, 1)
        head.addSpacing(16)
        self.updated = QLabel()
        self.updated.setStyleSheet(HINT_STYLE)
        head.addWidget(self.updated)
        box.addLayout(head)
        row = QHBoxLayout()
        for key, heading in (("kind", self.tr("Subjects by kind")), ("tier", self.tr("Records by tier")),
                             ("status", self.tr("Records by status"))):
            self.tallies[key] = QLabel(self.tr("Counting…"))
            self.tallies[key].setObjectName(f"tally_{key}")
            self.tallies[key].setTextFormat(Qt.RichText)
            self.tallies[key].setAlignment(Qt.AlignTop | Qt.AlignLeft)
            row.addWidget(card(heading, self.tallies[key]), 1)
        box.addLayout(row)
        self.chart = BarChart(self.tr("Records per decision month (last 12 months)"))
        self.chart.setObjectName("trend")
        self.chart.set_note(self.tr("Counting…"))
        box.addWidget(card(self.tr("Monthly trend"), self.chart), 2)
        lower = QHBoxLayout()
        lower.addWidget(card(self.tr("Due and overdue"), self._due_box()), 3)
        lower.addWidget(card(self.tr("Platform sync"), self._sync_box()), 2)
        box.addLayout(lower, 1)
        self.refresh()

    def _due_box(self) -> QWidget:
        if not has_service("due"):
            return note_label(self.tr("Deadlines (objection replies, decisions, sharing with the platform) "
                                      "will be listed here once listing cases arrive in a coming version."))
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        self.due_summary = QLabel()
        self.due_summary.setObjectName("dueSummary")
        self.due = QTableWidget(0, 3)
        self.due.setObjectName("dueTable")
        self.due.setHorizontalHeaderLabels([self.tr("Due date"), self.tr("Type of deadline"), self.tr("Item")])
        self.due.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.due.verticalHeader().setVisible(False)
        self.due.horizontalHeader().setStretchLastSection(True)
        self.due.setColumnWidth(0, 150)
        self.due.setColumnWidth(1, 120)
        self.due.setToolTip(self.tr("Double-click (or Enter) opens the item."))
        self.due.itemActivated.connect(lambda cell: self.open_due(cell.row()))
        self.due_items: list = []
        self._due_reads = Latest(self.ctx.ops)  # only the newest refresh's due list fills the table
        self.setup = QLabel()
        self.setup.setObjectName("setupSteps")
        self.setup.setTextFormat(Qt.RichText)
        self.setup.setWordWrap(True)
        self.setup.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.setup.hide()
        v.addWidget(self.due_summary)
        v.addWidget(self.setup)
        v.addWidget(self.due, 1)
        return w

    def setup_steps(self) -> list[tuple[bool, str]]:
        """What an administrator does before the office can work (issue 17 items 6 and 12, clerk17): the first
        start ended on an empty dashboard, and nothing said that business accounts, a deciding department with its
        staff (R4) and the platform's key (R6) come first, nor where each is done."""
        from credit_desk.domain.roles import Role
        from credit_desk.services import accounts, departments, sync
        users = [u for u in accounts.list_users(self.ctx.session) if u.active]
        seniors = [u.username for u in users if u.role in (Role.REVIEWER, Role.APPROVER)]
        depts = departments.list_departments(self.ctx.session)
        placed = any(departments.user_department(self.ctx.session, u) is not None for u in seniors)
        return [
            (any(u.role is Role.CLERK for u in users) and bool(seniors),
             self.tr("Add the business accounts: clerks, and reviewers or heads (Settings → Users and roles)")),
            (bool(depts), self.tr("Register the deciding departments (Settings → Deciding departments)")),
            (placed, self.tr("Put each department's reviewers and heads in it: only they decide its listings "
                             "(Settings → Accounts)")),
            (sync.status(self.ctx.session)["platform_pinned"],
             self.tr("Import the platform's key and compare its fingerprints by phone (Sync → Import the "
                     "platform's key file…)"))]

    def _show_setup(self) -> None:
        steps = self.setup_steps()
        if all(done for done, _ in steps):
            self.setup.hide()
            return
        rows = "".join(f"<p>{'✓' if done else '○'}&nbsp;{text}</p>" for done, text in steps)
        head = self.tr("Before the office starts work")
        self.setup.setText(f"<p><b>{head}</b></p>{rows}")
        self.setup.show()

    def _sync_box(self) -> QWidget:
        if not has_service("sync"):
            return note_label(self.tr("The last sync and what is waiting to be sent will be shown here once "
                                      "platform sync arrives in a coming version."))
        self.sync_label = QLabel()
        self.sync_label.setObjectName("syncStatus")
        self.sync_label.setWordWrap(True)
        self.sync_label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        return self.sync_label

    def _show_due(self) -> None:
        """The due list is read on a background job with a reader-pool connection, never on the GUI thread (issue
        18: after a 3,000-row 双公示 import the window stood still 405–596 ms while every open deadline loaded; 81 ms
        at 1M records); only the rows are filled here. A newer refresh cancels the older read, and an older result
        arriving late, or its failure, is dropped (``gui.latest.Latest``)."""
        from credit_desk.services import due
        ctx = self.ctx
        if not self.due_summary.text():  # the first load; later ones keep the last list until the new one is in
            self.due_summary.setText(self.tr("Counting…"))

        def work(job):
            with leased(ctx.reader, job) as conn:  # never the writer: a background job may be writing through it
                items = due.due_items(ctx.session, conn=conn)
            return len(items), sum(1 for i in items if i.overdue), items[:DUE_ROWS]
        self._due_reads.run(work, self._fill_due, parent=self, failed=self._due_failed)

    def _fill_due(self, result) -> None:
        total, late, items = result
        summary = self.tr("%1 open deadline, %2 overdue") if total == 1 else self.tr("%1 open deadlines, %2 overdue")
        self.due_summary.setText(summary.replace("%1", str(total)).replace("%2", str(late)))
        self.due.setRowCount(len(items))
        self.due_items = items
        for row, item in enumerate(items):
            label = item.label_en if self.ctx.lang == "en" else item.label_zh
            kind = enum_words(DueKind(item.kind)) if item.kind in DueKind._value2member_map_ else item.kind
            overdue = self.tr(" (overdue)") if item.overdue else ""
            for col, text in enumerate((item.due_date.isoformat() + overdue, kind, label)):
                cell = QTableWidgetItem(text)
                if item.overdue:
                    cell.setForeground(QColor("#b00020"))
                self.due.setItem(row, col, cell)

    def _due_failed(self, _exc) -> None:
        if self.due_summary.text() == self.tr("Counting…"):  # the first read: nothing is coming (fix18f)
            self.due_summary.setText(self.tr("Deadlines not known (reading failed)"))

    # where each kind of due item is worked on: (area, how the area opens one object)
    OPENS = {"case": "cases", "objection": "objections", "repair": "repair", "record": "records",
             "admin_decision": "disclosure", "supervision_flag": "commitments", "interview_plan": "commitments"}

    def open_due(self, row: int):
        """Double-click on a deadline: its case opens in 名单案件 (other items: their area, selected there)."""
        if not 0 <= row < len(self.due_items):
            return None
        item, win = self.due_items[row], self.window()
        area = self.OPENS.get(item.object_type)
        if area is None or not hasattr(win, "open_area") or area not in win.area_keys():
            return None
        view = win.open_area(area)
        if item.object_type == "case" and hasattr(view, "panel"):
            view.panel.show_case(int(item.object_id))
        elif hasattr(view, "select_id"):
            view.select_id(int(item.object_id))
        return view

    def _show_sync(self) -> None:
        from credit_desk.services import sync
        st = sync.status(self.ctx.session)
        quarantined = len(st.get("quarantine") or [])
        self.sync_label.setText(self.tr("Bundles made so far: %1\nWaiting to be sent: %2\nChanges not yet in a "
                                        "bundle: %3\nReturned by the platform: %4")
                                .replace("%1", str(st["last_seq"])).replace("%2", str(len(st["pending"])))
                                .replace("%3", str(st["unbundled_changes"])).replace("%4", str(quarantined)))

    def _show_backup(self) -> None:
        """The last backup's age; in red when there is none or it is older than the warning age."""
        from credit_desk.services import backup
        last = backup.last_backup_at(self.ctx.session.ledger.paths)
        now = self.ctx.session.desk.now()
        if last is None:
            text, old = self.tr("No backup of this ledger yet"), True
        else:
            days = max(0, (now - last).days)
            text = self.tr("Last backup: %1 (%2 days ago)").replace("%1", last.strftime("%Y-%m-%d %H:%M")) \
                .replace("%2", str(days))
            old = days > backup.WARN_AGE_DAYS
        if old:
            text = "⚠ " + text + self.tr(" — one is made automatically at the next start, or ask the administrator")
        self.backup_label.setText(text)
        self.backup_label.setStyleSheet("color: #b00020; font-weight: bold;" if old else "color: #1b7f3b;")

    def refresh(self) -> None:
        ctx = self.ctx
        self._show_backup()
        if hasattr(self, "due") and ctx.can("due.view"):
            self._show_due()
        elif hasattr(self, "due"):  # the administrator: deadlines name parties (R14 separation of duties)
            self.due_summary.setText(self.tr("Deadlines are shown to the business roles only."))
            if self.due.isVisibleTo(self):  # an empty table the administrator never fills; the lines stay on top
                self.due.hide()
                self.due.parentWidget().layout().addStretch(1)
            if ctx.can("user.manage"):
                self._show_setup()
        if hasattr(self, "sync_label"):
            self._show_sync()

        def work(job):
            with leased(ctx.reader, job):
                return (browse.dashboard_counts(ctx.session, ctx.reader, ctx.lang),
                        browse.monthly_trend(ctx.session, ctx.reader, ctx.session.desk.today(), TREND_MONTHS))
        self._reads.run(work, self._show, parent=self, failed=self._not_shown)

    def _not_shown(self, _exc) -> None:
        """The tallies' first read failed: 「正在统计…」 would stay for good (fix18f); later ones keep the last numbers
        (with their "As of" time)."""
        for label in self.tallies.values():
            if label.text() == self.tr("Counting…"):
                label.setText(self.tr("Not known (reading failed)"))
        if not self.chart.points:  # the trend is read with them: empty, it read as no records for a year (att38a)
            self.chart.set_note(self.tr("Not known (reading failed)"))

    def _show(self, result) -> None:
        counts, trend = result
        for key, pairs in counts.items():
            rows = "".join(f"<tr><td>{label}</td><td align='right'>&nbsp;&nbsp;<b>{n:,}</b></td></tr>"
                           for label, n in pairs)
            self.tallies[key].setText(f"<table cellspacing='3'>{rows}</table>")
        self.chart.set_points([(m[2:].replace("-", "/"), n) for m, n in trend])
        self.updated.setText(self.tr("As of %1").replace("%1", self.ctx.session.desk.now().strftime("%Y-%m-%d %H:%M")))
