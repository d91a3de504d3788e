"""The bundle format pieces on their own: container, names, manifest, crypto, payload (issue 6)."""

from __future__ import annotations

import json
import zlib

import pytest

from credit_desk.domain import signing
from credit_desk.sync import bundle, container, crypto, manifest as mf, payload
from credit_desk.sync.limits import DEFAULT, Limits
from credit_desk.sync.refusals import BundleRefused, all_codes


def _fields(**kw):
    base = {"type": "changes", "sender": {"role": "office", "id": "abc12345"}, "office": "abc12345", "sequence": 1,
            "previous_hash": mf.GENESIS_HASH, "created_at": "2026-10-01T00:00:00Z",
            "expires_at": "2099-01-01T00:00:00Z", "change_range": [1, 2], "counts": {"changes": 2}}
    return {**base, **kw}


def _code(fn, *a):
    with pytest.raises(BundleRefused) as info:
        fn(*a)
    return info.value.code


def test_container_round_trip_and_exact_layout():
    data = container.pack(b"{}", b"s" * 64, b"payload")
    assert data.startswith(b"CDB1\r\n\x1a\n\x00\x0dmanifest.json\x00\x00\x00\x00\x00\x00\x00\x02{}")
    assert container.unpack(data, DEFAULT) == (b"{}", b"s" * 64, b"payload")
    assert _code(container.unpack, data + b"x", DEFAULT) == "BUNDLE_TRAILING_DATA"
    assert _code(container.unpack, data[:-1], DEFAULT) == "BUNDLE_TRUNCATED"
    assert _code(container.unpack, b"PK\x03\x04" + data[4:], DEFAULT) == "BUNDLE_NOT_A_BUNDLE"
    assert _code(container.unpack, container.pack(b"{}", b"short", b""), DEFAULT) == "BUNDLE_BAD_SIGNATURE"


@pytest.mark.parametrize("name", ["../x", "/abs", "a/../b", "a\\b", "C:x", "", ".", "a//b", "é"])
def test_unsafe_names_are_refused(name):
    assert _code(container.check_member_name, name) == "BUNDLE_UNSAFE_NAME"


def test_safe_attachment_names_pass():
    assert container.check_member_name("docs/decision-12.pdf") == "docs/decision-12.pdf"


def test_manifest_refuses_duplicate_keys_and_missing_fields():
    assert _code(mf.parse, b'{"format":"a","format":"b"}') == "BUNDLE_MANIFEST_BAD"
    assert _code(mf.parse, b'{"format":"credit_desk.bundle/1"}') == "BUNDLE_MANIFEST_BAD"
    assert _code(mf.parse, "{\"名\":1}".encode()) == "BUNDLE_MANIFEST_BAD"


def test_make_open_verify_decrypt_round_trip():
    sign = signing.new_private()
    enc_priv, enc_pub = crypto.new_x25519()
    plain = payload.encode_lines([payload.change_line(1, "t", "subject", "1", "insert", '{"name":"张三"}')])
    data, m = bundle.make(_fields(), plain, sign, enc_pub)
    opened = bundle.open_bytes(data, DEFAULT)
    assert opened.manifest_bytes == mf.dump(m.doc) and b"\n" not in opened.manifest_bytes
    bundle.verify(opened, {crypto.key_id(signing.public_of(sign)): signing.public_of(sign)})
    bundle.check_recipient(opened, enc_pub)
    assert bundle.decrypt(opened, enc_priv, DEFAULT) == plain
    changes, attachments = payload.parse_changes(plain)
    assert changes[0]["state"]["name"] == "张三" and attachments == []
    other_priv, other_pub = crypto.new_x25519()
    assert _code(bundle.check_recipient, opened, other_pub) == "BUNDLE_WRONG_RECIPIENT"
    assert _code(bundle.decrypt, opened, other_priv, DEFAULT) == "BUNDLE_DECRYPT_FAILED"
    assert _code(bundle.verify, opened, {}) == "BUNDLE_UNKNOWN_KEY"


def test_inflate_stops_a_bomb_at_the_declared_size():
    bomb = zlib.compress(b"\0" * (8 << 20), 9)
    assert _code(crypto.inflate, bomb, 1000, DEFAULT) == "BUNDLE_BOMB"
    assert _code(crypto.inflate, bomb, 9 << 20, Limits(max_plain_bytes=1 << 20)) == "BUNDLE_OVERSIZED"
    assert crypto.inflate(bomb, 8 << 20, DEFAULT) == b"\0" * (8 << 20)


def test_payload_bad_line_is_named():
    plain = b'{"t":"change","id":1,"ts":"t","entity":"e","entity_id":"1","op":"o","state":{}}\nnot json\n'
    with pytest.raises(BundleRefused) as info:
        payload.parse_changes(plain)
    assert info.value.code == "BUNDLE_PAYLOAD_BAD" and "第2行" in info.value.zh


def test_ranges_round_trip():
    ids = [1, 2, 3, 7, 9, 10]
    assert payload.to_ranges(ids) == [[1, 3], [7, 7], [9, 10]]
    assert payload.from_ranges(payload.to_ranges(ids)) == ids


def test_every_refusal_is_one_sentence_chinese_first():
    for code, (zh, en) in all_codes().items():
        assert zh.rstrip().endswith(("。", "：{why}", "{why}")) and en, code
        assert json.dumps(zh, ensure_ascii=False).count("。") <= 2, code


def test_issue18_change_line_is_byte_for_byte_the_json_dumps_line():
    """Issue 18: change_line quotes its text fields with json's own encode_basestring_ascii (what json.dumps does
    for a str) instead of json.dumps itself; the line is the same for every kind of text, and a non-text value
    still goes through json.dumps; join_encoded gives encode_lines' bytes."""
    d = json.dumps
    texts = ["2026-10-01T00:00:00Z", "subject", "清信决〔2026〕1号", 'a"b\\c', "tab\there\nnew\r\x00\x1f\x7f",
             "\u2028\u2029", "😀 \ud800 lone", "", "é" * 3]
    for t in texts:
        state = json.dumps({"name": t}, ensure_ascii=False)
        want = (f'{{"t":"change","id":7,"ts":{d(t)},"entity":{d(t)},"entity_id":{d(t)},"op":{d(t)},'
                f'"state":{state}}}')
        assert payload.change_line(7, t, t, t, t, state) == want
    assert payload.change_line(1, 5, None, 2.5, True, "{}") == (
        '{"t":"change","id":1,"ts":5,"entity":null,"entity_id":2.5,"op":true,"state":{}}')
    lines = [payload.change_line(i, t, "subject", str(i), "insert", "{}") for i, t in enumerate(texts[:-1])]
    lines = [x for x in lines if "\ud800" not in x]  # a lone surrogate cannot be UTF-8 either way
    assert payload.join_encoded([x.encode("utf-8") for x in lines]) == payload.encode_lines(lines)
    assert payload.join_encoded([]) == payload.encode_lines([]) == b""
    for t in texts[:-1]:  # the export reads the states as their stored UTF-8 (change_line_utf8)
        state = json.dumps({"name": t}, ensure_ascii=False)
        if "\ud800" not in state:
            want = payload.change_line(3, t, "subject", t, "insert", state).encode("utf-8")
            assert payload.change_line_utf8(3, t, "subject", t, "insert", state.encode("utf-8")) == want
