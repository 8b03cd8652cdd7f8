"""Name the Debian/Ubuntu packages a Linux desktop lacks before Qt gets a chance to abort.

Qt cannot report a platform plugin that fails to load: it calls qFatal, the process aborts and
dumps core, and its message names libxcb-cursor0 whatever is really missing. So before the
QApplication exists, `check_xcb_plugin` loads the xcb plugin the way Qt will and, if that
fails, names every missing library and the package that provides it. `explain_import_error`
does the same for an ImportError raised while PySide6 loads QtWidgets or QtWebEngine.

This module never imports Qt (the layer rules keep Qt in gui/); it finds PySide6's files
without importing them.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

EXIT_MISSING_LIBRARIES = 3

# The DT_NEEDED entries of PySide6 6.12's plugins/platforms/libqxcb.so and lib/libQt6XcbQpa.so.6
# (`readelf -d`), without Qt's own libraries and the C/C++ runtime.
XCB_PLUGIN_LIBRARIES = (
    "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-image.so.0", "libxcb-keysyms.so.1",
    "libxcb-randr.so.0", "libxcb-render-util.so.0", "libxcb-render.so.0", "libxcb-shape.so.0",
    "libxcb-shm.so.0", "libxcb-sync.so.1", "libxcb-util.so.1", "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1", "libxcb.so.1", "libX11-xcb.so.1", "libX11.so.6",
    "libxkbcommon-x11.so.0", "libxkbcommon.so.0", "libGL.so.1", "libglib-2.0.so.0",
    "libgthread-2.0.so.0",
)

# The same for everything `import posdesk.gui.app` loads whatever the platform: PySide6's
# QtCore, QtGui, QtWidgets, QtNetwork, QtWebChannel, QtWebEngineCore and QtWebEngineWidgets and
# the Qt libraries they pull in.
GUI_LIBRARIES = (
    "libEGL.so.1", "libGL.so.1", "libX11.so.6", "libxkbcommon.so.0", "libfontconfig.so.1",
    "libfreetype.so.6", "libglib-2.0.so.0", "libgthread-2.0.so.0", "libdbus-1.so.3",
    "libnss3.so", "libnssutil3.so", "libsmime3.so", "libnspr4.so", "libgbm.so.1",
    "libxcb.so.1", "libxcb-dri3.so.0", "libXcomposite.so.1", "libXdamage.so.1", "libXext.so.6",
    "libXfixes.so.3", "libXrandr.so.2", "libXtst.so.6", "libxkbfile.so.1", "libasound.so.2",
    "libexpat.so.1", "libudev.so.1", "libz.so.1", "libzstd.so.1", "libbrotlidec.so.1",
    "libbrotlicommon.so.1", "libgssapi_krb5.so.2",
)

# soname -> the Debian/Ubuntu package that ships it (`dpkg -S` and `apt-cache show` on Debian
# 12; the same names on Ubuntu 22.04 and 24.04 except libasound2, see NEWER_NAMES).
PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",  # Qt 5 and early Qt 6 builds
    "libxcb-dri3.so.0": "libxcb-dri3-0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libnss3.so": "libnss3",
    "libnssutil3.so": "libnss3",
    "libsmime3.so": "libnss3",
    "libnspr4.so": "libnspr4",
    "libgbm.so.1": "libgbm1",
    "libXcomposite.so.1": "libxcomposite1",
    "libXdamage.so.1": "libxdamage1",
    "libXext.so.6": "libxext6",
    "libXfixes.so.3": "libxfixes3",
    "libXrandr.so.2": "libxrandr2",
    "libXtst.so.6": "libxtst6",
    "libxkbfile.so.1": "libxkbfile1",
    "libxshmfence.so.1": "libxshmfence1",
    "libasound.so.2": "libasound2",
    "libexpat.so.1": "libexpat1",
    "libudev.so.1": "libudev1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
}

# Packages renamed by the 64-bit time_t transition (Ubuntu 24.04, Debian 13). apt picks the
# new name for most old ones by itself, but refuses for libasound2: two packages provide it.
NEWER_NAMES = {"libasound2": "libasound2t64"}

# What the dynamic loader says when a library cannot be used at all (as opposed to, say, an
# undefined symbol, which no package install fixes).
_UNLOADABLE = re.compile(
    r"(?:^|[\s/'\"])(?P<soname>[\w.+-]+\.so(?:\.\d+)*): "
    r"(?:cannot open shared object file|file too short|invalid ELF header|wrong ELF class)"
)


# Libraries of PySide6 itself (and its plugins): a broken install, not a missing package.
_QT_OWN_LIBRARIES = ("libQt6", "libqxcb", "libpyside6", "libshiboken6")


def soname_in_error(message: str) -> str | None:
    """The library a dlopen / ImportError message says could not be loaded, e.g.
    "libxcb-icccm.so.4: cannot open shared object file: …" -> "libxcb-icccm.so.4"."""
    match = _UNLOADABLE.search(message)
    return match.group("soname") if match else None


def package_for(soname: str) -> str | None:
    return PACKAGES.get(soname)


def platform_candidates(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order: QT_QPA_PLATFORM ("xcb", "xcb:opt=1",
    "wayland;xcb"), else what Qt 6 picks from the session type."""
    names = environ.get("QT_QPA_PLATFORM") or (
        "wayland;xcb" if environ.get("XDG_SESSION_TYPE") == "wayland" else "xcb"
    )
    return [name.split(":", 1)[0].strip() for name in names.split(";") if name.strip()]


def uses_xcb(environ: Mapping[str, str]) -> bool:
    # Only when xcb comes first: a later entry is a fallback, and a missing fallback must not
    # stop a Wayland desktop where the first choice works.
    candidates = platform_candidates(environ)
    return bool(candidates) and candidates[0] == "xcb"


def find_xcb_plugin(environ: Mapping[str, str], pyside_dir: Path | None = None) -> Path | None:
    """libqxcb.so where Qt looks for it: QT_QPA_PLATFORM_PLUGIN_PATH first, then PySide6's own
    plugins, then each QT_PLUGIN_PATH entry's platforms/ folder."""
    folders = [Path(environ["QT_QPA_PLATFORM_PLUGIN_PATH"])] if environ.get(
        "QT_QPA_PLATFORM_PLUGIN_PATH") else []
    pyside_dir = pyside_dir or _pyside_dir()
    if pyside_dir is not None:
        folders.append(pyside_dir / "Qt" / "plugins" / "platforms")
    plugin_path = environ.get("QT_PLUGIN_PATH", "")
    folders += [Path(entry) / "platforms" for entry in plugin_path.split(os.pathsep) if entry]
    return next((f / "libqxcb.so" for f in folders if (f / "libqxcb.so").is_file()), None)


def _pyside_dir() -> Path | None:
    # find_spec locates the package without importing it, so no Qt library is loaded here.
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def load_error(library: str | Path) -> str | None:
    """Why the dynamic loader cannot load `library` (a soname or a path), or None if it can."""
    try:
        ctypes.CDLL(str(library))
    except OSError as exc:
        return str(exc)
    return None


def unloadable(sonames: Iterable[str]) -> list[str]:
    """The libraries among `sonames` that cannot be loaded; when one fails because a library
    it needs is missing, that library is the one named."""
    missing: list[str] = []
    for soname in dict.fromkeys(sonames):
        error = load_error(soname)
        if error is None:
            continue
        culprit = soname_in_error(error) or soname
        if culprit not in missing:
            missing.append(culprit)
    return missing


@dataclass(frozen=True)
class MissingLibraries:
    """Libraries a part of Qt needs that this system cannot load, and how to install them."""

    failed: str  # what could not be loaded, e.g. "Qt's X11 platform plugin (xcb)"
    sonames: tuple[str, ...]
    # The NEWER_NAMES this system's apt has (see apt_newer_names); None when it cannot tell.
    newer_names: Mapping[str, str] | None = None

    def package(self, soname: str) -> str | None:
        package = package_for(soname)
        return (self.newer_names or {}).get(package, package) if package else None

    def packages(self) -> list[str]:
        return list(dict.fromkeys(p for s in self.sonames if (p := self.package(s))))

    def message(self) -> str:
        width = max(len(soname) for soname in self.sonames)
        lines = [f"PosDesk cannot start: {self.failed} cannot be loaded.",
                 "These system libraries are missing:"]
        for soname in self.sonames:
            package = self.package(soname)
            where = f"package {package}" if package else "package not known to PosDesk"
            lines.append(f"  {soname:<{width}}  ({where})")
        packages = self.packages()
        if packages:
            lines += ["Install them on Debian or Ubuntu with:",
                      "  sudo apt install " + " ".join(packages)]
        if unknown := [s for s in self.sonames if package_for(s) is None]:
            lines.append("To find the package that ships a library: apt-file search " + unknown[0])
        if self.newer_names is None and (renamed := [p for p in packages if p in NEWER_NAMES]):
            lines += [f"(On Ubuntu 24.04, Debian 13 and newer, {old} is called {NEWER_NAMES[old]}.)"
                      for old in renamed]
        return "\n".join(lines)


def check_xcb_plugin(environ: Mapping[str, str] | None = None) -> MissingLibraries | None:
    """Before the QApplication exists: the libraries Qt's xcb plugin cannot load, if any."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or not uses_xcb(environ):
        return None
    plugin = find_xcb_plugin(environ)
    if plugin is None:  # nothing to check; Qt reports a missing plugin in words of its own
        return None
    error = load_error(plugin)
    if error is None:
        return None
    # dlopen names only the first missing library: test them all so one install fixes it, and
    # add the GUI's own so the next start does not stop at the web view's.
    named = [s for s in [soname_in_error(error)] if s and not s.startswith(_QT_OWN_LIBRARIES)]
    missing = unloadable([*named, *XCB_PLUGIN_LIBRARIES, *GUI_LIBRARIES])
    if not missing:  # e.g. an undefined symbol: not a package problem
        return None
    return MissingLibraries("Qt's X11 platform plugin (xcb)", tuple(missing),
                            apt_newer_names(missing))


def explain_import_error(error: ImportError) -> MissingLibraries | None:
    """For an ImportError while loading PySide6's QtWidgets / QtWebEngine: the missing
    libraries, or None when the error is about something else."""
    soname = soname_in_error(str(error))
    if soname is None or not sys.platform.startswith("linux"):
        return None
    if soname.startswith(_QT_OWN_LIBRARIES):
        return None
    missing = unloadable([soname, *GUI_LIBRARIES]) or [soname]
    return MissingLibraries("Qt's widgets and web view", tuple(missing),
                            apt_newer_names(missing))


def apt_newer_names(sonames: Iterable[str]) -> dict[str, str] | None:
    """NEWER_NAMES limited to the renames this system's apt has, so the printed command works
    as pasted; None when apt cannot tell (then the message mentions both names)."""
    old = [PACKAGES[s] for s in sonames if PACKAGES.get(s) in NEWER_NAMES]
    if not old:
        return {}
    if shutil.which("apt-cache") is None:
        return None
    import subprocess  # only when a library is missing: not on every start's way to a window

    renames: dict[str, str] = {}
    for package in old:
        new = NEWER_NAMES[package]
        try:
            found = subprocess.run(["apt-cache", "show", "--no-all-versions", new],
                                   capture_output=True, timeout=10).returncode == 0
        except (OSError, subprocess.SubprocessError):
            return None
        if found:
            renames[package] = new
    return renames
