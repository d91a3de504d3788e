"""The verification QR code (segno), placed on the reportlab page as a 1-bit image, one pixel per module.

Error correction level M survives a worn or folded printout. The data mask is fixed (pattern 2)
instead of scoring all eight: scoring is 85 % of the encoding time, and any mask decodes the same —
the score only avoids patterns that trouble poor scanners, which a printed, black-on-white code at
24 mm does not meet. The image has no interpolation, so every module prints as a sharp square.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from PIL import Image
from reportlab.lib.utils import ImageReader

MASK = 2


@lru_cache(maxsize=8)
def _image(text: str) -> Image.Image:
    code = segno.make(text, error="m", micro=False, boost_error=False, mask=MASK)
    rows = [bytes(0 if dark else 255 for dark in row) for row in code.matrix]
    n = len(rows)
    return Image.frombytes("L", (n, n), b"".join(rows)).convert("1")


def draw_qr(canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the code with its lower-left corner at (x, y), ``size`` points wide (the quiet zone is outside)."""
    canvas.drawImage(ImageReader(_image(text)), x, y, size, size)


def modules(text: str) -> int:
    return _image(text).width
