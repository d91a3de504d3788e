"""``credit-desk bench``: the performance figures of issue 9, each against a floor measured in the same run.

It builds its own ledger in a temporary folder (or ``--keep DIR``), never the user's data folder, and never
the user's keyring. Progress goes to stderr; the figures to stdout (``--json`` for machines).
"""

from __future__ import annotations

import sys
from pathlib import Path

from credit_desk import outpaths
from credit_desk.cli.common import command, data_dir, emit, whole
from credit_desk.domain.errors import ValidationError


def register(sub) -> None:
    p = command(sub, "bench", cmd_bench, "性能基准 / performance benchmark")
    p.add_argument("--records", type=whole, default=100_000, help="演示失信信息条数 / demo records (default 100000)")
    p.add_argument("--keep", help="保留基准账本的目录 / keep the bench ledger in DIR")
    p.add_argument("--no-gui", action="store_true", help="不测桌面程序 / skip the GUI figures")


def cmd_bench(args) -> int:
    if args.records < 1000:
        raise ValidationError("BENCH_RECORDS", "--records 至少为 1000。", "--records must be at least 1000.",
                              field="records")
    keep = None
    if args.keep:  # issue 14 item 4: never inside the user's data folder, never over a file
        keep = outpaths.guard_folder(args.keep, data_dir=data_dir(args), field="keep")
    from credit_desk.bench import runner  # the bench's imports only when it runs
    report = runner.run(args.records, keep, gui=not args.no_gui,
                        log=lambda msg: print(f"[bench] {msg}", file=sys.stderr, flush=True))
    emit(args, report, _human(report))
    return 0


def _load_line(report: dict) -> str:
    load = report.get("load_average") or {}
    say = lambda xs: " / ".join(f"{x:.2f}" for x in xs) if xs else "unknown"  # noqa: E731
    return (f"load average (1/5/15 min): before {say(load.get('before'))}, after {say(load.get('after'))} "
            f"on {report['machine']['cpus']} CPUs")


def _human(report: dict) -> str:
    m = report["machine"]
    lines = [f"credit-desk bench: {report['records']:,} records, {report['seeded']['subjects']:,} subjects, "
             f"{report['seeded']['cases']:,} cases; ledger {report['ledger_mb']} MB; seeded in {report['seed_s']} s; "
             f"total {report['elapsed_s']} s",
             f"machine: {m['cpus']} CPUs, {m['cpu_model']}, {m['memory_mb']:,} MB RAM; {report['date']}",
             _load_line(report),
             f"audit rows {report['seeded'].get('audit_rows', 0):,}, change-log rows "
             f"{report['seeded'].get('change_rows', 0):,}",
             f"{'figure':34s} {'value':>20s} {'floor':>12s} {'ratio':>7s}  goal"]
    for f in report["figures"]:
        goal = []
        if f["goal"] is not None:
            goal.append(f"{'≥' if f['higher_is_better'] else '≤'} {f['goal']:g} {f['unit']}")
        if f["goal_ratio"] is not None:
            goal.append(f"ratio {'≥' if f['higher_is_better'] else '≤'} {f['goal_ratio']:g}")
        verdict = {True: "holds", False: "MISSED", None: ""}[f["holds"]]
        ratio = f"{f['ratio']:.2f}" if f["ratio"] is not None else "-"
        floor = f"{f['floor']:,.1f}" if f["floor"] is not None else "-"
        value = f"{f['value']:,.1f} {f['unit']}"
        runs = f" (runs: {' / '.join(f'{r:,.0f}' for r in f['runs'])})" if isinstance(f.get("runs"), list) else ""
        if f.get("window_cpu"):  # the median run's CPU seconds by process: what moved a CPU-bound figure
            runs += " [CPU s: " + ", ".join(f"{k} {v:g}" for k, v in f["window_cpu"].items()) + "]"
        lines.append(f"{f['name']:34s} {value:>20s} {floor:>12s} {ratio:>7s}  {', '.join(goal)} {verdict}{runs}"
                     .rstrip())
    return "\n".join(lines)
