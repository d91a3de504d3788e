"""节假日安排: the administrator enters one year's rest days and make-up working days from the State Council
notice (issue 15; R6, R20). The service refuses to override chinesecalendar or a platform calendar unless
"replace" is ticked, and says what was replaced."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox

from credit_desk.domain.workcal import LIBRARY_YEARS
from credit_desk.gui.dialogs.form_dialog import FormDialog, line, text_box
from credit_desk.services import workdays


class HolidayDialog(FormDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, self.tr("Enter a year's holiday schedule"),
                         self.tr("Type the dates exactly as the State Council notice publishes them. Years the "
                                 "built-in calendar or the platform already carry are not replaced unless you "
                                 "tick the box."), parent)
        year = QSpinBox()
        year.setObjectName("year")
        year.setRange(2000, 2199)
        year.setValue(max(ctx.session.desk.today().year + 1, max(LIBRARY_YEARS) + 1))
        self.add_field("year", self.tr("Year"), year)
        self.add_field("rest_days", self.tr("Rest days"),
                       text_box("restDays", 4, "2027-01-01..2027-01-03\n2027-02-06..2027-02-14"),
                       self.tr("One date or range (from..to) per line."))
        self.add_field("workdays", self.tr("Make-up working days"), text_box("workDays", 2, "2027-02-20"),
                       self.tr("Saturdays or Sundays that are working days."))
        self.add_field("source", self.tr("Source document"), line("source", "国办发明电〔2026〕7号"))
        replace = QCheckBox(self.tr("Replace the built-in or the platform's schedule of this year"))
        replace.setObjectName("replace")
        self.add_field("replace", "", replace)

    def apply(self):
        return workdays.enter_holiday_year(self.ctx.session, self.value("year"), self.value("rest_days"),
                                           self.value("workdays"), self.value("source"), self.value("replace"))
