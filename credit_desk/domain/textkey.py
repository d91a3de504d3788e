"""One normaliser for text that identifies a subject or a document (search keys and search input).

``search_key`` is applied both when a key is stored (the FTS indexes over subject names and 文号 call it
through the SQL function ``cd_search_key`` that ``store.ledger.connect`` registers) and to what the clerk
types, so any variant an IME, a scanner or a copy from a PDF produces finds the same row:

* Unicode NFKC: full-width digits, letters and brackets become half-width (``１３０１１１`` → ``130111``),
  compatibility ideographs become their unified form, ``･`` becomes ``・``;
* every middle-dot variant NFKC leaves alone becomes ``·`` (U+00B7): ``•`` ``・`` ``．`` ``‧`` ``∙`` ``⋅``
  ``ㆍ`` ``﹒`` ``⸱`` and the ASCII full stop (names such as 阿依古丽·买买提 are typed with any of them);
* the brackets of a 文号 (``〔〕`` ``[]`` ``【】`` ``〖〗`` ``()`` ``（）`` ``［］``) become ``〔〕``;
* dash variants (``－`` ``—`` ``–`` ``‐`` ``―`` ``一`` is NOT one: it is the digit one in Chinese) become ``-``;
* all whitespace, including U+3000 and no-break spaces, and zero-width characters are removed;
* Latin letters are upper-cased (ID numbers and codes are stored in capitals).

The function is pure and deterministic: stored keys built today equal keys built from the same text later.
If it ever changes, a migration rebuilds the stored keys (see ``m0010_rebuild_search_keys``).
"""

from __future__ import annotations

import re
import unicodedata

MIDDLE_DOT = "\u00b7"
# middle-dot look-alikes that NFKC keeps (or turns into "."): U+2022 • U+30FB ・ U+FF0E ． U+2027 ‧
# U+2219 ∙ U+22C5 ⋅ U+318D ㆍ U+FE52 ﹒ U+2E31 ⸱ U+0387 · U+16EB ᛫ U+2981 ⦁ U+00B7 itself, and "."
DOT_VARIANTS = "\u2022\u30fb\uff0e\u2027\u2219\u22c5\u318d\ufe52\u2e31\u0387\u16eb\u2981\u00b7."
_OPEN = "〔[【〖(（［｛{"
_CLOSE = "〕]】〗)）］｝}"
_DASHES = "－—–‐‑‒―−﹣"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width characters, BOM, soft hyphen
_INVISIBLE = INVISIBLE
_TABLE = str.maketrans({**{c: MIDDLE_DOT for c in DOT_VARIANTS}, **{c: "〔" for c in _OPEN},
                        **{c: "〕" for c in _CLOSE}, **{c: "-" for c in _DASHES},
                        **{c: None for c in _INVISIBLE}})
_SPACE = re.compile(r"\s+")


def search_key(text: str | None) -> str:
    """The normalised form of ``text`` for storing as a search key and for searching (see module doc).

    ``None`` gives ``""``. Never raises for any string.
    """
    if not text:
        return ""
    value = unicodedata.normalize("NFKC", text).translate(_TABLE)
    # NFKC may produce new variants (e.g. U+FF0E → "."), so translate after it; then drop whitespace
    return _SPACE.sub("", value).upper()


def display_clean(text: str | None) -> str:
    """A name as stored for display: NFC, surrounding whitespace removed, inner runs of spaces kept as one.

    Unlike ``search_key`` this keeps the clerk's own characters (the dot they typed stays on the notice).
    """
    return " ".join(unicodedata.normalize("NFC", text or "").split())


_BRACKETS = str.maketrans({**{c: "〔" for c in _OPEN}, **{c: "〕" for c in _CLOSE}})


def clean_doc_number(text: str | None) -> str:
    """A 文号 as it should be printed: NFKC (half-width digits), year brackets as 〔〕, no spaces."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or "").translate(_BRACKETS))
