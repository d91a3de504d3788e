# The Windows build in one command (issue 21): PyInstaller one-folder build, a smoke run of the frozen program,
# then the Inno Setup installer. Run on a Windows 10/11 64-bit PC with Python 3.11 and Inno Setup 6 installed
# (see BUILD.md), from any folder:
#
#   powershell -NoProfile -ExecutionPolicy Bypass -File installer\windows\build.ps1
#   powershell -NoProfile -ExecutionPolicy Bypass -File installer\windows\build.ps1 -Iscc "D:\Inno Setup 6\ISCC.exe"
#
# Result: dist\credit-desk-setup-<version>.exe and its SHA-256 in dist\credit-desk-setup-<version>.exe.sha256.
param(
    [string]$Python = "",   # a Python 3.11 x64 interpreter; default: the "py -3.11" launcher
    [string]$Iscc = ""      # ISCC.exe; default: the usual Inno Setup 6 install folders
)
$ErrorActionPreference = "Stop"
# This file stays ASCII: Windows PowerShell 5.1 reads a script without a byte-order mark in the ANSI code page
# (GBK on a Chinese Windows), which would garble any Chinese literal. Chinese text is built from code points.
function Zh([int[]]$CodePoints) { -join ($CodePoints | ForEach-Object { [char]$_ }) }
$office = Zh 0x70DF, 0x6D4B, 0x4FE1, 0x7528, 0x529E        # the smoke office's name
$purpose = Zh 0x5B89, 0x88C5, 0x5192, 0x70DF, 0x6D4B, 0x8BD5  # the search purpose (R14)
Set-Location (Join-Path $PSScriptRoot "..\..")

function Run([string]$What, [scriptblock]$Cmd) {
    Write-Host "== $What"
    & $Cmd
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

$version = (Select-String -Path credit_desk\__init__.py -Pattern '__version__ = "([^"]+)"').Matches[0].Groups[1].Value
$start = Get-Date

if (-not (Test-Path .venv\Scripts\python.exe)) {
    if ($Python) { Run "venv" { & $Python -m venv .venv } } else { Run "venv" { & py -3.11 -m venv .venv } }
}
$py = (Resolve-Path .venv\Scripts\python.exe).Path
Run "pip install .[build]" { & $py -m pip install --upgrade pip; & $py -m pip install -e ".[build]" }
Run "PyInstaller one-folder build" {
    & $py -m PyInstaller --noconfirm --clean --log-level WARN --distpath build\pyinstaller\dist `
        --workpath build\pyinstaller\work installer\credit_desk.spec
}

# Smoke run of the frozen program: no Python on PATH, a scratch data folder, no keyring (BUILD.md checklist
# covers the real keyring, printing to a printer and the setup itself).
$bundle = (Resolve-Path build\pyinstaller\dist\credit-desk).Path
$exe = Join-Path $bundle "credit-desk.exe"
foreach ($f in @("credit-desk-gui.exe", "_internal\resources\i18n\credit_desk_zh_CN.qm",
                 "_internal\PySide6\plugins\platforms\qwindows.dll", "_internal\build_info.json")) {
    if (-not (Test-Path (Join-Path $bundle $f))) { throw "the bundle lacks $f" }
}
$scratch = Join-Path $env:TEMP ("credit-desk-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $scratch | Out-Null
try {
    $oldPath = $env:PATH
    $env:PATH = "$env:SystemRoot\System32;$env:SystemRoot"
    $env:PYTHON_KEYRING_BACKEND = "keyring.backends.fail.Keyring"
    $env:CREDIT_DESK_PASSWORD = "Smoke-Test-Adm1n-2026!"
    Set-Content -Encoding UTF8 -Path "$scratch\admin.pw" -Value $env:CREDIT_DESK_PASSWORD
    Set-Content -Encoding UTF8 -Path "$scratch\recovery.txt" -Value "smoke test recovery passphrase for the ledger"
    $data = "$scratch\data"
    $unlock = @("--data-dir", $data, "--recovery-passphrase-file", "$scratch\recovery.txt")
    Run "frozen --version" { & $exe --version }
    Run "frozen init" { & $exe --data-dir $data init --office $office --region 320812 --admin admin `
        --password-file "$scratch\admin.pw" --recovery-passphrase-file "$scratch\recovery.txt" }
    Run "frozen demo-data" { & $exe @unlock --user admin demo-data --subjects 20 --records 40 --seed 1 }
    # the administrator keeps accounts and does no business (R14): printing is the clerk's
    Set-Content -Encoding UTF8 -Path "$scratch\clerk.pw" -Value "Smoke-Test-Clerk-2026!"
    Run "frozen user add (clerk)" { & $exe @unlock --user admin user add clerk1 --role clerk `
        --display-name "Smoke Clerk" --password-file "$scratch\clerk.pw" }
    $env:CREDIT_DESK_PASSWORD = "Smoke-Test-Clerk-2026!"
    Run "frozen print as the clerk (Windows fonts)" { & $exe @unlock --user clerk1 print credit_query --subject 1 `
        --purpose $purpose --out "$scratch\q.pdf" }
    if (-not (Test-Path "$scratch\q.pdf")) { throw "print wrote no PDF" }
    $env:CREDIT_DESK_PASSWORD = "Smoke-Test-Adm1n-2026!"
    Run "frozen backup" { & $exe @unlock --user admin backup }
    Run "frozen check" { & $exe @unlock --user admin check }
    $env:QT_QPA_PLATFORM = "offscreen"; $env:CREDIT_DESK_SMOKE_SECONDS = "3"
    Run "frozen GUI (offscreen, 3 s)" { & $exe --data-dir $data }
} finally {
    $env:PATH = $oldPath
    Remove-Item Env:PYTHON_KEYRING_BACKEND, Env:CREDIT_DESK_PASSWORD, Env:QT_QPA_PLATFORM, `
        Env:CREDIT_DESK_SMOKE_SECONDS -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $scratch -ErrorAction SilentlyContinue
}

if (-not $Iscc) {
    $Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
              "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } |
              Select-Object -First 1
}
if (-not $Iscc) { throw "ISCC.exe (Inno Setup 6) not found; pass -Iscc <path>" }
Run "Inno Setup" { & $Iscc "/DAppVersion=$version" installer\windows\credit_desk.iss }

$setup = "dist\credit-desk-setup-$version.exe"
$hash = (Get-FileHash $setup -Algorithm SHA256).Hash.ToLower()
Set-Content -Path "$setup.sha256" -Value "$hash  credit-desk-setup-$version.exe"
$mb = [math]::Round((Get-Item $setup).Length / 1MB, 1)
Write-Host "built $setup ($mb MB, sha256 $hash) in $([int]((Get-Date) - $start).TotalSeconds) s"
