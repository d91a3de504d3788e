"""Bringing an office's existing ledger in (issue 19 item 3; R1, R4, R7, R9, R12): the pure reading of a legacy
sheet (``domain/legacy.py``) as tables of inputs and expected outcomes written out here (issue 23: the unit
selection of the mutation run reaches this module; before, only e2e and GUI tests did)."""

from __future__ import annotations

import datetime as dt

import pytest

from credit_desk.domain import legacy as L
from credit_desk.domain.cases import ListType
from credit_desk.domain.errors import ValidationError

TODAY = dt.date(2026, 11, 30)
USCC = "9132081239H4BXKFXR"          # GB 32100, Huai'an Qingjiangpu 320812, check character valid
RIC = "320812198001011239"           # GB 11643, born 1980-01-01, check digit valid
RIC_BAD = "320812198001011230"       # the same number with a wrong check digit
NUMBER_CELL_ZH = "单元格是数字格式，Excel 只保留15位有效数字，这个号码已被改变；请把该列设为“文本”后重新填写号码。"

# (key, zh, en, part, required) — the columns a clerk can map, in the dialog's order
FIELDS = [
    ("name", "主体名称/姓名", "name", "subject", True),
    ("id_number", "统一社会信用代码/证件号码", "code or ID number", "subject", True),
    ("kind", "主体类别", "subject kind", "subject", False),
    ("id_type", "证件类型", "ID type", "subject", False),
    ("legal_rep_name", "法定代表人（负责人）", "legal representative", "subject", False),
    ("legal_rep_id_type", "法定代表人证件类型", "legal representative's ID type", "subject", False),
    ("legal_rep_id_number", "法定代表人证件号码", "legal representative's ID number", "subject", False),
    ("address", "住所/地址", "address", "subject", False),
    ("catalogue_code", "目录条目编码", "catalogue item code", "record", True),
    ("tier", "失信等级（轻微/一般/严重）", "tier (slight/general/serious)", "record", True),
    ("facts", "失信事实", "facts", "record", True),
    ("doc_type", "认定依据文书类型", "basis document type", "record", True),
    ("doc_number", "认定依据文号", "basis document number", "record", True),
    ("doc_authority", "作出机关", "issuing authority", "record", True),
    ("doc_issued", "作出日期", "date issued", "record", True),
    ("doc_effective", "生效日期", "date effective", "record", True),
    ("doc_citation", "其他文书的规定依据", "citation for an other-type document", "record", False),
    ("department", "认定部门", "deciding department", "record", True),
    ("act_date", "失信行为发生日期", "date of the act", "record", True),
    ("decision_date", "认定日期", "decision date", "record", False),
    ("force_majeure", "不可抗力（是/否）", "force majeure (yes/no)", "record", False),
    ("no_intent", "无主观故意（是/否）", "without intent (yes/no)", "record", False),
    ("slight", "情节轻微（是/否）", "slight (yes/no)", "record", False),
    ("leniency_justification", "宽容审慎说明理由", "leniency justification", "record", False),
    ("list_type", "名单类别", "list", "listing", True),
    ("decision_number", "列入决定书文号", "listing decision number", "listing", True),
    ("decided_on", "列入决定日期", "listing decision date", "listing", True),
    ("valid_from", "有效期起", "valid from", "listing", False),
    ("valid_until", "有效期至", "valid until", "listing", True),
    ("ground", "列入情形（a/b/c/d）", "ground (a/b/c/d)", "listing", False),
    ("standard", "认定标准", "listing standard", "listing", False),
    ("standard_kind", "认定标准类别", "kind of standard", "listing", False),
    ("domain", "所属领域", "domain", "listing", False),
    ("warning_letter", "警示函文号", "warning letter number", "listing", False),
    ("post_exit_watch_months", "移出后列入重点关注名单期限（月）", "watch-list months after the black list", "listing",
     False),
]


def test_the_fields_a_column_can_be_mapped_to():
    assert [(f.key, f.zh, f.en, f.part, f.required) for f in L.FIELDS] == FIELDS
    assert {k: (f.key, f.zh) for k, f in L.FIELD_BY_KEY.items()} == {k: (k, zh) for k, zh, *_ in FIELDS}
    assert L.PARTS == {"subject": ("信用主体", "subject"), "record": ("失信信息", "record"),
                       "listing": ("名单", "listing")}
    assert L.IGNORE == ""


@pytest.mark.parametrize("value,text,header", [
    (None, "", ""), (3.0, "3", "3"), (3.5, "3.5", "3·5"), (7, "7", "7"), (True, "True", "TRUE"),
    (dt.datetime(2021, 3, 15, 10, 30), "2021-03-15", "2021-03-15"), (dt.date(2021, 3, 15), "2021-03-15", "2021-03-15"),
    ("\u200b abc\ufeff ", "abc", "ABC"), ("a\u00adb\u2060", "ab", "AB"), (" 名称（全称） ", "名称（全称）", "名称〔全称〕"),
    ("Ａｂ c", "Ａｂ c", "ABC"), ("", "", "")])
def test_a_cells_text_and_header_key(value, text, header):
    assert L.text(value) == text
    assert L.header_key(value) == header


# --- the mapping ---------------------------------------------------------------------------------------------

SUBJECT_ONLY = {"单位名称": "name", "代码": "id_number"}
RECORD = {"目录": "catalogue_code", "等级": "tier", "事实": "facts", "文书": "doc_type", "文号": "doc_number",
          "机关": "doc_authority", "作出": "doc_issued", "生效": "doc_effective", "部门": "department",
          "行为日": "act_date"}
LISTING = {"名单": "list_type", "决定号": "decision_number", "决定日": "decided_on", "至": "valid_until"}


def _refusal(mapping, headers):
    with pytest.raises(ValidationError) as e:
        L.check_mapping(mapping, headers)
    assert (e.value.code, e.value.field) == ("LEGACY_MAPPING", "mapping")
    return e.value.zh, e.value.en


def test_a_mapping_keeps_the_sheets_own_header_and_leaves_ignored_columns_out():
    headers = ["序号", "单位 名称", "代码", "备注", "", None]
    got = L.check_mapping({"序号": "", "单位名称": "name", "代码": "id_number", "备注": L.IGNORE}, headers)
    assert got == {"单位 名称": "name", "代码": "id_number"}
    headers = [*SUBJECT_ONLY, *RECORD, *LISTING]
    assert L.check_mapping({**SUBJECT_ONLY, **RECORD, **LISTING}, headers) == {**SUBJECT_ONLY, **RECORD, **LISTING}
    assert L.check_mapping({**SUBJECT_ONLY, **RECORD}, headers) == {**SUBJECT_ONLY, **RECORD}


def test_a_mapping_names_an_unknown_field_a_missing_column_and_a_field_mapped_twice():
    assert _refusal({"代码": "uscc"}, ["代码"]) == (
        "列对应关系：「uscc」不是可导入的字段。", "Column mapping: 'uscc' is not a field of the product.")
    assert _refusal({"代码": "id_number"}, ["编码", "", None]) == (
        "列对应关系：表格中没有名为「代码」的列。", "Column mapping: The sheet has no column '代码'.")
    assert _refusal({"名称": "name", "姓名": "name"}, ["名称", "姓名"]) == (
        "列对应关系：「主体名称/姓名」同时对应了「名称」和「姓名」两列，只能对应一列。",
        "Column mapping: name is mapped from both '名称' and '姓名'; map one column.")


def test_r1_a_mapping_needs_the_subject_and_every_required_field_of_each_part_mapped():
    assert _refusal({"单位名称": "name"}, ["单位名称"]) == (
        "列对应关系：尚未指定以下字段对应的列：统一社会信用代码/证件号码。",
        "Column mapping: No column is mapped to: code or ID number.")
    assert _refusal({}, []) == (
        "列对应关系：尚未指定以下字段对应的列：主体名称/姓名、统一社会信用代码/证件号码。",
        "Column mapping: No column is mapped to: name, code or ID number.")
    headers = [*SUBJECT_ONLY, "事实"]
    assert _refusal({**SUBJECT_ONLY, "事实": "facts"}, headers) == (
        "列对应关系：尚未指定以下字段对应的列：目录条目编码、失信等级（轻微/一般/严重）、认定依据文书类型、认定依据文号、"
        "作出机关、作出日期、生效日期、认定部门、失信行为发生日期。",
        "Column mapping: No column is mapped to: catalogue item code, tier (slight/general/serious), basis document "
        "type, basis document number, issuing authority, date issued, date effective, deciding department, date of "
        "the act.")
    # R1: a listing rests on a record, so mapping a listing column asks for the record's columns as well
    headers = [*SUBJECT_ONLY, "名单"]
    zh, en = _refusal({**SUBJECT_ONLY, "名单": "list_type"}, headers)
    assert zh == ("列对应关系：尚未指定以下字段对应的列：目录条目编码、失信等级（轻微/一般/严重）、失信事实、认定依据文书类型、"
                  "认定依据文号、作出机关、作出日期、生效日期、认定部门、失信行为发生日期、列入决定书文号、列入决定日期、有效期至。")
    headers = [*SUBJECT_ONLY, *RECORD, "至"]
    assert _refusal({**SUBJECT_ONLY, **RECORD, "至": "valid_until"}, headers)[1] == \
        "Column mapping: No column is mapped to: list, listing decision number, listing decision date."


# (header, field) for every word an office's own header is recognised by, most specific first
GUESSES = [
    ("法定代表人证件类型", "legal_rep_id_type"), ("法定代表人身份证", "legal_rep_id_number"),
    ("法定代表人证件", "legal_rep_id_number"), ("负责人身份证", "legal_rep_id_number"),
    ("法定代表人", "legal_rep_name"), ("负责人", "legal_rep_name"),
    ("列入决定", "decision_number"), ("决定书文号", "decision_number"), ("列入日期", "decided_on"),
    ("列入时间", "decided_on"), ("有效期起", "valid_from"), ("有效期至", "valid_until"), ("有效期截止", "valid_until"),
    ("截止日期", "valid_until"), ("列入情形", "ground"), ("标准类别", "standard_kind"), ("认定标准", "standard"),
    ("名单", "list_type"), ("警示函", "warning_letter"), ("领域", "domain"),
    ("统一社会信用代码", "id_number"), ("身份证", "id_number"), ("证件号码", "id_number"), ("证件类型", "id_type"),
    ("主体类别", "kind"), ("主体类型", "kind"), ("名称", "name"), ("姓名", "name"), ("住所", "address"),
    ("地址", "address"), ("目录", "catalogue_code"), ("等级", "tier"), ("程度", "tier"), ("分级", "tier"),
    ("失信行为日期", "act_date"), ("违法行为日期", "act_date"), ("行为日期", "act_date"), ("发生日期", "act_date"),
    ("失信行为", "facts"), ("失信事实", "facts"), ("违法事实", "facts"), ("事实", "facts"),
    ("文书种类", "doc_type"), ("文书类型", "doc_type"), ("依据类型", "doc_type"), ("文号", "doc_number"),
    ("作出机关", "doc_authority"), ("处罚机关", "doc_authority"), ("决定机关", "doc_authority"),
    ("生效日期", "doc_effective"), ("作出日期", "doc_issued"), ("处罚日期", "doc_issued"), ("决定日期", "doc_issued"),
    ("认定日期", "decision_date"), ("认定部门", "department"), ("认定单位", "department"),
    ("不可抗力", "force_majeure"), ("主观故意", "no_intent"), ("情节轻微", "slight"), ("说明", "leniency_justification"),
]


@pytest.mark.parametrize("header,key", GUESSES)
def test_the_first_guess_of_each_header_word(header, key):
    assert L.guess_mapping([header]) == {header: key}
    assert L.guess_mapping([f"（{header}）"]) == {f"（{header}）": key}  # contained in the office's header


def test_the_first_guess_takes_a_fields_own_name_first_and_each_field_once():
    assert L.guess_mapping(["主体名称/姓名", "名称", "失信等级", "列入情形", "序号", "", None, "  "]) == {
        "主体名称/姓名": "name", "失信等级": "tier", "列入情形": "ground"}
    assert L.guess_mapping(["认定日期", "认定部门", "失信事实", "违法事实"]) == {
        "认定日期": "decision_date", "认定部门": "department", "失信事实": "facts"}
    # a header equal to a taken field's own name falls back to the words, which skip taken fields
    assert L.guess_mapping(["作出日期", "作出日期 "]) == {"作出日期": "doc_issued"}
    assert L.guess_mapping(["处罚日期", "作出日期"]) == {"处罚日期": "doc_issued"}
    assert L.guess_mapping(["法定代表人", "法定代表人（负责人）"]) == {"法定代表人": "legal_rep_name"}


# --- one row -------------------------------------------------------------------------------------------------

FULL = {"name": "清江浦区某某商贸有限公司", "id_number": USCC, "legal_rep_name": "张三", "legal_rep_id_number": RIC,
        "address": "淮安市清江浦区", "catalogue_code": "ab-01", "tier": "严重", "facts": "拖欠农民工工资",
        "doc_type": "行政处罚决定书", "doc_number": "清市监罚〔2025〕1号", "doc_authority": "县市场监督管理局",
        "doc_issued": "2025-03-01", "doc_effective": 45000, "department": "县市场监督管理局",
        "act_date": "２０２５年１月５日", "list_type": "黑名单", "decision_number": "淮市监信决〔2025〕1号",
        "decided_on": dt.date(2025, 4, 1), "valid_until": "2027/4/1", "ground": "b",
        "standard": "《企业信息公示暂行条例》第十八条", "standard_kind": "行政法规", "post_exit_watch_months": "12个月"}
SUBJECT = {"kind": "legal_person", "name": "清江浦区某某商贸有限公司", "id_type": "uscc", "id_number": USCC,
           "legal_rep_name": "张三", "legal_rep_id_type": None, "address": "淮安市清江浦区", "legal_rep_id_number": RIC}
RECORD_OUT = {"catalogue_code": "AB-01", "tier": "serious", "facts": "拖欠农民工工资", "doc_type": "admin_penalty",
              "doc_number": "清市监罚〔2025〕1号", "doc_authority": "县市场监督管理局", "doc_issued": dt.date(2025, 3, 1),
              "doc_effective": dt.date(2023, 3, 15),   # Excel serial 45000
              "doc_citation": None, "department": "县市场监督管理局", "act_date": dt.date(2025, 1, 5),
              "decision_date": None, "force_majeure": False, "no_intent": False, "slight": False,
              "justification": None}
LISTING_OUT = {"list_type": ListType.BLACK, "decision_number": "淮市监信决〔2025〕1号", "decided_on": dt.date(2025, 4, 1),
               "valid_from": dt.date(2025, 4, 1), "valid_until": dt.date(2027, 4, 1), "ground": "b",
               "standard": "《企业信息公示暂行条例》第十八条", "standard_kind": "admin_regulation", "domain": None,
               "warning_letter": None, "post_exit_watch_months": 12}


def test_r7_a_good_row_is_read_into_subject_record_and_listing():
    got = L.read_row(3, dict(FULL), TODAY)
    assert (got.row, got.subject, got.record, got.listing, got.errors) == (3, SUBJECT, RECORD_OUT, LISTING_OUT, [])


def test_an_empty_row_is_nothing_and_a_subject_row_has_no_record():
    got = L.read_row(4, {"name": "", "facts": None, "tier": "\u200b "}, TODAY)
    assert (got.row, got.subject, got.record, got.listing, got.errors) == (4, {}, None, None, [])
    got = L.read_row(5, {"name": "张三", "id_number": RIC, "address": ""}, TODAY)
    assert got.subject == {"kind": "natural_person", "name": "张三", "id_type": "ric", "id_number": RIC,
                           "legal_rep_name": None, "legal_rep_id_type": None, "address": None,
                           "legal_rep_id_number": None}
    assert (got.record, got.listing, got.errors) == (None, None, [])


def _codes(row):
    return [(k, code) for k, _zh, _en, code in row.errors]


def test_r1_every_empty_required_cell_of_the_parts_a_row_fills_is_named():
    got = L.read_row(6, {"address": "某地"}, TODAY)
    assert _codes(got) == [("name", "FIELD_REQUIRED"), ("id_number", "FIELD_REQUIRED")]
    assert got.errors[0][1:3] == ("未填写（必填）。", "is empty (required).")
    assert got.record is None and got.listing is None
    got = L.read_row(7, {"facts": "拖欠"}, TODAY)
    assert [k for k, _c in _codes(got)] == ["name", "id_number", "catalogue_code", "tier", "doc_type", "doc_number",
                                             "doc_authority", "doc_issued", "doc_effective", "department", "act_date"]
    assert got.listing is None and got.record["facts"] == "拖欠"
    # R1: a listing cell asks for the record it rests on as well
    got = L.read_row(8, {"ground": "a"}, TODAY)
    assert [k for k, _c in _codes(got)] == [
        "name", "id_number", "catalogue_code", "tier", "facts", "doc_type", "doc_number", "doc_authority",
        "doc_issued", "doc_effective", "department", "act_date", "list_type", "decision_number", "decided_on",
        "valid_until"]
    assert got.record is not None and got.listing["ground"] == "a"


@pytest.mark.parametrize("key,value,zh,en", [
    ("tier", "很严重", "「很严重」无法识别（可填：轻微、一般、严重）。", "'很严重' is not recognised."),
    ("doc_type", "通知", "「通知」无法识别（可填：生效判决、生效裁定、仲裁裁决、行政处罚决定、行政裁决、"
     "法律、法规或党中央、国务院政策文件规定的其他文书）。", "'通知' is not recognised."),
    ("kind", "社团", "「社团」无法识别（可填：法人和非法人组织、个体工商户、自然人）。", "'社团' is not recognised."),
    ("id_type", "军官证", "「军官证」无法识别（可填：统一社会信用代码、居民身份证、港澳台居民居住证、外国人永久居留身份证、护照）。",
     "'军官证' is not recognised."),
    ("ground", "e", "「e」无法识别（可填：严重危害人民群众身体健康和生命安全、严重破坏市场公平竞争秩序和社会正常秩序、"
     "拒不履行法定义务，严重影响司法机关、行政机关公信力、拒不履行国防义务）。", "'e' is not recognised."),
    ("standard_kind", "规范性文件", "「规范性文件」无法识别（可填：法律、行政法规、党中央、国务院政策文件、部门规章、地方性法规）。",
     "'规范性文件' is not recognised."),
    ("list_type", "守信激励对象名单", "「守信激励对象名单」无法识别（可填：严重失信主体名单、重点关注名单；守信激励名单不随失信台账导入）。",
     "'守信激励对象名单' is not recognised (black or watch list; red lists are not imported here)."),
])
def test_a_word_not_recognised_is_named_with_the_words_that_are(key, value, zh, en):
    got = L.read_row(9, {**FULL, key: value}, TODAY)
    assert [e for e in got.errors if e[0] == key] == [(key, zh, en, "LEGACY_WORD")]


# (field, cell, value read) for the clerk's own words; the key folds width, spaces and case
WORDS = [
    ("tier", "轻微", "slight"), ("tier", "一般", "general"), ("tier", "严重", "serious"),
    ("tier", " slight ", "slight"), ("tier", "严 重", "serious"), ("tier", "一\u3000般", "general"),
    ("doc_type", "行政 处罚 决定书", "admin_penalty"), ("list_type", "重点 关注", ListType.WATCH),
    ("doc_type", "生效判决", "court_judgment"), ("doc_type", "判决", "court_judgment"),
    ("doc_type", "判决书", "court_judgment"), ("doc_type", "生效裁定", "court_ruling"), ("doc_type", "裁定", "court_ruling"),
    ("doc_type", "裁定书", "court_ruling"), ("doc_type", "仲裁裁决", "arbitration_award"),
    ("doc_type", "仲裁裁决书", "arbitration_award"), ("doc_type", "行政处罚决定", "admin_penalty"),
    ("doc_type", "行政处罚", "admin_penalty"), ("doc_type", "行政处罚决定书", "admin_penalty"),
    ("doc_type", "处罚决定书", "admin_penalty"), ("doc_type", "行政裁决", "admin_ruling"),
    ("doc_type", "行政裁决书", "admin_ruling"), ("doc_type", "其他", "other_legal"),
    ("doc_type", "法律、法规或党中央、国务院政策文件规定的其他文书", "other_legal"), ("doc_type", "admin_ruling", "admin_ruling"),
    ("list_type", "严重失信主体名单", ListType.BLACK), ("list_type", "黑名单", ListType.BLACK),
    ("list_type", "严重失信", ListType.BLACK), ("list_type", "black", ListType.BLACK),
    ("list_type", "重点关注名单", ListType.WATCH), ("list_type", "重点关注", ListType.WATCH),
    ("list_type", "watch", ListType.WATCH),
    ("ground", "a", "a"), ("ground", "B", "b"), ("ground", "ｃ", "c"), ("ground", "d", "d"),
    ("ground", "严重危害人民群众身体健康和生命安全", "a"), ("ground", "拒不履行国防义务", "d"),
    ("standard_kind", "法律", "law"), ("standard_kind", "行政法规", "admin_regulation"),
    ("standard_kind", "党中央、国务院政策文件", "central_policy"), ("standard_kind", "部门规章", "department_rule"),
    ("standard_kind", "地方性法规", "local_regulation"), ("standard_kind", "law", "law"),
    ("standard_kind", "local_regulation", "local_regulation"),
]


def _read(key, cell):
    got = L.read_row(10, {**FULL, key: cell}, TODAY)
    part = {"tier": got.record, "doc_type": got.record}.get(key, got.listing)
    return part[key], got.errors


@pytest.mark.parametrize("key,cell,value", WORDS)
def test_the_clerks_words_are_read_into_values(key, cell, value):
    assert _read(key, cell) == (value, [])


SUBJECT_WORDS = [
    ("kind", "法人和非法人组织", "legal_person"), ("kind", "legal_person", "legal_person"), ("kind", "法人", "legal_person"),
    ("kind", "企业", "legal_person"), ("kind", "单位", "legal_person"), ("kind", "非法人组织", "legal_person"),
    ("kind", "法人及非法人组织", "legal_person"), ("kind", "个体", "individual_business"),
    ("kind", "个体工商户", "individual_business"), ("kind", "individual_business", "individual_business"),
    ("kind", "个人", "natural_person"), ("kind", "自然人", "natural_person"), ("kind", "natural_person", "natural_person"),
    ("id_type", "统一社会信用代码", "uscc"), ("id_type", "uscc", "uscc"), ("id_type", "居民身份证", "ric"),
    ("id_type", "身份证", "ric"), ("id_type", "护照", "passport"), ("id_type", "港澳台居民居住证", "hmt_residence"),
    ("id_type", "外国人永久居留身份证", "foreign_pr"), ("id_type", "foreign_pr", "foreign_pr"),
]


@pytest.mark.parametrize("key,cell,value", SUBJECT_WORDS)
def test_r7_the_subjects_kind_and_id_type_words(key, cell, value):
    got = L.read_row(11, {"name": "某某", "id_number": USCC, key: cell}, TODAY)
    assert got.subject[key] == value
    assert [e for e in got.errors if e[0] == key] == []
    rep = L.read_row(11, {"name": "某某", "id_number": USCC, "legal_rep_id_type": cell}, TODAY) if key == "id_type" \
        else None
    if rep is not None:
        assert rep.subject["legal_rep_id_type"] == value


@pytest.mark.parametrize("cell,value", [
    ("是", True), ("有", True), ("Y", True), ("yes", True), ("TRUE", True), ("1", True), (1, True), (1.0, True),
    ("√", True), ("✓", True), ("对", True), (" 是 ", True), ("ｙ", True),
    ("否", False), ("无", False), ("N", False), ("no", False), ("false", False), ("0", False), (0, False), ("×", False),
    ("", False), (None, False), ("不是", False)])
def test_r9_yes_and_no_words_of_the_leniency_flags(cell, value):
    for key in ("force_majeure", "no_intent", "slight"):
        got = L.read_row(12, {**FULL, key: cell}, TODAY)
        assert (got.record[key], got.errors) == (value, [])


def test_r9_a_flag_neither_yes_nor_no_is_named():
    got = L.read_row(12, {**FULL, "slight": "可能", "no_intent": "2"}, TODAY)
    assert got.errors == [("no_intent", "「2」应填“是”或“否”。", "must be yes or no.", "LEGACY_WORD"),
                          ("slight", "「可能」应填“是”或“否”。", "must be yes or no.", "LEGACY_WORD")]
    assert (got.record["no_intent"], got.record["slight"]) == (False, False)


@pytest.mark.parametrize("cell,value", [
    ("2025-03-01", dt.date(2025, 3, 1)), ("2025/3/1", dt.date(2025, 3, 1)), ("２０２５－０３－０１", dt.date(2025, 3, 1)),
    ("2025年3月1日", dt.date(2025, 3, 1)), ("20250301", dt.date(2025, 3, 1)), (45000, dt.date(2023, 3, 15)),
    (45000.0, dt.date(2023, 3, 15)), (dt.datetime(2025, 3, 1, 9, 0), dt.date(2025, 3, 1))])
def test_dates_in_the_shapes_offices_write_them(cell, value):
    got = L.read_row(13, {**FULL, "doc_issued": cell, "decision_date": cell}, TODAY)
    assert (got.record["doc_issued"], got.record["decision_date"], got.errors) == (value, value, [])


def test_a_cell_that_is_no_date_is_named_with_its_field():
    got = L.read_row(13, {**FULL, "doc_issued": "2025-02-30", "act_date": "去年", "valid_from": "３月"}, TODAY)
    assert got.errors == [
        ("doc_issued", "「2025-02-30」不是有效日期（应写作 2021-03-15）。", "'2025-02-30' is not a date.", "LEGACY_DATE"),
        ("act_date", "「去年」不是有效日期（应写作 2021-03-15）。", "'去年' is not a date.", "LEGACY_DATE"),
        ("valid_from", "「３月」不是有效日期（应写作 2021-03-15）。", "'３月' is not a date.", "LEGACY_DATE")]
    assert (got.record["doc_issued"], got.record["act_date"]) == (None, None)
    assert got.listing["valid_from"] == dt.date(2025, 4, 1)   # an unreadable start: from the decision
    assert L.read_row(13, {**FULL, "valid_from": "2025-05-01"}, TODAY).listing["valid_from"] == dt.date(2025, 5, 1)


def test_r7_the_id_type_of_a_mixed_number_column_is_the_type_the_number_passes():
    def subject(values):
        got = L.read_row(14, {"name": "某某", **values}, TODAY)
        return got.subject["kind"], got.subject["id_type"], got.subject["id_number"], _codes(got)
    assert subject({"id_number": USCC}) == ("legal_person", "uscc", USCC, [])
    assert subject({"id_number": " 9132081239h4bxkfxr "}) == ("legal_person", "uscc", USCC, [])
    assert subject({"id_number": "９１３２０８１２３９Ｈ４ＢＸＫＦＸＲ"}) == ("legal_person", "uscc", USCC, [])
    assert subject({"id_number": RIC}) == ("natural_person", "ric", RIC, [])
    assert subject({"id_number": RIC, "kind": "自然人"}) == ("natural_person", "ric", RIC, [])
    assert subject({"id_number": USCC, "kind": "自然人"}) == ("natural_person", "uscc", USCC, [])
    assert subject({"id_number": RIC, "kind": "个体"}) == ("individual_business", "ric", RIC, [])
    # a first-generation resident ID is a resident ID (entry names its 18-digit form)
    assert subject({"id_number": "320812800101123"}) == ("natural_person", "ric", "320812800101123", [])
    # a stated type is taken as given: the number is checked with the subject, not here
    assert subject({"id_number": RIC_BAD, "id_type": "护照"}) == ("natural_person", "passport", RIC_BAD, [])
    assert subject({"id_number": RIC_BAD, "id_type": "统一社会信用代码"}) == ("legal_person", "uscc", RIC_BAD, [])
    # an unreadable stated type: nothing inferred, no kind guessed
    assert subject({"id_number": USCC, "id_type": "工牌"}) == (None, None, USCC, [("id_type", "LEGACY_WORD")])
    got = L.read_row(14, {"name": "某某", "id_number": RIC_BAD}, TODAY)
    assert got.errors == [("id_number", f"「{RIC_BAD}」既不是有效的统一社会信用代码，也不是有效的居民身份证号码；"
                           "请核对，或在“证件类型”列写明证件类型。", f"{RIC_BAD!r} is neither a valid USCC nor a valid "
                           "resident ID; check it or give its ID type.", "LEGACY_ID")]
    assert (got.subject["kind"], got.subject["id_type"]) == (None, None)
    got = L.read_row(14, {"name": "某某", "id_number": RIC_BAD, "kind": "自然人"}, TODAY)
    assert _codes(got) == [("id_number", "LEGACY_ID")] and got.subject["kind"] == "natural_person"


def test_r7_a_birth_date_after_the_callers_today_is_no_resident_id():
    later = "320812202701011239"   # born 2027-01-01: valid check digit, born after TODAY
    got = L.read_row(15, {"name": "某某", "id_number": later}, TODAY)
    assert _codes(got) == [("id_number", "LEGACY_ID")]
    got = L.read_row(15, {"name": "某某", "id_number": later}, dt.date(2027, 6, 1))
    assert (got.subject["id_type"], _codes(got)) == ("ric", [])


def test_r7_a_long_number_typed_into_a_number_cell_is_named_once():
    got = L.read_row(16, {"name": "某某", "id_number": 320812198001011239, "legal_rep_id_number": 3.20812198001011e17},
                     TODAY)
    assert got.errors == [
        ("id_number", NUMBER_CELL_ZH, "the cell is a number; Excel keeps 15 significant digits, so this code was "
         "changed; format the column as text and type it again.", "XLSX_NUMBER_ID"),
        ("legal_rep_id_number", NUMBER_CELL_ZH, "the cell is a number; Excel keeps 15 significant digits, so this "
         "code was changed; format the column as text and type it again.", "XLSX_NUMBER_ID")]   # not LEGACY_ID too
    assert (got.subject["id_number"], got.subject["legal_rep_id_number"], got.subject["id_type"]) == ("", None, None)
    got = L.read_row(16, {"name": "某某", "id_number": 320812800101123}, TODAY)   # 15 digits: kept
    assert (got.subject["id_number"], got.subject["id_type"], got.errors) == ("320812800101123", "ric", [])


def test_r7_the_representatives_number_is_checked_even_when_the_subjects_own_is_bad():
    got = L.read_row(17, {"name": "某某", "id_number": "123", "legal_rep_id_number": RIC_BAD}, TODAY)
    assert _codes(got) == [("id_number", "LEGACY_ID"), ("legal_rep_id_number", "ID_INVALID")]
    assert got.errors[1][1] == "证件号码「3208**********1230」不是有效的居民身份证：校验位不符。"
    got = L.read_row(17, {"name": "某某", "id_number": USCC, "legal_rep_id_number": "E12345678",
                          "legal_rep_id_type": "护照"}, TODAY)
    assert (got.subject["legal_rep_id_type"], got.subject["legal_rep_id_number"], got.errors) == \
        ("passport", "E12345678", [])
    got = L.read_row(17, {"name": "某某", "id_number": USCC, "legal_rep_id_number": "E12345678"}, TODAY)
    assert _codes(got) == [("legal_rep_id_number", "ID_INVALID")]   # no type: a resident ID
    got = L.read_row(17, {"name": "某某", "id_number": USCC, "legal_rep_id_number": "３２０８１２１９８００１０１１２３９"},
                     TODAY)
    assert (got.subject["legal_rep_id_number"], got.errors) == (RIC, [])


def test_r1_r12_r7_the_dates_of_a_historical_listing():
    def listing(**cells):
        got = L.read_row(18, {**FULL, **cells}, TODAY)
        return [(k, zh, en, code) for k, zh, en, code in got.errors]
    assert listing(decided_on="2026-12-01", valid_until="2027-12-01") == [
        ("decided_on", "2026-12-01晚于今天，历史名单的决定日期须已过去。",
         "a historical listing's decision date cannot lie in the future.", "LEGACY_DATE")]
    assert listing(decided_on="2026-11-30", valid_until="2026-12-01") == []
    assert listing(valid_until="2026-11-29") == [
        ("valid_until", "有效期已于2026-11-29届满，该名单已应移出，不作为在列名单导入（其失信信息可不填名单各列照常导入）。",
         "the validity ended on 2026-11-29; an ended listing is not imported as listed (leave its listing cells "
         "empty to import the record).", "R12_ALREADY_ENDED")]
    assert listing(decided_on="2025-04-01", valid_until="2026-11-30") == []
    assert listing(decided_on="2026-11-30", valid_until="2026-11-30") == [
        ("valid_until", "有效期截止日须晚于决定日期（R7）。", "the validity must end after the decision (R7).",
         "R7_VALIDITY")]
    assert listing(decided_on="2026-11-30", valid_until="2026-11-29")[1][3] == "R7_VALIDITY"
    # R1: the listing decision on or after the basis document's effect
    assert listing(decided_on="2023-03-14") == [
        ("decided_on", "列入决定日期2023-03-14早于认定依据的生效日期2023-03-15，认定依据当时尚未生效（R1）。",
         "the listing decision (2023-03-14) precedes the basis document's effect (2023-03-15) (R1).",
         "R1_DOCUMENT_NOT_EFFECTIVE")]
    assert listing(decided_on="2023-03-15") == []
    assert listing(decided_on="2023-03-14", doc_effective="") [-1][3] == "FIELD_REQUIRED"
    assert [c for *_x, c in listing(decided_on="")] == ["FIELD_REQUIRED"]


def test_the_listings_optional_cells_and_a_records_optional_cells():
    got = L.read_row(19, {**FULL, "domain": " 市场监管 ", "warning_letter": "清信警〔2025〕3号", "standard": "",
                          "doc_citation": "《某某条例》第十条", "leniency_justification": "首次违法"}, TODAY)
    assert (got.listing["domain"], got.listing["warning_letter"], got.listing["standard"]) == \
        ("市场监管", "清信警〔2025〕3号", None)
    assert (got.record["doc_citation"], got.record["justification"]) == ("《某某条例》第十条", "首次违法")
    assert got.errors == []


def test_a_row_names_its_errors_in_a_list_of_its_own():
    a, b = L.LegacyRow(1), L.LegacyRow(2)
    a.bad("name", "甲", "a")
    assert (a.errors, b.errors, b.subject, b.record, b.listing) == ([("name", "甲", "a", "LEGACY_CELL")], [], {}, None,
                                                                    None)


@pytest.mark.parametrize("number,prefixes,taken", [
    ("清信告〔2025〕1号", ["清信告"], True), ("清信告〔2025〕12号", ["清信决", "清信告"], True),
    ("清信告〔25〕1号", ["清信告"], False), ("清信告〔2025〕号", ["清信告"], False), ("清信告〔2025〕1号之一", ["清信告"], False),
    ("某清信告〔2025〕1号", ["清信告"], False), ("清信告〔2025〕1号", ["", "清信决"], False), ("清信告〔2025〕1号", [], False),
    ("a.b〔2025〕1号", ["a.b"], True), ("axb〔2025〕1号", ["a.b"], False)])
def test_r7_a_historical_number_in_the_registers_own_series_is_refused(number, prefixes, taken):
    assert L.register_series(number, prefixes) is taken


@pytest.mark.parametrize("key", ["doc_issued", "doc_effective", "act_date", "decision_date", "decided_on", "valid_from",
                                 "valid_until"])
def test_each_date_cell_that_is_no_date_is_named(key):
    got = L.read_row(20, {**FULL, key: "2025-13-01"}, TODAY)
    assert got.errors == [(key, "「2025-13-01」不是有效日期（应写作 2021-03-15）。", "'2025-13-01' is not a date.",
                           "LEGACY_DATE")]


@pytest.mark.parametrize("key", ["force_majeure", "no_intent", "slight"])
def test_r9_each_flag_neither_yes_nor_no_is_named(key):
    got = L.read_row(21, {**FULL, key: "不详"}, TODAY)
    assert got.errors == [(key, "「不详」应填“是”或“否”。", "must be yes or no.", "LEGACY_WORD")]
    assert got.record[key] is False


def test_r7_a_number_valid_both_as_uscc_and_as_resident_id_is_read_by_the_subjects_kind():
    both = "110101198001010299"   # GB 11643 (Beijing Dongcheng, born 1980-01-01) and GB 32100 check both pass
    def read(**cells):
        got = L.read_row(22, {"name": "某某", "id_number": both, **cells}, TODAY)
        return got.subject["kind"], got.subject["id_type"], got.errors
    # R15 (att19c): without a kind, a person's (a USCC cannot carry a birth date and pass GB 11643 but by chance);
    # an individual business's operator likewise; only a row that says 法人 reads it as a code
    assert read() == ("natural_person", "ric", [])
    assert read(kind="个体工商户") == ("individual_business", "ric", [])
    assert read(kind="自然人") == ("natural_person", "ric", [])
    assert read(kind="法人") == ("legal_person", "uscc", [])


def test_r7_an_unrecognised_kind_is_not_replaced_by_a_guess_and_the_representatives_sentences_are_kept():
    got = L.read_row(23, {"name": "某某", "id_number": USCC, "kind": "社团"}, TODAY)
    assert (got.subject["kind"], got.subject["id_type"], _codes(got)) == (None, "uscc", [("kind", "LEGACY_WORD")])
    got = L.read_row(23, {"name": "某某", "id_number": USCC, "legal_rep_id_number": RIC_BAD}, TODAY)
    assert got.errors == [("legal_rep_id_number", "证件号码「3208**********1230」不是有效的居民身份证：校验位不符。",
                           "ID number '3208**********1230' is not a valid resident identity card number: the check "
                           "digit does not match.", "ID_INVALID")]


def test_a_header_equal_to_a_fields_own_name_is_guessed_even_without_a_header_word():
    assert L.guess_mapping(["其他文书的规定依据", "序号"]) == {"其他文书的规定依据": "doc_citation"}
    assert L.guess_mapping(["其他文书的规定依据", "其他文书的规定依据 "]) == {"其他文书的规定依据": "doc_citation"}


def test_r7_spaces_inside_a_number_are_removed():
    for cell in ("9132 0812 39H4 BXKF XR", "913208\u300012 39h4bxkfxr"):
        got = L.read_row(24, {"name": "某某", "id_number": cell}, TODAY)
        assert (got.subject["id_number"], got.subject["id_type"], got.errors) == (USCC, "uscc", [])


@pytest.mark.parametrize("cell,months", [("12", 12), (12, 12), (12.0, 12), ("１２", 12), ("36个月", 36), ("6月", 6)])
def test_r12_the_watch_months_after_a_black_listing_as_offices_write_them(cell, months):
    got = L.read_row(3, {**FULL, "post_exit_watch_months": cell}, TODAY)
    assert (got.listing["post_exit_watch_months"], got.errors) == (months, [])


@pytest.mark.parametrize("cell,code", [(None, "R12_WATCH_PERIOD_REQUIRED"), ("", "R12_WATCH_PERIOD_REQUIRED"),
                                       ("十二", "LEGACY_WORD"), ("0", "LEGACY_WORD"), ("1.5", "LEGACY_WORD")])
def test_r12_a_black_listing_without_its_watch_months_is_named(cell, code):
    """R12 / 1798号 (十八) (issue 19 attack): a black listing decided by hand names the watch-list period after its
    exit; an imported one without it stopped the office's daily expiry check when it expired."""
    got = L.read_row(3, {**FULL, "post_exit_watch_months": cell}, TODAY)
    assert [(k, c) for k, _zh, _en, c in got.errors] == [("post_exit_watch_months", code)]
    watch = L.read_row(3, {**FULL, "list_type": "重点关注名单", "post_exit_watch_months": None}, TODAY)
    assert all(k != "post_exit_watch_months" for k, *_ in watch.errors)


def test_r7_the_representatives_number_is_judged_on_the_callers_today_and_an_unknown_type_is_named():
    rep_2028 = "320812202801011236"   # born 2028-01-01: valid for a caller whose today is 2030
    got = L.read_row(25, {"name": "某某", "id_number": USCC, "legal_rep_id_number": rep_2028}, dt.date(2030, 1, 1))
    assert (got.subject["legal_rep_id_number"], got.errors) == (rep_2028, [])
    assert _codes(L.read_row(25, {"name": "某某", "id_number": USCC, "legal_rep_id_number": rep_2028}, TODAY)) == \
        [("legal_rep_id_number", "ID_INVALID")]   # born after the caller's today (2026-11-30)
    got = L.read_row(25, {"name": "某某", "id_number": USCC, "legal_rep_id_number": RIC, "legal_rep_id_type": "军官证"},
                     TODAY)
    assert got.errors == [("legal_rep_id_type", "「军官证」无法识别（可填：统一社会信用代码、居民身份证、港澳台居民居住证、外国人永久居留身份证、"
                           "护照）。", "'军官证' is not recognised.", "LEGACY_WORD")]
    assert got.subject["legal_rep_id_type"] is None


# --- issue 23, fifth pass: the watch months' sentences and the English words in any case ---------------------

WATCH_REQUIRED = ("post_exit_watch_months", "严重失信主体名单须写明移出后列入重点关注名单的期限（月），由认定部门确定"
                  "（发改财金规〔2017〕1798号（十八））。", "a black listing needs the watch-list period (months) that "
                  "follows its exit.", "R12_WATCH_PERIOD_REQUIRED")


@pytest.mark.parametrize("cell", [None, "", " ", "\u200b"])
def test_r12_a_black_listing_without_its_watch_months_is_named_in_both_languages(cell):
    got = L.read_row(3, {**FULL, "post_exit_watch_months": cell}, TODAY)
    assert (got.errors, got.listing["post_exit_watch_months"]) == ([WATCH_REQUIRED], None)


@pytest.mark.parametrize("cell,shown", [("十二", "十二"), ("0", "0"), ("1.5", "1.5"), ("-3", "-3"), ("１２个", "12个"),
                                        ("０个月", "0个月"), ("一年", "一年")])
def test_r12_a_watch_months_cell_that_is_no_whole_number_of_months_is_named_in_both_languages(cell, shown):
    got = L.read_row(3, {**FULL, "post_exit_watch_months": cell}, TODAY)
    assert got.errors == [("post_exit_watch_months", f"「{shown}」应为月数（如 12）。",
                           "must be a whole number of months (e.g. 12).", "LEGACY_WORD")]
    assert got.listing["post_exit_watch_months"] is None
    # a watch listing names a bad cell too (only an empty one is allowed for it)
    watch = L.read_row(3, {**FULL, "list_type": "重点关注名单", "post_exit_watch_months": cell}, TODAY)
    assert [e for e in watch.errors if e[0] == "post_exit_watch_months"] == got.errors


@pytest.mark.parametrize("cell", ["1", 1, "1个月", "1月", "０１", " 1 "])
def test_r12_a_watch_period_of_one_month_is_read(cell):
    """R12 / 1798号 (十八): the department sets the period; the smallest whole one, a month, is a period."""
    got = L.read_row(3, {**FULL, "post_exit_watch_months": cell}, TODAY)
    assert (got.listing["post_exit_watch_months"], got.errors) == (1, [])


# an office's sheet writes the product's English words in whatever case its template had
ENGLISH_WORDS = [
    ("tier", "SERIOUS", "serious"), ("tier", "Slight", "slight"), ("tier", "ＧＥＮＥＲＡＬ", "general"),
    ("doc_type", "ADMIN_PENALTY", "admin_penalty"), ("doc_type", "Court_Judgment", "court_judgment"),
    ("list_type", "Watch", ListType.WATCH), ("list_type", "BLACK", ListType.BLACK),
    ("standard_kind", "LAW", "law"), ("standard_kind", "Local_Regulation", "local_regulation"),
    ("ground", "A", "a"),
    # the half-width comma an office types in the ground's Chinese words
    ("ground", "拒不履行法定义务,严重影响司法机关、行政机关公信力", "c"),
]


@pytest.mark.parametrize("key,cell,value", ENGLISH_WORDS)
def test_r7_english_words_are_read_in_any_case_and_width(key, cell, value):
    assert _read(key, cell) == (value, [])


@pytest.mark.parametrize("key,cell,value", [("kind", "NATURAL_PERSON", "natural_person"),
                                            ("kind", "Legal_Person", "legal_person"), ("id_type", "USCC", "uscc"),
                                            ("id_type", "Passport", "passport")])
def test_r7_the_subjects_english_words_are_read_in_any_case(key, cell, value):
    number = RIC if value in ("natural_person", "passport") else USCC
    got = L.read_row(11, {"name": "某某", "id_number": number, key: cell}, TODAY)
    assert (got.subject[key], [e for e in got.errors if e[0] == key]) == (value, [])


def test_r7_a_word_list_folds_its_words_once_and_both_sides_alike(monkeypatch):
    """A fresh list (the module's own are folded by the first row read in a process): each of its words is folded
    once, then one fold per cell looked up (issue 18: a 20 000-row sheet reads its word lists once)."""
    words = L._Words({"serious": "s", "拒不履行法定义务，严重": "c", "一般": "g"})
    calls = []
    real = L._word_key
    monkeypatch.setattr(L, "_word_key", lambda v: calls.append(v) or real(v))
    assert words.find("SERIOUS") == "s" and len(calls) == 4
    assert words.find(" 拒不履行法定义务,严重 ") == "c" and len(calls) == 5
    assert (words.find("一 般"), words.find("slight"), words.find(None)) == ("g", None, None) and len(calls) == 8
    assert dict(words) == {"serious": "s", "拒不履行法定义务，严重": "c", "一般": "g"}  # kept as written


PERSON_AS_CODE = "320812197802094818"   # GB 11643 valid, and its mod-31 sum passes the GB 32100 check too


def test_r15_r7_a_resident_id_that_also_passes_the_uscc_check_is_a_persons_in_a_mixed_column():
    """att19c: one resident ID in 31 passes stdnum's USCC check; read as a code, a person of an office's ledger
    was imported as a legal person (never masked, R15). The row's own kind still decides for an organisation."""
    got = L.read_row(15, {"name": "张小明", "id_number": PERSON_AS_CODE}, TODAY)
    assert (got.subject["kind"], got.subject["id_type"], got.errors) == ("natural_person", "ric", [])
    got = L.read_row(15, {"name": "张小明", "id_number": PERSON_AS_CODE, "kind": "个体工商户"}, TODAY)
    assert (got.subject["kind"], got.subject["id_type"]) == ("individual_business", "ric")
    got = L.read_row(15, {"name": "某某", "id_number": PERSON_AS_CODE, "kind": "法人"}, TODAY)
    assert (got.subject["kind"], got.subject["id_type"]) == ("legal_person", "uscc")


def test_r13_a_local_tier_word_is_named_never_mapped_to_a_national_tier():
    """att19c: 较重 was read as 一般 (publication at most 1 year) without a word, while the 双公示 import refuses
    it; the tier is the department's decision."""
    got = L.read_row(9, {**FULL, "tier": "较重"}, TODAY)
    assert [(e[0], e[3]) for e in got.errors] == [("tier", "LEGACY_WORD")]
    assert "轻微、一般、严重" in got.errors[0][1]
