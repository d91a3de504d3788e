"""Backups of an office in gm/1 (issue 22): the manifest names the suite, is signed with SM2 (stock OpenSSL
verifies it), restores, and a manifest relabelled to another suite is refused."""

from __future__ import annotations

import base64
import json
import subprocess
import zipfile

from credit_desk.domain import signing, suites
from tests.conftest import PASSPHRASE


def _backup(office, tmp_path) -> str:
    code, out, err = office("--json", "backup", "--to", str(tmp_path / "bk"))
    assert code == 0, err
    return json.loads(out)["file"]


def _restore(office, tmp_path, path, name: str):
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE)
    return office("--json", "--recovery-passphrase-file", str(pw), "restore", path, "--to", str(tmp_path / name))


def test_gm_backup_manifest_is_sm2_signed_verified_by_openssl_and_restores(office, tmp_path):
    code, out, err = office("--json", "keys", "rotate", "--suite", "gm/1")
    assert code == 0, out + err
    code, out, _ = office("keys", "export-public", "--to", str(tmp_path / "k.json"), "--pem", str(tmp_path / "k.pem"))
    assert code == 0
    path = _backup(office, tmp_path)
    with zipfile.ZipFile(path) as zf:
        raw, sig = zf.read("manifest.json"), zf.read("manifest.sig")
    manifest = json.loads(raw)
    public = json.loads((tmp_path / "k.json").read_text())["sign_public"]
    public = base64.b64decode(public)
    assert manifest["suite"] == "gm/1" and manifest["key_id"] == suites.get(suites.GM).key_id(public)
    (tmp_path / "tbs").write_bytes(signing.message(signing.Use.BACKUP_MANIFEST, raw))
    (tmp_path / "sig.cnf").write_text(f"asn1=SEQUENCE:s\n[s]\nr=INTEGER:0x{sig[:32].hex()}\ns=INTEGER:0x{sig[32:].hex()}\n")
    subprocess.run(["openssl", "asn1parse", "-genconf", str(tmp_path / "sig.cnf"), "-out", str(tmp_path / "sig.der"),
                    "-noout"], check=True)
    done = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(tmp_path / "k.pem"), "-rawin",
                           "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", str(tmp_path / "tbs"),
                           "-sigfile", str(tmp_path / "sig.der")], capture_output=True, text=True)
    assert done.returncode == 0 and "Verified Successfully" in done.stdout, done.stderr
    code, out, err = _restore(office, tmp_path, path, "restored")
    assert code == 0, out + err


def test_a_backup_manifest_relabelled_to_another_suite_is_refused(office, tmp_path):
    office("keys", "rotate", "--suite", "gm/1")
    path = _backup(office, tmp_path)
    import hashlib
    forged = tmp_path / "forged.cdbk"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(forged, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "manifest.json":  # relabelled, its SM3 list replaced by a correct SHA-256 one
                doc = json.loads(data)
                doc["suite"] = "intl/1"
                doc["sha256"] = {n: hashlib.sha256(src.read(n)).hexdigest() for n in doc.pop("sm3")}
                data = json.dumps(doc, indent=1).encode()
            dst.writestr(item, data)
    code, out, err = _restore(office, tmp_path, str(forged), "restored")
    assert code != 0 and "BACKUP_BAD_SIGNATURE" in out + err
    relabelled = tmp_path / "relabelled.cdbk"  # only the suite changed: its SM3 list no longer fits
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(relabelled, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, data.replace(b'"suite": "gm/1"', b'"suite": "intl/1"')
                         if item.filename == "manifest.json" else data)
    code, out, err = _restore(office, tmp_path, str(relabelled), "restored2")
    assert code != 0 and "BACKUP_BAD" in out + err


def test_r14_a_gm_backup_lists_its_members_in_sm3_and_a_changed_member_is_refused(office, tmp_path):
    """密评: under gm/1 the integrity of the backed-up files rests on SM3 (the signed manifest lists SM3 digests under
    "sm3", no SHA-256); an intl/1 backup keeps "sha256". One changed byte of a member is refused either way."""
    from cryptography.hazmat.primitives import hashes
    intl = json.loads(zipfile.ZipFile(_backup(office, tmp_path)).read("manifest.json"))
    assert "sha256" in intl and "sm3" not in intl
    office("keys", "rotate", "--suite", "gm/1")
    path = _backup(office, tmp_path)
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        recovery = zf.read("ledger.recovery")
    h = hashes.Hash(hashes.SM3())
    h.update(recovery)
    assert "sha256" not in manifest and manifest["sm3"]["ledger.recovery"] == h.finalize().hex()
    changed = tmp_path / "changed.cdbk"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(changed, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, data[:-1] + bytes([data[-1] ^ 1]) if item.filename == "ledger.json" else data)
    code, out, err = _restore(office, tmp_path, str(changed), "restored")
    assert code != 0 and "BACKUP" in out + err and "ledger.json" in out + err
