"""R16 clean-up ledger (发改办财金〔2021〕15号 附件1/附件2) as a table of calls and their exact outcomes: the value, or
the refusal's code, field (the template's header, written out here), row and both sentences (issue 23)."""

import datetime

import pytest

from credit_desk.domain.cleanup import (
    CleanupRow, RowStatus, check_row, check_text, completion_note, header_key, is_overdue, needs_stop, parse_contact,
    parse_row, read_completion,
)
from tests.unit.table_kit import outcome

GOOD = [1, "《清江浦区垃圾分类管理办法》（清政规〔2020〕3号）", "是", "是", "否", "摘要", "否", "否", "无", "修订",
        "2021年1月底", "区城管局", "王某，副局长", "0517-83000001"]


def row(**cells):
    """GOOD with some of its 14 cells replaced, by column number (1 = 文件名称 … 13 = 联系电话)."""
    values = list(GOOD)
    for key, value in cells.items():
        values[int(key[1:])] = value
    return values


def entry(national="否", local="否", shares="否", blacklist="否", measures="否", text="无", disposition="修订",
          status=RowStatus.OPEN):
    return CleanupRow("某办法", shares, blacklist, measures, "摘要", national, local, text, disposition, "2021年1月底",
                      "区城管局", "王某", "0517-83000001", status)


# (call, outcome): ("ok", repr of the value), ("refused", code, field, row, Chinese sentence, English sentence)
# or ("raised", exception type, message) for a programming-level ValueError/TypeError/KeyError
TABLE = [('parse_row(GOOD, 4)',
  ('ok',
   "CleanupRow(name='《清江浦区垃圾分类管理办法》（清政规〔2020〕3号）', shares_info='是', blacklist='是', measures='否', summary='摘要', "
   "national_basis='否', local_basis='否', basis_text='无', disposition='修订', completion='2021年1月底', unit='区城管局', "
   "person='王某，副局长', phone='0517-83000001', status=<RowStatus.OPEN: 'open'>)")),
 ('parse_row(row(c2=" 是 ", c3="ｏ", c6="否"), 5)',
  ('refused',
   'R16_CELL_INVALID',
   '是否涉“黑名单”认定',
   5,
   '第 5 行「是否涉“黑名单”认定」列：应填“是”或“否”，实为“o”。',
   "Row 5, column '是否涉“黑名单”认定': must be 是 or 否.")),
 ('parse_row(row(c2="是 ", c3="否\u3000"), 5).blacklist', ('ok', "'否'")),
 ('parse_row(row(c1=" "), 4)',
  ('refused',
   'R16_CELL_INVALID',
   '规章、规范性文件或其他文件名称(含文号)',
   4,
   '第 4 行「规章、规范性文件或其他文件名称(含文号)」列：文件名称不能为空。',
   "Row 4, column '规章、规范性文件或其他文件名称(含文号)': the document name is required.")),
 ('parse_row(row(c2="对"), 4)',
  ('refused',
   'R16_CELL_INVALID',
   '是否涉及信用信息共享公开',
   4,
   '第 4 行「是否涉及信用信息共享公开」列：应填“是”或“否”，实为“对”。',
   "Row 4, column '是否涉及信用信息共享公开': must be 是 or 否.")),
 ('parse_row(row(c3=""), 4)',
  ('refused',
   'R16_CELL_INVALID',
   '是否涉“黑名单”认定',
   4,
   '第 4 行「是否涉“黑名单”认定」列：应填“是”或“否”，实为“”。',
   "Row 4, column '是否涉“黑名单”认定': must be 是 or 否.")),
 ('parse_row(row(c4="Y"), 4)',
  ('refused',
   'R16_CELL_INVALID',
   '是否涉及失信惩戒措施',
   4,
   '第 4 行「是否涉及失信惩戒措施」列：应填“是”或“否”，实为“Y”。',
   "Row 4, column '是否涉及失信惩戒措施': must be 是 or 否.")),
 ('parse_row(row(c6="有"), 4)',
  ('refused',
   'R16_CELL_INVALID',
   '是否有国家层面依据',
   4,
   '第 4 行「是否有国家层面依据」列：应填“是”或“否”，实为“有”。',
   "Row 4, column '是否有国家层面依据': must be 是 or 否.")),
 ('parse_row(row(c7="无"), 4)',
  ('refused',
   'R16_CELL_INVALID',
   '是否有地方性法规依据',
   4,
   '第 4 行「是否有地方性法规依据」列：应填“是”或“否”，实为“无”。',
   "Row 4, column '是否有地方性法规依据': must be 是 or 否.")),
 ('parse_row(row(c9="取消"), 4)',
  ('refused',
   'R16_CELL_INVALID',
   '处置方式',
   4,
   '第 4 行「处置方式」列：应为“保留/修订/立法/废止”之一，实为“取消”。',
   "Row 4, column '处置方式': must be one of 保留/修订/立法/废止.")),
 ('parse_row(row(c10="明年"), 4)',
  ('refused',
   'R16_CELL_INVALID',
   '完成时间',
   4,
   '第 4 行「完成时间」列：“明年”不是可识别的日期（如 2021-03-15、2021/3/15、2021.12、2021年6月底前、2021年底前）。',
   "Row 4, column '完成时间': not a recognisable date.")),
 ('parse_row(row(c10=2021.1), 4)',
  ('refused',
   'R16_CELL_INVALID',
   '完成时间',
   4,
   '第 4 行「完成时间」列：“2021.1”是数字格式，无法区分1月还是10月（2021.10 会被存成 2021.1），请改为文本或写成 2021年10月底。',
   "Row 4, column '完成时间': a number: 2021.1 may be October typed as 2021.10; enter it as text.")),
 ('parse_row(row(c10=2021.12), 4).completion', ('ok', "'2021.12'")),
 ('parse_row(row(c10=datetime.datetime(2021, 3, 15, 0, 0)), 4).completion', ('ok', "'2021-03-15'")),
 ('parse_row(row(c11=""), 4)',
  ('refused', 'R16_CELL_INVALID', '责任单位', 4, '第 4 行「责任单位」列：不能为空。', "Row 4, column '责任单位': is required.")),
 ('parse_row(row(c12=None), 4)',
  ('refused', 'R16_CELL_INVALID', '责任人姓名及职务', 4, '第 4 行「责任人姓名及职务」列：不能为空。', "Row 4, column '责任人姓名及职务': is required.")),
 ('parse_row(row(c13=" "), 4)',
  ('refused', 'R16_CELL_INVALID', '电话', 4, '第 4 行「电话」列：不能为空。', "Row 4, column '电话': is required.")),
 ('parse_row(GOOD[:11], 7)',
  ('refused',
   'R16_CELL_INVALID',
   '责任单位',
   7,
   '第 7 行「责任单位」列：不能为空。；第 7 行「责任人姓名及职务」列：不能为空。；第 7 行「电话」列：不能为空。',
   "Row 7, column '责任单位': is required.; Row 7, column '责任人姓名及职务': is required.; Row 7, column '电话': is required.")),
 ('parse_row(GOOD[:14] + ["多余"], 4).phone', ('ok', "'0517-83000001'")),
 ('parse_row([1, "", "对", "是", "否", "", "否", "否", "", "取消", "明年", "", "", ""], 9)',
  ('refused',
   'R16_CELL_INVALID',
   '规章、规范性文件或其他文件名称(含文号)',
   9,
   '第 9 行「规章、规范性文件或其他文件名称(含文号)」列：文件名称不能为空。；第 9 行「是否涉及信用信息共享公开」列：应填“是”或“否”，实为“对”。；第 9 '
   '行「处置方式」列：应为“保留/修订/立法/废止”之一，实为“取消”。；第 9 行「完成时间」列：“明年”不是可识别的日期（如 '
   '2021-03-15、2021/3/15、2021.12、2021年6月底前、2021年底前）。；第 9 行「责任单位」列：不能为空。；第 9 行「责任人姓名及职务」列：不能为空。；第 9 行「电话」列：不能为空。',
   "Row 9, column '规章、规范性文件或其他文件名称(含文号)': the document name is required.; Row 9, column '是否涉及信用信息共享公开': must be 是 or "
   "否.; Row 9, column '处置方式': must be one of 保留/修订/立法/废止.; Row 9, column '完成时间': not a recognisable date.; Row 9, "
   "column '责任单位': is required.; Row 9, column '责任人姓名及职务': is required.; Row 9, column '电话': is required.")),
 ('parse_row([1, "", "对", "是", "否", "", "否", "否", "", "取消", "明年", "", "", ""], 9).problems[2].field',
  ('refused',
   'R16_CELL_INVALID',
   '规章、规范性文件或其他文件名称(含文号)',
   9,
   '第 9 行「规章、规范性文件或其他文件名称(含文号)」列：文件名称不能为空。；第 9 行「是否涉及信用信息共享公开」列：应填“是”或“否”，实为“对”。；第 9 '
   '行「处置方式」列：应为“保留/修订/立法/废止”之一，实为“取消”。；第 9 行「完成时间」列：“明年”不是可识别的日期（如 '
   '2021-03-15、2021/3/15、2021.12、2021年6月底前、2021年底前）。；第 9 行「责任单位」列：不能为空。；第 9 行「责任人姓名及职务」列：不能为空。；第 9 行「电话」列：不能为空。',
   "Row 9, column '规章、规范性文件或其他文件名称(含文号)': the document name is required.; Row 9, column '是否涉及信用信息共享公开': must be 是 or "
   "否.; Row 9, column '处置方式': must be one of 保留/修订/立法/废止.; Row 9, column '完成时间': not a recognisable date.; Row 9, "
   "column '责任单位': is required.; Row 9, column '责任人姓名及职务': is required.; Row 9, column '电话': is required.")),
 ('read_completion("2021-03-15")', ('ok', "(datetime.date(2021, 3, 15), '日期')")),
 ('read_completion("2021/3/15前")', ('ok', "(datetime.date(2021, 3, 15), '日期')")),
 ('read_completion("２０２１．３．１５ 以前")', ('ok', "(datetime.date(2021, 3, 15), '日期')")),
 ('read_completion("20210315")', ('ok', "(datetime.date(2021, 3, 15), '日期')")),
 ('read_completion("2021年3月15日之前")', ('ok', "(datetime.date(2021, 3, 15), '日期')")),
 ('read_completion("2021.12")', ('ok', "(datetime.date(2021, 12, 31), '月末')")),
 ('read_completion("2021-2底")', ('ok', "(datetime.date(2021, 2, 28), '月末')")),
 ('read_completion("2024年2月底前")', ('ok', "(datetime.date(2024, 2, 29), '月末')")),
 ('read_completion("2021年6月份")', ('ok', "(datetime.date(2021, 6, 30), '月末')")),
 ('read_completion("2021上半年")', ('ok', "(datetime.date(2021, 6, 30), '上半年末')")),
 ('read_completion("2021年下半年末")', ('ok', "(datetime.date(2021, 12, 31), '年末')")),
 ('read_completion("2021年底前")', ('ok', "(datetime.date(2021, 12, 31), '年末')")),
 ('read_completion("2021年")', ('ok', "(datetime.date(2021, 12, 31), '年末')")),
 ('read_completion("2021年度")', ('ok', "(datetime.date(2021, 12, 31), '年末')")),
 ('read_completion("2021-02-30")', ('raised', 'ValueError', '2021-02-30')),
 ('read_completion("")', ('raised', 'ValueError', '')),
 ('read_completion(None)', ('raised', 'ValueError', 'None')),
 ('read_completion("2021年13月")', ('raised', 'ValueError', '2021年13月')),
 ('completion_note(4, "2021-03-15")', ('ok', 'None')),
 ('completion_note(4, "2021/3/15")',
  ('ok',
   "{'row': 4, 'text': '2021/3/15', 'date': '2021-03-15', 'how': '日期', 'zh': '第 4 行完成时间「2021/3/15」按2021-03-15读取。', "
   '\'en\': "Row 4: completion time \'2021/3/15\' read as 2021-03-15."}')),
 ('completion_note(4, "2021.12")',
  ('ok',
   "{'row': 4, 'text': '2021.12', 'date': '2021-12-31', 'how': '月末', 'zh': '第 4 行完成时间「2021.12」按2021-12-31读取（月末）。', "
   '\'en\': "Row 4: completion time \'2021.12\' read as 2021-12-31 (end of the month)."}')),
 ('completion_note(4, "2021年底前")',
  ('ok',
   "{'row': 4, 'text': '2021年底前', 'date': '2021-12-31', 'how': '年末', 'zh': '第 4 行完成时间「2021年底前」按2021-12-31读取（年末）。', "
   '\'en\': "Row 4: completion time \'2021年底前\' read as 2021-12-31 (end of the year)."}')),
 ('completion_note(4, "2021年上半年")',
  ('ok',
   "{'row': 4, 'text': '2021年上半年', 'date': '2021-06-30', 'how': '上半年末', 'zh': '第 4 "
   '行完成时间「2021年上半年」按2021-06-30读取（上半年末）。\', \'en\': "Row 4: completion time \'2021年上半年\' read as 2021-06-30 (end of '
   'the half-year)."}')),
 ('header_key(" 是否涉及“黑名单”\\n认定 ")', ('ok', "'是否涉及黑名单认定'")),
 ('header_key("（是否）「黑名单」\\u3000认定")', ('ok', "'(是否)黑名单认定'")),
 ('header_key(None)', ('ok', "''")),
 ('header_key(12)', ('ok', "'12'")),
 ('check_row(entry())', ('ok', '[]')),
 ('check_text(entry())', ('ok', "'未发现问题'")),
 ('check_row(entry(shares="是", blacklist="是", measures="是", disposition="保留"))',
  ('ok',
   "[Finding(code='R16_SHARING_NO_BASIS', zh='涉及信用信息纳入、共享公开，但既无国家层面依据也无地方性法规依据', basis='国办发〔2020〕49号 "
   "二（一）；发改办财金〔2021〕15号 一（一）'), Finding(code='R16_LIST_NO_BASIS', zh='涉及“黑名单”认定，但既无国家层面依据也无地方性法规依据', "
   "basis='国办发〔2020〕49号 四（七）；发改办财金〔2021〕15号 一（二）'), Finding(code='R16_MEASURE_NO_BASIS', "
   "zh='涉及失信惩戒措施，但既无国家层面依据也无地方性法规依据，应先停止执行', basis='国办发〔2020〕49号 五（九）；发改办财金〔2021〕15号 一（三）'), "
   "Finding(code='R16_KEEP_NOT_COMPLIANT', zh='处置方式填“保留”，但本行不完全符合《指导意见》要求，应填“修订”“立法”或“废止”', basis='发改办财金〔2021〕15号 "
   "附件1 注3')]")),
 ('check_text(entry(shares="是", blacklist="是", measures="是", disposition="保留"))',
  ('ok',
   "'涉及信用信息纳入、共享公开，但既无国家层面依据也无地方性法规依据（国办发〔2020〕49号 二（一）；发改办财金〔2021〕15号 "
   '一（一））；涉及“黑名单”认定，但既无国家层面依据也无地方性法规依据（国办发〔2020〕49号 四（七）；发改办财金〔2021〕15号 '
   '一（二））；涉及失信惩戒措施，但既无国家层面依据也无地方性法规依据，应先停止执行（国办发〔2020〕49号 五（九）；发改办财金〔2021〕15号 '
   "一（三））；处置方式填“保留”，但本行不完全符合《指导意见》要求，应填“修订”“立法”或“废止”（发改办财金〔2021〕15号 附件1 注3）'")),
 ('check_row(entry(national="是", shares="是", blacklist="是", measures="是", text=" / "))',
  ('ok', "[Finding(code='R16_BASIS_TEXT_MISSING', zh='填写了有依据，但未写明依据的具体条款及表述', basis='发改办财金〔2021〕15号 附件1 注2')]")),
 ('check_row(entry(local="是", text="-", disposition="保留"))',
  ('ok',
   "[Finding(code='R16_BASIS_TEXT_MISSING', zh='填写了有依据，但未写明依据的具体条款及表述', basis='发改办财金〔2021〕15号 附件1 注2'), "
   "Finding(code='R16_KEEP_NOT_COMPLIANT', zh='处置方式填“保留”，但本行不完全符合《指导意见》要求，应填“修订”“立法”或“废止”', basis='发改办财金〔2021〕15号 "
   "附件1 注3')]")),
 ('check_row(entry(local="是", text="《某条例》第九条", shares="是", disposition="保留"))', ('ok', '[]')),
 ('[check_row(entry(national="是", text=t)) != [] for t in ("", "无", "/", "-", "第九条")]',
  ('ok', '[True, True, True, True, False]')),
 ('[needs_stop(entry(measures=m, national=n, local=l)) for m, n, l in (("是", "否", "否"), ("是", "是", "否"), ("是", "否", '
  '"是"), ("否", "否", "否"))]',
  ('ok', '[True, False, False, False]')),
 ('[is_overdue(entry(status=s), d) for s, d in ((RowStatus.OPEN, datetime.date(2021, 1, 31)), (RowStatus.OPEN, '
  'datetime.date(2021, 2, 1)), (RowStatus.DONE, datetime.date(2021, 2, 1)), (RowStatus.STOPPED, datetime.date(2022, '
  '1, 1)))]',
  ('ok', '[False, True, False, False]')),
 ('parse_contact([1, " 王某 ", "区发改委", "科长", "0517-1", "139", "a@b.cn"], 3)',
  ('ok', "Contact(name='王某', unit='区发改委', title='科长', office_phone='0517-1', mobile='139', email='a@b.cn')")),
 ('parse_contact([1, "王某", "区发改委"], 3)',
  ('ok', "Contact(name='王某', unit='区发改委', title='', office_phone='', mobile='', email='')")),
 ('parse_contact([1, "", "区发改委", "", "", "", ""], 3)',
  ('refused', 'R16_CELL_INVALID', '姓名', 3, '第 3 行「姓名」列不能为空。', "Row 3, column '姓名' is required.")),
 ('parse_contact([1, "王某", None], 3)',
  ('refused', 'R16_CELL_INVALID', '单位', 3, '第 3 行「单位」列不能为空。', "Row 3, column '单位' is required.")),
 ('parse_contact([1], 6)',
  ('refused',
   'R16_CELL_INVALID',
   '姓名',
   6,
   '第 6 行「姓名」列不能为空。；第 6 行「单位」列不能为空。',
   "Row 6, column '姓名' is required.; Row 6, column '单位' is required.")),
 ('parse_contact([1, "王某", "区发改委", "科长", "0517-1", "139", "a@b.cn", "多余"], 3).email', ('ok', "'a@b.cn'"))]


def _outcome(expr):
    return outcome(expr, globals())


@pytest.mark.parametrize("call, expected", TABLE, ids=[f"{i}" for i in range(len(TABLE))])
def test_r16_cleanup_table(call, expected):
    assert _outcome(call) == expected
