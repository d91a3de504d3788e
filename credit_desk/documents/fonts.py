"""TrueType CJK fonts for printed notices (GB/T 9704: 宋体 title, 仿宋 body, 黑体 headings, 楷体).

Each role (``song``, ``fang``, ``hei``, ``kai``) is looked up in this order and the first font that
reportlab can embed wins:

1. the configured path (setting ``documents.fonts`` = ``{"song": "/path/x.ttf", ...}``, or the
   environment variable ``CREDIT_DESK_FONT_<ROLE>``; ``file.ttc#1`` picks a face in a collection);
2. the operating system's own Chinese fonts: on Windows ``%WINDIR%\\Fonts`` (simsun.ttc, simfang.ttf,
   simhei.ttf, simkai.ttf), elsewhere fontconfig (``fc-list``) by family name — the Founder (方正) GBK
   and Zhongyi (中易) fonts of UOS / Kylin, or Debian's AR PL UMing (Song), AR PL UKai (Kai, standing in
   for FangSong) and WenQuanYi Zen Hei (Hei);
3. a fallback in ``resources/fonts/`` (``song.ttf``, ``fang.ttf``, ``hei.ttf``, ``kai.ttf`` or
   ``.ttc``). None is shipped: a free CJK TrueType font is 16–21 MB and the usable ones are GPL/
   Arphic-licensed; the installer provides fonts (Debian packages fonts-arphic-uming/ukai and
   fonts-wqy-zenhei; Windows has SimSun/SimHei/FangSong/KaiTi built in).

Fonts are embedded as subsets (reportlab's TrueType embedding always subsets). OpenType fonts with
PostScript (CFF) outlines, such as Noto CJK, cannot be embedded by reportlab and are skipped.

Each role has a fallback chain checked per character (issue 15): a character the role's font lacks —
names with CJK Extension B and later, such as 𠮷 (U+20BB7) — is drawn with the first font of the chain that
has it: the configured ``fallback`` path, then SimSun-ExtB / MingLiU-ExtB (Windows: simsunb.ttf,
mingliub.ttc), then HanaMinB / HanaMinA (Debian fonts-hanazono). The chain is loaded only when a document
needs it. A character is an error naming it only when no font in the chain has it — never a blank box.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase import ttfonts as _ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from credit_desk.domain.errors import DomainError
from credit_desk.resources_path import resources_dir

ROLES = ("song", "fang", "hei", "kai")
ROLE_ZH = {"song": "宋体", "fang": "仿宋", "hei": "黑体", "kai": "楷体"}

# fontconfig family names, best first. FangSong falls back to Kai (the usual office substitute).
# 信创 desktops (issue 21): UOS and Kylin ship the Founder (方正) GBK fonts — fontconfig families "方正书宋_GBK" /
# "FZShuSong-Z01", "方正仿宋_GBK" / "FZFangSong-Z02", "方正黑体_GBK" / "FZHei-B01", "方正楷体_GBK" / "FZKai-Z03" — and
# the Zhongyi (中易) fonts "宋体" (SimSun), "黑体" (SimHei), "仿宋_GB2312", "楷体_GB2312". They are found by family
# name through fontconfig, never by file name (the file names differ between releases and vendors).
FAMILIES = {
    "song": ("SimSun", "宋体", "方正书宋_GBK", "FZShuSong-Z01", "FangZheng ShuSong", "AR PL UMing CN",
             "AR PL SungtiL GB"),
    "fang": ("FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "方正仿宋_GBK", "FZFangSong-Z02",
             "KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "方正楷体_GBK", "FZKai-Z03", "AR PL UKai CN"),
    "hei": ("SimHei", "黑体", "方正黑体_GBK", "FZHei-B01", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
            "Droid Sans Fallback"),
    "kai": ("KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "方正楷体_GBK", "FZKai-Z03", "AR PL UKai CN"),
}
WINDOWS_FILES = {"song": ("simsun.ttc", "simsun.ttf"), "fang": ("simfang.ttf", "simkai.ttf"),
                 "hei": ("simhei.ttf",), "kai": ("simkai.ttf",)}
# the fallback chain shared by every role: fonts covering CJK Extension B and later (supplementary planes)
FALLBACK_FAMILIES = ("SimSun-ExtB", "MingLiU-ExtB", "方正宋体S-超大字符集", "HanaMinB", "HanaMinA")
WINDOWS_FALLBACK_FILES = ("simsunb.ttf", "mingliub.ttc")


def _to_unicode_cmap(fontname, subset):
    """reportlab 5.1 writes a supplementary-plane character as 5 hex digits in the ToUnicode CMap, which
    readers take for a BMP character (𠮷 was extracted as ₻); write it as its UTF-16BE surrogate pair."""
    def hex16(v: int) -> str:
        return chr(v).encode("utf-16-be", "surrogatepass").hex().upper()
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        "<00> <%02X>" % (len(subset) - 1), "endcodespacerange", "%d beginbfchar" % len(subset),
        *("<%02X> <%s>" % (i, hex16(v)) for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


_ttfonts.makeToUnicodeCMap = _to_unicode_cmap
_RESOLVERS: dict = {}  # registered font name -> FontSet that can resolve a character to a chain member


def resolve(font: str, ch: str) -> str:
    """The font (name) that draws ``ch`` for a text set in ``font``: itself, or a member of its chain."""
    fs = _RESOLVERS.get(font)
    return fs.font_for_name(font, ch) if fs is not None else font


@dataclass(frozen=True)
class FontChoice:
    role: str
    name: str        # the reportlab font name
    path: str
    index: int
    source: str      # "configured" | "system" | "fallback"


class FontSet:
    """The four registered fonts, their character maps, and the fallback chain (loaded when first needed)."""

    def __init__(self, choices: dict[str, FontChoice], fallback_specs: tuple = ()) -> None:
        self.choices = choices
        self.names = {role: c.name for role, c in choices.items()}
        self._cmaps = {c.name: pdfmetrics.getFont(c.name).face.charToGlyph for c in choices.values()}
        self._fallback_specs = tuple(fallback_specs)
        self._fallbacks: list[FontChoice] | None = None
        for name in self.names.values():
            _RESOLVERS[name] = self

    def fallbacks(self) -> list[FontChoice]:
        """The chain's fonts that could be registered, in order (registered on first call)."""
        if self._fallbacks is None:
            chain = [_register("fallback", p, i, src) for p, i, src in self._fallback_specs]
            self._fallbacks = [c for c in chain if c]
            for c in self._fallbacks:
                self._cmaps[c.name] = pdfmetrics.getFont(c.name).face.charToGlyph
        return self._fallbacks

    def font_for_name(self, font: str, ch: str) -> str:
        if ch.isspace() or ord(ch) in self._cmaps.get(font, ()):
            return font
        for c in self.fallbacks():
            if ord(ch) in self._cmaps[c.name]:
                return c.name
        return font

    def font_for(self, role: str, ch: str) -> str:
        """The font that draws ``ch`` in ``role``: the role's own, else the first in the chain that has it."""
        return self.font_for_name(self.names[role], ch)

    def runs(self, role: str, text: str) -> list[tuple[str, str]]:
        """``text`` cut into (font name, run) pieces, each run drawn with one font of the chain."""
        out: list[tuple[str, str]] = []
        for ch in text:
            font = self.font_for(role, ch)
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + ch)
            else:
                out.append((font, ch))
        return out

    def check_glyphs(self, role: str, text: str, where: str = "") -> None:
        """Refuse text that no font of the role's chain can draw, naming the first such character."""
        primary = self.names[role]
        for ch in text:
            if ch.isspace() or ord(ch) in self._cmaps[primary]:
                continue
            if any(ord(ch) in self._cmaps[c.name] for c in self.fallbacks()):
                continue
            place = f"（{where}）" if where else ""
            tried = "、".join([self.choices[role].path] + [c.path for c in self.fallbacks()])
            raise DomainError(
                "FONT_GLYPH_MISSING",
                f"字体「{tried}」都缺少字符「{ch}」（U+{ord(ch):04X}）{place}，无法打印；"
                f"请在设置中为{ROLE_ZH[role]}指定包含该字的字体，或安装含扩展B区汉字的字体"
                "（Windows：SimSun-ExtB；统信UOS/麒麟/Debian：fonts-hanazono）。",
                f"No font of the chain ({tried}) has a glyph for '{ch}' (U+{ord(ch):04X}) {where}; configure a "
                f"{role} font that has it, or install a font covering CJK Extension B (SimSun-ExtB, "
                "fonts-hanazono).", field=where or None)


def _split(spec: str) -> tuple[str, int]:
    path, _, idx = spec.partition("#")
    return path, int(idx or 0)


def _windows() -> bool:
    """Windows looks in %WINDIR%\\Fonts by file name; elsewhere fontconfig by family (tests patch this)."""
    return os.name == "nt"


def _windows_fonts_folder() -> Path:
    return Path(os.environ.get("WINDIR") or r"C:\Windows") / "Fonts"


def _windows_candidates(role: str) -> list[tuple[str, int]]:
    folder = _windows_fonts_folder()
    return [(str(folder / f), 0) for f in WINDOWS_FILES[role] if (folder / f).exists()]


def _fontconfig_candidates(role: str) -> list[tuple[str, int]]:
    return _fontconfig_families(FAMILIES[role])


def _fontconfig_families(families) -> list[tuple[str, int]]:
    if not shutil.which("fc-list"):
        return []
    found = []
    for family in families:
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


def fallback_chain(configured: dict | None = None) -> list[tuple[str, int, str]]:
    """Where the fallback fonts come from, in order: configured ``fallback``, the system's Ext-B fonts."""
    out = []
    spec = (configured or {}).get("fallback") or os.environ.get("CREDIT_DESK_FONT_FALLBACK")
    if spec:
        out.append((*_split(spec), "configured"))
    if _windows():
        folder = _windows_fonts_folder()
        out += [(str(folder / f), 0, "system") for f in WINDOWS_FALLBACK_FILES if (folder / f).exists()]
    else:
        out += [(p, i, "system") for p, i in _fontconfig_families(FALLBACK_FAMILIES)]
    return out


def _fallback_candidates(role: str) -> list[tuple[str, int]]:
    folder = resources_dir() / "fonts"
    return [(str(folder / f"{role}{ext}"), 0) for ext in (".ttf", ".ttc") if (folder / f"{role}{ext}").exists()]


def candidates(role: str, configured: dict | None = None) -> list[tuple[str, int, str]]:
    """Every place this role's font may come from, in the order they are tried."""
    out = []
    spec = (configured or {}).get(role) or os.environ.get(f"CREDIT_DESK_FONT_{role.upper()}")
    if spec:
        out.append((*_split(spec), "configured"))
    system = _windows_candidates(role) if _windows() else _fontconfig_candidates(role)
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


def check_font_file(role: str, spec: str) -> FontChoice:
    """A font file the administrator names for ``role`` (``path`` or ``path#index`` of a collection), registered
    to prove reportlab can embed it. Raises DomainError FONT_FILE naming the file and why."""
    path, index = _split(spec)
    if not Path(path).is_file():
        raise DomainError("FONT_FILE", f"字体文件「{path}」不存在。", f"The font file '{path}' does not exist.",
                          field=f"font.{role}")
    choice = _register(role, path, index, "configured")
    if choice is None:
        raise DomainError("FONT_FILE", f"字体文件「{path}」不是可嵌入的TrueType字体（OpenType/CFF字体如Noto CJK不能嵌入）。",
                          f"'{path}' is not an embeddable TrueType font (OpenType/CFF fonts such as Noto CJK are "
                          "not).", field=f"font.{role}")
    return choice


@lru_cache(maxsize=8)
def _load(configured_items: tuple) -> FontSet:
    configured = dict(configured_items)
    choices = {}
    for role in ROLES:  # the "fallback" key of the setting is the chain's head, not a role
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
    return FontSet(choices, tuple(fallback_chain(configured)))


def load_fonts(configured: dict | None = None) -> FontSet:
    """The fonts for printing, found and registered once per process (per configuration)."""
    return _load(tuple(sorted((configured or {}).items())))
