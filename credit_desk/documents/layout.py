"""GB/T 9704-2012 page geometry, number and date formats, and Chinese line breaking.

A4 (210 × 297 mm); 天头 (top margin) 37 mm, 订口 (left, binding) 28 mm; 版心 (text block) 156 × 225 mm;
22 lines per page of 28 characters at 三号 (16 pt). Lines sit on a fixed grid: the line pitch is
225 mm / 22 and a full-width character takes 156 mm / 28, so body text draws at 16 pt with the
character spacing narrowed to that pitch (as Word's 文档网格 does). Page numbers are 4号 (14 pt)
Song, ``— 1 —``, 7 mm below the block: odd pages on the right, even pages on the left, one
character in from the edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from credit_desk.documents.fonts import resolve

PAGE_W, PAGE_H = 210 * mm, 297 * mm          # 595.28 × 841.89 pt
MARGIN_TOP, MARGIN_LEFT = 37 * mm, 28 * mm
BLOCK_W, BLOCK_H = 156 * mm, 225 * mm
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
LINE_PITCH = BLOCK_H / LINES_PER_PAGE
CHAR_PITCH = BLOCK_W / CHARS_PER_LINE
BLOCK_TOP = PAGE_H - MARGIN_TOP
BLOCK_BOTTOM = BLOCK_TOP - BLOCK_H
BLOCK_LEFT, BLOCK_RIGHT = MARGIN_LEFT, MARGIN_LEFT + BLOCK_W

SIZE_TITLE = 22      # 二号
SIZE_BODY = 16       # 三号
SIZE_PAGE_NO = 14    # 四号
PAGE_NO_GAP = 7 * mm

# 禁则: characters that may not start a line, and ones that may not end it.
NO_LINE_START = set("，。、；：？！）」』》〉】〕…—·％,.;:?!)]}”’")
NO_LINE_END = set("（「『《〈【〔“‘([{")


def format_number(prefix: str, year: int, seq: int) -> str:
    """发文字号: ``前缀〔2026〕12号`` — full year in 〔〕, no leading zeros, no 第."""
    return f"{prefix}〔{year}〕{int(seq)}号"


def format_date(d: date) -> str:
    """成文日期: ``2026年4月1日`` (Arabic numerals, no leading zeros)."""
    return f"{d.year}年{d.month}月{d.day}日"


def page_label(n: int) -> str:
    return f"— {n} —"


def baseline(line_index: int, size: float) -> float:
    """The baseline of grid line ``line_index`` (0 = top), centring a CJK em box in the line."""
    centre = BLOCK_TOP - (line_index + 0.5) * LINE_PITCH
    return centre - 0.38 * size


@lru_cache(maxsize=65536)
def char_width(ch: str, font: str, size: float) -> float:
    """Width of ``ch`` as drawn: by the font of the chain that has it (issue 15, fonts.resolve)."""
    return stringWidth(ch, resolve(font, ch), size)


def base_char_space(size: float) -> float:
    """Extra spacing that puts full-width characters of ``size`` on the 28-per-line grid."""
    return CHAR_PITCH - size if size == SIZE_BODY else 0.0


@dataclass(frozen=True)
class Line:
    text: str
    font: str
    size: float
    char_space: float
    width: float          # drawn width (without the trailing char space)
    last: bool            # the paragraph's last line (not justified)


def _tokens(text: str) -> list[str]:
    """Characters, except runs of ASCII letters/digits (IDs, dates, numbers) kept whole."""
    out, run = [], ""
    for ch in text:
        if ch.isascii() and (ch.isalnum() or ch in "-_/.:%"):
            run += ch
            continue
        if run:
            out.append(run)
            run = ""
        out.append(ch)
    if run:
        out.append(run)
    return out


def _width(text: str, font: str, size: float, cs: float) -> float:
    return sum(char_width(c, font, size) for c in text) + cs * max(len(text) - 1, 0)


def break_lines(text: str, font: str, size: float, first_indent: float = 0.0,
                width: float = BLOCK_W) -> list[tuple[str, float]]:
    """Greedy Chinese line breaking with 禁则; returns (text, left indent) per line."""
    cs = base_char_space(size)
    lines: list[tuple[str, float]] = []
    current: list[str] = []
    indent = first_indent
    used = 0.0  # width of ``current`` plus one char space per token (kept running: no re-measuring)
    for tok in _tokens(text):
        if len(tok) > 1 and _width(tok, font, size, cs) > width / 2:
            toks = list(tok)  # an over-long run may break anywhere
        else:
            toks = [tok]
        for t in toks:
            w = _width(t, font, size, cs) + cs
            if current and used + w > width - indent + 0.01:
                carry = []
                # never start a line with closing punctuation, nor end one on opening punctuation
                while len(current) > 1 and (carry[0] if carry else t)[0] in NO_LINE_START:
                    carry.insert(0, current.pop())
                while len(current) > 1 and current[-1][-1] in NO_LINE_END:
                    carry.insert(0, current.pop())
                lines.append(("".join(current), indent))
                current, indent = carry, 0.0
                used = sum(_width(c, font, size, cs) + cs for c in current)
            current.append(t)
            used += w
    if current or not lines:
        lines.append(("".join(current), indent))
    return lines


def set_lines(text: str, font: str, size: float, first_indent: float = 0.0,
              justify: bool = True) -> list[tuple[Line, float]]:
    """Break a paragraph and compute each line's spacing (justified except the last line)."""
    cs = base_char_space(size)
    broken = break_lines(text, font, size, first_indent)
    out = []
    for i, (t, indent) in enumerate(broken):
        last = i == len(broken) - 1
        natural = _width(t, font, size, cs)
        space = cs
        slack = BLOCK_W - indent - natural
        if justify and not last and len(t) > 1 and 0 < slack < 2 * size:
            space = cs + slack / (len(t) - 1)
        out.append((Line(t, font, size, space, _width(t, font, size, space), last), indent))
    return out
