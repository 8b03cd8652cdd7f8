"""Write src/posdesk/sandbox/stripe_params.py: for each stripe-python params type that a sandbox
route names, every parameter name Stripe accepts for the pinned API version, at every depth.

The sandbox must not import stripe, yet it has to tell a parameter Stripe does not know
(`parameter_unknown`) from one Stripe accepts but the sandbox does not implement (a plain
"not supported by the sandbox"). stripe-python's request types (`stripe.params`, TypedDicts
generated from Stripe's OpenAPI spec for the version stripe-python pins) are the
machine-readable answer; this script freezes the part the sandbox needs into a Python table.

    python scripts/generate_sandbox_params.py           # rewrite the table
    python scripts/generate_sandbox_params.py --check   # exit 1 if it is out of date

The output depends only on the installed stripe and the route table, so it is deterministic;
tests/sandbox/test_stripe_params_parity.py fails when the file and this script disagree.
"""

from __future__ import annotations

import argparse
import re
import sys
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import stripe
import stripe.params
import stripe.params.checkout
import typing_extensions

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "posdesk" / "sandbox" / "stripe_params.py"
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# A name in an annotation that looks like a generated params TypedDict must resolve to one;
# otherwise a hash would silently be written down as a scalar.
PARAMS_CLASS = re.compile(r"^[A-Z]\w*Params\w*$")

# Request options (api_key, idempotency_key, ...) that every params TypedDict inherits from
# stripe.RequestOptions: they are client settings sent as headers, not API parameters.
REQUEST_OPTIONS = frozenset(stripe.RequestOptions.__annotations__)

Tree = dict[str, Any]  # name -> Tree of a hash's names, or None for anything else


def typed_dicts(annotation: Any, module: ModuleType) -> list[type]:
    """The TypedDict classes an annotation refers to (through NotRequired, Union, List and
    string forward references, resolved in the module that defines the annotation)."""
    if isinstance(annotation, typing.ForwardRef):
        annotation = annotation.__forward_arg__
    if isinstance(annotation, str):
        found = []
        for name in IDENTIFIER.findall(annotation):
            obj = getattr(module, name, None)
            if isinstance(obj, type) and typing_extensions.is_typeddict(obj):
                found.append(obj)
            elif obj is None and PARAMS_CLASS.match(name):
                raise LookupError(f"{module.__name__}: cannot resolve {name!r}")
        return found
    if isinstance(annotation, type) and typing_extensions.is_typeddict(annotation):
        return [annotation]
    found = []
    for arg in typing_extensions.get_args(annotation):
        found.extend(typed_dicts(arg, module))
    return found


def accepted(cls: type, *, top: bool = True, seen: tuple[type, ...] = ()) -> Tree:
    """Every parameter name of a params TypedDict, with the names of each nested hash."""
    if cls in seen:  # no recursive types today; never loop if one appears
        raise ValueError(f"recursive params type {cls.__name__}")
    module = sys.modules[cls.__module__]
    tree: Tree = {}
    for name, annotation in cls.__annotations__.items():
        if top and name in REQUEST_OPTIONS:
            continue
        nested = typed_dicts(annotation, module)
        if not nested:
            tree[name] = None
            continue
        merged: Tree = {}
        for sub in nested:  # e.g. Union of two hashes: either shape is accepted
            merged.update(accepted(sub, top=False, seen=(*seen, cls)))
        tree[name] = merged
    return tree


def params_class(name: str) -> type:
    # Checkout's types live in their namespace (stripe.params.checkout.SessionCreateParams);
    # the route names them bare, as stripe-python's service does.
    cls = getattr(stripe.params, name, None) or getattr(stripe.params.checkout, name, None)
    if not (isinstance(cls, type) and typing_extensions.is_typeddict(cls)):
        raise LookupError(f"stripe.params has no params type {name!r}")
    return cls


def route_types() -> list[str]:
    sys.path.insert(0, str(ROOT / "src"))
    from posdesk.sandbox.routes import ROUTES

    return sorted({route.params_type for route in ROUTES})


def table(names: list[str]) -> dict[str, Tree]:
    return {name: accepted(params_class(name)) for name in sorted(names)}


def _render_tree(tree: Tree, indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    for name in sorted(tree):
        value = tree[name]
        if value is None:
            lines.append(f'{pad}"{name}": None,')
        elif not value:
            lines.append(f'{pad}"{name}": {{}},')
        else:
            lines.append(f'{pad}"{name}": {{')
            lines.extend(_render_tree(value, indent + 4))
            lines.append(f"{pad}}},")
    return lines


def render(params: dict[str, Tree]) -> str:
    head = f'''"""Generated by scripts/generate_sandbox_params.py from stripe-python
{stripe.VERSION}'s request types (stripe.params) for API version {stripe.api_version}. Do not
edit: run the script again (after changing a route's params type, or upgrading stripe).

PARAMS maps each params type a route names (routes.py) to the parameter names Stripe accepts
for that endpoint: a hash maps to its own names, anything else (a scalar, a list, a free-form
hash such as metadata) to None.
"""

from __future__ import annotations

from typing import Any

STRIPE_PYTHON = "{stripe.VERSION}"
API_VERSION = "{stripe.api_version}"

PARAMS: dict[str, Any] = {{
'''
    return head + "\n".join(_render_tree(params, 4)) + "\n}\n"


def generate() -> str:
    return render(table(route_types()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args(argv)
    text = generate()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if args.check:
        if text != current:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run {Path(__file__).name}")
            return 1
        return 0
    if text != current:
        TARGET.write_text(text, encoding="utf-8", newline="\n")
    print(f"{TARGET.relative_to(ROOT)}: {text.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
