"""Writes the corpus of nasty inputs in tests/reliability/corpus/ (committed; re-run only to change it):

    .venv/bin/python -m tests.reliability.make_corpus

Each file is small. EXPECTED.json maps every file to the refusal code (or verdict) its parser must give.
Folders name the parser: bundle/ (bundle import / verify), payload/ (the JSON-lines payload reader),
xlsx/ (ledger import), backup/ (restore), keys/ (keys import-platform), templates/ (notice templates),
qr/ (notice verify --qr), pdf/ (notice verify --pdf), downstream/ (items of a signed downstream update).
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

from credit_desk.domain.cleanup import HEADERS
from credit_desk.sync import container

HERE = Path(__file__).parent / "corpus"
EXPECTED: dict[str, str] = {}
DEEP = b"[" * 5_000 + b"]" * 5_000  # 10 KB, under every size limit, deeper than the recursion limit


def put(rel: str, data: bytes, expect: str) -> None:
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    EXPECTED[rel] = expect


def member(name: bytes, data: bytes, size: int | None = None) -> bytes:
    return struct.pack(">H", len(name)) + name + struct.pack(">Q", len(data) if size is None else size) + data


MANIFEST = json.dumps({"format": "credit_desk.bundle/1", "type": "receipt"}).encode()


def bundles() -> None:
    good = container.pack(MANIFEST, b"s" * 64, b"p" * 80)
    put("bundle/empty.cdb", b"", "BUNDLE_NOT_A_BUNDLE")
    put("bundle/truncated.cdb", good[:40], "BUNDLE_TRUNCATED")
    put("bundle/wrong-magic.cdb", b"PK\x03\x04" + good[4:], "BUNDLE_NOT_A_BUNDLE")
    put("bundle/bit-flipped-magic.cdb", bytes([good[0] ^ 1]) + good[1:], "BUNDLE_NOT_A_BUNDLE")
    put("bundle/trailing-data.cdb", good + b"\x00", "BUNDLE_TRAILING_DATA")
    put("bundle/huge-length-prefix.cdb", container.MAGIC + member(b"manifest.json", MANIFEST, 2 ** 63),
        "BUNDLE_TRUNCATED")
    put("bundle/huge-name-length.cdb", container.MAGIC + struct.pack(">H", 65535) + b"manifest.json",
        "BUNDLE_TRUNCATED")
    put("bundle/zip-slip-member.cdb", container.MAGIC + member(b"../../manifest.json", MANIFEST),
        "BUNDLE_UNSAFE_NAME")
    put("bundle/absolute-member.cdb", container.MAGIC + member(b"/etc/passwd", MANIFEST), "BUNDLE_UNSAFE_NAME")
    put("bundle/windows-path-member.cdb", container.MAGIC + member(b"C:\\x\\manifest.json", MANIFEST),
        "BUNDLE_UNSAFE_NAME")
    put("bundle/gbk-member-name.cdb", container.MAGIC + member("清单.json".encode("gbk"), MANIFEST),
        "BUNDLE_UNSAFE_NAME")
    put("bundle/members-out-of-order.cdb", container.MAGIC + member(b"manifest.sig", b"s" * 64), "BUNDLE_MEMBERS")
    put("bundle/deeply-nested-manifest.cdb", container.pack(DEEP, b"s" * 64, b"p"), "BUNDLE_MANIFEST_BAD")
    put("bundle/utf16-bom-manifest.cdb", container.pack(b"\xff\xfe" + MANIFEST.decode().encode("utf-16-le"),
                                                        b"s" * 64, b"p"), "BUNDLE_MANIFEST_BAD")
    put("bundle/gbk-manifest.cdb", container.pack(json.dumps({"format": "名"}, ensure_ascii=False).encode("gbk"),
                                                  b"s" * 64, b"p"), "BUNDLE_MANIFEST_BAD")
    put("bundle/duplicate-keys-manifest.cdb", container.pack(b'{"format":"a","format":"b"}', b"s" * 64, b"p"),
        "BUNDLE_MANIFEST_BAD")
    put("bundle/short-signature.cdb", container.pack(MANIFEST, b"s" * 63, b"p"), "BUNDLE_BAD_SIGNATURE")
    put("bundle/oversized-manifest.cdb", container.pack(b" " * 70_000, b"s" * 64, b"p"), "BUNDLE_OVERSIZED")


def payloads() -> None:
    att = lambda name: json.dumps({"t": "attachment", "name": name, "sha256": "0" * 64, "data": ""}).encode()  # noqa: E731
    put("payload/zip-slip-attachment.jsonl", att("../../../etc/cron.d/x") + b"\n", "BUNDLE_UNSAFE_NAME")
    put("payload/absolute-attachment.jsonl", att("/tmp/x.pdf") + b"\n", "BUNDLE_UNSAFE_NAME")
    put("payload/backslash-attachment.jsonl", att("docs\\..\\..\\x") + b"\n", "BUNDLE_UNSAFE_NAME")
    put("payload/drive-attachment.jsonl", att("C:x.pdf") + b"\n", "BUNDLE_UNSAFE_NAME")
    put("payload/deeply-nested-line.jsonl", DEEP + b"\n", "BUNDLE_PAYLOAD_BAD")
    put("payload/gbk-line.jsonl", json.dumps({"t": "change", "name": "张三"}, ensure_ascii=False).encode("gbk"),
        "BUNDLE_PAYLOAD_BAD")
    put("payload/utf16-bom.jsonl", "\ufeff{}".encode("utf-16"), "BUNDLE_PAYLOAD_BAD")
    put("payload/nan-id.jsonl", b'{"t":"change","id":NaN,"ts":"","entity":"","entity_id":"","op":"","state":{}}\n',
        "BUNDLE_PAYLOAD_BAD")


def _xlsx(rows, extra: dict[str, bytes] | None = None, edit=None) -> bytes:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["失信约束措施台账"])
    ws.append(list(HEADERS))
    for r in rows:
        ws.append(list(r))
    if edit:
        edit(wb, ws)
    buf = io.BytesIO()
    wb.save(buf)
    if not extra:
        return buf.getvalue()
    src, out = zipfile.ZipFile(io.BytesIO(buf.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, extra.pop(info.filename, None) or src.read(info))
        for name, data in extra.items():
            dst.writestr(name, data)
    return out.getvalue()


ROW = [1, "《某某办法》（清政规〔2020〕3号）", "是", "是", "否", "摘要", "否", "否", "无", "修订", "2030年底", "区城管局",
       "王某，局长", "0517-83000001"]


def _bomb(declared_small: bool) -> bytes:
    """The sheet XML replaced by 256 MiB of spaces deflated to about 250 KB. With honest sizes the guard in
    sheets/cleanup_xlsx.py refuses it unread; with sizes patched to 1 MiB zipfile stops there (CRC error)."""
    good = zipfile.ZipFile(io.BytesIO(_xlsx([ROW])))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in good.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, good.read(info))
        with dst.open("xl/worksheets/sheet1.xml", "w") as fh:
            chunk = b" " * (1 << 20)
            for _ in range(256):
                fh.write(chunk)
    data = bytearray(buf.getvalue())
    if declared_small:
        info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
        struct.pack_into("<I", data, info.header_offset + 22, 1 << 20)       # local header: uncompressed size
        central = data.rindex(b"xl/worksheets/sheet1.xml") - 46  # the name follows a 46-byte central header
        assert data[central:central + 4] == b"PK\x01\x02"
        struct.pack_into("<I", data, central + 24, 1 << 20)                  # central directory entry
    return bytes(data)


def sheets() -> None:
    put("xlsx/formula-in-cell.xlsx", _xlsx([ROW[:5] + ["=HYPERLINK(\"http://evil\",\"点这里\")"] + ROW[6:]]),
        "R16_IMPORT_REFUSED")
    put("xlsx/formula-dde.xlsx", _xlsx([ROW[:1] + ["=cmd|' /C calc'!A0"] + ROW[2:]]), "R16_IMPORT_REFUSED")
    put("xlsx/zip-bomb-honest-sizes.xlsx", _bomb(declared_small=False), "XLSX_TOO_LARGE")
    put("xlsx/zip-bomb-lying-sizes.xlsx", _bomb(declared_small=True), "XLSX_UNREADABLE")
    put("xlsx/truncated.xlsx", _xlsx([ROW])[:300], "XLSX_UNREADABLE")
    put("xlsx/csv-renamed.xlsx", ",".join(HEADERS).encode("gbk"), "XLSX_UNREADABLE")
    put("xlsx/zip-slip-member.xlsx", _xlsx([ROW], {"../../evil.xml": b"<x/>", "/abs/evil.xml": b"<x/>"}), "ok")
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>张三</t></is></c></row>'
             '</sheetData></worksheet>').encode("gbk")
    put("xlsx/gbk-in-utf8-xml.xlsx", _xlsx([ROW], {"xl/worksheets/sheet1.xml": sheet}), "XLSX_UNREADABLE")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
              b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
              b'<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
              b'<c r="A1" t="inlineStr"><is><t>&h;</t></is></c></row></sheetData></worksheet>')
    put("xlsx/billion-laughs.xlsx", _xlsx([ROW], {"xl/worksheets/sheet1.xml": laughs}), "XLSX_UNREADABLE")
    put("xlsx/merged-header.xlsx", _xlsx([ROW], edit=lambda wb, ws: ws.merge_cells("A2:C2")), "R16_HEADER_MISMATCH")
    put("xlsx/chartsheet-first.xlsx", _xlsx([ROW], edit=lambda wb, ws: wb.create_chartsheet("图", 0)),
        "XLSX_UNREADABLE")
    put("xlsx/no-worksheet.xlsx", _only_chartsheet(), "XLSX_UNREADABLE")
    put("xlsx/huge-cell.xlsx", _xlsx([ROW[:5] + ["长" * 40_000] + ROW[6:]]), "ok")
    put("xlsx/bad-completion-date.xlsx", _xlsx([ROW[:10] + ["2021年13月"] + ROW[11:]]), "R16_IMPORT_REFUSED")


def _only_chartsheet() -> bytes:
    from openpyxl import Workbook
    wb = Workbook()
    wb.create_chartsheet("图")
    wb.remove(wb.worksheets[0])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def backups() -> None:
    names = {"manifest.json": b"{}", "ledger.db": b"x", "ledger.recovery": b"{}", "ledger.json": b"{}"}
    put("backup/not-a-zip.cdbk", b"SQLite format 3\x00" + b"\x00" * 100, "BACKUP_BAD")
    put("backup/truncated.cdbk", _zip(names)[:60], "BACKUP_BAD")
    put("backup/zip-slip.cdbk", _zip({**names, "../../ledger.db": b"x"}), "BACKUP_BAD")
    put("backup/absolute-member.cdbk", _zip({"/etc/ledger.db" if k == "ledger.db" else k: v
                                            for k, v in names.items()}), "BACKUP_BAD")
    put("backup/deeply-nested-manifest.cdbk", _zip({**names, "manifest.json": DEEP}), "BACKUP_BAD")
    put("backup/null-manifest.cdbk", _zip({**names, "manifest.json": b"null"}), "BACKUP_BAD")
    put("backup/gbk-manifest.cdbk", _zip({**names, "manifest.json": '{"format":"备份"}'.encode("gbk")}), "BACKUP_BAD")
    forged = {"format": "credit_desk.backup/1", "ledger_id": 5, "created": "x", "schema": 1,
              "sha256": {}, "audit_head": "bad"}
    put("backup/forged-manifest-wrong-types.cdbk", _zip({**names, "manifest.json": json.dumps(forged).encode()}),
        "BACKUP_BAD")


def keyfiles() -> None:
    put("keys/deeply-nested.json", DEEP, "KEYFILE_BAD")
    put("keys/utf16-bom.json", '{"format":"credit_desk.platform-keys/1"}'.encode("utf-16"), "KEYFILE_BAD")
    put("keys/gbk.json", '{"format":"credit_desk.platform-keys/1","name":"平台"}'.encode("gbk"), "KEYFILE_BAD")
    put("keys/short-key.json", json.dumps({"format": "credit_desk.platform-keys/1", "platform": "p",
                                           "sign_public": "AAAA", "enc_public": "AAAA"}).encode(), "KEYFILE_BAD")
    put("keys/truncated.json", b'{"format":"credit_desk.platform-keys/1","sign_pub', "KEYFILE_BAD")


def template_files() -> None:
    base = (Path(__file__).parents[2] / "resources" / "templates" / "credit_query.toml").read_text(encoding="utf-8")
    put("templates/gbk_bytes.toml", base.encode("gbk", "replace"), "TEMPLATE_SYNTAX")
    put("templates/utf_sixteen_bom.toml", base.encode("utf-16"), "TEMPLATE_SYNTAX")
    put("templates/format_spec.toml", base.replace('title = "', 'title = "{office:>999999999}', 1).encode(),
        "TEMPLATE_SYNTAX")
    put("templates/attribute_access.toml", base.replace('title = "', 'title = "{office.__class__}', 1).encode(),
        "TEMPLATE_UNKNOWN_FIELD")
    put("templates/unbalanced_brace.toml", base.replace('title = "', 'title = "{', 1).encode(), "TEMPLATE_SYNTAX")
    put("templates/truncated.toml", base.encode()[:len(base) // 2], "TEMPLATE_SYNTAX")
    put("templates/deep_array.toml", b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "TEMPLATE_SYNTAX")
    put("templates/body_not_text.toml", b'code = "x"\ntitle = "t"\nprefix = "p"\nbody = 5\nfields = {}\n',
        "TEMPLATE_KEY")
    put("templates/fields_not_table.toml", b'code = "x"\ntitle = "t"\nprefix = "p"\nbody = "b"\nfields = [1]\n',
        "TEMPLATE_FIELD")


def qr_texts() -> None:
    put("qr/empty.txt", b"", "unknown")
    put("qr/eight-fields.txt", b"CDN1|a|b|c|d|e|f|g", "unknown")
    put("qr/wrong-version.txt", b"CDN9|1|2026-01-01|o|t|abcd1234|sig", "unknown")
    put("qr/huge.txt", b"CDN1|" + b"x" * 100_000 + b"|2026-01-01|o|t|abcd1234|sig", "unknown")
    put("qr/bad-base64.txt", b"CDN1|1|2026-01-01|o|t|abcd1234|%%%%", "unknown")
    put("qr/gbk.txt", "CDN1|清信决〔2026〕1号|2026-01-01|办|t|abcd1234|sig".encode("gbk"), "unknown")
    put("qr/newlines.txt", b"CDN1|1\n2|2026-01-01|o|t|abcd1234|sig", "unknown")


def pdfs() -> None:
    from credit_desk.documents.verify import META_TAG, _b64
    meta = lambda doc: (META_TAG + _b64(zlib.compress(json.dumps(doc).encode()))).encode()  # noqa: E731
    put("pdf/no-metadata.pdf", b"%PDF-1.7\n%%EOF\n", "unknown")
    put("pdf/meta-is-object.pdf", b"%PDF-1.7\n" + meta({"qr": "CDN1"}) + b"\n%%EOF", "unknown")
    put("pdf/meta-bad-entries.pdf", b"%PDF-1.7\n" + meta([{"qr": 5, "fields": [None], "pages": [1]}]) + b"\n%%EOF",
        "altered")
    put("pdf/meta-not-zlib.pdf", b"%PDF-1.7\n" + META_TAG.encode() + b"AAAA\n%%EOF", "unknown")
    put("pdf/meta-deep.pdf", b"%PDF-1.7\n" + META_TAG.encode() + _b64(zlib.compress(DEEP)).encode() + b"\n%%EOF",
        "unknown")


def downstream_items() -> None:
    put("downstream/calendar__year-overflow.json",
        json.dumps({"year": 10 ** 30, "source": "x", "days": {}}).encode(), "DOWNSTREAM_ITEM_BAD")
    put("downstream/calendar__other-year-day.json",
        json.dumps({"year": 2031, "source": "x", "days": {"2032-01-01": False}}).encode(), "DOWNSTREAM_ITEM_BAD")
    put("downstream/joint_list__object-as-id-type.json", json.dumps({"lists": [{
        "list_id": "L", "title": "T", "list_type": "black",
        "entries": [{"entry_id": "E", "name": "某", "id_type": {"x": 1}}]}]}).encode(), "DOWNSTREAM_ITEM_BAD")
    put("downstream/joint_list__duplicate-entry.json", json.dumps({"lists": [{
        "list_id": "L", "title": "T", "list_type": "black",
        "entries": [{"entry_id": "E", "name": "某"}, {"entry_id": "E", "name": "某"}]}]}).encode(),
        "DOWNSTREAM_ITEM_BAD")
    put("downstream/rule_set__huge-window.json", json.dumps({
        "code": "x", "source": "s", "effective_from": "2031-01-01", "objection_window_workdays": 10 ** 30,
        "tiers": {}}).encode(), "DOWNSTREAM_ITEM_BAD")
    put("downstream/measures__list-as-kind.json", json.dumps({
        "edition": "e", "label": "l", "source": "national", "items": [
            {"code": "c", "name": "n", "basis": "b", "list_types": ["black"], "kind": ["restrictive"],
             "severity": 1}]}).encode(), "DOWNSTREAM_ITEM_BAD")
    put("downstream/catalogue__sample-edition.json", json.dumps({
        "edition": "e", "label": "l", "source": "sample", "items": [{"code": "c"}]}).encode(),
        "DOWNSTREAM_ITEM_BAD")


def main() -> None:
    for make in (bundles, payloads, sheets, backups, keyfiles, template_files, qr_texts, pdfs, downstream_items):
        make()
    (HERE / "EXPECTED.json").write_text(json.dumps(dict(sorted(EXPECTED.items())), ensure_ascii=False, indent=1)
                                        + "\n", encoding="utf-8")
    total = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file())
    print(f"{len(EXPECTED)} files, {total // 1024} KiB")


if __name__ == "__main__":
    main()
