#!/usr/bin/env bash
# Mutation run over the services' effect helpers (issue 23; tests/MUTATION.md): the functions every writing
# service goes through for its audit row, its change-log row and the clock bound — store/tx.py (Tx.audit,
# Tx.change, to_json) and services/base.py (Session.audit/require/check_clock, note_row_time, clock_mark,
# require_purpose). pyproject's [tool.mutmut] is for domain/; this script runs mutmut on an export of HEAD whose
# [tool.mutmut] names these two files and the tests that judge them, so the work tree and its mutants/ are left
# alone.
#
#   scripts/mutation_effects.sh            # needs the `mutation` extra: .venv/bin/python -m pip install -e '.[mutation]'
#   MUTATION_DIR=/tmp/x scripts/mutation_effects.sh   # where the export and its mutants/ go (kept for `mutmut show`)
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
