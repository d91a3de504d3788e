"""Chinese input on the office PC's Linux desktop: which Qt input-method module the program asks for (issue 21).

The PySide6 wheels (and so the frozen bundle) carry three input-context plugins — compose, ibus and the virtual
keyboard — and no fcitx plugin, which would have to be built against the exact bundled Qt's private headers.
UOS and Kylin run fcitx5 (older releases fcitx 4) and set ``QT_IM_MODULE=fcitx``; with that name and no such
plugin Qt silently gives the program no input method at all. fcitx5 however also answers the IBus protocol (its
``ibusfrontend`` addon, on by default: it owns ``org.freedesktop.IBus`` on the session bus and writes the IBus
address file), so Qt's own, exactly matching ibus plugin reaches it. The choice, before QApplication exists:

- ``CREDIT_DESK_IM_MODULE`` set: that module, as given (the office IT's override);
- the desktop asks for a module whose plugin is bundled: that one (ibus desktops, or a later fcitx plugin);
- the desktop asks for fcitx (QT_IM_MODULE / QT_IM_MODULES / XMODIFIERS / GTK_IM_MODULE / INPUT_METHOD) and
  fcitx5 runs: ``ibus`` — fcitx5's IBus frontend; only fcitx 4 runs: left alone, with a warning (fcitx 4 has no
  IBus frontend; it needs a fcitx Qt6 plugin built for this Qt — README);
- nothing asked but fcitx5 or ibus-daemon runs: ``ibus``.

Windows and macOS use the system's own input method: nothing is changed there. Tested with real fcitx5 + pinyin
and ibus + libpinyin under Xvfb (tests/gui/test_chinese_input.py).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

IBUS, FCITX = "ibus", "fcitx"


@dataclass(frozen=True)
class Choice:
    module: str | None   # the QT_IM_MODULE to set; None: leave the environment as it is
    reason: str          # one line for the log / --diagnose


def bundled_plugins() -> set[str]:
    """Input-context plugins Qt can load here: {"ibus", "compose", ...} from platforminputcontexts/ folders."""
    folders = [p for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    try:
        from PySide6.QtCore import QLibraryInfo
        folders.append(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    except Exception:  # noqa: BLE001 - no QtCore path (a broken install): the folders above still count
        pass
    found = set()
    for folder in folders:
        for lib in (Path(folder) / "platforminputcontexts").glob("*platforminputcontextplugin*"):
            stem = lib.name.removeprefix("lib").split("platforminputcontextplugin")[0]
            found.add({"fcitx5": FCITX, "fcitx": FCITX}.get(stem, stem))
    return found


def running_daemons(proc: Path = Path("/proc")) -> set[str]:
    """Names of the input-method daemons of this user that run now: "fcitx5", "fcitx" (4), "ibus-daemon"."""
    names = set()
    try:
        uid = os.getuid()
        entries = list(proc.iterdir())
    except (OSError, AttributeError):  # no /proc (not Linux) or no getuid (Windows): nothing known
        return names
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
            comm = (entry / "comm").read_text().strip()
        except OSError:
            continue  # the process ended while we looked
        if comm in ("fcitx5", "fcitx", "ibus-daemon"):
            names.add(comm)
    return names


def _asked(env) -> str | None:
    """Which input-method family the desktop session asks programs to use."""
    for var in ("QT_IM_MODULE", "QT_IM_MODULES"):
        value = (env.get(var) or "").split(";")[0].strip().lower()
        if value:
            return FCITX if value.startswith("fcitx") else value
    xmod = (env.get("XMODIFIERS") or "").lower()
    if "@im=" in xmod:
        value = xmod.split("@im=", 1)[1].strip()
        return FCITX if value.startswith("fcitx") else value
    for var in ("GTK_IM_MODULE", "INPUT_METHOD"):
        value = (env.get(var) or "").strip().lower()
        if value:
            return FCITX if value.startswith("fcitx") else value
    return None


def choose(env, plugins: set[str], daemons: set[str], platform: str = sys.platform) -> Choice:
    """The module to ask Qt for; see the module docstring for the order."""
    override = (env.get("CREDIT_DESK_IM_MODULE") or "").strip()
    if override:
        return Choice(override, f"CREDIT_DESK_IM_MODULE={override}")
    if not platform.startswith("linux"):
        return Choice(None, "not Linux: the system input method is used as it is")
    asked = _asked(env)
    if asked and asked in plugins:
        return Choice(asked, f"the desktop asks for {asked}, and its plugin is bundled")
    if asked == FCITX:
        if "fcitx5" in daemons and IBUS in plugins:
            return Choice(IBUS, "the desktop runs fcitx5: Qt's ibus plugin reaches it through fcitx5's IBus frontend")
        if "fcitx" in daemons:
            return Choice(None, "only fcitx 4 runs: it has no IBus frontend, and this build has no fcitx Qt6 "
                                "plugin (see README: Chinese input)")
        if IBUS in plugins:
            return Choice(IBUS, "the desktop asks for fcitx (no daemon seen yet): ibus, which fcitx5 answers")
    if asked is None and IBUS in plugins and daemons & {"fcitx5", "ibus-daemon"}:
        return Choice(IBUS, f"no module asked; {sorted(daemons)[0]} runs: ibus")
    return Choice(None, f"left as the desktop set it ({asked or 'nothing asked'})")


def apply(env=None) -> Choice:
    """Choose and set QT_IM_MODULE in ``env`` (default: this process) — call before QApplication exists."""
    env = os.environ if env is None else env
    choice = choose(env, bundled_plugins(), running_daemons())
    if choice.module:
        env["QT_IM_MODULE"] = choice.module
        env.pop("QT_IM_MODULES", None)  # Qt ≥ 6.7 reads this list first; one answer, not two
    return choice



def keep_composition_on_click(app, platform: str = sys.platform) -> object | None:
    """Install on ``app`` (the QApplication) the guard that keeps half-typed input when the clerk clicks away.

    With Qt's ibus plugin (the route to fcitx5 and ibus above), a mouse press on another field drops the
    composition the field shows — the pinyin ``zhong guo`` under fcitx5, the sentence ``中国`` under
    ibus-libpinyin — without a trace (Qt sends the field an empty input-method event and resets the input
    method, as the press reaches the window, before any widget sees it). The guard remembers the composition the
    focused field shows; when a press on any other widget reaches the window, the guard commits that text into the field it belongs to and resets the input method, so what the
    clerk saw stays and nothing reappears in the next field. A press inside the composing field (moving the
    cursor) is left to the field. Linux only (the ibus route above); Windows' own IME handling is left alone.
    Returns the filter object (a child of ``app``), or None elsewhere. Tested with real fcitx5 and ibus:
    tests/gui/test_chinese_input.py."""
    if not platform.startswith("linux"):
        return None
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QWindow
    from PySide6.QtWidgets import QApplication, QWidget

    press, im_event = QEvent.Type.MouseButtonPress, QEvent.Type.InputMethod

    class _CommitOnClick(QObject):
        composing: tuple = (None, "")  # (the field, the composition it shows)

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
            kind = event.type()
            if kind == im_event and isinstance(obj, QWidget):
                self.composing = (obj, event.preeditString())
            elif kind == press and isinstance(obj, QWindow):  # the window sees the press before its widgets
                field, text = self.composing
                target = QApplication.widgetAt(event.globalPosition().toPoint())  # None: the window's frame
                if text and field is QApplication.focusWidget() and field is not target \
                        and not (target is not None and field.isAncestorOf(target)):
                    self.composing = (None, "")
                    done = QInputMethodEvent()
                    done.setCommitString(text)
                    QApplication.sendEvent(field, done)
                    QGuiApplication.inputMethod().reset()
            return False

    guard = _CommitOnClick(app)
    app.installEventFilter(guard)
    return guard
