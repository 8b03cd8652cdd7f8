"""The layer rules of docs/architecture.md, checked on the source tree, and each shown to catch
a violation planted in a throw-away tree (so no rule can silently never fail).

Every import counts: module level, inside functions, under `if TYPE_CHECKING:`, and relative
ones (`from . import x`, `from ..store import y`), resolved to absolute names."""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
APP = "posdesk"

# The composition root builds everything, so it may import anything (no rule checks it), and
# nothing below it may import it.
COMPOSITION_ROOT = ("posdesk.app_context", "posdesk.cli", "posdesk.relay_cli", "posdesk.demo")
IO_LIBRARIES = (
    "PySide6", "stripe", "sqlalchemy", "sqlmodel", "alembic", "keyring", "requests", "httpx",
    "psycopg", "psycopg2",
)


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. "posdesk.gui.shell.window"
    target: str  # what it imports, absolute: "posdesk.services.charges", "PySide6.QtCore"
    line: int

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.target}"


# --- the checker ------------------------------------------------------------------------------


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute name `from <node.module>` refers to, seen from `module`."""
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


@functools.cache
def collect(root: Path) -> tuple[Import, ...]:
    """Every import of every module under `root` (the directory holding the `posdesk`
    package). `from package import name` counts as importing `package.name` when that is a
    module of the tree, else as importing `package`."""
    paths = sorted((root / APP).rglob("*.py"))
    known = {module_name(path, root) for path in paths}
    found: list[Import] = []
    for path in paths:
        module = module_name(path, root)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [Import(module, alias.name, node.lineno) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = resolve(module, path.name == "__init__.py", node)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    found.append(Import(module, full if full in known else base, node.lineno))
    return tuple(dict.fromkeys(found))  # `from x import a, b` is one import of x


def within(name: str, area: str) -> bool:
    """`name` is `area` or inside it. The bare package `posdesk` (its `__version__`) is only
    itself: allowing it allows none of its subpackages."""
    return name == area or (area != APP and name.startswith(area + "."))


def top(name: str) -> str:
    return name.split(".")[0]


# --- the rules --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """What the modules of `layer` may import: from posdesk, only names `within` one of
    `allowed` (None: anything not `forbidden`); never a name within one of `forbidden`
    (posdesk names or third-party libraries)."""

    layer: str
    allowed: tuple[str, ...] | None
    forbidden: tuple[str, ...] = ()

    def breaks(self, imp: Import) -> bool:
        if any(within(imp.target, bad) for bad in self.forbidden):
            return True
        return (
            self.allowed is not None
            and top(imp.target) == APP
            and not any(within(imp.target, ok) for ok in self.allowed)
        )


def pkg(*names: str) -> tuple[str, ...]:
    return tuple(f"{APP}.{name}" for name in names)


# The letters are those of the rules as first written down (a and i are further below).
RULES = {
    # b. plain Python: nothing of the app, no I/O
    "domain": Rule("posdesk.domain", pkg("domain"), forbidden=IO_LIBRARIES),
    # c. `posdesk` itself for __version__, and the top-level helpers it needs
    "store": Rule("posdesk.store", (APP, *pkg("domain", "store", "paths", "file_privacy",
                                              "settings"))),
    # d.-f. each layer sees only those below it
    "gateway": Rule("posdesk.gateway", pkg("domain", "gateway")),
    "ledger": Rule("posdesk.ledger", pkg("domain", "store", "gateway", "ledger")),
    "sync": Rule("posdesk.sync", pkg("domain", "store", "gateway", "ledger", "sync")),
    # g. nothing above the services (the composition root included)
    "services": Rule("posdesk.services", None,
                     forbidden=(*pkg("gui", "backend", "sync"), *COMPOSITION_ROOT)),
    # h. the screens see the typed backend and domain types only
    "gui": Rule("posdesk.gui", pkg("gui", "domain", "backend")),
    # i. a program apart
    "sandbox": Rule("posdesk.sandbox", pkg("sandbox")),
    # j. the loopback card page server
    "card_page": Rule("posdesk.card_page", pkg("domain", "card_page")),
}

# a. Each library that talks to the outside world has one home.
LIBRARY_HOMES = {"PySide6": "posdesk.gui", "stripe": "posdesk.gateway"}

# i. The app starts the sandbox, nothing else: as a program through its own command line, or
# on threads of the demo's process through sandbox/in_process.py.
SANDBOX = "posdesk.sandbox"
SANDBOX_ENTRIES = {
    ("posdesk.cli", "posdesk.sandbox.cli"),
    ("posdesk.cli", "posdesk.sandbox.in_process"),
    ("posdesk.demo", "posdesk.sandbox.in_process"),
}


def layer_offenders(rule: Rule, root: Path = SRC) -> list[str]:
    return [
        str(imp) for imp in collect(root) if within(imp.module, rule.layer) and rule.breaks(imp)
    ]


def library_offenders(library: str, root: Path = SRC) -> list[str]:
    home = LIBRARY_HOMES[library]
    return [
        str(imp)
        for imp in collect(root)
        if top(imp.target) == library and not within(imp.module, home)
    ]


def sandbox_entry_offenders(root: Path = SRC) -> list[str]:
    return [
        str(imp)
        for imp in collect(root)
        if within(imp.target, SANDBOX)
        and not within(imp.module, SANDBOX)
        and (imp.module, imp.target) not in SANDBOX_ENTRIES
    ]


def import_cycle(area: str, root: Path = SRC) -> list[str]:
    """One cycle among the modules of `area` (the first module repeated at the end), or []."""
    graph: dict[str, set[str]] = {}
    for imp in collect(root):
        if within(imp.module, area):
            edges = graph.setdefault(imp.module, set())
            if within(imp.target, area) and imp.target != imp.module:
                edges.add(imp.target)
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str]:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return []
        for target in sorted(graph.get(module, ())):
            if cycle := visit(target, [*path, module]):
                return cycle
        done.add(module)
        return []

    for module in sorted(graph):
        if cycle := visit(module, []):
            return cycle
    return []


# --- the rules hold on the source tree ---------------------------------------------------------


def listed(lines: list[str]) -> str:
    return "\n" + "\n".join(lines)


@pytest.mark.parametrize("library", sorted(LIBRARY_HOMES))
def test_library_only_in_its_layer(library: str) -> None:
    assert not (found := library_offenders(library)), listed(found)


@pytest.mark.parametrize("name", sorted(RULES))
def test_layer_imports_only_what_it_may(name: str) -> None:
    assert not (found := layer_offenders(RULES[name])), listed(found)


def test_app_imports_the_sandbox_only_to_start_it() -> None:
    assert not (found := sandbox_entry_offenders()), listed(found)


def test_sandbox_modules_import_each_other_without_cycles() -> None:
    assert not (cycle := import_cycle(SANDBOX)), " -> ".join(cycle)


# --- each rule catches a violation planted in a throw-away tree ---------------------------------

SKELETON = (
    *(f"{name}/__init__.py" for name in ("", "domain", "store", "gateway", "ledger", "sync",
                                        "services", "card_page", "gui", "sandbox")),
    *(f"{name}.py" for name in ("backend", "app_context", "cli", "relay_cli", "demo", "paths",
                                "settings", "logging_setup", "file_privacy",
                                "system_libraries")),
    "sandbox/cli.py",
)


def tree(tmp_path: Path, planted: dict[str, str]) -> Path:
    """A source root with the app's packages (empty) plus `planted` (path in posdesk -> code)."""
    for rel in SKELETON:
        (tmp_path / APP / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / APP / rel).touch()
    for rel, code in planted.items():
        (tmp_path / APP / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / APP / rel).write_text(code, encoding="utf-8")
    return tmp_path


def relative_import(target: str) -> str:
    """Importing `target` from a module one package below posdesk, relatively:
    `posdesk.x` -> `from .. import x`, `posdesk.x.y` -> `from ..x import y`."""
    package, _, name = target.removeprefix(APP + ".").rpartition(".")
    return f"from ..{package} import {name}"


def a_violation(rule: Rule) -> str:
    candidates = [*rule.forbidden, *pkg("gui", "services", "store", "paths", "cli")]
    return next(
        name for name in candidates if top(name) == APP and rule.breaks(Import("", name, 0))
    )


@pytest.mark.parametrize("name", sorted(RULES))
def test_layer_rule_catches_a_planted_violation(name: str, tmp_path: Path) -> None:
    rule = RULES[name]
    bad = a_violation(rule)
    code = f"def later() -> None:\n    {relative_import(bad)}\n"
    libraries = [lib for lib in IO_LIBRARIES if rule.breaks(Import("", lib, 0))]
    code += "".join(f"\n\ndef io() -> None:\n    import {lib}.sub\n" for lib in libraries)
    layer_dir = rule.layer.removeprefix(APP + ".").replace(".", "/")
    root = tree(tmp_path, {f"{layer_dir}/planted.py": code})
    assert layer_offenders(rule, root) == [
        f"{rule.layer}.planted:2 imports {bad}",
        *(f"{rule.layer}.planted:{6 + 4 * i} imports {lib}.sub" for i, lib in enumerate(libraries)),
    ]


@pytest.mark.parametrize("library", sorted(LIBRARY_HOMES))
def test_library_rule_catches_a_planted_violation(library: str, tmp_path: Path) -> None:
    root = tree(tmp_path, {
        "store/planted.py": f"def later() -> None:\n    from {library}.x import y\n",
        LIBRARY_HOMES[library].removeprefix(APP + ".") + "/home.py": f"import {library}\n",
    })
    assert library_offenders(library, root) == [f"posdesk.store.planted:2 imports {library}.x"]


def test_sandbox_entry_rule_catches_a_planted_violation(tmp_path: Path) -> None:
    root = tree(tmp_path, {
        "cli.py": "def sandbox() -> None:\n    from .sandbox import cli\n",  # the one way in
        "demo.py": "from .sandbox.cli import run\nfrom .sandbox.in_process import Seeding\n",
        "services/planted.py": "def later() -> None:\n    from ..sandbox.server import Sandbox\n",
    })
    assert sandbox_entry_offenders(root) == [
        "posdesk.demo:1 imports posdesk.sandbox.cli",
        "posdesk.services.planted:2 imports posdesk.sandbox.server",
    ]


def test_cycle_rule_catches_a_planted_cycle(tmp_path: Path) -> None:
    root = tree(tmp_path, {
        "sandbox/server.py": "from . import control\n",
        "sandbox/control.py": "from .errors import SandboxError\n",
        "sandbox/errors.py": "def later() -> None:\n    from .server import handler\n",
    })
    assert import_cycle(SANDBOX, root) == [
        "posdesk.sandbox.control", "posdesk.sandbox.errors", "posdesk.sandbox.server",
        "posdesk.sandbox.control",
    ]


def test_imports_resolve_to_absolute_names(tmp_path: Path) -> None:
    root = tree(tmp_path, {
        "store/planted.py": (
            "import json, posdesk.domain.money\n"
            "from . import models\n"
            "from .. import paths, __version__\n"
            "from ..domain.money import Money\n"
            "from posdesk import settings\n"
            "if True:\n"
            "    from typing import TYPE_CHECKING\n"
        ),
        "store/models.py": "",
        "domain/money.py": "",
        "sync/__init__.py": "from .feed import Feed\n",
    })
    assert {str(imp) for imp in collect(root)} == {
        "posdesk.store.planted:1 imports json",
        "posdesk.store.planted:1 imports posdesk.domain.money",
        "posdesk.store.planted:2 imports posdesk.store.models",
        "posdesk.store.planted:3 imports posdesk.paths",
        "posdesk.store.planted:3 imports posdesk",
        "posdesk.store.planted:4 imports posdesk.domain.money",
        "posdesk.store.planted:5 imports posdesk.settings",
        "posdesk.store.planted:7 imports typing",
        "posdesk.sync:1 imports posdesk.sync.feed",
    }
