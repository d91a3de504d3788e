#!/usr/bin/env bash
# Set up (first time) and start credit_desk; the ledger lives in the user's data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/credit-desk "$@"
