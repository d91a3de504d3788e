"""Runs the whole bench: seed, copy in clear for the floors, measure, clean up. Returns one report dict."""

from __future__ import annotations

import os
import platform
import shutil
import tempfile
import time
from datetime import datetime
from pathlib import Path

from credit_desk.bench import figures, io_figures, maint_figures, search_figures, seeding, sync_figures
from credit_desk.store import ledger as ledger_store, plain_copy, views

# The notice the print figure issues (the same content for every document of the batch).
DECISION = {
    "party_name": "淮安市清江浦区示例商贸有限公司", "party_id_type": "统一社会信用代码",
    "party_id": "91320812MA1XXXXX3T", "party_lines": ["法定代表人：王某某", "住所：淮安市清江浦区健康东路18号"],
    "prior_notice": "本单位于2026年3月2日向你单位送达了《失信行为认定预先告知书》（清信告〔2026〕3号），"
                    "你单位在规定期限内未提出异议。",
    "list_name": "严重失信主体名单",
    "ground": "（a）严重危害人民群众身体健康和生命安全",
    "reasons": "你单位生产销售不合格食品，拒不履行行政处罚决定规定的义务，严重危害人民群众身体健康和生命安全。",
    "basis": "《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）第四条第（六）项。",
    "measures": ["依法限制参加政府采购活动（《中华人民共和国政府采购法》第二十二条）；", "不适用告知承诺制；"],
    "valid_from": "2026年4月1日", "valid_until": "2029年3月31日",
    "removal": "有效期届满自动移出；有效期内已纠正失信行为、消除不良影响的，可以申请信用修复。",
    "remedies": "如对本决定不服，可以自收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。",
}


def machine() -> dict:
    model = ""
    try:
        model = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                      if ln.startswith("model name")), "")
        mem = next(int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                   if ln.startswith("MemTotal"))
    except (OSError, StopIteration):
        mem = 0
    return {"cpus": os.cpu_count(), "cpu_model": model or platform.processor(), "memory_mb": mem // 1024,
            "python": platform.python_version(), "platform": platform.platform()}


def run(records: int, keep: Path | None = None, gui: bool = True, log=lambda msg: None) -> dict:
    """Seed a ledger with ``records`` demo records and measure every figure; the temp folder goes after."""
    base = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="credit-desk-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    plain_path = base / "plain" / "ledger-plain.db"
    started = time.perf_counter()
    load_before = _load()
    try:
        report = _measure(base, plain_path, records, gui, log, started)
        # issue 18: figures from a shared machine mean little without the load they were measured under
        report["load_average"] = {"before": load_before, "after": _load()}
        return report
    finally:
        shutil.rmtree(plain_path.parent, ignore_errors=True)  # the plaintext copy never outlives the run
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)


def _load() -> list[float]:
    """The 1, 5 and 15 minute load averages (empty where the system does not say: Windows has none)."""
    loadavg = getattr(os, "getloadavg", None)
    try:
        return [round(x, 2) for x in loadavg()] if loadavg else []
    except OSError:
        return []


def _measure(base: Path, plain_path: Path, records: int, gui: bool, log, started: float) -> dict:
    folder, work = base / "data", base / "work"
    work.mkdir(exist_ok=True)
    desk, session = seeding.make_office(folder)
    log(f"seeding {records:,} records …")
    t = time.perf_counter()
    counts = seeding.seed(session, records)
    session = seeding.business_session(session)  # views, entry, printing and sync are a clerk's acts (R14)
    seed_s = time.perf_counter() - t
    log(f"seeded in {seed_s:.1f} s; plaintext copy for the floors …")
    plain_path.parent.mkdir(exist_ok=True)
    t = time.perf_counter()
    plain_copy.export_plain(desk.ledger.conn, plain_path)
    copy_s = time.perf_counter() - t
    key, figs = desk.key, []
    reader = lambda: views.open_reader(folder / "ledger.db", key)  # noqa: E731

    def plain_reader():
        conn = plain_copy.open_plain(plain_path)
        ledger_store.register_functions(conn)  # the same SQL functions as a ledger reader (cd_search_key)
        return conn
    plain = plain_reader()
    plain_sess = figures.plain_session(session, plain)
    log("search (the GUI's search box: each query once, fresh connections) …")
    figs += search_figures.search_figures(session, plain_sess, reader, plain_reader, log)
    log("views and dashboard …")
    figs += figures.view_figures(session, plain_sess, reader, plain_reader)
    plain.close()
    log("bulk entry, printing, sync …")
    figs += io_figures.insert_figures(session, work, single=min(200, max(20, records // 500)),
                                      batch=min(2000, max(200, records // 50)))
    figs += sync_figures.print_and_sync_figures(session, work, DECISION, docs=50,
                                                changes=min(200_000, max(2_000, records // 5)))
    desk.close()
    log("opening the ledger …")
    figs += figures.open_figures(folder, key, plain_path)
    log("backup, restore, check, audit verification …")
    figs += maint_figures.maint_figures(folder, key, plain_path, work, log)
    if gui:
        log("GUI cold start and memory …")
        from credit_desk.bench.gui_figures import gui_figures
        figs += gui_figures(folder, key, base / "home", log)
    return {"records": records, "seeded": counts, "date": datetime.now().isoformat(timespec="seconds"),
            "machine": machine(), "seed_s": round(seed_s, 1), "plain_copy_s": round(copy_s, 1),
            "ledger_mb": round((folder / "ledger.db").stat().st_size / 1e6, 1),
            "elapsed_s": round(time.perf_counter() - started, 1), "figures": figs}
