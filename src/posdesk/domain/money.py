"""Money as integer minor units plus a currency; parsing what a cashier types; formatting.

Amounts are never floats. Parsing goes through Decimal, formatting through babel with the
currency's exponent as Stripe counts it (which differs from CLDR for a few currencies).
"""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

from babel import Locale, UnknownLocaleError
from babel.numbers import (
    NumberFormatError,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    is_currency,
    parse_decimal,
    parse_pattern,
)

from posdesk.domain.messages import message, text

# Stripe's smallest-unit rules (docs.stripe.com/currencies).
ZERO_DECIMAL_CURRENCIES = frozenset(
    ["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA"]
    + ["PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"]
)
THREE_DECIMAL_CURRENCIES = frozenset(["BHD", "JOD", "KWD", "OMR", "TND"])

# Largest amount Stripe accepts for most currencies, in the smallest unit.
MAX_AMOUNT = 99_999_999

# Stripe's minimum charge per settlement currency, in minor units
# (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
_STRIPE_MINIMUMS: dict[str, int] = {
    "USD": 50,
    "AED": 200,
    "AUD": 50,
    "BGN": 100,
    "BRL": 50,
    "CAD": 50,
    "CHF": 50,
    "CZK": 1500,
    "DKK": 250,
    "EUR": 50,
    "GBP": 30,
    "HKD": 400,
    "HUF": 17500,
    "INR": 50,
    "JPY": 50,
    "MXN": 1000,
    "MYR": 200,
    "NOK": 300,
    "NZD": 50,
    "PLN": 200,
    "RON": 200,
    "SEK": 300,
    "SGD": 50,
    "THB": 1000,
}


# --- Wording shown to the cashier -------------------------------------------------------------
# Amounts and examples are formatted for the locale here and passed in as parameters, so a
# translation moves them around without changing how the number is written.

UNKNOWN_CURRENCY = message(
    "amount.unknown_currency", "“{code}” is not a currency code (such as USD, EUR or GBP)."
)
AMOUNT_MISSING = text("amount.missing", "Enter an amount to charge.")
AMOUNT_TOO_LONG = message(
    "amount.too_long", "This is too long for an amount. Type a number such as {example}."
)
NOT_AN_AMOUNT = message(
    "amount.not_a_number", "“{typed}” is not an amount. Type a number such as {example}."
)
WHOLE_NUMBERS_ONLY = message(
    "amount.whole_numbers", "{currency} amounts are whole numbers, without decimals."
)
# "one decimal place" vs "2 decimal places": two sentences, as a language may need more forms.
AT_MOST_ONE_DECIMAL = message(
    "amount.at_most_one_decimal", "{currency} amounts have at most one decimal place."
)
AT_MOST_DECIMALS = message(
    "amount.at_most_decimals", "{currency} amounts have at most {places} decimal places."
)
AMOUNT_ZERO = text("amount.zero", "The amount must be more than zero.")
AMOUNT_NEGATIVE = text(
    "amount.negative", "The amount cannot be negative. Use a refund to give money back."
)
THIRD_DECIMAL_ZERO = message(
    "amount.third_decimal_zero",
    "{currency} amounts must end in 0 in the third decimal place, for example {example}.",
)
MINIMUM_CHARGE = message("amount.minimum_charge", "The minimum charge in {currency} is {amount}.")
MAXIMUM_CHARGE = message("amount.maximum_charge", "The maximum charge in {currency} is {amount}.")


class AmountError(ValueError):
    """An amount a cashier typed that cannot be charged; str() is a sentence for the screen
    (`message` is the `Text`, with its id and parameters, for the GUI to translate)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# Longest amount text worth reading: 99,999,999 minor units with grouping and decimals fit.
MAX_AMOUNT_TEXT = 40
# Longest part of the typed text a message quotes back.
_QUOTED_TEXT = 24


class UnknownCurrency(ValueError):
    """A currency code that is not an ISO 4217 currency; str() is a sentence for the screen."""

    def __init__(self, currency: str) -> None:
        self.message = UNKNOWN_CURRENCY(code=currency[:12])
        super().__init__(self.message)


def _normalise_currency(currency: str) -> str:
    code = currency.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise UnknownCurrency(currency)
    return code


def check_currency(currency: str) -> str:
    """The upper-case code of a real ISO 4217 currency (CLDR's list), else UnknownCurrency:
    a made-up code must never reach Stripe."""
    code = _normalise_currency(currency)
    if not is_currency(code):
        raise UnknownCurrency(currency)
    return code


@dataclass(frozen=True)
class Money:
    amount: int  # smallest currency unit (cents, yen, fils)
    currency: str  # upper-case ISO 4217 code

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise TypeError("Money.amount must be an int of minor units")
        code = _normalise_currency(self.currency)
        if code != self.currency:
            object.__setattr__(self, "currency", code)

    @property
    def decimal(self) -> Decimal:
        """The amount in major units, exact."""
        return Decimal(self.amount).scaleb(-currency_exponent(self.currency))

    def __str__(self) -> str:
        return format_money(self)


def currency_exponent(currency: str) -> int:
    """Number of decimal places Stripe uses for the currency's smallest unit."""
    code = _normalise_currency(currency)
    if code in ZERO_DECIMAL_CURRENCIES:
        return 0
    if code in THREE_DECIMAL_CURRENCIES:
        return 3
    return 2


def minimum_charge(currency: str) -> Money:
    """Stripe's minimum charge in this currency.

    For currencies Stripe does not list, the minimum is the equivalent of USD 0.50 at charge
    time, which cannot be known offline; 50 minor units (scaled to the exponent) is a floor
    that catches obvious mistakes and leaves the rest to Stripe's answer.
    """
    code = _normalise_currency(currency)
    if code in _STRIPE_MINIMUMS:
        return Money(_STRIPE_MINIMUMS[code], code)
    return Money(50 * 10 ** max(currency_exponent(code) - 2, 0) or 1, code)


# Characters that stand for the apostrophe group separator (de_CH, fr_CH, it_CH, ...).
APOSTROPHES = frozenset("'\u2019\u02bc\u2018\u00b4\uff07")


def _locale(locale: str) -> Locale:
    try:
        return Locale.parse(locale)
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(f"unknown locale {locale!r}") from exc


def format_money(money: Money, locale: str = "en_US") -> str:
    """The amount as the locale writes it, e.g. "$1,234.50", "1.234,50 €", "¥1,235"."""
    loc = _locale(locale)
    exponent = currency_exponent(money.currency)
    pattern = copy.copy(parse_pattern(loc.currency_formats["standard"]))
    pattern.frac_prec = (exponent, exponent)
    return pattern.apply(money.decimal, loc, currency=money.currency, currency_digits=False)


def _example(locale: Locale, exponent: int) -> str:
    decimal = get_decimal_symbol(locale)
    return "12" if exponent == 0 else "12" + decimal + "5" + "0" * (exponent - 1)


def _strip_decoration(text: str, currency: str, locale: Locale) -> str:
    """Remove currency symbols, the ISO code and spaces (incl. no-break spaces)."""
    for symbol in {get_currency_symbol(currency, locale), currency}:
        if symbol and not symbol.isdigit():
            text = text.replace(symbol, "").replace(symbol.lower(), "")
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Sc", "Zs", "Cf")
    )


def _quoted(text: str) -> str:
    """The typed text as a message quotes it: one line, printable, cut when long."""
    shown = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return shown if len(shown) <= _QUOTED_TEXT else shown[: _QUOTED_TEXT - 1] + "…"


def parse_amount(text: str, currency: str, locale: str = "en_US") -> Money:
    """Turn what a cashier typed into a chargeable Money, or raise AmountError saying why."""
    try:
        code = check_currency(currency)
    except UnknownCurrency as exc:
        raise AmountError(exc.message) from None
    loc = _locale(locale)
    exponent = currency_exponent(code)
    example = _example(loc, exponent)
    cleaned = _strip_decoration(text or "", code, loc)
    if not cleaned:
        raise AmountError(AMOUNT_MISSING)
    if len(cleaned) > MAX_AMOUNT_TEXT:
        raise AmountError(AMOUNT_TOO_LONG(example=example))

    negative = cleaned[0] in "-\u2212"
    body = cleaned[1:] if cleaned[0] in "+-\u2212" else cleaned
    decimal_symbol = get_decimal_symbol(loc)
    group_symbol = get_group_symbol(loc)
    if group_symbol in APOSTROPHES:
        # Swiss grouping: CLDR has used both ' and ’ over the years, and keyboards, phones
        # and Stripe's own texts type either; every apostrophe groups digits.
        body = "".join(group_symbol if ch in APOSTROPHES else ch for ch in body)
    allowed = set("0123456789") | {decimal_symbol, group_symbol}
    if group_symbol in ("\u202f", "\xa0"):
        allowed.discard(group_symbol)  # already removed with the spaces
    if not body or any(ch not in allowed for ch in body) or not any(ch.isdigit() for ch in body):
        raise AmountError(NOT_AN_AMOUNT(typed=_quoted(text), example=example))
    try:
        value = parse_decimal(body, loc, strict=True)
    except (NumberFormatError, InvalidOperation) as exc:
        raise AmountError(NOT_AN_AMOUNT(typed=_quoted(text), example=example)) from exc
    if negative:
        value = -value

    with localcontext() as context:
        # Exact: the default 28 digits would round away decimals typed beyond them.
        context.prec = len(value.as_tuple().digits) + exponent + 2
        minor = value.scaleb(exponent)
    if minor != minor.to_integral_value():
        if exponent == 0:
            raise AmountError(WHOLE_NUMBERS_ONLY(currency=code))
        if exponent == 1:
            raise AmountError(AT_MOST_ONE_DECIMAL(currency=code))
        raise AmountError(AT_MOST_DECIMALS(currency=code, places=exponent))
    amount = int(minor)
    if amount == 0:
        raise AmountError(AMOUNT_ZERO)
    if amount < 0:
        raise AmountError(AMOUNT_NEGATIVE)
    if code in THREE_DECIMAL_CURRENCIES and amount % 10:
        example = format_money(Money(amount - amount % 10 or 10, code), locale)
        raise AmountError(THIRD_DECIMAL_ZERO(currency=code, example=example))
    minimum = minimum_charge(code)
    if amount < minimum.amount:
        raise AmountError(MINIMUM_CHARGE(currency=code, amount=format_money(minimum, locale)))
    if amount > MAX_AMOUNT:
        maximum = format_money(Money(MAX_AMOUNT, code), locale)
        raise AmountError(MAXIMUM_CHARGE(currency=code, amount=maximum))
    return Money(amount, code)
