"""The GUI's one doorway: screens receive a typed `Backend`, AppContext has its shape, and
gui/ imports from posdesk only the GUI itself, the domain and posdesk.backend."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from posdesk.app_context import AppContext
from posdesk.backend import Backend

pytestmark = pytest.mark.gui

GUI = Path(__file__).resolve().parents[2] / "src" / "posdesk" / "gui"
ALLOWED = ("posdesk.gui", "posdesk.domain", "posdesk.backend")


def posdesk_imports(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("posdesk"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "posdesk":
                names.update(f"posdesk.{a.name}" for a in node.names)
            elif node.module.startswith("posdesk."):
                names.add(node.module)
    return names


def outside_the_doorway(source: str) -> list[str]:
    return sorted(n for n in posdesk_imports(source)
                  if not any(n == a or n.startswith(a + ".") for a in ALLOWED))


def getattr_on_the_backend(source: str) -> list[int]:
    """Lines that read the backend (or a context) by name instead of by its type."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("getattr", "hasattr") and node.args:
            target = ast.unparse(node.args[0])
            if "backend" in target or "context" in target:
                lines.append(node.lineno)
    return lines


def gui_sources() -> list[Path]:
    return sorted(GUI.rglob("*.py"))


def test_gui_imports_only_the_gui_the_domain_and_the_backend() -> None:
    found = {p.relative_to(GUI).as_posix(): bad for p in gui_sources()
             if (bad := outside_the_doorway(p.read_text(encoding="utf-8")))}
    assert found == {}


def test_no_screen_reads_the_backend_by_name() -> None:
    found = {p.relative_to(GUI).as_posix(): lines for p in gui_sources()
             if (lines := getattr_on_the_backend(p.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_rules_catch_a_planted_violation() -> None:
    planted = ("from posdesk.services.charges import ChargeService\nimport posdesk.store\n"
               "from posdesk import paths\nfrom posdesk.backend import Backend\n"
               "x = getattr(self._backend, 'charges', None)\n")
    assert outside_the_doorway(planted) == ["posdesk.paths", "posdesk.services.charges",
                                            "posdesk.store"]
    assert getattr_on_the_backend(planted) == [5]


def test_app_context_has_the_backend_shape(gui_context: AppContext) -> None:
    assert isinstance(gui_context, Backend)
    # Attributes: the same declared types (compared as written; both modules use
    # `from __future__ import annotations`).
    fields = AppContext.__dataclass_fields__
    for name, declared in Backend.__annotations__.items():
        assert name in fields, name
        assert str(fields[name].type) == str(declared), name
    # Methods and properties: the same parameters.
    members = [n for n, v in vars(Backend).items()
               if not n.startswith("_") and (callable(v) or isinstance(v, property))]
    assert {"mode", "stripe_js_url", "checkout_server", "start_sync", "payments_page"} <= set(
        members)
    for name in members:
        ours, theirs = vars(Backend)[name], getattr(AppContext, name)
        assert isinstance(theirs, property) == isinstance(ours, property), name
        if not isinstance(ours, property):
            assert list(inspect.signature(theirs).parameters) == list(
                inspect.signature(ours).parameters), name
