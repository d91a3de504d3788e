"""att18d: today's speed changes of the payload (issue 18), attacked on their own: ``change_line_utf8`` formats the
office's line with bytes %-formatting, and ``parse_changes(..., utf8_per_line=True)`` no longer decodes the whole
payload first on the platform. Held (properties, hypothesis): the bytes equal ``change_line(...).encode()`` for every
field value a change log can hold (any id, any text — escapes, astral and lone surrogates, U+2028 — integers, None);
a line that is not UTF-8 is refused naming its own line and "UTF-8" by either platform reader, as the whole-payload
pass named it."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from credit_desk.intake import receiver
from credit_desk.sync import payload
from credit_desk.sync.refusals import BundleRefused

_ANY_TEXT = st.text(st.characters(), max_size=12)  # lone surrogates included: _quote escapes them
_FIELD = st.one_of(_ANY_TEXT, st.integers(-2 ** 70, 2 ** 70), st.none(),
                   st.sampled_from(["\\", "\"", "\u2028", "\x00"]))
_STATE = st.dictionaries(st.text(max_size=5),
                         st.one_of(st.text(max_size=8), st.integers(), st.none()), max_size=3)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(-2 ** 70, 2 ** 70), _FIELD, _FIELD, _FIELD, _FIELD, _STATE)
def test_change_line_utf8_is_change_line_encoded(cid, ts, entity, eid, op, state):
    state_json = json.dumps(state, ensure_ascii=False)
    try:
        want = payload.change_line(cid, ts, entity, eid, op, state_json).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in the state: no change log holds one (SQLite's text is UTF-8)
        return
    assert payload.change_line_utf8(cid, ts, entity, eid, op, state_json.encode("utf-8")) == want


def _lines(n: int) -> list[bytes]:
    return [payload.change_line(i, "2026-12-02T10:00:00Z", "subject", str(i), "insert",
                                json.dumps({"name": f"公司{i}", "n": i}, ensure_ascii=False)).encode("utf-8")
            for i in range(1, n + 1)]


_BAD = st.sampled_from([b"\xff", b"\xe5\x85", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80", b"\xf4\x90\x80\x80", b"\xfe"])


@pytest.mark.parametrize("reader", [receiver._std_read_line, __import__("orjson").loads], ids=["stdlib", "orjson"])
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(n=st.integers(1, 6), data=st.data())
def test_a_line_not_utf8_is_named_as_such_on_its_own_line(reader, n, data):
    lines = _lines(n)
    k = data.draw(st.integers(0, n - 1))
    at = data.draw(st.integers(0, len(lines[k])))
    lines[k] = lines[k][:at] + data.draw(_BAD) + lines[k][at:]
    if data.draw(st.booleans()) and k + 1 < n:  # a later line that is bad JSON too
        lines[k + 1] = lines[k + 1][:-1]
    plain = b"\n".join(lines) + b"\n"
    verdicts = []
    for per_line in (True, False):
        with pytest.raises(BundleRefused) as exc:
            payload.parse_changes(plain, reader, utf8_per_line=per_line)
        assert exc.value.code == "BUNDLE_PAYLOAD_BAD"
        assert f"第{k + 1}行" in exc.value.zh and "UTF-8" in exc.value.zh and "UTF-8" in exc.value.en, exc.value.en
        verdicts.append((exc.value.zh, exc.value.en))
    assert verdicts[0] == verdicts[1]
