"""Currency rules Stripe checks on amounts (smallest units, minimums, maximum)."""

from __future__ import annotations

from .errors import invalid

ZERO_DECIMAL = set(
    [
        "bif",
        "clp",
        "djf",
        "gnf",
        "jpy",
        "kmf",
        "krw",
        "mga",
        "pyg",
        "rwf",
        "ugx",
        "vnd",
        "vuv",
        "xaf",
        "xof",
        "xpf",
    ]
)
THREE_DECIMAL = set(["bhd", "jod", "kwd", "omr", "tnd"])
# Minimum charge in the smallest unit; currencies not listed use 50.
MINIMUM = {
    "usd": 50,
    "eur": 50,
    "gbp": 30,
    "jpy": 50,
    "cad": 50,
    "aud": 50,
    "chf": 50,
    "nzd": 50,
    "sgd": 50,
    "hkd": 400,
    "sek": 300,
    "nok": 300,
    "dkk": 250,
    "pln": 200,
    "czk": 1500,
    "huf": 17500,
    "mxn": 1000,
    "brl": 50,
    "inr": 50,
    "thb": 1000,
    "aed": 200,
    "ron": 200,
    "bgn": 100,
    "myr": 200,
}
MAXIMUM = 99_999_999


def check_currency(currency: str) -> str:
    cur = currency.lower()
    if len(cur) != 3 or not cur.isalpha():
        raise invalid(f"Invalid currency: {currency[:20]}.", "currency")
    return cur


def check_amount(amount: int, currency: str, param: str = "amount") -> None:
    minimum = MINIMUM.get(currency, 50)
    if amount < minimum:
        raise invalid(
            f"Amount must be at least {_show(minimum, currency)} {currency}",
            param,
            "amount_too_small",
        )
    if amount > MAXIMUM:
        raise invalid(
            f"Amount must be no more than {_show(MAXIMUM, currency)} {currency}",
            param,
            "amount_too_large",
        )
    if currency in THREE_DECIMAL and amount % 10:
        raise invalid(
            f"Amounts in {currency.upper()} must be a multiple of 10 in the smallest unit.",
            param,
            "invalid_amount",
        )


def _show(amount: int, currency: str) -> str:
    if currency in ZERO_DECIMAL:
        return f"{amount}"
    if currency in THREE_DECIMAL:
        return f"{amount / 1000:.3f}"
    return f"{amount // 100}.{amount % 100:02d}"
