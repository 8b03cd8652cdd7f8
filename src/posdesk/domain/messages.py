"""Sentences for staff as message ids with parameters.

The domain and the services never hand the screens finished prose: they hand a `Text`, which
carries a stable id (`key`), the English template and the parameters. The GUI turns it into
words in the UI language with Qt's `tr` (gui/messages.py), so every sentence can be
translated, including those with a number or a currency code in them.

A `Text` is also a `str` (its English words), so logs, the audit trail and the records that
keep a reason (`PaymentRecord.error_message`) read as before, and a stored sentence without
parameters finds its id again through `text_of`.

Declare each message once, at module level, where the code that says it lives:

    MINIMUM_CHARGE = message("amount.minimum", "The minimum charge in {currency} is {amount}.")
    raise AmountError(MINIMUM_CHARGE(currency="USD", amount="$0.50"))

A message without parameters is a `Text` already (`REASON_SUCCEEDED = text("...", "...")`).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

Param = str | int

# Every declared message: id -> English template. One id, one wording.
_CATALOGUE: dict[str, str] = {}
# English template -> id, for stored sentences read back as plain strings.
_BY_ENGLISH: dict[str, str] = {}


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
    known = _CATALOGUE.get(key)
    if known is not None and known != template:
        raise DuplicateMessage(f"{key}: declared as {known!r} and {template!r}")
    other = _BY_ENGLISH.get(template)
    if other is not None and other != key:
        raise DuplicateMessage(f"{template!r}: declared as {other} and {key}")
    _CATALOGUE[key] = template
    _BY_ENGLISH[template] = key


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
    English words (sentences without parameters only), else None."""
    if isinstance(words, Text):
        return words
    key = _BY_ENGLISH.get(words)
    if key is None or placeholders(words):
        return None
    return Text(key, words)


def catalogue() -> Mapping[str, str]:
    """Every message declared so far (import the modules that declare them first)."""
    return MappingProxyType(_CATALOGUE)
