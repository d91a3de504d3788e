#!/usr/bin/env bash
# Generate credit_desk/gui/forms/ui_*.py from the Qt Designer files in forms/ (committed, never edited).
set -euo pipefail
cd "$(dirname "$0")/.."
UIC="${PYSIDE6_UIC:-.venv/bin/pyside6-uic}"
for ui in forms/*.ui; do
  name="$(basename "$ui" .ui)"
  "$UIC" "$ui" -o "credit_desk/gui/forms/ui_${name}.py"
done
