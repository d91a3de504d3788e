"""Downstream bundles: versioned, expiring, chained, all-or-nothing; joint-punishment match prompts;
office key rotation followed by the intake (issue 6; R2, R8, R20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_desk.domain.rulesets import NATIONAL_2026
from credit_desk.intake.receiver import Intake
from credit_desk.intake.server import serve
from credit_desk.resources_path import reference_dir
from credit_desk.services import matching
from credit_desk.store import reference
from credit_desk.sync.refusals import BundleRefused
from tests.e2e.sync_support import both_suites  # noqa: F401  (every test in both suites, issue 22)
from tests.e2e.sync_support import add_subject, export, pair, session, uscc
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """This module's work is business (R14 separation of duties): the clerk acts by default; administrator's
    acts (keys, accounts) and reading the audit log (the auditor) name their account."""
    return with_business_accounts(office, secret_files)


def _catalogue(edition: str) -> dict:
    doc = json.loads((reference_dir() / "sample_catalogue.json").read_text(encoding="utf-8"))
    return {**doc, "edition": edition, "label": f"全国公共信用信息基础目录（{edition}）", "source": "national"}


def _publish(intake_dir, ledger_id, tmp_path, name, items, **kw) -> Path:
    fname, data = Intake(intake_dir).publish(ledger_id, items, **kw)
    path = tmp_path / f"{name}-{fname}"
    path.write_bytes(data)
    return path


def _ledger_id(office) -> str:
    return json.loads(office("--json", "keys", "show")[1])["office"]


def _import(office, path):
    code, out, err = office("--json", "bundle", "import", str(path))
    return code, json.loads(out) if out.strip() else {}


def _active_edition(data_dir) -> str:
    with session(data_dir) as s:
        return reference.active_catalogue(s.ledger.conn)[0]["edition"]


def test_r2_older_catalogue_edition_is_refused_after_a_newer_one(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    lid = _ledger_id(office)
    newer = _publish(intake_dir, lid, tmp_path, "v2", [{"kind": "catalogue", "version": 2, "data": _catalogue("2024")}])
    assert _import(office, newer)[0] == 0
    assert _active_edition(data_dir) == "2024"
    older = _publish(intake_dir, lid, tmp_path, "v1", [{"kind": "catalogue", "version": 1, "data": _catalogue("2022")}],
                     check_versions=False)
    code, err = _import(office, older)
    assert code == 1 and err["code"] == "DOWNSTREAM_ROLLBACK" and "旧版本不能替换新版本" in err["message"]
    assert _active_edition(data_dir) == "2024"
    code, err = _import(office, newer)  # the same bundle again
    assert code == 1 and err["code"] == "BUNDLE_REPLAY"
    with pytest.raises(BundleRefused):  # and the platform itself will not publish a rollback
        Intake(intake_dir).publish(lid, [{"kind": "catalogue", "version": 1, "data": _catalogue("2021")}])


def test_r20_downstream_is_all_or_nothing_and_expiry_is_enforced(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    lid = _ledger_id(office)
    bad_measures = {"edition": "2024", "label": "x", "source": "national", "items": [{"code": "M-1"}]}
    mixed = _publish(intake_dir, lid, tmp_path, "mixed", [
        {"kind": "catalogue", "version": 1, "data": _catalogue("2024")},
        {"kind": "measures", "version": 1, "data": bad_measures}])
    code, err = _import(office, mixed)
    assert code == 1 and err["code"] == "DOWNSTREAM_ITEM_BAD" and "第1项" in err["message"]
    assert _active_edition(data_dir) == "示例-2026"  # the good catalogue item was not applied either
    stale = _publish(intake_dir, lid, tmp_path, "stale", [{"kind": "catalogue", "version": 3,
                                                           "data": _catalogue("2025")}], valid_days=0)
    code, err = _import(office, stale)
    assert code == 1 and err["code"] == "BUNDLE_EXPIRED" and "过期" in err["message"]
    fixed = _publish(intake_dir, lid, tmp_path, "fixed", [{"kind": "catalogue", "version": 4,
                                                           "data": _catalogue("2025")}])
    assert _import(office, fixed)[0] == 0  # a later whole-state bundle supersedes the refused ones
    assert _active_edition(data_dir) == "2025"


def test_rule_set_and_calendar_arrive_over_http_with_the_receipt(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    lid = _ledger_id(office)
    rs = {**NATIONAL_2026.to_dict(), "code": "JS-2027", "effective_from": "2027-01-01", "source": "苏信用办〔2026〕1号"}
    cal = {"year": 2031, "source": "国务院办公厅 2030年通知", "days": {"2031-01-01": False, "2031-01-04": True}}
    Intake(intake_dir).publish(lid, [{"kind": "rule_set", "version": 1, "data": rs},
                                     {"kind": "calendar", "version": 1, "data": cal}])
    add_subject(office)
    srv = serve(Intake(intake_dir), "127.0.0.1", 0)
    try:
        code, out, err = office("--json", "bundle", "export", "--send", "--url",
                                f"http://127.0.0.1:{srv.server_address[1]}")
    finally:
        srv.shutdown()
        srv.server_close()
    assert code == 0, out + err
    assert json.loads(out)["downstream"][0]["applied"] == {"rule_set": 1, "calendar": 1}
    with session(data_dir) as s:
        assert "JS-2027" in [r.code for r in reference.rule_sets(s.ledger.conn)]
        days, years = reference.calendar_overrides(s.ledger.conn)
    assert 2031 in years
    status = json.loads(office("--json", "bundle", "status")[1])
    assert status["downstream"]["rule_set"]["version"] == 1 and not status["downstream"]["rule_set"]["expired"]


def test_joint_list_match_prompt_and_the_clerks_choice_is_kept(office, tmp_path, data_dir):
    intake_dir = pair(office, tmp_path)
    sid = add_subject(office)
    lists = {"lists": [{"list_id": "L-TAX", "title": "重大税收违法失信主体名单", "list_type": "black", "entries": [
        {"entry_id": "TAX-001", "name": "淮安市鑫源建材有限公司", "id_type": "uscc", "id_number": uscc(),
         "department": "国家税务总局淮安市税务局", "basis": "税总发〔2021〕1号", "measures": ["M-01"]},
        {"entry_id": "TAX-002", "name": "别的公司", "id_type": "uscc", "id_number": uscc(99)}]}]}
    path = _publish(intake_dir, _ledger_id(office), tmp_path, "jl", [{"kind": "joint_list", "version": 1,
                                                                      "data": lists}])
    assert _import(office, path)[0] == 0
    code, out, _ = office("--json", "joint", "prompts", str(sid), "--purpose", "核对比对结论")
    prompts = json.loads(out)
    assert [p["entry_id"] for p in prompts] == ["TAX-001"] and prompts[0]["decision"] is None
    assert prompts[0]["match_on"] == "id_number"
    code, out, _ = office("--json", "joint", "decide", str(sid), "TAX-001", "--applied", "no")
    assert code == 1 and json.loads(out)["code"] == "JOINT_REASON_REQUIRED"
    code, out, err = office("--json", "joint", "decide", str(sid), "TAX-001", "--applied", "no",
                            "--reason", "已于2026年补缴税款，名单待平台更新")
    assert code == 0, out + err
    with session(data_dir) as s:
        kept = matching.match_prompts(s, sid, "核对比对结论")[0]["decision"]
    assert kept["applied"] is False and "补缴" in kept["reason"]


def test_rotated_office_key_is_followed_by_the_intake(office, tmp_path):
    intake_dir = pair(office, tmp_path)
    add_subject(office)
    first = export(office, tmp_path / "u1")[0]["file"]
    receipt, _ = Intake(intake_dir).receive(Path(first).read_bytes())
    (tmp_path / "r1.cdb").write_bytes(receipt)
    assert office("bundle", "import", str(tmp_path / "r1.cdb"))[0] == 0
    before = json.loads(office("--json", "keys", "show")[1])["sign_fingerprint"]
    code, out, err = office("--json", "keys", "rotate", user="admin")
    assert code == 0 and json.loads(out)["sign_fingerprint"] != before
    add_subject(office, "淮安市恒通物流有限公司", uscc(31))
    second = export(office, tmp_path / "u2")[0]["file"]
    _, info = Intake(intake_dir).receive(Path(second).read_bytes())  # signed by the new key, endorsed by the old
    assert info["sequence"] == 2 and info["rejected"] == 0
    assert office("bundle", "verify", first)[0] == 0  # the office still verifies its old bundles


def test_intake_cli_init_register_publish_and_office_import(cli, office, tmp_path):
    intake_dir = tmp_path / "platform"
    code, out, err = cli("--json", "intake", "init", "--data", str(intake_dir), user=None)
    assert code == 0 and json.loads(out)["fingerprints"]["sign"], err
    assert office("keys", "import-platform", str(intake_dir / "platform.keys.json"), user="admin")[0] == 0
    assert office("keys", "export-public", "--to", str(tmp_path / "o.json"), user="admin")[0] == 0
    code, out, err = cli("intake", "register", "--data", str(intake_dir), str(tmp_path / "o.json"), user=None)
    assert code == 0 and "已登记" in out, err
    (tmp_path / "cal.json").write_text(json.dumps({"year": 2032, "source": "国务院办公厅", "days": {"2032-01-01": False}}))
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    code, out, err = cli("intake", "publish", "--data", str(intake_dir), "--office", _ledger_id(office), "--kind",
                         "calendar", "--item-version", "1", "--file", str(tmp_path / "cal.json"), "--out", str(out_dir),
                         user=None)
    assert code == 0, err
    code, out, err = office("bundle", "import", str(next(out_dir.glob("downstream-*.cdb"))))
    assert code == 0 and "calendar 版本 1" in out, err
    code, out, err = office("workdays", "add", "2031-12-31", "1", user=None)
    assert out.strip() == "2032-01-02"  # 1 January 2032 is now a holiday from the platform's calendar
