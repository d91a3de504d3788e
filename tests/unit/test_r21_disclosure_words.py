"""R21: a department's 双公示 sheet may write the product's words in any case, width or spacing.

The legacy import folded case and width (mut23, 3eea89a); the 双公示 import compared words exactly, so a sheet
writing ``Licence`` or ``ＰＥＮＡＬＴＹ`` or 「行政 处罚」 was refused as a whole (imports are all-or-nothing).
"""

from __future__ import annotations

import pytest

from credit_desk.domain import disclosure as d
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.ids import IdType
from credit_desk.domain.rulesets import Tier


@pytest.mark.parametrize("word, words, value", [
    ("Licence", d._KIND_WORDS, d.DecisionKind.LICENCE), ("ＰＥＮＡＬＴＹ", d._KIND_WORDS, d.DecisionKind.PENALTY),
    ("行政 处罚", d._KIND_WORDS, d.DecisionKind.PENALTY), (" 许可 ", d._KIND_WORDS, d.DecisionKind.LICENCE),
    ("SERIOUS", d._TIER_WORDS, Tier.SERIOUS), ("ric", d._ID_TYPE_WORDS, IdType.RIC),
    ("身份证", d._ID_TYPE_WORDS, IdType.RIC)])
def test_r21_disclosure_words_fold_case_width_and_spaces(word, words, value):
    assert d._word(word, words, "kind") == value


def test_r21_an_unknown_word_is_still_refused_naming_the_field_and_the_choices():
    with pytest.raises(ValidationError) as exc:
        d._word("Licences", d._KIND_WORDS, "kind")
    assert "决定类别" in exc.value.zh and "行政许可" in exc.value.zh


def test_r21_the_legacy_import_folds_words_the_same_way():
    from credit_desk.domain import legacy
    assert legacy._word_key("ｓｅｒｉｏｕｓ ") == d.word_key("SERIOUS")
