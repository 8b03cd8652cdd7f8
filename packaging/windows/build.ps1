# Build PosDesk's Windows installer: PyInstaller bundle (packaging/posdesk.spec), optional
# code signing, Inno Setup installer. Run from any folder on a Windows machine or runner with
# Python 3.11+ and Inno Setup 6 (iscc on PATH or in its default folder):
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Output: packaging\build\installer\PosDesk-<version>-windows-x64-setup.exe
#
# Signing runs only when a certificate is configured (nothing else to change):
#   WINDOWS_CERT_PFX_BASE64   the code-signing certificate (.pfx), base64
#   WINDOWS_CERT_PASSWORD     its password
#   WINDOWS_TIMESTAMP_URL     optional, default http://timestamp.digicert.com
# or, with a certificate already in the user's store: WINDOWS_CERT_SHA1 (its thumbprint).
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root
$Python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
$Build = Join-Path $Root "packaging\build"
$env:POSDESK_BUILD_DIR = $Build
$Started = Get-Date
$Pfx = $null

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed ($LASTEXITCODE)" }
}

# The tools, pinned (pyproject's "packaging" extra + constraints.txt).
Invoke-Checked $Python @("-m", "pip", "install", "-q", "-c", "constraints.txt", "-e", ".[packaging]")

# Translations (built files), icons, licences, version resource.
$ScriptsDir = & $Python -c "import sysconfig; print(sysconfig.get_path('scripts'))"
foreach ($ts in Get-ChildItem "resources\i18n\*.ts") {
    $qm = [System.IO.Path]::ChangeExtension($ts.FullName, ".qm")
    if (-not (Test-Path $qm)) { Invoke-Checked (Join-Path $ScriptsDir "pyside6-lrelease.exe") @($ts.FullName, "-qm", $qm) }
}
Invoke-Checked $Python @("packaging\make_icons.py", (Join-Path $Build "icons"))
Invoke-Checked $Python @("packaging\third_party_licenses.py", (Join-Path $Build "THIRD-PARTY-LICENSES.txt"))
Invoke-Checked $Python @("packaging\windows\version_info.py", (Join-Path $Build "version_info.txt"))
$Version = & $Python packaging\windows\version_info.py --print-version
$FileVersion = & $Python packaging\windows\version_info.py --print-file-version

Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", (Join-Path $Build "dist"), "--workpath", (Join-Path $Build "work"),
    "packaging\posdesk.spec")
$Bundle = Join-Path $Build "dist\posdesk"
Copy-Item (Join-Path $Build "THIRD-PARTY-LICENSES.txt") $Bundle

# Smoke check on the runner: the console twin answers without a window.
$Printed = & (Join-Path $Bundle "posdesk-cli.exe") --version
if ($Printed -ne "PosDesk $Version") { throw "posdesk-cli --version printed '$Printed'" }

# Code signing, when configured.
$SignArgs = $null
if ($env:WINDOWS_CERT_PFX_BASE64) {
    $Pfx = Join-Path ([IO.Path]::GetTempPath()) "posdesk-signing.pfx"
    [IO.File]::WriteAllBytes($Pfx, [Convert]::FromBase64String($env:WINDOWS_CERT_PFX_BASE64))
    $SignArgs = @("/f", $Pfx, "/p", $env:WINDOWS_CERT_PASSWORD)
} elseif ($env:WINDOWS_CERT_SHA1) {
    $SignArgs = @("/sha1", $env:WINDOWS_CERT_SHA1)
}
$Timestamp = if ($env:WINDOWS_TIMESTAMP_URL) { $env:WINDOWS_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
$SignTool = $null
if ($SignArgs) {
    $SignTool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
        Sort-Object FullName -Descending | Select-Object -First 1 -ExpandProperty FullName
    if (-not $SignTool) { throw "signtool.exe not found (Windows SDK)" }
    $Files = @(Get-ChildItem $Bundle -Filter *.exe) + @(Get-ChildItem (Join-Path $Bundle "_internal") -Recurse -Include *.exe)
    foreach ($File in $Files) {
        Invoke-Checked $SignTool (@("sign", "/fd", "sha256", "/tr", $Timestamp, "/td", "sha256") + $SignArgs + @($File.FullName))
    }
    Write-Host "Signed $($Files.Count) executables"
} else {
    Write-Host "No signing certificate configured (WINDOWS_CERT_PFX_BASE64 / WINDOWS_CERT_SHA1): unsigned build"
}

# The installer.
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
$IssArgs = @("/DAppVersion=$Version", "/DFileVersion=$FileVersion", "/DBundleDir=$Bundle",
    "/DOutputDir=$(Join-Path $Build 'installer')", "/DIconFile=$(Join-Path $Build 'icons\posdesk.ico')")
if ($SignArgs) {
    # Inno Setup's own placeholders: $q is a double quote, $f the file to sign, $$ a dollar (a
    # password may hold one); single-quoted here so PowerShell leaves them alone, and no quote
    # has to survive native argument passing.
    $Quoted = ($SignArgs | ForEach-Object { '$q' + $_.Replace('$', '$$') + '$q' }) -join ' '
    $IssArgs += @(('/Sposdesksign=$q' + $SignTool + '$q sign /fd sha256 /tr ' + $Timestamp +
        ' /td sha256 ' + $Quoted + ' $f'), "/DSignTool=posdesksign")
}
Invoke-Checked $Iscc ($IssArgs + @("packaging\windows\posdesk.iss"))
if ($Pfx -and (Test-Path $Pfx)) { Remove-Item $Pfx }

$Size = (Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum
$Setup = Get-ChildItem (Join-Path $Build "installer") -Filter "*.exe" | Select-Object -First 1
Write-Host ("PosDesk bundle: {0:N0} MB unpacked; installer {1} {2:N0} MB; built in {3:N0} s" -f ($Size / 1e6), $Setup.Name, ($Setup.Length / 1e6), ((Get-Date) - $Started).TotalSeconds)
