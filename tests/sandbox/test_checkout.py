"""The sandbox's Checkout Sessions, hosted page and Payment Links, over HTTP as a client and a
customer's browser would use them (the page's own calls are made directly here; the GUI
tests drive the page itself in a web view)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from posdesk.sandbox.server import SandboxServer

KEY = "sk_test_" + "c" * 24


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    srv = SandboxServer().start()
    try:
        yield srv
    finally:
        srv.stop()


def api(server: SandboxServer, method: str, path: str,
        data: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    response = requests.request(method, server.base_url + path, data=data,
                                auth=(KEY, ""), timeout=10)
    return response.status_code, response.json()


def session_params(**extra: Any) -> dict[str, Any]:
    return {
        "mode": "payment",
        "line_items[0][price_data][currency]": "usd",
        "line_items[0][price_data][unit_amount]": "5000",
        "line_items[0][price_data][product_data][name]": "Deposit",
        "line_items[0][quantity]": "1",
        "payment_intent_data[metadata][order]": "42",
        **extra,
    }


def events(server: SandboxServer, type_: str) -> list[dict[str, Any]]:
    return api(server, "GET", f"/v1/events?type={type_}")[1]["data"]


def pay(server: SandboxServer, session: dict[str, Any], pm: str = "pm_card_visa") -> None:
    start = requests.post(session["url"] + "/start", timeout=10)
    assert start.status_code == 200, start.text
    intent = start.json()["client_secret"].split("_secret_")[0]
    status, confirmed = api(server, "POST", f"/v1/payment_intents/{intent}/confirm",
                            {"payment_method": pm})
    assert status == 200 and confirmed["status"] == "succeeded"
    assert confirmed["metadata"] == {"order": "42"}
    done = requests.post(session["url"] + "/done", timeout=10).json()
    assert done["status"] == "complete"


def test_a_session_is_paid_on_its_page_and_completes(server: SandboxServer) -> None:
    status, session = api(server, "POST", "/v1/checkout/sessions", session_params())
    assert status == 200, session
    assert (session["status"], session["payment_status"], session["amount_total"]) == (
        "open", "unpaid", 5000)
    assert session["payment_intent"] is None  # made when the customer pays
    page = requests.get(session["url"], timeout=10)
    assert page.status_code == 200 and "50.00 USD" in page.text
    pay(server, session)
    _, after = api(server, "GET", f"/v1/checkout/sessions/{session['id']}")
    assert (after["status"], after["payment_status"]) == ("complete", "paid")
    [completed] = events(server, "checkout.session.completed")
    assert completed["data"]["object"]["payment_intent"] == after["payment_intent"]
    intent = after["payment_intent"]
    _, listed = api(server, "GET", f"/v1/checkout/sessions?payment_intent={intent}")
    assert [s["id"] for s in listed["data"]] == [session["id"]]
    # A complete session cannot be expired, nor paid again.
    status, error = api(server, "POST", f"/v1/checkout/sessions/{session['id']}/expire")
    assert status == 400 and "only an open session" in error["error"]["message"]
    assert requests.post(session["url"] + "/start", timeout=10).status_code == 400


@pytest.mark.parametrize("ahead_s", [29 * 60, 24 * 3600 + 60])
def test_expires_at_must_be_30_minutes_to_24_hours_ahead(
    server: SandboxServer, ahead_s: int
) -> None:
    now = server.state.now()
    status, body = api(server, "POST", "/v1/checkout/sessions",
                       session_params(expires_at=str(now + ahead_s)))
    assert status == 400 and body["error"]["param"] == "expires_at"


def test_payment_method_types_is_refused_as_endive_does(server: SandboxServer) -> None:
    status, body = api(server, "POST", "/v1/checkout/sessions",
                       session_params(**{"payment_method_types[]": "card"}))
    assert status == 400
    assert body["error"]["code"] == "payment_method_types_no_longer_supported"


def test_an_expired_session_refuses_payment(server: SandboxServer) -> None:
    _, session = api(server, "POST", "/v1/checkout/sessions", session_params())
    start = requests.post(session["url"] + "/start", timeout=10).json()
    intent = start["client_secret"].split("_secret_")[0]
    status, expired = api(server, "POST", f"/v1/checkout/sessions/{session['id']}/expire")
    assert status == 200 and expired["status"] == "expired" and expired["url"] is None
    assert len(events(server, "checkout.session.expired")) == 1
    # Its open intent is canceled: nobody can pay through it any more.
    assert api(server, "GET", f"/v1/payment_intents/{intent}")[1]["status"] == "canceled"
    assert requests.post(session["url"] + "/start", timeout=10).status_code == 400
    page = requests.get(session["url"], timeout=10).text
    assert "expired" in page and 'data-state="closed"' in page


def test_a_session_past_expires_at_ends_when_events_are_read(server: SandboxServer) -> None:
    _, session = api(server, "POST", "/v1/checkout/sessions", session_params())
    later = session["expires_at"] + 1
    server.state.clock = lambda: later
    assert [e["data"]["object"]["id"]
            for e in events(server, "checkout.session.expired")] == [session["id"]]


def test_a_saved_card_is_attached_to_the_customer(server: SandboxServer) -> None:
    _, customer = api(server, "POST", "/v1/customers", {"name": "Ann"})
    _, session = api(server, "POST", "/v1/checkout/sessions", session_params(**{
        "customer": customer["id"],
        "payment_intent_data[setup_future_usage]": "off_session",
        "saved_payment_method_options[payment_method_save]": "enabled",
    }))
    pay(server, session)
    _, cards = api(server, "GET", f"/v1/customers/{customer['id']}/payment_methods")
    assert len(cards["data"]) == 1


def test_a_payment_link_makes_a_session_per_visit_until_deactivated(
    server: SandboxServer
) -> None:
    status, link = api(server, "POST", "/v1/payment_links", {
        "line_items[0][price_data][currency]": "usd",
        "line_items[0][price_data][unit_amount]": "5000",
        "line_items[0][price_data][product_data][name]": "Deposit",
        "line_items[0][quantity]": "1",
        "after_completion[type]": "hosted_confirmation",
        "after_completion[hosted_confirmation][custom_message]": "Thanks!",
        "payment_intent_data[metadata][order]": "42",
    })
    assert status == 200 and link["active"], link
    visits = [requests.get(link["url"], timeout=10, allow_redirects=False) for _ in range(2)]
    assert [v.status_code for v in visits] == [303, 303]
    urls = {v.headers["Location"] for v in visits}
    assert len(urls) == 2 and all("/c/pay/cs_test_" in u for u in urls)
    _, sessions = api(server, "GET", f"/v1/checkout/sessions?payment_link={link['id']}")
    assert len(sessions["data"]) == 2
    session = sessions["data"][0]
    pay(server, session)
    assert requests.post(session["url"] + "/done", timeout=10).json()["message"] == "Thanks!"
    status, off = api(server, "POST", f"/v1/payment_links/{link['id']}", {"active": "false"})
    assert status == 200 and off["active"] is False
    assert requests.get(link["url"], timeout=10, allow_redirects=False).status_code == 410
    _, active = api(server, "GET", "/v1/payment_links?active=true")
    assert active["data"] == []
