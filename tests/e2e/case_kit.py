"""Helpers for walking records and listing cases through the CLI (issue 3 tests)."""

from __future__ import annotations

import json
import random
import shutil
from datetime import date, datetime, timedelta

import keyring
import pytest

from credit_desk.domain import demo
from credit_desk.services import accounts, auth, ledgers
from credit_desk.store import keys
from tests import conftest
from tests.conftest import ADMIN_PW, PASSPHRASE, TEST_NOW, USER_PW, MemoryKeyring

CLERK, BOSS, REVIEWER, AUDITOR = "clerk1", "boss1", "rev1", "audit1"
# R4 / 49号 四(八) 谁认定、谁负责: a listing is decided by its own department's staff. boss1 and rev1 work for the
# market regulator; each other registered department has its own head, who decides that department's cases.
TAX_BOSS, ENV_BOSS = "boss_tax", "boss_env"


# The flags that date a step (the day it happened or the day of its documents). In a story (``desk`` of a test
# marked ``story``) the pinned clock is walked forward to the latest of them before the step runs, so each step is
# recorded on its own day as the office records it: a prior notice is numbered and served that day (R5: served on
# or after its number's issue), the objection window runs out on the calendar before the decision. Never backwards
# (R14), and never past TEST_NOW by itself: a date after it is the future, typed to be refused.
STEP_DATE_FLAGS = frozenset({"--accepted-on", "--apology-on", "--checked-on", "--decided-on", "--exit-on",
                             "--given-on", "--held-on", "--made-on", "--opened-on", "--received-on",
                             "--renotice-on", "--replied-on", "--served-on", "--on", "--act-date", "--doc-effective",
                             "--doc-issued", "--decision-date"})
# A story's ledger is made before every date its steps type (the repair stories' listings of 2025).
STORY_START = datetime(2025, 9, 1, 9, 0)


def walk_to(office, day) -> None:
    """In a story: move the pinned clock forward to ``day`` (a date or ISO text) when it reads earlier."""
    clock = conftest.CURRENT_CLOCK
    if clock is None or not clock.get("walk"):
        return
    day = date.fromisoformat(day) if isinstance(day, str) else day
    if day > clock["now"].date():
        advance(office, clock, day.isoformat())


def _walk_for(office, argv) -> None:
    days = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in STEP_DATE_FLAGS]
    days = [d for d in days if isinstance(d, str) and len(d) == 10 and d[4] == "-" and d <= TEST_NOW.date().isoformat()]
    if days:
        walk_to(office, max(days))


def ok(office, *argv, user=CLERK):
    """Run a CLI step as ``user`` and return its JSON output; the step must succeed. In a story the clock is
    first walked to the step's date (``STEP_DATE_FLAGS``)."""
    _walk_for(office, argv)
    password = None if user == "admin" else USER_PW
    code, out, err = office("--json", *argv, user=user, password=password)
    assert code == 0, (argv, out, err)
    return json.loads(out)


def refused(office, *argv, user=CLERK, lang=None, walk=True):
    """Run a CLI step that must be refused; returns (code, json error). In a story the clock is first walked to
    the step's date, as for ``ok`` (``walk=False``: the step is tried on the clock as it stands)."""
    if walk:
        _walk_for(office, argv)
    password = None if user == "admin" else USER_PW
    extra = ("--lang", lang) if lang else ()
    code, out, err = office("--json", *extra, *argv, user=user, password=password)
    assert code != 0, (argv, out)
    return json.loads(out)


def staff(office, secret_files) -> None:
    """Add the clerk, approver and reviewer to a freshly initialised office (used by other features' tests)."""
    listed = office("--json", "user", "list", user="admin", password=None)[1]
    for name, role in ((CLERK, "clerk"), (BOSS, "approver"), (REVIEWER, "reviewer"), (AUDITOR, "auditor")):
        if f'"{name}"' in listed:
            continue
        code, _, err = office("user", "add", name, "--role", role, "--password-file", str(secret_files["user"]),
                              user="admin", password=None)
        assert code == 0, err
    for name, domain_, prefix, seed in DEPARTMENTS:  # the departments the stories' cases name (49号 四(八))
        add_department(office, name, "county", prefix, seed, domain=domain_)
    for name in (TAX_BOSS, ENV_BOSS):
        if f'"{name}"' not in listed:
            code, _, err = office("user", "add", name, "--role", "approver", "--password-file",
                                  str(secret_files["user"]), user="admin", password=None)
            assert code == 0, err
    # R13 谁认定、谁修复 / R4 谁认定、谁负责: the head and the reviewer work for the market regulator; each other
    # department's head decides its own cases
    for name, dept in STAFF_DEPARTMENT.items():
        ok(office, "user", "assign", name, "--department", dept, user="admin")


# The county departments the stories' cases name (49号 四(八): a case is decided by a registered department).
# The market regulator's 文号 prefix is the office's own short name, so the stories' numbers read 清信告〔…〕N号.
DEPARTMENTS = (("县市场监督管理局", "市场监管", "清", 7001), ("县税务局", "税务", "清税", 7002),
               ("县生态环境局", "生态环境", "清环", 7003))
DOMAIN_DEPT = {domain: name for name, domain, _, _ in DEPARTMENTS}
# Who works for which department (R4 / R13): the head deciding each department's cases.
STAFF_DEPARTMENT = {BOSS: DEPARTMENTS[0][0], REVIEWER: DEPARTMENTS[0][0], TAX_BOSS: DEPARTMENTS[1][0],
                    ENV_BOSS: DEPARTMENTS[2][0]}
DECIDER = {DEPARTMENTS[0][0]: BOSS, DEPARTMENTS[1][0]: TAX_BOSS, DEPARTMENTS[2][0]: ENV_BOSS}


def add_department(office, name: str, level: str, prefix: str, seed: int, domain: str = "基层治理") -> dict:
    """Register one more department through the CLI (an administrator act)."""
    return ok(office, "department", "add", "--name", name, "--uscc", demo.uscc(random.Random(seed), "320812"),
              "--level", level, "--domain", domain, "--prefix", prefix, user="admin")


def register_departments(session) -> None:
    from credit_desk.services import departments
    for name, domain_, prefix, seed in DEPARTMENTS:
        departments.add_department(session, name=name, uscc=demo.uscc(random.Random(seed), "320812"),
                                   level="county", domain=domain_, prefix=prefix)


def _build_template(folder, now):
    """One initialised ledger with its staff, its clock reading ``now``."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        desk, _ = ledgers.init_office(folder, office="清江浦区信用办", region="320812", admin="admin",
                                      admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
        desk.clock = lambda: now  # the stories' pinned clock: the ledger's clock mark must not run ahead of it
        session = auth.login(desk, "admin", ADMIN_PW)
        for name, role in ((CLERK, "clerk"), (BOSS, "approver"), (REVIEWER, "reviewer"), (AUDITOR, "auditor"),
                           (TAX_BOSS, "approver"), (ENV_BOSS, "approver")):
            accounts.add_user(session, name, role, USER_PW)
        register_departments(session)
        # R13 谁认定、谁修复 / R4 谁认定、谁负责: each decider works for the department whose cases they decide
        from credit_desk.services import departments
        for name, dept in STAFF_DEPARTMENT.items():
            departments.assign_user(session, name, dept)
        ledger_id, key = desk.ledger.ledger_id, desk.key
        desk.close()
    finally:
        keyring.set_keyring(previous)
    return folder, ledger_id, key


@pytest.fixture(scope="session")
def staffed_template(tmp_path_factory):
    """One initialised ledger with its staff, built once; each test gets a copy (init costs seconds)."""
    return _build_template(tmp_path_factory.mktemp("case_template") / "data", TEST_NOW)


_STORY_TEMPLATE: list = []


def _story_template(tmp_path_factory):
    """The staffed ledger made on ``STORY_START``, before every date a story types (built once per run)."""
    if not _STORY_TEMPLATE:
        _STORY_TEMPLATE.append(_build_template(tmp_path_factory.mktemp("story_template") / "data", STORY_START))
    return _STORY_TEMPLATE[0]


def _copy(template, data_dir) -> None:
    folder, ledger_id, key = template
    shutil.copytree(folder, data_dir)
    keys.KeyringSlot(ledger_id).store(key)


@pytest.fixture
def desk(request, cli, data_dir, staffed_template, test_keyring, pinned_clock, tmp_path_factory):
    """A copy of the staffed ledger in this test's data folder, its key in this test's keyring; the CLI's
    clock reads TEST_NOW (tests.conftest), after every date these stories type.

    A test marked ``@pytest.mark.story`` is told on the calendar instead: its ledger was made on ``STORY_START``,
    the clock starts there and each step walks it forward to the step's own date (``ok``); ``walk_to(desk, day)``
    moves it between steps. Stories that serve a prior notice are told so: a notice is numbered on the day it is
    recorded and served on or after that day (R5), so a clock standing at TEST_NOW cannot serve it weeks back."""
    if request.node.get_closest_marker("story"):
        _copy(_story_template(tmp_path_factory), data_dir)
        pinned_clock["now"], pinned_clock["walk"] = STORY_START, True
    else:
        _copy(staffed_template, data_dir)
    return cli.as_user(CLERK)  # business is the clerk's by default (R14); admin acts say user="admin"


@pytest.fixture
def story_clock(pinned_clock) -> dict:
    """The pinned clock of a story on a ledger the test makes itself (the ``office`` fixture): ask for it before
    ``office`` so the office is initialised on ``STORY_START``; each step then walks the clock (``ok``)."""
    pinned_clock["now"], pinned_clock["walk"] = STORY_START, True
    return pinned_clock


@pytest.fixture
def story(request, cli, data_dir, test_keyring, pinned_clock, tmp_path_factory):
    """The ledger of a story told on the calendar (see ``desk``), for tests written as stories from the start."""
    _copy(_story_template(tmp_path_factory), data_dir)
    pinned_clock["now"], pinned_clock["walk"] = STORY_START, True
    return cli.as_user(CLERK)


def company(office, seed: int, with_rep: bool = True) -> int:
    rng = random.Random(seed)
    args = ["subject", "add", "--kind", "legal_person", "--name", f"淮安测试{seed}有限公司", "--id-type", "uscc",
            "--id-number", demo.uscc(rng, "320812")]
    if with_rep:
        args += ["--legal-rep-name", "王建国", "--legal-rep-id-number",
                 demo.ric(rng, "320826", date(1970, 1, 1), date(1990, 12, 31))]
    return ok(office, *args)["id"]


def person(office, seed: int, born_from=date(1970, 1, 1), born_to=date(1990, 12, 31)) -> int:
    rng = random.Random(seed)
    return ok(office, "subject", "add", "--kind", "natural_person", "--name", "李四", "--id-type", "ric",
              "--id-number", demo.ric(rng, "320826", born_from, born_to))["id"]


def record(office, subject: int, *extra, tier="serious", code="S-03-02", user=CLERK, act="2026-08-01",
           number="清市监罚〔2026〕18号") -> dict:
    return ok(office, "record", "add", "--subject", str(subject), "--catalogue-code", code, "--tier", tier,
              "--facts", "销售不合格产品，货值金额较大", "--doc-type", "admin_penalty", "--doc-number", number,
              "--doc-authority", "县市场监督管理局", "--doc-issued", "2026-09-01", "--doc-effective", "2026-09-16",
              "--department", "县市场监督管理局", "--act-date", act, *extra, user=user)


BLACK_FIELDS = ("--department", "县市场监督管理局", "--department-level", "county", "--domain", "市场监管",
                "--ground", "b", "--standard", "《严重违法失信名单管理办法》（国家市场监督管理总局令第44号）第二条",
                "--standard-kind", "department_rule")


DEFAULT_DEPT = ("--department", "县市场监督管理局")
OPENED_ON = "2026-09-20"  # after the records' basis documents took effect (2026-09-16), before service


def open_case(office, subject: int, list_type: str, *extra, records=(), user=CLERK, opened_on=OPENED_ON) -> int:
    """Open a case; a black or watch case with no ``records`` gets one (R1: a listing rests on records)."""
    if list_type in ("black", "watch") and not records:
        records = [record(office, subject, tier="serious" if list_type == "black" else "general")["id"]]
    rec_args = [a for r in records for a in ("--record", str(r))]
    # 49号 四(八): every case is decided by a registered department; the market regulator unless one is named
    fields = BLACK_FIELDS if list_type == "black" else () if "--department" in extra else DEFAULT_DEPT
    return ok(office, "case", "open", "--subject", str(subject), "--list", list_type, *rec_args, *fields,
              "--opened-on", opened_on, *extra, user=user)["id"]


def serve(office, case: int, on="2026-09-28", user=CLERK) -> dict:
    return ok(office, "case", "notice", str(case), "--served-on", on, user=user)


def decide(office, case: int, *extra, on="2026-10-12", user=BOSS) -> dict:
    return ok(office, "case", "decide", str(case), "--decided-on", on, *extra, user=user)


def black_listing(office, subject: int, on="2026-10-12", served="2026-09-28") -> int:
    """A subject walked onto the black list: record, case, notice, decision."""
    cid = black_draft(office, subject)
    serve(office, cid, on=served)
    decide_black(office, cid, on=on)
    return cid


def black_draft(office, subject: int) -> int:
    """The draft of ``black_listing`` (a story serving several notices on one day serves them all, then decides)."""
    rid = record(office, subject)["id"]
    return open_case(office, subject, "black", records=[rid])


def decide_black(office, cid: int, on="2026-10-12") -> dict:
    return decide(office, cid, "--measure", "M-01", "--measure", "M-08", "--post-exit-watch-months", "12", on=on)


def watch_listing(office, subject: int, domain: str, valid_until="2027-09-01", on="2026-10-12",
                  served="2026-09-28") -> int:
    """A watch listing on one general record (published to 2027-09-01, R13: the validity ends by then)."""
    cid = watch_draft(office, subject, domain, valid_until)
    serve(office, cid, on=served)
    decide_watch(office, cid, domain, on=on)
    return cid


def watch_draft(office, subject: int, domain: str, valid_until="2027-09-01") -> int:
    return open_case(office, subject, "watch", "--department", DOMAIN_DEPT[domain], "--department-level", "county",
                     "--domain", domain, "--facts", "多次轻微违法", "--basis", "清罚〔2026〕1号",
                     "--warning-letter", f"清警〔2026〕{domain}号", "--valid-until", valid_until)


def decide_watch(office, cid: int, domain: str, on="2026-10-12", paper: bool = False) -> dict:
    """``paper``: the decision of ``on`` is recorded later, as the department's hand-issued paper (``on_paper``)."""
    extra = on_paper(cid, on, DOMAIN_PREFIX[domain]) if paper else ()
    return decide(office, cid, "--measure", "M-08", *extra, on=on, user=DECIDER[DOMAIN_DEPT[domain]])  # R4


# The issuer's code on a department's paper (hand-issued numbers lie outside every register series, R5).
DOMAIN_PREFIX = {"市场监管": "清市监", "税务": "清税", "生态环境": "清环"}


def on_paper(case: int, on: str = "2026-10-12", prefix: str = "清市监") -> tuple[str, ...]:
    """R5: the flags of a decision made on ``on`` and recorded later. The register numbers a decision the day it is
    recorded (a decision is dated on or after its number's day), so a decision recorded after its day is the
    department's paper numbered by hand, served with its hand-numbered 信用修复告知书 (两书同达, R13)."""
    year = on[:4]
    return ("--external-number", f"{prefix}决字〔{year}〕{case}号",
            "--repair-notice-number", f"{prefix}修告字〔{year}〕{case}号")


def show(office, case: int, user=CLERK) -> dict:
    return ok(office, "case", "show", str(case), "--purpose", "办理认定案件", user=user)


def advance(office, clock: dict, day: str, hour: int = 9) -> None:
    """Move the pinned clock (``pinned_clock``) to ``day``; a jump past the ledger's clock bound (R14, 30 days by
    default) is confirmed by the administrator as an office back from a long pause would."""
    _move(office, clock, datetime.fromisoformat(day).replace(hour=hour))


def walk_to_now(office) -> None:
    """In a story: move the pinned clock forward to a few minutes before the machine's clock, for a step run by a
    child process that reads the machine's clock (never to 09:00 of today: before 09:00 the child's clock would
    read earlier than the ledger's newest audit row and it would refuse, CLOCK_TURNED_BACK, R14)."""
    clock = conftest.CURRENT_CLOCK
    if clock is None or not clock.get("walk"):
        return
    moment = datetime.now().replace(microsecond=0) - timedelta(minutes=5)
    if moment > clock["now"]:
        _move(office, clock, moment)


def _move(office, clock: dict, moment: datetime) -> None:
    before = clock["now"]
    clock["now"] = moment
    if (clock["now"] - before).days > 30:
        ok(office, "clock", "confirm", "--reason", "长假后首次使用，已核对系统时间", user="admin")
