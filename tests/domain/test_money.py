from __future__ import annotations

from decimal import Decimal

import pytest

from posdesk.domain.money import (
    MAX_AMOUNT,
    AmountError,
    Money,
    currency_exponent,
    format_money,
    minimum_charge,
    parse_amount,
)
from posdesk.services.charges import check_chargeable

# -- Money and currencies -------------------------------------------------------------------


def test_money_normalises_currency_and_refuses_non_integers() -> None:
    assert Money(100, "usd") == Money(100, "USD")
    with pytest.raises(TypeError):
        Money(1.5, "USD")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(Decimal("1"), "USD")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True, "USD")
    with pytest.raises(ValueError):
        Money(100, "US")
    with pytest.raises(ValueError):
        Money(100, "U$D")


def test_money_decimal_is_exact() -> None:
    assert Money(1999, "USD").decimal == Decimal("19.99")
    assert Money(1999, "JPY").decimal == Decimal("1999")
    assert Money(1230, "KWD").decimal == Decimal("1.230")


@pytest.mark.parametrize(
    ("currency", "exponent"),
    [("USD", 2), ("eur", 2), ("JPY", 0), ("KRW", 0), ("VND", 0), ("XPF", 0), ("BIF", 0)]
    + [("BHD", 3), ("JOD", 3), ("KWD", 3), ("OMR", 3), ("TND", 3), ("HUF", 2), ("ISK", 2)],
)
def test_currency_exponent(currency: str, exponent: int) -> None:
    assert currency_exponent(currency) == exponent


@pytest.mark.parametrize(
    ("currency", "minor"),
    [("USD", 50), ("EUR", 50), ("GBP", 30), ("JPY", 50), ("CAD", 50), ("AUD", 50)]
    + [("CHF", 50), ("SEK", 300), ("NOK", 300), ("DKK", 250), ("PLN", 200), ("MXN", 1000)]
    + [("HKD", 400), ("SGD", 50), ("NZD", 50), ("CZK", 1500), ("HUF", 17500), ("INR", 50)]
    + [("BRL", 50), ("THB", 1000), ("AED", 200)],
)
def test_stripe_minimums(currency: str, minor: int) -> None:
    assert minimum_charge(currency) == Money(minor, currency)


def test_minimum_for_unlisted_currencies_is_a_floor() -> None:
    assert minimum_charge("ZAR") == Money(50, "ZAR")
    assert minimum_charge("KWD") == Money(500, "KWD")
    assert minimum_charge("KRW") == Money(50, "KRW")


# -- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "locale", "minor"),
    [
        ("12", "USD", "en_US", 1200),
        ("12.5", "USD", "en_US", 1250),
        ("12.50", "USD", "en_US", 1250),
        ("1,234.56", "USD", "en_US", 123456),
        ("1234.56", "USD", "en_US", 123456),
        ("$12.50", "USD", "en_US", 1250),
        ("  $ 12.50  ", "USD", "en_US", 1250),
        ("12.50 USD", "USD", "en_US", 1250),
        ("usd 12", "USD", "en_US", 1200),
        ("+12", "USD", "en_US", 1200),
        (".5", "USD", "en_US", 50),
        ("999,999.99", "USD", "en_US", MAX_AMOUNT),
        ("1.234,56", "EUR", "de_DE", 123456),
        ("12,5", "EUR", "de_DE", 1250),
        ("12,50 €", "EUR", "de_DE", 1250),
        ("€12", "EUR", "de_DE", 1200),
        ("1\u202f234,56", "EUR", "fr_FR", 123456),
        ("1 234,56 €", "EUR", "fr_FR", 123456),
        ("CHF 1’234.50", "CHF", "de_CH", 123450),
        # Swiss grouping with either apostrophe, whichever one the CLDR release prefers.
        ("CHF 1'234.50", "CHF", "de_CH", 123450),
        ("12'345.60", "CHF", "de_CH", 1234560),
        ("1’234.50", "CHF", "it_CH", 123450),
        ("£0.30", "GBP", "en_GB", 30),
        ("50", "JPY", "ja_JP", 50),
        ("¥1,200", "JPY", "en_US", 1200),
        ("1.23", "KWD", "en_US", 1230),
        ("1.230", "KWD", "en_US", 1230),
        ("3 kr", "SEK", "sv_SE", 300),
        ("175", "HUF", "hu_HU", 17500),
        ("12", "ZAR", "en_ZA", 1200),
    ],
)
def test_parse_accepts(text: str, currency: str, locale: str, minor: int) -> None:
    assert parse_amount(text, currency, locale) == Money(minor, currency)


def test_parse_defaults_to_en_us_and_lower_case_currency() -> None:
    assert parse_amount("1,000", "usd") == Money(100000, "USD")


def test_parse_never_uses_float() -> None:
    # 0.1 + 0.2 style errors would turn 1.15 into 114 cents with binary floats.
    assert parse_amount("1.15", "USD") == Money(115, "USD")
    assert parse_amount("4.35", "USD") == Money(435, "USD")
    assert parse_amount("999999.99", "USD").amount == 99_999_999


@pytest.mark.parametrize(
    ("text", "currency", "locale", "message"),
    [
        ("", "USD", "en_US", "Enter an amount to charge."),
        ("   ", "USD", "en_US", "Enter an amount to charge."),
        ("$", "USD", "en_US", "Enter an amount to charge."),
        ("abc", "USD", "en_US", "“abc” is not an amount. Type a number such as 12.50."),
        ("12abc", "USD", "en_US", "“12abc” is not an amount. Type a number such as 12.50."),
        ("1e3", "USD", "en_US", "“1e3” is not an amount. Type a number such as 12.50."),
        ("NaN", "USD", "en_US", "“NaN” is not an amount. Type a number such as 12.50."),
        ("12.5.0", "USD", "en_US", "“12.5.0” is not an amount. Type a number such as 12.50."),
        ("1,2345", "USD", "en_US", "“1,2345” is not an amount. Type a number such as 12.50."),
        ("--5", "USD", "en_US", "“--5” is not an amount. Type a number such as 12.50."),
        ("-", "USD", "en_US", "“-” is not an amount. Type a number such as 12.50."),
        ("12.5", "EUR", "de_DE", "“12.5” is not an amount. Type a number such as 12,50."),
        ("12", "USD", "xx_NOPE", None),
        ("12.345", "USD", "en_US", "USD amounts have at most 2 decimal places."),
        ("0.001", "EUR", "en_US", "EUR amounts have at most 2 decimal places."),
        ("12,345", "EUR", "de_DE", "EUR amounts have at most 2 decimal places."),
        ("12.5", "JPY", "en_US", "JPY amounts are whole numbers, without decimals."),
        ("1.2345", "KWD", "en_US", "KWD amounts have at most 3 decimal places."),
        (
            "1.235",
            "KWD",
            "en_US",
            "KWD amounts must end in 0 in the third decimal place, for example KWD1.230.",
        ),
        ("0", "USD", "en_US", "The amount must be more than zero."),
        ("0.00", "USD", "en_US", "The amount must be more than zero."),
        ("-5", "USD", "en_US", "The amount cannot be negative. Use a refund to give money back."),
        ("−5", "USD", "en_US", "The amount cannot be negative. Use a refund to give money back."),
        ("0.49", "USD", "en_US", "The minimum charge in USD is $0.50."),
        ("0,49", "EUR", "de_DE", "The minimum charge in EUR is 0,50\xa0€."),
        ("0.49", "EUR", "en_US", "The minimum charge in EUR is €0.50."),
        ("0.29", "GBP", "en_GB", "The minimum charge in GBP is £0.30."),
        ("49", "JPY", "ja_JP", "The minimum charge in JPY is ￥50."),
        ("2,99", "SEK", "sv_SE", "The minimum charge in SEK is 3,00\xa0kr."),
        ("174", "HUF", "hu_HU", "The minimum charge in HUF is 175,00\xa0Ft."),
        ("1,000,000", "USD", "en_US", "The maximum charge in USD is $999,999.99."),
        ("1.000.000", "EUR", "de_DE", "The maximum charge in EUR is 999.999,99\xa0€."),
        ("100000000", "JPY", "en_US", "The maximum charge in JPY is ¥99,999,999."),
    ],
)
def test_parse_rejects_with_a_clear_message(
    text: str, currency: str, locale: str, message: str | None
) -> None:
    if message is None:
        with pytest.raises(ValueError, match="unknown locale"):
            parse_amount(text, currency, locale)
        return
    with pytest.raises(AmountError) as caught:
        parse_amount(text, currency, locale)
    assert str(caught.value) == message
    assert caught.value.message == message


def test_amount_error_is_a_value_error() -> None:
    assert issubclass(AmountError, ValueError)


# -- formatting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("money", "locale", "expected"),
    [
        (Money(123456, "USD"), "en_US", "$1,234.56"),
        (Money(50, "USD"), "en_US", "$0.50"),
        (Money(123456, "EUR"), "de_DE", "1.234,56\xa0€"),
        (Money(123456, "EUR"), "en_IE", "€1,234.56"),
        (Money(123456, "EUR"), "fr_FR", "1\u202f234,56\xa0€"),
        (Money(1200, "JPY"), "ja_JP", "￥1,200"),
        (Money(1200, "JPY"), "en_US", "¥1,200"),
        (Money(1230, "KWD"), "en_US", "KWD1.230"),
        (Money(12345, "HUF"), "hu_HU", "123,45\xa0Ft"),
        (Money(12345, "ISK"), "en_US", "ISK123.45"),
        (Money(123456, "CNY"), "zh_CN", "¥1,234.56"),
        (Money(-500, "USD"), "en_US", "-$5.00"),
    ],
)
def test_format_money(money: Money, locale: str, expected: str) -> None:
    assert format_money(money, locale) == expected


def test_format_then_parse_round_trips() -> None:
    for money, locale in [
        (Money(123456, "EUR"), "de_DE"),
        (Money(99, "USD"), "en_US"),
        (Money(5000, "JPY"), "ja_JP"),
        (Money(1230, "KWD"), "ar_KW"),
        (Money(350, "CHF"), "de_CH"),
        (Money(1_000_00, "SEK"), "sv_SE"),
    ]:
        assert parse_amount(format_money(money, locale), money.currency, locale) == money


def test_str_of_money_uses_en_us() -> None:
    assert str(Money(250, "GBP")) == "£2.50"


def test_decimals_beyond_the_default_precision_are_refused_not_rounded() -> None:
    # Decimal's 28-digit context once rounded this to 10.00 before the check.
    with pytest.raises(AmountError, match="at most 2 decimal places"):
        parse_amount("10.00000000000000000000000000049", "USD")
    assert parse_amount("10.000000000000000000000000000000", "USD") == Money(1000, "USD")


def test_an_unknown_currency_code_is_refused_before_anything_is_sent() -> None:
    with pytest.raises(AmountError, match="not a currency code"):
        parse_amount("12", "XYZ")
    with pytest.raises(AmountError, match="not a currency code"):
        check_chargeable(Money(1200, "XYZ"))


def test_an_absurdly_long_amount_is_refused_with_a_sentence() -> None:
    with pytest.raises(AmountError, match="too long"):
        parse_amount("1" * 5000, "USD")
