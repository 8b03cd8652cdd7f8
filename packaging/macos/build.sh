#!/usr/bin/env bash
# Build PosDesk.app and its DMG on macOS with the shared PyInstaller recipe
# (packaging/posdesk.spec), then sign and notarise when identities are configured.
#   packaging/macos/build.sh    -> packaging/build/installer/PosDesk-<version>-macos.dmg
# Signing runs only when configured (nothing else to change):
#   MACOS_SIGN_IDENTITY       "Developer ID Application: Name (TEAMID)"
#   MACOS_CERT_P12_BASE64     optional: that certificate (.p12, base64), imported into a
#   MACOS_CERT_PASSWORD       throw-away keychain (CI); without it the login keychain is used
# Notarisation runs when signing did and these are set (an app-specific password):
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3}
BUILD=$PWD/packaging/build
export POSDESK_BUILD_DIR=$BUILD
ENTITLEMENTS=$PWD/packaging/macos/entitlements.plist
started=$(date +%s)

"$PYTHON" -m pip install -q -c constraints.txt -e '.[packaging]'
scripts=$("$PYTHON" -c "import sysconfig; print(sysconfig.get_path('scripts'))")
for ts in resources/i18n/*.ts; do
  [ -f "${ts%.ts}.qm" ] || "$scripts/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
"$PYTHON" packaging/make_icons.py "$BUILD/icons"
"$PYTHON" packaging/third_party_licenses.py "$BUILD/THIRD-PARTY-LICENSES.txt"
version=$("$PYTHON" packaging/windows/version_info.py --print-version)

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$BUILD/dist" --workpath "$BUILD/work" packaging/posdesk.spec
app="$BUILD/dist/PosDesk.app"
# The licences are inside the app already (Contents/Resources/posdesk/resources/licenses,
# shown by Help > About): nothing is added after PyInstaller, whose ad-hoc signature of the
# app (what an unsigned build runs with on Apple silicon) would otherwise break.
printed=$("$app/Contents/MacOS/posdesk" --version)
[ "$printed" = "PosDesk $version" ] || { echo "--version printed '$printed'" >&2; exit 1; }

signed=no
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  if [ -n "${MACOS_CERT_P12_BASE64:-}" ]; then
    keychain="$BUILD/signing.keychain-db"
    keychain_password=$(uuidgen)
    security create-keychain -p "$keychain_password" "$keychain"
    security set-keychain-settings -lut 3600 "$keychain"
    security unlock-keychain -p "$keychain_password" "$keychain"
    echo "$MACOS_CERT_P12_BASE64" | base64 --decode > "$BUILD/signing.p12"
    security import "$BUILD/signing.p12" -k "$keychain" -P "${MACOS_CERT_PASSWORD:-}" \
      -T /usr/bin/codesign
    rm -f "$BUILD/signing.p12"
    security set-key-partition-list -S apple-tool:,apple: -s -k "$keychain_password" "$keychain"
    # The keychain list is deliberately split into words: one argument per keychain.
    # shellcheck disable=SC2046
    security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
  fi
  sign() {
    codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
      --sign "$MACOS_SIGN_IDENTITY" "$@"
  }
  # Inside out: every Mach-O file, then the nested bundles (QtWebEngineProcess.app, the Qt
  # frameworks), then the app itself.
  while IFS= read -r -d '' file; do
    if file -b "$file" | grep -q "Mach-O"; then sign "$file"; fi
  done < <(find "$app/Contents" -type f \( -perm -u+x -o -name '*.so' -o -name '*.dylib' \) -print0)
  while IFS= read -r -d '' nested; do
    sign "$nested"
  done < <(find "$app/Contents" -depth \( -name '*.app' -o -name '*.framework' \) -print0)
  sign "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
  signed=yes
else
  echo "No MACOS_SIGN_IDENTITY: unsigned build (Gatekeeper will ask users to allow it)"
fi

# The DMG: the app beside a link to /Applications, to drag it across, and the licences.
mkdir -p "$BUILD/installer"
staging="$BUILD/dmg"
rm -rf "$staging" && mkdir -p "$staging"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
cp "$BUILD/THIRD-PARTY-LICENSES.txt" "$staging/"
dmg="$BUILD/installer/PosDesk-$version-macos.dmg"
rm -f "$dmg"
hdiutil create -volname "PosDesk $version" -srcfolder "$staging" -ov -format UDZO "$dmg"

if [ "$signed" = yes ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
  if [ -n "${MACOS_NOTARY_APPLE_ID:-}" ] && [ -n "${MACOS_NOTARY_TEAM_ID:-}" ] \
     && [ -n "${MACOS_NOTARY_PASSWORD:-}" ]; then
    xcrun notarytool submit "$dmg" --apple-id "$MACOS_NOTARY_APPLE_ID" \
      --team-id "$MACOS_NOTARY_TEAM_ID" --password "$MACOS_NOTARY_PASSWORD" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
  else
    echo "No MACOS_NOTARY_* settings: signed but not notarised"
  fi
fi
echo "PosDesk.app: $(du -sh "$app" | cut -f1) unpacked; $(basename "$dmg") $(du -h "$dmg" | cut -f1); built in $(( $(date +%s) - started )) s"
