"""R16: the clean-up ledger in the national 14-column template — import, check, export, round trip."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess

import pytest
from openpyxl import Workbook, load_workbook

from credit_desk.domain.cleanup import NOTES
from tests.conftest import with_business_accounts

@pytest.fixture
def office(office, secret_files):
    """This module's work is business (R14 separation of duties): the clerk acts by default; administrator's
    acts (keys, accounts) and reading the audit log (the auditor) name their account."""
    return with_business_accounts(office, secret_files)

# Written out from the seed, never imported from the product (issue 23): 发改办财金〔2021〕15号 附件1
# 失信约束措施台账样式 (shared/seeds/003_00632503f87eb954.txt, the national template; DOMAIN.md R16) ...
HEADERS = ("序号", "规章、规范性文件或其他文件名称(含文号)", "是否涉及信用信息共享公开", "是否涉“黑名单”认定",
           "是否涉及失信惩戒措施", "相关内容摘要", "是否有国家层面依据", "是否有地方性法规依据", "依据的具体内容",
           "处置方式", "完成时间", "责任单位", "责任人姓名及职务", "电话")
# ... and its 附件2 清理规范工作联系人反馈表.
CONTACT_HEADERS = ("序号", "姓名", "单位", "职务", "办公电话", "手机号码", "电子邮箱")

ROWS = [
    (1, "《清江浦区垃圾分类管理办法》（清政规〔2020〕3号）", "是", "是", "否", "将违反本办法受到行政处罚的行为信息记入信用记录",
     "否", "否", "无", "修订", "2021年1月底", "区城管局", "王某，副局长", "0517-83000001"),
    (2, "《清江浦区交通运输局关于加强信用管理的通知》（清交发〔2020〕12号）", "是", "是", "是",
     "将行人闯红灯的行为信息记入个人信用记录，禁止驾驶机动车", "否", "否", "无", "废止", "2030年底", "区交通运输局",
     "李某，局长", "0517-83000002"),
    (3, "《清江浦区政府采购信用管理办法》（清财规〔2019〕1号）", "是", "否", "是", "限制严重失信主体参加政府采购活动",
     "是", "否", "《中华人民共和国政府采购法》第二十二条", "保留", "2030年6月30日", "区财政局", "赵某，局长",
     "0517-83000003"),
]


@pytest.fixture(autouse=True)
def _desk_clock(pinned_clock):
    """Completion dates below (2021年1月底 overdue, 2030年底 not yet) are judged against TEST_NOW, not the
    machine's clock (issue 23: they turned red by themselves from 2030-07-01)."""
    return pinned_clock


def _template(path, rows=ROWS, example=True, headers=HEADERS):
    wb = Workbook()
    ws = wb.active
    ws.append(["失信约束措施台账样式"])
    ws.append(list(headers))
    if example:
        ws.append(["示例", "《XX市垃圾分类管理条例》(文号)", "是", "是", "否", "示例", "否", "否", "无", "修订", "2021年底",
                   "XX生态环境局", "XXX", "办公电话"])
    for r in rows:
        ws.append(list(r))
    ws.append([])
    for n in NOTES:
        ws.append([n])
    wb.save(path)
    return path


def _cells(path):
    ws = load_workbook(path).worksheets[0]
    return [[c.value for c in row] for row in ws.iter_rows(min_row=3)]


def _changes(office):
    code, out, _ = office("--json", "audit", "log", "--limit", "200", user="audit1")
    return json.loads(out)


def test_r16_import_check_flags_stop_and_overdue(office, tmp_path):
    code, out, err = office("--json", "ledger", "import", str(_template(tmp_path / "in.xlsx")))
    assert code == 0, err
    assert json.loads(out)["added"] == 3 and json.loads(out)["skipped_example_rows"] == [3]
    code, out, _ = office("--json", "ledger", "check")
    flags = {(f["id"], f["flag"]) for f in json.loads(out)}
    # row 1: a 黑名单 without basis, completion passed; row 2: a list and a measure without any basis -> stop;
    # row 3 fine
    assert flags == {(1, "overdue"), (1, "check"), (2, "check"), (2, "stop")}
    office("ledger", "status", "2", "stopped")
    code, out, _ = office("--json", "ledger", "check")
    assert {(f["id"], f["flag"]) for f in json.loads(out)} == {(1, "overdue"), (1, "check"), (2, "check")}


def test_r16_export_has_the_national_headers_and_opens_in_libreoffice(office, tmp_path):
    office("ledger", "import", str(_template(tmp_path / "in.xlsx")))
    out_file = tmp_path / "台账.xlsx"
    code, _, err = office("ledger", "export", str(out_file))
    assert code == 0, err
    ws = load_workbook(out_file).worksheets[0]
    assert ws.cell(row=1, column=1).value == "失信约束措施台账"
    assert tuple(c.value for c in ws[3])[:14] == HEADERS
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    lo = shutil.which("libreoffice") or shutil.which("soffice")
    assert lo, "libreoffice is installed by scripts/setup.sh --test"
    subprocess.run([lo, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                    str(tmp_path / "lo"), str(out_file)], check=True, capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    with open(tmp_path / "lo" / "台账.csv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[2][:14]) == HEADERS
    assert rows[3][1] == ROWS[0][1]


def test_r16_round_trip_export_import_export_gives_the_same_cells(office, tmp_path):
    office("ledger", "import", str(_template(tmp_path / "in.xlsx")))
    office("ledger", "export", str(tmp_path / "a.xlsx"))
    before = len(_changes(office))
    code, out, _ = office("--json", "ledger", "import", str(tmp_path / "a.xlsx"))
    assert json.loads(out)["unchanged"] == 3 and json.loads(out)["added"] == 0
    office("ledger", "export", str(tmp_path / "b.xlsx"))
    assert _cells(tmp_path / "a.xlsx") == _cells(tmp_path / "b.xlsx")
    log = _changes(office)[: len(_changes(office)) - before]
    assert not any(r["action"] == "ledger.status" for r in log)


def test_r16_reimport_of_the_same_file_changes_nothing(office, data_dir, tmp_path):
    from credit_desk.services import ledgers
    src = _template(tmp_path / "in.xlsx")
    office("ledger", "import", str(src))
    desk = ledgers.unlock(data_dir, read_only=True)
    n_changes = desk.ledger.query("SELECT count(*) AS n FROM changes")[0]["n"]
    rows = desk.ledger.query("SELECT * FROM cleanup_rows ORDER BY id")
    desk.close()
    office("ledger", "import", str(src))
    desk = ledgers.unlock(data_dir, read_only=True)
    assert desk.ledger.query("SELECT count(*) AS n FROM changes")[0]["n"] == n_changes
    assert desk.ledger.query("SELECT * FROM cleanup_rows ORDER BY id") == rows
    desk.close()


def test_r16_one_bad_cell_refuses_the_whole_file_and_names_it(office, data_dir, tmp_path):
    bad = [list(r) for r in ROWS]
    bad[1][9] = "暂缓"          # 处置方式 outside 保留/修订/立法/废止
    code, out, _ = office("--json", "ledger", "import", str(_template(tmp_path / "bad.xlsx", bad)))
    assert code == 1
    data = json.loads(out)
    assert data["row"] == 5 and data["field"] == "处置方式" and "第 5 行「处置方式」列" in data["message"]
    code, out, _ = office("--json", "ledger", "export", str(tmp_path / "empty.xlsx"))
    assert json.loads(out)["rows"] == 0


def test_r16_every_bad_cell_is_listed(office, tmp_path):
    bad = [list(r) for r in ROWS]
    bad[0][2] = "有"
    bad[2][10] = "明年"
    code, _, err = office("ledger", "import", str(_template(tmp_path / "bad.xlsx", bad)))
    assert code == 1
    assert "共 2 处错误" in err and "第 4 行「是否涉及信用信息共享公开」列" in err and "第 6 行「完成时间」列" in err


def test_formula_cells_are_refused(office, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[0][5] = '=HYPERLINK("http://example.invalid","x")'
    code, _, err = office("ledger", "import", str(_template(tmp_path / "f.xlsx", rows)))
    assert code == 1 and "F4" in err and "公式" in err


def test_wrong_header_is_refused(office, tmp_path):
    wb = Workbook()
    wb.active.append(["序号", "名称", "是否公开"])
    wb.save(tmp_path / "x.xlsx")
    code, _, err = office("ledger", "import", str(tmp_path / "x.xlsx"))
    assert code == 1 and "表头" in err


def test_r16_the_national_headers_have_fourteen_and_seven_columns_word_for_word(office, tmp_path):
    assert len(HEADERS) == 14 and len(CONTACT_HEADERS) == 7 and len(set(HEADERS)) == 14
    # an export with nothing in it still carries both national header rows, exactly as the seed spells them
    code, _, err = office("ledger", "export", str(tmp_path / "empty.xlsx"))
    assert code == 0, err
    # (a 15th column after them carries the office's own check, issue 16)
    assert tuple(c.value for c in load_workbook(tmp_path / "empty.xlsx").worksheets[0][3])[:14] == HEADERS
    code, _, err = office("contacts", "export", str(tmp_path / "contacts.xlsx"))
    assert code == 0, err
    assert tuple(c.value for c in load_workbook(tmp_path / "contacts.xlsx").worksheets[0][2]) == CONTACT_HEADERS
    # a workbook with one header misspelt (a word of 附件1 dropped) is refused, naming the header row
    wrong = list(HEADERS)
    wrong[6] = "是否有国家依据"
    code, _, err = office("ledger", "import", str(_template(tmp_path / "wrong.xlsx", headers=wrong)))
    assert code == 1 and "表头" in err


def test_not_an_xlsx_is_one_sentence(office, tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really")
    code, _, err = office("ledger", "import", str(tmp_path / "x.xlsx"))
    assert code == 1 and "不是有效的 Excel" in err and "Traceback" not in err


def test_r16_contacts_form_round_trip(office, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["清理规范工作联系人反馈表"])
    ws.append(list(CONTACT_HEADERS))
    ws.append([1, "周某", "清江浦区发展改革委", "科长", "0517-83000010", "13800000000", "zhou@example.invalid"])
    wb.save(tmp_path / "c.xlsx")
    code, out, err = office("--json", "contacts", "import", str(tmp_path / "c.xlsx"))
    assert code == 0 and json.loads(out)["rows"] == 1, err
    office("contacts", "export", str(tmp_path / "c2.xlsx"))
    ws2 = load_workbook(tmp_path / "c2.xlsx").worksheets[0]
    assert tuple(c.value for c in ws2[2]) == CONTACT_HEADERS
    assert ws2.cell(row=3, column=2).value == "周某"
    assert ws2.cell(row=3, column=6).value == "13800000000"  # the form sent back is whole


def test_r15_contacts_list_masks_the_mobile_number(office, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["清理规范工作联系人反馈表"])
    ws.append(list(CONTACT_HEADERS))
    ws.append([1, "周某", "清江浦区发展改革委", "科长", "0517-83000010", "13812345678", "zhou@example.invalid"])
    wb.save(tmp_path / "c.xlsx")
    assert office("contacts", "import", str(tmp_path / "c.xlsx"))[0] == 0
    code, out, err = office("--json", "contacts", "list")
    assert code == 0, err
    assert json.loads(out) == [{"name": "周某", "unit": "清江浦区发展改革委", "title": "科长",
                                "office_phone": "0517-83000010", "mobile": "138****5678",
                                "email": "zhou@example.invalid"}]
    code, human, _ = office("contacts", "list")
    assert "138****5678" in human and "13812345678" not in human


KEEP_ROWS = [
    (1, "《清江浦区文明城市建设信用管理办法》（清政规〔2020〕9号）", "是", "是", "否", "将不文明行为人列入“黑名单”",
     "否", "否", "无", "保留", "2030年底", "区文明办", "周某，主任", "0517-83000011"),
    (2, "《清江浦区招投标信用管理办法》（清发改规〔2020〕2号）", "是", "否", "是", "限制失信主体参加招投标",
     "是", "否", "无", "保留", "2030年底", "区发改委", "吴某，主任", "0517-83000012"),
    (3, "《清江浦区政府采购信用管理办法》（清财规〔2019〕1号）", "是", "否", "是", "限制严重失信主体参加政府采购活动",
     "是", "否", "《中华人民共和国政府采购法》第二十二条", "保留", "2030年6月30日", "区财政局", "赵某，局长",
     "0517-83000003"),
]


def test_r16_list_without_basis_and_keep_on_a_non_compliant_row_are_flagged_and_exported_after_column_14(
        office, tmp_path):
    """R16 (15号 一(二), 附件1 注1–注3): a 黑名单 row without basis is flagged like a measure row; 保留 is only
    for a fully compliant row; each row's check goes in a 15th column, the 14 national ones untouched."""
    code, _, err = office("--json", "ledger", "import", str(_template(tmp_path / "in.xlsx", KEEP_ROWS, False)))
    assert code == 0, err
    code, out, _ = office("--json", "ledger", "check")
    got = {(f["id"], f["code"]) for f in json.loads(out)}
    assert got == {(1, "R16_SHARING_NO_BASIS"), (1, "R16_LIST_NO_BASIS"), (1, "R16_KEEP_NOT_COMPLIANT"),
                   (2, "R16_BASIS_TEXT_MISSING"), (2, "R16_KEEP_NOT_COMPLIANT")}
    assert all(f["basis"] for f in json.loads(out))
    office("ledger", "export", str(tmp_path / "out.xlsx"))
    ws = load_workbook(tmp_path / "out.xlsx").worksheets[0]
    header = [c.value for c in ws[3]]
    assert tuple(header[:14]) == HEADERS and header[14].startswith("核查结果")
    body = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=6)]
    assert [r[1:14] for r in body] == [list(r[1:]) for r in KEEP_ROWS]          # the 14 national columns as given
    assert "涉及“黑名单”认定" in body[0][14] and "注3" in body[0][14] and "49号 四（七）" in body[0][14]
    assert "注2" in body[1][14] and "注3" in body[1][14]
    assert body[2][14] == "未发现问题"
    code, out, _ = office("--json", "ledger", "import", str(tmp_path / "out.xlsx"))   # still imports: 14 columns
    assert code == 0 and json.loads(out)["unchanged"] == 3
