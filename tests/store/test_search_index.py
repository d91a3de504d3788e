"""Issue 9: the FTS5 indexes and tallies of migration 9 — backfilled on upgrade, kept in step by triggers, and
giving exactly what a LIKE scan gives (trigram for 3+ characters, grams for 1–2: 张三 is a whole name)."""

from __future__ import annotations

import random

import pytest

from credit_desk.bench import seeding
from credit_desk.domain import demo as gen
from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.subjects import Subject
from credit_desk.services import demo
from credit_desk.store import keys, migrate, records, search, subjects, tallies
from credit_desk.store import ledger as ledger_store
from credit_desk.store.ledger import LedgerPaths
from credit_desk.store.migrations import MIGRATIONS
from credit_desk.store.tx import Tx


def _person(name: str, rng) -> Subject:
    return Subject(None, SubjectKind.NATURAL_PERSON, name, IdType.RIC,
                   gen.ric(rng, "320812", gen.dt.date(1970, 1, 1), gen.dt.date(1990, 1, 1)))


def _record(subject_id: int, doc_number: str) -> dict:
    return {"subject_id": subject_id, "catalogue_edition": "x", "catalogue_code": "x", "tier": "general",
            "facts": "f", "doc_type": "admin_penalty", "doc_number": doc_number, "doc_authority": "a",
            "doc_issued": "2025-01-01", "doc_effective": "2025-01-16", "doc_citation": None, "department": "d",
            "act_date": "2024-12-01", "decision_date": "2025-01-01", "rule_set_code": "", "status": "active",
            "demo": 0, "created_by": "t", "created_at": "2025-01-01T00:00:00", "updated_at": "2025-01-01T00:00:00"}


def _write(conn, fn):
    conn.execute("BEGIN IMMEDIATE")
    fn(Tx(conn, "test-ledger"))
    conn.execute("COMMIT")


@pytest.fixture
def conn(tmp_path):
    c = ledger_store.connect(tmp_path / "ledger.db", keys.new_key())
    migrate.upgrade(c, LedgerPaths(tmp_path), "test-ledger")
    yield c
    c.close()


def _names(conn, text):
    return [s.name for s in subjects.search(conn, text, limit=100)]


def test_migration_9_backfills_rows_written_before_it(tmp_path):
    c = ledger_store.connect(tmp_path / "ledger.db", keys.new_key())
    c.execute("BEGIN")
    for m in MIGRATIONS:
        if m.VERSION < 9:
            m.up(c)
    c.execute("PRAGMA user_version = 8")
    c.execute("COMMIT")
    rng = random.Random(1)
    _write(c, lambda tx: subjects.insert_many(tx, [_person("张三", rng), _person("李张三丰", rng)]))
    _write(c, lambda tx: records.insert_many(tx, [_record(1, "清市监罚〔2024〕118号"), _record(2, "清税罚〔2023〕7号")]))
    assert migrate.upgrade(c, LedgerPaths(tmp_path), "test-ledger") >= 1
    assert _names(c, "张三") == ["张三", "李张三丰"] and _names(c, "三丰") == ["李张三丰"]
    assert search.records_by_doc_number(c, "〔2024〕118") == [(1, "清市监罚〔2024〕118号")]
    assert tallies.counts(c, "records", "tier") == {"general": 2}
    assert tallies.counts(c, "subjects", "kind") == {"natural_person": 2}
    c.close()


def test_two_character_names_and_single_characters_are_found(conn):
    rng = random.Random(2)
    _write(conn, lambda tx: subjects.insert_many(tx, [_person(n, rng) for n in ("张三", "李张三丰", "王伟", "三")]))
    assert _names(conn, "张三") == ["张三", "李张三丰"]
    assert _names(conn, "三") == ["张三", "李张三丰", "三"]
    assert _names(conn, "张三丰") == ["李张三丰"]
    assert _names(conn, "伟") == ["王伟"] and _names(conn, "赵") == []


def test_index_follows_updates_and_deletes(conn):
    rng = random.Random(3)
    _write(conn, lambda tx: subjects.insert_many(tx, [_person("张三", rng), _person("王五", rng)]))
    _write(conn, lambda tx: records.insert_many(tx, [_record(1, "清执〔2025〕12号")]))
    _write(conn, lambda tx: tx.execute("UPDATE subjects SET name = '赵六', kind = 'legal_person' WHERE id = 1"))
    assert _names(conn, "张三") == [] and _names(conn, "赵六") == ["赵六"] and _names(conn, "六") == ["赵六"]
    _write(conn, lambda tx: tx.execute("UPDATE records SET doc_number = '清执〔2026〕99号', tier = 'serious' "
                                       "WHERE id = 1"))
    assert search.records_by_doc_number(conn, "〔2025〕") == [] and search.records_by_doc_number(conn, "99")
    _write(conn, lambda tx: tx.execute("DELETE FROM records WHERE id = 1"))
    _write(conn, lambda tx: tx.execute("DELETE FROM subjects WHERE id = 2"))
    assert _names(conn, "王五") == [] and _names(conn, "五") == [] and search.records_by_doc_number(conn, "99") == []
    for table, name, _expr in tallies.TALLIED:
        assert tallies.counts(conn, table, name) == tallies.recount(conn, table, name)


def test_short_fragment_with_ascii_punctuation_falls_back_to_like(conn):
    rng = random.Random(4)
    org = Subject(None, SubjectKind.LEGAL_PERSON, "A-B商行", IdType.USCC, gen.uscc(rng, "320812"))
    _write(conn, lambda tx: subjects.insert_many(tx, [org, _person("张三", rng)]))
    assert search.match("subjects", "-B") is None
    assert _names(conn, "-B") == ["A-B商行"] and _names(conn, "a-b") == ["A-B商行"]


def test_id_prefix_search_finds_by_code_and_keeps_id_order(conn):
    rng = random.Random(5)
    people = [_person(f"人{i}", rng) for i in range(6)]
    _write(conn, lambda tx: subjects.insert_many(tx, people))
    target = people[3].id_number
    assert [s.id_number for s in subjects.search(conn, target[:17].lower())] == [target]
    assert len(subjects.search(conn, "320812")) == 6


@pytest.fixture(scope="module")
def demo_ledger(tmp_path_factory):
    desk, session = seeding.make_office(tmp_path_factory.mktemp("agree") / "data")
    demo.seed(session, subjects_n=400, records_n=2000, seed_value=5)
    yield desk.ledger.conn
    desk.close()


def _fragments(conn, table: str, col: str) -> list[str]:
    rng = random.Random(8)
    texts = [t for (t,) in conn.execute(f"SELECT {col} FROM {table} ORDER BY id LIMIT 300")]
    out = []
    for _ in range(120):
        t = rng.choice(texts)
        n = rng.randint(1, min(6, len(t)))
        start = rng.randint(0, len(t) - n)
        out.append(t[start:start + n])
    return out


@pytest.mark.parametrize("table, col", [("subjects", "name"), ("records", "doc_number")])
def test_fts_finds_exactly_what_a_like_scan_finds(demo_ledger, table, col):
    conn = demo_ledger
    for text in _fragments(conn, table, col):
        want = [r for (r,) in conn.execute(f"SELECT id FROM {table} WHERE {col} LIKE ? ESCAPE '\\' ORDER BY id",
                                           (search.like_part(text),))]
        assert search.first_ids(conn, table, text, 100_000) == want, text
