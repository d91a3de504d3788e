#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: real SQLCipher files, real PDFs, real widgets offscreen.
# Extra arguments go to pytest (e.g. scripts/test.sh tests/unit -k workdays).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
