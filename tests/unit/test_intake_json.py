"""Issue 20: the intake reads change lines and writes states with orjson where it gives what the standard library
gives, and refuses what PostgreSQL's jsonb cannot hold (NaN, Infinity, numbers beyond a float) on every path."""

from __future__ import annotations

import json

import pytest

from credit_desk.intake import receiver
from credit_desk.sync import payload
from credit_desk.sync.refusals import BundleRefused

LINES = [
    '{"t":"change","id":1,"ts":"2026-12-01T10:00:00Z","entity":"subject","entity_id":"1","op":"insert",'
    '"state":{"kind":"legal_person","name":"测试企业有限公司","id_type":"uscc","id_number":"91320812MA1XXXXX0X"}}',
    '{"t":"change","id":2,"ts":"x","entity":"record","entity_id":"1","op":"insert","state":{"amount":12.5,'
    '"n":-7,"big":900719925474099312,"esc":"a\\"b\\\\c\\n\\u00e9\\ud83d\\ude00","nested":[{"a":[1,2.0e-5,null,true]}]}}',
]


def test_lines_read_as_the_standard_library_reads_them():
    for line in LINES:
        assert receiver._read_line(line) == json.loads(line)
        state = json.loads(line)["state"]
        assert json.loads(receiver._state_json(state)) == state


def test_an_integer_beyond_64_bits_is_read_and_written_exactly():
    line = LINES[1].replace("900719925474099312", "123456789012345678901234567890")
    state = receiver._read_line(line)["state"]
    assert state["big"] == 123456789012345678901234567890  # orjson alone would read a float
    assert json.loads(receiver._state_json(state))["big"] == 123456789012345678901234567890


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
@pytest.mark.parametrize("long_digits", [False, True])
def test_a_number_jsonb_cannot_hold_refuses_the_bundle_naming_the_line(number, long_digits):
    bad = LINES[1].replace("12.5", number)
    if long_digits:  # the standard library's path
        bad = bad.replace("900719925474099312", "9007199254740993121")
    plain = payload.encode_lines([LINES[0], bad])
    with pytest.raises(BundleRefused) as err:
        payload.parse_changes(plain, receiver._read_line)
    assert err.value.code == "BUNDLE_PAYLOAD_BAD" and "2" in err.value.zh


def test_the_reader_chosen_once_per_payload_reads_each_line_as_read_line():
    """Issue 20: the 19-digit test runs once on the whole payload; a run of digits in any line sends every line
    through the standard library, so the big integer is read exactly wherever it stands."""
    big = LINES[1].replace("900719925474099312", "123456789012345678901234567890")
    for lines in ([LINES[0], LINES[1]], [LINES[0], big], [big, LINES[0]]):
        plain = payload.encode_lines(lines)
        changes, _ = payload.parse_changes(plain, receiver._line_reader(plain))
        assert changes == [receiver._read_line(x) for x in lines] == [json.loads(x) for x in lines]
    changes, _ = payload.parse_changes(payload.encode_lines([LINES[0], big]),
                                       receiver._line_reader(payload.encode_lines([LINES[0], big])))
    assert changes[1]["state"]["big"] == 123456789012345678901234567890
