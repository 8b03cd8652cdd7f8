"""The bundle's Babel data (packaging/bundle_filter.py, BABEL_KEYS): each locale file keeps
only its number and currency parts. Money must read and write exactly as with Babel's full
files in every locale, and PosDesk must use nothing else from Babel."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel import Locale, localedata, numbers

from posdesk.domain.money import AmountError, Money, format_money, parse_amount

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from bundle_filter import prune_babel_file  # noqa: E402

# Zero-, two- and three-decimal currencies, and ones with locale-specific symbols.
CURRENCIES = ("USD", "EUR", "JPY", "CNY", "CHF", "KWD")
# What PosDesk may import from Babel with the pruned data (see BABEL_KEYS).
ALLOWED_IMPORTS = {"babel": {"Locale", "UnknownLocaleError"}, "babel.numbers": None}


def money_in(locale: str) -> Iterator[str]:
    """Everything PosDesk (and babel.numbers) derives from one locale's data."""
    yield Locale.parse(locale).currency_formats["standard"].pattern
    for code in CURRENCIES:
        shown = format_money(Money(123456789, code), locale)
        yield shown
        for typed in (shown, "1234.5", "12,5"):
            try:
                yield repr(parse_amount(typed, code, locale))
            except AmountError as exc:
                yield str(exc)
        yield numbers.format_currency(2.5, code, locale=locale, format_type="name")
        yield numbers.get_currency_name(code, 2, locale)
    yield numbers.format_decimal(-1234567.891, locale=locale)
    yield numbers.format_percent(0.256, locale=locale)
    yield numbers.format_compact_decimal(12345, locale=locale)


def forget_loaded_data() -> None:
    """Babel keeps each locale's data once loaded (files, merged dicts, the list of files)."""
    localedata.clear_caches()
    localedata.locale_identifiers.cache_clear()
    localedata.exists.cache_clear()


def every_locale() -> dict[str, list[str]]:
    forget_loaded_data()
    return {name: list(money_in(name)) for name in sorted(localedata.locale_identifiers())}


def test_money_is_the_same_in_every_locale_with_the_pruned_data(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full_folder = Path(localedata._dirname)  # noqa: SLF001
    for source in full_folder.glob("*.dat"):
        prune_babel_file(source, tmp_path / source.name)
    full = every_locale()
    monkeypatch.setattr(localedata, "_dirname", str(tmp_path))
    try:
        pruned = every_locale()
    finally:
        monkeypatch.undo()
        forget_loaded_data()
    assert len(pruned) == len(full) > 1000
    assert pruned == full
    before = sum(path.stat().st_size for path in full_folder.glob("*.dat"))
    after = sum(path.stat().st_size for path in tmp_path.glob("*.dat"))
    assert after < before / 3


def test_posdesk_uses_only_babel_numbers_and_locale_parsing() -> None:
    used: dict[str, set[str]] = {}
    for path in (ROOT / "src" / "posdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = {alias.name for alias in node.names if alias.name.startswith("babel")}
                assert not names, f"{path}: import {names}: use `from babel... import`"
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("babel"):
                used.setdefault(node.module or "", set()).update(a.name for a in node.names)
    for module, names in used.items():
        assert module in ALLOWED_IMPORTS, (
            f"src uses {module}: add its data keys to BABEL_KEYS in packaging/bundle_filter.py")
        allowed = ALLOWED_IMPORTS[module]
        assert allowed is None or names <= allowed, (
            f"src uses {names - allowed} from {module}: check BABEL_KEYS covers its data")
