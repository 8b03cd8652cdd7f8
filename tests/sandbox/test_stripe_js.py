"""The sandbox's Stripe.js stand-in, driven in a real offscreen QtWebEngine from a merchant
page with a checkout-like Content-Security-Policy."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
import stripe

from posdesk.sandbox.server import SandboxServer

from .conftest import make_client
from .stripe_js_host import Host, host_server

pytestmark = pytest.mark.gui
PK = "pk_test_" + secrets.token_hex(12)


@pytest.fixture
def host(qtbot, sandbox: SandboxServer) -> Iterator[Host]:
    with host_server(sandbox.base_url) as url:
        page = Host(qtbot, url)
        yield page
        page.close()


@pytest.fixture
def client(sandbox: SandboxServer, secret_key: str) -> stripe.StripeClient:
    return make_client(sandbox.base_url, secret_key)


def new_pi(client: stripe.StripeClient, **extra) -> stripe.PaymentIntent:
    return client.v1.payment_intents.create(
        params={"amount": 1250, "currency": "usd", "payment_method_types": ["card"], **extra}
    )


def confirm_payment(host: Host) -> None:
    assert host.js(
        "settle(stripe.confirmPayment({elements: elements, confirmParams: {return_url: returnUrl},"
        " redirect: 'if_required'}))"
    )


def test_typed_4242_pays_and_the_page_never_holds_the_number(host, client, sandbox):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    host.js("element.focus()")
    host.wait_js("seen('focus')")
    host.type_keys("4242424242424242" + "1234" + "123")
    change = host.wait_js(
        "(function(){ var c = lastChange(); return c && JSON.parse(c).complete && c; })()"
    )
    assert '"complete":true' in change
    frame = host.element_frame()
    assert host.js("document.getElementById('cardnumber').value", frame) == "4242 4242 4242 4242"
    html = host.js("document.documentElement.outerHTML")
    assert "4242" not in html
    confirm_payment(host)
    result = host.outcome()
    assert result["intent"]["id"] == pi.id
    assert result["intent"]["status"] == "succeeded"
    assert result["intent"]["payment_method"].startswith("pm_")
    stored = client.v1.payment_intents.retrieve(pi.id)
    assert stored.status == "succeeded"
    assert client.v1.payment_methods.retrieve(stored.payment_method).card.last4 == "4242"
    assert "4242" not in host.js("document.documentElement.outerHTML")
