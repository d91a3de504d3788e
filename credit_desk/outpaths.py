"""Where a command may write a file the user named (issue 14 item 4; R14: destruction must be prevented).

Every output a clerk names — a printed PDF, a ledger or contacts export, a bundle folder, a backup folder, a key
file, a bench folder — passes through ``guard_file`` or ``guard_folder`` before anything is written or numbered:

- nothing is written inside the data folder (only the ledger's own code writes there: ``ledger.db``, its
  recovery copy, the anchor, the lock, ``backups/``);
- an existing file is replaced only when the caller says so (``--force`` on the CLI; the GUI asks first);
- a path meant for a file that names a folder (and the reverse) is refused before a document number is taken.

Errors: ``DomainError`` with codes OUT_IN_DATA_DIR, OUT_EXISTS, OUT_IS_FOLDER, OUT_NOT_FOLDER.
"""

from __future__ import annotations

import os
from pathlib import Path

from credit_desk.domain.errors import DomainError


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def inside(path: Path, folder: Path) -> bool:
    """True if ``path`` (after following links) is ``folder`` or lies under it."""
    p, f = _resolved(path), _resolved(folder)
    return p == f or f in p.parents


def _same_as_a_data_file(path: Path, data_dir: Path) -> bool:
    """A hard link elsewhere to a file of the data folder is still that file."""
    try:
        st = os.stat(path)
        return any(os.path.samestat(st, os.stat(e.path)) for e in os.scandir(data_dir) if e.is_file())
    except OSError:
        return False


def _refuse_data_dir(path: Path, data_dir: Path | None, field: str) -> None:
    if data_dir is None:
        return
    if inside(path, data_dir) or _same_as_a_data_file(path, data_dir):
        raise DomainError("OUT_IN_DATA_DIR",
                          f"不能写入账本数据目录 {data_dir}（{path}）：该目录只由账本程序自己写入，请另选位置。",
                          f"{path} is inside the ledger's data folder {data_dir}; only the ledger itself writes "
                          "there. Choose another place.", field=field)


def guard_file(path, *, data_dir: Path | None, force: bool = False, field: str = "out") -> Path:
    """Check a file the user named for output; returns it as a Path. Raises DomainError (see module doc)."""
    path = Path(path)
    _refuse_data_dir(path, data_dir, field)
    if path.is_dir():
        raise DomainError("OUT_IS_FOLDER", f"{path} 是一个文件夹，请给出文件名（例如 {path / 'out.pdf'}）；"
                          "未做任何改动，未占用编号。",
                          f"{path} is a folder; give a file name (e.g. {path / 'out.pdf'}). Nothing was changed "
                          "and no number was taken.", field=field)
    if path.exists() and not force:
        raise DomainError("OUT_EXISTS", f"文件 {path} 已存在，未覆盖；如需替换请先确认替换。",
                          f"{path} already exists and was not replaced; confirm the replacement to replace it.",
                          field=field, cli="--force")
    return path


def guard_folder(path, *, data_dir: Path | None, field: str = "to") -> Path:
    """Check a folder the user named for output (it may not exist yet); returns it as a Path."""
    path = Path(path)
    _refuse_data_dir(path, data_dir, field)
    if path.exists() and not path.is_dir():
        raise DomainError("OUT_NOT_FOLDER", f"{path} 是一个文件，不是文件夹；请给出一个文件夹。未做任何改动。",
                          f"{path} is a file, not a folder; name a folder. Nothing was changed.", field=field)
    return path


def guard_files_in(folder: Path, names, *, force: bool = False, field: str = "out") -> None:
    """Files about to be written into an already checked folder: none replaced without ``force``."""
    for name in names:
        target = Path(folder) / name
        if target.is_dir() or (target.exists() and not force):
            raise DomainError("OUT_EXISTS", f"文件 {target} 已存在，未覆盖；如需替换请先确认替换。",
                              f"{target} already exists and was not replaced; confirm the replacement to replace it.",
                              field=field, cli="--force")
