"""Missing system libraries are named, with one `sudo apt install` line, before Qt can abort:
the loader's messages, the package table against the installed PySide6's own files, and
`posdesk --demo` run for real on an X display with libraries taken away from it."""

from __future__ import annotations

import ctypes
import importlib.util
import mmap
import os
import re
import select
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from posdesk.system_libraries import (
    GUI_LIBRARIES,
    PACKAGES,
    XCB_PLUGIN_LIBRARIES,
    MissingLibraries,
    apt_newer_names,
    check_xcb_plugin,
    explain_import_error,
    find_xcb_plugin,
    load_error,
    soname_in_error,
    unloadable,
    uses_xcb,
)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="checks the Linux dynamic loader"
)

ROOT = Path(__file__).resolve().parents[1]
PYSIDE = Path(next(iter(importlib.util.find_spec("PySide6").submodule_search_locations)))
# Lost by the loader on a fresh Debian/Ubuntu desktop; Qt's own message names libxcb-cursor0.
USUALLY_MISSING = ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")


# --- the loader's messages and the package table ------------------------------------------


@pytest.mark.parametrize(("message", "soname"), [
    ("libxcb-icccm.so.4: cannot open shared object file: No such file or directory",
     "libxcb-icccm.so.4"),
    ("/lib/x86_64-linux-gnu/libxcb-cursor.so.0: file too short", "libxcb-cursor.so.0"),
    ("/tmp/stand-ins/libnss3.so: invalid ELF header", "libnss3.so"),
    ("libfoo-bar.so.12.3: cannot open shared object file: No such file or directory",
     "libfoo-bar.so.12.3"),
    ("/usr/lib/i386-linux-gnu/libGL.so.1: wrong ELF class: ELFCLASS32", "libGL.so.1"),
    ("/venv/PySide6/QtWidgets.abi3.so: undefined symbol: _ZN7QWidget4showEv", None),
    ("No module named 'PySide6'", None),
])
def test_the_library_a_loader_message_names_is_read_from_it(message: str, soname: str) -> None:
    assert soname_in_error(message) == soname


@pytest.mark.parametrize(("environ", "checked"), [
    ({}, True),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "xcb:nograb"}, True),
    ({"XDG_SESSION_TYPE": "x11"}, True),
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "wayland"}, False),
    ({"QT_QPA_PLATFORM": "minimal"}, False),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),  # xcb only as a fallback
    ({"XDG_SESSION_TYPE": "wayland"}, False),  # Qt 6 then tries "wayland;xcb"
])
def test_only_a_platform_that_starts_with_xcb_is_checked(environ: dict, checked: bool) -> None:
    assert uses_xcb(environ) is checked


def test_the_xcb_plugin_is_looked_for_where_qt_looks(tmp_path: Path) -> None:
    direct, extra, pyside = tmp_path / "direct", tmp_path / "extra", tmp_path / "pyside"
    for folder in (direct, extra / "platforms", pyside / "Qt" / "plugins" / "platforms"):
        folder.mkdir(parents=True)
        (folder / "libqxcb.so").touch()
    env = {"QT_QPA_PLATFORM_PLUGIN_PATH": str(direct), "QT_PLUGIN_PATH": f"/nowhere:{extra}"}
    assert find_xcb_plugin(env, pyside) == direct / "libqxcb.so"
    assert find_xcb_plugin({"QT_PLUGIN_PATH": str(extra)}, pyside) == (
        pyside / "Qt" / "plugins" / "platforms" / "libqxcb.so")
    assert find_xcb_plugin({"QT_PLUGIN_PATH": str(extra)}, tmp_path / "none") == (
        extra / "platforms" / "libqxcb.so")
    assert find_xcb_plugin({}, PYSIDE) == PYSIDE / "Qt/plugins/platforms/libqxcb.so"


def test_offscreen_and_wayland_runs_are_not_checked(tmp_path: Path) -> None:
    (tmp_path / "libqxcb.so").write_bytes(b"not a library")  # would fail if it were loaded
    for platform in ("offscreen", "wayland", "minimal"):
        env = {"QT_QPA_PLATFORM": platform, "QT_QPA_PLATFORM_PLUGIN_PATH": str(tmp_path)}
        assert check_xcb_plugin(env) is None


def test_a_plugin_broken_in_a_way_no_package_fixes_is_left_to_qt(tmp_path: Path) -> None:
    (tmp_path / "libqxcb.so").write_bytes(b"not a library")
    if unloadable([*XCB_PLUGIN_LIBRARIES, *GUI_LIBRARIES]):
        pytest.skip("this machine lacks some of Qt's libraries; they would be reported")
    assert check_xcb_plugin({"QT_QPA_PLATFORM_PLUGIN_PATH": str(tmp_path)}) is None


def test_the_message_names_each_library_and_gives_one_install_line() -> None:
    sonames = ("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libposdesk-x.so.9")
    missing = MissingLibraries("Qt's X11 platform plugin (xcb)", sonames, {})
    text = missing.message()
    assert "Qt's X11 platform plugin (xcb) cannot be loaded" in text
    assert "libxcb-icccm.so.4    (package libxcb-icccm4)" in text
    assert "libposdesk-x.so.9    (package not known to PosDesk)" in text
    install = [line.strip() for line in text.splitlines() if "apt install" in line]
    assert install == ["sudo apt install libxcb-icccm4 libxcb-keysyms1"]
    assert "apt-file search libposdesk-x.so.9" in text


def test_the_alsa_package_is_named_as_this_systems_apt_knows_it() -> None:
    def install_line(missing: MissingLibraries) -> str:
        return next(line for line in missing.message().splitlines() if "apt install" in line)

    renamed = MissingLibraries("x", ("libasound.so.2",), {"libasound2": "libasound2t64"})
    assert install_line(renamed).endswith(" libasound2t64")
    same = MissingLibraries("x", ("libasound.so.2",), {})
    assert install_line(same).endswith(" libasound2") and "t64" not in same.message()
    unsure = MissingLibraries("x", ("libasound.so.2",), None)
    assert install_line(unsure).endswith(" libasound2")
    assert "libasound2 is called libasound2t64" in unsure.message()


def test_the_alsa_rename_is_asked_of_apt_only_when_alsa_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert apt_newer_names(["libxcb-icccm.so.4"]) == {}
    if shutil.which("apt-cache"):
        has_t64 = subprocess.run(["apt-cache", "show", "libasound2t64"],
                                 capture_output=True).returncode == 0
        expected = {"libasound2": "libasound2t64"} if has_t64 else {}
        assert apt_newer_names(["libasound.so.2"]) == expected
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    assert apt_newer_names(["libasound.so.2"]) is None  # unsure: the message names both


def test_an_import_error_about_a_missing_library_is_explained() -> None:
    error = ImportError("libposdesk-x.so.7: cannot open shared object file: No such file")
    missing = explain_import_error(error)
    assert missing is not None and missing.sonames[0] == "libposdesk-x.so.7"
    nss = explain_import_error(ImportError("libnss3.so: cannot open shared object file: No such"))
    assert nss is not None and "libnss3" in nss.packages()


@pytest.mark.parametrize("message", [
    "No module named 'PySide6.QtWebEngineCore'",
    "/venv/PySide6/QtWidgets.abi3.so: undefined symbol: _ZN7QWidget4showEv",
    "libQt6WebEngineCore.so.6: cannot open shared object file: No such file or directory",
])
def test_other_import_errors_are_left_alone(message: str) -> None:
    assert explain_import_error(ImportError(message)) is None


def test_the_tables_cover_every_library_the_installed_pyside6_loads() -> None:
    # Read from the ELF files themselves, so a PySide6 upgrade that needs a new library fails
    # here rather than on a user's desktop.
    modules = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtWebChannel", "QtWebEngineCore",
               "QtWebEngineWidgets")
    gui = system_dependencies([next(PYSIDE.glob(f"{name}.*so")) for name in modules])
    xcb = system_dependencies([PYSIDE / "Qt/plugins/platforms/libqxcb.so"])
    assert gui - set(GUI_LIBRARIES) == set()
    assert xcb - set(XCB_PLUGIN_LIBRARIES) - set(GUI_LIBRARIES) == set()
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"} <= xcb
    assert [s for s in (*XCB_PLUGIN_LIBRARIES, *GUI_LIBRARIES) if s not in PACKAGES] == []


def test_the_readme_and_ci_install_every_package_posdesk_checks() -> None:
    packages = {PACKAGES[s] for s in (*XCB_PLUGIN_LIBRARIES, *GUI_LIBRARIES)}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("sudo apt install "))
    assert packages - set(line.split()) == set()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ")
    install = next(line for line in ci.splitlines() if "apt-get install" in line)
    assert (packages | {"xvfb"}) - set(install.split()) == set()


# --- for real: posdesk on an X display with libraries taken away ---------------------------


def test_the_demo_on_x_without_the_xcb_libraries_names_them_and_exits(
    x_display: str, tmp_path: Path
) -> None:
    hide = LibraryHider(USUALLY_MISSING, tmp_path)
    result = run(hide.command([*posdesk_command(), "--demo"]), x_env(x_display, hide.env))
    assert result.returncode == 3, describe(result, hide)  # not -6: no abort, no core dump
    install = [line.strip() for line in result.stderr.splitlines() if "apt install" in line]
    assert len(install) == 1, describe(result, hide)
    assert {"libxcb-icccm4", "libxcb-keysyms1"} <= set(install[0].split())
    if load_error("libxcb-cursor.so.0") is None:  # installed: Qt's own guess would be wrong
        assert "libxcb-cursor0" not in install[0]
    assert "qt.qpa.plugin" not in result.stderr and "Traceback" not in result.stderr
    print(f"\n[{hide.how}]\n{result.stderr}")
    hide.assert_gone()


def test_without_the_check_qt_itself_aborts_on_the_same_system(
    x_display: str, tmp_path: Path
) -> None:
    # Proof that the libraries are really gone for the demo above: bare Qt aborts (SIGABRT).
    hide = LibraryHider(USUALLY_MISSING, tmp_path)
    script = "from PySide6.QtWidgets import QApplication; QApplication([])"
    result = run(hide.command([sys.executable, "-c", script]), x_env(x_display, hide.env))
    assert result.returncode == -signal.SIGABRT, describe(result, hide)
    assert 'Could not load the Qt platform plugin "xcb"' in result.stderr
    hide.assert_gone()


def test_with_the_libraries_present_the_check_passes_and_qt_opens_on_x(x_display: str) -> None:
    if missing := unloadable([*XCB_PLUGIN_LIBRARIES, *GUI_LIBRARIES]):
        pytest.skip(f"this machine lacks {', '.join(missing)}; the README's apt line adds them")
    script = textwrap.dedent("""
        from posdesk.system_libraries import check_xcb_plugin
        assert check_xcb_plugin() is None, check_xcb_plugin().message()
        from PySide6.QtWidgets import QApplication
        print(QApplication([]).platformName())
    """)
    result = run([sys.executable, "-c", script], x_env(x_display, {}))
    assert (result.returncode, result.stdout.strip()) == (0, "xcb"), result.stderr


def test_the_demo_without_nss_names_libnss3_instead_of_a_traceback(tmp_path: Path) -> None:
    hide = LibraryHider(("libnss3.so",), tmp_path)
    env = {**clean_env(), "QT_QPA_PLATFORM": "offscreen", **hide.env}
    result = run(hide.command([*posdesk_command(), "--demo"]), env)
    assert result.returncode == 3, describe(result, hide)
    assert "Qt's widgets and web view cannot be loaded" in result.stderr
    assert re.search(r"^  sudo apt install .*\blibnss3\b", result.stderr, re.M)
    assert "Traceback" not in result.stderr
    hide.assert_gone()


# --- helpers -------------------------------------------------------------------------------


class LibraryHider:
    """Makes libraries missing for one child process only.

    As root where mount namespaces are allowed, an overlay on the library's folder whites the
    files out: the loader finds nothing, exactly as on a system without the package. Elsewhere
    (e.g. an unprivileged container) a folder on LD_LIBRARY_PATH holds empty files named like
    the libraries: the loader tries them first and fails, and Qt with it, as on a missing one."""

    def __init__(self, sonames: tuple[str, ...], scratch: Path) -> None:
        self.sonames = sonames
        self.folders = installed_files(sonames)
        self.installed = [s for s in sonames if any(s in names for names in self.folders.values())]
        self.prefix: list[str] = []
        self.env: dict[str, str] = {}
        if self.folders and self._namespace_works(scratch):
            self.how = "hidden by an overlay in a private mount namespace"
        else:
            self.how = "shadowed by empty stand-ins on LD_LIBRARY_PATH"
            self._use_stand_ins(scratch / "stand-ins")

    def command(self, argv: list[str]) -> list[str]:
        return [*self.prefix, *argv]

    def _namespace_works(self, scratch: Path) -> bool:
        if os.geteuid() != 0 or shutil.which("unshare") is None:
            return False
        scratch.mkdir(exist_ok=True)
        # A tmpfs for the overlay's upper layer: it cannot sit on the overlayfs that is the root
        # of many containers. Everything is undone when the namespace's one process exits.
        steps = [f"mount -t tmpfs tmpfs {shlex.quote(str(scratch))}"]
        for i, (folder, names) in enumerate(self.folders.items()):
            upper, work = scratch / f"upper{i}", scratch / f"work{i}"
            steps.append(f"mkdir {upper} {work}")
            steps += [f"mknod {upper / name} c 0 0" for name in names]  # a whiteout
            steps.append(f"mount -t overlay overlay -o lowerdir={folder},upperdir={upper},"
                         f"workdir={work} {folder}")
        self.prefix = ["unshare", "--mount", "--propagation", "private",
                       "sh", "-ec", " && ".join(steps) + ' && exec "$@"', "hide"]
        probe = subprocess.run([*self.prefix, "true"], capture_output=True, timeout=10)
        if probe.returncode != 0:
            self.prefix = []
        return probe.returncode == 0

    def _use_stand_ins(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        for soname in self.sonames:
            (folder / soname).touch()
        paths = [str(folder), *filter(None, [os.environ.get("LD_LIBRARY_PATH")])]
        self.env = {"LD_LIBRARY_PATH": os.pathsep.join(paths)}

    def assert_gone(self) -> None:
        """Nothing outlives the child: the libraries load here and no overlay is mounted."""
        assert all(load_error(soname) is None for soname in self.installed)
        with open("/proc/self/mountinfo") as mounts:
            mounted = {line.split()[4] for line in mounts}
        assert mounted.isdisjoint(str(folder) for folder in self.folders)


def installed_files(sonames: tuple[str, ...]) -> dict[Path, list[str]]:
    """Folder -> names to hide (the soname and the file it links to) for the installed ones;
    a library that is not installed is missing already."""
    found: dict[Path, list[str]] = {}
    for soname in sonames:
        if load_error(soname) is not None:
            continue
        ctypes.CDLL(soname)
        with open("/proc/self/maps") as maps:
            path = next(Path(line.split()[-1]) for line in maps
                        if Path(line.split()[-1]).name.startswith(soname))
        found.setdefault(path.parent, []).extend(dict.fromkeys([soname, path.name]))
    return found


def dt_needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file (what `readelf -d` lists)."""
    with open(path, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as elf:
        assert elf[:6] == b"\x7fELF\x02\x01", f"{path} is not a 64-bit little-endian ELF file"
        (phoff,) = struct.unpack_from("<Q", elf, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", elf, 0x36)
        loads, dynamic = [], (0, 0)
        for at in range(phoff, phoff + phnum * phentsize, phentsize):
            kind, _, offset, vaddr, _, size = struct.unpack_from("<IIQQQQ", elf, at)
            if kind == 1:  # PT_LOAD
                loads.append((vaddr, offset, size))
            elif kind == 2:  # PT_DYNAMIC
                dynamic = (offset, size)
        entries = [struct.unpack_from("<qQ", elf, dynamic[0] + i) for i in range(0, dynamic[1], 16)]
        strtab = next(value for tag, value in entries if tag == 5)  # DT_STRTAB, an address
        base = next(off + strtab - va for va, off, size in loads if va <= strtab < va + size)
        return [elf[base + v:elf.find(b"\0", base + v)].decode() for tag, v in entries if tag == 1]


C_RUNTIME = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
             "libresolv.so.2", "libgcc_s.so.1", "libstdc++.so.6"}


def system_dependencies(start: list[Path]) -> set[str]:
    """Libraries outside PySide6 that `start` needs, following PySide6's own libraries."""
    shiboken = Path(next(iter(importlib.util.find_spec("shiboken6").submodule_search_locations)))
    own_folders = (PYSIDE / "Qt" / "lib", PYSIDE, shiboken)
    system: set[str] = set()
    todo, seen = list(start), set(start)
    while todo:
        for name in dt_needed(todo.pop()):
            own = next((f / name for f in own_folders if (f / name).is_file()), None)
            if own is None and name not in C_RUNTIME and not name.startswith("ld-linux"):
                system.add(name)
            elif own is not None and own not in seen:
                seen.add(own)
                todo.append(own)
    return system


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """A private X server on a display number it picks itself, stopped after the module."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (Debian package xvfb; .ci/run installs it)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1024x768x24"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 10)
        number = os.read(read_end, 16).decode().strip() if ready else ""
        assert number.isdigit(), "Xvfb did not report a display within 10 s"
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)


def posdesk_command() -> list[str]:
    script = Path(sys.executable).with_name("posdesk")  # the venv's console script
    return [str(script)] if script.is_file() else [sys.executable, "-m", "posdesk"]


def clean_env() -> dict[str, str]:
    # The suite runs offscreen (conftest); these tests choose the platform themselves.
    drop = {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "DISPLAY"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def x_env(display: str, extra: dict[str, str]) -> dict[str, str]:
    return {**clean_env(), "DISPLAY": display, **extra}


def run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Children inherit a zero core-size limit: the abort that Qt is shown to cause must not
    # leave a core file in the working tree.
    import resource  # POSIX only; these tests run on Linux alone

    soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    try:
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=30, cwd=ROOT)
    finally:
        resource.setrlimit(resource.RLIMIT_CORE, (soft, hard))


def describe(result: subprocess.CompletedProcess[str], hide: LibraryHider) -> str:
    return f"exit {result.returncode} ({hide.how})\n{result.stdout}\n{result.stderr}"
