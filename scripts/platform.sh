#!/usr/bin/env bash
# A trial of the municipal platform on this machine (issue 20): a local PostgreSQL cluster in a folder (initdb as
# the unprivileged user postgres when run as root; Unix socket only) and the intake served on 127.0.0.1.
#   bash scripts/platform.sh [folder] [port]      default folder .platform-trial, port 8765; Ctrl+C stops both.
# Then register an office:  .venv/bin/credit-desk intake register --data <folder>/intake office.keys.json
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --platform
FOLDER="$(realpath -m "${1:-.platform-trial}")"
PORT="${2:-8765}"
mkdir -p "$FOLDER"
DSN=$(.venv/bin/python -c 'import sys; from pathlib import Path
from credit_desk.intake.cluster import Cluster
print(Cluster(Path(sys.argv[1]) / "pg").start())' "$FOLDER")
stop() { .venv/bin/python -c 'import sys; from pathlib import Path
from credit_desk.intake.cluster import Cluster
Cluster(Path(sys.argv[1]) / "pg").stop()' "$FOLDER"; }
trap stop EXIT
export CREDIT_DESK_INTAKE_DSN="$DSN"
if [ ! -f "$FOLDER/intake/platform.key.json" ]; then
  .venv/bin/python -m credit_desk intake init --data "$FOLDER/intake" --schema intake
fi
echo "== PostgreSQL: $DSN"
echo "== platform public key file: $FOLDER/intake/platform.keys.json"
.venv/bin/python -m credit_desk intake serve --data "$FOLDER/intake" --host 127.0.0.1 --port "$PORT"
