"""Sync commands: bundle (export/import/verify/status/requeue), keys, joint (match prompts), intake."""

from __future__ import annotations

import json
import os
from pathlib import Path

from credit_desk import outpaths
from credit_desk.atomic import write_atomic
from credit_desk.cli.common import command, data_dir, emit, group, session_for, step_lines, whole
from credit_desk.domain.errors import DomainError


def cmd_resync(args) -> int:
    from credit_desk.services import resync
    with session_for(args) as s:
        if args.receipts:
            out = resync.resync_from_receipts(s, _receipt_files(args.receipts))
        else:
            out = resync.resync(s, args.url)
    lost = "、".join(str(n) for n in out["lost_bundles"]) or "无"
    floors = "；".join(f"{k} 最后 {v} 号" for k, v in out["floors"].items()) or "无变化"
    emit(args, {"ok": True, **out}, f"已与市平台对齐：导入回执 {len(out['imported'])} 份；随末尾丢失的同步包 {lost}；"
                                    f"文号下限 {floors}；此后的变更编号大于 {out['changes_above']}。\n"
                                    f"提示：最后一次报送之后打印的文书，市平台无从得知，请核对纸质文书后用 print confirm-last 确认。")
    return 0


def _receipt_files(paths: list[str]) -> list[tuple[str, bytes]]:
    """Every .cdb file named, or found in a named folder (the USB stick), as (name, bytes)."""
    found = []
    for p in map(Path, paths):
        files = sorted(p.glob("*.cdb")) if p.is_dir() else [p]
        for f in files:
            try:
                found.append((f.name, f.read_bytes()))
            except OSError as exc:
                raise DomainError("RECEIPT_UNREADABLE", f"无法读取回执文件 {f}：{exc.strerror}。",
                                  f"Cannot read the receipt file {f}: {exc.strerror}.", field="receipts") from exc
    return found


def register(sub) -> None:
    b = group(sub, "bundle", "同步包 / bundles to and from the municipal platform")
    p = command(b, "export", cmd_export, "导出（U盘）或报送（网络）/ export to a folder or send")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--to", help="导出目录（如U盘）/ folder, e.g. a USB stick")
    where.add_argument("--send", action="store_true", help="通过网络报送 / POST to the intake")
    p.add_argument("--url", help="接收端地址 / intake URL (else the setting sync.intake_url)")
    p = command(b, "import", cmd_import, "导入回执或下发更新 / import a receipt or downstream bundle")
    p.add_argument("file")
    p = command(b, "verify", cmd_verify, "校验同步包 / verify a bundle file")
    p.add_argument("file")
    command(b, "status", cmd_status, "同步状态 / sync status")
    p = command(b, "resync", cmd_resync, "恢复后与市平台重新对齐 / learn from the platform what was sent after a backup")
    p.add_argument("--url", help="接收端地址 / intake URL (else the setting sync.intake_url)")
    p.add_argument("--receipts", action="append", default=[],
                   help="离线：U盘上的市平台回执文件或文件夹，可重复 / offline: receipt files or the USB folder")
    p = command(b, "requeue", cmd_requeue, "重新报送被退回的变更 / send a quarantined change again")
    p.add_argument("change_id", type=whole)

    k = group(sub, "keys", "密钥 / keys")
    command(k, "show", cmd_keys_show)
    p = command(k, "export-public", cmd_keys_export)
    p.add_argument("--to", required=True, help="本单位公钥文件 / office key file (JSON)")
    p.add_argument("--pem", help="签名公钥 PEM（供 openssl 校验）/ signing key PEM for openssl")
    p.add_argument("--force", action="store_true", help="已有同名文件时替换它 / replace an existing file")
    p = command(k, "import-platform", cmd_keys_import)
    p.add_argument("file")
    p = command(k, "rotate", cmd_keys_rotate)
    p.add_argument("--suite", choices=("intl/1", "gm/1"),
                   help="改用该密码套件（如 gm/1 商用密码 SM2/SM3/SM4）/ move the office to this suite (docs/crypto.md)")

    p = command(k, "suites", cmd_keys_suites,
                "接受平台文件的密码套件（审计）/ the suites accepted in the platform's files (audited)")
    p.add_argument("--accept", nargs="+", choices=("intl/1", "gm/1"), metavar="SUITE",
                   help="只接受这些套件 / accept only these suites (must include the office's own)")
    p.add_argument("--reset", action="store_true", help="恢复为全部已固定的套件 / back to every pinned suite")

    j = group(sub, "joint", "联合惩戒比对 / joint-punishment match prompts")
    p = command(j, "prompts", cmd_joint_prompts)
    p.add_argument("subject_id", type=whole)
    p.add_argument("--purpose", required=True, help="查询事由 (R14)")
    p = command(j, "decide", cmd_joint_decide)
    p.add_argument("subject_id", type=whole)
    p.add_argument("entry_id")
    p.add_argument("--applied", choices=("yes", "no"), required=True)
    p.add_argument("--reason", default="")
    _register_intake(sub)


def _register_intake(sub) -> None:
    i = group(sub, "intake", "市平台参考接收端 / reference municipal intake")
    p = command(i, "init", cmd_intake_init)
    p.add_argument("--data", required=True)
    p.add_argument("--name", default="市信用信息共享平台")
    p.add_argument("--dsn", help="PostgreSQL 连接串 / libpq DSN (else CREDIT_DESK_INTAKE_DSN); kept in platform.json")
    p.add_argument("--schema", help="数据库模式名 / schema (default intake_<platform id>)")
    p = command(i, "register", cmd_intake_register, "登记单位公钥 / register an office key file")
    p.add_argument("--data", required=True)
    p.add_argument("file")
    p = command(i, "add-suite", cmd_intake_add_suite, "为平台增加密码套件的密钥（如 gm/1）/ give the platform keys of a suite")
    p.add_argument("--data", required=True)
    p.add_argument("suite", choices=("gm/1",))
    p = command(i, "suites", cmd_intake_suites,
                "平台接受的密码套件（审计）/ the suites the platform accepts from an office (audited)")
    p.add_argument("--data", required=True)
    p.add_argument("--office", default="*", help="单位账本编号；* 为其余各单位 / the office's ledger id; * for the rest")
    p.add_argument("--set", nargs="+", choices=("intl/1", "gm/1"), metavar="SUITE",
                   help="只接受这些套件 / accept only these suites (intl/1, gm/1)")
    p.add_argument("--unset", action="store_true", help="删除该单位的单独配置 / drop the office's own entry")
    p.add_argument("--actor", help="操作人 / who does it (with --set / --unset)")
    p.add_argument("--reason", help="理由 / why (with --set / --unset)")
    p = command(i, "rotate-keys", cmd_intake_rotate, "更换单位公钥（审计）/ rotate an office's keys (audited)")
    p.add_argument("--data", required=True)
    p.add_argument("--actor", required=True, help="操作人 / who does it")
    p.add_argument("--reason", required=True, help="理由 / why")
    p.add_argument("--revoke", action="store_true",
                   help="旧密钥已丢失或被盗：平台不再接受其签署的任何新同步包 / the old key is lost or stolen: nothing more "
                        "signed by it is accepted, whatever date it claims")
    p.add_argument("file")
    p = command(i, "listings", cmd_intake_listings, "某主体在各单位的名单 / every listing of a subject")
    p.add_argument("--data", required=True)
    p.add_argument("--id-type", required=True)
    p.add_argument("--id-number", required=True)
    p.add_argument("--actor", required=True, help="查询人 / who looks (R14: logged)")
    p.add_argument("--reason", required=True, help="查询事由 / why (R14: logged)")
    p.add_argument("--unmasked", action="store_true", help="显示自然人全名（记入登记）/ show a person's full name (logged)")
    p = command(i, "decisions", cmd_intake_decisions, "某单位报送的双公示决定 / an office's 双公示 decisions (R21)")
    p.add_argument("--data", required=True)
    p.add_argument("--office", required=True, help="单位账本编号 / the office's ledger id")
    p.add_argument("--actor", required=True, help="查询人 / who looks (R14: logged)")
    p.add_argument("--reason", required=True, help="查询事由 / why (R14: logged)")
    p.add_argument("--unmasked", action="store_true", help="显示自然人全名（记入登记）/ show a person's full name (logged)")
    p = command(i, "serve", cmd_intake_serve)
    p.add_argument("--data", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=whole, default=8765)
    p.add_argument("--certfile", help="TLS 证书（PEM）/ TLS certificate file")
    p.add_argument("--keyfile", help="TLS 私钥（PEM）/ TLS private key file")
    p.add_argument("--max-body-mb", type=whole, default=64)
    p.add_argument("--body-seconds", type=float, default=60.0)
    p.add_argument("--read-timeout", type=float, default=15.0)
    p.add_argument("--max-in-flight", type=whole, default=16)
    p.add_argument("--rate", type=float, default=20.0, help="每单位每秒请求数 / requests per second per office")
    p.add_argument("--plain-budget-mb", type=whole, default=512,
                   help="同时接收的同步包解压后总大小上限（MB）/ decompressed MB of the bundles received at once")
    p.add_argument("--workers", type=int, default=None,
                   help="接收同步包的工作进程数（0 为在本进程内；默认为处理器核数，单核时为 0）/ worker processes that receive "
                        "bundles (0: in this process; default: the number of CPUs, 0 on one CPU)")
    p = command(i, "receive", cmd_intake_receive)
    p.add_argument("--data", required=True)
    p.add_argument("file")
    p.add_argument("--receipt-out", help="回执保存目录 / folder for the receipt (default: beside FILE)")
    p = command(i, "publish", cmd_intake_publish, "发布下发更新 / publish a downstream bundle")
    p.add_argument("--data", required=True)
    p.add_argument("--office", required=True, help="单位编号（账本编号）/ office (ledger) id")
    p.add_argument("--kind", required=True, choices=("catalogue", "measures", "rule_set", "calendar", "joint_list",
                                                     "platform_keys"))
    p.add_argument("--item-version", type=whole, required=True, help="该类更新的版本号（单调递增）/ version of this kind")
    p.add_argument("--file", required=True, help="JSON 内容 / the item's JSON data")
    p.add_argument("--valid-days", type=whole)
    p.add_argument("--out", help="另存一份到此目录 / also write the bundle into this folder")


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise DomainError("FILE_UNREADABLE", f"无法读取文件 {path}：{exc.strerror}。",
                          f"Cannot read {path}: {exc.strerror}.") from None


def cmd_export(args) -> int:
    from credit_desk.services import sync
    with session_for(args) as s:
        if args.send:
            out = sync.send(s, args.url)
            human = (f"已报送同步包 {out['sent'] or '（无待报送）'}，导入回执 {len(out['receipts'])} 份，"
                     f"下发更新 {len(out['downstream'])} 份。")
            human += "".join("\n注意：" + n["zh"] for d in out["downstream"] for n in d.get("notes", []))
        else:
            out = sync.export_to_folder(s, Path(args.to), say=step_lines(args))
            human = "\n".join(f"已写入并校验 {b['file']}（序号 {b['seq']}，{b['changes']} 条变更）" for b in out) \
                or "没有待报送的变更。"
    emit(args, out, human)
    return 0


def cmd_import(args) -> int:
    from credit_desk.services import sync_inbound
    data = _read(args.file)
    with session_for(args) as s:
        out = sync_inbound.import_bytes(s, data)
    if out["type"] == "receipt":
        human = f"已导入回执：同步包 {out['bundle']}，接收 {out['accepted']} 条，退回 {out['rejected']} 条（见 bundle status）。"
    else:
        human = "已应用下发更新：" + "，".join(f"{k} 版本 {v}" for k, v in out["applied"].items())
        human += "".join("\n注意：" + n["zh"] for n in out.get("notes", []))  # issue 15: held calendar years
    emit(args, out, human)
    return 0


def cmd_verify(args) -> int:
    from credit_desk.services import sync
    data = _read(args.file)
    with session_for(args) as s:
        out = sync.verify_file(s, data)
    emit(args, out, f"校验通过：{out['type']} 序号 {out['sequence']}，SHA-256 {out['sha256']}。")
    return 0


def cmd_status(args) -> int:
    from credit_desk.services import sync
    with session_for(args) as s:
        out = sync.status(s)
    lines = [f"最近序号 {out['last_seq']}；待确认 {len(out['pending'])} 个；未打包变更 {out['unbundled_changes']} 条；"
             f"已接收 {out['acks'].get('accepted', 0)} 条；退回待处理 {len(out['quarantine'])} 条。"]
    lines += [f"  退回 变更{q['change_id']} {q['entity']}:{q['entity_id']} — {q['reason_zh']}" for q in out["quarantine"]]
    lines += [f"  下发 {k} 版本 {v['version']}{'（已过期）' if v['expired'] else ''}" for k, v in out["downstream"].items()]
    emit(args, out, "\n".join(lines))
    return 0


def cmd_requeue(args) -> int:
    from credit_desk.services import sync
    with session_for(args) as s:
        new_id = sync.requeue(s, args.change_id)
    emit(args, {"change_id": args.change_id, "new_change_id": new_id},
         f"变更 {args.change_id} 将随下一个同步包重新报送（新变更号 {new_id}）。")
    return 0


def _keys_human(info: dict) -> str:
    lines = [f"本单位 {info['region']}-{info['code']}", f"  签名公钥指纹 {info['sign_fingerprint']}",
             f"  加密公钥指纹 {info['enc_fingerprint']}"]
    p = info.get("platform")
    lines += ([f"平台 {p['name']}（{p['platform']}）", f"  签名公钥指纹 {p['sign_fingerprint']}",
               f"  加密公钥指纹 {p['enc_fingerprint']}"] if p else ["尚未导入平台公钥。"])
    return "\n".join(lines)


def cmd_keys_show(args) -> int:
    from credit_desk.services import keys
    with session_for(args) as s:
        info = keys.show(s)
    emit(args, info, _keys_human(info))
    return 0


def cmd_keys_export(args) -> int:
    from credit_desk.services import keys
    folder = data_dir(args)
    outpaths.guard_file(args.to, data_dir=folder, force=args.force, field="to")
    pem_path = outpaths.guard_file(args.pem, data_dir=folder, force=args.force, field="pem") if args.pem else None
    with session_for(args) as s:
        # R14: through the service the GUI uses, which writes the key file and its audit row (keys.export_public)
        keys.write_public(s, args.to, force=args.force)
        if pem_path:
            write_atomic(pem_path, keys.export_public(s)[1])
    emit(args, {"file": args.to, "pem": args.pem}, f"已导出本单位公钥到 {args.to}。")
    return 0


def cmd_keys_import(args) -> int:
    from credit_desk.services import keys
    data = _read(args.file)
    with session_for(args) as s:
        info = keys.import_platform(s, data)
    emit(args, info, "已固定平台公钥，请与平台电话核对指纹：\n" + _keys_human(info))
    return 0


def cmd_keys_rotate(args) -> int:
    from credit_desk.services import keys
    with session_for(args) as s:
        info = keys.rotate(s, args.suite)
    emit(args, info, f"已更换签名密钥（由旧密钥背书），密码套件 {info['suite']}；请导出新公钥文件交平台登记：\n"
         + _keys_human(info))
    return 0


def cmd_keys_suites(args) -> int:
    from credit_desk.services import keys
    with session_for(args) as s:
        if args.accept or args.reset:
            info = keys.set_accepted_suites(s, None if args.reset else args.accept)
        else:
            info = keys.show_accepted(s)
    emit(args, info, f"本单位接受平台文件的密码套件：{'、'.join(info['suites'])}。")
    return 0


def cmd_joint_prompts(args) -> int:
    from credit_desk.services import matching
    with session_for(args) as s:
        rows = matching.match_prompts(s, args.subject_id, args.purpose)
    emit(args, rows, "\n".join(f"{r['entry_id']}\t{r['list_title']}\t{r['match_on']}\t"
                               f"{'待确认' if r['decision'] is None else ('已适用' if r['decision']['applied'] else '不适用')}"
                               for r in rows) or "未发现匹配的联合惩戒名单条目。")
    return 0


def cmd_joint_decide(args) -> int:
    from credit_desk.services import matching
    with session_for(args) as s:
        out = matching.record_match_decision(s, args.subject_id, args.entry_id, args.applied == "yes", args.reason)
    emit(args, out, "已记录比对结论。")
    return 0


def cmd_intake_init(args) -> int:
    from credit_desk.intake.receiver import Intake
    doc = Intake.init(Path(args.data), args.name, dsn=args.dsn, schema=args.schema, keep_dsn=bool(args.dsn))
    emit(args, doc, f"已初始化接收端 {args.data}；平台公钥文件 {Path(args.data) / 'platform.keys.json'}\n"
                    f"  签名公钥指纹 {doc['fingerprints']['sign']}\n  加密公钥指纹 {doc['fingerprints']['enc']}")
    return 0


def cmd_intake_register(args) -> int:
    from credit_desk.intake.receiver import Intake
    out = Intake(Path(args.data)).register_office(_read(args.file))
    emit(args, out, f"已登记单位 {out['office']}，签名公钥指纹 {out['sign']}。")
    return 0


def cmd_intake_add_suite(args) -> int:
    from credit_desk.intake.receiver import Intake
    doc = Intake(Path(args.data)).add_suite(args.suite)
    fp = doc["suites"][args.suite]["fingerprints"]
    emit(args, doc, f"平台已生成 {args.suite} 密钥，公钥文件已更新；请各单位导入并电话核对指纹：签名 {fp['sign']}，加密 {fp['enc']}")
    return 0


def cmd_intake_suites(args) -> int:
    from credit_desk.intake.receiver import Intake
    intake = Intake(Path(args.data))
    try:
        if args.set or args.unset:
            out = intake.set_suites(args.office, None if args.unset else args.set, actor=args.actor or "",
                                    reason=args.reason or "")
            text = (f"平台接受单位 {out['office']} 的密码套件：{'、'.join(out['before'])} → {'、'.join(out['suites'])}"
                    "（已记入密钥审计）。")
        else:
            out = {"office": args.office, "suites": list(intake.allowed_suites(args.office)),
                   "configured": intake.platform.get("suites") or {}}
            text = f"平台接受单位 {out['office']} 的密码套件：{'、'.join(out['suites'])}。"
    finally:
        intake.close()
    emit(args, out, text)
    return 0


def cmd_intake_rotate(args) -> int:
    from credit_desk.intake.receiver import Intake
    out = Intake(Path(args.data)).rotate_office_keys(_read(args.file), actor=args.actor, reason=args.reason,
                                                     revoke=args.revoke)
    text = f"已更换单位 {out['office']} 的公钥，新签名公钥指纹 {out['sign']}；旧公钥保留（{out['closed']} 个已停用）。"
    if args.revoke:
        text += f"旧签名密钥已作废：序号 {out['revoked_above']} 之后由其签署的同步包一律拒收，未送达的须由单位重新生成。"
    emit(args, out, text)
    return 0


def cmd_intake_listings(args) -> int:
    from credit_desk.intake.receiver import Intake
    rows = Intake(Path(args.data)).subject_listings(args.id_type, args.id_number, actor=args.actor,
                                                    reason=args.reason, unmasked=args.unmasked)
    emit(args, rows, "\n".join(f"{r['office_id']} {r['region'] or ''} {r['list_type']} {r['decision_number'] or ''} "
                               f"{r['decided_on'] or ''}–{r['valid_until'] or ''}" for r in rows) or "（无）")
    return 0


def cmd_intake_decisions(args) -> int:
    from credit_desk.intake.receiver import Intake
    rows = Intake(Path(args.data)).decisions(args.office, actor=args.actor, reason=args.reason,
                                             unmasked=args.unmasked)
    emit(args, rows, "\n".join(f"{r['decision_id']} {r['kind']} {r['doc_number']} {r['decision_date']} "
                               f"{r['state']} {r['publication_end'] or ''}" for r in rows) or "（无）")
    return 0


def cmd_intake_serve(args) -> int:
    from credit_desk.intake.receiver import Intake
    from credit_desk.intake.server import ServerConfig, default_workers, serve
    config = ServerConfig(max_body_bytes=args.max_body_mb << 20, body_seconds=args.body_seconds,
                          read_timeout=args.read_timeout, max_in_flight=args.max_in_flight, rate_per_second=args.rate,
                          certfile=args.certfile, keyfile=args.keyfile,
                          plain_budget_bytes=args.plain_budget_mb << 20,
                          workers=default_workers() if args.workers is None else max(0, args.workers))
    # att20b: a connection for each thread that may use one (make_app runs max_in_flight + 4), so the pool never
    # runs dry while the database is well
    server = serve(Intake(Path(args.data), pool_size=args.max_in_flight + 4), args.host, args.port, config)
    host, port = server.server_address[:2]
    scheme = "https" if args.certfile and args.keyfile else "http"
    print(f"intake listening on {scheme}://{host}:{port}", flush=True)
    try:
        if not server.wait():  # att20b: the server thread died (logged): exit 1, not a process that answers nothing
            return 1
    except KeyboardInterrupt:
        pass  # Ctrl+C is how the operator stops the server; the finally block shuts it down
    finally:
        server.shutdown()
    return 0


def cmd_intake_receive(args) -> int:
    from credit_desk.intake.receiver import Intake
    path = Path(args.file)
    folder = Path(args.receipt_out) if args.receipt_out else path.parent
    target = outpaths.guard_file(folder / f"{path.stem}.receipt.cdb", data_dir=data_dir(args), force=True,
                                 field="receipt_out")
    receipt, out = Intake(Path(args.data)).receive(_read(args.file))
    write_atomic(target, receipt)
    out["receipt"] = str(target)
    emit(args, out, f"已接收序号 {out['sequence']}：接收 {out['accepted']} 条，退回 {out['rejected']} 条；回执 {target}")
    return 0


def cmd_intake_publish(args) -> int:
    from credit_desk.intake.receiver import Intake
    try:
        data = json.loads(_read(args.file).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested too deeply
        raise DomainError("FILE_NOT_JSON", f"{args.file} 不是 JSON 文件。", f"{args.file} is not JSON.") from None
    name, bundle = Intake(Path(args.data)).publish(args.office, [{"kind": args.kind, "version": args.item_version,
                                                                  "data": data}], valid_days=args.valid_days)
    if args.out:
        folder = outpaths.guard_folder(args.out, data_dir=data_dir(args), field="out")
        write_atomic(folder / f"downstream-{name}", bundle)
    emit(args, {"file": name}, f"已发布下发更新 {name}（{args.kind} 版本 {args.item_version}）。")
    return 0

