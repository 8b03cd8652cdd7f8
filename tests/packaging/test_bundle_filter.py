"""What packaging/bundle_filter.py leaves out of the bundle: dropped Qt plugins take the host
libraries only they link with them, and nothing a kept binary needs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import bundle_filter  # noqa: E402

PLUGINS = "PySide6/Qt/plugins"
# What each (made-up) binary links, as `ldd` or pefile would name it.
LINKS = {
    "/src/libqgtk3.so": {"libgtk-3.so.0", "libglib-2.0.so.0", "libqt6gui.so.6"},
    "/src/libgtk-3.so.0": {"libcairo.so.2", "libglib-2.0.so.0"},
    "/src/libqxcb.so": {"libqt6gui.so.6", "libX11.so.6"},
    "/src/libQt6Gui.so.6": {"libglib-2.0.so.0"},
    "/src/qico.dll": {"VCRUNTIME140.dll"},
    "/src/python311.dll": {"vcruntime140.dll"},
}
BINARIES = [
    (f"{PLUGINS}/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
    (f"{PLUGINS}/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    (f"{PLUGINS}/imageformats/qico.dll", "/src/qico.dll", "BINARY"),
    ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
    ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
    ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
    ("libcairo.so", "libcairo.so.2", "SYMLINK"),
    ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
    ("libX11.so.6", "/src/libX11.so.6", "BINARY"),
    ("VCRUNTIME140.dll", "/src/VCRUNTIME140.dll", "BINARY"),
    ("python311.dll", "/src/python311.dll", "BINARY"),
    # Loaded with dlopen (NSS's module): nothing links it.
    ("libsoftokn3.so", "/src/libsoftokn3.so", "BINARY"),
]


@pytest.fixture(autouse=True)
def made_up_links(monkeypatch: pytest.MonkeyPatch) -> None:
    links = {path: frozenset(name.lower() for name in names) for path, names in LINKS.items()}
    monkeypatch.setattr(bundle_filter, "_imports", lambda path: links.get(path, frozenset()))


def test_a_dropped_plugin_takes_the_libraries_only_it_links() -> None:
    kept = {entry[0] for entry in bundle_filter.filter_binaries(BINARIES)}
    assert f"{PLUGINS}/platformthemes/libqgtk3.so" not in kept
    assert {"libgtk-3.so.0", "libcairo.so.2", "libcairo.so"}.isdisjoint(kept)
    # Linked by kept binaries too (Qt Gui, the xcb plugin, Python, whatever the case).
    assert {"libglib-2.0.so.0", "libX11.so.6", "VCRUNTIME140.dll"} <= kept
    assert "libsoftokn3.so" in kept
    assert f"{PLUGINS}/platforms/libqxcb.so" in kept


@pytest.mark.parametrize(("dest", "kept"), [
    (f"{PLUGINS}/networkinformation/libqnetworkmanager.so", False),
    (f"{PLUGINS}/generic/libqevdevtouchplugin.so", False),
    (f"{PLUGINS}/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    (f"{PLUGINS}/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    (f"{PLUGINS}/platformthemes/libqxdgdesktopportal.so", True),
    (f"{PLUGINS}/imageformats/libqjpeg.so", False),
    (f"{PLUGINS}/imageformats/libqsvg.so", True),
    (f"{PLUGINS}/tls/libqopensslbackend.so", True),
    (f"{PLUGINS}/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/lib/libQt6Charts.so.6", True),
])
def test_plugins_and_libraries(dest: str, kept: bool) -> None:
    assert bundle_filter.keep_binary(dest) is kept


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtwebengine_zh_CN.qm", True),
    ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtwebengine_locales/zh-CN.pak", True),
    ("PySide6/Qt/translations/qtwebengine_locales/de.pak", False),
    ("PySide6/Qt/resources/qtwebengine_devtools_resources.pak", False),
])
def test_data(dest: str, kept: bool) -> None:
    assert bundle_filter.keep_data(dest) is kept
