"""R20 rule sets and R13 publication windows as a table of calls and their exact outcomes: the value, or the
refusal's code, field, row and both sentences (issue 23). Periods: 国办发〔2025〕22号 / 令2025年第36号 (一般 3–12 months,
严重 12–36 months); the month arithmetic of 民法典 第二百零一、二百零二条."""

from datetime import date

import pytest

from credit_desk.domain.rulesets import (
    NATIONAL_2020, NATIONAL_2023, NATIONAL_2026, RuleSet, Tier, TierPeriod, add_months, publication_window,
    rule_set_in_force,
)

BASE = NATIONAL_2026.to_dict()


def with_(**kw):
    return {**BASE, **kw}


def without(name):
    return {k: v for k, v in BASE.items() if k != name}


def raised(error):
    raise error


TIERS = {"slight": TierPeriod(0, 3, False), "general": TierPeriod(3, 12, True), "serious": TierPeriod(12, 36, True)}

from credit_desk.domain.errors import DomainError as _DomainError

# (call, outcome): ("ok", repr of the value) or ("refused", code, field, row, Chinese sentence, English sentence)
TABLE = [('NATIONAL_2026.to_dict()',
  ('ok',
   "{'code': 'CN-2026-04', 'effective_from': '2026-04-01', 'source': '国办发〔2025〕22号；国家发展改革委令2025年第36号《信用修复管理办法》', "
   "'objection_window_workdays': 5, 'objection_reply_workdays': 10, 'share_listing_workdays': 10, "
   "'publish_licence_penalty_workdays': 7, 'repair_decide_workdays': 3, 'repair_finish_workdays': 10, 'tiers': "
   "{'slight': {'min_months': 0, 'max_months': 3, 'published': False}, 'general': {'min_months': 3, 'max_months': "
   "12, 'published': True}, 'serious': {'min_months': 12, 'max_months': 36, 'published': True}}, 'citations': "
   "{'objection_window_workdays': 'local setting (no seed fixes it; DOMAIN Clarifications R5)', "
   "'objection_reply_workdays': '淮政办发〔2021〕13号 四(一)', 'share_listing_workdays': '发改财金规〔2017〕1798号 (十)', "
   "'publish_licence_penalty_workdays': '苏府办〔2020〕232号 (十五)', 'repair_decide_workdays': "
   "'国家发展改革委令2025年第36号（认定单位3个工作日内作出决定）', 'repair_finish_workdays': '国家发展改革委令2025年第36号（10个工作日内办结）', 'tiers.slight': "
   "'国办发〔2025〕22号（轻微：一般不公示，最长3个月）', 'tiers.general': '国办发〔2025〕22号；令2025年第36号（一般：最短3个月，最长1年）', 'tiers.serious': "
   "'国办发〔2025〕22号；令2025年第36号（严重：最短1年，最长3年）'}}")),
 ('RuleSet.from_dict(BASE) == NATIONAL_2026', ('ok', 'True')),
 ('RuleSet.from_dict(with_(code=" L-1 ", source=" 某规定 ")).code', ('ok', "'L-1'")),
 ('RuleSet.from_dict(with_(citations=None)).citations', ('ok', 'mappingproxy({})')),
 ('RuleSet.from_dict(without("repair_decide_workdays")).repair_decide_workdays', ('ok', '3')),
 ('RuleSet.from_dict(with_(repair_decide_workdays=None)).repair_decide_workdays', ('ok', 'None')),
 ('RuleSet.from_dict([1])',
  ('refused',
   'RULE_SET_INVALID',
   'rule_set',
   None,
   '规则集字段「rule_set」不是对象。',
   "Rule set field 'rule_set' is not an object.")),
 ('RuleSet.from_dict(with_(code=" "))',
  ('refused', 'RULE_SET_INVALID', 'code', None, '规则集字段「code」缺失或为空。', "Rule set field 'code' is missing or empty.")),
 ('RuleSet.from_dict(without("source"))',
  ('refused',
   'RULE_SET_INVALID',
   'source',
   None,
   '规则集字段「source」缺失或为空。',
   "Rule set field 'source' is missing or empty.")),
 ('RuleSet.from_dict(with_(code=5))',
  ('refused', 'RULE_SET_INVALID', 'code', None, '规则集字段「code」缺失或为空。', "Rule set field 'code' is missing or empty.")),
 ('RuleSet.from_dict(with_(effective_from="2026/04/01"))',
  ('refused',
   'RULE_SET_INVALID',
   'effective_from',
   None,
   '规则集字段「effective_from」不是YYYY-MM-DD格式的日期。',
   "Rule set field 'effective_from' is not a YYYY-MM-DD date.")),
 ('RuleSet.from_dict(without("effective_from"))',
  ('refused',
   'RULE_SET_INVALID',
   'effective_from',
   None,
   '规则集字段「effective_from」缺失或为空。',
   "Rule set field 'effective_from' is missing or empty.")),
 ('RuleSet.from_dict(with_(objection_reply_workdays=None))',
  ('refused',
   'RULE_SET_INVALID',
   'objection_reply_workdays',
   None,
   '规则集字段「objection_reply_workdays」应为整数。',
   "Rule set field 'objection_reply_workdays' must be an integer.")),
 ('RuleSet.from_dict(with_(objection_reply_workdays=True))',
  ('refused',
   'RULE_SET_INVALID',
   'objection_reply_workdays',
   None,
   '规则集字段「objection_reply_workdays」应为整数。',
   "Rule set field 'objection_reply_workdays' must be an integer.")),
 ('RuleSet.from_dict(with_(share_listing_workdays="10"))',
  ('refused',
   'RULE_SET_INVALID',
   'share_listing_workdays',
   None,
   '规则集字段「share_listing_workdays」应为整数。',
   "Rule set field 'share_listing_workdays' must be an integer.")),
 ('RuleSet.from_dict(with_(share_listing_workdays=0))',
  ('refused',
   'RULE_SET_INVALID',
   'share_listing_workdays',
   None,
   '规则集字段「share_listing_workdays」应为正整数。',
   "Rule set field 'share_listing_workdays' must be a positive integer.")),
 ('RuleSet.from_dict(with_(repair_finish_workdays=-1))',
  ('refused',
   'RULE_SET_INVALID',
   'repair_finish_workdays',
   None,
   '规则集字段「repair_finish_workdays」应为正整数。',
   "Rule set field 'repair_finish_workdays' must be a positive integer.")),
 ('RuleSet.from_dict(with_(citations={"x": 1}))',
  ('refused',
   'RULE_SET_INVALID',
   'citations',
   None,
   '规则集字段「citations」应为“字段→条款”的对象。',
   "Rule set field 'citations' must map field names to clauses.")),
 ('RuleSet.from_dict(with_(citations=["x"]))',
  ('refused',
   'RULE_SET_INVALID',
   'citations',
   None,
   '规则集字段「citations」应为“字段→条款”的对象。',
   "Rule set field 'citations' must map field names to clauses.")),
 ('RuleSet.from_dict(with_(tiers=None))',
  ('refused',
   'RULE_SET_INVALID',
   'tiers',
   None,
   '规则集字段「tiers」缺失或不是对象。',
   "Rule set field 'tiers' is missing or not an object.")),
 ('RuleSet.from_dict(with_(tiers=[]))',
  ('refused',
   'RULE_SET_INVALID',
   'tiers',
   None,
   '规则集字段「tiers」缺失或不是对象。',
   "Rule set field 'tiers' is missing or not an object.")),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "slight": [0, 3]}))',
  ('refused',
   'RULE_SET_INVALID',
   'tiers.slight',
   None,
   '规则集字段「tiers.slight」应含min_months、max_months和布尔值published（未知时为null）。',
   "Rule set field 'tiers.slight' needs min_months, max_months and a boolean published (null when unknown).")),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "slight": {"min_months": 0, "max_months": 3, "published": '
  '"no"}}))',
  ('refused',
   'RULE_SET_INVALID',
   'tiers.slight',
   None,
   '规则集字段「tiers.slight」应含min_months、max_months和布尔值published（未知时为null）。',
   "Rule set field 'tiers.slight' needs min_months, max_months and a boolean published (null when unknown).")),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "slight": {"min_months": 0, "max_months": 3}}))',
  ('ok',
   "RuleSet(code='CN-2026-04', effective_from=datetime.date(2026, 4, 1), "
   "source='国办发〔2025〕22号；国家发展改革委令2025年第36号《信用修复管理办法》', objection_window_workdays=5, objection_reply_workdays=10, "
   'share_listing_workdays=10, publish_licence_penalty_workdays=7, repair_decide_workdays=3, '
   "repair_finish_workdays=10, tiers=mappingproxy({'slight': TierPeriod(min_months=0, max_months=3, published=None), "
   "'general': TierPeriod(min_months=3, max_months=12, published=True), 'serious': TierPeriod(min_months=12, "
   "max_months=36, published=True)}), citations=mappingproxy({'objection_window_workdays': 'local setting (no seed "
   "fixes it; DOMAIN Clarifications R5)', 'objection_reply_workdays': '淮政办发〔2021〕13号 四(一)', "
   "'share_listing_workdays': '发改财金规〔2017〕1798号 (十)', 'publish_licence_penalty_workdays': '苏府办〔2020〕232号 (十五)', "
   "'repair_decide_workdays': '国家发展改革委令2025年第36号（认定单位3个工作日内作出决定）', 'repair_finish_workdays': "
   "'国家发展改革委令2025年第36号（10个工作日内办结）', 'tiers.slight': '国办发〔2025〕22号（轻微：一般不公示，最长3个月）', 'tiers.general': "
   "'国办发〔2025〕22号；令2025年第36号（一般：最短3个月，最长1年）', 'tiers.serious': '国办发〔2025〕22号；令2025年第36号（严重：最短1年，最长3年）'}))")),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "slight": {"min_months": "0", "max_months": 3, "published": '
  'False}}))',
  ('refused',
   'RULE_SET_INVALID',
   'min_months',
   None,
   '规则集字段「min_months」应为整数。',
   "Rule set field 'min_months' must be an integer.")),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "slight": {"min_months": None, "max_months": None, "published": '
  'None}})).tiers["slight"]',
  ('ok', 'TierPeriod(min_months=None, max_months=None, published=None)')),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "extra": {"min_months": 1, "max_months": 2, "published": True}}))',
  ('refused',
   'RULE_SET_INVALID',
   'tiers',
   None,
   '规则集字段「tiers」应恰好包含slight、general、serious三级。',
   "Rule set field 'tiers' must hold exactly slight, general and serious.")),
 ('RuleSet.from_dict(with_(tiers={"slight": BASE["tiers"]["slight"], "general": BASE["tiers"]["general"]}))',
  ('refused',
   'RULE_SET_INVALID',
   'tiers',
   None,
   '规则集字段「tiers」应恰好包含slight、general、serious三级。',
   "Rule set field 'tiers' must hold exactly slight, general and serious.")),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "general": {"min_months": 13, "max_months": 12, "published": '
  'True}}))',
  ('refused',
   'RULE_SET_INVALID',
   'tiers.general',
   None,
   '规则集字段「tiers.general」的期限不合理（应0≤最短≤最长且最长≥1个月）。',
   "Rule set field 'tiers.general' has an impossible period (need 0 <= min <= max and max >= 1).")),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "general": {"min_months": -1, "max_months": 12, "published": '
  'True}}))',
  ('refused',
   'RULE_SET_INVALID',
   'tiers.general',
   None,
   '规则集字段「tiers.general」的期限不合理（应0≤最短≤最长且最长≥1个月）。',
   "Rule set field 'tiers.general' has an impossible period (need 0 <= min <= max and max >= 1).")),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "slight": {"min_months": 0, "max_months": 0, "published": '
  'False}}))',
  ('refused',
   'RULE_SET_INVALID',
   'tiers.slight',
   None,
   '规则集字段「tiers.slight」的期限不合理（应0≤最短≤最长且最长≥1个月）。',
   "Rule set field 'tiers.slight' has an impossible period (need 0 <= min <= max and max >= 1).")),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "slight": {"min_months": 0, "max_months": 1, "published": '
  'False}})).tiers["slight"]',
  ('ok', 'TierPeriod(min_months=0, max_months=1, published=False)')),
 ('RuleSet.from_dict(with_(tiers={**BASE["tiers"], "general": {"min_months": 12, "max_months": 12, "published": '
  'True}})).tiers["general"]',
  ('ok', 'TierPeriod(min_months=12, max_months=12, published=True)')),
 ('RuleSet("", date(2026, 1, 1), "某规定")',
  ('refused', 'RULE_SET_INVALID', 'code', None, '规则集字段「code」缺失或为空。', "Rule set field 'code' is missing or empty.")),
 ('RuleSet("L", date(2026, 1, 1), " ")',
  ('refused',
   'RULE_SET_INVALID',
   'source',
   None,
   '规则集字段「source」缺失或为空。',
   "Rule set field 'source' is missing or empty.")),
 ('RuleSet("L", date(2026, 1, 1), "某规定", objection_window_workdays=None)',
  ('refused',
   'RULE_SET_INVALID',
   'objection_window_workdays',
   None,
   '规则集字段「objection_window_workdays」应为正整数。',
   "Rule set field 'objection_window_workdays' must be a positive integer.")),
 ('RuleSet("L", date(2026, 1, 1), "某规定", repair_finish_workdays=None).repair_finish_workdays', ('ok', 'None')),
 ('RuleSet("L", date(2026, 1, 1), "某规定", tiers=TIERS).tiers == TIERS', ('ok', 'True')),
 ('NATIONAL_2026.tier("serious")', ('ok', 'TierPeriod(min_months=12, max_months=36, published=True)')),
 ('NATIONAL_2026.tier(Tier.SLIGHT)', ('ok', 'TierPeriod(min_months=0, max_months=3, published=False)')),
 ('NATIONAL_2023.tier("slight")',
  ('refused',
   'R20_VALUE_UNKNOWN',
   'rule_set',
   None,
   '本案适用规则集「CN-2023」（国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》），该规则集未载明「轻微」失信信息的公示期限；软件不使用推定或借用的数字。请由市平台下发载明该数值（附条款）的规则集，或由管理员按原文补录后再办理。',
   'This case falls under rule set CN-2023, which does not state the publication periods of the slight tier; no '
   'number is invented. Load a rule set that states it (with its clause) and try again.')),
 ('NATIONAL_2020.tier("general")',
  ('refused',
   'R20_VALUE_UNKNOWN',
   'rule_set',
   None,
   '本案适用规则集「CN-2020-12」（国办发〔2020〕49号《关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》），该规则集未载明「一般」失信信息的公示期限；软件不使用推定或借用的数字。请由市平台下发载明该数值（附条款）的规则集，或由管理员按原文补录后再办理。',
   'This case falls under rule set CN-2020-12, which does not state the publication periods of the general tier; no '
   'number is invented. Load a rule set that states it (with its clause) and try again.')),
 ('NATIONAL_2026.limit("repair_decide_workdays")', ('ok', '3')),
 ('NATIONAL_2026.limit("objection_window_workdays")', ('ok', '5')),
 ('NATIONAL_2023.limit("repair_finish_workdays")',
  ('refused',
   'R20_VALUE_UNKNOWN',
   'rule_set',
   None,
   '本案适用规则集「CN-2023」（国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》），该规则集未载明信用修复办结时限（工作日）；软件不使用推定或借用的数字。请由市平台下发载明该数值（附条款）的规则集，或由管理员按原文补录后再办理。',
   'This case falls under rule set CN-2023, which does not state repair_finish_workdays; no number is invented. Load '
   'a rule set that states it (with its clause) and try again.')),
 ('raised(NATIONAL_2026.unknown("某值", "some value"))',
  ('refused',
   'R20_VALUE_UNKNOWN',
   'rule_set',
   None,
   '本案适用规则集「CN-2026-04」（国办发〔2025〕22号；国家发展改革委令2025年第36号《信用修复管理办法》），该规则集未载明某值；软件不使用推定或借用的数字。请由市平台下发载明该数值（附条款）的规则集，或由管理员按原文补录后再办理。',
   'This case falls under rule set CN-2026-04, which does not state some value; no number is invented. Load a rule '
   'set that states it (with its clause) and try again.')),
 ('rule_set_in_force([NATIONAL_2020, NATIONAL_2023, NATIONAL_2026], date(2026, 3, 31)).code', ('ok', "'CN-2023'")),
 ('rule_set_in_force([NATIONAL_2026, NATIONAL_2023, NATIONAL_2020], date(2026, 4, 1)).code', ('ok', "'CN-2026-04'")),
 ('rule_set_in_force([NATIONAL_2020], date(2020, 12, 7)).code', ('ok', "'CN-2020-12'")),
 ('rule_set_in_force([NATIONAL_2026, RuleSet("CN-2026-05", date(2026, 4, 1), "另一规定")], date(2026, 5, 1)).code',
  ('ok', "'CN-2026-05'")),
 ('rule_set_in_force([RuleSet("CN-2026-05", date(2026, 4, 1), "另一规定"), NATIONAL_2026], date(2026, 5, 1)).code',
  ('ok', "'CN-2026-05'")),
 ('rule_set_in_force([NATIONAL_2026], date(2026, 3, 31))',
  ('refused',
   'R20_NO_RULE_SET',
   'rule_set',
   None,
   '2026-03-31没有生效的规则集，无法确定时限和公示期限。',
   'No rule set was in force on 2026-03-31, so no time limit can be set.')),
 ('rule_set_in_force([], date(2026, 3, 31))',
  ('refused',
   'R20_NO_RULE_SET',
   'rule_set',
   None,
   '2026-03-31没有生效的规则集，无法确定时限和公示期限。',
   'No rule set was in force on 2026-03-31, so no time limit can be set.')),
 ('add_months(date(2024, 1, 31), 1)', ('ok', 'datetime.date(2024, 2, 29)')),
 ('add_months(date(2023, 1, 31), 1)', ('ok', 'datetime.date(2023, 2, 28)')),
 ('add_months(date(2024, 2, 29), 12)', ('ok', 'datetime.date(2025, 2, 28)')),
 ('add_months(date(2026, 12, 15), 1)', ('ok', 'datetime.date(2027, 1, 15)')),
 ('add_months(date(2026, 11, 30), 3)', ('ok', 'datetime.date(2027, 2, 28)')),
 ('add_months(date(2026, 5, 31), 0)', ('ok', 'datetime.date(2026, 5, 31)')),
 ('add_months(date(2026, 1, 31), -2)', ('ok', 'datetime.date(2025, 11, 30)')),
 ('publication_window(NATIONAL_2026, "general", date(2026, 5, 31))',
  ('ok', 'PublicationWindow(earliest_repair=datetime.date(2026, 9, 1), publication_end=datetime.date(2027, 5, 31))')),
 ('publication_window(NATIONAL_2026, Tier.SERIOUS, date(2024, 2, 29))',
  ('ok', 'PublicationWindow(earliest_repair=datetime.date(2025, 3, 1), publication_end=datetime.date(2027, 2, 28))')),
 ('publication_window(NATIONAL_2026, "slight", date(2026, 11, 30))',
  ('ok',
   'PublicationWindow(earliest_repair=datetime.date(2026, 12, 1), publication_end=datetime.date(2027, 2, 28))')),
 ('publication_window(NATIONAL_2023, "slight", date(2024, 1, 1))',
  ('refused',
   'R20_VALUE_UNKNOWN',
   'rule_set',
   None,
   '本案适用规则集「CN-2023」（国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》），该规则集未载明「轻微」失信信息的公示期限；软件不使用推定或借用的数字。请由市平台下发载明该数值（附条款）的规则集，或由管理员按原文补录后再办理。',
   'This case falls under rule set CN-2023, which does not state the publication periods of the slight tier; no '
   'number is invented. Load a rule set that states it (with its clause) and try again.')),
 ('[(t.value, t.zh) for t in Tier]', ('ok', "[('slight', '轻微'), ('general', '一般'), ('serious', '严重')]")),
 ('(TierPeriod(None, None, None).known, TierPeriod(0, 3, None).known, TierPeriod(0, None, True).known, TierPeriod(0, '
  '3, False).known)',
  ('ok', '(False, False, False, True)'))]


def _outcome(expr):
    try:
        value = eval(expr, globals())  # the call as written in the table
    except _DomainError as e:
        return ("refused", e.code, e.field, e.row, e.zh, e.en)
    return ("ok", repr(value))


@pytest.mark.parametrize("call, expected", TABLE, ids=[f"{i}" for i in range(len(TABLE))])
def test_r20_rule_set_table(call, expected):
    assert _outcome(call) == expected
