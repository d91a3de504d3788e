"""认定部门 deciding departments (49号 四(八); 1798号 (六); DOMAIN.md "Deciding department").

A listing is decided by a county-level (or higher) department, which issues the prior notice, the decision, the
exit announcement, the apology and the correction in its own name (落款) and under its own 文号 prefix; 谁认定、
谁修复. The credit office coordinates, keeps the ledger and shares; it is not a deciding department here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from credit_desk.domain.cases import DEPT_LEVEL_ZH, DEPT_LEVELS, check_r4_department_level
from credit_desk.domain.errors import DomainError, ValidationError, raise_collected
from credit_desk.domain.ids import IdType, check_uscc_exception, normalize_id


@dataclass(frozen=True)
class Department:
    id: int | None
    name: str
    uscc: str
    level: str
    domain: str
    prefix: str
    active: bool = True

    @property
    def level_zh(self) -> str:
        return DEPT_LEVEL_ZH.get(self.level, self.level)


def _text(value, field: str, zh: str, en: str, most: int) -> str:
    text = (value or "").strip()
    if not text or len(text) > most:
        raise ValidationError("DEPT_FIELD", f"{zh}不能为空，且不超过{most}字。", f"{en} is required (at most {most} "
                              "characters).", field=field)
    return text


def new_department(name: str, uscc: str, level: str, domain: str, prefix: str) -> Department:
    """Validate a department field by field: name, a valid 统一社会信用代码 (GB 32100), a level, the field of
    administration and a 文号 prefix (1–8 characters, no 〔〕, 号, spaces or |). Every bad field is reported at once
    (issue 17 item 10; one ValidationError, or FieldErrors for several)."""
    errors: list[ValidationError] = []

    def checked(check, *args):
        try:
            return check(*args)
        except ValidationError as exc:
            errors.append(exc)
            return None
    name_ = checked(_text, name, "name", "部门名称", "The department's name", 60)
    code = checked(_department_code, uscc)
    if level not in DEPT_LEVELS:
        errors.append(ValidationError(
            "DEPT_LEVEL", "部门层级应为 " + "、".join(f"{lv}（{DEPT_LEVEL_ZH[lv]}）" for lv in DEPT_LEVELS) + " 之一。",
            "The level must be one of " + ", ".join(DEPT_LEVELS) + ".", field="level"))
    domain_ = checked(_text, domain, "domain", "所属领域", "The field of administration", 30)
    head = checked(_prefix, prefix)
    raise_collected(errors)
    return Department(None, name_, code, level, domain_, head)


def _department_code(uscc: str) -> str:
    if not (uscc or "").strip():  # not 「证件号码「」不是有效的…：号码为空」 on an empty box
        raise ValidationError("DEPT_FIELD", "部门统一社会信用代码不能为空。", "The department's unified social credit "
                              "code is required.", field="uscc")
    try:
        return normalize_id(IdType.USCC, uscc or "")
    except ValidationError as exc:
        _refuse_check_character_only(uscc)
        raise ValidationError(exc.code, f"部门统一社会信用代码：{exc.zh}", f"Department's code: {exc.en}",
                              field="uscc") from None


def _prefix(prefix: str) -> str:
    head = _text(prefix, "prefix", "文号前缀", "The 文号 prefix", 8)
    if any(c in head for c in "〔〕|[]号 "):
        raise ValidationError("DEPT_PREFIX", "文号前缀不能含〔〕、“号”、空格或“|”。",
                              "The prefix cannot contain 〔〕, 号, spaces or '|'.", field="prefix")
    return head


def _refuse_check_character_only(uscc: str) -> None:
    """Issue 15 / R4 (deciding department): a department's code that fails ONLY its check character is not
    registered through the subjects' exception route (justification + second person): the department signs its
    documents (落款) and is reported to the platform under this code, and a 机关's code is assigned by the
    机构编制部门, which can correct it. The refusal says so and what to do; other faults fall through."""
    try:
        code = check_uscc_exception(uscc or "")
    except ValidationError:
        return
    raise ValidationError(
        "DEPT_USCC_CHECK",
        f"部门统一社会信用代码「{code}」仅校验位（第18位）不符，不能登记为认定部门：部门以此代码在文书上落款并向平台报送，"
        "不适用信用主体的例外登记。请核对该部门《统一社会信用代码证书》原件：录入有误的，改正后重新登记；"
        "证书上的代码确实如此的，请该部门向赋码的机构编制部门申请更正，取得更正后的代码再登记。",
        f"The department's code {code} fails only its check character (position 18) and cannot be registered: a "
        "deciding department signs its documents and is reported to the platform under this code, so the subjects' "
        "exception route does not apply. Check the department's code certificate: correct a typing error and "
        "register again; if the certificate shows this code, the department asks the organisation-establishment "
        "office that assigned it for a corrected code and registers with that.", field="uscc")


def check_r4_may_decide(dept: Department) -> None:
    """R4 / 1798号 (六): whatever the list (black, watch or red), the deciding department is county level or above;
    a township (乡镇、街道) may not decide any listing."""
    check_r4_department_level(dept.level)


# Who belongs to which department is set by the administrator in 账户管理 (issue 17 items 5 and 6): a head who is
# the department's own staff but was never assigned to it learns where that is done.
ASSIGN_HINT_ZH = "用户属于哪个认定部门，由管理员在“账户管理”中设定。"
ASSIGN_HINT_EN = "An administrator sets which department a user belongs to, in Accounts."


def check_r4_decider_of_department(dept: Department, decider: Department | None) -> None:
    """R4 / 49号 四(八) 谁认定、谁负责: a listing decision (to list or not to list) is the deciding department's own
    act, made by its staff — a reviewer or head of another department, or of none (the credit office), cannot
    decide or sign it in its place. ``dept``: the case's registered department; ``decider``: the department the
    deciding user belongs to (None: none). Raises DomainError ``R4_DECIDER_DEPARTMENT``."""
    if decider is not None and decider.id == dept.id:  # R4: only the case's own department decides
        return
    who_zh = f"「{decider.name}」的人员" if decider is not None else "不属于任何认定部门的人员（如信用办）"
    who_en = f"staff of {decider.name}" if decider is not None else "a user of no department (e.g. the credit office)"
    raise DomainError("R4_DECIDER_DEPARTMENT",
                      f"谁认定、谁负责：本案由「{dept.name}」认定，认定决定须由「{dept.name}」的人员作出并签发，"
                      f"{who_zh}不能代为决定。请由「{dept.name}」的审核人或负责人办理。{ASSIGN_HINT_ZH}",
                      f"Whoever decides is responsible: this case is decided by {dept.name}; only its staff may "
                      f"decide and sign the decision, {who_en} may not decide in its place. Ask a reviewer or head "
                      f"of {dept.name}. {ASSIGN_HINT_EN}", field="decided_by",
                      cli=f"user assign 用户名 --department {dept.name}")


def check_r12_withdrawal_proposer(dept: Department, proposer: Department | None) -> None:
    """R12 way 1 / 1798号 (二十三), R4 谁认定、谁负责: a wrongful listing is verified and corrected by the department
    that decided it ("认定部门（单位）应及时核实……及时更正……书面道歉"); whoever else finds it inaccurate — an
    implementing department, the credit office, the party — tells that department (an objection), and its staff
    propose the withdrawal, which a second senior person of it approves. ``dept``: the case's registered
    department; ``proposer``: the proposing user's department (None: none). Raises DomainError
    ``R12_PROPOSER_DEPARTMENT``."""
    if proposer is not None and proposer.id == dept.id:  # R12 way 1: only the deciding department's staff
        return
    who_zh = f"「{proposer.name}」的人员" if proposer is not None else "不属于任何认定部门的人员（如信用办）"
    who_en = f"staff of {proposer.name}" if proposer is not None else "a user of no department (e.g. the credit office)"
    raise DomainError("R12_PROPOSER_DEPARTMENT",
                      f"误列撤销由认定部门核实后提出：本案由「{dept.name}」认定，须由「{dept.name}」的人员提出撤销，"
                      f"{who_zh}不能提出。发现名单信息不准确的，应告知「{dept.name}」核实（可登记异议），"
                      "见发改财金规〔2017〕1798号（二十三）。",
                      f"A wrongful listing is verified and withdrawn by the department that decided it: this case is "
                      f"decided by {dept.name}, so only its staff may propose the withdrawal; {who_en} may not. "
                      f"Whoever finds the listing wrong tells {dept.name} (register an objection), NDRC 2017 No. 1798, item 23.",
                      field="proposed_by")


def register_hint(name: str) -> tuple[str, str]:
    """How an administrator registers a department (zh, en), for refusals that need one; the command-line form
    is ``register_cli(name)``, printed by the CLI only (no GUI message names a command)."""
    zh = "请由管理员先登记该认定部门（名称、统一社会信用代码、层级、所属领域、文号前缀），再选择该部门。"
    en = ("An administrator registers the department first (name, unified code, level, field, document-number "
          "prefix), then choose it.")
    return zh, en


# The command-line form of registering a department: printed by the CLI only (issue 17 item 5).
_CLI = "department add --name {name} --uscc 统一社会信用代码 --level county --domain 所属领域 --prefix 文号前缀"


def register_cli(name: str) -> str:
    """The command that registers the department ``name`` (the CLI's hint of a DEPT_* refusal)."""
    return _CLI.format(name=name or "部门名称")


def check_registered(name: str | None, dept: Department | None, field: str = "department") -> Department:
    """49号 四(八), R4: a listing is decided — and its documents issued — by a registered department, never by a
    typed name. Returns ``dept``; raises DomainError ``DEPT_NOT_REGISTERED`` naming how to register it."""
    if dept is not None:
        return dept
    text = (name or "").strip()
    hint_zh, hint_en = register_hint(text)
    who = f"「{text}」" if text else ""
    raise DomainError("DEPT_NOT_REGISTERED", f"认定部门{who}未登记：认定决定及其文书由已登记的认定部门以自己的名义出具，"
                      f"不能只填写部门名称。{hint_zh}",
                      f"The deciding department {text!r} is not registered: decisions and their documents are issued by "
                      f"a registered department, never a typed name. {hint_en}", field=field,
                      cli=register_cli(text))


def check_r13_repair_issuer(name: str, dept: Department | None) -> Department:
    """R13 谁认定、谁修复 (国家发展改革委令2025年第36号): the repair's notices and decision are issued by the department that
    decided the information, in its name and under its prefix — never by the credit office in its own name.
    Returns the department; raises ``R13_DEPARTMENT_NOT_REGISTERED`` when the deciding department is not
    registered (its documents could only be issued in the office's name)."""
    if dept is not None:
        return dept
    hint_zh, hint_en = register_hint(name)
    raise DomainError("R13_DEPARTMENT_NOT_REGISTERED", f"谁认定、谁修复：信用修复的受理、决定等文书须由认定部门「{name}」"
                      f"以自己的名义出具，该部门尚未登记，信用办不能以自己的名义代为出具。{hint_zh}",
                      f"Whoever decided, repairs: the repair's documents are issued by {name!r}, which is not "
                      f"registered; the credit office does not issue them in its own name. {hint_en}",
                      field="department", cli=register_cli(name))


def check_r5_objection_verifier(dept: Department, verifier: Department | None) -> None:
    """R5 / 1798号 (七)(二十二): an objection to a listing case is verified and answered by the deciding department
    ("有异议的，由认定部门（单位）核实"; "认定部门（单位）……将核实和处理结果反馈当事人") — not by another department's
    head nor by a user of none. Its answer may end the case (not listed, R4) or start a withdrawal (R12 way 1).
    ``dept``: the case's registered department; ``verifier``: the answering user's (None: none). Raises DomainError
    ``R5_OBJECTION_DEPARTMENT``."""
    if verifier is not None and verifier.id == dept.id:  # R5: only the deciding department answers
        return
    who_zh = f"「{verifier.name}」的人员" if verifier is not None else "不属于任何认定部门的人员（如信用办）"
    who_en = f"staff of {verifier.name}" if verifier is not None else "a user of no department (e.g. the credit office)"
    raise DomainError("R5_OBJECTION_DEPARTMENT",
                      f"异议由认定部门核实并答复：本案由「{dept.name}」认定，异议须由「{dept.name}」的人员核实答复，"
                      f"{who_zh}不能代为答复（发改财金规〔2017〕1798号（七）（二十二））。",
                      f"An objection is verified and answered by the deciding department: this case is decided by "
                      f"{dept.name}, so only its staff may answer; {who_en} may not.", field="resolved_by")


# R4 / 49号 四(八): the case fields a registered department fills; they are the department's, never typed apart.
_CASE_FIELDS_ZH = {"department_level": "认定部门层级", "domain": "认定部门所属领域"}


def check_r4_case_fields(dept: Department, typed: dict) -> None:
    """R4 / 49号 四(八): a case's department level and field of administration are its registered department's
    (``dept``); a typed value that differs is refused — the field decides the big-data alert (R11) and a measure's
    scope (R8), the level the R4 county check. ``typed``: the values given (None or empty: not given). Raises
    DomainError ``R4_DEPARTMENT_FIELDS``."""
    own = {"department_level": dept.level, "domain": dept.domain}
    for field, value in typed.items():
        text = str(value or "").strip()
        if field in own and text and text != own[field]:  # R4: the registered department's own fields only
            raise DomainError("R4_DEPARTMENT_FIELDS",
                              f"{_CASE_FIELDS_ZH[field]}由已登记的认定部门「{dept.name}」确定（{own[field]}），"
                              f"不能另填「{text}」；如认定部门有误，请改选认定部门。",
                              f"The {field} of a case is its registered department's ({dept.name}: {own[field]}); "
                              f"{text!r} cannot be typed apart. Choose another department if it is wrong.",
                              field=field)


def check_r4_document_series(number: str, issuer: str, others: dict[str, str]) -> None:
    """R4 / 49号 四(八): a document is issued in its issuer's name and under its prefix; a number typed as issued
    by hand may not lie in another issuer's register series (``others``: series prefix → that issuer's name, e.g.
    ``{"清税信告": "县税务局"}``), which would print it under that department's 文号 and collide with its register.
    Raises ValidationError ``R4_DOCUMENT_SERIES``."""
    text = (number or "").strip()
    for prefix, name in others.items():
        if re.fullmatch(re.escape(prefix) + r"〔\d{4}〕\d+号", text):  # R4: another issuer's series
            raise ValidationError("R4_DOCUMENT_SERIES",
                                  f"文号「{text}」属于「{name}」的{prefix}〔年〕N号序列；本文书由「{issuer}」以自己的名义"
                                  "出具，不能使用其他单位的文号。",
                                  f"The number {text!r} lies in {name}'s series {prefix}; this document is issued by "
                                  f"{issuer} in its own name and cannot take another issuer's number.",
                                  field="external_number")
