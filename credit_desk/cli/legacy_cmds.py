"""Bringing an office's existing ledger in (issue 19 item 3): map a sheet's columns once, save the mapping, import
subjects, records and current listings all-or-nothing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from credit_desk.cli.common import command, emit, group, session_for
from credit_desk.domain import legacy
from credit_desk.domain.errors import ValidationError
from credit_desk.services.legacy import ledger_import, mappings
from credit_desk.sheets.cleanup_xlsx import ImportRefused

PHASE_ZH = {"read": "读取", "check": "检查", "write": "写入"}


def register_commands(sub) -> None:
    g = group(sub, "import", "导入原有台账 / bring an existing ledger in")
    p = command(g, "legacy", cmd_legacy, "导入本单位原有失信台账（全部或不导入）/ import the office's own ledger sheet")
    p.add_argument("file")
    p.add_argument("--mapping", help="列对应关系 JSON 文件：{\"表头\": \"字段\"}；不给则用已保存的、与表头相符的对应关系")
    p.add_argument("--save-mapping", metavar="NAME", help="把 --mapping 以此名称保存，下次按表头自动套用")
    p.add_argument("--sheet", help="工作表名称")
    p.add_argument("--convert-15", action="store_true",
                   help="已核对：把15位第一代居民身份证号码按 GB 11643 转换为18位 / convert 15-digit IDs (confirmed)")
    p = command(g, "legacy-preview", cmd_preview, "显示表头、前几行和字段对应 / headers, first rows and the mapping")
    p.add_argument("file")
    p.add_argument("--sheet", help="工作表名称")
    command(g, "legacy-fields", cmd_fields, "可对应的字段 / the product's fields a column can map to")
    command(g, "legacy-mappings", cmd_mappings, "已保存的列对应关系 / saved mappings")


def _read_mapping(path: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        raise ValidationError("LEGACY_MAPPING_FILE", f"无法读取列对应关系文件 {path}（应为 UTF-8 编码的 JSON："
                              "{\"表头\": \"字段\"}）。", f"Cannot read the mapping file {path} (UTF-8 JSON: "
                              "{\"header\": \"field\"}).", field="mapping") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ValidationError("LEGACY_MAPPING_FILE", "列对应关系文件应为 {\"表头\": \"字段\"} 形式。",
                              "The mapping file must be {\"header\": \"field\"}.", field="mapping")
    return data


def _progress(args):
    if args.json:
        return None
    last = {}

    def show(phase: str, done: int, total: int) -> None:
        step = max(total // 10, 1)
        if done // step != last.get(phase, -1) or done == total:
            last[phase] = done // step
            print(f"  {PHASE_ZH[phase]} / {phase}: {done}/{total}", file=sys.stderr)
    return show


def cmd_legacy(args) -> int:
    mapping = _read_mapping(args.mapping) if args.mapping else None
    if args.save_mapping and mapping is None:
        raise ValidationError("LEGACY_MAPPING_FILE", "保存列对应关系须同时给出列对应关系文件。",
                              "Saving a mapping needs the mapping file.", field="mapping", cli="--mapping FILE.json")
    try:
        with session_for(args) as s:
            saved = None
            if args.save_mapping:
                head = mappings.preview_sheet(s, Path(args.file), args.sheet)
                saved = mappings.save_mapping(s, args.save_mapping, mapping, head["headers"])
            out = ledger_import.import_ledger(s, Path(args.file), mapping, args.sheet, progress=_progress(args),
                                              convert_15=args.convert_15)
    except ImportRefused as exc:
        if not args.json:
            for p in exc.problems:
                print(f"  {p.message(args.lang)}", file=sys.stderr)
        raise
    out["mapping_saved"] = saved["id"] if saved else None
    lines = [f"已从工作表「{out['sheet']}」导入：新登记主体 {out['subjects']} 个（已登记的 {out['subjects_reused']} 个），"
             f"失信信息 {out['records']} 条（其中 {out['pending']} 条属宽容审慎情形，待第二人审批），"
             f"在列名单 {out['listings']} 项（保留原决定书文号）。"]
    lines += [f"注意：{n['zh']}" for n in out["notes"]]
    if saved:
        lines.append(f"列对应关系已保存为「{saved['name']}」，下次导入相同表头的表格时自动套用。")
    emit(args, out, "\n".join(lines))
    return 0


def cmd_preview(args) -> int:
    with session_for(args) as s:
        out = mappings.preview_sheet(s, Path(args.file), args.sheet)
    names = {f["key"]: f["zh"] for f in out["fields"]}
    lines = [f"工作表「{out['sheet']}」第{out['header_row']}行为表头" +
             (f"；套用已保存的列对应关系「{out['saved']['name']}」" if out["saved"] else "；以下为初步猜测，请核对")]
    lines += [f"  {h} → {names.get(out['mapping'].get(h, ''), '（不导入）')}" for h in out["headers"] if h]
    emit(args, out, "\n".join(lines))
    return 0


def cmd_fields(args) -> int:
    rows = [{"key": f.key, "zh": f.zh, "en": f.en, "part": f.part, "required": f.required} for f in legacy.FIELDS]
    emit(args, rows, "\n".join(f"{f.key}\t{f.zh}\t{legacy.PARTS[f.part][0]}{'（必填）' if f.required else ''}"
                               for f in legacy.FIELDS))
    return 0


def cmd_mappings(args) -> int:
    with session_for(args) as s:
        rows = mappings.list_mappings(s)
    emit(args, rows, "\n".join(f"{m['id']}\t{m['name']}\t{m['saved_by']}\t{m['saved_at']}" for m in rows)
         or "没有保存的列对应关系。")
    return 0
