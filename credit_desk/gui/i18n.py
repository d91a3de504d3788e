"""Loading the translations: zh_CN first, English as the second language (source strings are English)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTranslator

from credit_desk.resources_path import resources_dir


def install_translator(app, lang: str = "zh") -> QTranslator | None:
    """Install the Chinese catalogue unless English is chosen; returns the translator to keep it alive."""
    if lang == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "i18n" / "credit_desk_zh_CN.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
        return translator
    return None
