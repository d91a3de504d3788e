"""Issue 21 item 3: the Windows-specific branches, run here with the platform patched — the msvcrt ledger lock,
the fonts in %WINDIR%\\Fonts, keyring's choice of the Windows Credential Manager — and a scan that no POSIX-only
module, call or path is on a code path the Windows build runs. What needs a real Windows 10 PC is listed in
installer/windows/BUILD.md."""

from __future__ import annotations

import ast
import contextlib
import importlib
import os
import pkgutil
import re
import subprocess
import sys
import textwrap
from pathlib import Path, PureWindowsPath

import keyring
import pytest

import credit_desk
from credit_desk.documents import fonts as F
from credit_desk.domain.errors import DomainError
from credit_desk.store import keys, lock
from tests.installer import fake_windows

ROOT = Path(__file__).resolve().parents[2]
HOLDER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from tests.installer import fake_windows
    fake_windows.install_msvcrt()
    from credit_desk.store import lock
    lock.WINDOWS = True
    lk = lock.LedgerLock({path!r})
    lk.acquire(wait=5)
    print("held", flush=True)
    sys.stdin.readline()
    lk.release()
    print("released", flush=True)
""")


@pytest.fixture
def windows_lock(monkeypatch):
    monkeypatch.setitem(sys.modules, "msvcrt", fake_windows.msvcrt_module())
    monkeypatch.setattr(lock, "WINDOWS", True)
    fake_windows.CALLS.clear()
    return fake_windows.CALLS


def test_msvcrt_lock_keeps_a_second_writer_out_and_names_the_holder(windows_lock, tmp_path):
    path = tmp_path / "ledger.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT), path=str(path))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DomainError) as err:
            lock.LedgerLock(path).acquire(wait=0.3)
        assert err.value.code == "LEDGER_IN_USE"
        # the waiting clerk reads who holds it: the holder text is outside the locked byte
        assert f"进程 {holder.pid}" in err.value.zh
        text_end = path.stat().st_size
        assert text_end > 0 and all(off >= text_end for _, off, _ in windows_lock), (windows_lock, text_end)
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
    finally:
        holder.stdin.close()
        holder.wait(timeout=20)
    mine = lock.LedgerLock(path)
    mine.acquire(wait=2)
    assert mine.held
    mine.release()
    modes = [mode for mode, _, _ in windows_lock]
    assert modes[-2:] == [fake_windows.LK_NBLCK, fake_windows.LK_UNLCK]  # msvcrt, not fcntl, took it


# --- fonts: %WINDIR%\Fonts by file name ------------------------------------------------------------------------

def _system_font(family: str) -> str | None:
    out = subprocess.run(["fc-match", "-f", "%{family}|%{file}", family], capture_output=True, text=True).stdout
    fam, _, path = out.partition("|")
    return path if family in fam.split(",") else None


@pytest.fixture
def windows_fonts(monkeypatch, tmp_path):
    """A %WINDIR%\\Fonts holding the Windows file names (links to free fonts installed here)."""
    song, kai, hei = _system_font("AR PL UMing CN"), _system_font("AR PL UKai CN"), _system_font("WenQuanYi Zen Hei")
    if not (song and kai and hei):
        pytest.skip("needs fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-zenhei (scripts/setup.sh)")
    fonts_dir = tmp_path / "Windows" / "Fonts"
    fonts_dir.mkdir(parents=True)
    for name, src in (("simsun.ttc", song), ("simfang.ttf", kai), ("simhei.ttf", hei), ("simkai.ttf", kai)):
        (fonts_dir / name).symlink_to(src)
    ext_b = _system_font("HanaMinB")
    if ext_b:
        (fonts_dir / "simsunb.ttf").symlink_to(ext_b)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setattr(F, "_windows", lambda: True)
    monkeypatch.setattr(F, "_fontconfig_families", lambda families: pytest.fail("fontconfig asked on Windows"))
    for role in F.ROLES:
        monkeypatch.delenv(f"CREDIT_DESK_FONT_{role.upper()}", raising=False)
    monkeypatch.delenv("CREDIT_DESK_FONT_FALLBACK", raising=False)
    F._load.cache_clear()
    yield fonts_dir, bool(ext_b)
    F._load.cache_clear()


def test_fonts_come_from_windir_fonts_by_windows_file_name(windows_fonts):
    fonts_dir, has_ext_b = windows_fonts
    fs = F.load_fonts()
    want = {"song": "simsun.ttc", "fang": "simfang.ttf", "hei": "simhei.ttf", "kai": "simkai.ttf"}
    for role, name in want.items():
        assert fs.choices[role].path == str(fonts_dir / name) and fs.choices[role].source == "system", role
    chain = F.fallback_chain()
    if has_ext_b:
        assert chain[0][:2] == (str(fonts_dir / "simsunb.ttf"), 0)


def test_windows_font_paths_use_backslashes(monkeypatch):
    present = {r"C:\Windows\Fonts\simsun.ttc", r"C:\Windows\Fonts\simsunb.ttf"}

    class WinPath(PureWindowsPath):
        def exists(self):
            return str(self) in present
    monkeypatch.setattr(F, "Path", WinPath)
    monkeypatch.setattr(F, "_windows", lambda: True)
    monkeypatch.delenv("WINDIR", raising=False)  # not set: the default C:\Windows
    assert F._windows_candidates("song") == [(r"C:\Windows\Fonts\simsun.ttc", 0)]
    monkeypatch.setenv("WINDIR", "D:\\WINNT")
    present.add(r"D:\WINNT\Fonts\simhei.ttf")
    assert F._windows_candidates("hei") == [(r"D:\WINNT\Fonts\simhei.ttf", 0)]
    monkeypatch.setenv("WINDIR", "C:\\Windows")
    assert [c[0] for c in F.fallback_chain()] == [r"C:\Windows\Fonts\simsunb.ttf"]


# --- keyring: the Windows Credential Manager is chosen -------------------------------------------------------------

@pytest.fixture
def windows_keyring(monkeypatch, tmp_path):
    for name, mod in fake_windows.win32ctypes_modules().items():
        monkeypatch.setitem(sys.modules, name, mod)
    import keyring.backends.Windows as win_backend
    importlib.reload(win_backend)  # now its Windows dependencies import
    monkeypatch.setattr(sys, "platform", "win32")
    for var in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # no D-Bus: the Secret Service is not there
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))  # no keyringrc.cfg chooses for us
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "appdata"))
    from keyring import backend as kb

    def reset():  # keyring computes the viable backends once per process
        with contextlib.suppress(KeyError, AttributeError):
            kb.get_all_keyring.reset()
    reset()
    previous = keyring.get_keyring()
    yield win_backend, sys.modules["win32ctypes.pywin32.win32cred"].STORE
    keyring.set_keyring(previous)
    monkeypatch.undo()
    importlib.reload(win_backend)
    reset()


def test_r14_keyring_selects_the_windows_credential_manager(windows_keyring):
    win_backend, store = windows_keyring
    from keyring import core
    # keyring's own backends only: the test suite's in-memory keyrings are KeyringBackend subclasses too
    chosen = core._detect_backend(limit=lambda b: type(b).__module__.startswith("keyring.backends."))
    if type(chosen).__name__ == "ChainerBackend":
        chosen = chosen.backends[0]  # the chain's first (highest-priority) member answers first
    # by name: reload() re-ran the module in the same namespace, so the class object may be the first one
    assert (type(chosen).__module__, type(chosen).__name__) == ("keyring.backends.Windows", "WinVaultKeyring")
    keyring.set_keyring(chosen)
    name, usable = keys.keyring_backend()
    assert usable and name == "Windows.WinVaultKeyring"
    slot = keys.KeyringSlot("ledger-abc")
    key = os.urandom(keys.KEY_BYTES)
    assert slot.store_checked(key)
    assert slot.load() == key and keys.KEYRING_SERVICE in store  # kept in Credential Manager, read back


# --- no POSIX-only module, call or path on a Windows code path --------------------------------------------------

POSIX_ONLY_MODULES = ("fcntl", "resource", "pwd", "grp", "termios")
# Modules the Windows build never runs: the municipal platform's PostgreSQL cluster runs on its Linux server.
SERVER_ONLY = {"credit_desk.intake.cluster": "initdb/pg_ctl as the postgres user on the platform's Linux server"}


def test_every_module_imports_without_posix_only_modules():
    code = textwrap.dedent(f"""
        import importlib, pkgutil, sys
        for m in {POSIX_ONLY_MODULES!r}:
            sys.modules[m] = None  # as on Windows: importing it fails
        import credit_desk
        from credit_desk.store import lock
        bad = []
        for info in pkgutil.walk_packages(credit_desk.__path__, "credit_desk."):
            if info.name in {sorted(SERVER_ONLY)!r} or info.name.endswith("__main__"):
                continue
            try:
                importlib.import_module(info.name)
            except ImportError as exc:
                bad.append(f"{{info.name}}: {{exc}}")
        print("\\n".join(bad))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "", "POSIX-only import at module level:\n" + out.stdout


# os functions that do not exist (or do nothing useful) on Windows; each use must be guarded or server-only
POSIX_ONLY_CALLS = {"getuid", "geteuid", "getgid", "getegid", "chown", "fchown", "lchown", "fchmod", "killpg",
                    "setsid", "setpgrp", "getpgid", "fork", "forkpty", "mkfifo", "mknod", "statvfs", "fstatvfs",
                    "sync", "nice", "getloadavg", "uname", "sched_getaffinity", "sched_setaffinity", "pipe2",
                    "WNOHANG", "getpwnam", "initgroups"}
GUARDED = {  # (module, call): how the Windows run avoids it
    ("credit_desk.faults", "statvfs"): "AttributeError on Windows is caught: no free-space check there",
    ("credit_desk.gui.input_method", "getuid"): "AttributeError caught; only reached on Linux (choose() returns first)",
    ("credit_desk.services.documents", "fchmod"): "hasattr guard (test_notice_file_is_written_without_fchmod)",
    ("credit_desk.intake.server", "sched_getaffinity"): "AttributeError caught (os.cpu_count then); the platform's "
                                                        "intake server runs on its Linux host anyway",
}
POSIX_PATH_PREFIXES = ("/tmp", "/usr/", "/etc/", "/opt/", "/var/", "/home/", "/proc/", "/dev/", "~/")
PATHS_ALLOWED = {  # (module, literal): why it never runs on Windows
    ("credit_desk.gui.bench_probe", "/proc/self/status"): "read in try/except OSError: no /proc on Windows",
    ("credit_desk.bench.runner", "/proc/"): "read in try/except OSError: the bench names no CPU model there",
    ("credit_desk.bench.platform_figures", "/proc"): "listed and read in try/except OSError: on Windows the server "
                                                     "figure carries no window CPU (issue 18)",
    ("credit_desk.bench.sync_figures", "/tmp"): "only where os.path.isdir('/tmp'): the bench's throw-away PostgreSQL "
                                              "for the intake figures is a Linux server's (issue 18)",
    ("credit_desk.intake.cluster", "/usr/lib/postgresql"): SERVER_ONLY["credit_desk.intake.cluster"],
}


def _modules():
    for info in pkgutil.walk_packages(credit_desk.__path__, "credit_desk."):
        spec = importlib.util.find_spec(info.name)
        if spec and spec.origin and spec.origin.endswith(".py"):
            yield info.name, Path(spec.origin)


def _docstrings(tree) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def test_no_posix_only_call_or_path_outside_guarded_places():
    found = []
    for name, path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os" \
                    and node.attr in POSIX_ONLY_CALLS and (name, node.attr) not in GUARDED \
                    and name not in SERVER_ONLY:
                found.append(f"{name}:{node.lineno} os.{node.attr}")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                    and node.value.startswith(POSIX_PATH_PREFIXES) \
                    and not any((name, lit) in PATHS_ALLOWED for lit in (node.value,)) \
                    and not any(name == m and node.value.startswith(lit) for m, lit in PATHS_ALLOWED):
                found.append(f"{name}:{node.lineno} {node.value!r}")
    assert not found, "POSIX-only call or path on a Windows code path:\n" + "\n".join(found)


def test_the_windows_build_collects_what_keyring_needs_there():
    spec = (ROOT / "installer" / "credit_desk.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("win32ctypes")' in spec and "if WINDOWS" in spec
    iss = (ROOT / "installer" / "windows" / "credit_desk.iss").read_text(encoding="utf-8")
    assert "credit-desk-gui.exe" in iss and "{localappdata}" in iss.lower()
    assert (ROOT / "resources" / "icons" / "credit-desk.ico").is_file()


def test_one_documented_windows_build_script():
    """BUILD.md's one command is the script; the script builds from the spec and the .iss that are in the tree,
    smoke-runs the frozen program and writes the setup's checksum; the checklist for a real PC is there."""
    build_md = (ROOT / "installer" / "windows" / "BUILD.md").read_text(encoding="utf-8")
    script = (ROOT / "installer" / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert r"installer\windows\build.ps1" in build_md
    for ref in (r"installer\credit_desk.spec", r"installer\windows\credit_desk.iss", "credit-desk-gui.exe",
                "PYTHON_KEYRING_BACKEND", "Get-FileHash", "/DAppVersion="):
        assert ref in script, ref
    for ref in re.findall(r"(?<![\w])installer\\[\w\\.]+", script):
        assert (ROOT / ref.replace("\\", "/")).exists(), ref
    assert build_md.count("- [ ]") >= 8 and "Windows 10" in build_md  # the checklist, not ticked here
    spec = (ROOT / "installer" / "credit_desk.spec").read_text(encoding="utf-8")
    assert 'name="credit-desk-gui"' in spec and "if WINDOWS:" in spec


# --- printing: a notice file is written where os.fchmod does not exist (Windows, Python 3.11) ---------------------

def test_notice_file_is_written_without_fchmod(monkeypatch, tmp_path):
    from credit_desk.services import documents
    monkeypatch.delattr(os, "fchmod")
    part = documents._write_part(tmp_path / "out" / "notice.pdf", b"%PDF-1.7 test")
    assert part.read_bytes() == b"%PDF-1.7 test" and part.name == "notice.pdf.part"


# --- the data folder: the one the uninstaller's "delete my ledger" removes ------------------------------------------

WIN_DATA = textwrap.dedent("""
    import argparse, os, sys
    real, sys.platform = sys.platform, "win32"
    import platformdirs  # picks its Windows class now
    import platformdirs.windows as win  # no shell API here: its %LOCALAPPDATA% reading stands in for it
    win._RESOLVE_WIN_FOLDER = win.get_win_folder_from_env_vars
    sys.platform = real  # the rest of the program imports as it does here
    os.environ.pop("CREDIT_DESK_DATA_DIR", None)
    os.environ["LOCALAPPDATA"] = {appdata!r}
    from credit_desk.cli.common import data_dir
    print(data_dir(argparse.Namespace(data_dir=None)))
""")


def test_windows_data_folder_is_the_one_the_uninstaller_removes():
    """platformdirs' Windows branch (the known-folder call answered from %LOCALAPPDATA%) puts the ledger in
    %LOCALAPPDATA%\\credit_desk; the .iss deletes exactly that folder when the box is ticked."""
    appdata = r"C:\Users\王经办\AppData\Local"
    env = {k: v for k, v in os.environ.items() if k != "CREDIT_DESK_DATA_DIR"}
    out = subprocess.run([sys.executable, "-c", WIN_DATA.format(appdata=appdata)], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    folder = out.stdout.strip()
    assert folder.startswith(appdata) and not folder.startswith(str(Path.home())), folder
    name = folder[len(appdata):].lstrip("\\/")
    iss = (ROOT / "installer" / "windows" / "credit_desk.iss").read_text(encoding="utf-8-sig")
    removed = re.findall(r"ExpandConstant\('\{localappdata\}\\([^']+)'\)", iss)
    assert removed == [name] == ["credit_desk"], (removed, folder)


# --- the Windows scripts are read as they were written ------------------------------------------------------------

def test_windows_scripts_survive_the_ansi_code_page():
    """Windows PowerShell 5.1 reads a .ps1 without a byte-order mark in the ANSI code page (GBK on a Chinese
    Windows) and Inno Setup before 6.3 needs the mark to read a .iss as UTF-8: a Chinese literal in either file
    arrives garbled unless the file is ASCII or starts with the UTF-8 mark."""
    for name in ("build.ps1", "credit_desk.iss"):
        raw = (ROOT / "installer" / "windows" / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") or raw.isascii(), f"{name}: non-ASCII text without a UTF-8 BOM"
        text = raw.decode("utf-8-sig")
        if name == "credit_desk.iss":
            assert "信用办台账" in text  # the wizard's Chinese names are there, and readable

