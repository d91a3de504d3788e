"""The intake worker's heap (issue 18: the platform's intake at 60k changes a second).

A worker receives bundle after bundle of the same size: it builds some tens of MB of objects for one bundle and
frees them all when the bundle is filed. glibc's defaults hand large freed blocks back to the kernel (a block over the
mmap threshold is unmapped; a free top of the heap over the trim threshold is trimmed), so the next bundle pays a
page fault for each 4 KiB again — about one fault per change, a twentieth of a worker's CPU time per change on the
bench's machine. Raised thresholds keep that memory in the worker between bundles: what it holds is bounded by
``TRIM_BYTES`` of free heap beyond its largest bundle's peak.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

# mallopt(3) parameters (glibc's malloc.h)
M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD = -1, -2, -3
MMAP_BYTES = 64 << 20   # a block below 64 MiB comes from the heap (and is reused), not from its own mapping
TRIM_BYTES = 256 << 20  # free heap at the top is handed back only beyond 256 MiB
PAD_BYTES = 32 << 20    # the heap grows by 32 MiB at a time (fewer brk calls)


def keep_freed_memory() -> bool:
    """Set glibc's thresholds for this process (see the module's docstring); True when set, False where the C library
    is not glibc (Windows, macOS, musl: their allocators are left as they are). Never raises."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    # glibc's mallopt returns 1 on success; musl has no mallopt (AttributeError above). Each setting is tried
    # whatever the one before answered: a C library that refuses one threshold (a lower cap on the mmap threshold)
    # still keeps the others (before, the first refusal stopped the rest)
    done = [mallopt(param, value) == 1 for param, value in
            ((M_MMAP_THRESHOLD, MMAP_BYTES), (M_TRIM_THRESHOLD, TRIM_BYTES), (M_TOP_PAD, PAD_BYTES))]
    return all(done)
