#!/usr/bin/env bash
# Mutation run over the services' effect helpers (issue 23; tests/MUTATION.md): the functions every writing
# service goes through for its audit row, its change-log row and the clock bound — store/tx.py (Tx.audit with its
# once-per-transaction chain head and suite, Tx.change with the entities it tells listeners, the transaction's
# memo, to_json, the write clock now_iso/clock_in_use) and services/base.py (Desk, Session.audit/require/
# check_clock/read_conn, reading_on, note_row_time, clock_mark, require_purpose). Which service writes which rows
# is judged by the e2e walks (tests/e2e/test_service_effects*.py), too slow for a mutation run. pyproject's [tool.mutmut] is for domain/; this script runs mutmut on an export of HEAD whose
# [tool.mutmut] names these two files and the tests that judge them, so the work tree and its mutants/ are left
# alone.
#
#   scripts/mutation_effects.sh            # needs the `mutation` extra: .venv/bin/python -m pip install -e '.[mutation]'
#   MUTATION_DIR=/tmp/x scripts/mutation_effects.sh   # where the export and its mutants/ go (kept for `mutmut show`)
#   NICE=15 MAX_CHILDREN=1 scripts/mutation_effects.sh  # on a shared machine (2 cores: ~35 minutes for 303 mutants)
# It mutates an export of HEAD: commit first. To re-run survivors after adding tests: copy the changed test files
# into $MUTATION_DIR/tests and $MUTATION_DIR/mutants/tests, cd there and `mutmut run NAME…`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${MUTATION_DIR:-${TMPDIR:-/tmp}/credit_desk_mutation_effects}
[ -x .venv/bin/mutmut ] || { echo "mutmut is missing: .venv/bin/python -m pip install -e '.[mutation]'" >&2; exit 2; }
rm -rf "$dir" && mkdir -p "$dir"
git archive HEAD | tar -x -C "$dir"
cd "$dir"
python3 - <<'PY'
import re
from pathlib import Path
p = Path("pyproject.toml")
text = p.read_text(encoding="utf-8")
block = '''[tool.mutmut]
source_paths = ["credit_desk/"]
only_mutate = ["credit_desk/services/base.py", "credit_desk/store/tx.py"]
also_copy = ["resources/", "forms/"]
pytest_add_cli_args_test_selection = ["tests/store/test_effect_helpers.py", "tests/store/test_change_log.py"]
pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]
'''
text, n = re.subn(r"\[tool\.mutmut\]\n(?:[^\[].*\n|\n)*?(?=\[|\Z)", block + "\n", text)
assert n == 1, "no [tool.mutmut] table in pyproject.toml"
p.write_text(text, encoding="utf-8")
PY
export QT_QPA_PLATFORM=offscreen
nice -n "${NICE:-10}" "$root/.venv/bin/mutmut" run --max-children "${MAX_CHILDREN:-2}"
"$root/.venv/bin/mutmut" results
echo "mutants and results kept in $dir (cd there; $root/.venv/bin/mutmut show NAME)"
