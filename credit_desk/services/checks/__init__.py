"""信用审查 and the 公共信用信息报告 (R14, R15, R22; 苏府办〔2020〕232号 (三)(十六)).

Owns: a department's list checked against the ledger (subjects, effective dishonesty records, black/watch/red
listings in force) and the platform's joint-punishment lists, set-based (``lists``); the register of checks, each
read of a subject logged under the request's department, purpose and check number (R14); the numbered
信用审查报告 and a single subject's 公共信用信息报告 as ``documents.Item`` for the documents pipeline (``reports``),
masked by the one masker (R15). The change-log rows (entity ``credit_check``) tell the platform a check was made
(request and counts, no row of the list).
"""
