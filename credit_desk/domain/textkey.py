"""One normaliser for text that identifies a subject or a document (search keys and search input).

``search_key`` is applied both when a key is stored (the FTS indexes over subject names and 文号 call it
through the SQL function ``cd_search_key`` that ``store.ledger.connect`` registers) and to what the clerk
types, so any variant an IME, a scanner or a copy from a PDF produces finds the same row:

* Unicode NFKC: full-width digits, letters and brackets become half-width (``１３０１１１`` → ``130111``),
  compatibility ideographs become their unified form, ``･`` becomes ``・``;
* every middle-dot variant NFKC leaves alone becomes ``·`` (U+00B7): ``•`` ``・`` ``．`` ``‧`` ``∙`` ``⋅``
  ``ㆍ`` ``﹒`` ``⸱`` and the ASCII full stop (names such as 阿依古丽·买买提 are typed with any of them);
* the brackets of a 文号 (``〔〕`` ``[]`` ``【】`` ``〖〗`` ``〘〙`` ``()`` ``（）`` ``［］``) become ``〔〕``;
* CJK Radicals Supplement forms that a copy from a PDF produces for whole characters (``⻓江⻄路``) become
  the ideographs (``长江西路``, ``RADICAL_FORMS``);
* dash variants (``－`` ``—`` ``–`` ``‐`` ``―`` ``一`` is NOT one: it is the digit one in Chinese) become ``-``;
* all whitespace, including U+3000 and no-break spaces, and zero-width characters are removed;
* Latin letters are upper-cased (ID numbers and codes are stored in capitals);
* traditional characters and their Hong Kong / Taiwan variants become simplified (``陳小明`` → ``陈小明``,
  ``發改財金`` → ``发改财金``, ``衞`` → ``卫``) through OpenCC's dictionaries, one character at a time
  (``fold_script``): a fragment folds to a substring of the whole name's fold, so 乾 finds 乾坤 whatever the
  phrase dictionary would say about the pair; simplified text and CJK Extension A/B characters (㐂, 𠮷, 𪚥)
  that have no simplified form are unchanged.

The function is pure and deterministic: stored keys built today equal keys built from the same text later.
If it ever changes, a migration rebuilds the stored keys (``m0010_rebuild_search_keys``; the fold of
traditional characters: ``m0023_rebuild_search_keys_simplified``; the radical forms:
``m0025_rebuild_search_keys_radicals``).
"""

from __future__ import annotations

import re
import threading
import unicodedata

MIDDLE_DOT = "\u00b7"
# middle-dot look-alikes that NFKC keeps (or turns into "."): U+2022 • U+30FB ・ U+FF0E ． U+2027 ‧
# U+2219 ∙ U+22C5 ⋅ U+318D ㆍ U+FE52 ﹒ U+2E31 ⸱ U+0387 · U+16EB ᛫ U+2981 ⦁ U+00B7 itself, and "."
DOT_VARIANTS = "\u2022\u30fb\uff0e\u2027\u2219\u22c5\u318d\ufe52\u2e31\u0387\u16eb\u2981\u00b7."
_OPEN = "〔[【〖(（［｛{〘"
_CLOSE = "〕]】〗)）］｝}〙"
_DASHES = "－—–‐‑‒―−﹣"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width characters, BOM, soft hyphen
_INVISIBLE = INVISIBLE
# CJK Radicals Supplement characters that stand for a whole ideograph: text copied from PDFs whose fonts map
# glyphs to radicals comes out as ⻓江⻄路 for 长江西路. NFKC folds the Kangxi radicals (⼈ → 人) but not these;
# the pairs follow Unicode's EquivalentUnifiedIdeograph data (names: CJK RADICAL C-SIMPLIFIED LONG → 长 …).
RADICAL_FORMS = dict(zip("⺟⺠⻄⻅⻆⻉⻋⻓⻔⻙⻚⻛⻜⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳⻑⻘⻝⻣⻤",
                         "母民西见角贝车长门韦页风飞马鱼鸟卤麦黄黾齐齿龙龟長青食骨鬼"))
_TABLE = str.maketrans({**{c: MIDDLE_DOT for c in DOT_VARIANTS}, **{c: "〔" for c in _OPEN},
                        **{c: "〕" for c in _CLOSE}, **{c: "-" for c in _DASHES},
                        **{c: None for c in _INVISIBLE}, **RADICAL_FORMS})
_SPACE = re.compile(r"\s+")


# only ideographs have a traditional/simplified pair: CJK radicals to the unified block, compatibility
# ideographs, and the supplementary ideographic planes; everything else (and lone surrogates, which cannot
# be encoded for the C++ library) is returned as it is
_HAN_RANGES = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))
# OpenCC's Hong Kong → simplified chain: the HK and Taiwan variant forms first (衞, 粧, 裡), then the
# traditional → simplified characters; used one character at a time only (see ``fold_script``)
OPENCC_CONFIG = "hk2s"
# simplified forms the 2013 通用规范汉字表 keeps for names, whose traditional form OpenCC folds elsewhere: 鍾 → 钟,
# but an ID card since 2013 may read 锺 (the surname's own simplification), so 锺 folds with 鍾 and 钟
NAME_VARIANTS = {"锺": "钟"}
FOLD_ROUNDS = 4  # the longest chain seen in the whole CJK block is two steps (薴 → 苧 → 苎)


class _ScriptFold(dict):
    """A ``str.translate`` table filled on first use: code point → its simplified character(s)."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._converter = None

    def __missing__(self, point: int) -> str:
        folded = self._one(chr(point))
        # OpenCC's chain is not closed under itself: 薴 → 苧, and 苧 → 苎. A key must be a fixed point (a stored
        # key searched again finds itself, and 薴, 苧 and 苎 find one another), so fold until nothing changes
        for _ in range(FOLD_ROUNDS):
            again = "".join(self._one(c) for c in folded)
            if again == folded:
                break
            folded = again
        self[point] = folded
        return folded

    def _one(self, ch: str) -> str:
        point = ord(ch)
        if ch in NAME_VARIANTS:
            return NAME_VARIANTS[ch]
        if not any(lo <= point <= hi for lo, hi in _HAN_RANGES):
            return ch
        with self._lock:
            if self._converter is None:
                import opencc  # the C++ OpenCC library and its dictionaries, loaded on first use
                self._converter = opencc.OpenCC(OPENCC_CONFIG)
            return self._converter.convert(ch) or ch


_SCRIPT_FOLD = _ScriptFold()


def fold_script(text: str) -> str:
    """Traditional and variant Chinese characters → simplified, character by character (``陳`` → ``陈``).

    Deterministic and applied per character, so ``fold_script(a + b) == fold_script(a) + fold_script(b)``:
    a search fragment folds to a substring of the stored key. Other characters are returned unchanged.
    """
    return text.translate(_SCRIPT_FOLD)


def search_key(text: str | None) -> str:
    """The normalised form of ``text`` for storing as a search key and for searching (see module doc).

    ``None`` gives ``""``. Never raises for any string.
    """
    if not text:
        return ""
    value = unicodedata.normalize("NFKC", text).translate(_TABLE)
    # NFKC may produce new variants (e.g. U+FF0E → "."), so translate after it; then drop whitespace
    return fold_script(_SPACE.sub("", value).upper())


def display_clean(text: str | None) -> str:
    """A name as stored for display: NFC, surrounding whitespace removed, inner runs of spaces kept as one.

    Unlike ``search_key`` this keeps the clerk's own characters (the dot they typed stays on the notice).
    """
    return " ".join(unicodedata.normalize("NFC", text or "").split())


_BRACKETS = str.maketrans({**{c: "〔" for c in _OPEN}, **{c: "〕" for c in _CLOSE}})


def clean_doc_number(text: str | None) -> str:
    """A 文号 as it should be printed: NFKC (half-width digits), year brackets as 〔〕, no spaces."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or "").translate(_BRACKETS))
