"""Human words for the audit log's internal codes (issue 17 item 3): an auditor reads 「文书：预留文号」, not
``document.reserve``. Pure data, Chinese first then English; a code not listed is shown as it is.

``action_words("keys.import_platform", "zh") -> "密钥：导入平台公钥"``; ``object_words("folder", "en") -> "Folder"``.
"""

from __future__ import annotations

# object part of an action, and the object_type column
OBJECTS = {
    "alert": ("提醒", "Alert"), "audit": ("审计日志", "Audit log"), "backup": ("备份", "Backup"),
    "bundle": ("同步包", "Bundle"), "calendar": ("节假日安排", "Holiday calendar"), "case": ("名单案件", "Listing case"),
    "clock": ("系统时钟", "Clock"), "commitment": ("信用承诺", "Commitment"), "consent": ("公开同意", "Consent"),
    "contacts": ("联系人", "Contacts"), "demo": ("演示数据", "Demo data"), "department": ("认定部门", "Department"),
    "disclosure": ("双公示", "Licences and penalties"), "decision": ("双公示决定", "Licence or penalty decision"),
    "admin_decision": ("双公示决定", "Licence or penalty decision"),
    "document": ("文书", "Document"), "interview": ("约谈", "Interview"), "interview_plan": ("约谈计划",
                                                                                           "Interview plan"),
    "joint": ("联合惩戒", "Joint punishment"), "keys": ("密钥", "Keys"), "key": ("密钥", "Key"),
    "ledger": ("账本", "Ledger"), "objection": ("异议", "Objection"), "repair": ("信用修复", "Credit repair"),
    "platform": ("市平台", "Municipal platform"), "print": ("打印", "Printing"), "record": ("失信信息", "Record"),
    "settings": ("设置", "Settings"), "subject": ("信用主体", "Credit subject"), "supervision": ("重点监管",
                                                                                             "Key supervision"),
    "sync": ("同步", "Sync"), "user": ("用户", "User"), "login": ("登录", "Sign-in"), "folder": ("文件夹", "Folder"),
    "office": ("本单位", "Office"), "receipt": ("回执", "Receipt"), "cleanup": ("清理台账", "Clean-up ledger"),
    "exception": ("校验位例外", "Check-digit exception"), "withdrawal": ("误列撤销", "Withdrawal"),
    "catalogue": ("目录", "Catalogue"), "legacy": ("原有台账", "Earlier ledger"),
    "legacy_mapping": ("台账列对应关系", "Ledger column mapping"), "calendar_year": ("节假日年度", "Calendar year"),
    "cleanup_contacts": ("清理台账联系人", "Clean-up contacts"), "cleanup_ledger": ("清理台账", "Clean-up ledger"),
    "cleanup_row": ("清理台账条目", "Clean-up row"), "commitment_item": ("承诺事项", "Commitment item"),
    "doc_type": ("文书类型", "Document type"), "exception_request": ("校验位例外申请", "Exception request"),
    "file": ("文件", "File"), "query": ("查询", "Query"), "series": ("文号系列", "Number series"),
    "setting": ("设置项", "Setting"), "change": ("变更记录", "Change"), "action": ("操作", "Action"), "measure": ("惩戒措施", "Measure"), "ruleset": ("规则集", "Rule set"),
    "check": ("信用审查", "Credit check"), "credit_check": ("信用审查", "Credit check"),
    "joint_entry": ("联合惩戒名单条目", "Joint-list entry"), "deadline": ("期限", "Deadline"),
}
VERBS = {
    "accept": ("受理", "accepted"), "activate": ("启用", "activated"), "add": ("新增", "added"),
    "anchor": ("锚定", "anchored"), "apply": ("申请", "applied"), "approve": ("审批通过", "approved"),
    "export_public": ("导出本单位公钥", "office public key exported"),
    "assign": ("分配", "assigned"), "backup": ("备份", "backed up"), "basis_revoked": ("依据被撤销", "basis revoked"),
    "brief": ("摘要", "summary"), "browse": ("浏览", "browsed"), "change": ("变更", "changed"),
    "change_password": ("修改密码", "password changed"), "check": ("核查", "checked"), "close": ("终止办理", "closed"),
    "confirm": ("确认", "confirmed"), "correct": ("更正", "corrected"),
    "repair_stop": ("信用修复停止公示", "publication stopped by a credit repair"),
    "confirm_last": ("确认最后纸质编号", "last paper number confirmed"), "create": ("创建", "created"),
    "db": ("数据库", "database"), "deactivate": ("停用", "deactivated"), "decide": ("作出决定", "decided"),
    "downstream": ("接收下发更新", "downstream update received"),
    "downstream_suite": ("更改下发算法", "downstream suite changed"), "draft": ("起草", "drafted"),
    "edit": ("修改", "edited"), "enc_created": ("创建加密密钥", "encryption key created"),
    "exception.approve": ("批准校验位例外", "check-digit exception approved"),
    "exception.refuse": ("拒绝校验位例外", "check-digit exception refused"),
    "exception.request": ("申请校验位例外", "check-digit exception requested"), "exit": ("移出名单", "exited"),
    "expire": ("有效期届满", "expired"), "export": ("导出", "exported"), "external": ("登记手工编号", "external number"),
    "failed": ("失败", "failed"), "flag": ("标记", "flagged"), "held": ("举行", "held"),
    "history": ("查看历史", "history viewed"), "import": ("导入", "imported"),
    "import_platform": ("导入平台公钥", "platform key imported"), "init": ("新建", "created"),
    "intake": ("市平台地址", "platform address"), "intake_ca": ("市平台证书", "platform certificate"),
    "intake_url": ("市平台网址", "platform URL"), "item_add": ("新增事项", "item added"), "json": ("导出数据", "data exported"),
    "lift": ("解除", "lifted"), "limit": ("记录市平台大小上限", "platform size limit kept"),
    "mapping": ("保存列对应关系", "column mapping saved"), "list": ("列表", "listed"), "listing_decisions": ("名单决定", "listing decisions"),
    "lock": ("锁定", "locked"), "locked": ("已锁定", "locked"), "manage": ("管理", "managed"),
    "must_change": ("须修改密码", "must change password"), "non_repairable": ("不可修复", "not repairable"),
    "not_accept": ("不予受理", "not accepted"), "notice": ("送达预先告知", "notice served"), "open": ("立案", "opened"),
    "office_code": ("单位代码", "office code"), "plan": ("计划", "planned"), "prefix": ("文号前缀", "number prefix"),
    "print": ("打印", "printed"), "publication_stop": ("停止公示", "publication stopped"),
    "publish": ("公示", "published"), "raise": ("提出", "raised"), "read": ("查看", "read"),
    "receipt": ("接收回执", "receipt received"),
    "recompute": ("按节假日安排重新核算", "recomputed on the holiday calendar"), "recovery": ("恢复口令", "recovery passphrase"),
    "rectified": ("已整改", "rectified"), "reissue": ("重新出具", "reissued"), "renotice": ("重新告知", "notified again"),
    "reprint": ("补打副本", "reprinted"), "requeue": ("重新排队报送", "queued again"), "reserve": ("预留文号",
                                                                                              "number reserved"),
    "reset_password": ("重置密码", "password reset"), "resolve": ("答复", "answered"), "restore": ("恢复", "restored"),
    "resync": ("重新同步", "resynchronised"), "revert": ("撤回", "reverted"), "revoke": ("撤销", "revoked"),
    "role_confirm": ("确认角色变更", "role change confirmed"), "role_reject": ("拒绝角色变更", "role change refused"),
    "role_request": ("申请角色变更", "role change requested"), "rotate": ("轮换", "rotated"), "run": ("比对名单", "list checked"),
    "save": ("保存", "saved"),
    "search": ("查询", "searched"), "seed": ("生成", "generated"), "send": ("报送", "sent"), "status": ("状态", "status"),
    "suite": ("更改算法", "suite changed"), "suites": ("更改接受的算法", "accepted suites changed"),
    "supersede": ("取代", "superseded"), "supervision_months": ("重点监管期限", "supervision months"),
    "supplement": ("补正材料", "supplemented"), "tmp": ("临时文件", "temporary file"), "unlock": ("解锁", "unlocked"),
    "update": ("更新", "updated"), "verify": ("校验", "verified"), "view": ("查看", "viewed"), "void": ("作废", "voided"),
    "withdraw": ("撤回", "withdrawn"), "withdraw_propose": ("提议误列撤销", "withdrawal proposed"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def object_words(code: str, lang: str = "zh") -> str:
    """The audit row's object type in words; an unknown type as it is."""
    pair = OBJECTS.get(code or "")
    return _pick(pair, lang) if pair else (code or "")


def action_words(code: str, lang: str = "zh") -> str:
    """``object.verb`` in words (「文书：预留文号」 / "Document: number reserved"); an unknown part as it is."""
    head, _, verb = (code or "").partition(".")
    if not verb:
        pair = VERBS.get(head) or OBJECTS.get(head)
        return _pick(pair, lang) if pair else head
    obj, act = OBJECTS.get(head), VERBS.get(verb)
    if obj is None or act is None:
        return code
    return f"{_pick(obj, lang)}{': ' if lang == 'en' else '：'}{_pick(act, lang)}"
