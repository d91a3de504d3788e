"""Fuzzing every parser of outside data on its own (no ledger): each one returns a value or raises a
DomainError subclass with a Chinese sentence — never a raw exception (issue 10, bad input)."""

from __future__ import annotations

import json
import zlib

from hypothesis import given
from hypothesis import strategies as st

from credit_desk.documents import templates, verify
from credit_desk.domain import reference
from credit_desk.domain.rulesets import NATIONAL_2026, RuleSet
from credit_desk.resources_path import reference_dir
from credit_desk.sync import container, crypto, keyfiles, manifest, payload
from credit_desk.sync.limits import Limits
from tests.reliability.fuzzing import FUZZ_PURE, JSON, damaged, deep_nesting, mutated_doc
from tests.reliability.support import only_domain_errors

LIMITS = Limits(max_file_bytes=1 << 20, max_plain_bytes=1 << 20)
SAMPLE_CATALOGUE = json.loads((reference_dir() / "sample_catalogue.json").read_text(encoding="utf-8"))
SAMPLE_MEASURES = json.loads((reference_dir() / "sample_measures.json").read_text(encoding="utf-8"))
PRIV, PUB = crypto.new_x25519()
VALID_MANIFEST = {
    "format": manifest.FORMAT, "type": "receipt", "sender": {"role": "platform", "id": "p"}, "office": "o",
    "key_fingerprint": "a" * 64, "recipient": "b" * 64, "sequence": 1, "previous_hash": "0" * 64,
    "created_at": "2026-10-01T00:00:00Z", "expires_at": "2026-11-01T00:00:00Z", "counts": {},
    "payload": {"sha256": "c" * 64, "size": 1, "plain_size": 1, "encoding": "zlib",
                "encryption": crypto.SUITE}}
VALID_BUNDLE = container.pack(manifest.dump(VALID_MANIFEST), b"s" * 64, crypto.seal(crypto.deflate(b"{}"), PUB))
TEMPLATE_TEXT = (templates.templates_dir() / "listing_decision.toml").read_text(encoding="utf-8")


def _json_bytes(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")


# --- bundle container, manifest, payload ---------------------------------------------------------

@FUZZ_PURE
@given(st.binary(max_size=300) | damaged(VALID_BUNDLE))
def test_fuzz_container_reader(data):
    only_domain_errors(container.unpack, data, LIMITS)  # content changes are caught by the signature later


@FUZZ_PURE
@given(st.binary(max_size=200) | JSON.map(_json_bytes) | mutated_doc(VALID_MANIFEST).map(_json_bytes)
       | damaged(manifest.dump(VALID_MANIFEST)))
def test_fuzz_manifest(raw):
    only_domain_errors(manifest.parse, raw)


def test_manifest_nested_deeper_than_the_recursion_limit_is_refused():
    raw = deep_nesting(30_000)  # 60 KB: under the 64 KiB manifest limit
    assert len(raw) < Limits().max_manifest_bytes
    status, exc = only_domain_errors(manifest.parse, raw)
    assert status == "refused" and exc.code == "BUNDLE_MANIFEST_BAD"


@FUZZ_PURE
@given(st.binary(max_size=200), st.integers(0, 1 << 21) | st.sampled_from([2 ** 63, 10 ** 30]))  # manifest refuses < 0
def test_fuzz_inflate(compressed, declared):
    only_domain_errors(crypto.inflate, compressed, declared, LIMITS)
    only_domain_errors(crypto.inflate, zlib.compress(compressed), declared, LIMITS)


@FUZZ_PURE
@given(st.binary(max_size=120) | damaged(crypto.seal(b"x" * 40, PUB)))
def test_fuzz_payload_decrypt(blob):
    only_domain_errors(crypto.open_sealed, blob, PRIV)


@FUZZ_PURE
@given(st.binary(max_size=300) | JSON.map(_json_bytes)
       | st.lists(JSON.map(lambda d: json.dumps(d, allow_nan=True)), max_size=4).map(
           lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass")),
       JSON)
def test_fuzz_payload_documents(plain, versions):
    only_domain_errors(payload.parse_changes, plain)
    only_domain_errors(payload.parse_receipt, plain)
    only_domain_errors(payload.parse_downstream, plain, versions if isinstance(versions, dict) else {})


def test_payload_documents_nested_deeply_are_refused():
    for parse in (payload.parse_changes, payload.parse_receipt, lambda p: payload.parse_downstream(p, {})):
        status, exc = only_domain_errors(parse, deep_nesting())
        assert status == "refused" and exc.code == "BUNDLE_PAYLOAD_BAD"


# --- downstream items: catalogue, measures, rule set ----------------------------------------------

@FUZZ_PURE
@given(JSON | mutated_doc(SAMPLE_CATALOGUE))
def test_fuzz_catalogue(doc):
    only_domain_errors(reference.parse_catalogue, doc)


@FUZZ_PURE
@given(JSON | mutated_doc(SAMPLE_MEASURES))
def test_fuzz_measures(doc):
    only_domain_errors(reference.parse_measures, doc)


@FUZZ_PURE
@given(JSON | mutated_doc(NATIONAL_2026.to_dict()))
def test_fuzz_rule_set(doc):
    only_domain_errors(RuleSet.from_dict, doc)


# --- key files, templates, QR text, PDF metadata ---------------------------------------------------

VALID_KEYFILE = json.loads(keyfiles.platform_doc(platform="p-1", name="平台", sign_public=b"\x01" * 32,
                                                 enc_public=b"\x02" * 32))


@FUZZ_PURE
@given(st.binary(max_size=200) | JSON.map(_json_bytes) | mutated_doc(VALID_KEYFILE).map(_json_bytes))
def test_fuzz_key_file(data):
    only_domain_errors(keyfiles.parse, data, keyfiles.PLATFORM_FORMAT)


@st.composite
def template_texts(draw):
    lines = TEMPLATE_TEXT.splitlines()
    how = draw(st.sampled_from(["drop", "replace", "insert", "random", "cut"]))
    i = draw(st.integers(0, len(lines) - 1))
    if how == "drop":
        return "\n".join(lines[:i] + lines[i + 1:])
    if how == "random":
        return draw(st.text(max_size=200))
    if how == "cut":
        return TEMPLATE_TEXT[:draw(st.integers(0, len(TEMPLATE_TEXT)))]
    new = draw(st.text(max_size=60) | st.sampled_from([
        'body = "{office:>999999999}"', 'body = "{office!r}"', 'title = "{number.__class__}"', 'body = "{0}"',
        "fields = 3", 'fields = {x = {label = 1}}', "key_fields = [1]", 'code = "listing_decision"',
        'required_parts = []', '[fields.x]', 'body = """{' + "[" * 500 + '"""']))
    return "\n".join(lines[:i] + [new] + lines[i + (how == "replace"):])


@FUZZ_PURE
@given(template_texts(), st.dictionaries(st.text(max_size=8), JSON, max_size=4))
def test_fuzz_template(text, context):
    """A template an office edited badly is refused by name, and one that loads fills without surprises."""
    status, tpl = only_domain_errors(templates.from_text, text, "fuzz.toml")
    if status == "ok":
        status, ctx = only_domain_errors(templates.check_context, tpl, context)
        if status == "ok":
            only_domain_errors(templates.fill, tpl, ctx, {"office": "办", "number": "1", "date": "2026年"})


def test_template_format_specs_are_refused():
    """A format spec such as ``{office:>999999999}`` would allocate a gigabyte when printing."""
    for body in ("{office:>999999999}", "{office!r}", "{office:{office}}"):
        text = TEMPLATE_TEXT.replace('title = "', f'title = "{body}', 1)
        status, exc = only_domain_errors(templates.from_text, text, "bad.toml")
        assert status == "refused" and exc.code == "TEMPLATE_SYNTAX", body


@FUZZ_PURE
@given(st.text(max_size=200) | st.lists(st.text(max_size=20), min_size=7, max_size=7).map(
    lambda p: "|".join(["CDN1"] + p[1:])))
def test_fuzz_qr_text_parser(text):
    p = verify.parse_payload(text)
    if p is not None:
        verify.canonical_bytes(p.header, [])


@FUZZ_PURE
@given(st.binary(max_size=200) | JSON.map(lambda d: b"%PDF CDN1META:" + verify.encode_meta(d)[9:].encode()))
def test_fuzz_pdf_metadata(data):
    out = verify.decode_meta(b"%PDF-1.7\n" + data)
    assert out is None or isinstance(out, list)
