"""Issue 15, kind 6 (search variants), traditional and simplified script: a name or 文号 stored in one script is
found when typed in the other — 陳小明 finds 陈小明 and the reverse — through the one normaliser
(``domain.textkey.search_key`` → ``fold_script``, OpenCC's dictionaries), in the subjects search, the subjects
and records lists, the CLI and the 双公示 register; keys stored before migration 23 are rebuilt by it.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credit_desk.domain import demo as gen
from credit_desk.domain.textkey import fold_script, search_key
from credit_desk.services import browse, subjects
from credit_desk.store import records as record_repo
from credit_desk.store.views import PageSpec
from tests.realinput.conftest import clerk_cli, with_check
from tests.realinput.test_search_variants import _record

RIC = with_check("32010219900101123")
USCC = gen.uscc(random.Random(11), "320812")
# (kind, stored as, typed as): each search must find the stored row and not the other subject (王五)
SCRIPT_VARIANTS = [
    ("natural_person", "陳小明", "陈小明"),                # traditional stored, simplified typed
    ("natural_person", "陈小明", "陳小明"),                # and the reverse
    ("natural_person", "陳小明", "陳小"),                  # a fragment
    ("natural_person", "歐陽娜娜", "欧阳娜娜"),             # compound surname
    ("natural_person", "张三丰", "張三豐"),
    ("natural_person", "劉德華", "刘德"),                  # two-character fragment (gram index)
    ("natural_person", "鄧麗君", "邓"),                    # one character (prefix of the gram index)
    ("natural_person", "阿依古麗·買買提", "阿依古丽•买买提"),  # traditional + a bullet for the dot
    ("natural_person", "衞小華", "卫小华"),                 # Hong Kong variant form 衞
    ("natural_person", "黃裏", "黄里"),                    # 裏 (variant of 裡) → 里
    ("natural_person", "𠮷田陳", "𠮷田陈"),                 # Extension B beside a traditional character
    ("legal_person", "臺灣貿易有限公司", "台湾贸易"),
    ("legal_person", "台湾贸易有限公司", "臺灣貿易"),
    ("legal_person", "ＡＣＭＥ電子科技有限公司", "acme电子"),  # full width and traditional together
    ("legal_person", "乾坤實業有限公司", "乾"),             # 乾 alone folds as in the whole name
    ("legal_person", "乾坤實業有限公司", "干坤实业"),
    ("legal_person", "著名餐飲管理有限公司", "著名餐饮"),     # 著 is simplified too: unchanged
    ("legal_person", "长江西路门市部有限公司", "⻓江⻄路⻔市"),  # copied from a PDF: radical forms (⻓ ⻄ ⻔)
    ("legal_person", "⻩河⻢业有限公司", "黄河马业"),        # stored from such a copy, typed properly
    ("natural_person", "\uf90a小明", "金小明"),             # a compatibility ideograph (NFKC)
    ("natural_person", "\u2f08小明", "人小明"),             # a Kangxi radical (NFKC)
]
DOC_SCRIPT_VARIANTS = [
    ("發改財金〔2021〕15號", "发改财金[2021]15号"),
    ("发改财金〔2021〕15号", "發改財金（2021）15號"),
    ("淮政辦發〔2021〕13號", "政办发〔2021〕13"),
    ("國辦發明電〔2025〕7號", "国办发明电"),
    ("⻓政发〔2021〕5号", "长政发〘2021〙5号"),              # radical form and white tortoise-shell brackets
]


def _add(clerk, kind: str, name: str):
    if kind == "natural_person":
        return subjects.add_subject(clerk, kind=kind, name=name, id_type="ric", id_number=RIC)
    return subjects.add_subject(clerk, kind=kind, name=name, id_type="uscc", id_number=USCC)


@pytest.mark.parametrize("kind,stored,typed", SCRIPT_VARIANTS, ids=[f"{s}<-{t}" for _, s, t in SCRIPT_VARIANTS])
def test_traditional_and_simplified_find_the_same_subject(clerk, kind, stored, typed):
    other = subjects.add_subject(clerk, kind="natural_person", name="王五", id_type="ric",
                                 id_number=with_check("32010219800101555"))
    s = _add(clerk, kind, stored)
    assert [x.id for x in subjects.search_subjects(clerk, typed, "核查身份")] == [s.id]
    reader = browse.Reader(clerk)
    try:  # the subjects list and the records list (by the subject's name) go through the same keys
        token = browse.log_search(clerk, "subjects", typed, "核查身份")
        assert [r["id"] for r in browse.subjects_page(clerk, reader, PageSpec(), token)] == [s.id]
        assert browse.subjects_count(clerk, reader, token) == 1
        with clerk.ledger.tx() as tx:
            record_repo.insert_many(tx, [_record(other.id, "淮市监罚〔2020〕1号"), _record(s.id, "淮市监罚〔2020〕2号")])
        token = browse.log_search(clerk, "records", typed, "核查文书")
        assert [r["subject_id"] for r in browse.records_page(clerk, reader, PageSpec(), token)] == [s.id]
    finally:
        reader.close()


@pytest.mark.parametrize("stored,typed", DOC_SCRIPT_VARIANTS)
def test_doc_numbers_in_either_script_find_the_same_record(clerk, stored, typed):
    s = subjects.add_subject(clerk, kind="natural_person", name="王五", id_type="ric", id_number=RIC)
    with clerk.ledger.tx() as tx:
        record_repo.insert_many(tx, [_record(s.id, "淮市监罚〔2020〕1号"), _record(s.id, stored)])
    reader = browse.Reader(clerk)
    try:
        token = browse.log_search(clerk, "records", typed, "核查文书")
        assert [r["doc_number"] for r in browse.records_page(clerk, reader, PageSpec(), token)] == [stored]
        assert browse.records_count(clerk, reader, token) == 1
    finally:
        reader.close()


def test_fold_keeps_what_has_no_simplified_form():
    for text in ("陈小明", "㐂", "𠮷", "𪚥", "ACME", "320102199001011232", "·", "〔〕", "\U000f0000", "a\ud800b"):
        assert fold_script(text) == text
    assert search_key("陳小明") == search_key("陈小明") == "陈小明"
    assert search_key("發改財金〔2021〕15號") == "发改财金〔2021〕15号"


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


@settings(max_examples=300, deadline=None)
@given(st.text(HAN, max_size=8), st.text(HAN, max_size=8))
def test_fold_works_character_by_character(a, b):
    """A fragment's key is a substring of the whole name's key: a phrase-level conversion (乾坤 kept, 乾 → 干)
    would lose rows; the fold is per character, so search_key(a + b) == search_key(a) + search_key(b)."""
    assert search_key(a + b) == search_key(a) + search_key(b)
    assert search_key(search_key(a)) == search_key(a)


def _decision(name: str):
    from datetime import timedelta

    from credit_desk.domain import disclosure
    from tests.e2e.disclosure_kit import penalty_row
    from tests.realinput.conftest import NOW
    today = NOW.date()
    from credit_desk.domain.rulesets import NATIONAL_2026
    found, errors = disclosure.check_decision({**penalty_row(1, today - timedelta(days=2)), "party_name": name}, today)
    assert errors == []
    return disclosure.with_periods(found, NATIONAL_2026, today + timedelta(days=7))


def test_disclosure_register_finds_the_party_in_either_script(clerk):
    from credit_desk.store import disclosures
    with clerk.ledger.tx() as tx:
        disclosures.insert(tx, _decision("陳氏貿易有限公司"), "clerk1")
    assert [d.party_name for d in disclosures.page(clerk.ledger.conn, text="陈氏贸易")] == ["陳氏貿易有限公司"]


def test_migration_23_rebuilds_keys_written_by_the_earlier_normaliser(tmp_path):
    """Rows indexed at schema 22 (keys without the fold) are found in the other script after the upgrade."""
    import unicodedata

    from credit_desk.domain.ids import IdType, SubjectKind
    from credit_desk.domain.subjects import Subject
    from credit_desk.domain.textkey import _SPACE, _TABLE
    from credit_desk.store import disclosures, keys, migrate
    from credit_desk.store import ledger as ledger_store
    from credit_desk.store import search, subjects as subject_repo
    from credit_desk.store.ledger import LedgerPaths
    from credit_desk.store.migrations import MIGRATIONS
    from credit_desk.store.tx import Tx

    def key_22(text):  # search_key as it was at schema 22 (no traditional → simplified fold)
        return _SPACE.sub("", unicodedata.normalize("NFKC", text or "").translate(_TABLE)).upper() if text else ""
    c = ledger_store.connect(tmp_path / "ledger.db", keys.new_key())
    c.create_function("cd_search_key", 1, key_22, deterministic=True)
    c.execute("BEGIN")
    for m in MIGRATIONS:
        if m.VERSION < 23:
            m.up(c)
    c.execute("PRAGMA user_version = 22")
    c.execute("COMMIT")
    c.execute("BEGIN IMMEDIATE")
    tx = Tx(c, "t")
    subject_repo.insert_many(tx, [Subject(None, SubjectKind.NATURAL_PERSON, "陳小明", IdType.RIC, RIC)])
    record_repo.insert_many(tx, [_record(1, "發改財金〔2021〕15號")])
    c.execute("INSERT INTO admin_decisions (kind, party_name, party_kind, doc_number, category, content, "
              "decision_date, authority, authority_uscc, source_unit, source_uscc, publish_due, rule_set_code, "
              "name_key, created_by, created_at, updated_at) VALUES ('penalty', '陳氏貿易有限公司', 'legal_person', "
              "'x', 'c', 'c', '2026-01-01', 'a', 'u', 's', 'u', '2026-01-10', 'r', ?, 't', 't', 't')",
              (key_22("陳氏貿易有限公司"),))
    c.execute("COMMIT")
    ledger_store.register_functions(c)  # the current normaliser, as every connection has it
    assert subject_repo.search(c, "陈小明") == []  # the old keys: not found in the other script
    assert search.records_by_doc_number(c, "发改财金") == []
    migrate.upgrade(c, LedgerPaths(tmp_path), "t")
    assert [s.name for s in subject_repo.search(c, "陈小明")] == ["陳小明"]
    assert [s.name for s in subject_repo.search(c, "陳小明")] == ["陳小明"]
    assert [n for _, n in search.records_by_doc_number(c, "发改财金")] == ["發改財金〔2021〕15號"]
    assert [d.party_name for d in disclosures.page(c, text="陈氏")] == ["陳氏貿易有限公司"]
    c.close()


def test_migration_25_rebuilds_keys_written_before_the_radical_forms(tmp_path):
    """Rows indexed at schema 24 (radical forms kept) are found by the ideographs after the upgrade."""
    import unicodedata

    from credit_desk.domain import textkey as tk
    from credit_desk.domain.ids import IdType, SubjectKind
    from credit_desk.domain.subjects import Subject
    from credit_desk.store import keys, migrate
    from credit_desk.store import ledger as ledger_store
    from credit_desk.store import subjects as subject_repo
    from credit_desk.store.ledger import LedgerPaths
    from credit_desk.store.migrations import MIGRATIONS
    from credit_desk.store.tx import Tx
    table_24 = {k: v for k, v in tk._TABLE.items() if chr(k) not in tk.RADICAL_FORMS}

    def key_24(text):  # search_key as it was at schema 24
        if not text:
            return ""
        return tk.fold_script(tk._SPACE.sub("", unicodedata.normalize("NFKC", text).translate(table_24)).upper())
    c = ledger_store.connect(tmp_path / "ledger.db", keys.new_key())
    c.create_function("cd_search_key", 1, key_24, deterministic=True)
    c.execute("BEGIN")
    for m in MIGRATIONS:
        if m.VERSION < 25:
            m.up(c)
    c.execute("PRAGMA user_version = 24")
    c.execute("COMMIT")
    c.execute("BEGIN IMMEDIATE")
    subject_repo.insert_many(Tx(c, "t"), [Subject(None, SubjectKind.LEGAL_PERSON, "⻓江⻄路贸易有限公司", IdType.USCC,
                                                  USCC)])
    c.execute("COMMIT")
    ledger_store.register_functions(c)
    assert subject_repo.search(c, "长江西路") == []
    migrate.upgrade(c, LedgerPaths(tmp_path), "t")
    assert [s.name for s in subject_repo.search(c, "长江西路")] == ["⻓江⻄路贸易有限公司"]
    c.close()


def test_cli_subject_and_record_search_across_scripts(office, secret_files):
    run = clerk_cli(office, secret_files)
    code, out, err = run("--json", "subject", "add", "--kind", "natural_person", "--name", "陳小明", "--id-type",
                         "ric", "--id-number", RIC)
    assert code == 0, err
    for typed in ("陈小明", "陳小明", "陈小"):
        code, out, err = run("--json", "subject", "search", typed, "--purpose", "核查身份")
        assert code == 0, err
        rows = json.loads(out)
        assert len(rows) == 1 and rows[0]["name"] == "陳*明", typed  # found, and masked by kind (R15)
    code, out, err = run("--json", "record", "search", "陈小明", "--purpose", "核查文书")
    assert code == 0 and json.loads(out) == [], err  # no record yet: an empty answer, no traceback
    code, out, err = run("record", "search", "陈小明", "--purpose", "核查文书")
    assert code == 0 and "没有找到" in out, err
