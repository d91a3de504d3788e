"""Issue 15 kind 4: genuine 统一社会信用代码 that fail their check character are registered with a written
justification and a second person's approval (four eyes), and marked as an exception wherever they show."""

from __future__ import annotations

import json
import random

import pytest

from credit_desk.domain import demo
from credit_desk.domain.errors import DomainError, PermissionDenied
from credit_desk.domain.ids import IdType
from credit_desk.domain.subjects import EXCEPTION_MARK_ZH
from credit_desk.intake.checks import Judge
from credit_desk.services import accounts, auth, browse, document_sources, documents, id_exceptions, subjects
from credit_desk.store import subjects as subject_repo
from credit_desk.store.views import PageSpec
from tests.conftest import USER_PW
from tests.documents.conftest import pdftotext

XIAMEN = "91350203M0001QKT19"   # the documented form: genuine, fails the check character
WHY = "厦门市市场监管局2015年核发的营业执照原件已核对，代码与国家企业信用信息公示系统一致。"
VALID = demo.uscc(random.Random(11), "350203")

CODES = [  # (label, code, expected: None = request accepted, else the error code)
    ("Xiamen form", XIAMEN, None),
    ("lower case, spaces", "9135 0203m0001qkt19", None),
    ("full width", "".join(chr(ord(c) + 0xFEE0) for c in XIAMEN), None),
    ("one more wrong check character", VALID[:-1] + ("0" if VALID[-1] != "0" else "1"), None),
    ("a code that verifies", VALID, "USCC_NOT_AN_EXCEPTION"),
    ("17 characters", XIAMEN[:-1], "ID_INVALID"),
    ("letter I in it", XIAMEN[:9] + "I" + XIAMEN[10:], "ID_INVALID"),
    ("empty", "", "ID_INVALID"),
]


@pytest.fixture
def reviewer(desk, admin):
    accounts.add_user(admin, "rev1", "reviewer", USER_PW, "李审核")
    return auth.login(desk, "rev1", USER_PW)


@pytest.mark.parametrize("label,code,expected", CODES, ids=[c[0] for c in CODES])
def test_uscc_exception_request_table(clerk, label, code, expected):
    try:
        r = id_exceptions.request_uscc_exception(clerk, kind="legal_person", name="厦门某某贸易有限公司",
                                                 id_number=code, justification=WHY)
    except DomainError as exc:
        assert exc.code == expected, (label, exc.zh)
        return
    assert expected is None and r["status"] == "pending"


def test_ordinary_registration_explains_the_exception_way(clerk):
    with pytest.raises(DomainError) as err:
        subjects.add_subject(clerk, kind="legal_person", name="厦门某某贸易有限公司", id_type="uscc", id_number=XIAMEN)
    assert err.value.code == "ID_INVALID" and "例外登记" in err.value.zh


def test_justification_is_required(clerk):
    with pytest.raises(DomainError) as err:
        id_exceptions.request_uscc_exception(clerk, kind="legal_person", name="厦门某某贸易有限公司",
                                             id_number=XIAMEN, justification="真的")
    assert err.value.code == "EXCEPTION_REASON_REQUIRED"


def test_four_eyes_and_the_mark_everywhere(clerk, reviewer, tmp_path):
    r = id_exceptions.request_uscc_exception(clerk, kind="legal_person", name="厦门某某贸易有限公司",
                                             id_number=XIAMEN, justification=WHY)
    assert subjects.search_subjects(clerk, XIAMEN, "核查") == []  # nothing registered before approval
    with pytest.raises(PermissionDenied):
        id_exceptions.approve_uscc_exception(clerk, r["id"])  # a clerk may not approve
    done = id_exceptions.approve_uscc_exception(reviewer, r["id"])
    s = done["subject"]
    assert s.id_number == XIAMEN and s.id_exception.approved_by == "rev1" and s.id_exception.requested_by == "clerk1"
    with pytest.raises(DomainError):
        id_exceptions.approve_uscc_exception(reviewer, r["id"])  # decided once
    # marked: the search result, the GUI list, the printed extract, the change log, the audit trail
    found = subjects.search_subjects(clerk, XIAMEN, "核查")
    assert found[0].masked()["id_note"] == EXCEPTION_MARK_ZH
    reader = browse.Reader(clerk)
    try:
        token = browse.log_search(clerk, "subjects", "厦门某某", "核查")
        rows = browse.subjects_page(clerk, reader, PageSpec(), token)
        assert EXCEPTION_MARK_ZH in rows[0]["id_number"]
    finally:
        reader.close()
    item = document_sources.item_for(clerk, "credit_query", subject_id=s.id, purpose="政府采购资格审查")
    documents.issue(clerk, "credit_query", [item], tmp_path / "q.pdf")
    assert EXCEPTION_MARK_ZH in "".join(pdftotext(tmp_path / "q.pdf").split())
    change = clerk.ledger.query("SELECT state FROM changes WHERE entity = 'subject' ORDER BY id DESC LIMIT 1")[0]
    state = json.loads(change["state"])
    assert state["id_exception"]["approved_by"] == "rev1"
    change = {"id": 1, "entity": "subject", "op": "insert", "entity_id": str(s.id), "state": state}
    assert Judge({}, {}).check(change) is None  # the platform files it
    forged = {**state, "id_exception": {**state["id_exception"], "approved_by": "clerk1"}}  # one person only
    assert Judge({}, {}).check({**change, "state": forged})[0] == "SUBJECT_ID_INVALID"


def test_the_requester_cannot_approve_their_own(desk, admin, reviewer):
    r = id_exceptions.request_uscc_exception(reviewer, kind="legal_person", name="厦门某某贸易有限公司",
                                             id_number=XIAMEN, justification=WHY)
    with pytest.raises(DomainError) as err:
        id_exceptions.approve_uscc_exception(reviewer, r["id"])
    assert err.value.code == "FOUR_EYES"
    assert subject_repo.find_by_id_number(reviewer.ledger.conn, IdType.USCC, XIAMEN) is None


def test_refused_request_registers_nothing(clerk, reviewer):
    r = id_exceptions.request_uscc_exception(clerk, kind="legal_person", name="厦门某某贸易有限公司",
                                             id_number=XIAMEN, justification=WHY)
    id_exceptions.refuse_uscc_exception(reviewer, r["id"], "营业执照原件无法核实")
    assert id_exceptions.pending_exceptions(reviewer) == []
    assert subjects.search_subjects(clerk, XIAMEN, "核查") == []


def test_cli_exception_request_approve_search(office, secret_files):
    from tests.realinput.conftest import clerk_cli
    run = clerk_cli(office, secret_files)
    code, out, err = office("user", "add", "rev1", "--role", "reviewer", "--password-file", str(secret_files["user"]))
    assert code == 0, err
    code, out, err = run("subject", "add", "--kind", "legal_person", "--name", "厦门某某贸易有限公司", "--id-type", "uscc",
                         "--id-number", XIAMEN)
    assert code != 0 and "例外登记" in err and "Traceback" not in err
    code, out, err = run("--json", "subject", "exception-request", "--kind", "legal_person", "--name",
                         "厦门某某贸易有限公司", "--id-number", XIAMEN, "--justification", WHY)
    assert code == 0, err
    rid = json.loads(out)["id"]
    code, out, err = run("subject", "exception-approve", str(rid))
    assert code != 0 and "Traceback" not in err  # a clerk, and the requester
    code, out, err = run("subject", "exception-approve", str(rid), user="rev1")
    assert code == 0, err
    code, out, err = run("subject", "search", "厦门某某", "--purpose", "核查")
    assert code == 0 and EXCEPTION_MARK_ZH in out


def test_r7_exception_mark_in_cases_objections_and_work_lists(desk, admin, clerk, reviewer):
    """Issue 15 kind 4: the exception mark shows in the cases, objections, commitments and pending lists too,
    not only among subjects and records."""
    import datetime as dt

    from credit_desk.services import cases, objections, records
    from credit_desk.services.browse import reference
    r = id_exceptions.request_uscc_exception(clerk, kind="legal_person", name="厦门某某贸易有限公司",
                                             id_number=XIAMEN, justification=WHY)
    sid = id_exceptions.approve_uscc_exception(reviewer, r["id"])["subject"].id
    today = desk.today()
    code = next(i.code for i in reference.active_catalogue(clerk.ledger.conn)[1] if i.dishonesty)
    rec = records.add_record(clerk, subject_id=sid, catalogue_code=code, tier="general", facts="未按期履行",
                             doc_type="admin_penalty", doc_number="厦市监罚〔2026〕1号", doc_authority="厦门市市场监管局",
                             doc_issued=today - dt.timedelta(days=40), doc_effective=today - dt.timedelta(days=30),
                             department="厦门市市场监管局", act_date=today - dt.timedelta(days=60))
    rid = rec["record"].id if isinstance(rec, dict) and "record" in rec else rec["id"]
    from credit_desk.domain import demo
    from credit_desk.services import departments
    departments.add_department(admin, name="县市场监督管理局", uscc=demo.uscc(__import__("random").Random(7001), "320812"),
                               level="county", domain="市场监管", prefix="清")  # 49号 四(八): a registered department
    case = cases.open_case(clerk, subject_id=sid, list_type="watch", record_ids=[rid], department="县市场监督管理局",
                           department_level="county", domain="市场监管")
    assert EXCEPTION_MARK_ZH in cases.case_detail(clerk, case.id, "核查")["subject"]["id_shown"]  # the case's own panel
    objections.add_objection(clerk, target="record", target_id=rid, grounds="处罚决定正在行政复议中，请核实。")
    reader = browse.Reader(clerk)
    try:
        for rows in (browse.cases_page(clerk, reader, PageSpec()), browse.objections_page(clerk, reader, PageSpec()),
                     browse.records_page(clerk, reader, PageSpec())):
            assert rows and all(EXCEPTION_MARK_ZH in row["id_number"] for row in rows), rows
    finally:
        reader.close()


def test_r9_record_about_an_exception_subject_is_not_refused_by_its_code(desk, clerk, reviewer):
    """R9 reads a minor's birth date from an ID number; a USCC carries none, so the leniency check must not
    re-validate an approved exception code (it refused every record about such a subject)."""
    import datetime as dt

    from credit_desk.services import records
    from credit_desk.services.browse import reference
    r = id_exceptions.request_uscc_exception(clerk, kind="legal_person", name="厦门某某贸易有限公司",
                                             id_number=XIAMEN, justification=WHY)
    sid = id_exceptions.approve_uscc_exception(reviewer, r["id"])["subject"].id
    today = desk.today()
    code = next(i.code for i in reference.active_catalogue(clerk.ledger.conn)[1] if i.dishonesty)
    out = records.add_record(clerk, subject_id=sid, catalogue_code=code, tier="general", facts="未按期履行",
                             doc_type="admin_penalty", doc_number="厦市监罚〔2026〕2号", doc_authority="厦门市市场监管局",
                             doc_issued=today - dt.timedelta(days=40), doc_effective=today - dt.timedelta(days=30),
                             department="厦门市市场监管局", act_date=today - dt.timedelta(days=60))
    assert out and clerk.ledger.query("SELECT count(*) AS n FROM records WHERE subject_id = ?", (sid,))[0]["n"] == 1


def _exception_changes(session) -> list[dict]:
    return [{**json.loads(r["state"]), "op": r["op"]} for r in session.ledger.query(
        "SELECT op, state FROM changes WHERE entity = 'exception_request' ORDER BY id")]


def test_r14_exception_request_reaches_the_change_log_only_once_approved(clerk, reviewer):
    r = id_exceptions.request_uscc_exception(clerk, kind="legal_person", name="厦门某某贸易有限公司",
                                             id_number=XIAMEN, justification=WHY)
    assert _exception_changes(clerk) == []  # pending: audited, not sent
    refused = id_exceptions.request_uscc_exception(clerk, kind="legal_person", name="厦门另一贸易有限公司",
                                                   id_number=VALID[:-1] + ("0" if VALID[-1] != "0" else "1"),
                                                   justification=WHY)
    id_exceptions.refuse_uscc_exception(reviewer, refused["id"], "营业执照原件无法核实")
    assert _exception_changes(clerk) == []  # refused: never sent
    assert clerk.ledger.query("SELECT count(*) AS n FROM audit WHERE action LIKE 'subject.exception.%'")[0]["n"] == 3
    id_exceptions.approve_uscc_exception(reviewer, r["id"])
    (change,) = _exception_changes(clerk)  # approved: sent once, whole
    assert change["op"] == "insert" and change["status"] == "approved" and change["reason"] == WHY
    assert change["requested_by"] == "clerk1" and change["decided_by"] == "rev1"
