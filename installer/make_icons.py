"""Render resources/icons/credit-desk.svg to the PNG (Linux menus) and the ICO (Windows) beside it.

Run after changing the SVG: ``.venv/bin/python installer/make_icons.py`` (QT_QPA_PLATFORM=offscreen on a
server). The ICO holds PNG-compressed images (16–256 px), which every Windows since Vista reads.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    img = QImage(size, size, QImage.Format_ARGB32)
    img.fill(Qt.transparent)
    painter = QPainter(img)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data)


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per image + the PNG payloads (size 256 is written as 0)."""
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, payload = b"", b""
    for size, png in images:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return head + entries + payload


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs it
    renderer = QSvgRenderer(str(ICONS / "credit-desk.svg"))
    (ICONS / "credit-desk.png").write_bytes(render_png(renderer, 256))
    (ICONS / "credit-desk.ico").write_bytes(ico_bytes([(s, render_png(renderer, s)) for s in ICO_SIZES]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
