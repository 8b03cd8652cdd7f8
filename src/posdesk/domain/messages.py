"""Sentences for staff as message ids with parameters.

The domain and the services never hand the screens finished prose: they hand a `Text`, which
carries a stable id (`key`), the English template and the parameters. The GUI turns it into
words in the UI language with Qt's `tr` (gui/messages.py), so every sentence can be
translated, including those with a number or a currency code in them.

A `Text` is also a `str` (its English words), so logs, the audit trail and the records that
keep a reason (`PaymentRecord.error_message`) read as before, and a stored sentence finds
its id (and parameters) again through `text_of`.

Declare each message once, at module level, where the code that says it lives:

    MINIMUM_CHARGE = message(
        "amount.minimum_charge", "The minimum charge in {currency} is {amount}."
    )
    raise AmountError(MINIMUM_CHARGE(currency="USD", amount="$0.50"))

A message without parameters is a `Text` already (`REASON_SUCCEEDED = text("...", "...")`).
Ids are dotted, by area: "outcome.reason.succeeded", "amount.minimum_charge", ... Parameters
are `{name}`s; a value that is itself a `Text` is translated too ("{reason} {next_step}").
"""

from __future__ import annotations

import functools
import string
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

Param = str | int

# Every declared message: id -> English template. One id, one wording.
_CATALOGUE: dict[str, str] = {}
# English template -> id, for stored sentences read back as plain strings.
_BY_ENGLISH: dict[str, str] = {}
# id -> (file, line) of its declaration, so the translation catalogue can point a translator
# at the code that says it.
_ORIGIN: dict[str, tuple[str, int]] = {}


class DuplicateMessage(ValueError):
    """Two declarations of one id with different words, or one wording under two ids."""


class Text(str):
    """A sentence for staff: its English words (the `str` value), its id and parameters."""

    __slots__ = ("key", "template", "params")
    key: str
    template: str
    params: Mapping[str, Param]

    def __new__(cls, key: str, template: str, params: Mapping[str, Param] | None = None) -> Text:
        values = dict(params or {})
        obj = super().__new__(cls, template.format(**values) if values else template)
        obj.key = key
        obj.template = template
        obj.params = MappingProxyType(values)
        return obj

    def __reduce__(self) -> tuple[object, ...]:  # pickled across processes intact
        return (Text, (self.key, self.template, dict(self.params)))


@dataclass(frozen=True, slots=True)
class Message:
    """A declared message that takes parameters; call it to get the `Text`."""

    key: str
    template: str

    def __call__(self, **params: Param) -> Text:
        expected = placeholders(self.template)
        if set(params) != expected:
            raise TypeError(f"message {self.key} takes {sorted(expected)}, got {sorted(params)}")
        return Text(self.key, self.template, params)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _declare(key: str, template: str) -> None:
    if not key or key != key.strip() or " " in key:
        raise ValueError(f"message id {key!r}: use a dotted name such as 'amount.minimum'")
    # A malformed template ("{" alone) or a positional "{}" fails here, not on a screen.
    fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    if not all(name.isidentifier() for name in fields):
        raise ValueError(f"message {key}: parameters are {{name}}s, got {template!r}")
    known = _CATALOGUE.get(key)
    if known is not None and known != template:
        raise DuplicateMessage(f"{key}: declared as {known!r} and {template!r}")
    other = _BY_ENGLISH.get(template)
    if other is not None and other != key:
        raise DuplicateMessage(f"{template!r}: declared as {other} and {key}")
    _CATALOGUE[key] = template
    _BY_ENGLISH[template] = key
    # The caller of text() / message(): two frames up from here.
    frame = sys._getframe(2)
    _ORIGIN.setdefault(key, (frame.f_code.co_filename, frame.f_lineno))


def text(key: str, english: str) -> Text:
    """Declare a sentence without parameters."""
    if placeholders(english):
        raise TypeError(f"message {key} has parameters: declare it with message()")
    _declare(key, english)
    return Text(key, english)


def message(key: str, template: str) -> Message:
    """Declare a sentence with `{name}` parameters."""
    _declare(key, template)
    return Message(key, template)


def text_of(words: str) -> Text | None:
    """The `Text` a stored sentence was made from: itself when it is one, else found by its
    English words, else None.

    Stored and logged sentences are plain `str` (`PaymentRecord.error_message`, an
    exception's `str()`), so the parameters are read back too: "The minimum charge in USD is
    $0.50." finds `amount.minimum_charge` with currency="USD", amount="$0.50". A template
    without words of its own ("{reason} {next_step}") would match any text, so it is found
    only when every parameter is itself a declared sentence.
    """
    if isinstance(words, Text):
        return words
    key = _BY_ENGLISH.get(words)
    if key is not None and not placeholders(words):
        return Text(key, words)
    for key, template in _CATALOGUE.items():
        if not placeholders(template):
            continue
        params = _read_params(template, words)
        if params is not None:
            return Text(key, template, params)
    return None


def _sentence(words: str) -> Text | None:
    key = _BY_ENGLISH.get(words)
    return Text(key, words) if key is not None and not placeholders(words) else None


def _read_params(template: str, words: str) -> dict[str, Param] | None:
    """The parameters that make `template` say `words`, if any do."""
    parts = _parts(template)
    only_params = not any(ch.isalpha() for literal, _ in parts for ch in literal)
    for found in _matches(parts, words, {}):
        if not only_params:
            # A value that is a declared sentence is kept as one, so it is translated too.
            return {name: _sentence(value) or value for name, value in found.items()}
        sentences = {name: _sentence(value) for name, value in found.items()}
        if all(sentences.values()):
            return {name: value for name, value in sentences.items() if value is not None}
    return None


@functools.cache
def _parts(template: str) -> tuple[tuple[str, str | None], ...]:
    return tuple(
        (literal, name) for literal, name, _, _ in string.Formatter().parse(template)
    )


def _matches(
    parts: tuple[tuple[str, str | None], ...], words: str, found: dict[str, str]
) -> Iterator[dict[str, str]]:
    """Every way of reading `words` as the template `parts`, shortest values first (a value
    may be empty: a refusal can quote an empty text; a name used twice has one value)."""
    if not parts:
        if not words:
            yield dict(found)
        return
    (literal, name), rest = parts[0], parts[1:]
    if not words.startswith(literal):
        return
    words = words[len(literal):]
    if name is None:
        yield from _matches(rest, words, found)
        return
    if name in found:
        if words.startswith(found[name]):
            yield from _matches(rest, words[len(found[name]):], found)
        return
    next_literal = rest[0][0] if rest else ""
    ends = (
        [len(words)] if not rest else
        [i for i in range(len(words) + 1) if words.startswith(next_literal, i)]
    )
    for end in ends:
        found[name] = words[:end]
        yield from _matches(rest, words[end:], found)
        del found[name]


def catalogue() -> Mapping[str, str]:
    """Every message declared so far (import the modules that declare them first)."""
    return MappingProxyType(_CATALOGUE)


def origin(key: str) -> tuple[str, int] | None:
    """The file and line that declared a message, for the translation catalogue."""
    return _ORIGIN.get(key)
