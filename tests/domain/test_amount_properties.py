"""Whatever a cashier types as an amount, in any currency class and locale: either a clear
sentence (AmountError) or a Money that is chargeable as it stands and reads back the same."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from posdesk.domain.messages import Text, catalogue, text_of
from posdesk.domain.money import (
    MAX_AMOUNT,
    THREE_DECIMAL_CURRENCIES,
    AmountError,
    Money,
    currency_exponent,
    format_money,
    minimum_charge,
    parse_amount,
)

ZERO_DECIMAL = ["JPY", "KRW", "VND", "CLP", "XOF"]
TWO_DECIMAL = ["USD", "EUR", "GBP", "CHF", "SEK", "HUF", "INR", "ZAR", "BRL", "ISK"]
THREE_DECIMAL = sorted(THREE_DECIMAL_CURRENCIES)
CURRENCIES = st.sampled_from(ZERO_DECIMAL + TWO_DECIMAL + THREE_DECIMAL)
# Grouping with . , ' ’ and narrow/no-break spaces; Indian lakh grouping; right-to-left
# scripts with direction marks; currency before or after the number.
LOCALES = st.sampled_from([
    "en_US", "en_GB", "en_IN", "de_DE", "de_CH", "fr_FR", "fr_CH", "it_CH", "nl_NL", "es_ES",
    "pt_BR", "sv_SE", "pl_PL", "ru_RU", "ja_JP", "ko_KR", "zh_CN", "ar_KW", "he_IL", "fa_IR",
])  # fmt: skip
# Text that looks like amounts: digits, every separator, signs, symbols, codes, and a few
# characters that only look like digits or separators.
AMOUNT_PIECES = st.sampled_from(
    list("0123456789") * 3
    + list(".,'’ \u00a0\u202f-−+$€£¥₹") + ["USD", "KWD", "kr", "e", "٫", "٬", "０", "١", "\x00"]
)
TYPED = st.one_of(st.text(max_size=60), st.lists(AMOUNT_PIECES, max_size=30).map("".join))


def chargeable_amounts(currency: str) -> st.SearchStrategy[int]:
    amounts = st.integers(minimum_charge(currency).amount, MAX_AMOUNT)
    if currency_exponent(currency) == 3:  # Stripe takes multiples of 10 only
        amounts = amounts.map(lambda a: a - a % 10).filter(
            lambda a: a >= minimum_charge(currency).amount)
    return amounts


def is_clear_sentence(message: str) -> bool:
    # One line ending with a full stop, short enough for the dialog's message area; the
    # no-break spaces and direction marks of formatted money are welcome.
    return (
        message.endswith(".")
        and len(message) <= 200
        and not any(unicodedata.category(ch) == "Cc" for ch in message)
    )


@settings(max_examples=1000, deadline=None, database=None)
@given(currency=CURRENCIES, locale=LOCALES, data=st.data())
def test_every_chargeable_amount_reads_back_from_its_formatted_text(
    currency: str, locale: str, data: st.DataObject
) -> None:
    money = Money(data.draw(chargeable_amounts(currency)), currency)
    assert parse_amount(format_money(money, locale), currency, locale) == money


@settings(max_examples=2000, deadline=None, database=None)
@given(text=TYPED, currency=CURRENCIES, locale=LOCALES)
def test_any_typed_text_is_a_clear_refusal_or_a_chargeable_amount(
    text: str, currency: str, locale: str
) -> None:
    try:
        money = parse_amount(text, currency, locale)
    except AmountError as refused:
        assert is_clear_sentence(refused.message), refused.message
        return
    assert money.currency == currency
    assert minimum_charge(currency).amount <= money.amount <= MAX_AMOUNT
    if currency in THREE_DECIMAL_CURRENCIES:
        assert money.amount % 10 == 0
    assert parse_amount(format_money(money, locale), currency, locale) == money


@settings(max_examples=500, deadline=None, database=None)
@given(text=TYPED, currency=CURRENCIES, locale=LOCALES)
def test_a_refusal_is_a_message_id_that_its_stored_english_finds_again(
    text: str, currency: str, locale: str
) -> None:
    # The screen translates by id; a refusal kept or logged as plain English must find its
    # id (and parameters) again to be translated later.
    try:
        parse_amount(text, currency, locale)
    except AmountError as refused:
        said = refused.message
        assert isinstance(said, Text) and catalogue()[said.key] == said.template
        found = text_of(str(said))
        assert found is not None and found.key == said.key
        assert found.template.format(**found.params) == said


def test_a_refusal_quotes_the_typed_text_on_one_short_line() -> None:
    # The message once quoted the whole text back, line breaks and NULs included.
    with_breaks = "12\nabc\x00" + " " * 5000 + "defghijklmnopqrstuvwxyz"
    message = str(_refusal(with_breaks))
    assert message == "“12 abc defghijklmnopqrs…” is not an amount. Type a number such as 12.50."


def _refusal(text: str) -> AmountError:
    try:
        parse_amount(text, "USD")
    except AmountError as exc:
        return exc
    raise AssertionError(f"{text!r} was accepted")
