"""`POST /v1/tokens` for the one kind PosDesk uses: `cvc_update`, a re-collected CVC that a
PaymentIntent consumes through `payment_method_options[card][cvc_token]`.

Tokens live only in memory, keyed by the sandbox state (they are single-use and short-lived);
the CVC itself is checked and dropped, never stored."""

from __future__ import annotations

import weakref
from typing import Any

from .context import Context
from .errors import SandboxError, invalid, no_such
from .params import LIST_STR, STR, Schema
from .state import State, new_id

_TOKENS: weakref.WeakKeyDictionary[State, dict[str, dict[str, Any]]] = weakref.WeakKeyDictionary()


def _store(ctx: Context) -> dict[str, dict[str, Any]]:
    return _TOKENS.setdefault(ctx.state, {})


CREATE = Schema({"cvc_update": {"cvc": STR}, "expand": LIST_STR})


def create(ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
    update = p.get("cvc_update")
    if not update:
        # Card and bank-account tokens are legacy; the sandbox only knows CVC updates.
        raise invalid("Missing required param: cvc_update.", "cvc_update", "parameter_missing")
    cvc = update.get("cvc")
    if cvc in (None, ""):
        raise invalid(
            "Missing required param: cvc_update[cvc].", "cvc_update[cvc]", "parameter_missing"
        )
    if not (cvc.isdigit() and len(cvc) in (3, 4)):
        raise SandboxError(
            402,
            "card_error",
            "Your card's security code is invalid.",
            code="invalid_cvc",
            param="cvc",
        )
    tok = {
        "id": new_id("cvctok"),
        "object": "token",
        "client_ip": "127.0.0.1",
        "created": ctx.now(),
        "livemode": False,
        "type": "cvc_update",
        "used": False,
    }
    _store(ctx)[tok["id"]] = tok
    return dict(tok)


def consume_cvc_token(ctx: Context, options: Any) -> bool:
    """Use up `payment_method_options[card][cvc_token]` if given; True when one was."""
    card = options.get("card") if isinstance(options, dict) else None
    token_id = card.get("cvc_token") if isinstance(card, dict) else None
    if token_id is None:
        return False
    param = "payment_method_options[card][cvc_token]"
    tok = _store(ctx).get(token_id) if isinstance(token_id, str) else None
    if tok is None:
        raise no_such("token", str(token_id), param)
    if tok["used"]:
        raise invalid(
            f"You cannot use a Stripe token more than once: {token_id}.",
            param,
            "token_already_used",
        )
    tok["used"] = True
    return True
