"""The layer rules of docs/architecture: Qt only in gui/, stripe only in gateway/, the
sandbox a program apart, the domain free of I/O."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "posdesk"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules() -> list[tuple[str, set[str]]]:
    return [
        (path.relative_to(SRC).as_posix(), imported_modules(path))
        for path in sorted(SRC.rglob("*.py"))
    ]


def top(name: str) -> str:
    return name.split(".")[0]


def offenders(layer: str | None, forbidden, *, inside: bool = True) -> list[str]:
    """Modules inside (or, with inside=False, outside) `layer` that import a forbidden name."""
    found = []
    for rel, names in modules():
        in_layer = layer is None or rel.startswith(f"{layer}/")
        if in_layer == inside and (bad := sorted(n for n in names if forbidden(rel, n))):
            found.append(f"{rel}: {bad}")
    return found


def test_pyside6_only_in_gui() -> None:
    assert offenders("gui", lambda rel, n: top(n) == "PySide6", inside=False) == []


def test_stripe_only_in_gateway() -> None:
    assert offenders("gateway", lambda rel, n: top(n) == "stripe", inside=False) == []


def test_sandbox_imports_nothing_from_the_app() -> None:
    def from_app(rel: str, n: str) -> bool:
        return n.startswith("posdesk.") and not n.startswith("posdesk.sandbox")

    assert offenders("sandbox", from_app) == []


def test_app_imports_the_sandbox_only_to_start_it() -> None:
    # The app starts the sandbox as a subprocess through its own entry point; only the CLI
    # dispatch may import the sandbox's command line.
    allowed = {"cli.py": {"posdesk.sandbox.cli"}}

    def sandbox_import(rel: str, n: str) -> bool:
        return n.startswith("posdesk.sandbox") and n not in allowed.get(rel, set())

    assert offenders("sandbox", sandbox_import, inside=False) == []


@pytest.mark.parametrize("layer", ["domain", "store"])
def test_lower_layers_know_nothing_above(layer: str) -> None:
    above = ("posdesk.gui", "posdesk.services", "posdesk.gateway", "posdesk.sync", "posdesk.cli")

    def upward(rel: str, n: str) -> bool:
        return n.startswith(above) or top(n) in {"PySide6", "stripe"}

    assert offenders(layer, upward) == []


def test_gui_goes_through_services() -> None:
    def below_services(rel: str, n: str) -> bool:
        return n.startswith(("posdesk.gateway", "posdesk.sandbox"))

    assert offenders("gui", below_services) == []


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    # Guard against a checker that can never fail.
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport stripe\n")
    assert {"PySide6.QtCore", "stripe"} <= imported_modules(bad)
