"""Stand-ins for the Windows-only modules, so the Windows branches run on the Linux test machine (issue 21).

``msvcrt``: ``locking(fd, mode, nbytes)`` locks ``nbytes`` from the file position, like the CRT; the lock is an
fcntl byte-range lock, so it holds between processes as on Windows. Every call is logged in ``CALLS`` (mode,
offset, nbytes) so a test can check where the lock sits: on Windows a locked byte cannot be read by another
process, so the lock must not cover the holder text.

``win32ctypes.pywin32`` (what keyring's Windows backend imports): Credential Manager as a dict.
"""

from __future__ import annotations

import fcntl
import os
import sys
import types

LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4
CALLS: list[tuple[int, int, int]] = []


def locking(fd: int, mode: int, nbytes: int) -> None:
    pos = os.lseek(fd, 0, os.SEEK_CUR)
    CALLS.append((mode, pos, nbytes))
    if mode == LK_UNLCK:
        fcntl.lockf(fd, fcntl.LOCK_UN, nbytes, pos, os.SEEK_SET)
        return
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, nbytes, pos, os.SEEK_SET)
    except OSError:
        raise PermissionError(13, "Permission denied") from None  # what msvcrt.locking raises on Windows


def msvcrt_module() -> types.ModuleType:
    mod = types.ModuleType("msvcrt")
    mod.LK_UNLCK, mod.LK_LOCK, mod.LK_NBLCK, mod.LK_RLCK, mod.LK_NBRLCK = LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, \
        LK_NBRLCK
    mod.locking = locking
    return mod


def install_msvcrt() -> None:
    sys.modules["msvcrt"] = msvcrt_module()


class _CredError(Exception):
    def __init__(self, winerror, funcname, message):
        super().__init__(winerror, funcname, message)
        self.winerror, self.funcname = winerror, funcname


def win32ctypes_modules() -> dict[str, types.ModuleType]:
    """win32ctypes, win32ctypes.pywin32, .pywintypes and .win32cred with an in-memory credential store."""
    store: dict[str, dict] = {}
    pywintypes = types.ModuleType("win32ctypes.pywin32.pywintypes")
    pywintypes.error = _CredError
    cred = types.ModuleType("win32ctypes.pywin32.win32cred")
    cred.CRED_TYPE_GENERIC = 1
    cred.CRED_PERSIST_SESSION, cred.CRED_PERSIST_LOCAL_MACHINE, cred.CRED_PERSIST_ENTERPRISE = 1, 2, 3

    def CredRead(Type, TargetName):  # noqa: N802, N803 - the Win32 names
        if TargetName not in store:
            raise _CredError(1168, "CredRead", "Element not found.")
        return dict(store[TargetName])

    def CredWrite(Credential, Flags):  # noqa: N802, N803
        blob = Credential["CredentialBlob"]
        store[Credential["TargetName"]] = {**Credential, "CredentialBlob": blob.encode("utf-16-le")}

    def CredDelete(Type, TargetName):  # noqa: N802, N803
        if store.pop(TargetName, None) is None:
            raise _CredError(1168, "CredDelete", "Element not found.")
    cred.CredRead, cred.CredWrite, cred.CredDelete, cred.STORE = CredRead, CredWrite, CredDelete, store
    pkg = types.ModuleType("win32ctypes")
    pkg.__path__ = []
    sub = types.ModuleType("win32ctypes.pywin32")
    sub.__path__ = []
    sub.pywintypes, sub.win32cred = pywintypes, cred
    pkg.pywin32 = sub
    return {"win32ctypes": pkg, "win32ctypes.pywin32": sub, "win32ctypes.pywin32.pywintypes": pywintypes,
            "win32ctypes.pywin32.win32cred": cred}
