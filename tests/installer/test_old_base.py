"""Issue 21 item 2: the package for older office PCs. The build itself (`bash installer/build_deb.sh --base
bullseye`: a Debian 11 chroot, then apt-install + smoke test in a clean Debian 11 chroot) takes minutes and runs on
request; these fast checks hold the README, the package's Depends and the fonts it must bring together."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from credit_desk.documents import fonts as F

ROOT = Path(__file__).resolve().parents[2]
BUILD = (ROOT / "installer" / "build_deb.sh").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
MIN_GLIBC = "2.30"  # measured: the newest GLIBC_ symbol of the Debian 11 build (objdump -T over the bundle)
# Debian font package -> the fontconfig family it installs (documents/fonts.py looks roles up by family)
FONT_PACKAGES = {"fonts-arphic-uming": "AR PL UMing CN", "fonts-arphic-ukai": "AR PL UKai CN",
                 "fonts-wqy-zenhei": "WenQuanYi Zen Hei", "fonts-wqy-microhei": "WenQuanYi Micro Hei"}


def _depends() -> list[str]:
    line = next(ln for ln in BUILD.splitlines() if ln.startswith("Depends:"))
    return [d.strip() for d in line.removeprefix("Depends:").split(",")]


def test_readme_states_the_minimum_glibc_in_both_languages():
    assert f"最低要求 glibc {MIN_GLIBC}" in README and f"Minimum glibc {MIN_GLIBC}" in README
    assert f"libc6 (>= {MIN_GLIBC})" in README
    assert "--base bullseye" in README


def test_depends_carries_the_measured_glibc_floor():
    assert "libc6 (>= $GLIBC)" in _depends()  # computed from the bundle, not typed in
    assert "objdump -T" in BUILD and "GLIBC_" in BUILD


def test_every_print_role_has_a_font_package_it_depends_on():
    """A minimal Debian 11 / Kylin install must be able to print: each role's family list holds a family that an
    unconditional Depends installs (the bullseye smoke test prints a notice in such a chroot)."""
    firm = {d for d in _depends() if "|" not in d}
    either = [set(x.strip() for x in d.split("|")) for d in _depends() if "|" in d]
    provided = {FONT_PACKAGES[p] for p in firm if p in FONT_PACKAGES}
    for group in either:  # an alternative counts only if every choice serves the role
        fams = {FONT_PACKAGES.get(p) for p in group}
        if None not in fams:
            provided |= {"|".join(sorted(fams))}
    for role, families in F.FAMILIES.items():
        ok = any(f in provided for f in families) or any(
            all(f in families for f in alt.split("|")) for alt in provided if "|" in alt)
        assert ok, f"no Depends font package gives the {role} role one of {families}"
    assert "fontconfig" in firm  # fc-list finds the fonts by family
    assert "libcups2" in firm    # Qt's CUPS print plugin: printing to the office printer


def test_the_chroot_build_smoke_tests_in_a_clean_chroot():
    script = (ROOT / "installer" / "linux" / "chroot_build.sh").read_text(encoding="utf-8")
    assert 'exec bash installer/linux/chroot_build.sh' in BUILD
    assert "apt-get install -y -qq --no-install-recommends /tmp/credit-desk.deb" in script  # Depends must resolve
    assert "smoke.sh --installed" in script and "debootstrap_into \"$SMOKE\"" in script


@pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="dpkg-deb reads the built package")
def test_a_built_bullseye_package_says_the_same():
    built = sorted((ROOT / "dist").glob("credit-desk_*~bullseye.deb"))
    if not built:
        pytest.skip("no bullseye package built here (bash installer/build_deb.sh --base bullseye)")
    depends = subprocess.run(["dpkg-deb", "-f", str(built[-1]), "Depends"], capture_output=True, text=True,
                             check=True).stdout
    assert re.search(r"libc6 \(>= ([\d.]+)\)", depends).group(1) == MIN_GLIBC, depends


def test_the_closing_report_lines_survive_pipefail(tmp_path):
    """After the smoke test passed, the script reports Depends and the chroot's glibc; with ``set -o pipefail`` a
    ``| head -1`` there killed ldd with SIGPIPE and the whole build exited 141 after a passing smoke test. Each
    such reporting line runs here with a producer that writes many lines."""
    script = (ROOT / "installer" / "linux" / "chroot_build.sh").read_text(encoding="utf-8")
    lines = [ln for ln in script.splitlines() if ln.startswith("in_chroot \"$SMOKE\"") and "tee -a" in ln]
    assert any("ldd --version" in ln for ln in lines), lines
    for line in lines:
        cmd = line.split("#")[0].replace('in_chroot "$SMOKE"', "producer")
        run = subprocess.run(["bash", "-c", 'set -euo pipefail\nproducer() { seq 1 200000; }\nTIMES="$1"\n' + cmd,
                              "x", str(tmp_path / "times")], capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, (line, run.returncode, run.stderr[-500:])
