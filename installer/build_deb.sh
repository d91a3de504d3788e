#!/usr/bin/env bash
# Build the Linux installer for office PCs (UOS / Kylin / Debian / Ubuntu): a PyInstaller one-folder build
# wrapped as a .deb with dpkg-deb. From a clean clone, one command:
#
#   bash installer/build_deb.sh              # -> dist/credit-desk_<version>_<arch>.deb
#   bash installer/build_deb.sh --reuse      # skip PyInstaller, re-wrap build/pyinstaller/dist/credit-desk
#   bash installer/build_deb.sh --base bullseye   # build inside a Debian 11 chroot (glibc 2.31) and smoke-test
#                                            # the package in a clean Debian 11 chroot: the package to ship
#                                            # (installer/linux/chroot_build.sh; root, ~15 min the first time)
#
# Installs to /opt/credit-desk, a launcher /usr/bin/credit-desk, a menu entry and an icon. There are no
# maintainer scripts: installing, upgrading and removing the package never touch a user's ledger, which
# lives in the user's data folder (~/.local/share/credit_desk). Menu and icon caches are refreshed by dpkg
# triggers. The bundle needs the glibc of the build machine or newer (Depends: libc6 (>= …) is computed
# below), so build on the oldest distribution you must support.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
REUSE=0
[ "${1:-}" = "--reuse" ] && REUSE=1
if [ "${1:-}" = "--base" ]; then
  exec bash installer/linux/chroot_build.sh "${2:?--base needs a Debian suite, e.g. bullseye}"
fi

command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed (Debian/Ubuntu/UOS/Kylin)." >&2; exit 1; }
command -v objdump >/dev/null || { echo "objdump is needed: apt-get install binutils" >&2; exit 1; }
[ -x "$PY" ] || bash scripts/setup.sh
"$PY" -m PyInstaller --version >/dev/null 2>&1 || "$PY" -m pip install -q -e '.[build]'

VERSION="$("$PY" -c 'import re,sys; print(re.search(r"__version__ = \"([^\"]+)\"", open("credit_desk/__init__.py").read()).group(1))')"
ARCH="$(dpkg --print-architecture)"
PYI_DIST="$ROOT/build/pyinstaller/dist"
BUNDLE="$PYI_DIST/credit-desk"

if [ "$REUSE" -eq 0 ] || [ ! -x "$BUNDLE/credit-desk" ]; then
  echo "== PyInstaller one-folder build (a few minutes)"
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$PYI_DIST" --workpath "$ROOT/build/pyinstaller/work" installer/credit_desk.spec
fi

echo "== staging the package tree"
STAGE="$ROOT/build/deb/credit-desk_${VERSION}_${ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/share/doc/credit-desk"
cp -a "$BUNDLE" "$STAGE/opt/credit-desk"
install -m 0755 installer/linux/credit-desk.sh "$STAGE/usr/bin/credit-desk"
install -m 0644 installer/linux/credit-desk.desktop "$STAGE/usr/share/applications/credit-desk.desktop"
install -m 0644 resources/icons/credit-desk.png "$STAGE/usr/share/icons/hicolor/256x256/apps/credit-desk.png"
install -m 0644 resources/icons/credit-desk.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/credit-desk.svg"
install -m 0644 installer/linux/copyright "$STAGE/usr/share/doc/credit-desk/copyright"
find "$STAGE" -type d -exec chmod 0755 {} +

# The newest glibc symbol any bundled binary asks for becomes the libc6 lower bound, so dpkg refuses
# an older system up front instead of the program failing at start.
GLIBC="$(find "$STAGE/opt/credit-desk" -type f \( -name '*.so*' -o -name credit-desk \) -exec objdump -T {} + \
  2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
SIZE_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"

cat > "$STAGE/DEBIAN/control" <<EOF
Package: credit-desk
Version: $VERSION
Architecture: $ARCH
Maintainer: credit_desk maintainers <credit-desk@localhost>
Section: misc
Priority: optional
Installed-Size: $SIZE_KB
Depends: libc6 (>= $GLIBC), libegl1, libgl1, libxcb1, libxkbcommon-x11-0, libxcb-cursor0, libfontconfig1, fontconfig, libdbus-1-3, libcups2, fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-zenhei | fonts-wqy-microhei
Recommends: fonts-hanazono, libwayland-cursor0, libwayland-egl1
Description: 信用办台账 — ledger for county social credit offices
 credit_desk keeps a county social credit office's ledger (dishonesty records,
 black/watch/red list cases, objections, credit repair), prints the numbered
 notices and exchanges signed, encrypted bundles with the municipal platform.
 Self-contained: Python, Qt and SQLCipher are bundled under /opt/credit-desk.
 Printing needs TrueType Chinese fonts (Song, Kai/FangSong, Hei): the 方正 or 中易
 fonts of UOS and Kylin when present, else the AR PL and WenQuanYi packages it
 depends on. Each user's ledger stays in that user's
 data folder (~/.local/share/credit_desk) across upgrades and removal.
EOF
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's| \./| |') \
  > "$STAGE/DEBIAN/md5sums"

mkdir -p dist
OUT="$ROOT/dist/credit-desk_${VERSION}_${ARCH}.deb"
COMPRESS="${DEB_COMPRESS:-xz}"  # xz: smallest, read by every dpkg; DEB_COMPRESS=gzip for quick trial builds
echo "== dpkg-deb ($COMPRESS)"
dpkg-deb --root-owner-group -Z"$COMPRESS" --build "$STAGE" "$OUT" >/dev/null
echo "built $OUT ($(du -h "$OUT" | cut -f1); libc6 >= $GLIBC)"
