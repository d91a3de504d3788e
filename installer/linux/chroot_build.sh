#!/usr/bin/env bash
# Build the .deb on an OLD base system, so the package runs on the office PCs that are still on it, and run
# the smoke test of that package inside a fresh chroot of the same base (issue 21 item 2).
#
#   bash installer/build_deb.sh --base bullseye          # Debian 11, glibc 2.31 (Kylin V10 generation)
#   CHROOT_ROOT=/var/tmp/cd-chroots bash installer/build_deb.sh --base bullseye
#
# Needs root (chroot, mounts), debootstrap, and the Debian package registry. Steps:
#  1. debootstrap a minimal <base> chroot (kept under build/chroot/<base>-<arch>, reused next time);
#  2. build Python 3.11 in it from Debian's own python3.11 source package (the base has no 3.11), once;
#  3. copy the project (git-tracked files), make a venv, pip install .[build] — pip picks the newest wheels
#     whose manylinux tag the base's glibc accepts (e.g. PySide6 6.9.x on glibc 2.31, not 6.12);
#  4. run installer/build_deb.sh inside the chroot -> dist/credit-desk_<version>_<arch>.deb;
#  5. debootstrap a second, clean chroot (no Python at all), `apt-get install ./the.deb` there (so the
#     package's Depends must resolve on that base), and run installer/smoke.sh --installed in it.
# Timing of each step goes to build/chroot/<base>-<arch>.times.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
BASE="${1:?usage: chroot_build.sh <debian-suite, e.g. bullseye>}"
ARCH="${DEB_ARCH:-$(dpkg --print-architecture)}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CROOT="${CHROOT_ROOT:-$ROOT/build/chroot}"
BUILD="$CROOT/$BASE-$ARCH"
SMOKE="$CROOT/$BASE-$ARCH-smoke"
TIMES="$CROOT/$BASE-$ARCH.times"
PY_PREFIX=/opt/python3.11

[ "$(id -u)" -eq 0 ] || { echo "chroot builds need root (debootstrap, chroot, mount)." >&2; exit 1; }
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
if [ "$ARCH" != "$(dpkg --print-architecture)" ]; then
  # another architecture (arm64 for Phytium / Kunpeng PCs): its programs run under qemu-user through binfmt_misc
  command -v update-binfmts >/dev/null && [ -e /usr/bin/qemu-aarch64-static ] || \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-user-static binfmt-support >/dev/null
  mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  update-binfmts --enable >/dev/null 2>&1 || true
fi
mkdir -p "$CROOT" dist
: > "$TIMES"
step() { STEP_NAME="$1"; STEP_T0=$(date +%s); echo "== [$BASE/$ARCH] $1"; }
done_step() { echo "$STEP_NAME: $(( $(date +%s) - STEP_T0 )) s" >> "$TIMES"; }

MOUNTED=()
mount_into() {  # /proc, /dev, /dev/pts, /sys for apt, pip and PyInstaller inside the chroot
  local r="$1"
  for m in proc sys dev dev/pts; do
    mountpoint -q "$r/$m" && continue
    mkdir -p "$r/$m"
    case "$m" in
      proc) mount -t proc proc "$r/proc" ;;
      sys) mount -t sysfs sys "$r/sys" ;;
      *) mount --bind "/$m" "$r/$m" ;;
    esac
    MOUNTED=("$r/$m" "${MOUNTED[@]}")
  done
  cp -L /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
}
cleanup() { for m in "${MOUNTED[@]}"; do umount -l "$m" 2>/dev/null || true; done; }
trap cleanup EXIT
in_chroot() { local r="$1"; shift; chroot "$r" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
  SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 "$@"; }
trust_host_cas() {  # the build host's own CAs (e.g. a TLS-inspecting proxy in front of PyPI) for pip in the chroot
  local r="$1"
  if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
    mkdir -p "$r/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$r/usr/local/share/ca-certificates/"
    in_chroot "$r" update-ca-certificates >/dev/null 2>&1 || true
  fi
}

debootstrap_into() {  # a minimal <base> system; the first stage's packages are cached in $CROOT/debs
  local r="$1"
  mkdir -p "$CROOT/debs"
  debootstrap --variant=minbase --arch="$ARCH" --cache-dir="$CROOT/debs" "$BASE" "$r" "$MIRROR" >/dev/null
}

# 1. the build chroot
if [ ! -x "$BUILD/usr/bin/apt-get" ]; then
  step "debootstrap $BASE (build chroot)"; debootstrap_into "$BUILD"; done_step
fi
mount_into "$BUILD"

# 2. Python 3.11: the base's own package when it has one (bookworm); otherwise built once from Debian's
#    python3.11 source package (bookworm's) with a shared libpython, into /opt/python3.11
if [ ! -x "$BUILD$PY_PREFIX/bin/python3.11" ] && in_chroot "$BUILD" sh -c \
    'apt-get update -qq && apt-cache show python3.11 >/dev/null 2>&1'; then
  step "Python 3.11 from $BASE's packages"
  in_chroot "$BUILD" apt-get install -y -qq --no-install-recommends python3.11 python3.11-venv libpython3.11 \
    ca-certificates binutils >/dev/null
  mkdir -p "$BUILD$PY_PREFIX/bin" && ln -sf /usr/bin/python3.11 "$BUILD$PY_PREFIX/bin/python3.11"
  done_step
fi
if [ ! -x "$BUILD$PY_PREFIX/bin/python3.11" ]; then
  step "Python 3.11 from Debian's python3.11 source package"
  echo "deb-src $MIRROR bookworm main" > "$BUILD/etc/apt/sources.list.d/python-src.list"
  in_chroot "$BUILD" apt-get update -qq
  in_chroot "$BUILD" apt-get install -y -qq --no-install-recommends build-essential ca-certificates \
    dpkg-dev xz-utils libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev libsqlite3-dev \
    libreadline-dev uuid-dev libgdbm-dev libncurses-dev binutils >/dev/null
  in_chroot "$BUILD" sh -c 'mkdir -p /usr/src/py && cd /usr/src/py && apt-get source -qq --download-only python3.11 \
    && rm -rf Python-3.11* && tar xf python3.11_*.orig.tar.* && cd Python-3.11* \
    && ./configure -q --prefix='"$PY_PREFIX"' --enable-shared LDFLAGS="-Wl,-rpath,'"$PY_PREFIX"'/lib" \
    && make -s -j"$(nproc)" >/dev/null 2>&1 && make -s altinstall >/dev/null 2>&1'
  rm -f "$BUILD/etc/apt/sources.list.d/python-src.list"
  in_chroot "$BUILD" "$PY_PREFIX/bin/python3.11" -c 'import ssl, sqlite3, ctypes, lzma, bz2, zlib; print("python ok")'
  done_step
fi

# 3. the project's tracked files, a venv and the wheels this base accepts ([platform]: the bundled reference
#    intake, which the smoke test uses as the bundle's recipient, runs on psycopg)
step "project copy + venv + pip install .[build,platform]"
trust_host_cas "$BUILD"
# Qt's own run-time libraries: PySide6 must import, and PyInstaller follows the plugins' library links
in_chroot "$BUILD" apt-get install -y -qq --no-install-recommends libglib2.0-0 libgl1 libegl1 libfontconfig1 \
  fontconfig libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
  libwayland-cursor0 libwayland-egl1 libwayland-client0 libcups2 >/dev/null
rm -rf "$BUILD/src"
mkdir -p "$BUILD/src"
git ls-files -z --cached --others --exclude-standard | (cd "$ROOT" && xargs -0 tar cf - --no-recursion 2>/dev/null) \
  | tar xf - -C "$BUILD/src"
in_chroot "$BUILD" sh -c "cd /src && [ -x /root/venv/bin/python ] || $PY_PREFIX/bin/python3.11 -m venv /root/venv"
in_chroot "$BUILD" sh -c 'cd /src && /root/venv/bin/python -m pip install -q --upgrade pip \
  && /root/venv/bin/python -m pip install -q ".[build,platform]"'
in_chroot "$BUILD" /root/venv/bin/python -c 'import PySide6.QtCore as q; print("PySide6", q.qVersion())' \
  | tee -a "$TIMES"
done_step

# 4. the frozen app and the .deb, built inside the chroot
step "PyInstaller + dpkg-deb inside $BASE"
in_chroot "$BUILD" sh -c "cd /src && PYTHON=/root/venv/bin/python DEB_COMPRESS=${DEB_COMPRESS:-xz} bash installer/build_deb.sh"
DEB_NAME="$(basename "$(ls -t "$BUILD"/src/dist/credit-desk_*.deb | head -1)")"
OUT="$ROOT/dist/${DEB_NAME%.deb}~$BASE.deb"
cp "$BUILD/src/dist/$DEB_NAME" "$OUT"
done_step

# 5. a clean chroot of the same base: install the package with apt (Depends must resolve), run the smoke test
step "smoke test in a clean $BASE chroot"
for m in "${MOUNTED[@]}"; do umount -l "$m" 2>/dev/null || true; done
MOUNTED=()
rm -rf "$SMOKE"
debootstrap_into "$SMOKE"
mount_into "$SMOKE"
cp "$OUT" "$SMOKE/tmp/credit-desk.deb"
mkdir -p "$SMOKE/tmp/installer"
cp installer/smoke.sh "$SMOKE/tmp/installer/smoke.sh"
in_chroot "$SMOKE" apt-get update -qq
# dbus as on every desktop: it creates /etc/machine-id, without which libdbus (used by the bundled Qt for input
# methods and accessibility) aborted the GUI once in this bare chroot
in_chroot "$SMOKE" apt-get install -y -qq --no-install-recommends /tmp/credit-desk.deb poppler-utils dbus >/dev/null
if in_chroot "$SMOKE" sh -c 'command -v python3 || command -v python'; then
  echo "note: the $BASE smoke chroot has a python (pulled in by a dependency); smoke.sh keeps it off PATH"
fi
in_chroot "$SMOKE" bash /tmp/installer/smoke.sh --installed
in_chroot "$SMOKE" dpkg-query -W -f='Depends: ${Depends}\n' credit-desk | tee -a "$TIMES"
in_chroot "$SMOKE" ldd --version | sed -n 1p | tee -a "$TIMES"  # sed reads it all: no SIGPIPE under pipefail
done_step
echo "package: $OUT ($(du -h "$OUT" | cut -f1), $(stat -c %s "$OUT") bytes)" | tee -a "$TIMES"
cat "$TIMES"
