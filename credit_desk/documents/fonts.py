"""TrueType CJK fonts for printed notices (GB/T 9704: 宋体 title, 仿宋 body, 黑体 headings, 楷体).

Each role (``song``, ``fang``, ``hei``, ``kai``) is looked up in this order and the first font that
reportlab can embed wins:

1. the configured path (setting ``documents.fonts`` = ``{"song": "/path/x.ttf", ...}``, or the
   environment variable ``CREDIT_DESK_FONT_<ROLE>``; ``file.ttc#1`` picks a face in a collection);
2. the operating system's own Chinese fonts: on Windows ``%WINDIR%\\Fonts`` (simsun.ttc, simfang.ttf,
   simhei.ttf, simkai.ttf), elsewhere fontconfig (``fc-list``) by family name — e.g. Debian's
   AR PL UMing (Song), AR PL UKai (Kai, standing in for FangSong) and WenQuanYi Zen Hei (Hei);
3. a fallback in ``resources/fonts/`` (``song.ttf``, ``fang.ttf``, ``hei.ttf``, ``kai.ttf`` or
   ``.ttc``). None is shipped: a free CJK TrueType font is 16–21 MB and the usable ones are GPL/
   Arphic-licensed; the installer provides fonts (Debian packages fonts-arphic-uming/ukai and
   fonts-wqy-zenhei; Windows has SimSun/SimHei/FangSong/KaiTi built in).

Fonts are embedded as subsets (reportlab's TrueType embedding always subsets). OpenType fonts with
PostScript (CFF) outlines, such as Noto CJK, cannot be embedded by reportlab and are skipped.
A character missing from the chosen font is an error naming the character — never a blank box.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from credit_desk.domain.errors import DomainError
from credit_desk.resources_path import resources_dir

ROLES = ("song", "fang", "hei", "kai")
ROLE_ZH = {"song": "宋体", "fang": "仿宋", "hei": "黑体", "kai": "楷体"}

# fontconfig family names, best first. FangSong falls back to Kai (the usual office substitute).
FAMILIES = {
    "song": ("SimSun", "宋体", "FangZheng ShuSong", "AR PL UMing CN", "AR PL SungtiL GB"),
    "fang": ("FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "KaiTi", "楷体", "AR PL UKai CN"),
    "hei": ("SimHei", "黑体", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback"),
    "kai": ("KaiTi", "楷体", "KaiTi_GB2312", "AR PL UKai CN"),
}
WINDOWS_FILES = {"song": ("simsun.ttc", "simsun.ttf"), "fang": ("simfang.ttf", "simkai.ttf"),
                 "hei": ("simhei.ttf",), "kai": ("simkai.ttf",)}


@dataclass(frozen=True)
class FontChoice:
    role: str
    name: str        # the reportlab font name
    path: str
    index: int
    source: str      # "configured" | "system" | "fallback"


class FontSet:
    """The four registered fonts and their character maps."""

    def __init__(self, choices: dict[str, FontChoice]) -> None:
        self.choices = choices
        self.names = {role: c.name for role, c in choices.items()}
        self._cmaps = {c.name: pdfmetrics.getFont(c.name).face.charToGlyph for c in choices.values()}

    def check_glyphs(self, role: str, text: str, where: str = "") -> None:
        """Refuse text the font cannot draw, naming the first missing character."""
        cmap = self._cmaps[self.names[role]]
        for ch in text:
            if ord(ch) not in cmap and not ch.isspace():
                place = f"（{where}）" if where else ""
                raise DomainError(
                    "FONT_GLYPH_MISSING",
                    f"字体「{self.choices[role].path}」缺少字符「{ch}」（U+{ord(ch):04X}）{place}，无法打印；"
                    f"请在设置中为{ROLE_ZH[role]}指定包含该字的字体。",
                    f"The font {self.choices[role].path} has no glyph for '{ch}' (U+{ord(ch):04X}) {where}; "
                    f"configure a {role} font that has it.", field=where or None)


def _split(spec: str) -> tuple[str, int]:
    path, _, idx = spec.partition("#")
    return path, int(idx or 0)


def _windows_candidates(role: str) -> list[tuple[str, int]]:
    folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return [(str(folder / f), 0) for f in WINDOWS_FILES[role] if (folder / f).exists()]


def _fontconfig_candidates(role: str) -> list[tuple[str, int]]:
    if not shutil.which("fc-list"):
        return []
    found = []
    for family in FAMILIES[role]:
        try:
            out = subprocess.run(["fc-list", f":family={family}", "-f", "%{file}|%{index}\\n"],
                                 capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            return found
        for line in sorted(out.splitlines()):
            path, _, idx = line.partition("|")
            if path.lower().endswith((".ttf", ".ttc")) and idx.strip().isdigit():
                found.append((path, int(idx)))
    return found


def _fallback_candidates(role: str) -> list[tuple[str, int]]:
    folder = resources_dir() / "fonts"
    return [(str(folder / f"{role}{ext}"), 0) for ext in (".ttf", ".ttc") if (folder / f"{role}{ext}").exists()]


def candidates(role: str, configured: dict | None = None) -> list[tuple[str, int, str]]:
    """Every place this role's font may come from, in the order they are tried."""
    out = []
    spec = (configured or {}).get(role) or os.environ.get(f"CREDIT_DESK_FONT_{role.upper()}")
    if spec:
        out.append((*_split(spec), "configured"))
    system = _windows_candidates(role) if os.name == "nt" else _fontconfig_candidates(role)
    out += [(p, i, "system") for p, i in system]
    out += [(p, i, "fallback") for p, i in _fallback_candidates(role)]
    return out


def _register(role: str, path: str, index: int, source: str) -> FontChoice | None:
    name = f"CD-{role}-{abs(hash((path, index))) % 10**8}"
    try:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    except (TTFError, OSError, ValueError, KeyError):
        return None  # not TrueType-outlined, unreadable or damaged: try the next candidate
    return FontChoice(role, name, path, index, source)


@lru_cache(maxsize=8)
def _load(configured_items: tuple) -> FontSet:
    configured = dict(configured_items)
    choices = {}
    for role in ROLES:
        for path, index, source in candidates(role, configured):
            choice = _register(role, path, index, source)
            if choice:
                choices[role] = choice
                break
        else:
            raise DomainError("FONT_MISSING", f"找不到可嵌入的{ROLE_ZH[role]}（TrueType）字体，无法打印文书；"
                              "请安装中文字体或在设置中指定字体文件。",
                              f"No embeddable TrueType {role} font found; install Chinese fonts or configure "
                              "a font file.", field=f"font.{role}")
    return FontSet(choices)


def load_fonts(configured: dict | None = None) -> FontSet:
    """The fonts for printing, found and registered once per process (per configuration)."""
    return _load(tuple(sorted((configured or {}).items())))
