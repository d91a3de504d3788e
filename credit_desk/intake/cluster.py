"""A local PostgreSQL cluster in a folder, for the tests and for a trial of the platform on 127.0.0.1.

Debian's postgresql packages (``/usr/lib/postgresql/<major>/bin``) provide initdb and pg_ctl. PostgreSQL refuses to
run as root, so when this process is root the server runs as the system user ``postgres`` (created by the Debian
package) through ``runuser``; the folder is handed to that user. The cluster listens on a Unix socket inside its
folder only (no TCP port: several clusters on one machine never collide), with ``trust`` authentication for the
local user ``postgres`` — a trial and test set-up, not a production configuration.

    Cluster(folder).start()  ->  dsn "host=<folder>/run port=5432 user=postgres dbname=postgres"
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path

from credit_desk.domain.errors import DomainError

RUN_AS = "postgres"


def bin_dir() -> Path:
    """The newest Debian PostgreSQL bin folder (or the folder of pg_ctl on PATH); DomainError when none."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name)
                   if p.parent.parent.name.isdigit() else 0)
    if found:
        return found[-1].parent
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    raise DomainError("POSTGRES_MISSING", "未安装 PostgreSQL，请先执行 bash scripts/setup.sh --test（安装 postgresql 软件包）。",
                      "PostgreSQL is not installed; run bash scripts/setup.sh --test (installs the postgresql package).")


class Cluster:
    """One cluster: ``folder/data`` (the database files), ``folder/run`` (socket), ``folder/server.log``."""

    def __init__(self, folder: Path, *, port: int = 5432, settings: dict | None = None) -> None:
        self.folder = Path(folder)
        self.port = port
        self.settings = {"listen_addresses": "''", "max_connections": "200", **(settings or {})}

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def run(self) -> Path:
        return self.folder / "run"

    def dsn(self, dbname: str = "postgres") -> str:
        return f"host={self.run} port={self.port} user=postgres dbname={dbname}"

    def _as_owner(self, argv: list[str]) -> list[str]:
        if os.geteuid() != 0:
            return argv
        try:
            pwd.getpwnam(RUN_AS)
        except KeyError:
            raise DomainError("POSTGRES_USER_MISSING", f"以 root 运行时需要系统用户 {RUN_AS}（由 postgresql 软件包创建）。",
                              f"Running as root needs the system user {RUN_AS} (created by the postgresql package).") \
                from None
        return ["runuser", "-u", RUN_AS, "--"] + argv

    def _run(self, argv: list[str]) -> None:
        done = subprocess.run(self._as_owner(argv), capture_output=True, text=True, cwd="/")
        if done.returncode != 0:
            raise DomainError("POSTGRES_FAILED", f"PostgreSQL 命令失败：{Path(argv[0]).name}：{done.stderr.strip()[:300]}",
                              f"PostgreSQL command failed: {Path(argv[0]).name}: {done.stderr.strip()[:300]}")

    def init(self) -> None:
        """initdb into ``folder/data`` (UTF-8, C collation, trust for the local user postgres)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.run.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            user = pwd.getpwnam(RUN_AS)
            for p in (self.folder, self.run):
                os.chown(p, user.pw_uid, user.pw_gid)
            os.chmod(self.folder, 0o700)
        self._run([str(bin_dir() / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                   "--locale=C", "--no-sync"])

    def start(self) -> str:
        """Start (initialising first when the folder is new); returns the DSN of database ``postgres``."""
        if not (self.data / "PG_VERSION").exists():
            self.init()
        opts = " ".join(f"-c {k}={v}" for k, v in self.settings.items())
        self._run([str(bin_dir() / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w",
                   "-t", "60", "-o", f"-k {self.run} -p {self.port} {opts}", "start"])
        return self.dsn()

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run([str(bin_dir() / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])
