"""A test run killed outright left its PostgreSQL cluster running (12 were found on this machine after a day of
runs). The next run's set-up stops every cluster whose test process is gone, and leaves a live run's alone."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from credit_desk.intake.cluster import Cluster
from tests.conftest import _stop_orphaned_clusters


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _running(cluster: Cluster) -> bool:
    return (cluster.data / "postmaster.pid").exists()


def test_a_cluster_whose_run_is_gone_is_stopped_and_a_live_runs_is_kept(tmp_path):
    root = Path(tempfile.mkdtemp(prefix="orphans_", dir="/tmp"))
    os.chmod(root, 0o755)
    try:
        orphan, live = Cluster(root / "credit_desk_pg_orphan", port=5433), Cluster(root / "credit_desk_pg_live", port=5434)
        for cluster, owner in ((orphan, _dead_pid()), (live, os.getpid())):
            cluster.folder.mkdir()
            os.chmod(cluster.folder, 0o755)
            (cluster.folder / "owner.pid").write_text(str(owner))
            cluster.start()
        assert _running(orphan) and _running(live)
        _stop_orphaned_clusters(root)
        assert not orphan.folder.exists()  # removed…
        assert subprocess.run(["pgrep", "-f", f"postgres -D {orphan.data}"]).returncode == 1  # …and stopped
        assert _running(live)  # a run still going keeps its cluster
    finally:
        live.stop()
        subprocess.run(["rm", "-rf", str(root)], check=False)
