"""The interface font size of this PC (issue 17 item 11): one setting in 设置, applied to the whole application
at once and at every start; kept in the per-PC desktop.ini beside the language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from credit_desk.gui.widgets.notice import rescale

FONT_KEY = "ui/font_pt"
FONT_RANGE = (9, 20)  # points; below 9 Chinese is hard to read, above 20 the forms scroll more than they show


def default_size() -> int:
    """The platform's own size (what the application started with), in points."""
    app = QApplication.instance()
    size = app.property("defaultFontPt")
    if size is None:
        size = round(app.font().pointSizeF()) or 10
        app.setProperty("defaultFontPt", size)
    return int(size)


def saved_size(settings) -> int:
    """The size chosen on this PC, or the platform's default; always within FONT_RANGE."""
    default = default_size()
    try:
        size = int(settings.value(FONT_KEY, default))
    except (TypeError, ValueError):
        size = default
    return max(FONT_RANGE[0], min(FONT_RANGE[1], size))


def set_app_font(size: int) -> None:
    """Every widget without a font of its own follows the application font."""
    app = QApplication.instance()
    default_size()
    font = app.font()
    font.setPointSizeF(float(size))
    app.setFont(font)
    for widget in app.allWidgets():  # a widget with a style sheet resolved its font once: resolve it again
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
        rescale(widget)  # titles, headings, notes, fingerprints: relative to the new size


def apply_saved(settings) -> int:
    """At start: the saved size, if one was chosen."""
    size = saved_size(settings)
    if settings.contains(FONT_KEY):
        set_app_font(size)
    return size


def choose(settings, size: int) -> int:
    """The clerk picked a size in 设置: apply it now and keep it for the next start."""
    size = max(FONT_RANGE[0], min(FONT_RANGE[1], int(size)))
    set_app_font(size)
    settings.setValue(FONT_KEY, size)
    settings.sync()
    return size
