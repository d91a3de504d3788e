"""Loading the translations: zh_CN first, English as the second language (source strings are English).

Qt's own words (OK/Cancel of standard buttons, the file and folder pickers, the print dialog, context menus of
text fields) come from Qt's catalogue ``qtbase_zh_CN.qm``, shipped in PySide6 (issue 17 item 3).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from credit_desk.resources_path import resources_dir

_LANG = {"lang": "zh"}


def current_lang() -> str:
    """The interface language in force: "zh" or "en"."""
    return _LANG["lang"]


def install_translator(app, lang: str = "zh") -> QTranslator | None:
    """Install the Chinese catalogues (ours and Qt's own) unless English is chosen; returns our translator (Qt's
    is kept alive as its ``qt_base`` attribute), or None in English."""
    _LANG["lang"] = "en" if lang == "en" else "zh"
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        return None
    translator = QTranslator(app)
    if not translator.load(str(resources_dir() / "i18n" / "credit_desk_zh_CN.qm")):
        _LANG["lang"] = "en"
        return None
    qt_base = QTranslator(app)
    if qt_base.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt_base)
        translator.qt_base = qt_base
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    return translator


def remove_translator(app, translator: QTranslator | None) -> None:
    """Undo install_translator (switching to English without a restart, and in tests)."""
    if translator is None:
        return
    app.removeTranslator(translator)
    qt_base = getattr(translator, "qt_base", None)
    if qt_base is not None:
        app.removeTranslator(qt_base)
    _LANG["lang"] = "en"


def reinstall_translator(app, translator: QTranslator | None) -> None:
    """Put back catalogues that remove_translator took out — the same objects, so no second Chinese catalogue stays
    installed behind a later switch to English (as a fresh install_translator would leave)."""
    if translator is None:
        return
    qt_base = getattr(translator, "qt_base", None)
    if qt_base is not None:
        app.installTranslator(qt_base)
    app.installTranslator(translator)
    _LANG["lang"] = "zh"
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


# Qt's own words that qtbase_zh_CN.qm leaves in English (the folder picker drawn by Qt where the desktop has no
# native one); our catalogue, installed after Qt's, gives them in Chinese.
QT_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
           # the type column of the picker: Qt 6 asks this context, which qtbase_zh_CN has not (only QFileDialog's)
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
           QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"))


# Punctuation and joins in the interface language (issue 17 item 3): an English screen shows "a, b (c)", a
# Chinese one 「a、b（c）」. The catalogue (context "Punctuation") holds the Chinese forms, so Qt Linguist sees them.
def listing(items) -> str:
    """Items joined as a list: "a, b" / 「a、b」."""
    return QCoreApplication.translate("Punctuation", ", ").join(str(i) for i in items)


def clauses(items) -> str:
    """Sentences or clauses joined: "a; b" / 「a；b」."""
    return QCoreApplication.translate("Punctuation", "; ").join(str(i) for i in items)


def labelled(label: str, value=None) -> str:
    """A field label with its colon: "Name:" / 「名称：」; with a value: "Name: x" / 「名称：x」."""
    if value is None:
        return QCoreApplication.translate("Punctuation", "%1:").replace("%1", label)
    return QCoreApplication.translate("Punctuation", "%1: %2").replace("%1", label).replace("%2", str(value))


def aside(text, note) -> str:
    """A text with a note in brackets: "a (b)" / 「a（b）」."""
    return QCoreApplication.translate("Punctuation", "%1 (%2)").replace("%1", str(text)).replace("%2", str(note))


def spaced(*parts) -> str:
    """Values shown side by side in one line of a list: "a · b" / 「a　b」."""
    gap = QCoreApplication.translate("Punctuation", "%1 · %2").replace("%1", "", 1).replace("%2", "", 1)
    return gap.join(str(p) for p in parts)


def counted(n: int, one: str, many: str) -> str:
    """A count with its noun: ``one`` ("%1 record", already through tr()) for 1, else ``many`` ("%1 records"), with
    thousands marks. English needs both (fix18f: "1 records"); Chinese gives both the same words (「共 %1 条」)."""
    return (one if n == 1 else many).replace("%1", f"{n:,}")


def words(context: str, text: str) -> str:
    """A catalogue word marked with QT_TRANSLATE_NOOP(context, text), in the interface language."""
    return QCoreApplication.translate(context, text)
