"""What the PyInstaller recipe (posdesk.spec) leaves out of the bundle, and the size report.

The PySide6 hooks follow Qt's plugins and QML imports into modules PosDesk never loads; the
web view's translations come in every Chromium locale. Each rule below names what it drops
and why it is safe; the smoke test (smoke-test.sh) runs the bundle after these cuts."""

from __future__ import annotations

import functools
import os
import pickle
from pathlib import Path, PurePath

# PyInstaller's table of contents entries: (name in the bundle, source path, type code).
TocEntry = tuple[str, str, str]

# Chromium's UI strings: PosDesk speaks English and Simplified Chinese (resources/i18n);
# en-US is Chromium's fallback and must stay.
WEB_LOCALES = {"en-US.pak", "zh-CN.pak"}
# Qt's catalogues, by the suffixes QTranslator.load(locale, ...) tries for those languages.
QT_TRANSLATION_LANGUAGES = ("_zh_CN", "_zh", "_en")

# Qt plugin folders for features PosDesk does not use (multimedia, 3D, positioning, SQL,
# sensors, speech, CAN bus, Designer, QML tooling, Wayland compositors' server side ...).
DROPPED_PLUGIN_DIRS = {
    "assetimporters", "canbus", "designer", "geometryloaders", "geoservices", "multimedia",
    "position", "qmltooling", "renderers", "renderplugins", "sceneparsers", "scxmldatamodel",
    "sensors", "sqldrivers", "texttospeech", "webview", "wayland-graphics-integration-server",
    "egldeviceintegrations",
    # QNetworkInformation's backends (NetworkManager, ConnMan, GLib, Windows' list manager):
    # PosDesk never asks Qt about reachability, and Qt Network works without a backend. The
    # GLib one is all that needed GIO, GObject, libmount, libblkid and libselinux (3 MB).
    "networkinformation",
    # Input from evdev/TUIO devices for the embedded platforms dropped below; under X11 and
    # Wayland the window system delivers touch, mouse and keyboard.
    "generic",
}
# Platform plugins for embedded screens without a window system (eglfs, linuxfb, VNC, KMS):
# PosDesk runs on desktops (xcb, wayland; offscreen and minimal for tests).
DROPPED_PLATFORM_PLUGINS = ("qeglfs", "qlinuxfb", "qvnc", "qvkkhrdisplay", "qminimalegl")
# The GTK 3 platform theme: GTK's look and file dialogs for Qt, at the price of the build
# host's whole GTK stack copied into the bundle (GTK, GDK, Cairo, Pango, HarfBuzz, ATK, ...:
# 16 MB, 22 libraries, of versions that need not match the user's GTK modules and themes).
# PosDesk draws its own style sheet and palette (gui/common/theme.py); the color scheme still
# follows the desktop through Qt's built-in GNOME theme and the XDG portal (kept). The one
# visible difference on GNOME: "Save as" dialogs are Qt's own rather than GTK's.
DROPPED_PLATFORM_THEMES = ("qgtk3",)
# Input method plugin of Qt Virtual Keyboard, whose library is dropped (cannot load anyway);
# ibus (Chinese input methods) and compose stay.
DROPPED_INPUT_CONTEXTS = ("qtvirtualkeyboardplugin",)
# Image formats PosDesk does not read: its icons are SVG (qsvg stays), QR codes and Qt's own
# images PNG (built into Qt Gui), receipts are written with QPdfWriter, and the web view
# decodes its images in Chromium. qpdf would pull in the Qt PDF module.
DROPPED_IMAGE_PLUGINS = ("qpdf", "qtiff", "qwebp", "qtga", "qwbmp", "qicns", "qjpeg", "qgif",
                         "qico")
# Qt libraries only the dropped plugins or unused QML modules load. QtWebEngine itself links
# Qt Quick, QML, Quick Widgets, Positioning and WebChannel, so those stay.
DROPPED_QT_LIBRARIES = (
    "Qt6Pdf", "Qt6Quick3D", "Qt6Multimedia", "Qt6Designer", "Qt6ShaderTools",
    "Qt6DataVisualization", "Qt6Graphs", "Qt63D", "Qt6Sql", "Qt6Test", "Qt6Location",
    "Qt6Sensors", "Qt6SpatialAudio", "Qt6TextToSpeech", "Qt6Bluetooth",
    "Qt6Nfc", "Qt6SerialPort", "Qt6SerialBus", "Qt6RemoteObjects", "Qt6Scxml",
    "Qt6StateMachine", "Qt6QuickControls2", "Qt6QuickDialogs2", "Qt6QuickTemplates2",
    "Qt6QuickTimeline", "Qt6QuickParticles", "Qt6QuickShapes", "Qt6QuickEffects",
    "Qt6QuickVectorImage", "Qt6LabsAnimation", "Qt6WebView", "Qt6WebEngineQuick",
    "Qt6HttpServer", "Qt6WebSockets", "Qt6UiTools", "Qt6Help", "Qt6VirtualKeyboard",
    "Qt6Labs", "Qt6WaylandCompositor", "Qt6QuickTest", "Qt6QmlLocalStorage",
    "Qt6QmlXmlListModel", "Qt6QmlDesignSupport", "Qt6PositioningQuick", "Qt6WebChannelQuick",
    "Qt6QuickLayouts", "Qt6EglFS", "Qt6EglFsKms",
    # ffmpeg, for Qt Multimedia only: QtWebEngine carries its own media code.
    "libavcodec", "libavformat", "libavutil", "libswresample", "libswscale",
)


def _parts(dest: str) -> tuple[str, ...]:
    return PurePath(dest.replace("\\", "/")).parts


def keep_binary(dest: str) -> bool:
    parts = _parts(dest)
    name = parts[-1]
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1] if parts[-2] != "plugins" else ""
        if folder in DROPPED_PLUGIN_DIRS:
            return False
        if folder == "imageformats" and any(p in name for p in DROPPED_IMAGE_PLUGINS):
            return False
        if folder == "platforms" and any(p in name for p in DROPPED_PLATFORM_PLUGINS):
            return False
        if folder == "platformthemes" and any(p in name for p in DROPPED_PLATFORM_THEMES):
            return False
        if folder == "platforminputcontexts" and any(p in name for p in DROPPED_INPUT_CONTEXTS):
            return False
    if "qml" in parts:  # QML modules: PosDesk's UI is widgets only
        return False
    stem = name.removeprefix("lib")
    return not stem.startswith(DROPPED_QT_LIBRARIES) and not name.startswith(
        DROPPED_QT_LIBRARIES)


def keep_data(dest: str) -> bool:
    parts = _parts(dest)
    # The web inspector's files (12 MB): developer tools are for `posdesk --debug` from a
    # development install, not for a shop's till.
    if parts[-1] == "qtwebengine_devtools_resources.pak":
        return False
    if "qtwebengine_locales" in parts and parts[-1].endswith(".pak"):
        return parts[-1] in WEB_LOCALES
    if "qml" in parts:
        return False
    # Qt's own translations: only the catalogues PosDesk installs (gui/common/resources.py),
    # and only in the languages PosDesk itself is translated to (it installs Qt's only then).
    if "translations" in parts and parts[-1].endswith(".qm"):
        stem = parts[-1].removesuffix(".qm")
        # qt_help_* is Qt Assistant's (Qt Help is not in the bundle).
        return (stem.startswith(("qt_", "qtbase_", "qtwebengine_"))
                and not stem.startswith("qt_help_") and stem.endswith(QT_TRANSLATION_LANGUAGES))
    return keep_binary(dest)


# Babel's per-locale data (babel/locale-data/*.dat, 32 MB over 1,100 locales) is CLDR in full:
# dates, time zones, units, language and country names, ... PosDesk uses Babel for money only
# (domain/money.py: babel.numbers; services/shop_settings.py: Locale.parse), so each file
# keeps the number and currency parts (everything babel.numbers reads) and every locale stays
# (any shop locale can still be typed). tests/packaging/test_babel_data.py checks that money
# reads and writes the same in every locale with these files, and that src/ uses nothing else
# from Babel: add the keys here before using, say, babel.dates.
BABEL_KEYS = frozenset({
    "number_symbols", "numbering_systems", "default_numbering_system", "decimal_formats",
    "currency_formats", "percent_formats", "scientific_formats", "compact_decimal_formats",
    "compact_currency_formats", "currency_symbols", "currency_names", "currency_names_plural",
    "currency_unit_patterns", "plural_form", "ordinal_form", "locale_id",
})


def prune_babel_data(datas: list[TocEntry], folder: Path) -> list[TocEntry]:
    """`datas` with Babel's locale files swapped for copies in `folder` holding BABEL_KEYS."""
    folder.mkdir(parents=True, exist_ok=True)
    pruned = []
    for dest, source, kind in datas:
        parts = _parts(dest)
        if parts[:2] == ("babel", "locale-data") and parts[-1].endswith(".dat"):
            target = folder / parts[-1]
            prune_babel_file(Path(source), target)
            source = str(target)
        pruned.append((dest, source, kind))
    return pruned


def prune_babel_file(source: Path, target: Path) -> None:
    # Babel's own files, read back with the Babel that wrote them (the build's).
    with source.open("rb") as file:
        data = pickle.load(file)  # noqa: S301
    kept = {key: value for key, value in data.items() if key in BABEL_KEYS}
    with target.open("wb") as file:
        pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)


_LINKED = {"BINARY", "EXTENSION", "EXECUTABLE"}


def filter_binaries(binaries: list[TocEntry]) -> list[TocEntry]:
    """`keep_binary` over the collected binaries, then the system libraries PyInstaller copied
    from the build host only because a dropped binary links them (the GTK stack behind the
    GTK theme, GIO behind the GLib network backend). A library is only dropped when no kept
    binary links it, directly or through another library; libraries nothing links (those
    loaded with dlopen, such as NSS's modules) are never touched."""
    kept = [entry for entry in binaries if keep_binary(entry[0])]
    dropped = [entry for entry in binaries if not keep_binary(entry[0])]
    by_name: dict[str, list[TocEntry]] = {}
    for entry in binaries:
        if entry[2] in _LINKED:
            by_name.setdefault(_name(entry[0]), []).append(entry)
    # Only top-level libraries: that is where PyInstaller puts what it finds on the host.
    candidates = {_name(entry[0]) for entry in _linked_closure(dropped, by_name)
                  if len(_parts(entry[0])) == 1}
    roots = [entry for entry in kept if _name(entry[0]) not in candidates]
    still_needed = {_name(entry[0]) for entry in _linked_closure(roots, by_name)}
    orphans = candidates - still_needed
    return [entry for entry in kept if not (len(_parts(entry[0])) == 1 and (
        _name(entry[0]) in orphans or (entry[2] == "SYMLINK" and _name(entry[1]) in orphans)))]


def _name(path: str) -> str:
    # Windows names DLLs in any case (VCRUNTIME140.dll, vcruntime140.dll).
    return _parts(path)[-1].lower()


@functools.cache
def _imports(path: str) -> frozenset[str]:
    """The libraries `path` links (ldd on Linux: all of them, transitively)."""
    from PyInstaller.depend.bindepend import get_imports

    return frozenset(_name(name) for name, _path in get_imports(path))


def _linked_closure(roots: list[TocEntry],
                    by_name: dict[str, list[TocEntry]]) -> list[TocEntry]:
    """The collected binaries that `roots` link, directly or not (not the roots themselves)."""
    seen: dict[str, TocEntry] = {}
    todo = [entry for entry in roots if entry[2] in _LINKED]
    while todo:
        entry = todo.pop()
        for name in _imports(entry[1]):
            for target in by_name.get(name, []):
                if target[0] not in seen:
                    seen[target[0]] = target
                    todo.append(target)
    return list(seen.values())


def folder_size(path: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            file = Path(folder) / name
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def report_size(path: Path) -> None:
    if path.exists():
        size = folder_size(path)
        print(f"PosDesk bundle: {path} is {size / 1e6:.0f} MB ({size / 2**20:.0f} MiB) unpacked")
