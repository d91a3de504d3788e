"""Issue 14 item 4 (R14: destruction must be prevented): no output path a clerk names can write inside the data
folder, replace an existing file without --force, or burn a document number when it names a folder.

Each test performs the attack through the CLI on a real ledger and shows the refusal with nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """Business here is the clerk's (R14 separation of duties); admin acts name user="admin"."""
    return with_business_accounts(office, secret_files)

PERSON = ["--kind", "natural_person", "--name", "张小明", "--id-type", "ric", "--id-number", "11010519491231002X"]


def _digest(folder) -> dict:
    """Every file of the data folder and its hash (the -shm index is rewritten by any reader: left out)."""
    out = {}
    for root, _dirs, files in os.walk(folder):
        for f in files:
            if f.endswith("-shm") or f == "ledger.lock":
                continue
            p = os.path.join(root, f)
            out[os.path.relpath(p, folder)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
    return out


@pytest.fixture
def ready(office):
    code, out, err = office("subject", "add", *PERSON)
    assert code == 0, err
    return office


ADMIN_ACTS = ("backup", "restore", "keys")   # R14: the administrator's; everything else here is the clerk's


def _refused(cli, *argv, code: str):
    rc, out, err = cli("--json", *argv, **({"user": "admin"} if argv[0] in ADMIN_ACTS else {}))
    assert rc == 1, (out, err)
    doc = json.loads(out)
    assert doc["code"] == code, doc
    assert "Traceback" not in err
    return doc


def _registered(cli) -> list[str]:
    rc, out, err = cli("--json", "print", "list")
    assert rc == 0, err
    return [r["number"] for r in json.loads(out)]


@pytest.mark.parametrize("argv", [
    ["print", "credit_query", "--subject", "1", "--purpose", "资格审查", "--out", "{data}/ledger.db"],
    ["print", "credit_query", "--subject", "1", "--purpose", "资格审查", "--out", "{data}/ledger.db", "--force"],
    ["ledger", "export", "{data}/ledger.recovery", "--force"],
    ["contacts", "export", "{data}/ledger.json", "--force"],
    ["keys", "export-public", "--to", "{data}/audit.anchor", "--force"],
    ["bundle", "export", "--to", "{data}"],
    ["backup", "--to", "{data}/more"],
    ["print", "batch", "credit_query", "--subjects", "1", "--purpose", "资格审查", "--split", "--out", "{data}/x"],
])
def test_r14_no_output_path_writes_inside_the_data_folder(ready, data_dir, argv):
    before = _digest(data_dir)
    _refused(ready, *[a.replace("{data}", str(data_dir)) for a in argv], code="OUT_IN_DATA_DIR")
    after = _digest(data_dir)
    # the login's audit row changes the database and the anchor; nothing else is touched, nothing is added
    assert {k for k in after if not k.startswith("ledger.db-")} == {k for k in before if not k.startswith("ledger.db-")}
    assert {k: v for k, v in after.items() if not k.startswith(("ledger.db", "audit.anchor"))} == \
        {k: v for k, v in before.items() if not k.startswith(("ledger.db", "audit.anchor"))}
    assert _registered(ready) == []  # the ledger still opens, and no number was taken
    assert not (data_dir / "more").exists() and not (data_dir / "x").exists()


def test_r14_a_link_to_the_ledger_is_refused_like_the_ledger(ready, data_dir, tmp_path):
    link = tmp_path / "innocent.pdf"
    link.symlink_to(data_dir / "ledger.db")
    hard = tmp_path / "hard.xlsx"
    os.link(data_dir / "ledger.recovery", hard)
    recovery = (data_dir / "ledger.recovery").read_bytes()
    _refused(ready, "print", "credit_query", "--subject", "1", "--purpose", "资格审查", "--out", str(link), "--force",
             code="OUT_IN_DATA_DIR")
    _refused(ready, "ledger", "export", str(hard), "--force", code="OUT_IN_DATA_DIR")
    assert (data_dir / "ledger.recovery").read_bytes() == recovery
    assert _registered(ready) == []


def test_r14_an_existing_file_is_replaced_only_with_force(ready, tmp_path):
    out = tmp_path / "notice.pdf"
    out.write_bytes(b"the clerk's earlier letter")
    _refused(ready, "print", "credit_query", "--subject", "1", "--purpose", "资格审查", "--out", str(out),
             code="OUT_EXISTS")
    assert out.read_bytes() == b"the clerk's earlier letter" and _registered(ready) == []
    xlsx = tmp_path / "ledger.xlsx"
    xlsx.write_bytes(b"keep")
    _refused(ready, "ledger", "export", str(xlsx), code="OUT_EXISTS")
    _refused(ready, "contacts", "export", str(xlsx), code="OUT_EXISTS")
    assert xlsx.read_bytes() == b"keep"
    rc, _o, err = ready("print", "credit_query", "--subject", "1", "--purpose", "资格审查", "--out", str(out),
                        "--force")
    assert rc == 0, err
    assert out.read_bytes().startswith(b"%PDF")
    rc, _o, err = ready("ledger", "export", str(xlsx), "--force")
    assert rc == 0, err


def test_r14_out_naming_a_folder_burns_no_number(ready, tmp_path):
    folder = tmp_path / "notices"
    folder.mkdir()
    doc = _refused(ready, "print", "credit_query", "--subject", "1", "--purpose", "资格审查", "--out", str(folder),
                   code="OUT_IS_FOLDER")
    assert "未占用编号" in doc["message"]
    assert list(folder.iterdir()) == [] and _registered(ready) == []
    rc, out, err = ready("--json", "print", "credit_query", "--subject", "1", "--purpose", "资格审查", "--out",
                         str(folder / "n.pdf"))
    assert rc == 0, err
    number = json.loads(out)["documents"][0]["number"]
    assert number.endswith("〕1号"), number  # the first number of the series: nothing was burnt before


def test_r14_split_batch_never_overwrites_an_earlier_print(ready, tmp_path):
    folder = tmp_path / "batch"
    rc, out, err = ready("--json", "print", "batch", "credit_query", "--subjects", "1", "--purpose", "资格审查",
                         "--split", "--out", str(folder))
    assert rc == 0, err
    first = json.loads(out)["documents"][0]
    # a file a clerk put there under the next number's name is kept, and the number is not burnt
    nxt = first["number"].replace("〕1号", "〕2号")
    (folder / f"{nxt}.pdf").write_bytes(b"mine")
    _refused(ready, "print", "batch", "credit_query", "--subjects", "1", "--purpose", "资格审查", "--split",
             "--out", str(folder), code="OUT_EXISTS")
    assert (folder / f"{nxt}.pdf").read_bytes() == b"mine"
    assert _registered(ready) == [first["number"]]
