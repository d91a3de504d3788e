"""Reference data: the sample catalogue (R2) and measures list (R8), and their parsers."""

from __future__ import annotations

import copy
import json

import pytest

from credit_desk.domain.errors import ValidationError
from credit_desk.domain.reference import (
    SAMPLE_GROUPS, load_sample_catalogue, load_sample_measures, parse_catalogue, parse_measures,
)
from credit_desk.resources_path import reference_dir


def _raw(name: str) -> dict:
    return json.loads((reference_dir() / name).read_text(encoding="utf-8"))


def test_r2_sample_catalogue_is_labelled_and_complete():
    ed = load_sample_catalogue()
    assert ed.is_sample and ed.edition == "示例-2026" and "示例" in ed.label
    assert 15 <= len(ed.items) <= 20
    assert {item.group for item in ed.items} == set(SAMPLE_GROUPS)
    assert all(item.display_name.endswith("（示例）") for item in ed.items)
    assert all(item.legal_basis.startswith("《") for item in ed.items)
    names = {item.name for item in ed.items}
    assert {"行政处罚信息", "行政许可信息", "失信被执行人信息", "严重失信主体名单信息"} <= names
    penalty = next(i for i in ed.items if i.name == "行政处罚信息")
    assert "《中华人民共和国行政处罚法》第四十八条" in penalty.legal_basis
    assert penalty.publication_tiering and penalty.dishonesty
    assert ed.by_code(penalty.code) is penalty and ed.by_code("nope") is None


def test_r8_sample_measures_cite_basis_and_lists():
    ed = load_sample_measures()
    assert ed.is_sample and len(ed.items) == 10
    procurement = next(m for m in ed.items if m.name == "依法限制参加政府采购活动")
    assert procurement.basis == "《中华人民共和国政府采购法》第二十二条"
    assert procurement.list_types == ("black",) and procurement.severity == 3
    assert any("watch" in m.list_types for m in ed.items)
    assert {m.kind for m in ed.items} == {"restrictive", "supervisory"}
    assert all(m.display_name.endswith("（示例）") for m in ed.items)


def test_official_edition_is_not_marked_sample():
    data = _raw("sample_catalogue.json") | {"source": "national", "edition": "2024", "label": "全国基础目录"}
    ed = parse_catalogue(data)
    assert not ed.is_sample and ed.items[0].display_name == ed.items[0].name


def _refused(parse, data, field, row):
    with pytest.raises(ValidationError) as err:
        parse(data)
    assert err.value.code == "REFERENCE_INVALID"
    assert (err.value.field, err.value.row) == (field, row)
    assert field in err.value.zh
    if row is not None:
        assert f"第{row + 1}项" in err.value.zh
    return err.value


@pytest.mark.parametrize("row, patch, field", [
    (2, {"name": ""}, "name"),
    (0, {"legal_basis": None}, "legal_basis"),
    (5, {"shareable": "yes"}, "shareable"),
    (3, {"shareable": True, "share_scope": ""}, "share_scope"),
    (4, {"publishable": False, "publication_tiering": True}, "publication_tiering"),
    (1, {"code": "S-01-01"}, "code"),
])
def test_r2_bad_catalogue_item_refused_with_row_and_field(row, patch, field):
    data = copy.deepcopy(_raw("sample_catalogue.json"))
    data["items"][row].update(patch)
    _refused(parse_catalogue, data, field, row)


@pytest.mark.parametrize("patch, field", [
    ({"items": []}, "items"),
    ({"source": "made-up"}, "source"),
    ({"edition": " "}, "edition"),
])
def test_r2_bad_catalogue_head_refused(patch, field):
    _refused(parse_catalogue, _raw("sample_catalogue.json") | patch, field, None)


def test_non_object_input_refused():
    _refused(parse_catalogue, ["not", "an", "object"], "edition", None)
    data = _raw("sample_measures.json")
    data["items"][4] = "M-05"
    _refused(parse_measures, data, "items", 4)


@pytest.mark.parametrize("row, patch, field", [
    (0, {"basis": ""}, "basis"),
    (1, {"list_types": []}, "list_types"),
    (2, {"list_types": ["red"]}, "list_types"),
    (3, {"kind": "fine"}, "kind"),
    (4, {"severity": 4}, "severity"),
    (5, {"severity": True}, "severity"),
])
def test_r8_bad_measure_refused_with_row_and_field(row, patch, field):
    data = copy.deepcopy(_raw("sample_measures.json"))
    data["items"][row].update(patch)
    _refused(parse_measures, data, field, row)
