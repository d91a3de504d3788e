"""Printed notices: ``print TYPE``, ``print batch``, ``print reprint|void|list|prefix`` and ``notice verify``."""

from __future__ import annotations

import json
from pathlib import Path

from credit_desk.cli.common import command, emit, group, limit, progress_lines, session_for, step_lines, whole
from credit_desk.documents.templates import available
from credit_desk.domain.errors import ValidationError
from credit_desk.services import document_sources, document_verify, documents, repair_documents

TYPE_ZH_HELP = "文书类型 / document type"
FORCE_HELP = "已有同名文件时替换它 / replace an existing file"


def register(sub) -> None:
    p = group(sub, "print", "打印文书 / print notices")
    for code in available():
        c = command(p, code, cmd_print, f"打印 {code}")
        c.set_defaults(doc_type=code)
        _object_options(c)
        c.add_argument("--out", required=True, help="输出 PDF 文件 / output PDF")
        c.add_argument("--force", action="store_true", help=FORCE_HELP)
    d = command(p, "draft", cmd_draft, "样稿：无文号、无签名，不可核验 / unnumbered, unsigned draft")
    d.add_argument("doc_type", help=TYPE_ZH_HELP)
    d.add_argument("--context", required=True, help="JSON 数据文件 / JSON file with the draft's fields")
    d.add_argument("--out", required=True, help="输出 PDF 文件 / output PDF")
    d.add_argument("--force", action="store_true", help=FORCE_HELP)
    b = command(p, "batch", cmd_batch, "批量打印 / many cases or subjects at once")
    b.add_argument("doc_type", help=TYPE_ZH_HELP)
    b.add_argument("--cases", help="案件编号，逗号分隔 / case ids, comma separated")
    b.add_argument("--subjects", help="主体编号，逗号分隔 / subject ids, comma separated")
    b.add_argument("--purpose")
    b.add_argument("--matter")
    b.add_argument("--out", required=True, help="一个 PDF，或 --split 时为目录 / one PDF, or a folder with --split")
    b.add_argument("--split", action="store_true", help="每份文书一个 PDF / one PDF per document")
    b.add_argument("--force", action="store_true", help=FORCE_HELP)
    r = command(p, "reprint", cmd_reprint, "重印（副本）/ reprint, marked 副本")
    r.add_argument("number")
    r.add_argument("--out", required=True)
    r.add_argument("--purpose", required=True, help="查询事由 (R14)：副本载有当事人姓名和证件号码")
    r.add_argument("--force", action="store_true", help=FORCE_HELP)
    sv = command(p, "save", cmd_save, "把账本中保存的文书另存为 PDF（仅本人可读）/ save a stored notice as a PDF (0600)")
    sv.add_argument("number")
    sv.add_argument("--out", required=True, help="输出 PDF 文件 / output PDF")
    sv.add_argument("--purpose", required=True, help="查询事由 (R14)：文书载有当事人姓名和证件号码")
    sv.add_argument("--force", action="store_true", help=FORCE_HELP)
    v = command(p, "void", cmd_void, "作废文书编号 / void a registered number")
    v.add_argument("number")
    v.add_argument("--reason", required=True)
    ls = command(p, "list", cmd_list, "文书登记簿 / the register")
    ls.add_argument("--type")
    ls.add_argument("--case")
    ls.add_argument("--limit", type=limit, default=100)
    pre = command(p, "prefix", cmd_prefix, "设置编号前缀 / set a number prefix")
    pre.add_argument("doc_type")
    pre.add_argument("prefix")
    cl = command(p, "confirm-last", cmd_confirm_last, "恢复后确认某编号系列最后一个号 / confirm a series' last paper number")
    cl.add_argument("prefix", help="编号前缀，如 清信决 / number prefix")
    cl.add_argument("year", type=whole)
    cl.add_argument("last", type=whole, help="纸质文书上最后一个号（未用过填 0）/ last number on paper (0: none)")
    cl.add_argument("--done", action="store_true", help="所有系列均已确认，恢复编号 / all series confirmed: resume")
    n = group(sub, "notice", "文书核验 / verify a notice")
    ver = command(n, "verify", cmd_verify, "核验真伪 / valid, altered or unknown")
    src = ver.add_mutually_exclusive_group(required=True)
    src.add_argument("--qr", help="扫描二维码得到的文字 / the scanned QR text")
    src.add_argument("--pdf", help="PDF 文件 / a PDF file")


def _object_options(c) -> None:
    c.add_argument("--case", type=whole, help="认定案件编号 / case id")
    c.add_argument("--subject", type=whole, help="信用主体编号 / subject id")
    c.add_argument("--objection", type=whole, help="异议编号 / objection id")
    c.add_argument("--record", type=whole, help="失信信息编号 / record id")
    c.add_argument("--decision", type=whole, help="双公示处罚决定编号 / 双公示 penalty decision id (R21)")
    c.add_argument("--flag", type=whole, help="重点监管标记编号 / key-supervision flag id (R17)")
    c.add_argument("--commitment-type", help="承诺类型 / commitment type (R17): approval, tolerance, certification, "
                   "investment, voluntary, self_discipline, repair")
    c.add_argument("--repair", type=whole, help="信用修复申请编号 / repair request id")
    c.add_argument("--interview", type=whole, help="约谈安排编号 / planned interview id")
    c.add_argument("--purpose", help="查询事由 (R14)")
    c.add_argument("--matter", help="承诺事项 / commitment matter")
    c.add_argument("--context", help="不适用：编号文书只由台账生成；自拟内容请用 print draft / not for numbered "
                                     "notices; use print draft")


def _read_context(path: str | None) -> dict | None:
    if not path:
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:  # RecursionError: JSON nested too deeply
        raise ValidationError("CONTEXT_UNREADABLE", f"无法读取数据文件 {path}：{exc}。", f"Cannot read {path}: {exc}.",
                              field="context") from None
    if not isinstance(data, dict):
        raise ValidationError("CONTEXT_UNREADABLE", "数据文件应为 JSON 对象。", "The context must be a JSON object.",
                              field="context")
    return data


def _done(args, issued: list[dict]) -> int:
    lines = [f"已打印 {d['number']} → {d['file']}（第{d['pages'][0]}–{d['pages'][1]}页）" for d in issued]
    emit(args, {"ok": True, "documents": issued}, "\n".join(lines))
    return 0


def cmd_print(args) -> int:
    if args.context:  # issue 14: a context file forged a signed 决定书; numbered notices come from the ledger only
        raise ValidationError("DOC_CONTEXT_REFUSED", "编号文书只能由台账中已办理的事项生成，不接受数据文件；"
                              "自拟内容请用 print draft 生成不编号、不签名的样稿。",
                              "A numbered notice is built only from the act recorded in the ledger, never from a "
                              "file; use print draft for an unnumbered, unsigned draft.", field="context")
    with session_for(args) as s:
        item = document_sources.item_for(s, args.doc_type, case_id=args.case, subject_id=args.subject,
                                         objection_id=args.objection, purpose=args.purpose, matter=args.matter,
                                         repair_id=args.repair, interview_id=args.interview,
                                         commitment_type=args.commitment_type, flag_id=args.flag,
                                         record_id=args.record, decision_id=args.decision)
        out = Path(args.out)
        companions = repair_documents.companions(s, args.doc_type, args.case)
        for doc_type, _extra in companions:  # checked before the first number is taken (issue 14 item 4)
            documents.check_out(s, _companion_path(out, doc_type), force=args.force)
        issued = documents.issue(s, args.doc_type, [item], out, force=args.force)
        # R13 两书同达: the 信用修复告知书 registered with a decision is printed with it, next to it
        for doc_type, extra in companions:
            issued += documents.issue(s, doc_type, [extra], _companion_path(out, doc_type), force=args.force)
        return _done(args, issued)


def cmd_confirm_last(args) -> int:
    from credit_desk.services import resync
    with session_for(args) as s:
        out = resync.confirm_last(s, args.prefix, args.year, args.last, done=args.done)
    tail = "；已确认全部系列，恢复编号。" if args.done else "；确认完所有系列后加 --done。"
    emit(args, {"ok": True, **out}, f"{out['series']} 的最后一个号确认为 {out['last']}{tail}")
    return 0


def cmd_draft(args) -> int:
    context = _read_context(args.context)
    with session_for(args) as s:
        d = documents.draft(s, args.doc_type, context, Path(args.out), force=args.force)
    emit(args, {"ok": True, **d}, f"已生成样稿（无文号、无签名，不可核验）→ {d['file']}")
    return 0
def _companion_path(out: Path, doc_type: str) -> Path:
    return out.with_name(f"{out.stem}-{doc_type}{out.suffix}")


def _ids(text: str | None, name: str) -> list[int]:
    try:
        return [int(x) for x in (text or "").split(",") if x.strip()]
    except ValueError:
        raise ValidationError("IDS_INVALID", f"{name} 应为逗号分隔的数字。", f"{name} must be comma-separated numbers.",
                              field=name) from None


def cmd_batch(args) -> int:
    cases, subjects = _ids(args.cases, "cases"), _ids(args.subjects, "subjects")
    if not cases and not subjects:
        raise ValidationError("DOC_NOTHING", "请用 --cases 或 --subjects 指定要打印的对象。",
                              "Name the cases or subjects with --cases or --subjects.", field="cases")
    say = step_lines(args) or (lambda _zh, _en: None)
    with session_for(args) as s:
        say(f"正在读取 {len(cases) + len(subjects)} 个对象的台账信息…", f"reading {len(cases) + len(subjects)} "
            "objects from the ledger…")   # issue 18: a batch of thousands is not silent
        items = [document_sources.item_for(s, args.doc_type, case_id=c, purpose=args.purpose) for c in cases]
        items += [document_sources.item_for(s, args.doc_type, subject_id=i, purpose=args.purpose, matter=args.matter)
                  for i in subjects]
        return _done(args, documents.issue(s, args.doc_type, items, Path(args.out), split=args.split,
                                           force=args.force, progress=progress_lines(
                                               args, "正在编号、签名并生成文书", "numbering, signing and rendering")))


def cmd_reprint(args) -> int:
    with session_for(args) as s:
        d = documents.reprint(s, args.number, Path(args.out), args.purpose, force=args.force)
    emit(args, {"ok": True, **d}, f"已重印 {d['number']}（副本，第{d['copy_no']}次重印）→ {d['file']}")
    return 0


def cmd_save(args) -> int:
    with session_for(args) as s:
        d = documents.save_pdf(s, args.number, Path(args.out), args.purpose, force=args.force)
    emit(args, {"ok": True, **d}, f"已将 {d['number']} 另存为 {d['file']}（仅本人可读）")
    return 0


def cmd_void(args) -> int:
    with session_for(args) as s:
        documents.void_numbers(s, [args.number], args.reason)
    emit(args, {"ok": True, "number": args.number, "status": "voided"}, f"已作废 {args.number}")
    return 0


def cmd_list(args) -> int:
    with session_for(args) as s:
        rows = documents.list_documents(s, doc_type=args.type, object_id=args.case, limit=args.limit)
    human = "\n".join(f"{r['number']}  {r['doc_type']}  {r['issued_on']}  {r['status']}  重印{r['reprint_count']}次"
                      for r in rows) or "（无）"
    emit(args, rows, human)
    return 0


def cmd_prefix(args) -> int:
    with session_for(args) as s:
        prefix = documents.set_prefix(s, args.doc_type, args.prefix)
    emit(args, {"ok": True, "doc_type": args.doc_type, "prefix": prefix}, f"{args.doc_type} 的编号前缀为 {prefix}")
    return 0


_LABEL = {"valid": "真实有效 VALID", "altered": "已被改动 ALTERED", "unknown": "无法识别 UNKNOWN",
          "voided": "已作废 VOIDED", "withdrawn": "已撤回 WITHDRAWN"}


def cmd_verify(args) -> int:
    with session_for(args) as s:
        # `is not None`: an empty scanned text is still a QR to judge, not "no QR" (issue-10 corpus)
        r = document_verify.verify_qr(s, args.qr) if args.qr is not None else document_verify.verify_pdf(s, args.pdf)
    msg = r["message_en"] if args.lang == "en" else r["message"]
    human = f"{_LABEL[r['result']]}：{r.get('number') or ''} {msg}"
    for name, value in (r.get("key_fields") or {}).items():
        human += f"\n  {name}: {value}"
    emit(args, r, human)
    return 0 if r["result"] == "valid" else 1

