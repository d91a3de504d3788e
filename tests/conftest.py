"""Test fixtures: a fresh data folder and an in-memory keyring per test; never the user's own."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Child processes get no keyring at all (the headless-Linux case); in-process tests get MemoryKeyring.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from credit_desk.cli import main as cli_main  # noqa: E402

# The desk clock of the in-process CLI tests that opt into ``pinned_clock``: a Monday on or after every date
# their stories type as past (served 2026-09-28, decided 2026-10-12, repair requests on 2026-11-20). Dates in
# those tests are read against this clock, never the machine's, so the suite passes on any day
# (scripts/test_future_dates.sh runs it under faketime; tests/README.md).
TEST_NOW = datetime(2026, 11, 30, 9, 0)

ADMIN_PW = "admin-pass-1"
PASSPHRASE = "correct horse battery staple"
USER_PW = "user-pass-12"


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self.entries.pop((service, username), None)


@pytest.fixture(autouse=True)
def test_keyring():
    previous = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def platform_dsn():
    """A real PostgreSQL cluster for the whole run (issue 20): initdb in a temp folder, started as the unprivileged
    user postgres when the tests run as root (runuser), Unix socket only; stopped and removed at the end."""
    import shutil
    import tempfile

    from credit_desk.intake.cluster import Cluster
    from credit_desk.intake.receiver import DSN_ENV
    # /tmp itself, not TMPDIR: a test may point TMPDIR into its own root-only folder, which the postgres user
    # could not enter
    root = "/tmp" if os.path.isdir("/tmp") else None
    _stop_orphaned_clusters(Path(root or tempfile.gettempdir()))
    folder = Path(tempfile.mkdtemp(prefix="credit_desk_pg_", dir=root))
    (folder / "owner.pid").write_text(str(os.getpid()))
    cluster = Cluster(folder, settings={"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"})
    dsn = cluster.start()
    os.environ[DSN_ENV] = dsn  # child processes (intake serve, the CLI) inherit it
    try:
        yield dsn
    finally:
        os.environ.pop(DSN_ENV, None)
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _stop_orphaned_clusters(root: Path) -> None:
    """A run killed outright (SIGKILL, a closed terminal) leaves its cluster running: stop the ones whose test
    process is gone, so a machine does not collect PostgreSQL servers run after run."""
    import shutil

    from credit_desk.intake.cluster import Cluster
    for mark in root.glob("credit_desk_pg_*/owner.pid"):
        try:
            os.kill(int(mark.read_text()), 0)
            continue  # its run is still going (another run in parallel)
        except ProcessLookupError:
            pass
        except (OSError, ValueError):
            continue
        try:
            Cluster(mark.parent).stop()
        except Exception:  # noqa: BLE001 - a half-removed folder: nothing left to stop
            pass
        shutil.rmtree(mark.parent, ignore_errors=True)


_NEEDS_PLATFORM: dict[str, bool] = {}


@pytest.fixture(autouse=True)
def _platform_when_used(request):
    """Start the cluster only for test modules that use the intake (unit runs stay quick)."""
    path = str(getattr(request.node, "fspath", ""))
    if path not in _NEEDS_PLATFORM:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError:
            text = ""
        _NEEDS_PLATFORM[path] = any(w in text for w in ("Intake", "intake", "pair(", "platform_dsn"))
    if _NEEDS_PLATFORM[path]:
        request.getfixturevalue("platform_dsn")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Point every per-user folder into tmp_path so no test can reach the real data folder."""
    monkeypatch.setenv("CREDIT_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("CREDIT_DESK_PASSWORD", ADMIN_PW)
    monkeypatch.delenv("CREDIT_DESK_LANG", raising=False)


# The pinned clock of the running test (``pinned_clock``), None outside one: tests/e2e/case_kit walks it.
CURRENT_CLOCK: dict | None = None


@pytest.fixture
def pinned_clock(monkeypatch) -> dict:
    """Every desk the in-process CLI opens (``ledgers.unlock`` / ``init_office``), and every in-process platform
    ``Intake`` built without a clock, reads ``holder["now"]`` (TEST_NOW unless the test moves it) instead of the
    machine's clock. Child processes are not affected."""
    from credit_desk.services import ledgers
    holder = {"now": TEST_NOW}
    monkeypatch.setattr(sys.modules[__name__], "CURRENT_CLOCK", holder)  # for the kits' clock walk (case_kit)

    def pinned(opener):
        def open_pinned(*args, **kwargs):
            opened = opener(*args, **kwargs)
            desk = opened[0] if isinstance(opened, tuple) else opened
            desk.clock = lambda: holder["now"]
            return opened
        return open_pinned

    monkeypatch.setattr(ledgers, "unlock", pinned(ledgers.unlock))
    monkeypatch.setattr(ledgers, "init_office", pinned(ledgers.init_office))
    # the platform's intake in the same test reads the same clock (bundle expiry, signed requests), unless the
    # test gives it its own, and the office signs its requests on it: otherwise a bundle made "on TEST_NOW"
    # expires on the machine's calendar (issue 23: red from 2027-02-28 on)
    from credit_desk.intake import receiver
    real_init = receiver.Intake.__init__

    def intake_init(self, folder, *, clock=None, **kwargs):
        real_init(self, folder, clock=clock or (lambda: holder["now"]), **kwargs)

    monkeypatch.setattr(receiver.Intake, "__init__", intake_init)
    from credit_desk.sync import reqauth
    real_sign = reqauth.sign_headers

    def sign_headers(*args, now=None, **kwargs):  # the office signs its requests on the same clock
        return real_sign(*args, now=now or holder["now"].astimezone(timezone.utc), **kwargs)

    monkeypatch.setattr(reqauth, "sign_headers", sign_headers)
    return holder


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def secret_files(tmp_path) -> dict[str, Path]:
    """Password and passphrase files kept outside the data folder."""
    folder = tmp_path / "secrets"
    folder.mkdir()
    files = {"admin": folder / "admin.txt", "passphrase": folder / "recovery.txt", "user": folder / "user.txt"}
    files["admin"].write_text(ADMIN_PW)
    files["passphrase"].write_text(PASSPHRASE)
    files["user"].write_text(USER_PW)
    return files


_AS_DEFAULT = object()

# Separation of duties (R14, issue 14 item 6): the administrator does no business. Tests that do business act as
# these accounts (the ``business`` / ``clerk_session`` fixtures create them when the ledger has none).
CLERK_NAME, HEAD_NAME = "clerk1", "boss1"   # 经办 and 负责人 (approver: decides, four eyes against the clerk)


def ensure_business_accounts(admin_session) -> None:
    """Add clerk1 (clerk) and boss1 (approver), password USER_PW, unless they exist."""
    from credit_desk.services import accounts
    have = {u.username for u in accounts.list_users(admin_session)}
    for name, role in ((CLERK_NAME, "clerk"), (HEAD_NAME, "approver")):
        if name not in have:
            accounts.add_user(admin_session, name, role, USER_PW)


def business_login(admin_session, username: str = CLERK_NAME):
    """A session of a business account on the admin session's desk (created first if missing)."""
    from credit_desk.services import auth
    ensure_business_accounts(admin_session)
    return auth.login(admin_session.desk, username, USER_PW)


class Cli:
    """Runs credit-desk in-process, as a clerk would type it, and captures what it prints. ``user`` defaults to
    the administrator (init, accounts, settings); ``as_user`` gives one that acts as a business account."""

    def __init__(self, capsys, data_dir: Path, default_user: str = "admin", default_password: str | None = None):
        self.capsys = capsys
        self.data_dir = data_dir
        self.default_user = default_user
        self.default_password = default_password

    def as_user(self, user: str, password: str | None = USER_PW) -> "Cli":
        return Cli(self.capsys, self.data_dir, user, password)

    def __call__(self, *argv, user=_AS_DEFAULT, password: str | None = None):
        if user is _AS_DEFAULT:
            user, password = self.default_user, (password if password is not None else self.default_password)
        elif password is None and user not in (None, "admin"):
            password = USER_PW  # every non-admin account of the tests has the user password
        full = ["--data-dir", str(self.data_dir)] + (["--user", user] if user else []) + list(argv)
        if password is not None:
            os.environ["CREDIT_DESK_PASSWORD"] = password
        try:
            code = cli_main(full)
        finally:
            os.environ["CREDIT_DESK_PASSWORD"] = ADMIN_PW
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(capsys, data_dir) -> Cli:
    return Cli(capsys, data_dir)


@pytest.fixture
def office(cli, secret_files) -> Cli:
    """An initialised office ledger with admin 'admin'; the key is in the test keyring."""
    code, out, err = cli("init", "--office", "清江浦区信用办", "--region", "320812", "--admin", "admin",
                         "--password-file", str(secret_files["admin"]), "--recovery-passphrase-file",
                         str(secret_files["passphrase"]), user=None)
    assert code == 0, err
    return cli


AUDITOR_NAME = "audit1"


def with_business_accounts(office: Cli, secret_files) -> Cli:
    """Add clerk1 (clerk), boss1 (approver) and audit1 (auditor) unless there; a Cli acting as clerk1 by default
    (``user="boss1"`` for a decision, ``user="audit1"`` to read the audit log, ``user="admin"`` for an
    administrator's act)."""
    listed = office("--json", "user", "list", user="admin", password=None)[1]
    for name, role in ((CLERK_NAME, "clerk"), (HEAD_NAME, "approver"), (AUDITOR_NAME, "auditor")):
        if f'"{name}"' not in listed:
            code, _, err = office("user", "add", name, "--role", role, "--password-file", str(secret_files["user"]),
                                  user="admin", password=None)
            assert code == 0, err
    return office.as_user(CLERK_NAME)


@pytest.fixture
def business(office, secret_files) -> Cli:
    """The office with its business accounts; a Cli acting as the clerk (R14: the administrator does none)."""
    return with_business_accounts(office, secret_files)


def run_cli_subprocess(args: list[str], env_extra: dict | None = None, timeout: int = 120):
    import subprocess
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "credit_desk", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)
