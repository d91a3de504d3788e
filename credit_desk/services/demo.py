"""Deterministic demo data: realistic subjects and records for training, screenshots and benchmarks.

Demo rows carry ``demo = 1`` and write no change-log rows: invented people must never reach the platform.
The whole seeding is one transaction, so a crash leaves all of it or none of it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from credit_desk.domain import demo as gen
from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.records import DocType, RecordStatus
from credit_desk.domain.rulesets import Tier, rule_set_in_force
from credit_desk.domain.subjects import Subject
from credit_desk.services.base import Session
from credit_desk.store import bulk, meta, records, reference, subjects
from credit_desk.store.tx import now_iso

DEPARTMENTS = (
    ("县市场监督管理局", "市监罚", DocType.ADMIN_PENALTY), ("国家税务总局县税务局", "税罚", DocType.ADMIN_PENALTY),
    ("县人民法院", "执", DocType.COURT_RULING), ("县人民法院", "民初", DocType.COURT_JUDGMENT),
    ("县生态环境局", "环罚", DocType.ADMIN_PENALTY), ("县住房和城乡建设局", "建罚", DocType.ADMIN_PENALTY),
    ("县人力资源和社会保障局", "人社监", DocType.ADMIN_PENALTY), ("县应急管理局", "应急罚", DocType.ADMIN_PENALTY),
    ("县交通运输局", "交罚", DocType.ADMIN_PENALTY), ("县劳动人事争议仲裁委员会", "劳人仲", DocType.ARBITRATION_AWARD),
)
FACTS = ("未按规定公示年度报告", "拖欠农民工工资", "销售不合格产品", "虚开增值税发票", "拒不履行生效判决确定的义务",
         "超标排放污染物", "未取得施工许可擅自施工", "安全生产隐患逾期未整改", "非法营运", "拒不支付劳动报酬")
KIND_WEIGHTS = ((SubjectKind.LEGAL_PERSON, 60), (SubjectKind.INDIVIDUAL_BUSINESS, 15),
                (SubjectKind.NATURAL_PERSON, 25))
TIER_WEIGHTS = ((Tier.SLIGHT, 30), (Tier.GENERAL, 50), (Tier.SERIOUS, 20))
BATCH = 20_000
LAST_DECISION = date(2026, 10, 31)  # fixed, so the same seed gives the same ledger on any day
# ID numbers carry the address code in force at birth; older people were born under codes that still
# validate for their birth year, so the office's own (possibly new) code falls back to long-lived ones.
FALLBACK_REGIONS = ("320826", "320830", "320831", "110101")


def seed(session: Session, *, subjects_n: int, records_n: int, seed_value: int = 1,
         progress=None) -> dict:
    """Add ``subjects_n`` subjects and ``records_n`` records, the same for the same seed."""
    session.require("demo.seed")
    conn = session.ledger.conn
    rng = random.Random(seed_value)
    region = meta.get_meta(conn, "region") or "320800"
    catalogue = reference.active_catalogue(conn)
    items = [i for i in catalogue[1] if i.dishonesty] if catalogue else []
    rule_sets = reference.rule_sets(conn)
    with bulk.large_cache(conn, subjects_n + records_n), session.ledger.tx() as tx:
        first = (conn.execute("SELECT coalesce(max(id), 0) FROM subjects").fetchone()[0]) + 1
        # ID numbers already in the ledger are skipped: a second seed drawing one crashed with a raw
        # IntegrityError (issue-10 kill test, long mode). An empty ledger still gets the same data per seed.
        taken = {r[0] for r in conn.execute("SELECT id_number FROM subjects")}
        subjects.insert_many(tx, _subjects(rng, region, subjects_n, taken), demo=True)
        last = conn.execute("SELECT coalesce(max(id), 0) FROM subjects").fetchone()[0]
        if records_n and last >= first:
            _insert_records(tx, rng, (first, last), records_n, catalogue[0]["edition"], items,
                            rule_sets, session.user.username, progress)
        session.audit(tx, "demo.seed", "ledger", session.ledger.ledger_id,
                      detail={"subjects": subjects_n, "records": records_n, "seed": seed_value})
    return {"subjects": subjects_n, "records": records_n, "seed": seed_value}


def _subjects(rng: random.Random, region: str, n: int, taken: set[str] | None = None):
    seen: set[str] = set(taken or ())
    kinds, kweights = zip(*KIND_WEIGHTS)
    made = 0
    while made < n:
        kind = rng.choices(kinds, kweights)[0]
        s = _one_subject(rng, region, kind)
        if s.id_number not in seen:
            seen.add(s.id_number)
            made += 1
            yield s


def _one_subject(rng: random.Random, region: str, kind: SubjectKind) -> Subject:
    rep = gen.person_name(rng)
    rep_id = _ric(rng, region, date(1950, 1, 1), date(2000, 12, 31))
    if kind is SubjectKind.NATURAL_PERSON:
        born_to = date(2010, 12, 31) if rng.random() < 0.03 else date(2004, 12, 31)  # a few minors (R9)
        return Subject(None, kind, rep, IdType.RIC, _ric(rng, region, date(1950, 1, 1), born_to))
    name = gen.company_name(rng, "清江浦区")
    if kind is SubjectKind.INDIVIDUAL_BUSINESS:
        name = name.replace("有限责任公司", "经营部").replace("有限公司", "商行")
    return Subject(None, kind, name, IdType.USCC, gen.uscc(rng, region), rep, IdType.RIC, rep_id)


def _ric(rng: random.Random, region: str, born_from: date, born_to: date) -> str:
    for code in (region,) + FALLBACK_REGIONS:
        state = rng.getstate()
        try:
            return gen.ric(rng, code, born_from, born_to)
        except ValueError:
            rng.setstate(state)  # same draw under the next code keeps the sequence deterministic
    raise ValueError("no address code validates for this birth date")


def _insert_records(tx, rng, subject_range, n, edition, items, rule_sets, username, progress) -> None:
    tiers, tweights = zip(*TIER_WEIGHTS)
    ts, batch = now_iso(), []
    start = date(2021, 1, 1)
    span = (LAST_DECISION - start).days - 120  # every decision lies in the past of the data set
    for i in range(n):
        dept, prefix, doc_type = rng.choice(DEPARTMENTS)
        act = start + timedelta(days=rng.randrange(0, span))
        decided = act + timedelta(days=rng.randrange(20, 120))
        issued = decided
        year = decided.year
        batch.append({
            "subject_id": rng.randint(*subject_range), "catalogue_edition": edition,
            "catalogue_code": rng.choice(items).code, "tier": rng.choices(tiers, tweights)[0].value,
            "facts": rng.choice(FACTS), "doc_type": doc_type.value,
            "doc_number": f"清{prefix}〔{year}〕{rng.randint(1, 999)}号", "doc_authority": dept,
            "doc_issued": issued.isoformat(), "doc_effective": (issued + timedelta(days=15)).isoformat(),
            "doc_citation": None, "department": dept, "act_date": act.isoformat(),
            "decision_date": decided.isoformat(),
            "rule_set_code": rule_set_in_force(rule_sets, decided).code if rule_sets else "",
            "status": RecordStatus.ACTIVE.value, "demo": 1, "created_by": username,
            "created_at": ts, "updated_at": ts})
        if len(batch) >= BATCH:
            records.insert_many(tx, batch)
            batch.clear()
            if progress:
                progress(i + 1, n)
    records.insert_many(tx, batch)
