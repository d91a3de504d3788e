"""双公示 at 1366×768 (issue 19 attack, a clerk's look; R21): every decision's 决定书文号 is read whole — the
column kept its wished width, so 清市监罚〔2026〕101号 and …102号 no longer both show as 「清市监罚〔2026〕…」."""

from __future__ import annotations

from credit_desk.gui.main_window import MainWindow
from tests.conftest import TEST_NOW
from tests.e2e.disclosure_kit import fifty_penalties, write_sheet
from tests.gui.test_disclosure_gui import office  # noqa: F401

TODAY = TEST_NOW.date()


def test_r21_the_decision_number_is_never_cut_on_a_small_screen(qtbot, office, make_ctx, tmp_path, shot):  # noqa: F811
    win = MainWindow(make_ctx(office["clerk"]))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    view = win.open_area("disclosure")
    write_sheet(tmp_path / "dept.xlsx", fifty_penalties(TODAY))
    view.import_sheet(str(tmp_path / "dept.xlsx"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 50 and not view.model.loading, timeout=20_000)
    col = view.model.KEYS.index("doc_number")
    metrics = view.table.fontMetrics()
    widest = max(metrics.horizontalAdvance(view.model.data(view.model.index(i, col))) for i in range(50))
    assert view.table.columnWidth(col) >= widest + 8, (view.table.columnWidth(col), widest)
    shot(win, "disclosure_1366")


def test_r21_the_entry_form_marks_what_a_penalty_needs(qtbot, office, make_ctx):  # noqa: F811
    """R21: 违法事实, 处罚依据 and 失信行为分级 are required for a penalty; the form marked only the elements both kinds
    need, so a clerk learnt of these three only from the refusal."""
    from PySide6.QtWidgets import QLabel
    win = MainWindow(make_ctx(office["clerk"]))
    qtbot.addWidget(win)
    view = win.open_area("disclosure")
    dlg = view.new_decision(dialog_only=True)
    labels = {}
    for key, widget in dlg.fields.items():
        holder = widget.parentWidget()
        label = dlg.form.labelForField(holder)
        labels[key] = label.text() if isinstance(label, QLabel) else ""
    for key in ("facts", "basis", "tier"):
        assert "行政处罚必填" in labels[key], (key, labels[key])
    assert labels["doc_number"].endswith("＊") and "＊" not in labels["note"] and "行政处罚必填" not in labels["content"]


def test_r21_a_workbook_with_a_licence_sheet_and_a_penalty_sheet_asks_which_one(qtbot, office, make_ctx,  # noqa: F811
                                                                                tmp_path):
    """A department sends one workbook with its 行政许可 and 行政处罚 sheets: the window could only say that
    the sheet must be named (the --sheet of the command line); it now asks which one and imports it."""
    from openpyxl import Workbook

    from credit_desk.domain.disclosure import FIELDS
    from credit_desk.sheets.disclosure_xlsx import HEADERS
    rows = fifty_penalties(TODAY)
    wb = Workbook()
    for title, part in (("行政许可", []), ("行政处罚", rows[:5])):
        ws = wb.create_sheet(title)
        ws.append(list(HEADERS))
        for row in part:
            ws.append([row.get(f.key, "") for f in FIELDS])
    wb.remove(wb["Sheet"])
    wb.save(tmp_path / "both.xlsx")
    win = MainWindow(make_ctx(office["clerk"]))
    qtbot.addWidget(win)
    view = win.open_area("disclosure")
    asked = []
    view.ask_sheet = lambda names, why: asked.append((names, why)) or "行政处罚"
    view.import_sheet(str(tmp_path / "both.xlsx"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 5 and not view.model.loading, timeout=20_000)
    assert asked and asked[0][0] == ["行政许可", "行政处罚"]
