"""Verification: valid / altered / unknown; one changed character of a key field fails it."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.documents import render as R
from credit_desk.documents.templates import load_template
from credit_desk.documents.verify import Header, canonical_bytes, parse_payload
from credit_desk.services import document_verify as V
from credit_desk.services import documents
from credit_desk.services.documents import Item, fonts_for
from tests.documents.samples import SAMPLES


@pytest.fixture
def printed(session, tmp_path):
    out = tmp_path / "d.pdf"
    [doc] = documents.issue(session, "listing_decision", [Item(dict(SAMPLES["listing_decision"]), "case", "7")], out)
    row = session.ledger.query("SELECT qr_text FROM documents WHERE number = ?", (doc["number"],))[0]
    return doc, row["qr_text"], out


def test_canonical_bytes_are_exactly_as_documented():
    got = canonical_bytes(Header("清信决〔2026〕1号", "listing_decision", "2026-04-01", "清江浦区信用办"),
                          [["party_name", " 甲\n公司 "], ["measures", ["a", "b"]]], "ab" * 32)
    assert got == ("CDN2\nnumber=清信决〔2026〕1号\ntype=listing_decision\ndate=2026-04-01\n"
                   "office=清江浦区信用办\nparty_name=甲 公司\nmeasures=a；b\ntext=" + "ab" * 32 + "\n").encode("utf-8")


def test_qr_and_pdf_of_a_printed_notice_are_valid(session, printed):
    doc, qr, out = printed
    r = V.verify_qr(session, qr)
    assert r["result"] == "valid" and r["key_fields"]["party_name"] == SAMPLES["listing_decision"]["party_name"]
    p = V.verify_pdf(session, out)
    assert p["result"] == "valid" and p["text_checked"] and p["identical_to_printed_file"]


@pytest.mark.parametrize("part", [1, 2, 3, 4])   # number, date, office, type
def test_one_changed_character_in_the_qr_fails(session, printed, part):
    _, qr, _ = printed
    pieces = qr.split("|")
    pieces[part] = pieces[part][:-1] + ("9" if pieces[part][-1] != "9" else "8")
    assert V.verify_qr(session, "|".join(pieces))["result"] in ("altered", "unknown")
    if part != 1:  # the same number with another date/office/type: the signature no longer matches
        assert V.verify_qr(session, "|".join(pieces))["result"] == "altered"


def test_unknown_codes_and_numbers(session, printed):
    assert V.verify_qr(session, "https://example.com")["result"] == "unknown"
    _, qr, _ = printed
    other = qr.replace("〔2026〕1号", "〔2026〕99号")
    assert V.verify_qr(session, other)["result"] == "unknown"


def _forge(session, tmp_path, qr, context):
    """A forger re-typesets the notice with one character changed but keeps the genuine QR/metadata."""
    p = parse_payload(qr)
    tpl = load_template("listing_decision")
    meta = R.DocMeta(p.header.number, dt.date.fromisoformat(p.header.date), p.header.office, qr)
    fields = [[n, SAMPLES["listing_decision"][n]] for n in tpl.key_fields]
    pdf, _ = R.render_pdf([(tpl, context, meta)], fonts_for(session.ledger.conn), [{"qr": qr, "fields": fields}])
    out = tmp_path / "forged.pdf"
    out.write_bytes(pdf)
    return out


def test_one_changed_character_of_a_key_field_in_the_pdf_fails(session, printed, tmp_path):
    _, qr, _ = printed
    ctx = {**SAMPLES["listing_decision"], "valid_until": "2026年3月31日"}   # 2029 → 2026: one character
    r = V.verify_pdf(session, _forge(session, tmp_path, qr, ctx))
    assert r["result"] == "altered" and r["documents"][0]["altered_fields"] == ["valid_until"]


def test_edited_metadata_fails_the_signature(session, printed, tmp_path):
    _, qr, out = printed
    ctx = {**SAMPLES["listing_decision"], "party_name": "淮安市清江浦区示例商贸有限公同"}
    p = parse_payload(qr)
    tpl = load_template("listing_decision")
    meta = R.DocMeta(p.header.number, dt.date.fromisoformat(p.header.date), p.header.office, qr)
    fields = [[n, ctx[n]] for n in tpl.key_fields]    # the forger also edits the embedded fields
    pdf, _ = R.render_pdf([(tpl, ctx, meta)], fonts_for(session.ledger.conn), [{"qr": qr, "fields": fields}])
    (tmp_path / "f2.pdf").write_bytes(pdf)
    assert V.verify_pdf(session, tmp_path / "f2.pdf")["result"] == "altered"


def test_a_voided_notice_says_so(session, head_session, printed):
    doc, qr, _ = printed
    documents.void_numbers(head_session, [doc["number"]], "送达前发现当事人名称有误")
    assert V.verify_qr(session, qr)["result"] == "voided"
    with pytest.raises(Exception):
        documents.reprint(session, doc["number"], printed[2].with_name("r.pdf"), "核对文书副本")


def test_cli_print_and_verify(business, tmp_path):
    office = business  # a clerk prints and verifies (R14: the administrator does no business)
    code, out, err = office("--json", "subject", "add", "--kind", "natural_person", "--name", "李四",
                            "--id-type", "ric", "--id-number", "11010519491231002X")
    assert code == 0, err
    pdf = tmp_path / "q.pdf"
    code, out, err = office("print", "credit_query", "--subject", "1", "--purpose", "资格审查", "--out", str(pdf))
    assert code == 0, err
    code, out, err = office("notice", "verify", "--pdf", str(pdf))
    assert code == 0 and "真实有效" in out
    code, out, err = office("notice", "verify", "--qr", "CDN1|x|2026-01-01|y|z|00000000|AAAA")
    assert code == 1 and "无法识别" in out


def test_r5_a_changed_word_outside_the_key_fields_fails_the_whole_text_signature(session, printed, tmp_path):
    """Issue 14 item 1: the signature covers the whole printed text, not only the key fields."""
    _, qr, _ = printed
    tpl = load_template("listing_decision")
    free = next(n for n in tpl.fields if n not in tpl.key_fields and isinstance(SAMPLES["listing_decision"].get(n),
                                                                                   str))
    ctx = {**SAMPLES["listing_decision"], free: SAMPLES["listing_decision"][free] + "另加一句。"}
    p = parse_payload(qr)
    meta = R.DocMeta(p.header.number, dt.date.fromisoformat(p.header.date), p.header.office, qr)
    fields = [[n, ctx[n]] for n in tpl.key_fields]
    pdf, _ = R.render_pdf([(tpl, ctx, meta)], fonts_for(session.ledger.conn), [{"qr": qr, "fields": fields}])
    (tmp_path / "f3.pdf").write_bytes(pdf)
    assert V.verify_pdf(session, tmp_path / "f3.pdf")["result"] == "altered"


def test_r14_a_register_row_edited_behind_the_service_no_longer_verifies(session, printed):
    """A key holder who rewrites the registered text with SQL gets 'altered' for the QR (text rebuilt)."""
    doc, qr, _ = printed
    import json as _json
    row = session.ledger.query("SELECT context FROM documents WHERE number = ?", (doc["number"],))[0]
    ctx = _json.loads(row["context"])
    tpl = load_template("listing_decision")
    free = next(n for n in tpl.fields if n not in tpl.key_fields and isinstance(ctx.get(n), str) and ctx[n])
    ctx[free] = ctx[free] + "（已改）"
    session.ledger.conn.execute("DROP TRIGGER documents_fixed")   # the key holder can drop any trigger
    session.ledger.conn.execute("UPDATE documents SET context = ? WHERE number = ?",
                                (_json.dumps(ctx, ensure_ascii=False), doc["number"]))
    assert V.verify_qr(session, qr)["result"] == "altered"


def test_a_signature_made_for_another_use_does_not_verify_a_notice(session, printed):
    """Domain separation: the office key's signature over the same bytes under another tag is refused."""
    from credit_desk.documents import verify as DV
    from credit_desk.domain import signing
    from credit_desk.store import office_keys
    doc, qr, _ = printed
    p = parse_payload(qr)
    key = office_keys.active(session.ledger.conn)
    fields = session.ledger.query("SELECT key_fields FROM documents WHERE number = ?", (doc["number"],))[0]
    import json as _json
    signed = canonical_bytes(p.header, _json.loads(fields["key_fields"]),
                             V._register_digest(documents._row(session.ledger.conn, doc["number"]), p))
    assert signing.verify(key.public_key, p.signature, signing.Use.DOCUMENT, signed)   # the genuine one
    for use in (signing.Use.BUNDLE_MANIFEST, signing.Use.RECEIPT, signing.Use.KEY_ENDORSEMENT,
                signing.Use.BACKUP_MANIFEST):
        other = signing.sign(bytes(key.private_key), use, signed)
        forged = "|".join(qr.split("|")[:6] + [DV._b64(other)])
        assert V.verify_qr(session, forged)["result"] == "altered", use
    with pytest.raises(ValueError):   # nothing can sign without a tag any more
        signing.sign(bytes(key.private_key), signing.Use.LEGACY_DOCUMENT, signed)
