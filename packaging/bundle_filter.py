"""What the PyInstaller recipe (posdesk.spec) leaves out of the bundle, and the size report.

The PySide6 hooks follow Qt's plugins and QML imports into modules PosDesk never loads; the
web view's translations come in every Chromium locale. Each rule below names what it drops
and why it is safe; the smoke test (smoke-test.sh) runs the bundle after these cuts."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

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
}
# Platform plugins for embedded screens without a window system (eglfs, linuxfb, VNC, KMS):
# PosDesk runs on desktops (xcb, wayland; offscreen and minimal for tests).
DROPPED_PLATFORM_PLUGINS = ("qeglfs", "qlinuxfb", "qvnc", "qvkkhrdisplay", "qminimalegl")
# Image formats PosDesk does not read (it draws SVG icons and writes PDF with QPdfWriter;
# qpdf would pull in the Qt PDF module).
DROPPED_IMAGE_PLUGINS = ("qpdf", "qtiff", "qwebp", "qtga", "qwbmp", "qicns")
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
        return stem.startswith(("qt_", "qtbase_", "qtwebengine_")) and stem.endswith(
            QT_TRANSLATION_LANGUAGES)
    return keep_binary(dest)


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
