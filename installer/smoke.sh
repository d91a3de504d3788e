#!/usr/bin/env bash
# Smoke test of the built Linux package: install it, then drive the frozen program with no Python on PATH,
# a scratch HOME/data folder and no keyring (the headless office-PC case).
#
#   sudo bash installer/smoke.sh [DEB]             # dpkg -i DEB (default: newest dist/credit-desk_*.deb)
#   bash installer/smoke.sh --extract [DEB]        # dpkg -x DEB into a temporary root (no root needed)
#   bash installer/smoke.sh --installed            # test the already installed /usr/bin/credit-desk
#   bash installer/smoke.sh --bin PATH             # test a frozen binary directly (e.g. the PyInstaller folder)
#
# Runs: --version, init (secrets from files), --version with the ledger (key fingerprint), demo-data, subject
# search, backup, check, print + notice verify and bundle export + verify (each when this build has the
# command), then the GUI offscreen until its first window is painted and 3 s more; it must exit with 0.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
MODE=""
DEB=""
BIN=""
case "${1:-}" in
  --extract) MODE=extract; DEB="${2:-}" ;;
  --installed) MODE=installed ;;
  --bin) MODE=bin; BIN="${2:?--bin needs the path of the frozen credit-desk}" ;;
  "") MODE=install ;;
  *) MODE=install; DEB="$1" ;;
esac
if [ "$MODE" = install ] || [ "$MODE" = extract ]; then
  [ -n "$DEB" ] || DEB="$(ls -t "$HERE"/../dist/credit-desk_*.deb 2>/dev/null | head -1 || true)"
  [ -f "$DEB" ] || { echo "no .deb found; build it with: bash installer/build_deb.sh" >&2; exit 1; }
fi

SCRATCH="$(mktemp -d /tmp/credit-desk-smoke.XXXXXX)"
trap 'rm -rf "$SCRATCH"' EXIT
ok() { printf '  ok  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*" >&2; exit 1; }

case "$MODE" in
  install)
    [ "$(id -u)" -eq 0 ] || fail "dpkg -i needs root; use --extract to test without installing"
    echo "== dpkg -i $DEB"
    dpkg -i "$DEB" >/dev/null
    BIN=/usr/bin/credit-desk ;;
  extract)
    echo "== dpkg -x $DEB into $SCRATCH/root"
    dpkg -x "$DEB" "$SCRATCH/root"
    BIN="$SCRATCH/root/opt/credit-desk/credit-desk" ;;
  installed)
    BIN=/usr/bin/credit-desk ;;
esac
[ -x "$BIN" ] || fail "no executable at $BIN"
if [ "$BIN" = /usr/bin/credit-desk ]; then
  [ -x /opt/credit-desk/credit-desk ] || fail "/opt/credit-desk/credit-desk missing"
  [ -f /usr/share/applications/credit-desk.desktop ] || fail "desktop entry missing"
  [ -f /usr/share/icons/hicolor/256x256/apps/credit-desk.png ] || fail "icon missing"
  ok "installed files: /opt/credit-desk, /usr/bin/credit-desk, desktop entry, icon"
fi

BUNDLE="$(dirname "$(readlink -f "$BIN")")"
[ "$BIN" = /usr/bin/credit-desk ] && BUNDLE=/opt/credit-desk
for f in build_info.json resources/i18n/credit_desk_zh_CN.qm resources/icons/credit-desk.png \
    resources/reference/sample_catalogue.json stdnum/cn/loc.dat PySide6/Qt/plugins/platforms/libqxcb.so \
    PySide6/Qt/plugins/platforms/libqoffscreen.so; do
  [ -e "$BUNDLE/_internal/$f" ] || fail "bundle lacks _internal/$f"
done
ls "$BUNDLE"/_internal/resources/templates/*.toml >/dev/null 2>&1 || fail "bundle lacks the notice templates"
if find "$BUNDLE/_internal" -name '*.ts' -o -name 'conftest.py' -o -name 'test_*.py' | grep -q .; then
  fail "bundle contains translation sources or test code"
fi
ok "bundle contents: resources, stdnum data, Qt platform plugins; no test code"

# A PATH with only the few system tools the program may call (fontconfig's fc-list, sh) — and no Python.
mkdir -p "$SCRATCH/bin" "$SCRATCH/home" "$SCRATCH/out"
for tool in sh fc-list fc-match; do
  p="$(command -v "$tool" || true)"
  [ -n "$p" ] && ln -s "$p" "$SCRATCH/bin/$tool"
done
DATA="$SCRATCH/home/data"
printf '%s\n' 'Smoke-Test-Adm1n-2026!' > "$SCRATCH/admin.pw"
printf '%s\n' 'smoke test recovery passphrase for the ledger' > "$SCRATCH/recovery.txt"
run() {  # run the frozen program in the clean environment; output in $SCRATCH/out.txt
  env -i HOME="$SCRATCH/home" PATH="$SCRATCH/bin" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring QT_QPA_PLATFORM=offscreen \
    CREDIT_DESK_PASSWORD="$(cat "$SCRATCH/admin.pw")" "${SMOKE_ENV[@]}" \
    "$BIN" "$@" > "$SCRATCH/out.txt" 2>&1
}
SMOKE_ENV=()
UNLOCK=(--data-dir "$DATA" --recovery-passphrase-file "$SCRATCH/recovery.txt")
if env -i PATH="$SCRATCH/bin" sh -c 'command -v python3 || command -v python' >/dev/null 2>&1; then
  fail "python is still on the smoke PATH"
fi
ok "no python on PATH ($SCRATCH/bin)"

echo "== frozen program: $BIN"
run --version || fail "--version: $(cat "$SCRATCH/out.txt")"
grep -q "credit_desk" "$SCRATCH/out.txt" && grep -q "schema" "$SCRATCH/out.txt" || fail "--version output"
if grep -q "build date: source" "$SCRATCH/out.txt"; then fail "--version says source: not a frozen build"; fi
ok "--version: $(head -1 "$SCRATCH/out.txt"); $(grep 'build date' "$SCRATCH/out.txt")"

run --data-dir "$DATA" init --office 烟测信用办 --region 320812 --admin admin \
  --password-file "$SCRATCH/admin.pw" --recovery-passphrase-file "$SCRATCH/recovery.txt" \
  || fail "init: $(cat "$SCRATCH/out.txt")"
ok "init: ledger created in $DATA"

run "${UNLOCK[@]}" --version || fail "--version with ledger: $(cat "$SCRATCH/out.txt")"
grep -q "fingerprint" "$SCRATCH/out.txt" || fail "--version shows no key fingerprint: $(cat "$SCRATCH/out.txt")"
ok "--version with the ledger: $(grep fingerprint "$SCRATCH/out.txt")"

run "${UNLOCK[@]}" --user admin demo-data --subjects 40 --records 120 --seed 1 \
  || fail "demo-data: $(cat "$SCRATCH/out.txt")"
ok "demo-data: $(grep -v '^提示' "$SCRATCH/out.txt" | head -1)"

# The administrator keeps accounts and does no business (R14): searches, prints and bundles are a clerk's.
printf '%s\n' 'Smoke-Test-Clerk-2026!' > "$SCRATCH/clerk.pw"
run "${UNLOCK[@]}" --user admin user add clerk1 --role clerk --display-name 冒烟经办 \
  --password-file "$SCRATCH/clerk.pw" || fail "user add: $(cat "$SCRATCH/out.txt")"
as_clerk() {  # run as the clerk (its password in the environment instead of the administrator's)
  local rc=0
  SMOKE_ENV=(CREDIT_DESK_PASSWORD="$(cat "$SCRATCH/clerk.pw")")
  run "${UNLOCK[@]}" --user clerk1 "$@" || rc=$?
  SMOKE_ENV=()
  return $rc
}
as_clerk --json subject search 公司 --purpose 安装冒烟测试 || fail "subject search: $(cat "$SCRATCH/out.txt")"
ok "clerk added; subject search as the clerk (SQLCipher, stdnum, audit log)"

run "${UNLOCK[@]}" --user admin backup || fail "backup: $(cat "$SCRATCH/out.txt")"
ls "$DATA"/backups/* >/dev/null 2>&1 || fail "backup wrote nothing to $DATA/backups"
ok "backup: $(ls "$DATA"/backups | head -1)"

run "${UNLOCK[@]}" --user admin check || fail "check: $(cat "$SCRATCH/out.txt")"
ok "check: ledger integrity and audit chain"

run --help || fail "--help"
COMMANDS="$(cat "$SCRATCH/out.txt")"
has_command() { printf '%s\n' "$COMMANDS" | grep -qE "^    $1 "; }

AS_ADMIN=("${UNLOCK[@]}" --user admin)
if has_command print; then
  PDF="$SCRATCH/out/credit_query.pdf"
  as_clerk print credit_query --subject 1 --purpose 安装冒烟测试 --out "$PDF" \
    || fail "print: $(cat "$SCRATCH/out.txt")"
  [ "$(head -c 5 "$PDF")" = "%PDF-" ] || fail "print wrote no PDF"
  if command -v pdffonts >/dev/null && pdffonts "$PDF" | awk 'NR > 2 && $(NF-4) != "yes"' | grep -q .; then
    fail "print: a font is not embedded: $(pdffonts "$PDF")"
  fi
  ok "print credit_query: $(grep -o '已打印.*' "$SCRATCH/out.txt" | head -1)"
  if has_command notice; then
    as_clerk notice verify --pdf "$PDF" || fail "notice verify: $(cat "$SCRATCH/out.txt")"
    ok "notice verify: $(grep -o 'VALID.*' "$SCRATCH/out.txt" | head -1)"
  fi
else
  echo "  SKIP print: this build has no 'print' command"
fi

if has_command bundle && has_command intake && [ -z "${CREDIT_DESK_INTAKE_DSN:-}" ]; then
  echo "  SKIP bundle export: the reference intake needs PostgreSQL (set CREDIT_DESK_INTAKE_DSN to test it)"
elif has_command bundle; then
  mkdir -p "$SCRATCH/usb"
  if has_command intake; then  # a reference municipal platform, so the bundle has a recipient
    run intake init --data "$SCRATCH/intake" || fail "intake init: $(cat "$SCRATCH/out.txt")"
    run "${AS_ADMIN[@]}" keys import-platform "$SCRATCH/intake/platform.keys.json" \
      || fail "keys import-platform: $(cat "$SCRATCH/out.txt")"
  fi
  as_clerk bundle export --to "$SCRATCH/usb" || fail "bundle export: $(cat "$SCRATCH/out.txt")"
  BUNDLE_FILE="$(ls "$SCRATCH"/usb/* 2>/dev/null | head -1)"
  [ -n "$BUNDLE_FILE" ] || fail "bundle export wrote nothing: $(cat "$SCRATCH/out.txt")"
  ok "bundle export: $(basename "$BUNDLE_FILE") ($(stat -c %s "$BUNDLE_FILE") bytes)"
  as_clerk bundle verify "$BUNDLE_FILE" || fail "bundle verify: $(cat "$SCRATCH/out.txt")"
  ok "bundle verify"
else
  echo "  SKIP bundle export: this build has no 'bundle' command"
fi

echo "== GUI offscreen"
SMOKE_ENV=(CREDIT_DESK_SMOKE_SECONDS=3)
start=$(date +%s.%N)
run --data-dir "$DATA" || fail "GUI exited with an error: $(cat "$SCRATCH/out.txt")"
SMOKE_ENV=()
marker="$(grep CREDIT_DESK_FIRST_WINDOW "$SCRATCH/out.txt" | head -1)"
[ -n "$marker" ] || fail "GUI showed no window: $(cat "$SCRATCH/out.txt")"
if grep -q Traceback "$SCRATCH/out.txt"; then fail "GUI printed a traceback: $(cat "$SCRATCH/out.txt")"; fi
shown=$(echo "$marker" | cut -d' ' -f2)
ok "GUI: $(echo "$marker" | cut -d' ' -f3) painted after $(echo "$shown - $start" | awk '{printf "%.2f", $1 - $3}') s, exited 0"

echo "smoke test passed ($MODE: $BIN)"
