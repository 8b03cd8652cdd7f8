"""The one check of what a signed webhook delivery carries, before it is stored.

Only an event the store can hold and the applier can take is committed to the inbox: one
that is not would be refused by the database in the middle of a group commit (failing the
good deliveries committed with it) or fail every later attempt to apply the inbox. So the
envelope is checked against the columns it goes into: ids shaped like Stripe's and within
64 characters, a type of plain ASCII within 128, a `created` time that fits the 32-bit
column it is recorded in, an object with an id. Every refusal names what is wrong in a
sentence that is safe to send back.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Stripe's ids: letters, digits and underscores (evt_..., pi_..., cus_...).
_STRIPE_ID = re.compile(r"[A-Za-z0-9_]{1,64}")
# Event types: payment_intent.succeeded, v1.billing.meter.error_report_triggered, ...
_EVENT_TYPE = re.compile(r"[A-Za-z0-9_.\-]{1,128}")
# sync_processed_events.created is a 32-bit integer on PostgreSQL.
_CREATED_MAX = 2**31 - 1

MESSAGE_NOT_JSON = "The body is not valid JSON."
MESSAGE_TOO_DEEP = "The body is nested too deeply to be a Stripe event."
MESSAGE_HUGE_NUMBER = "The body holds a number too long to be part of a Stripe event."
MESSAGE_NOT_EVENT = "The body is not a Stripe event."
MESSAGE_BAD_ID = "The event's id is not a Stripe id."
MESSAGE_BAD_TYPE = "The event's type is not a Stripe event type."
MESSAGE_BAD_CREATED = "The event's created time is not a Unix time."
MESSAGE_NO_OBJECT = "The event carries no object with a Stripe id."


class DeliveryRefused(ValueError):
    """Why a signed delivery is not stored; the message is safe to send back."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_event(body: bytes) -> dict[str, Any]:
    """The event a signed body carries, or DeliveryRefused saying why it is not one."""
    try:
        event = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DeliveryRefused(MESSAGE_NOT_JSON) from None
    except RecursionError:  # nested deeper than any Stripe event
        raise DeliveryRefused(MESSAGE_TOO_DEEP) from None
    except ValueError:  # an integer of thousands of digits, which Python refuses to convert
        raise DeliveryRefused(MESSAGE_HUGE_NUMBER) from None
    check_event(event)
    return event


def check_event(event: Any) -> None:
    """DeliveryRefused unless the envelope fits what the inbox and the applier keep."""
    if not isinstance(event, dict):
        raise DeliveryRefused(MESSAGE_NOT_EVENT)
    if not _is_stripe_id(event.get("id")):
        raise DeliveryRefused(MESSAGE_BAD_ID)
    event_type = event.get("type")
    if not isinstance(event_type, str) or not _EVENT_TYPE.fullmatch(event_type):
        raise DeliveryRefused(MESSAGE_BAD_TYPE)
    created = event.get("created", 0)
    if isinstance(created, bool) or not isinstance(created, int):
        raise DeliveryRefused(MESSAGE_BAD_CREATED)
    if not 0 <= created <= _CREATED_MAX:
        raise DeliveryRefused(MESSAGE_BAD_CREATED)
    data = event.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    if not isinstance(obj, dict) or not _is_stripe_id(obj.get("id")):
        raise DeliveryRefused(MESSAGE_NO_OBJECT)


def _is_stripe_id(value: Any) -> bool:
    return isinstance(value, str) and _STRIPE_ID.fullmatch(value) is not None
