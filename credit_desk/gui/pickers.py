"""Where the file and folder pickers open (issue 17 items 1 and 5, a new county clerk in Xvfb, clerk17).

Every picker was given an empty start folder, so Qt opened it in the program's working directory — the source tree
when the program is started with ``bash scripts/run.sh`` (which changes into it): the clerk looking for the USB
stick or a department's spreadsheet began among ``credit_desk``, ``forms`` and ``tests``. A picker now opens where
the clerk last chose a file of that kind (kept per machine in the GUI settings), else — for the USB stick — the
folder the desktop mounts removable media in (``/media/<user>`` on UOS, Kylin and Debian, ``/run/media/<user>``
elsewhere), else the home folder.

Kinds: ``usb`` (bundles, receipts, key files), ``sheets`` (spreadsheets read in), ``out`` (files written out:
sheets, reports), ``fonts``.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog


def media_folders() -> list[Path]:
    """Where a Linux desktop mounts a USB stick for this user (the first that exists is used)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = os.environ.get("USER", "")
    return [Path("/media") / user, Path("/run/media") / user, Path("/media")] if user else [Path("/media")]


def start_folder(settings, kind: str) -> str:
    """The folder a picker of ``kind`` opens in: the last one chosen for that kind, the removable-media folder for
    ``usb``, else the home folder — never the program's working directory."""
    last = str(settings.value(f"pickers/{kind}", "") or "") if settings is not None else ""
    if last and Path(last).is_dir():
        return last
    if kind == "usb":
        for folder in media_folders():
            if folder.is_dir():
                return str(folder)
    return str(Path.home())


def remember(settings, kind: str, chosen: str) -> None:
    """Keep the folder of what was chosen (a folder itself, or a file's folder) for the next picker of ``kind``."""
    if not chosen or settings is None:
        return
    path = Path(chosen)
    settings.setValue(f"pickers/{kind}", str(path if path.is_dir() else path.parent))


def open_file(parent, ctx, kind: str, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(ctx.settings, kind), filters)
    remember(ctx.settings, kind, path)
    return path


def open_files(parent, ctx, kind: str, title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(ctx.settings, kind), filters)
    if paths:
        remember(ctx.settings, kind, paths[0])
    return paths


def save_file(parent, ctx, kind: str, title: str, name: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(start_folder(ctx.settings, kind)) / name),
                                          filters)
    remember(ctx.settings, kind, path)
    return path


def folder(parent, ctx, kind: str, title: str) -> str:
    chosen = QFileDialog.getExistingDirectory(parent, title, start_folder(ctx.settings, kind))
    remember(ctx.settings, kind, chosen)
    return chosen
