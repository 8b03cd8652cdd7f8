#!/usr/bin/env bash
# Check the Windows installer recipe on Linux, under Wine: compile posdesk.iss with Inno
# Setup's own compiler (ISCC.exe from the npm package "innosetup"), with the defines build.ps1
# passes, then install, upgrade and uninstall the result in a throw-away Wine prefix and check
# what lands where. Optional, for maintainers: not part of .ci/run (Wine is ~150 packages).
#
#   packaging/windows/check-installer-under-wine.sh [--bundle DIR]
#
# --bundle: a PyInstaller folder laid out as on Windows (PosDesk.exe, posdesk-cli.exe,
# _internal/); without it a small stand-in of that layout is used. Needs Wine with 32-bit
# support (ISCC.exe and Setup are 32-bit programs), Xvfb, xdotool, Node.js/npm, and .venv for
# the icon. On Debian:
#   dpkg --add-architecture i386 && apt-get update
#   apt-get install --no-install-recommends wine wine64 wine32 xvfb xauth xdotool
# Everything goes to packaging/build/wine-check/; ends "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."

bundle=""
if [ "${1:-}" = "--bundle" ] && [ -n "${2:-}" ]; then
  bundle=$(realpath "$2")
elif [ $# -gt 0 ]; then
  sed -n '2,15p' "$0" >&2
  exit 2
fi
for tool in wine wineserver winepath npm xdotool xvfb-run; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (see the top of $0)" >&2; exit 2; }
done
# Setup and the uninstaller need a display even when silent: a virtual one of our own, so
# that no window (nor a key xdotool sends) reaches the desktop.
if [ -z "${WINE_CHECK_IN_XVFB:-}" ]; then
  WINE_CHECK_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

INNO_PACKAGE="innosetup@6.4.1"  # ships Inno Setup 6.4.1's compiler files (ISCC.exe)
PYTHON=${PYTHON:-.venv/bin/python}
work=$PWD/packaging/build/wine-check
tools=$PWD/packaging/build/wine-tools
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
passed=0
failed=0

check() {  # check "what" command...: one line per check, counted
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1)); echo "ok    $what"
  else
    failed=$((failed + 1)); echo "FAIL  $what"
  fi
}
win() { winepath -w "$1" 2>/dev/null; }
reg_value() {  # reg_value KEY NAME -> the value's data, or nothing
  wine reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' | awk -v n="$2" '$1 == n { print $3 }'
}
press() { xdotool key --window "$1" "$2" 2>/dev/null; }  # quiet: no window manager, it warns
lnk_has() {  # lnk_has FILE TEXT: a shortcut's strings are UTF-16; dropping the NULs will do
  tr -d '\0' <"$1" | grep -aF -- "$2" >/dev/null
}
wait_window() {  # wait_window NAME -> the newest window of that title (30 s at most)
  local id=""
  for _ in $(seq 60); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | tail -n 1 || true)
    [ -n "$id" ] && { echo "$id"; return 0; }
    sleep 0.5
  done
  return 1
}

rm -rf "$work"
mkdir -p "$work" "$tools"
if [ ! -f "$tools/node_modules/innosetup/bin/ISCC.exe" ]; then
  npm install --silent --no-audit --no-fund --prefix "$tools" "$INNO_PACKAGE" >/dev/null
fi
iscc="$tools/node_modules/innosetup/bin/ISCC.exe"
echo "$(wine --version); compiler: $INNO_PACKAGE"

wineboot -i >/dev/null 2>&1
wine winecfg -v win10 >/dev/null 2>&1  # Wine's default (Windows 7) is below MinVersion
wineserver -w
banner=$(wine "$iscc" /? 2>&1 || true)  # usage, with exit code 1
if [[ $banner != *"Inno Setup 6"* ]]; then
  echo "ISCC.exe does not start: is Wine's 32-bit part (wine32) installed?" >&2
  exit 2
fi

# The icon and version as build.ps1 makes them.
icon=$PWD/packaging/build/icons/posdesk.ico
if [ ! -f "$icon" ]; then
  icon=$work/icons/posdesk.ico
  QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/make_icons.py "$work/icons" >/dev/null
fi
version=$("$PYTHON" packaging/windows/version_info.py --print-version)
file_version=$("$PYTHON" packaging/windows/version_info.py --print-file-version)
IFS=. read -r major minor patch _ <<<"$file_version"
next_version="$major.$minor.$((patch + 1))"  # the upgrade's version

standin() {  # standin DIR VERSION: the one-folder layout with placeholder contents
  mkdir -p "$1/_internal/PySide6" "$1/_internal/posdesk"
  # Any Windows program will do for the shortcuts' targets: Wine's own hostname.exe.
  cp "$WINEPREFIX/drive_c/windows/system32/hostname.exe" "$1/PosDesk.exe"
  cp "$1/PosDesk.exe" "$1/posdesk-cli.exe"
  echo "PosDesk $2 stand-in" >"$1/THIRD-PARTY-LICENSES.txt"
  head -c 300000 /dev/urandom >"$1/_internal/base_library.zip"
  echo "$2" >"$1/_internal/python311.dll"
  echo "$2" >"$1/_internal/PySide6/Qt6Core.dll"
  echo "$2" >"$1/_internal/posdesk/__init__.pyc"
}
if [ -z "$bundle" ]; then
  bundle=$work/bundle/posdesk
  standin "$bundle" "$version"
fi

compile() {  # compile VERSION FILE_VERSION [more ISCC options]: build.ps1's defines
  local app_version=$1 numbers=$2
  shift 2
  # AppDir: Wine 8 cannot resolve {autopf} for a per-user install (FOLDERID_UserProgramFiles);
  # this is the folder Windows gives for it.
  wine "$iscc" "/DAppVersion=$app_version" "/DFileVersion=$numbers" "/DBundleDir=$(win "$bundle")" \
    "/DOutputDir=$(win "$work/installer")" "/DIconFile=$(win "$icon")" \
    '/DAppDir={localappdata}\Programs\PosDesk' "$@" 'packaging\windows\posdesk.iss' 2>&1 | tr -d '\r'
}

echo "== compile ($bundle)"
started=$(date +%s)
compile "$version" "$file_version" >"$work/compile.log" || true
grep -E "^Compiler engine version|^Warning" "$work/compile.log" || true
setup=$work/installer/PosDesk-$version-windows-x64-setup.exe
check "ISCC compiles posdesk.iss in $(($(date +%s) - started)) s" grep -q "^Successful compile" "$work/compile.log"
[ -f "$setup" ] || { tail -n 5 "$work/compile.log"; echo "$passed passed, $((failed + 1)) failed"; exit 1; }
echo "      $(basename "$setup"): $(du -k "$setup" | cut -f1) KiB"

# The signing path, without a certificate: build.ps1's /S command (same placeholders, a
# password with a space and a dollar) reaches a stand-in signtool that only logs; ISCC then
# stops because nothing signed the uninstaller, as SignedUninstaller=yes asks.
signtool=$work/sign/signtool.bat
mkdir -p "$work/sign"
printf '@echo off\r\necho %%* >> "%s"\r\nexit /b 0\r\n' "$(win "$work/sign/calls.txt")" >"$signtool"
sign_command="\$q$(win "$signtool")\$q sign /fd sha256 /tr http://timestamp.example /td sha256"
sign_command+=" \$q/f\$q \$qC:\\cert.pfx\$q \$q/p\$q \$qa b\$\$c\$q \$f"
compile "$version" "$file_version" "/Sposdesksign=$sign_command" /DSignTool=posdesksign \
  >"$work/compile-signed.log" || true
# A literal dollar below: ISCC turns the command's $$ into one.
# shellcheck disable=SC2016
check "the sign command reaches signtool with its arguments quoted" \
  grep -qF '"/f" "C:\cert.pfx" "/p" "a b$c" "' "$work/sign/calls.txt"
check "an unsigned uninstaller stops the signed build" \
  grep -q "does not have a digital signature" "$work/compile-signed.log"

user=$WINEPREFIX/drive_c/users/$(whoami)
app=$user/AppData/Local/Programs/PosDesk
menu="$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
data=$user/AppData/Local/PosDesk/PosDesk
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{5B0F2C7E-8D4A-4C39-9E51-3A7F6D2B9C14}_is1'

install() {  # install SETUP LOG [options]
  local exe=$1 log=$2
  shift 2
  wine "$exe" /VERYSILENT /SUPPRESSMSGBOXES "/LOG=$(win "$log")" "$@" >/dev/null 2>&1
  wineserver -w
}

echo "== install"
install "$setup" "$work/install.log" || true
check "setup succeeds silently" grep -q "Installation process succeeded" "$work/install.log"
check "per-user mode (no administrator)" grep -q "Administrative install mode: No" "$work/install.log"
check "PosDesk.exe in %LOCALAPPDATA%\\Programs\\PosDesk" test -f "$app/PosDesk.exe"
check "posdesk-cli.exe and _internal beside it" test -f "$app/posdesk-cli.exe" -a -d "$app/_internal"
check "uninstaller present" test -f "$app/unins000.exe" -a -f "$app/unins000.dat"
check "Start-menu entries PosDesk and PosDesk demo" test -f "$menu/PosDesk.lnk" -a -f "$menu/PosDesk demo.lnk"
check "the entries start the installed PosDesk.exe" lnk_has "$menu/PosDesk.lnk" 'Programs\PosDesk\PosDesk.exe'
check "the demo entry passes --demo" lnk_has "$menu/PosDesk demo.lnk" "--demo"
check "no desktop icon unless ticked" test ! -e "$user/Desktop/PosDesk.lnk"
check "Apps entry (HKCU uninstall key) with version $version" test "$(reg_value "$key" DisplayVersion)" = "$version"

echo "== upgrade to $next_version"
echo stale >"$app/_internal/left-by-the-old-version.dll"
mkdir -p "$work/installer2"
compile "$next_version" "$next_version.0" "/O$(win "$work/installer2")" >"$work/compile2.log" || true
install "$work/installer2/PosDesk-$next_version-windows-x64-setup.exe" "$work/upgrade.log" \
  /MERGETASKS=desktopicon || true
check "upgrade succeeds in place" grep -q "Installation process succeeded" "$work/upgrade.log"
check "the old _internal is removed first" test ! -e "$app/_internal/left-by-the-old-version.dll"
check "the new files are there" test -f "$app/_internal/python311.dll" -a -f "$app/PosDesk.exe"
check "Apps entry shows $next_version" test "$(reg_value "$key" DisplayVersion)" = "$next_version"
check "desktop icon when ticked" test -f "$user/Desktop/PosDesk.lnk"

echo "== silent uninstall keeps the data"
mkdir -p "$data/logs"
echo store >"$data/posdesk.sqlite3"
echo log >"$data/logs/posdesk.log"
wine "$app/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES "/LOG=$(win "$work/uninstall.log")" >/dev/null 2>&1 || true
wineserver -w
check "uninstall succeeds" grep -q "Uninstallation process succeeded" "$work/uninstall.log"
check "program folder removed" test ! -e "$app"
check "Start-menu and desktop entries removed" test ! -e "$menu/PosDesk.lnk" -a ! -e "$user/Desktop/PosDesk.lnk"
check "Apps entry removed" test -z "$(reg_value "$key" DisplayVersion)"
check "data folder kept" test -f "$data/posdesk.sqlite3" -a -f "$data/logs/posdesk.log"

# The uninstaller's own windows: confirm, then "also delete the data?" (default No).
uninstall_answering() {  # uninstall_answering KEY LOG: answers the data question with KEY
  install "$setup" "$work/reinstall.log" || true
  timeout 120 wine "$app/unins000.exe" "/LOG=$(win "$2")" >/dev/null 2>&1 &
  local pid=$! id
  id=$(wait_window "PosDesk Uninstall") && press "$id" y  # "Are you sure...?"
  sleep 2
  id=$(wait_window "PosDesk Uninstall") && press "$id" "$1"
  for _ in $(seq 30); do
    grep -q "successfully removed" "$2" 2>/dev/null && break
    sleep 1
  done
  id=$(wait_window "PosDesk Uninstall") && press "$id" Return  # "... successfully removed"
  wait "$pid" || wineserver -k  # a window that never came: end the uninstaller
  wineserver -w
}
echo "== uninstall, answering the data question"
uninstall_answering Return "$work/uninstall-no.log"
check "Return (the default, No) keeps the data" test -f "$data/posdesk.sqlite3"
check "the question names the data folder" grep -q "Also delete PosDesk's data" "$work/uninstall-no.log"
uninstall_answering y "$work/uninstall-yes.log"
check "Yes deletes the data folder" test ! -e "$data"
check "and the empty PosDesk folder above it" test ! -e "$(dirname "$data")"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
