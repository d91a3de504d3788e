"""credit-desk: the services from a terminal, for administrators, automation and tests.

Without a sub-command it starts the desktop application.
"""

from __future__ import annotations

import functools
import os
import sys

from credit_desk.cli import case_cmds, cleanup_cmds, common, core_cmds, maint_cmds, sync_cmds
from credit_desk.cli import commitment_cmds, print_cmds
from credit_desk.cli import bench_cmds
from credit_desk.cli import repair_cmds
from credit_desk.cli import department_cmds
from credit_desk.cli import check_cmds, disclosure_cmds
from credit_desk.cli import legacy_cmds


@functools.lru_cache(maxsize=1)
def build_parser():
    """Built once per process: a few hundred sub-commands take a noticeable fraction of a second."""
    parser = common.root_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    core_cmds.register(sub)
    maint_cmds.register(sub)
    cleanup_cmds.register(sub)
    case_cmds.register(sub)
    sync_cmds.register(sub)
    print_cmds.register(sub)
    commitment_cmds.register(sub)
    bench_cmds.register(sub)
    repair_cmds.register(sub)
    department_cmds.register(sub)
    disclosure_cmds.register_commands(sub)
    legacy_cmds.register_commands(sub)
    check_cmds.register_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.lang = args.lang or os.environ.get("CREDIT_DESK_LANG") or "zh"
    if args.version:
        return common.print_version(args)
    if not args.command:
        from credit_desk.gui.app import run_gui  # Qt only when the GUI is asked for
        return run_gui(common.data_dir(args), lang=args.lang)
    return common.run(args)


if __name__ == "__main__":
    sys.exit(main())
