"""Maintenance commands: backup, restore, check."""

from __future__ import annotations

from pathlib import Path

from credit_desk.cli import common
from credit_desk.cli.common import command, emit
from credit_desk.domain.errors import AuthError
from credit_desk.services import backup


def register(sub) -> None:
    p = command(sub, "backup", cmd_backup, "备份账本 / back up the ledger (works while the app is open)")
    p.add_argument("--to", help="备份目录（默认为数据目录下的 backups）/ target folder")
    p = command(sub, "restore", cmd_restore, "从备份恢复到新的数据目录 / restore into a new data folder")
    p.add_argument("file")
    p.add_argument("--to", required=True, help="新的数据目录（须为空）/ new, empty data folder")
    p.add_argument("--allow-unsigned", action="store_true",
                   help="接受旧版本未签名的备份 / accept a backup made before manifests were signed")
    p.add_argument("--full", action="store_true",
                   help="恢复时再通读整个数据库并重算全部审计日志（较慢）；默认核对签名、校验值与审计链头，"
                        "备份生成时已整体校验 / check the whole database and audit chain again while restoring "
                        "(slower); by default the signature, hashes and audit head are checked, the backup "
                        "having been checked whole when it was made")
    p = command(sub, "check", cmd_check, "检查账本 / integrity, audit chain, change log, backup age")
    p.add_argument("--full", action="store_true",
                   help="完整的数据库完整性检查（较慢）；默认为日常快速检查 / the full integrity check (slower); "
                        "the default is the daily quick check")
    c = common.group(sub, "clock", "本机时钟 / the clock check (R14)")
    p = command(c, "confirm", cmd_clock_confirm)
    p.add_argument("--reason", required=True, help="确认理由，如“春节后首次使用” / why the clock is right")


def cmd_backup(args) -> int:
    with common.session_for(args) as s:  # R14: an administrator's act, logged in the audit chain
        path = backup.run_backup(s, Path(args.to) if args.to else None,
                                 progress=common.progress_lines(args, "正在备份并校验", "backing up and checking"))
    emit(args, {"file": str(path)}, f"已备份并校验：{path}")
    return 0


def cmd_restore(args) -> int:
    passphrase = (common.read_secret_file(args.recovery_passphrase_file)
                  if args.recovery_passphrase_file else None)
    if not args.user:  # asked before anything is unpacked (R14: restore is an administrator's act)
        raise AuthError("USER_REQUIRED", "恢复账本须由该账本的管理员登录：请用 --user 指定用户名。",
                        "Restoring needs the restored ledger's administrator: name the user with --user.")
    password = common.password(args)
    out = backup.restore(Path(args.file), Path(args.to), passphrase, allow_unsigned=args.allow_unsigned,
                         full=args.full, say=common.step_lines(args))
    # R14: the administrator of the restored ledger logs in to it and the restore is recorded there
    backup.confirm_restore(Path(args.to), Path(args.file), args.user, password, passphrase, out)
    if out["checked_whole"] == "backup":  # issue 18: checked whole when it was made; the bytes are those bytes
        how = (f"备份生成时已通读数据库并校验审计日志 {out['audit_rows']} 行，本次核对了签名、校验值与审计链头；"
               f"首次启动或检查时将再通读整个文件")
    else:
        how = f"已通读数据库，审计日志 {out['audit_rows']} 行校验无误"
    emit(args, out, f"已从备份恢复到 {out['folder']}（{out['created']} 的备份，{how}）。")
    return 0


def cmd_clock_confirm(args) -> int:
    from credit_desk.services import clock
    with common.session_for(args, daily=False) as s:
        out = clock.confirm_clock(s, args.reason)
    emit(args, out, f"已确认本机时钟（{out['confirmed_at']}）。")
    return 0


def cmd_check(args) -> int:
    desk = common.open_desk(args, read_only=True)
    try:
        items = backup.check(desk, full=args.full, say=common.step_lines(args))
    finally:
        desk.close()
    lines = [("✔ " if i.ok else "✘ ") + (i.detail_en if args.lang == "en" else i.detail_zh) for i in items]
    emit(args, [{"item": i.name, "ok": i.ok, "detail": i.detail_zh} for i in items], "\n".join(lines))
    return 0 if all(i.ok for i in items) else 3
