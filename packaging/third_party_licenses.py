"""Write THIRD-PARTY-LICENSES.txt for a PosDesk bundle from the installed distributions'
metadata (importlib.metadata): every distribution PosDesk needs at run time (the closure of
pyproject.toml's [project.dependencies]), with its licence and the licence files it ships,
then Python's licence, PyInstaller's bootloader exception, and Qt's LGPL text with how to
replace Qt.

    python packaging/third_party_licenses.py OUTPUT.txt
    python packaging/third_party_licenses.py --check   # exit 1 if a requirement is missing

Run by the build scripts before PyInstaller; posdesk.spec bundles the file where the About
dialog finds it (posdesk.resources/licenses)."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
LICENSE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)
RULE = "=" * 78


class MissingDistribution(Exception):
    """A run-time requirement of PosDesk is not installed in this environment."""


def project_requirements() -> list[Requirement]:
    """[project.dependencies] as pyproject.toml has them now (the installed metadata can be
    older than the checkout)."""
    project = tomllib.loads((HERE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    return [Requirement(line) for line in project["project"]["dependencies"]]


def runtime_closure() -> list[metadata.Distribution]:
    """Every distribution PosDesk's requirements pull in on this platform (no extras of
    PosDesk's own: those are for tests and building)."""
    environment = default_environment()
    seen: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, str]] = set()
    # (name, extra): "psycopg[binary]" brings psycopg and its "binary" extra's requirements.
    pending: list[tuple[str, str]] = []
    for requirement in project_requirements():
        if requirement.marker is None or requirement.marker.evaluate(
            {**environment, "extra": ""}
        ):
            pending += [(requirement.name, ""),
                        *((requirement.name, extra) for extra in requirement.extras)]
    while pending:
        name, extra = pending.pop()
        name = canonicalize_name(name)
        if (name, extra) in done:
            continue
        done.add((name, extra))
        try:
            dist = seen.get(name) or metadata.distribution(name)
        except metadata.PackageNotFoundError:
            # Required on this platform (its marker held) but not installed: the bundle
            # would lack it too.
            raise MissingDistribution(name) from None
        seen[name] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate(
                {**environment, "extra": extra}
            ):
                pending += [(requirement.name, "")]
                pending += [(requirement.name, wanted) for wanted in requirement.extras]
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    declared = (meta.get("License") or "").strip()
    classifiers = [
        c.removeprefix("License :: ").removeprefix("OSI Approved :: ")
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if declared and len(declared) < 120:
        return "; ".join([declared, *classifiers]) if classifiers else declared
    return "; ".join(classifiers) or ("see the licence text below" if declared else "unknown")


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for file in dist.files or []:
        if LICENSE_FILE.search(str(file)) and not str(file).endswith((".py", ".pyc")):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                texts.append((str(file), path.read_text(encoding="utf-8", errors="replace")))
    declared = dist.metadata.get("License") or ""
    if not texts and len(declared) >= 120:  # the whole licence written into the metadata
        texts.append(("License (from the metadata)", declared))
    return texts


def qt_section() -> str:
    note = (HERE / "licenses" / "qt-lgpl-notice.txt").read_text(encoding="utf-8")
    lgpl = (HERE / "licenses" / "LGPL-3.0.txt").read_text(encoding="utf-8")
    gpl = (HERE / "licenses" / "GPL-3.0.txt").read_text(encoding="utf-8")
    return "\n".join([note, RULE, "GNU LESSER GENERAL PUBLIC LICENSE, version 3", RULE, lgpl,
                      RULE, "GNU GENERAL PUBLIC LICENSE, version 3 (which the LGPL extends)",
                      RULE, gpl])


def python_licence() -> str:
    for candidate in (Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}."
                      f"{sys.version_info.minor}" / "LICENSE.txt",
                      Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return "Python Software Foundation License Version 2 (https://docs.python.org/3/license.html)"


def pyinstaller_note() -> str:
    try:
        version = metadata.version("pyinstaller")
    except metadata.PackageNotFoundError:
        version = "?"
    return (f"PyInstaller {version} bootloader: GPL-2.0-or-later with the PyInstaller "
            "bootloader exception, which allows distributing bundles it built under any "
            "licence (https://github.com/pyinstaller/pyinstaller/blob/develop/COPYING.txt).")


def render() -> str:
    dists = runtime_closure()
    lines = [
        "PosDesk: third-party software in this bundle",
        RULE,
        "Generated at build time from the installed distributions' metadata by",
        "packaging/third_party_licenses.py. Summary (name, version, licence):",
        "",
    ]
    for dist in dists:
        lines.append(f"  {dist.metadata['Name']} {dist.version}: {licence_of(dist)}")
    lines += [f"  Python {sys.version.split()[0]}: PSF-2.0", "", pyinstaller_note(), "",
              "Qt (through PySide6, PySide6_Essentials, PySide6_Addons, PySide6_WebEngine and",
              "shiboken6) is used under the GNU LGPL version 3: see the Qt section at the end.",
              ""]
    for dist in dists:
        lines += [RULE, f"{dist.metadata['Name']} {dist.version}: {licence_of(dist)}"]
        if home := dist.metadata.get("Home-page"):
            lines.append(f"Home page: {home}")
        lines.append(RULE)
        texts = licence_texts(dist)
        for name, text in texts:
            lines += [f"--- {name}", text.rstrip(), ""]
        if not texts and "LGPL-3.0" in licence_of(dist):  # PySide6's wheels ship no text
            lines += ["Used under the LGPL-3.0: its text is in the Qt section at the end.", ""]
    lines += [RULE, f"Python {sys.version.split()[0]}", RULE, python_licence().rstrip(), ""]
    lines += [RULE, "Qt", RULE, qt_section()]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        closure = runtime_closure()
    except MissingDistribution as exc:
        print(f"{exc} is required by PosDesk but not installed here: run "
              "pip install -c constraints.txt -e '.[packaging]'", file=sys.stderr)
        return 1
    if argv == ["--check"]:
        return 0
    target = Path(argv[0])
    target.parent.mkdir(parents=True, exist_ok=True)
    text = render()
    target.write_text(text, encoding="utf-8")
    print(f"{target}: {len(closure)} distributions, {len(text) // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
