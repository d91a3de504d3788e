#!/usr/bin/env bash
# Runs the test suite with the machine's clock moved to other days (libfaketime), to prove that no test fails by
# itself as the calendar turns (issue 23): a new year, a 29 February, and years past the fixed dates the tests
# type. Every test must read an injected clock or dates relative to it; this script is how we check.
#
#   scripts/test_future_dates.sh                      # the three default dates, whole suite
#   scripts/test_future_dates.sh 2027-01-05           # one date
#   scripts/test_future_dates.sh 2028-02-29 -- tests/unit tests/e2e -x   # pytest arguments after --
#
# Needs the Debian package `faketime` (scripts/setup.sh --test installs it). The clock starts at 09:00 of each
# date (FAKE_HOUR=HH:MM another time: 00:30 finds a test that fails before the pinned test clock's 09:00, as the
# leak scan did; 23:30 one that crosses midnight) and runs on. `faketime -m` preloads libfaketimeMT, the build of libfaketime for threaded programs (its README:
# "contains the pthread synchronization calls"): the suite runs Qt, SQLCipher and worker threads, and with the
# default single-threaded build 0.9.10 races in its own pthread_cond_init/clock caches — the GUI suite ended in a
# Qt segmentation fault in 2 of 3 runs (libfaketime issues #245/#409, Debian bug #1093599); none in the runs with -m (tests/README.md).
# FAKETIME_DONT_FAKE_MONOTONIC=1 is NOT used: with libfaketime 0.9.10 it makes Python's time.sleep fail with
# EINVAL (clock_nanosleep). tests/gui/test_chinese_input.py is left out: it starts Xvfb, D-Bus and the ibus/fcitx5
# daemons, which inherit LD_PRELOAD and fail under libfaketime (GLib aborts); it types pinyin and reads no date.
# Run it on a tree nobody edits meanwhile (a `git archive` export): a suite that reads a
# work tree changing under it fails for that reason alone. CPU-heavy: runs under nice, one date at a time.
set -euo pipefail
cd "$(dirname "$0")/.."

dates=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do dates+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#dates[@]} -eq 0 ] && dates=(2027-01-05 2028-02-29 2031-01-05)
command -v faketime >/dev/null || { echo "faketime is missing: bash scripts/setup.sh --test" >&2; exit 2; }
[ -x .venv/bin/python ] || bash scripts/setup.sh --test

export QT_QPA_PLATFORM=offscreen
# libfaketimeMT preloaded directly (what `faketime -m` does) but without the `faketime` wrapper's shared clock: the
# wrapper puts the clock in a POSIX semaphore and shared memory that only their creator (root here) may open, so a
# child run as another user — the test PostgreSQL cluster's pg_ctl runs as its owner — failed with "sem_open failed:
# Permission denied" and font look-ups (fc-list) came back empty, skipping the Extension B tests. Instead the clock
# is an offset in seconds (libfaketime's relative form): every process, whoever runs it, adds the same offset to the
# real clock, so the suite starts at 09:00 of the date and time runs on alike in every child.
lib=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 2>/dev/null | head -1)
[ -n "$lib" ] || { echo "libfaketimeMT is missing: bash scripts/setup.sh --test" >&2; exit 2; }
fake() {
  local offset=$(( $(date -d "$1 ${FAKE_HOUR:-09:00}:00" +%s) - $(date +%s) ))
  env LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}" FAKETIME="$( [ $offset -ge 0 ] && echo +)${offset}" "${@:2}"
}
failed=()
for d in "${dates[@]}"; do
  echo "== the suite on ${d} ${FAKE_HOUR:-09:00} (faketime)"
  if fake "${d}" nice -n "${NICE:-10}" .venv/bin/python -c 'import datetime, sys
assert datetime.date.today().isoformat() == sys.argv[1], "faketime did not take"' "${d}" &&
     fake "${d}" nice -n "${NICE:-10}" .venv/bin/python -m pytest -q -p no:cacheprovider \
       --ignore=tests/gui/test_chinese_input.py "$@"; then
    echo "== ${d}: passed"
  else
    echo "== ${d}: FAILED"
    failed+=("${d}")
  fi
done
[ ${#failed[@]} -eq 0 ] || { echo "failed on: ${failed[*]}" >&2; exit 1; }
echo "== passed on: ${dates[*]}"
