"""Golden PNGs of every notice type (pdftoppm -r 60), compared with a tolerance for antialiasing.

Regenerate after an intended layout change: ``CREDIT_DESK_UPDATE_GOLDEN=1 pytest tests/documents/test_golden.py``
and look at every PNG before keeping it. The goldens were drawn with the fonts named in FONTS.txt; with
other fonts (another OS) the comparison is skipped, not failed.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from credit_desk.documents.fonts import load_fonts
from credit_desk.documents.render import DocMeta, render_pdf
from credit_desk.documents.templates import load_template
from tests.documents.samples import SAMPLES

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CREDIT_DESK_UPDATE_GOLDEN") == "1"
QR = "CDN1|清信决〔2026〕12号|2026-04-01|淮安市清江浦区信用办|listing_decision|1a2b3c4d|" + "Q" * 86
MAX_CHANGED = 0.002     # share of pixels that may differ by more than the antialiasing threshold
THRESHOLD = 64


def _fonts_id() -> str:
    fonts = load_fonts()
    return "\n".join(f"{r}={Path(c.path).name}#{c.index}" for r, c in sorted(fonts.choices.items())) + "\n"


def _render(doc_type: str, tmp_path: Path) -> list[Path]:
    tpl = load_template(doc_type)
    meta = DocMeta(f"清{tpl.prefix}〔2026〕12号", dt.date(2026, 4, 1), "淮安市清江浦区信用办", QR)
    pdf, _ = render_pdf([(tpl, SAMPLES[doc_type], meta)], load_fonts())
    path = tmp_path / f"{doc_type}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(tmp_path / doc_type)], check=True)
    return sorted(tmp_path.glob(f"{doc_type}-*.png"))


def _changed(a: Image.Image, b: Image.Image) -> float:
    diff = ImageChops.difference(a.convert("L"), b.convert("L")).point(lambda v: 255 if v > THRESHOLD else 0)
    return diff.histogram()[255] / (diff.width * diff.height)


@pytest.mark.parametrize("doc_type", sorted(SAMPLES))
def test_notice_looks_like_its_golden(doc_type, tmp_path):
    pages = _render(doc_type, tmp_path)
    if UPDATE:
        for old in GOLDEN.glob(f"{doc_type}-*.png"):
            old.unlink()
        for p in pages:
            (GOLDEN / p.name).write_bytes(p.read_bytes())
        (GOLDEN / "FONTS.txt").write_text(_fonts_id(), encoding="utf-8")
        return
    if (GOLDEN / "FONTS.txt").read_text(encoding="utf-8") != _fonts_id():
        pytest.skip("the goldens were drawn with other fonts")
    goldens = sorted(GOLDEN.glob(f"{doc_type}-*.png"))
    assert [g.name for g in goldens] == [p.name for p in pages]
    for g, p in zip(goldens, pages):
        a, b = Image.open(g), Image.open(p)
        assert a.size == b.size
        assert _changed(a, b) <= MAX_CHANGED, f"{p.name} differs from its golden"
