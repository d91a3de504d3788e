"""Every file of the nasty-input corpus (tests/reliability/corpus/, written by make_corpus.py) through its
parser, mostly from the command line as a clerk would: the expected refusal code or verdict, one sentence on
stderr, never a traceback, and nothing changed in the ledger."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from credit_desk.documents import templates
from credit_desk.domain.errors import DomainError
from credit_desk.intake.receiver import Intake
from credit_desk.sync import payload
from tests.e2e.sync_support import pair
from tests.reliability.support import ledger_digest, reader
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """Business here is the clerk's (R14 separation of duties); admin acts name user="admin"."""
    return with_business_accounts(office, secret_files)

CORPUS = Path(__file__).parent / "corpus"
EXPECTED: dict[str, str] = json.loads((CORPUS / "EXPECTED.json").read_text(encoding="utf-8"))


def _files(folder: str) -> list[str]:
    found = sorted(str(p.relative_to(CORPUS)) for p in (CORPUS / folder).iterdir())
    assert found and set(found) <= set(EXPECTED), folder
    return found


def test_every_corpus_file_has_an_expectation():
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file() and p.name != "EXPECTED.json"}
    assert on_disk == set(EXPECTED)
    assert sum((CORPUS / f).stat().st_size for f in on_disk) < 1_000_000  # small files, committed


def _digest(data_dir) -> str:
    """Digest of every row but the audit log. Callers first run one ordinary command (`_settled`) so the
    once-a-day checks (expiry R12 way 3, publication stop R13) have written their day's mark already."""
    with reader(data_dir) as desk:
        return ledger_digest(desk.ledger.conn)


def _refused(office, data_dir, rel: str, *argv) -> None:
    """The command is refused with the expected code, one sentence, no traceback, the ledger unchanged."""
    _settled(office)
    before = _digest(data_dir)
    code, out, err = office("--json", *argv, **({"user": "admin"} if argv[0] in ("restore", "keys") else {}))
    assert "Traceback" not in err, (rel, err)
    expected = EXPECTED[rel]
    if expected == "ok":
        assert code == 0, (rel, out, err)
        return
    assert code == 1, (rel, code, out, err)
    got = json.loads(out)
    assert got["code"] == expected and any("\u4e00" <= ch <= "\u9fff" for ch in got["message"]), (rel, got)
    assert _digest(data_dir) == before, f"{rel} changed the ledger"


def test_corpus_bundles(office, data_dir):
    for rel in _files("bundle"):
        _refused(office, data_dir, rel, "bundle", "import", str(CORPUS / rel))
        _refused(office, data_dir, rel, "bundle", "verify", str(CORPUS / rel))


def test_corpus_payload_lines():
    for rel in _files("payload"):
        with pytest.raises(DomainError) as info:
            payload.parse_changes((CORPUS / rel).read_bytes())
        assert info.value.code == EXPECTED[rel], rel


def test_corpus_workbooks(office, data_dir):
    for rel in _files("xlsx"):
        _refused(office, data_dir, rel, "ledger", "import", str(CORPUS / rel))


def test_corpus_backups(office, data_dir, tmp_path):
    for i, rel in enumerate(_files("backup")):
        target = tmp_path / f"restored{i}"
        _refused(office, data_dir, rel, "restore", str(CORPUS / rel), "--to", str(target))
        assert not target.exists() and not list(tmp_path.glob(f".restored{i}*")), rel


def test_corpus_key_files(office, data_dir):
    for rel in _files("keys"):
        _refused(office, data_dir, rel, "keys", "import-platform", str(CORPUS / rel))


def test_corpus_templates(tmp_path):
    for rel in _files("templates"):
        shutil.copy(CORPUS / rel, tmp_path / Path(rel).name)
        with pytest.raises(DomainError) as info:
            templates.load_template(Path(rel).stem, folder=tmp_path)
        assert info.value.code == EXPECTED[rel], (rel, info.value)


def _settled(office) -> None:
    code, out, err = office("--json", "due")
    assert code == 0, (out, err)


def _verdict(office, data_dir, rel: str, *argv) -> None:
    _settled(office)
    before = _digest(data_dir)
    code, out, err = office("--json", *argv)
    assert code == (0 if EXPECTED[rel] == "valid" else 1) and "Traceback" not in err, (rel, out, err)
    assert json.loads(out)["result"] == EXPECTED[rel], (rel, out)
    assert _digest(data_dir) == before


def test_corpus_qr_texts(office, data_dir):
    for rel in _files("qr"):
        text = (CORPUS / rel).read_bytes().decode("utf-8", "surrogateescape")  # as argv would carry it
        _verdict(office, data_dir, rel, "notice", "verify", "--qr", text)


def test_corpus_pdfs(office, data_dir):
    for rel in _files("pdf"):
        _verdict(office, data_dir, rel, "notice", "verify", "--pdf", str(CORPUS / rel))


def test_corpus_downstream_items(office, data_dir, tmp_path):
    """Each item, signed by the real platform key, is refused whole with the item named."""
    intake = Intake(pair(office, tmp_path))
    office_id = json.loads((data_dir / "ledger.json").read_text())["ledger_id"]
    for n, rel in enumerate(_files("downstream"), 1):
        kind = Path(rel).stem.split("__")[0]
        _, data = intake.publish(office_id, [{"kind": kind, "version": n,
                                              "data": json.loads((CORPUS / rel).read_bytes())}])
        path = tmp_path / f"down{n}.cdb"
        path.write_bytes(data)
        _refused(office, data_dir, rel, "bundle", "import", str(path))
