#!/usr/bin/env bash
# Everything credit_desk needs on a fresh Debian/Ubuntu machine: system packages (Qt's libraries, CJK fonts,
# poppler and openssl for the checks), a virtual environment in .venv, and the Python packages.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  python3-venv libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai fonts-hanazono fontconfig openssl
)
# What only the test suite needs: tools that read back what the app wrote (PDFs, workbooks, databases), and
# faketime for scripts/test_future_dates.sh (the suite run on other days); PostgreSQL for the platform intake's
# tests (they initdb their own cluster in a temp folder; issue 20).
TEST_PACKAGES=(poppler-utils qpdf sqlite3 xvfb libreoffice-calc-nogui desktop-file-utils faketime postgresql)
[ "${1:-}" = "--test" ] && SYSTEM_PACKAGES+=("${TEST_PACKAGES[@]}")
# Real Chinese input (issue 21, tests/gui/test_chinese_input.py): fcitx5 with its pinyin engine and ibus with
# libpinyin under Xvfb and a private D-Bus session, typed into with xdotool. Installed without their recommends
# (panels, GTK/Qt5 front-ends and config tools the tests do not use).
IME_TEST_PACKAGES=(fcitx5 fcitx5-chinese-addons ibus ibus-libpinyin xdotool dbus-daemon)
# The platform trial (scripts/platform.sh) needs PostgreSQL only.
[ "${1:-}" = "--platform" ] && SYSTEM_PACKAGES+=(postgresql)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ "${1:-}" = "--test" ]; then
  ime_missing=()
  for pkg in "${IME_TEST_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || ime_missing+=("$pkg")
  done
  if [ ${#ime_missing[@]} -gt 0 ]; then
    echo "== installing input-method test packages: ${ime_missing[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    [ ${#missing[@]} -gt 0 ] || $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${ime_missing[@]}" >/dev/null
  fi
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "credit_desk needs Python 3.11 or newer (found $("$PYTHON" --version 2>&1))." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv

# Reinstall only when the declared dependencies change.
stamp=".venv/.credit_desk-installed"
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # shellcheck source=scripts/quiet.sh
  . scripts/quiet.sh
  : > .venv/install.log
  quiet_run "== 正在安装 Python 依赖（首次约需一两分钟）/ installing Python packages into .venv …" \
    .venv/install.log .venv/bin/python -m pip install -q --upgrade pip
  quiet_run "== 正在安装 credit_desk / installing credit_desk …" \
    .venv/install.log .venv/bin/python -m pip install -q -e '.[test]'
  echo "== 安装完成 / installed"
  echo "$want" > "$stamp"
fi
