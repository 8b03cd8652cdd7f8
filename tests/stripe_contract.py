"""The gateway's requests checked against Stripe's own definition of the pinned API version.

stripe-python generates one request type per endpoint (`stripe.params`, TypedDicts made from
Stripe's OpenAPI spec for the version it pins). While the suite runs, every request that
PosDesk's gateway sends through a `StripeClient` service is recorded with its parameters,
the service method's declared params type and the call site; each parameter (at any depth,
names and values) is checked against that type. A violation names the parameter, the
endpoint and the code that sent it, so a request the pinned version refuses fails the suite
even though our own sandbox might have accepted it.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import traceback
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import stripe
import stripe.params
import stripe.params.checkout
import typing_extensions
from stripe._stripe_service import StripeService

# Request options (key, idempotency key, ...) travel as headers, not as API parameters.
_REQUEST_OPTIONS = frozenset(stripe.RequestOptions.__annotations__)
_PARAMS_NAME = re.compile(r"\b([A-Z][A-Za-z0-9]*Params)\b")


@dataclass(frozen=True)
class SentRequest:
    method: str
    path: str
    params_type: str | None  # e.g. "PaymentIntentCreateParams"; None if undeclared
    params: Mapping[str, object]
    call_site: str  # the app's frames that sent it, innermost first


@dataclass(frozen=True)
class Violation:
    request: SentRequest
    param: str
    problem: str

    def __str__(self) -> str:
        r = self.request
        return (
            f"{r.method.upper()} {r.path}: parameter `{self.param}` {self.problem} "
            f"(checked against stripe.params.{r.params_type}); sent from {r.call_site}"
        )


# --- checking one value against an annotation ------------------------------------------------


class _Unresolvable:
    """A name the generated module imports only for type checkers (e.g. StripeObject):
    nothing PosDesk sends can be shown to fit it, so it never vouches for a value."""


def _resolve(annotation: object, module: types.ModuleType) -> object:
    if isinstance(annotation, typing.ForwardRef):
        annotation = annotation.__forward_arg__
    if isinstance(annotation, str):
        try:
            return eval(annotation, vars(module))  # noqa: S307 - stripe's own generated names
        except NameError:
            return _resolve_arms(annotation, module)
    return annotation


def _resolve_arms(annotation: str, module: types.ModuleType) -> object:
    # "Dict[str, str]|UntypedStripeObject[str]": keep the arms that resolve.
    arms: list[object] = []
    for arm in annotation.split("|"):
        try:
            arms.append(eval(arm.strip(), vars(module)))  # noqa: S307
        except NameError:
            arms.append(_Unresolvable)
    return arms[0] if len(arms) == 1 else typing.Union[tuple(arms)]  # noqa: UP007


def _is_typed_dict(annotation: object) -> bool:
    # stripe's generated types are typing_extensions TypedDicts.
    return isinstance(annotation, type) and typing_extensions.is_typeddict(annotation)


def _fields(typed_dict: type) -> dict[str, object]:
    return {k: v for k, v in typed_dict.__annotations__.items() if k not in _REQUEST_OPTIONS}


def check_value(value: object, annotation: object, where: str, module: types.ModuleType) -> list[
    tuple[str, str]
]:
    """(parameter path, problem) for every part of `value` the annotation does not allow."""
    annotation = _resolve(annotation, module)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.NotRequired, typing.Required):
        return check_value(value, args[0], where, module)
    if origin in (typing.Union, types.UnionType):
        problems: list[tuple[str, str]] = []
        for arm in args:
            arm_problems = check_value(value, arm, where, module)
            if not arm_problems:
                return []
            problems = problems or arm_problems  # the first arm's complaint is the clearest
        return problems
    if origin is typing.Literal:
        if value in args:
            return []
        shown = ", ".join(repr(a) for a in args[:8]) + (", ..." if len(args) > 8 else "")
        return [(where, f"is {value!r}, not one of {shown}")]
    if origin in (list, typing.List):  # noqa: UP006 - what stripe's annotations use
        if not isinstance(value, list | tuple):
            return [(where, f"should be a list, is {type(value).__name__}")]
        item = args[0] if args else object
        out: list[tuple[str, str]] = []
        for index, element in enumerate(value):
            out += check_value(element, item, f"{where}[{index}]", module)
        return out
    if origin in (dict, typing.Dict, Mapping):  # noqa: UP006
        if not isinstance(value, Mapping):
            return [(where, f"should be a hash, is {type(value).__name__}")]
        item = args[1] if len(args) == 2 else object
        out = []
        for key, element in value.items():
            out += check_value(element, item, f"{where}[{key}]", module)
        return out
    if _is_typed_dict(annotation):
        return check_typed_dict(value, annotation, where)
    return _check_plain(value, annotation, where)


def _check_plain(value: object, annotation: object, where: str) -> list[tuple[str, str]]:
    if annotation in (object, typing.Any):
        return []
    if annotation is _Unresolvable:
        return [(where, "fits no type stripe-python declares for it")]
    if annotation is type(None):
        return [] if value is None else [(where, "should be None")]
    if annotation is bool:
        return [] if isinstance(value, bool) else [(where, f"should be a boolean: {value!r}")]
    if annotation is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [(where, f"should be an integer: {value!r}")]
    if annotation is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [(where, f"should be a number: {value!r}")]
    if annotation is str:
        return [] if isinstance(value, str) else [(where, f"should be a string: {value!r}")]
    origin = typing.get_origin(annotation) or annotation
    if isinstance(origin, type) and isinstance(value, origin):
        return []
    # e.g. UntypedStripeObject: an object of the library, never something PosDesk builds.
    return [(where, f"does not fit {annotation!r}: {value!r}")]


def check_typed_dict(value: object, typed_dict: type, where: str = "") -> list[tuple[str, str]]:
    if not isinstance(value, Mapping):
        return [(where or "(params)", f"should be a hash, is {type(value).__name__}")]
    module = sys.modules[typed_dict.__module__]
    fields = _fields(typed_dict)
    out: list[tuple[str, str]] = []
    for key, element in value.items():
        name = f"{where}[{key}]" if where else str(key)
        if key not in fields:
            out.append((name, "is not accepted by the pinned API version"))
            continue
        out += check_value(element, fields[key], name, module)
    for key in sorted(typed_dict.__required_keys__ - _REQUEST_OPTIONS - set(value)):
        out.append((f"{where}[{key}]" if where else key, "is required but missing"))
    return out


def params_class(name: str) -> type:
    # Checkout's request types sit in their own namespace (stripe.params.checkout).
    found = getattr(stripe.params, name, None) or getattr(stripe.params.checkout, name, None)
    if found is None:
        raise AttributeError(name)
    return found


def check_request(request: SentRequest) -> list[Violation]:
    if request.params_type is None:
        return [Violation(request, "(all)", "has no stripe.params type to check against")]
    found = check_typed_dict(request.params or {}, params_class(request.params_type))
    return [Violation(request, param, problem) for param, problem in found]


# --- recording what the gateway sends ----------------------------------------------------------


def _declared_params_type(service: StripeService, method_name: str) -> str | None:
    method = getattr(type(service), method_name, None)
    annotation = getattr(method, "__annotations__", {}).get("params")
    match = _PARAMS_NAME.search(str(annotation)) if annotation is not None else None
    return match.group(1) if match else None


def _is_app(frame: traceback.FrameSummary) -> bool:
    parts = Path(frame.filename).parts
    return "posdesk" in parts and "tests" not in parts


def _is_gateway(frame: traceback.FrameSummary) -> bool:
    parts = Path(frame.filename).parts
    return any(a == "posdesk" and b == "gateway" for a, b in zip(parts, parts[1:], strict=False))


def _call_site(stack: list[traceback.FrameSummary]) -> str | None:
    """The app frames that sent the request, innermost first; None unless the gateway did."""
    frames = [f for f in reversed(stack) if _is_app(f)]
    if not any(_is_gateway(f) for f in frames):
        return None
    shown = [f"{_short(f.filename)}:{f.lineno} ({f.name})" for f in frames[:4]]
    return " <- ".join(shown)


def _short(filename: str) -> str:
    parts = Path(filename).parts
    return str(Path(*parts[parts.index("posdesk"):])) if "posdesk" in parts else filename


@dataclass
class ContractRecorder:
    """Records every request the gateway sends; `violations()` checks them."""

    sent: list[SentRequest] = field(default_factory=list)
    checked: int = 0  # requests checked so far in this run (the suite's summary reads it)
    # Where requests go instead of `sent` (a child process writes them to a shared file).
    sink: Callable[[SentRequest], None] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _original: Callable[..., object] | None = None

    def install(self) -> None:
        if self._original is not None:
            return
        original = StripeService._request
        recorder = self

        def recording_request(
            service: StripeService, method: str, url: str, params: object = None,
            options: object = None, **kwargs: object,
        ) -> object:
            caller = sys._getframe(1).f_code.co_name
            site = _call_site(traceback.extract_stack()[:-1])
            if site is not None:
                recorder._add(SentRequest(
                    method, url.split("?", 1)[0], _declared_params_type(service, caller),
                    dict(params or {}) if isinstance(params, Mapping) else {}, site,
                ))
            return original(service, method, url, params, options, **kwargs)

        self._original = original
        StripeService._request = recording_request  # type: ignore[method-assign]

    def uninstall(self) -> None:
        if self._original is not None:
            StripeService._request = self._original  # type: ignore[method-assign]
            self._original = None

    def _add(self, request: SentRequest) -> None:
        if self.sink is not None:
            self.sink(request)
            return
        with self._lock:
            self.sent.append(request)

    def take(self) -> list[SentRequest]:
        with self._lock:
            taken, self.sent = self.sent, []
        return taken

    @contextmanager
    def collecting(self) -> Iterator[list[SentRequest]]:
        """What the gateway sends inside the block (and only that)."""
        self.take()
        found: list[SentRequest] = []
        try:
            yield found
        finally:
            found.extend(self.take())


def violations(requests: list[SentRequest]) -> list[Violation]:
    out: list[Violation] = []
    for request in requests:
        out += check_request(request)
    return out


RECORDER = ContractRecorder()


# --- child processes ----------------------------------------------------------------------------


def record_to_file(path: str) -> None:
    """In a child process: check each request as it is sent and append one JSON line (the
    request and its violations) to `path`; the suite reads the file after each test."""

    def write(request: SentRequest) -> None:
        line = json.dumps({
            "request": f"{request.method.upper()} {request.path} from {request.call_site}",
            "violations": [str(v) for v in check_request(request)],
        })
        # One write per line with O_APPEND: lines from several processes never interleave.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, (line + "\n").encode())
        finally:
            os.close(fd)

    RECORDER.sink = write
    RECORDER.install()


@dataclass
class ChildLog:
    """What child processes recorded, read a test at a time."""

    path: Path
    offset: int = 0

    def read_new(self) -> tuple[int, list[str]]:
        """(requests recorded since the last read, their violations)."""
        if not self.path.exists():
            return 0, []
        with self.path.open("rb") as stream:
            stream.seek(self.offset)
            data = stream.read()
        complete = data[: data.rfind(b"\n") + 1]  # a line still being written waits
        self.offset += len(complete)
        entries = [json.loads(line) for line in complete.decode().splitlines() if line]
        return len(entries), [v for entry in entries for v in entry["violations"]]
