#!/usr/bin/env bash
# One real input-method session for tests/gui/test_chinese_input.py, run under dbus-run-session:
#
#   dbus-run-session -- bash tests/gui/ime_session.sh fcitx5|ibus PYTHON WORKDIR FIELD KEYS...
#
# Starts Xvfb, the input method with its pinyin engine (fcitx5 + fcitx5-chinese-addons, or ibus-daemon +
# ibus-libpinyin) with the environment that desktop sets (UOS/Kylin: QT_IM_MODULE=fcitx), then the program's
# clerk's text field FIELD (name, facts, search, purpose: tests/gui/ime_child.py; or "frozen": PYTHON is then the
# frozen program, whose first-start dialog is typed into), and types KEYS with xdotool
# ("zhongguo" or "2" types those characters; "space", "Return", "BackSpace", "Escape" press that key; "click"
# clicks the mouse on the form's other field, as a clerk leaving the field does). Prints the child's lines
# (IM …, READY …, TEXT …, AWAY …) and exits 0 when the child ran.
set -u
IM="$1"; PY="$2"; WORK="$3"; FIELD="$4"; shift 4
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/run" LANG=C.UTF-8
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME
XDG_CONFIG_HOME_DIR="$HOME/.config"
mkdir -p "$XDG_CONFIG_HOME_DIR" "$WORK/data" && mkdir -m 700 -p "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM QT_IM_MODULE QT_IM_MODULES XMODIFIERS GTK_IM_MODULE INPUT_METHOD WAYLAND_DISPLAY
export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; }
trap cleanup EXIT
say() { echo "SESSION $*"; }
wait_for() {  # wait_for SECONDS COMMAND...: poll until the command succeeds
  local until=$(( $(date +%s) + $1 )); shift
  until "$@" >/dev/null 2>&1; do [ "$(date +%s)" -ge "$until" ] && return 1; sleep 0.2; done
}

Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp 5>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
wait_for 30 test -s "$WORK/display" || { say "Xvfb did not start: $(cat "$WORK/xvfb.log")"; exit 3; }
export DISPLAY=":$(head -1 "$WORK/display")"

case "$IM" in
  fcitx5)
    mkdir -p "$XDG_CONFIG_HOME_DIR/fcitx5"
    printf '%s\n' '[Groups/0]' 'Name=Default' 'Default Layout=us' 'DefaultIM=pinyin' '' \
      '[Groups/0/Items/0]' 'Name=keyboard-us' 'Layout=' '' '[Groups/0/Items/1]' 'Name=pinyin' 'Layout=' '' \
      '[GroupOrder]' '0=Default' > "$XDG_CONFIG_HOME_DIR/fcitx5/profile"
    # cloud pinyin would go to the network; the panels need a tray or Wayland
    fcitx5 --disable=cloudpinyin,notificationitem,wayland,waylandim,kimpanel >"$WORK/im.log" 2>&1 &
    PIDS+=($!)
    # (no fcitx5-remote before it is up: that would D-Bus-activate a second fcitx5 with the bus's environment)
    wait_for 30 sh -c "ls '$XDG_CONFIG_HOME_DIR'/ibus/bus/*-unix-${DISPLAY#:}" \
      || { say "fcitx5 wrote no IBus address file (ibusfrontend): $(tail -5 "$WORK/im.log")"; exit 3; }
    # what UOS / Kylin set for every program of the session
    export QT_IM_MODULE=fcitx XMODIFIERS=@im=fcitx GTK_IM_MODULE=fcitx ;;
  ibus)
    export GSETTINGS_BACKEND=memory
    ibus-daemon --panel=disable --emoji-extension=disable >"$WORK/im.log" 2>&1 &
    PIDS+=($!)
    # ibus 1.5.27's "ibus engine NAME" exits 1 even when it worked: ask which engine is set instead; one try a
    # second (the first one starts ibus-engine-libpinyin)
    for _ in $(seq 1 30); do
      sleep 1
      ibus engine libpinyin >/dev/null 2>&1
      [ "$(ibus engine 2>/dev/null)" = libpinyin ] && break
    done
    [ "$(ibus engine 2>/dev/null)" = libpinyin ] \
      || { say "ibus-daemon / libpinyin did not start: $(tail -5 "$WORK/im.log")"; exit 3; }
    export QT_IM_MODULE=ibus XMODIFIERS=@im=ibus GTK_IM_MODULE=ibus ;;
  *) say "unknown input method $IM"; exit 2 ;;
esac
say "im $IM ready on $DISPLAY"

settled() {  # until the field's input-method events have stopped for a second (at most 20 s)
  local n=-1 m until=$(( $(date +%s) + 20 ))
  while m=$(grep -c '^COMPOSING' "$WORK/child.out"); [ "$m" != "$n" ] && [ "$(date +%s)" -lt "$until" ]; do
    n=$m; sleep 1
  done
}

if [ "$FIELD" = frozen ]; then
  # the frozen program itself (PY is its path): first start, the set-up dialog's office name has the focus; the
  # smoke switch quits it after FROZEN_SECONDS and writes the input-method module and the field's text
  CREDIT_DESK_SMOKE_SECONDS="${FROZEN_SECONDS:-15}" CREDIT_DESK_SMOKE_FOCUS=1 \
    "$PY" --data-dir "$WORK/data" >"$WORK/child.out" 2>&1 &
  READY='^CREDIT_DESK_FIRST_WINDOW'
else
  (cd "$ROOT" && exec "$PY" -m tests.gui.ime_child "$WORK/data" "$WORK/done" "$FIELD") >"$WORK/child.out" 2>&1 &
  READY='^READY'
fi
CHILD=$!
PIDS+=($CHILD)
wait_for 120 grep -q "$READY" "$WORK/child.out" || { say "the form did not show"; cat "$WORK/child.out"; exit 4; }
sleep 1
[ "$IM" = fcitx5 ] && { fcitx5-remote -o; sleep 0.3; say "fcitx5 state $(fcitx5-remote)"; }
for k in "$@"; do
  case "$k" in
    space|Return|BackSpace|Escape) xdotool key --clearmodifiers "$k" ;;
    click) wait_for 30 grep -q '^COMPOSING' "$WORK/child.out" || say "nothing composed before the click"
           settled                          # every key typed has reached the field
           xdotool mousemove $(grep '^CLICK' "$WORK/child.out" | head -1 | cut -d' ' -f2-3) click 1 ;;
    *) xdotool type --delay 60 "$k" ;;
  esac
  sleep 0.6
done
sleep 1
touch "$WORK/done"
if [ "$FIELD" = frozen ]; then
  wait_for 60 grep -q '^CREDIT_DESK_FOCUS' "$WORK/child.out"
  grep '^CREDIT_DESK_FOCUS' "$WORK/child.out" | head -1 | awk '{print "IM", $2; $1=$2=$3=""; sub(/^ +/, ""); print "TEXT", $0}'
  sed 's/^/CHILD /' "$WORK/child.out"
  exit 0
fi
wait_for 30 grep -q '^FOCUS' "$WORK/child.out"
cat "$WORK/child.out"
exit 0
