"""Issue 21: printing with the fonts a 信创 desktop ships. UOS and Kylin carry the Founder (方正) GBK fonts and the
Zhongyi (中易) fonts under their own family names, in files whose names differ between releases. The fixture makes
a font folder the way such a PC has it — free CJK TrueType fonts given those family names with fontTools, stored
under file names that say nothing — and points fontconfig at that folder only. The notice must print with them,
found by family name, and the PDF must embed them as subsets."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from credit_desk.documents import fonts as F
from credit_desk.services import document_sources, documents
from tests.documents.conftest import pdffonts, pdftotext

fontTools = pytest.importorskip("fontTools", reason="fonttools is a test dependency (pyproject [test])")
from fontTools.ttLib import TTFont  # noqa: E402

# (family names as fontconfig reports them, PostScript name) per role, for each desktop
UOS = {"song": (("方正书宋_GBK", "FZShuSong-Z01"), "FZShuSong-Z01"),
       "fang": (("方正仿宋_GBK", "FZFangSong-Z02"), "FZFangSong-Z02"),
       "hei": (("方正黑体_GBK", "FZHei-B01"), "FZHei-B01"),
       "kai": (("方正楷体_GBK", "FZKai-Z03"), "FZKai-Z03")}
KYLIN_ZHONGYI = {"song": (("宋体", "SimSun"), "SimSun"),
                 "fang": (("仿宋_GB2312", "FangSong_GB2312"), "FangSong_GB2312"),
                 "hei": (("黑体", "SimHei"), "SimHei"),
                 "kai": (("楷体_GB2312", "KaiTi_GB2312"), "KaiTi_GB2312")}


def _source_font() -> tuple[str, int] | None:
    """A free CJK TrueType font installed by scripts/setup.sh (fonts-arphic-uming / fonts-wqy-zenhei)."""
    if not shutil.which("fc-match"):
        return None
    for family in ("AR PL UMing CN", "WenQuanYi Zen Hei"):
        out = subprocess.run(["fc-match", "-f", "%{family}|%{file}|%{index}", family], capture_output=True,
                             text=True).stdout
        fam, _, rest = out.partition("|")
        path, _, idx = rest.partition("|")
        if family in fam.split(",") and path.endswith((".ttf", ".ttc")):
            return path, int(idx or 0)
    return None


def _renamed(src: tuple[str, int], families: tuple[str, ...], ps_name: str, out) -> None:
    """The source font with only its name table changed: the families (Chinese first) and PostScript name."""
    font = TTFont(src[0], fontNumber=src[1], lazy=True)
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22):
            name.removeNames(nameID=rec.nameID)
    zh, en = families
    name.setName(zh, 1, 3, 1, 0x804)
    name.setName(en, 1, 3, 1, 0x409)
    name.setName("Regular", 2, 3, 1, 0x409)
    for nid in (3, 4, 6):
        name.setName(ps_name, nid, 3, 1, 0x409)
    font.save(str(out))


def _font_folder(tmp_path_factory, desktop: dict) -> tuple:
    src = _source_font()
    if src is None:
        pytest.skip("no free CJK TrueType font to rename (install fonts-arphic-uming: scripts/setup.sh)")
    folder = tmp_path_factory.mktemp("fonts")
    for i, (role, (families, ps)) in enumerate(sorted(desktop.items())):
        _renamed(src, families, ps, folder / f"f{i:02d}.ttf")  # file names that say nothing
    conf = folder.parent / f"{folder.name}.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{folder}</dir><cachedir>{folder.parent / (folder.name + '.cache')}</cachedir></fontconfig>
""", encoding="utf-8")
    return folder, conf


@pytest.fixture(scope="module")
def uos_fonts(tmp_path_factory):
    return _font_folder(tmp_path_factory, UOS)


@pytest.fixture(scope="module")
def kylin_fonts(tmp_path_factory):
    return _font_folder(tmp_path_factory, KYLIN_ZHONGYI)


@pytest.fixture
def only_these_fonts(monkeypatch):
    """fontconfig sees only the fixture folder (not the build machine's fonts); the font cache is reset."""
    def use(folder_conf):
        folder, conf = folder_conf
        monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
        for role in F.ROLES:
            monkeypatch.delenv(f"CREDIT_DESK_FONT_{role.upper()}", raising=False)
        F._load.cache_clear()
        return folder
    yield use
    F._load.cache_clear()


@pytest.mark.parametrize("desktop", ["uos", "kylin"])
def test_fonts_are_found_by_family_name_not_file_name(only_these_fonts, uos_fonts, kylin_fonts, desktop):
    table = UOS if desktop == "uos" else KYLIN_ZHONGYI
    folder = only_these_fonts(uos_fonts if desktop == "uos" else kylin_fonts)
    fs = F.load_fonts()
    for role, (families, ps) in table.items():
        choice = fs.choices[role]
        assert choice.source == "system" and choice.path.startswith(str(folder)), (role, choice)
        assert ord("信") in F.pdfmetrics.getFont(choice.name).face.charToGlyph  # registered, has the glyphs
        # the role got the font of ITS family: 仿宋 is not replaced by 楷体 when a real 仿宋 is there
        assert ps in subprocess.run(["fc-scan", "-f", "%{postscriptname}", choice.path],
                                    capture_output=True, text=True).stdout, (role, choice.path)


def test_notice_prints_with_the_founder_fonts_of_uos(only_these_fonts, uos_fonts, session, person, tmp_path):
    only_these_fonts(uos_fonts)
    item = document_sources.item_for(session, "credit_query", subject_id=person, purpose="政府采购资格审查")
    documents.issue(session, "credit_query", [item], tmp_path / "q.pdf")
    text = re.sub(r"\s", "", pdftotext(tmp_path / "q.pdf"))
    assert "张" in text and "信用" in text
    rows = pdffonts(tmp_path / "q.pdf")
    names = " ".join(r["name"] for r in rows)
    assert rows and all(r["emb"] == "yes" and r["sub"] == "yes" for r in rows), rows
    assert "FZ" in names, names  # embedded subsets of the 方正 fonts, nothing else
    assert not any(n in names for n in ("UMing", "UKai", "WenQuanYi", "Zen")), names


def test_without_any_chinese_font_printing_says_what_to_install(monkeypatch, tmp_path):
    conf = tmp_path / "empty.conf"
    (tmp_path / "none").mkdir()
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{tmp_path / "none"}</dir>'
                    f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>', encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    monkeypatch.setattr(F, "resources_dir", lambda: tmp_path)  # no bundled fallback fonts either
    F._load.cache_clear()
    try:
        with pytest.raises(F.DomainError) as err:
            F.load_fonts()
        assert err.value.code == "FONT_MISSING" and "中文字体" in err.value.zh
    finally:
        F._load.cache_clear()
