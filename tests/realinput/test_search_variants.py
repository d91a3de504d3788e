"""Issue 15, kind 6: one normaliser for stored search keys and for search input (names, IDs, USCCs, 文号).

Each stored value is found by every variant a Chinese IME, a scanner or a copy from a PDF produces.
"""

from __future__ import annotations

import random

import pytest

from credit_desk.domain import demo as gen
from credit_desk.domain.textkey import search_key
from credit_desk.services import browse, subjects
from credit_desk.store import records as record_repo
from credit_desk.store.views import PageSpec
from tests.realinput.conftest import with_check

USCC = gen.uscc(random.Random(7), "320812")
RIC = with_check("32010219900101123")
# (stored as, searched as) — each search must find the stored row, and only it
NAME_VARIANTS = [
    ("阿依古丽·买买提", "阿依古丽•买买提"), ("阿依古丽·买买提", "阿依古丽・买买提"),
    ("阿依古丽·买买提", "阿依古丽．买买提"), ("阿依古丽·买买提", "阿依古丽‧买买提"),
    ("阿依古丽·买买提", "阿依古丽∙买买提"), ("阿依古丽·买买提", "阿依古丽.买买提"),
    ("阿依古丽·买买提", "阿依古丽･买买提"), ("阿依古丽·买买提", "古丽•买买"),
    ("阿依古丽•买买提", "阿依古丽·买买提"),             # stored with the bullet, searched with the dot
    ("阿依古丽・买买提", "阿依古丽 · 买买提"),           # spaces around the dot
    ("欧阳娜娜", "欧阳　娜娜"),                           # ideographic space inside
    ("欧阳娜娜", " 欧阳娜娜 "),
    ("ＡＣＭＥ贸易有限公司", "ACME贸易"),                  # full-width letters stored
    ("ACME贸易有限公司", "ａｃｍｅ贸易"),                  # full-width lower-case typed
    ("John Smith", "john smith"),
    ("John Smith", "JOHNSMITH"),
    ("張三豐", "張三豐"),
    ("𠮷野家餐饮店", "𠮷野家"),                             # outside the BMP
]
ID_VARIANTS = [
    (RIC, "３２０１０２１９９００１０１"),                 # full-width prefix
    (RIC, "320102 19900101"),                          # spaces as printed on the card
    (RIC, RIC.lower()),
    (RIC, "320102900101123"),                          # 15-digit first-generation form
    (USCC, USCC.lower()),
    (USCC, "".join(chr(ord(c) + 0xFEE0) for c in USCC)),  # the whole code in full width
    (USCC, USCC[:6] + " " + USCC[6:12]),
]
DOC_VARIANTS = [
    ("淮政办发〔2021〕13号", "淮政办发[2021]13号"), ("淮政办发〔2021〕13号", "淮政办发【2021】13号"),
    ("淮政办发〔2021〕13号", "淮政办发（2021）13号"), ("淮政办发〔2021〕13号", "淮政办发(2021)13号"),
    ("淮政办发〔2021〕13号", "淮政办发［２０２１］１３号"), ("淮政办发〔2021〕13号", "〔2021〕13"),
    ("淮政办发[2021]13号", "淮政办发〔2021〕13号"), ("清市监罚〔2024〕118号", "清市监罚 〔2024〕 118号"),
    ("苏信用办〔2022〕7号", "苏信用办〖2022〗7号"),
]


def _kind(name: str) -> str:
    return "natural_person" if len(name) <= 8 and "公司" not in name and "店" not in name else "legal_person"


@pytest.mark.parametrize("stored,typed", NAME_VARIANTS)
def test_name_variants_find_the_same_subject(clerk, stored, typed):
    other = subjects.add_subject(clerk, kind="natural_person", name="王五", id_type="ric",
                                 id_number=with_check("32010219800101555"))
    if _kind(stored) == "natural_person":
        s = subjects.add_subject(clerk, kind="natural_person", name=stored, id_type="ric", id_number=RIC)
    else:
        s = subjects.add_subject(clerk, kind="legal_person", name=stored, id_type="uscc", id_number=USCC)
    assert [x.id for x in subjects.search_subjects(clerk, typed, "核查身份")] == [s.id]
    assert other.id != s.id
    reader = browse.Reader(clerk)
    try:  # the GUI list goes through the same keys
        token = browse.log_search(clerk, "subjects", typed, "核查身份")
        assert [r["id"] for r in browse.subjects_page(clerk, reader, PageSpec(), token)] == [s.id]
    finally:
        reader.close()


@pytest.mark.parametrize("stored,typed", ID_VARIANTS)
def test_id_variants_find_the_same_subject(clerk, stored, typed):
    kind, id_type = ("legal_person", "uscc") if stored == USCC else ("natural_person", "ric")
    s = subjects.add_subject(clerk, kind=kind, name="某某", id_type=id_type, id_number=stored)
    assert [x.id for x in subjects.search_subjects(clerk, typed, "核查身份")] == [s.id]


def _record(subject_id: int, doc_number: str) -> dict:
    return {"subject_id": subject_id, "catalogue_edition": "x", "catalogue_code": "x", "tier": "general",
            "facts": "f", "doc_type": "admin_penalty", "doc_number": doc_number, "doc_authority": "a",
            "doc_issued": "2025-01-01", "doc_effective": "2025-01-16", "doc_citation": None, "department": "d",
            "act_date": "2024-12-01", "decision_date": "2025-01-01", "rule_set_code": "", "status": "active",
            "demo": 0, "created_by": "t", "created_at": "2025-01-01T00:00:00", "updated_at": "2025-01-01T00:00:00"}


@pytest.mark.parametrize("stored,typed", DOC_VARIANTS)
def test_doc_number_variants_find_the_same_record(clerk, stored, typed):
    s = subjects.add_subject(clerk, kind="natural_person", name="王五", id_type="ric", id_number=RIC)
    with clerk.ledger.tx() as tx:
        record_repo.insert_many(tx, [_record(s.id, "淮市监罚〔2020〕1号"), _record(s.id, stored)])
    reader = browse.Reader(clerk)
    try:
        token = browse.log_search(clerk, "records", typed, "核查文书")
        rows = browse.records_page(clerk, reader, PageSpec(), token)
        assert [r["doc_number"] for r in rows] == [stored]
    finally:
        reader.close()


def test_one_normaliser_is_idempotent_over_the_tables():
    for stored, typed in NAME_VARIANTS + ID_VARIANTS + DOC_VARIANTS:
        assert search_key(search_key(typed)) == search_key(typed)
        assert search_key(typed) in search_key(stored) or search_key(stored).startswith(search_key(typed)[:6])


def test_migration_10_rebuilds_keys_of_rows_written_before_it(tmp_path):
    from credit_desk.store import keys, migrate
    from credit_desk.store import ledger as ledger_store
    from credit_desk.store import search, subjects as subject_repo
    from credit_desk.store.ledger import LedgerPaths
    from credit_desk.store.migrations import MIGRATIONS
    from credit_desk.domain.ids import IdType, SubjectKind
    from credit_desk.domain.subjects import Subject
    from credit_desk.store.tx import Tx
    c = ledger_store.connect(tmp_path / "ledger.db", keys.new_key())
    c.execute("BEGIN")
    for m in MIGRATIONS:
        if m.VERSION < 10:
            m.up(c)
    c.execute("PRAGMA user_version = 9")
    c.execute("COMMIT")
    c.execute("BEGIN IMMEDIATE")
    subject_repo.insert_many(Tx(c, "t"), [Subject(None, SubjectKind.NATURAL_PERSON, "阿依古丽•买买提", IdType.RIC,
                                                  RIC)])
    c.execute("COMMIT")
    assert subject_repo.search(c, "阿依古丽·买买提") == []  # migration 9 indexed the raw text
    migrate.upgrade(c, LedgerPaths(tmp_path), "t")
    assert [s.name for s in subject_repo.search(c, "阿依古丽·买买提")] == ["阿依古丽•买买提"]
    assert search.records_by_doc_number(c, "x") == []
    c.close()


def test_cli_search_with_a_bullet_and_full_width_digits(office, secret_files):
    from tests.realinput.conftest import clerk_cli
    import json
    run = clerk_cli(office, secret_files)
    code, out, err = run("subject", "add", "--kind", "natural_person", "--name", "阿依古丽·买买提", "--id-type", "ric",
                         "--id-number", RIC)
    assert code == 0, err
    for typed in ("阿依古丽•买买提", "３２０１０２１９９０", "阿依古丽．买买提"):
        code, out, err = run("--json", "subject", "search", typed, "--purpose", "核查身份")
        assert code == 0, err
        rows = json.loads(out)
        assert len(rows) == 1 and rows[0]["name"] == "阿***·**提"  # found, and masked by kind (R15)


def test_platform_joint_list_entries_go_through_the_same_normaliser(clerk):
    """Bundles from the platform: an entry typed with full-width digits or a 15-digit ID, or a name with a
    bullet for the dot, matches the subject; a person's name in the prompt is masked (R15)."""
    from credit_desk.services import downstream, matching
    s = subjects.add_subject(clerk, kind="natural_person", name="阿依古丽·买买提", id_type="ric",
                             id_number="320102199001011232")
    data = {"lists": [{"list_id": "L1", "title": "失信被执行人", "list_type": "black", "entries": [
        {"entry_id": "E1", "name": "某甲", "id_type": "ric", "id_number": "３２０１０２１９９００１０１１２３２"},
        {"entry_id": "E2", "name": "某乙", "id_type": "ric", "id_number": "320102900101123"},
        {"entry_id": "E3", "name": "阿依古丽•买买提", "id_type": None, "id_number": None},
        {"entry_id": "E4", "name": "别人", "id_type": "ric", "id_number": "110105194912310021"}]}]}
    with clerk.ledger.tx() as tx:
        downstream._APPLY["joint_list"](tx, clerk.ledger.conn, data, 1)
    prompts = matching.match_prompts(clerk, s.id, purpose="核对联合惩戒名单")
    assert sorted(p["entry_id"] for p in prompts) == ["E1", "E2", "E3"]
    assert {p["entry_id"]: p["name"] for p in prompts}["E3"] == "阿***•**提"
