"""Test set-up straight over HTTP against the sandbox, independent of the code under test."""

from __future__ import annotations

from typing import Any

import requests


def call(
    base_url: str, key: str, method: str, path: str, data: dict[str, Any] | None = None
) -> dict[str, Any]:
    response = requests.request(
        method, base_url.rstrip("/") + path, data=data, auth=(key, ""), timeout=10
    )
    response.raise_for_status()
    return response.json()


def new_customer(base_url: str, key: str, name: str = "Ann Example", **fields: str) -> str:
    return call(base_url, key, "POST", "/v1/customers", {"name": name, **fields})["id"]


def attach_card(base_url: str, key: str, customer_id: str, test_pm: str = "pm_card_visa") -> str:
    """Save a test card on the customer; returns the new payment method's id."""
    pm = call(base_url, key, "POST", f"/v1/payment_methods/{test_pm}/attach",
              {"customer": customer_id})
    return pm["id"]


def set_default_card(base_url: str, key: str, customer_id: str, pm_id: str) -> None:
    call(base_url, key, "POST", f"/v1/customers/{customer_id}",
         {"invoice_settings[default_payment_method]": pm_id})


def intents(base_url: str, key: str, customer_id: str) -> list[dict[str, Any]]:
    return call(base_url, key, "GET", f"/v1/payment_intents?customer={customer_id}&limit=100")[
        "data"
    ]
