"""Issue 20: how many worker processes ``intake serve`` receives bundles in when --workers is not given."""

from __future__ import annotations

import os

from credit_desk.intake import server


def test_one_worker_per_cpu_this_process_may_use(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    assert server.default_workers() == 4


def test_none_on_a_single_cpu(monkeypatch):
    """On one CPU a worker only adds the hop (pickling the bundle and its receipt) to the receive."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})
    assert server.default_workers() == 0
