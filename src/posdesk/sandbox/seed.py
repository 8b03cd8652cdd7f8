"""`--seed demo`: a few hundred customers from several countries with saved cards (some
expired or about to expire) and a few weeks of payments, declines and refunds.

Built through the same handlers the API uses, with a stepped clock and seeded ids, so the
objects and events look exactly like API-made ones and every run produces the same data."""

from __future__ import annotations

import contextlib
import random
import time
from typing import Any

from . import cards, payment_intents, payment_methods, refunds
from .context import Context
from .customers import new_customer
from .errors import SandboxError
from .state import State, deterministic_ids

NAMES = {
    "US": (
        ["James", "Mary", "Robert", "Linda", "Michael", "Emily"],
        ["Smith", "Johnson", "Brown", "Davis", "Miller"],
        "+1 415 555 0",
    ),
    "GB": (
        ["Oliver", "Amelia", "Harry", "Isla", "George"],
        ["Taylor", "Wilson", "Evans", "Thomas", "Roberts"],
        "+44 20 7946 0",
    ),
    "DE": (
        ["Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie"],
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber"],
        "+49 30 901820",
    ),
    "FR": (
        ["Lucas", "Chloé", "Hugo", "Léa", "Louis"],
        ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau"],
        "+33 1 70 18 9",
    ),
    "ES": (
        ["Mateo", "Lucía", "Hugo", "Sofía", "Martín"],
        ["García", "Fernández", "López", "Martínez"],
        "+34 91 123 4",
    ),
    "IT": (
        ["Leonardo", "Giulia", "Francesco", "Aurora"],
        ["Rossi", "Russo", "Ferrari", "Esposito"],
        "+39 06 6982 ",
    ),
    "SE": (
        ["Elias", "Alice", "William", "Maja"],
        ["Andersson", "Johansson", "Karlsson", "Nilsson"],
        "+46 8 123 45",
    ),
    "JP": (
        ["Haruto", "Yui", "Sota", "Hina"],
        ["Sato", "Suzuki", "Takahashi", "Tanaka"],
        "+81 3 1234 5",
    ),
    "BR": (
        ["Miguel", "Alice", "Arthur", "Helena"],
        ["Silva", "Santos", "Oliveira", "Souza"],
        "+55 11 3456 7",
    ),
    "IN": (
        ["Aarav", "Ananya", "Vihaan", "Diya"],
        ["Sharma", "Patel", "Singh", "Gupta"],
        "+91 22 2345 6",
    ),
    "NG": (
        ["Chinedu", "Amara", "Tunde", "Ngozi"],
        ["Okafor", "Adeyemi", "Eze", "Bello"],
        "+234 1 234 56",
    ),
    "PL": (
        ["Jakub", "Zuzanna", "Antoni", "Julia"],
        ["Nowak", "Kowalski", "Wiśniewski"],
        "+48 22 123 45",
    ),
}
GOOD_CARDS = [
    "4242424242424242",
    "4000056655665556",
    "5555555555554444",
    "5200828282828210",
    "378282246310005",
    "6011111111111117",
    "3566002020360505",
]
DAY = 86400


def _ascii(text: str) -> str:
    table = str.maketrans("äöüéèàçìíóúñłśźż", "aoueeaciiounlszz")
    return text.lower().translate(table)


def seed_demo(state: State, *, customers: int = 300, now: float | None = None) -> None:
    rng = random.Random(42)
    end = int(now if now is not None else time.time())
    clock = [end - 8 * 7 * DAY]
    real_clock = state.clock
    state.clock = lambda: clock[0]
    ctx = Context(state)
    try:
        with deterministic_ids(rng), state.lock:
            people = _customers(ctx, rng, clock, customers, end)
            _payments(ctx, rng, clock, people, end)
    finally:
        state.clock = real_clock
    # The first customers' events are older than Stripe keeps events.
    state.forget_old_events(end)


def _customers(
    ctx: Context, rng: random.Random, clock: list[int], count: int, end: int
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    start = clock[0]
    moments = sorted(rng.randint(start, end - 5 * 7 * DAY) for _ in range(count))
    year = time.gmtime(end).tm_year
    month = time.gmtime(end).tm_mon
    people = []
    for i, moment in enumerate(moments):
        clock[0] = moment
        country = rng.choice(sorted(NAMES))
        firsts, lasts, phone_prefix = NAMES[country]
        first, last = rng.choice(firsts), rng.choice(lasts)
        email = f"{_ascii(first)}.{_ascii(last)}{i}@example.{country.lower()}"
        fields = {
            "name": f"{first} {last}",
            "email": email,
            "phone": f"{phone_prefix}{rng.randint(100, 999)}",
            "metadata": {"loyalty_tier": rng.choice(["none", "silver", "gold"])},
            "address": {
                "city": None,
                "country": country,
                "line1": None,
                "line2": None,
                "postal_code": None,
                "state": None,
            },
            "preferred_locales": [],
        }
        customer = new_customer(moment, fields)
        ctx.state.add("customer", customer)
        ctx.emit("customer.created", customer)
        saved = []
        for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3])):
            clock[0] += rng.randint(5, 3600)
            number = rng.choice(GOOD_CARDS)
            roll = rng.random()
            if roll < 0.1:  # expired
                exp_year, exp_month = year - rng.randint(0, 2), rng.randint(1, 12)
                if exp_year == year and exp_month >= month:
                    exp_month = max(1, month - 1)
                    exp_year -= 1 if month == 1 else 0
            elif roll < 0.2:  # expires this month or next
                exp_year, exp_month = (year, month) if rng.random() < 0.5 else _next(year, month)
            else:
                exp_year, exp_month = year + rng.randint(1, 5), rng.randint(1, 12)
            pm = payment_methods.build(
                ctx,
                cards.TABLE[number],
                exp_month,
                exp_year,
                billing={"name": fields["name"], "email": email},
            )
            payment_methods.attach_to(ctx, pm, customer)
            ctx.state.set_up_for_off_session.add(pm["id"])
            saved.append(pm)
        if saved:
            customer["invoice_settings"]["default_payment_method"] = saved[0]["id"]
        people.append((customer, saved))
    return people


def _next(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _payments(
    ctx: Context,
    rng: random.Random,
    clock: list[int],
    people: list[tuple[dict[str, Any], list[dict[str, Any]]]],
    end: int,
) -> None:
    payers = [(c, pms) for c, pms in people if pms]
    start = end - 4 * 7 * DAY
    moments = sorted(rng.randint(start, end - 600) for _ in range(len(payers) * 2))
    decline_cards = ["pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds"]
    succeeded: list[str] = []
    for moment in moments:
        clock[0] = moment
        customer, pms = rng.choice(payers)
        amount = rng.choice([450, 990, 1250, 1999, 2500, 4999, 7500, 12000, 24900])
        params: dict[str, Any] = {
            "amount": str(amount),
            "currency": "usd",
            "customer": customer["id"],
            "confirm": "true",
            "off_session": "true",
            "description": rng.choice(["Coffee beans", "Gift card", "Repair", "Subscription box"]),
            "metadata": {"register": str(rng.randint(1, 3))},
        }
        roll = rng.random()
        if roll < 0.08:
            params["payment_method"] = rng.choice(decline_cards)
        else:
            params["payment_method"] = rng.choice(pms)["id"]
        if 0.08 <= roll < 0.12:
            params["capture_method"] = "manual"
        try:
            pi = payment_intents.create(ctx, payment_intents.CREATE.validate(params))
        except SandboxError:
            continue
        if pi["status"] == "succeeded":
            succeeded.append(pi["id"])
        if succeeded and rng.random() < 0.07:
            clock[0] += rng.randint(60, 2 * DAY)
            clock[0] = min(clock[0], end - 60)
            target = rng.choice(succeeded)
            full = ctx.state.get("payment_intent", target)["amount_received"]
            refund: dict[str, Any] = {"payment_intent": target, "reason": "requested_by_customer"}
            if rng.random() < 0.4:
                refund["amount"] = str(max(1, full // 2))
            with contextlib.suppress(SandboxError):  # already fully refunded
                refunds.create(ctx, refunds.CREATE.validate(refund))
