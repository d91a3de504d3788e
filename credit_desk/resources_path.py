"""Where the ``resources/`` folder (reference data, templates, fonts, icons) lives.

Source checkout: next to the ``credit_desk`` package. PyInstaller bundle: under ``sys._MEIPASS``.
``CREDIT_DESK_RESOURCES`` overrides both (packagers that install the folder elsewhere set it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "CREDIT_DESK_RESOURCES"


def resources_dir() -> Path:
    """The top ``resources`` folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def reference_dir() -> Path:
    """Built-in reference data: the sample catalogue and measures list (R2, R8)."""
    return resources_dir() / "reference"
