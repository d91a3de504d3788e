"""R13 repair rules as a table of calls and their exact outcomes: the value, or the refusal's code, field, row and
both sentences (issue 23: the mutation run found these refusals asserted by code only). Periods are those of
国办发〔2025〕22号 / 国家发展改革委令2025年第36号 as carried by the national rule set; dates are fixed inputs."""

from datetime import date

import pytest

from credit_desk.domain.repairs import (
    NATIONAL_MATERIALS, NATIONAL_TABLE, Eligibility, Material, Problem, RepairTarget, check_date_order,
    check_decider, check_one_department, check_who_decides, eligibility, first_eligible, highest_tier, listing_tier,
    missing_materials, parse_local_table, parse_materials, parse_requirements, required_materials,
)
from credit_desk.domain.rulesets import NATIONAL_2026, Tier
from tests.unit.table_kit import outcome

P, C, T, R, S = Material.PROOF, Material.COMMITMENT, Material.TRAINING, Material.REPORT, Material.PUBLIC_SERVICE


def target(tier, decided, dept="县市场监督管理局", basis=None, kind="record", id_=1):
    return RepairTarget(kind, id_, tier, decided, dept, f"失信信息{id_}" if kind == "record" else f"案件{id_}", basis)


def raised(error):
    raise error


LOCAL = {"source": "某县信用修复细则第五条", "effective_from": "2026-06-01", "slight": {"all": ["proof"]},
         "general": {"all": ["proof", "commitment"]}, "serious": {"all": ["proof"], "any": ["training", "public_service"]}}


# (call, outcome): ("ok", repr of the value) or ("refused", code, field, row, Chinese sentence, English sentence)
TABLE = [('listing_tier("black")', ('ok', "<Tier.SERIOUS: 'serious'>")),
 ('listing_tier("watch")', ('ok', "<Tier.GENERAL: 'general'>")),
 ('listing_tier("red")',
  ('refused',
   'R13_NOT_A_DISHONESTY_LIST',
   'targets',
   None,
   '守信激励对象名单不是失信信息，不适用信用修复。',
   'A red list is not dishonesty information; it cannot be repaired.')),
 ('listing_tier("other")',
  ('refused',
   'R13_NOT_A_DISHONESTY_LIST',
   'targets',
   None,
   '守信激励对象名单不是失信信息，不适用信用修复。',
   'A red list is not dishonesty information; it cannot be repaired.')),
 ('parse_materials(["proof", "commitment", "proof"])',
  ('ok', "(<Material.PROOF: 'proof'>, <Material.COMMITMENT: 'commitment'>)")),
 ('parse_materials([])', ('ok', '()')),
 ('parse_materials(["proof", "fee"])',
  ('refused',
   'R13_MATERIAL_UNKNOWN',
   'materials',
   1,
   '材料「fee」无效，可选：proof（履行义务、纠正失信行为的证明材料）、commitment（签署的信用承诺书）、training（信用修复培训证明）、report（信用报告）、public_service（公益慈善活动证明）。',
   "Material 'fee' is not one of ['proof', 'commitment', 'training', 'report', 'public_service'].")),
 ('parse_local_table(LOCAL)',
  ('ok',
   "MaterialsTable(requirements={'slight': Requirement(all_of=(<Material.PROOF: 'proof'>,), any_of=()), 'general': "
   "Requirement(all_of=(<Material.PROOF: 'proof'>, <Material.COMMITMENT: 'commitment'>), any_of=()), 'serious': "
   "Requirement(all_of=(<Material.PROOF: 'proof'>,), any_of=(<Material.TRAINING: 'training'>, "
   "<Material.PUBLIC_SERVICE: 'public_service'>))}, source='某县信用修复细则第五条', effective_from=datetime.date(2026, 6, 1), "
   'local=True)')),
 ('parse_local_table({**LOCAL, "source": "  "})',
  ('refused',
   'R13_MATERIALS_RULE',
   'repair_materials.source',
   None,
   '本地修复材料要求须注明依据的本地规定（文件名称、文号及条款）。',
   'A local materials rule must cite its local rule (name, number, clause).')),
 ('parse_local_table({**LOCAL, "source": None})',
  ('refused',
   'R13_MATERIALS_RULE',
   'repair_materials.source',
   None,
   '本地修复材料要求须注明依据的本地规定（文件名称、文号及条款）。',
   'A local materials rule must cite its local rule (name, number, clause).')),
 ('parse_local_table([("source", "x")])',
  ('refused',
   'R13_MATERIALS_RULE',
   'repair_materials.source',
   None,
   '本地修复材料要求须注明依据的本地规定（文件名称、文号及条款）。',
   'A local materials rule must cite its local rule (name, number, clause).')),
 ('parse_local_table({**LOCAL, "effective_from": None})',
  ('refused',
   'R13_MATERIALS_RULE',
   'repair_materials.effective_from',
   None,
   '本地修复材料要求须注明该规定的施行日期（YYYY-MM-DD）。',
   'A local materials rule needs its effective date (YYYY-MM-DD).')),
 ('parse_local_table({**LOCAL, "effective_from": "2026-13-01"})',
  ('refused',
   'R13_MATERIALS_RULE',
   'repair_materials.effective_from',
   None,
   '本地修复材料要求须注明该规定的施行日期（YYYY-MM-DD）。',
   'A local materials rule needs its effective date (YYYY-MM-DD).')),
 ('parse_local_table({**LOCAL, "source": " 细则 "}).source', ('ok', "'细则'")),
 ('parse_requirements({"slight": {}, "general": {"any": ["training"]}, "serious": {"all": ["proof"]}})',
  ('ok',
   "{'slight': Requirement(all_of=(), any_of=()), 'general': Requirement(all_of=(), any_of=(<Material.TRAINING: "
   "'training'>,)), 'serious': Requirement(all_of=(<Material.PROOF: 'proof'>,), any_of=())}")),
 ('parse_requirements({"slight": {}, "general": {}})',
  ('refused',
   'R13_MATERIALS_TABLE',
   'repair_materials',
   None,
   '修复材料表缺少「严重」（serious）一级。',
   'The materials table lacks the serious tier.')),
 ('parse_requirements({"slight": [], "general": {}, "serious": {}})',
  ('refused',
   'R13_MATERIALS_TABLE',
   'repair_materials',
   None,
   '修复材料表缺少「轻微」（slight）一级。',
   'The materials table lacks the slight tier.')),
 ('parse_requirements(None)',
  ('refused',
   'R13_MATERIALS_TABLE',
   'repair_materials',
   None,
   '修复材料表缺少「轻微」（slight）一级。',
   'The materials table lacks the slight tier.')),
 ('parse_requirements({"slight": {}, "general": {"any": ["x"]}, "serious": {}})',
  ('refused',
   'R13_MATERIAL_UNKNOWN',
   'materials',
   0,
   '材料「x」无效，可选：proof（履行义务、纠正失信行为的证明材料）、commitment（签署的信用承诺书）、training（信用修复培训证明）、report（信用报告）、public_service（公益慈善活动证明）。',
   "Material 'x' is not one of ['proof', 'commitment', 'training', 'report', 'public_service'].")),
 ('required_materials(NATIONAL_MATERIALS, "serious")',
  ('ok', "Requirement(all_of=(<Material.PROOF: 'proof'>, <Material.COMMITMENT: 'commitment'>), any_of=())")),
 ('missing_materials(required_materials(parse_requirements(LOCAL), Tier.SERIOUS), [P])',
  ('ok', "['信用修复培训证明或公益慈善活动证明']")),
 ('missing_materials(required_materials(parse_requirements(LOCAL), Tier.SERIOUS), [P, S])', ('ok', '[]')),
 ('missing_materials(required_materials(parse_requirements(LOCAL), Tier.GENERAL), [])',
  ('ok', "['履行义务、纠正失信行为的证明材料', '签署的信用承诺书']")),
 ('missing_materials(required_materials(NATIONAL_MATERIALS, Tier.SERIOUS), [P, C])', ('ok', '[]')),
 ('Problem("X", "甲", "a", "依据1").cited()', ('ok', "'甲（依据：依据1）'")),
 ('Problem("X", "甲", "a").cited()', ('ok', "'甲'")),
 ('highest_tier([target(Tier.SLIGHT, date(2026, 1, 1)), target(Tier.GENERAL, date(2026, 1, 1))])',
  ('ok', "<Tier.GENERAL: 'general'>")),
 ('highest_tier([target(Tier.SERIOUS, date(2026, 1, 1)), target(Tier.SLIGHT, date(2026, 1, 1))])',
  ('ok', "<Tier.SERIOUS: 'serious'>")),
 ('first_eligible(NATIONAL_2026, [target(Tier.GENERAL, date(2026, 5, 31)), target(Tier.SLIGHT, date(2026, 7, 1))])',
  ('ok', 'datetime.date(2026, 9, 1)')),
 ('first_eligible(NATIONAL_2026, [target(Tier.SERIOUS, date(2024, 2, 29))])', ('ok', 'datetime.date(2025, 3, 1)')),
 ('eligibility(NATIONAL_2026, NATIONAL_TABLE, [target(Tier.GENERAL, date(2026, 5, 31))], date(2026, 8, 31), [P, C])',
  ('ok',
   "Eligibility(tier=<Tier.GENERAL: 'general'>, earliest_on=datetime.date(2026, 9, 1), "
   "required=Requirement(all_of=(<Material.PROOF: 'proof'>, <Material.COMMITMENT: 'commitment'>), any_of=()), "
   "missing=(), problems=(Problem(code='R13_TOO_EARLY', zh='最短公示期尚未届满，自2026-09-01起方可申请信用修复', en='the shortest "
   "publication period has not passed; repair may be applied for from 2026-09-01', "
   "basis='国办发〔2025〕22号；令2025年第36号（一般：最短3个月，最长1年）关于最短公示期届满后方可申请信用修复的规定'),), "
   "materials_basis='国办发〔2025〕22号、国家发展改革委令2025年第36号《信用修复管理办法》关于申请信用修复应提交履行法定义务、纠正失信行为的证明材料和签署的信用承诺书的规定')")),
 ('eligibility(NATIONAL_2026, NATIONAL_TABLE, [target(Tier.GENERAL, date(2026, 5, 31))], date(2026, 9, 1), [P])',
  ('ok',
   "Eligibility(tier=<Tier.GENERAL: 'general'>, earliest_on=datetime.date(2026, 9, 1), "
   "required=Requirement(all_of=(<Material.PROOF: 'proof'>, <Material.COMMITMENT: 'commitment'>), any_of=()), "
   "missing=('签署的信用承诺书',), problems=(Problem(code='R13_MATERIALS_MISSING', zh='申请材料不齐全，缺少：签署的信用承诺书', en='materials "
   "missing: 1 item(s)', "
   "basis='国办发〔2025〕22号、国家发展改革委令2025年第36号《信用修复管理办法》关于申请信用修复应提交履行法定义务、纠正失信行为的证明材料和签署的信用承诺书的规定'),), "
   "materials_basis='国办发〔2025〕22号、国家发展改革委令2025年第36号《信用修复管理办法》关于申请信用修复应提交履行法定义务、纠正失信行为的证明材料和签署的信用承诺书的规定')")),
 ('eligibility(NATIONAL_2026, NATIONAL_MATERIALS, [target(Tier.SERIOUS, date(2026, 1, 1), basis="《某法》第九条")], '
  'date(2026, 3, 1), [])',
  ('ok',
   "Eligibility(tier=<Tier.SERIOUS: 'serious'>, earliest_on=datetime.date(2027, 1, 2), "
   "required=Requirement(all_of=(<Material.PROOF: 'proof'>, <Material.COMMITMENT: 'commitment'>), any_of=()), "
   "missing=('履行义务、纠正失信行为的证明材料', '签署的信用承诺书'), problems=(Problem(code='R13_NON_REPAIRABLE', zh='失信信息1依法不可修复', "
   "en='record 1 is non-repairable by law or central policy', basis='《某法》第九条'), Problem(code='R13_TOO_EARLY', "
   "zh='最短公示期尚未届满，自2027-01-02起方可申请信用修复', en='the shortest publication period has not passed; repair may be applied "
   "for from 2027-01-02', basis='国办发〔2025〕22号；令2025年第36号（严重：最短1年，最长3年）关于最短公示期届满后方可申请信用修复的规定'), "
   "Problem(code='R13_MATERIALS_MISSING', zh='申请材料不齐全，缺少：履行义务、纠正失信行为的证明材料、签署的信用承诺书', en='materials missing: 2 "
   "item(s)', basis='国办发〔2025〕22号、国家发展改革委令2025年第36号《信用修复管理办法》关于申请信用修复应提交履行法定义务、纠正失信行为的证明材料和签署的信用承诺书的规定')), "
   "materials_basis='国办发〔2025〕22号、国家发展改革委令2025年第36号《信用修复管理办法》关于申请信用修复应提交履行法定义务、纠正失信行为的证明材料和签署的信用承诺书的规定')")),
 ('raised(eligibility(NATIONAL_2026, NATIONAL_MATERIALS, [target(Tier.SERIOUS, date(2026, 1, 1), basis="《某法》第九条")], '
  'date(2026, 3, 1), []).refusal())',
  ('refused',
   'R13_NON_REPAIRABLE',
   'repair',
   None,
   '失信信息1依法不可修复（依据：《某法》第九条）；最短公示期尚未届满，自2027-01-02起方可申请信用修复（依据：国办发〔2025〕22号；令2025年第36号（严重：最短1年，最长3年）关于最短公示期届满后方可申请信用修复的规定）；申请材料不齐全，缺少：履行义务、纠正失信行为的证明材料、签署的信用承诺书（依据：国办发〔2025〕22号、国家发展改革委令2025年第36号《信用修复管理办法》关于申请信用修复应提交履行法定义务、纠正失信行为的证明材料和签署的信用承诺书的规定）。',
   'record 1 is non-repairable by law or central policy; the shortest publication period has not passed; repair may '
   'be applied for from 2027-01-02; materials missing: 2 item(s).')),
 ('raised(eligibility(NATIONAL_2026, NATIONAL_TABLE, [target(Tier.GENERAL, date(2026, 5, 31))], date(2026, 9, 1), '
  '[P]).refusal())',
  ('refused',
   'R13_MATERIALS_MISSING',
   'repair',
   None,
   '申请材料不齐全，缺少：签署的信用承诺书（依据：国办发〔2025〕22号、国家发展改革委令2025年第36号《信用修复管理办法》关于申请信用修复应提交履行法定义务、纠正失信行为的证明材料和签署的信用承诺书的规定）。',
   'materials missing: 1 item(s).')),
 ('raised(eligibility(NATIONAL_2026, parse_local_table(LOCAL), [target(Tier.SERIOUS, date(2025, 1, 1), kind="case", '
  'id_=4)], date(2026, 11, 1), [P]).refusal())',
  ('refused',
   'R13_MATERIALS_MISSING',
   'repair',
   None,
   '申请材料不齐全，缺少：信用修复培训证明或公益慈善活动证明（依据：某县信用修复细则第五条）。',
   'materials missing: 1 item(s).')),
 ('eligibility(NATIONAL_2026, NATIONAL_TABLE, [target(Tier.GENERAL, date(2026, 5, 31))], date(2026, 9, 1), '
  '[P]).only_materials_missing',
  ('ok', 'True')),
 ('eligibility(NATIONAL_2026, NATIONAL_TABLE, [target(Tier.GENERAL, date(2026, 5, 31))], date(2026, 9, 1), [P, '
  'C]).only_materials_missing',
  ('ok', 'False')),
 ('eligibility(NATIONAL_2026, NATIONAL_TABLE, [target(Tier.GENERAL, date(2026, 5, 31))], date(2026, 8, 1), '
  '[P]).only_materials_missing',
  ('ok', 'False')),
 ('eligibility(NATIONAL_2026, NATIONAL_TABLE, [target(Tier.GENERAL, date(2026, 5, 31))], date(2026, 8, 1), '
  '[P]).grounds()',
  ('ok',
   "[Problem(code='R13_TOO_EARLY', zh='最短公示期尚未届满，自2026-09-01起方可申请信用修复', en='the shortest publication period has not "
   "passed; repair may be applied for from 2026-09-01', "
   "basis='国办发〔2025〕22号；令2025年第36号（一般：最短3个月，最长1年）关于最短公示期届满后方可申请信用修复的规定')]")),
 ('check_one_department([target(Tier.SLIGHT, date(2026, 1, 1)), target(Tier.SLIGHT, date(2026, 1, 1), id_=2)])',
  ('ok', "'县市场监督管理局'")),
 ('check_one_department([target(Tier.SLIGHT, date(2026, 1, 1), "县税务局"), target(Tier.SLIGHT, date(2026, 1, 1), '
  '"县市场监督管理局", id_=2)])',
  ('refused',
   'R13_ONE_DEPARTMENT',
   'targets',
   None,
   '申请修复的信息分属不同认定部门（县市场监督管理局、县税务局），谁认定、谁修复，请按认定部门分别申请。',
   'The information belongs to several deciding departments; apply to each separately.')),
 ('check_who_decides("县税务局", " 县税务局 ")', ('ok', 'None')),
 ('check_who_decides("县税务局", None)',
  ('refused',
   'R13_WHO_DECIDES',
   'for_department',
   None,
   '谁认定、谁修复：该信息由「县税务局」认定，修复决定须由其作出。',
   'Whoever decided, repairs: the decision belongs to 县税务局.')),
 ('check_who_decides("县税务局", "县市场监督管理局")',
  ('refused',
   'R13_WHO_DECIDES',
   'for_department',
   None,
   '谁认定、谁修复：该信息由「县税务局」认定，修复决定须由其作出。',
   'Whoever decided, repairs: the decision belongs to 县税务局.')),
 ('check_who_decides("县税务局", "县税务局", registered=True, decider_department="县税务局")', ('ok', 'None')),
 ('check_who_decides("县税务局", "县税务局", registered=True, decider_department="县信用办")',
  ('refused',
   'R13_WHO_DECIDES',
   'decided_by',
   None,
   '谁认定、谁修复：该信息由「县税务局」认定，修复决定须由该部门的人员作出，「县信用办」的人员不能代为决定。',
   'Whoever decided, repairs: only staff of 县税务局 may decide; staff of 县信用办 may not decide in its place.')),
 ('check_who_decides("县税务局", "县税务局", registered=True)',
  ('refused',
   'R13_WHO_DECIDES',
   'decided_by',
   None,
   '谁认定、谁修复：该信息由「县税务局」认定，修复决定须由该部门的人员作出，不属于任何认定部门的人员（如信用办）不能代为决定。',
   'Whoever decided, repairs: only staff of 县税务局 may decide; a user of no department may not decide in its place.')),
 ('check_who_decides("县税务局", "县税务局", registered=False, decider_department="县信用办")', ('ok', 'None')),
 ('check_decider("clerk1", ["clerk2"], "boss1")', ('ok', 'None')),
 ('check_decider(None, [], "boss1")', ('ok', 'None')),
 ('check_decider("boss1", [], "boss1")',
  ('refused',
   'FOUR_EYES',
   'decided_by',
   None,
   '受理人不能决定自己受理的信用修复申请，请由另一位人员决定。',
   'The person who accepted the request cannot decide it.')),
 ('check_decider("clerk1", ["boss1", "clerk2"], "boss1")',
  ('refused',
   'FOUR_EYES',
   'decided_by',
   None,
   '认定案件的起草人不能决定该案件的信用修复（提前移出），请由另一位人员决定。',
   'The drafter of the listing cannot decide its repair (early exit).')),
 ('check_date_order(date(2026, 5, 1), date(2026, 5, 1), "accepted_on", "受理日期不能早于收到日期。", "Accepted before received.", today=date(2026, 5, 1))',
  ('ok', 'None')),
 ('check_date_order(date(2026, 5, 1), None, "accepted_on", "受理日期不能早于收到日期。", "Accepted before received.", today=date(2026, 5, 1))',
  ('ok', 'None')),
 ('check_date_order(date(2026, 4, 30), date(2026, 5, 1), "accepted_on", "受理日期不能早于收到日期。", "Accepted before '
  'received.", today=date(2026, 5, 1))',
  ('refused', 'REPAIR_DATE_ORDER', 'accepted_on', None, '受理日期不能早于收到日期。', 'Accepted before received.')),
 ('check_date_order(date(2026, 5, 2), date(2026, 5, 1), "accepted_on", "受理日期不能早于收到日期。", "Accepted before '
  'received.", today=date(2026, 5, 1))',
  ('refused', 'DATE_IN_FUTURE', 'accepted_on', None, '日期（2026-05-02）不能晚于今天（2026-05-01）。',
   'accepted_on (2026-05-02) cannot be in the future.'))]


def _outcome(expr):
    return outcome(expr, globals())


@pytest.mark.parametrize("call, expected", TABLE, ids=[f"{i}" for i in range(len(TABLE))])
def test_r13_repair_rules_table(call, expected):
    assert _outcome(call) == expected
