"""Shared CLI plumbing: global options, opening the ledger, logging in, output and errors."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from credit_desk import faults
from credit_desk.domain.errors import AuthError, DomainError
from credit_desk.domain.procedure import CLOCK_CODES
from credit_desk.services import auth, ledgers
from credit_desk.services.base import Desk, Session

EXIT_REFUSED, EXIT_AUTH = 1, 2


def _global_options(p: argparse.ArgumentParser, suppress: bool) -> None:
    d = (lambda v: argparse.SUPPRESS) if suppress else (lambda v: v)
    p.add_argument("--data-dir", default=d(None),
                   help="账本所在目录 / ledger folder (env CREDIT_DESK_DATA_DIR)")
    p.add_argument("--json", action="store_true", default=d(False), help="机器可读输出 / JSON output")
    # None means "not given": resolved from CREDIT_DESK_LANG at run time, since the parser is built once.
    p.add_argument("--lang", choices=("zh", "en"), default=d(None))
    p.add_argument("--user", default=d(None),
                   help="登录用户名 / user name (password from env CREDIT_DESK_PASSWORD or prompt)")
    p.add_argument("--recovery-passphrase-file", default=d(None),
                   help="用恢复口令解锁 / unlock with the recovery passphrase in FILE")
    p.add_argument("--store-key-in-keyring", action="store_true", default=d(False),
                   help="用恢复口令解锁后把密钥重新存入钥匙串 / put the key back in the keyring after recovery")


def root_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="credit-desk", description="县级信用办信用信息台账 credit_desk")
    p.add_argument("--version", action="store_true", help="显示版本 / show the version")
    _global_options(p, suppress=False)
    return p


# Leaf commands take the global options too, so they may stand before or after the command words.
GLOBALS = argparse.ArgumentParser(add_help=False)
_global_options(GLOBALS, suppress=True)


def command(sub, name: str, handler, help: str | None = None) -> argparse.ArgumentParser:
    """Add a leaf command that accepts the global options anywhere on the line."""
    p = sub.add_parser(name, help=help, parents=[GLOBALS])
    p.set_defaults(handler=handler)
    return p


def group(sub, name: str, help: str | None = None):
    return sub.add_parser(name, help=help).add_subparsers(dest="sub", required=True, metavar="SUBCOMMAND")


LIMIT_MAX = 100_000


def whole(text: str) -> int:
    """argparse type: an integer the ledger can store (SQLite's 64 bits); else one sentence (issue 14 item 7)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数 / not a whole number: {text[:30]}") from None
    if not -faults.SQLITE_MAX_INT <= n <= faults.SQLITE_MAX_INT:
        raise argparse.ArgumentTypeError(f"数字超出范围 / number out of range: {text[:30]}")
    return n


def limit(text: str) -> int:
    """argparse type for --limit: 1 to LIMIT_MAX rows."""
    n = whole(text)
    if not 1 <= n <= LIMIT_MAX:
        raise argparse.ArgumentTypeError(f"应在 1–{LIMIT_MAX} 之间 / must be 1–{LIMIT_MAX}: {text[:30]}")
    return n


def data_dir(args) -> Path:
    chosen = args.data_dir or os.environ.get("CREDIT_DESK_DATA_DIR")
    return Path(chosen) if chosen else Path(user_data_dir("credit_desk", appauthor=False))


def run(args) -> int:
    """Run the chosen command; turn refusals into one sentence and an exit code, never a traceback."""
    try:
        result = args.handler(args)
    except AuthError as exc:
        return _fail(args, exc, EXIT_AUTH)
    except DomainError as exc:
        return _fail(args, exc, EXIT_REFUSED)
    except OverflowError:  # a number too large for the ledger (issue 14 item 7): one sentence, not a traceback
        return _fail(args, faults.number_out_of_range("number"), EXIT_REFUSED)
    except OSError as exc:  # a fault of the PC that no service named: disk full, read-only folder…
        return _fail(args, faults.from_os(exc, None), EXIT_REFUSED)
    except KeyboardInterrupt:
        print("已取消。/ Cancelled.", file=sys.stderr)
        return 130
    return result if isinstance(result, int) else 0


def _fail(args, exc: DomainError, code: int) -> int:
    if args.json:
        out = {"ok": False, "code": exc.code, "rule": exc.rule(), "field": exc.field,
               "row": exc.row, "message": exc.message(args.lang), "cli": exc.cli}
        if getattr(exc, "problems", None):  # an all-or-nothing import: every bad cell, not only the first twenty
            out["problems"] = [{"code": p.code, "field": p.field, "row": p.row, "message": p.message(args.lang)}
                               for p in exc.problems]
        print(json.dumps(out, ensure_ascii=False))
    else:
        hint = f"（命令行：{exc.cli}）" if exc.cli and args.lang != "en" else f" (command line: {exc.cli})" \
            if exc.cli else ""
        print(f"{exc.message(args.lang)}{hint} [{exc.code}]", file=sys.stderr)
    return code


def emit(args, data, human: str) -> None:
    """JSON for machines, one readable block for people."""
    if args.json:
        print(json.dumps(data, ensure_ascii=False, default=str, indent=1))
    else:
        print(human)


def read_secret_file(path: str) -> str:
    """The secret in the text file ``path``: UTF-8, with or without the byte-order mark that Windows Notepad and
    PowerShell 5.1's ``Set-Content -Encoding UTF8`` write (it would otherwise become part of the password), line
    ends (LF or CRLF) removed. Raises DomainError FILE_UNREADABLE, or FILE_NOT_UTF8 for a file saved in the
    Windows ANSI code page (GBK)."""
    try:
        return Path(path).read_text(encoding="utf-8-sig").strip("\r\n")
    except OSError as exc:
        raise DomainError("FILE_UNREADABLE", f"无法读取文件 {path}：{exc.strerror}。",
                          f"Cannot read {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise DomainError("FILE_NOT_UTF8", f"文件 {path} 不是 UTF-8 编码（可能是记事本按 ANSI/GBK 保存的）：请用"
                          f"「另存为」选择编码 UTF-8 后再试。",
                          f"{path} is not UTF-8 (perhaps saved as ANSI/GBK by Notepad): save it again with "
                          f"the encoding UTF-8.") from None


def prompt_secret(label_zh: str, label_en: str, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        raise AuthError("NO_TTY", f"需要{label_zh}，但没有可交互的终端；请用对应的 --…-file 选项提供。",
                        f"{label_en} is needed but there is no terminal; pass it with the --…-file option.")
    first = getpass.getpass(f"{label_zh} / {label_en}: ")
    if confirm and getpass.getpass(f"再次输入{label_zh} / repeat: ") != first:
        raise AuthError("SECRET_MISMATCH", "两次输入不一致。", "The two entries differ.")
    return first


def progress_lines(args, zh: str, en: str):
    """Issue 18: ``progress(done, total)`` printing "zh / en: N%" to stderr at each further tenth (nothing with
    --json), so a command that takes minutes at 1M is not silent."""
    if args.json:
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        tenth = 10 * done // total if total else 0
        if tenth > last[0]:
            last[0] = tenth
            print(f"  {zh} / {en}: {10 * tenth}%", file=sys.stderr, flush=True)
    return show


def step_lines(args):
    """Issue 18: ``say(zh, en)`` printing each step of a long command to stderr before it starts (not with
    --json)."""
    if args.json:
        return None
    return lambda zh, en: print(f"  {zh} / {en}", file=sys.stderr, flush=True)


def _say_waiting(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def open_desk(args, *, read_only: bool = False) -> Desk:
    folder = data_dir(args)
    passphrase = read_secret_file(args.recovery_passphrase_file) if args.recovery_passphrase_file else None
    try:
        desk = ledgers.unlock(folder, recovery_passphrase=passphrase, read_only=read_only, on_wait=_say_waiting)
    except AuthError as exc:
        if exc.code != "KEYRING_NO_KEY" or not sys.stdin.isatty():
            raise
        print(exc.message(args.lang), file=sys.stderr)
        desk = ledgers.unlock(folder, recovery_passphrase=prompt_secret("恢复口令", "Recovery passphrase"),
                              read_only=read_only, on_wait=_say_waiting)
    if desk.unlocked_by == "recovery":
        _offer_keyring(args, desk)
    return desk


def _offer_keyring(args, desk: Desk) -> None:
    if args.store_key_in_keyring:
        problem = ledgers.store_key_again(desk)
        print("密钥已存入系统钥匙串。" if problem is None else
              f"未能把密钥存入系统钥匙串（{problem}），下次仍需恢复口令。/ The key could not be stored in the "
              f"system keyring ({problem}); the next start needs the recovery passphrase again.", file=sys.stderr)
    else:
        print("提示：已用恢复口令解锁；加 --store-key-in-keyring 可将密钥重新存入系统钥匙串。", file=sys.stderr)


def password(args) -> str:
    found = os.environ.get("CREDIT_DESK_PASSWORD")
    return prompt_secret("密码", "Password") if found is None else found


def login(args, desk: Desk) -> Session:
    if not args.user:
        raise AuthError("USER_REQUIRED", "请用 --user 指定登录用户名。", "Name the user with --user.")
    return auth.login(desk, args.user, password(args))


class session_for:
    """``with session_for(args) as s:`` opens the ledger, logs in, runs the daily expiry check (R12 way 3, as the
    GUI does on start: every command then sees expired listings as exited), and always closes the ledger."""

    def __init__(self, args, daily: bool = True) -> None:
        self.args = args
        self.daily = daily
        self.desk: Desk | None = None

    def __enter__(self) -> Session:
        self.desk = open_desk(self.args)
        try:
            session = login(self.args, self.desk)
            if self.daily:
                _daily_check(self.args, session)
            return session
        except BaseException:
            self.desk.close()
            raise

    def __exit__(self, *exc) -> None:
        self.desk.close()


def _daily_check(args, session: Session) -> None:
    """The day's checks before a command (R12 expiry, R13 publication ends, R20). One that cannot finish is undone
    whole (its transaction) and said; the command goes on and the next one tries again — an error inside the check
    must not shut every user out of the ledger (a late expiry run once refused every login, rep32). A clock
    turned back or far ahead (R14, ``procedure.CLOCK_CODES``) still refuses the command: that is the clock's fault,
    and a check on a wrong day would move listings on it."""
    from credit_desk.services import case_exits
    try:
        done = case_exits.daily_check(session)
    except DomainError as exc:
        if exc.code in CLOCK_CODES:  # R14: a wrong clock stops every command until it is put right or confirmed
            raise
        print(f"今日的到期检查未能完成，已全部撤回，下一次操作时将再次检查：{exc.zh} / Today's expiry check could not "
              f"finish and was undone; it runs again with the next command: {exc.en}", file=sys.stderr)
        return
    expired = "、".join(str(d["case_id"]) for d in done or () if not d.get("basis_revoked") and not d.get("refused"))
    gone = "、".join(str(d["case_id"]) for d in done or () if d.get("basis_revoked"))
    for d in done or ():  # issue 19: a listing that could not leave is said, the others left
        if d.get("refused"):
            print(f"{d['zh']} / {d['en']}", file=sys.stderr)
    if expired:
        print(f"有效期届满检查：案件 {expired} 已于有效期届满次日移出名单（R12）。/ Expiry check: case(s) {expired} left "
              "their list.", file=sys.stderr)
    if gone:
        print(f"依据撤销检查：案件 {gone} 所依据的失信信息均已撤销，认定部门逾期未作出移出决定，已自动移出名单（R3）。"
              f"/ Case(s) {gone}: every basis record was revoked and the end deadline passed; they left their "
              "list.", file=sys.stderr)


def print_version(args) -> int:
    from credit_desk.services import about
    desk = _desk_for_version(args)
    try:
        info = about.describe(desk)
    finally:
        if desk is not None:
            desk.close()
    emit(args, info, "\n".join(about.human_lines(info)))
    return 0


def _desk_for_version(args) -> Desk | None:
    """The ledger opened read-only for its key fingerprint, if it opens without asking anything."""
    from credit_desk.store.ledger import LedgerPaths
    folder = data_dir(args)
    if not LedgerPaths(folder).exists():
        return None
    try:
        passphrase = read_secret_file(args.recovery_passphrase_file) if args.recovery_passphrase_file else None
        return ledgers.unlock(folder, recovery_passphrase=passphrase, read_only=True)
    except Exception:  # --version must always answer; the fingerprint is simply left out
        return None
