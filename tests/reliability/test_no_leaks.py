"""No plaintext leaks (R14/R15, issue 10): seed distinctive personal data, use every feature — subjects,
records, a case to a decision, an objection, printing, ledger export, bundle export, receipt import, backup,
restore, audit, check, a refused command and a killed process — with the data folder, TMPDIR, the per-user
folders and the USB folder all inside this test's tmp_path; then scan every file the app wrote, except the
exact outputs the user asked for (the printed PDFs, the exported workbook): no name or ID number in clear."""

from __future__ import annotations

import json
import random
import tempfile
from datetime import date
from pathlib import Path

from credit_desk.domain import demo
from credit_desk.intake.receiver import Intake
from tests.e2e import case_kit as kit
from tests.e2e.case_kit import story_clock  # noqa: F401
from tests.e2e.sync_support import pair
from tests.reliability.killer import hold_and_kill
from tests.reliability.support import ledger_rows, write_ledger_xlsx
import pytest
from tests.conftest import USER_PW, with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """Business here is the clerk's (R14 separation of duties); admin acts name user="admin"."""
    return with_business_accounts(office, secret_files)

COMPANY = "淮安市龙腾飞跃建材有限公司"
REP = "欧阳震华"
PERSON = "司马光明"


def _people():
    rng = random.Random(4242)
    return {"uscc": demo.uscc(rng, "320812"), "rep_ric": demo.ric(rng, "320826", date(1970, 1, 1), date(1980, 1, 1)),
            "ric": demo.ric(rng, "320826", date(1985, 1, 1), date(1990, 1, 1))}


def _walk(office, secret_files, tmp_path, out: Path, asked: list[Path]) -> None:
    ids = _people()
    kit.staff(office, secret_files)
    sid = kit.ok(office, "subject", "add", "--kind", "legal_person", "--name", COMPANY, "--id-type", "uscc",
                 "--id-number", ids["uscc"], "--legal-rep-name", REP, "--legal-rep-id-number", ids["rep_ric"])["id"]
    pid = kit.ok(office, "subject", "add", "--kind", "natural_person", "--name", PERSON, "--id-type", "ric",
                 "--id-number", ids["ric"])["id"]
    kit.ok(office, "subject", "show", str(sid), "--purpose", "核查信用状况")
    kit.ok(office, "subject", "search", PERSON, "--purpose", "核查信用状况")
    kit.ok(office, "subject", "search", ids["ric"], "--purpose", "核查信用状况")
    cid = kit.black_listing(office, sid)
    kit.ok(office, "case", "object", str(cid), "--received-on", "2026-10-20", "--grounds", f"{PERSON}提出异议")
    for doc, extra in (("listing_decision", ["--case", str(cid)]), ("credit_query", ["--subject", str(pid),
                                                                                    "--purpose", "核查信用状况"])):
        pdf = out / f"{doc}.pdf"
        kit.ok(office, "print", doc, *extra, "--out", str(pdf))
        asked.extend(p for p in out.glob(f"{doc}*.pdf"))  # a decision brings its 信用修复告知书 beside it
    kit.ok(office, "ledger", "import", str(write_ledger_xlsx(tmp_path / "in.xlsx", ledger_rows(3, "泄露检查"))))
    asked.append(out / "ledger.xlsx")
    kit.ok(office, "ledger", "export", str(asked[-1]))
    intake = Intake(pair(office, tmp_path))
    usb = tmp_path / "usb"
    usb.mkdir()
    sent = kit.ok(office, "bundle", "export", "--to", str(usb))
    receipt, _ = intake.receive(Path(sent[0]["file"]).read_bytes())
    (usb / "receipt.cdb").write_bytes(receipt)
    kit.ok(office, "bundle", "import", str(usb / "receipt.cdb"))
    for argv in (("backup",), ("backup", "--to", str(usb / "backups")), ("check",), ("audit", "verify"),
                 ("audit", "log", "--limit", "500")):
        who = {"check": None, "backup": "admin", "audit": "audit1"}[argv[0]]  # R14: the auditor reads the log
        code, _, err = office("--json", *argv, user=who)
        assert code == 0, (argv, err)
    pw = tmp_path / "secrets" / "recovery.txt"
    backup_file = next((usb / "backups").glob("*.cdbk"))
    code, _, err = office("--recovery-passphrase-file", str(pw), "restore", str(backup_file), "--to",
                          str(tmp_path / "restored"), user="admin")
    assert code == 0, err
    office("subject", "show", "999", "--purpose", "x")  # refused: too short a purpose, unknown subject


def _killed_process(data_dir, secret_files, env, marks: Path) -> None:
    """A process killed mid-write (no chance to clean up) must not leave personal data behind either: the
    search is killed inside the open transaction of its own audit row (which names the person searched), at
    the point the child reports (killer.hold_and_kill), not after a guessed sleep."""
    args = ["--data-dir", str(data_dir), "--recovery-passphrase-file", str(secret_files["passphrase"]),
            "--user", "clerk1", "subject", "search", PERSON, "--purpose", "核查信用状况"]
    opened = hold_and_kill(args, "subject.search", marks, {**env, "CREDIT_DESK_PASSWORD": USER_PW})
    assert [kind for kind, _ in opened] == ["tx"], opened  # killed with its transaction open


def test_no_name_or_id_number_in_clear_anywhere_the_app_writes(story_clock, office, data_dir, secret_files, tmp_path,
                                                              monkeypatch):  # story_clock: walked on the calendar (R5)
    tmp = tmp_path / "tmpdir"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    out = tmp_path / "out"
    out.mkdir()
    asked: list[Path] = []
    _walk(office, secret_files, tmp_path, out, asked)
    # the killed child process reads the machine's clock: the story, walked on the calendar, goes on to that day
    kit.walk_to_now(office)
    _killed_process(data_dir, secret_files, {"TMPDIR": str(tmp)}, tmp_path / "marks.txt")
    ids = _people()
    names, numbers = {COMPANY, REP, PERSON}, set(ids.values())
    # positive control: the platform's own store (the intake, decrypted by design) shows the seeded data,
    # so the data really flowed through export and the scanner is not blind
    # (its store is PostgreSQL since issue 20: read what it filed for this office)
    office_id = json.loads(office("--json", "keys", "show", user="admin")[1])["office"]
    filed = json.dumps(Intake(tmp_path / "intake").stored_changes(office_id), ensure_ascii=False, default=str)
    assert any(n in filed for n in names | numbers)
    skipped = {p.resolve() for p in asked} | {tmp_path / "secrets", tmp_path / "intake"}
    scanned, leaks, seen = 0, [], []
    for folder in (data_dir, tmp, out, tmp_path / "usb", tmp_path / "restored", tmp_path / "xdg-data",
                   tmp_path / "xdg-config"):
        if not folder.exists():
            continue
        for path in folder.rglob("*"):
            if path.is_file() and path.resolve() not in skipped:
                scanned += 1
                seen.append(str(path.relative_to(tmp_path)))
                leaks += [(str(path.relative_to(tmp_path)), what) for _, what in _leaks_in(path, names, numbers)]
    assert scanned >= 10, scanned
    assert leaks == [], leaks
    print(json.dumps({"files_scanned": scanned, "user_outputs_skipped": [p.name for p in asked]},
                     ensure_ascii=False))
    print("\n".join(sorted(seen)))


def _leaks_in(path: Path, names: set[str], numbers: set[str]) -> list[tuple[str, str]]:
    """Every seeded value, searched as UTF-8 (what the e2e scanner sees), UTF-16 and GBK bytes."""
    blob = path.read_bytes()
    return [(path.name, f"{value} ({enc})") for value in sorted(names | numbers)
            for enc in ("utf-8", "utf-16-le", "gbk") if value.encode(enc) in blob]


def test_the_scan_finds_a_planted_leak(tmp_path):
    """The scanner can fail: plain UTF-8, UTF-16 and GBK are all seen."""
    for enc in ("utf-8", "utf-16-le", "gbk"):
        p = tmp_path / f"log-{enc}.txt"
        p.write_bytes(f"查询 {PERSON}".encode(enc))
        assert _leaks_in(p, {PERSON}, set()), enc
    (tmp_path / "id.txt").write_bytes(_people()["ric"].encode())
    assert _leaks_in(tmp_path / "id.txt", set(), {_people()["ric"]})
