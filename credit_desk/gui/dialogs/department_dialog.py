"""认定部门登记: the administrator registers a deciding department (49号 四(八); R4 / 1798号 (六)) — name, 统一社会信用
代码, level, field of administration and 文号 prefix — seeing the departments already registered. A thin shell over
``services.departments.add_department``: the validation (GB 32100 code, level, prefix) and the uniqueness are the
service's, every refusal is its sentence under the field it names, and the registration writes its audit row and
its change-log row there."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from credit_desk.gui.dialogs.case_dialogs import level_items
from credit_desk.gui.dialogs.form_dialog import FormDialog, combo, line
from credit_desk.gui.labels import level_words
from credit_desk.services import departments


class DepartmentDialog(FormDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, self.tr("Register a deciding department"), self.tr(
            "A listing is decided, and its notices and decision issued, by a registered deciding department in its "
            "own name and under its own number prefix (State Council General Office 2020 No. 49, IV (8)); it must be at county level or above (R4)."),
            parent, ok_text=self.tr("Register"))
        self.setMinimumWidth(720)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("departmentsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Unified social credit code"),
                                              self.tr("Level"), self.tr("Field"), self.tr("Number prefix")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(200)
        self.form.addRow(self.table)
        self.add_field("name", self.tr("Department name *"), line("deptName", self.tr("e.g. 县市场监督管理局")))
        self.add_field("uscc", self.tr("Unified social credit code *"), line("deptUscc", self.tr("18 characters")),
                       self.tr("As on the department's code certificate; it signs its documents under this code."))
        self.add_field("level", self.tr("Level *"), combo("deptLevel", level_items(self.tr("(choose)")), "county"),
                       self.tr("A township cannot decide any listing (R4, NDRC 2017 No. 1798, item 6)."))
        self.add_field("domain", self.tr("Field of administration *"), line("deptDomain", self.tr("e.g. 市场监管")))
        self.add_field("prefix", self.tr("Number prefix *"), line("deptPrefix", self.tr("e.g. 清市监")),
                       self.tr("Its notices are numbered prefix + type, e.g. 清市监信决〔2026〕1号."))
        self.load()

    def load(self) -> None:
        """The registered departments (names and codes of public bodies: no personal data)."""
        rows = departments.list_departments(self.ctx.session)
        self.table.setRowCount(len(rows))
        for i, d in enumerate(rows):
            for j, text in enumerate((d.name, d.uscc, level_words(d.level), d.domain, d.prefix)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def apply(self):
        return departments.add_department(self.ctx.session, name=self.value("name"), uscc=self.value("uscc"),
                                          level=self.value("level") or "", domain=self.value("domain"),
                                          prefix=self.value("prefix"))
