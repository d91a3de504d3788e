"""Fuzzing what comes back from the platform, through the real service on a real ledger: damaged bundle
files, validly signed receipts with hostile payloads, validly signed downstream updates with hostile items.
Property: a DomainError with a Chinese sentence (never a raw exception) and, when refused, no table changed."""

from __future__ import annotations

import base64
import json
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_desk.domain.rulesets import NATIONAL_2026
from credit_desk.intake.receiver import Intake
from credit_desk.resources_path import reference_dir
from credit_desk.services import subjects, sync, sync_inbound
from credit_desk.store import sync_state
from credit_desk.sync import bundle, manifest as mf, payload
from tests.e2e.sync_support import add_subject, export, pair, session, uscc
from tests.reliability.fuzzing import FUZZ, HUGE_INTS, JSON, damaged, deep_nesting, mutated_doc
from tests.reliability.support import ledger_digest, only_domain_errors
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """Business here is the clerk's (R14 separation of duties); admin acts name user="admin"."""
    return with_business_accounts(office, secret_files)


@pytest.fixture
def paired(office, tmp_path, data_dir):
    """An office with one bundle sent (pending), the intake's receipt for it, and a downstream update."""
    intake_dir = pair(office, tmp_path)
    intake = Intake(intake_dir)
    add_subject(office)
    sent = Path(export(office, tmp_path / "usb")[0]["file"]).read_bytes()
    receipt, _ = intake.receive(sent)
    office_id = _office_id(data_dir)
    _, down = intake.publish(office_id, [{"kind": "calendar", "version": 1, "data": CALENDAR}])
    return intake, office_id, {"changes": sent, "receipt": receipt, "downstream": down}


def _office_id(data_dir) -> str:
    return json.loads((data_dir / "ledger.json").read_text())["ledger_id"]


CALENDAR = {"year": 2031, "source": "国务院办公厅", "days": {"2031-01-01": False, "2031-01-04": True}}
CATALOGUE = {**json.loads((reference_dir() / "sample_catalogue.json").read_text(encoding="utf-8")),
             "source": "national", "edition": "2031"}
MEASURES = {**json.loads((reference_dir() / "sample_measures.json").read_text(encoding="utf-8")),
            "source": "national", "edition": "2031"}
RULE_SET = {**NATIONAL_2026.to_dict(), "code": "fuzz-2031", "effective_from": "2031-01-01"}
JOINT = {"lists": [{"list_id": "L1", "title": "失信被执行人名单", "list_type": "court_enforcement",
                    "entries": [{"entry_id": "E1", "name": "淮安市某某建材有限公司", "id_type": "uscc",
                                 "id_number": "91320812MA1XXXXXX0", "department": "法院", "basis": "判决",
                                 "measures": ["限制高消费"]}]}]}
VALID_ITEMS = {"catalogue": CATALOGUE, "measures": MEASURES, "rule_set": RULE_SET, "calendar": CALENDAR,
               "joint_list": JOINT}


SEEN: Counter = Counter()  # outcomes per test, printed (pytest -s) and checked: the fuzz reached the parser


@pytest.fixture(autouse=True)
def _outcomes(request):
    SEEN.clear()
    yield
    print(request.node.name, dict(SEEN))


def _refused_changes_nothing(s, call, *args) -> str:
    before = ledger_digest(s.ledger.conn)
    status, exc = only_domain_errors(call, s, *args)
    SEEN[exc.code if status == "refused" else "accepted"] += 1
    if status == "refused":
        assert ledger_digest(s.ledger.conn) == before, "a refused file changed the ledger"
    return status


def test_fuzz_damaged_inbound_files_are_refused_whole(paired, data_dir):
    """Bit flips, cuts and splices of a genuine receipt, downstream update or own bundle are all refused."""
    intake, office_id, files = paired
    seeds = st.sampled_from(sorted(files)).flatmap(lambda k: damaged(files[k]))

    with session(data_dir) as s:
        @FUZZ
        @given(seeds | st.binary(max_size=200))
        def run(data):
            if data in files.values():
                return
            assert _refused_changes_nothing(s, sync_inbound.import_bytes, data) == "refused"
            assert _refused_changes_nothing(s, sync.verify_file, data) == "refused"
        run()
        # the genuine files still go in afterwards: the refusals left no trace that blocks them
        assert sync_inbound.import_bytes(s, files["receipt"])["type"] == "receipt"
        assert sync_inbound.import_bytes(s, files["downstream"])["applied"] == {"calendar": 1}


def _signed(intake: Intake, office_id: str, kind: str, plain: bytes, **fields) -> bytes:
    reg = intake.store.office(office_id)
    now = datetime.now()
    doc = {"type": kind, "sender": {"role": "platform", "id": intake.platform["platform"]}, "office": office_id,
           "created_at": mf.utc_text(now), "expires_at": mf.utc_text(now + timedelta(days=30)), "counts": {},
           **fields}
    data, _ = bundle.make(doc, plain, intake.sign_private, bytes.fromhex(reg["enc_public"]))
    return data


def _receipt_plain(draw_doc) -> bytes:
    if isinstance(draw_doc, bytes):
        return draw_doc
    return json.dumps(draw_doc, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")


def test_fuzz_signed_receipts_with_hostile_payloads(paired, data_dir):
    """A receipt signed by the pinned platform key but holding nonsense is refused whole (or, if it is a
    well-formed answer, applied consistently: every id inside the bundle answered)."""
    intake, office_id, files = paired
    valid = json.loads(payload.receipt_doc([1, 2], [{"id": 3, "code": "X", "reason_zh": "不对", "reason_en": "no"}]))
    plains = (st.binary(max_size=120) | JSON | mutated_doc(valid) | st.just(deep_nesting(50_000))).map(_receipt_plain)
    answers = JSON | st.fixed_dictionaries({"sequence": st.integers(-2, 3) | HUGE_INTS, "sha256": st.text(max_size=64)})
    with session(data_dir) as s:
        target = {"seq": 1}

        @FUZZ
        @given(plains, st.booleans(), answers)
        def run(plain, genuine_answer, other):
            sent = sync_state.bundle(s.ledger.conn, target["seq"])
            ans = {"sequence": sent["seq"], "sha256": sent["sha256"]} if genuine_answer else other
            data = _signed(intake, office_id, "receipt", plain, sequence=sent["seq"], previous_hash=sent["sha256"],
                           answers=ans)
            if _refused_changes_nothing(s, sync_inbound.import_bytes, data) == "ok":
                # accepted: arm a new pending bundle so later examples still reach the payload parser
                subjects.add_subject(s, kind="legal_person", name="淮安某某公司", id_type="uscc",
                                     id_number=uscc(target["seq"] + 100))
                target["seq"] = sync.prepare(s)[-1]["seq"]
        run()
        assert SEEN["BUNDLE_PAYLOAD_BAD"] > 0, SEEN  # the receipt parser was reached


@st.composite
def downstream_items(draw):
    kind = draw(st.sampled_from(sorted(VALID_ITEMS)))
    data = draw(JSON | mutated_doc(VALID_ITEMS[kind]) | st.just(VALID_ITEMS[kind]))
    version = draw(st.just("next") | st.just("next") | HUGE_INTS | st.integers(-3, 3))
    return [{"kind": kind, "version": version, "data": data}]


_NEXT = iter(range(10, 10 ** 9))


def test_fuzz_signed_downstream_updates_with_hostile_items(paired, data_dir):
    """Catalogue, measures, rule set, calendar and joint-list items signed by the platform but malformed:
    refused whole with the item named, nothing applied."""
    intake, office_id, _ = paired
    with session(data_dir) as s:
        @FUZZ
        @given(downstream_items() | st.lists(downstream_items(), min_size=2, max_size=3).map(lambda x: sum(x, [])))
        def run(items):
            items = [{**i, "version": next(_NEXT) if i["version"] == "next" else i["version"]} for i in items]
            state = intake.store.state(office_id)
            versions = {i["kind"]: i["version"] for i in items}
            plain = json.dumps({"items": items}, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")
            data = _signed(intake, office_id, "downstream", plain, sequence=state["down_seq"] + 1,
                           previous_hash=state["down_hash"] or mf.GENESIS_HASH, versions=versions)
            intake.store.save_state(office_id, {**state, "down_seq": state["down_seq"] + 1,
                                                "down_hash": bundle.crypto.sha256_hex(data)})
            _refused_changes_nothing(s, sync_inbound.import_bytes, data)
        run()
        assert SEEN["DOWNSTREAM_ITEM_BAD"] > 0, SEEN  # the item parsers were reached


def test_platform_keys_item_with_bad_keys_is_refused(paired, data_dir):
    intake, office_id, _ = paired
    with session(data_dir) as s:
        for bad in ({"platform": "p", "sign_public": "!!", "enc_public": "x"}, {"platform": 5},
                    {"platform": "p", "sign_public": base64.b64encode(b"1" * 31).decode(), "enc_public": ""}):
            _, data = intake.publish(office_id, [{"kind": "platform_keys", "version": 1, "data": bad}],
                                     check_versions=False)
            assert _refused_changes_nothing(s, sync_inbound.import_bytes, data) == "refused"
