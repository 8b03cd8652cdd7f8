"""Keys judged as Stripe judges them, and bad input answered like Stripe: unknown or missing
parameters, wrong types, unknown ids and routes, malformed bodies; random bodies never crash."""

from __future__ import annotations

import base64
import json
import random
import urllib.error
import urllib.parse
import urllib.request

import pytest
import stripe

from posdesk.sandbox.server import SandboxServer

from .conftest import make_client


def call(sandbox: SandboxServer, method: str, path: str, body: bytes = b"", headers=None):
    req = urllib.request.Request(
        sandbox.base_url + path, data=body or None, headers=headers or {}, method=method
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.mark.parametrize(
    "key",
    [
        "sk_live_" + "a" * 24,
        "sk_test_short",
        "nonsense",
        "pk_live_" + "a" * 24,
        "whsec_" + "a" * 24,
    ],
)
def test_bad_keys_get_401(sandbox: SandboxServer, key: str) -> None:
    with pytest.raises(stripe.AuthenticationError) as info:
        make_client(sandbox.base_url, key).v1.customers.list()
    body = info.value.json_body["error"]
    assert body["type"] == "invalid_request_error"
    assert body["message"].startswith("Invalid API Key provided: ")
    assert key not in body["message"] or len(key) <= 8


def test_missing_key(sandbox: SandboxServer) -> None:
    status, body = call(sandbox, "GET", "/v1/customers")
    assert status == 401 and body["error"]["message"].startswith("You did not provide an API key")


def test_basic_and_bearer_auth(sandbox: SandboxServer, secret_key: str) -> None:
    basic = base64.b64encode(f"{secret_key}:".encode()).decode()
    assert (
        call(sandbox, "GET", "/v1/customers", headers={"Authorization": f"Basic {basic}"})[0] == 200
    )
    assert (
        call(sandbox, "GET", "/v1/customers", headers={"Authorization": f"Bearer {secret_key}"})[0]
        == 200
    )


def test_restricted_keys(sandbox: SandboxServer) -> None:
    writer = make_client(sandbox.base_url, "rk_test_" + "w" * 24)
    writer.v1.customers.create(params={"name": "ok"})
    reader = make_client(sandbox.base_url, "rk_test_readonly" + "r" * 16)
    assert len(reader.v1.customers.list().data) == 1
    with pytest.raises(stripe.PermissionError) as info:
        reader.v1.customers.create(params={"name": "nope"})
    assert info.value.http_status == 403
    assert "rak_customer_write" in info.value.user_message
    assert sandbox.count("customer") == 1


def test_unknown_and_missing_params(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.customers.create(params={"nmae": "typo"})
    assert info.value.user_message == "Received unknown parameter: nmae"
    assert info.value.param == "nmae"
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.customers.create(params={"invoice_settings": {"colour": "red"}})
    assert info.value.param == "invoice_settings[colour]"
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.create(params={"currency": "usd"})
    assert info.value.code == "parameter_missing" and info.value.param == "amount"
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.create(params={"amount": "ten", "currency": "usd"})
    assert info.value.code == "parameter_invalid_integer"
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.customers.list(params={"limit": 0})
    assert info.value.param == "limit"


def test_unknown_ids_and_routes(
    client: stripe.StripeClient, sandbox: SandboxServer, secret_key: str
) -> None:
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.customers.retrieve("cus_missing")
    assert info.value.http_status == 404 and info.value.code == "resource_missing"
    assert info.value.user_message == "No such customer: 'cus_missing'"
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.payment_intents.create(
            params={"amount": 500, "currency": "usd", "customer": "cus_nope"}
        )
    assert info.value.param == "customer"
    auth = {"Authorization": f"Bearer {secret_key}"}
    status, body = call(sandbox, "GET", "/v1/nothing_here", headers=auth)
    assert status == 404 and body["error"]["message"].startswith("Unrecognized request URL")


def test_expand_unknown_field(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    with pytest.raises(stripe.InvalidRequestError) as info:
        client.v1.customers.retrieve(customer.id, params={"expand": ["name"]})
    assert "cannot be expanded" in info.value.user_message


@pytest.mark.parametrize(
    "body",
    [
        b"a[b]=1&a=2",
        b"metadata=1&metadata[x]=2",
        b"%ff%fe=\xff",
        b"[]=1",
        b"amount[][x]=1&amount[]=2",
    ],
)
def test_malformed_bodies(sandbox: SandboxServer, secret_key: str, body: bytes) -> None:
    status, payload = call(
        sandbox, "POST", "/v1/payment_intents", body, {"Authorization": f"Bearer {secret_key}"}
    )
    assert status == 400 and payload["error"]["type"] == "invalid_request_error"


ROUTES = [
    ("POST", "/v1/customers"),
    ("GET", "/v1/customers"),
    ("GET", "/v1/customers/search"),
    ("POST", "/v1/customers/{cus}"),
    ("DELETE", "/v1/customers/{cus}"),
    ("POST", "/v1/payment_methods"),
    ("POST", "/v1/payment_methods/{pm}/attach"),
    ("POST", "/v1/payment_methods/{pm}/detach"),
    ("GET", "/v1/payment_methods"),
    ("POST", "/v1/payment_intents"),
    ("POST", "/v1/payment_intents/{pi}"),
    ("POST", "/v1/payment_intents/{pi}/confirm"),
    ("POST", "/v1/payment_intents/{pi}/capture"),
    ("POST", "/v1/payment_intents/{pi}/cancel"),
    ("GET", "/v1/payment_intents"),
    ("POST", "/v1/setup_intents"),
    ("POST", "/v1/setup_intents/{seti}/confirm"),
    ("POST", "/v1/refunds"),
    ("GET", "/v1/events"),
]
KEYS = ["amount", "currency", "customer", "payment_method", "confirm", "off_session", "limit",
        "metadata[a]", "expand[]", "created[gt]", "query", "email", "type", "card[number]",
        "capture_method", "amount_to_capture", "starting_after", "x", "[", "a[b][c]"]  # fmt: skip
VALUES = ["", "1", "-5", "true", "usd", "pm_card_visa", "4242424242424242", "%00", "ÿ",
          "name:'x'", "9" * 30, "[]", "cus_x", "manual"]  # fmt: skip


def test_random_bodies_never_crash(
    client: stripe.StripeClient, sandbox: SandboxServer, secret_key: str
) -> None:
    cus = client.v1.customers.create()
    pm = client.v1.payment_methods.attach("pm_card_visa", params={"customer": cus.id})
    pi = client.v1.payment_intents.create(params={"amount": 500, "currency": "usd"})
    seti = client.v1.setup_intents.create()
    ids = {"cus": cus.id, "pm": pm.id, "pi": pi.id, "seti": seti.id}
    rng = random.Random(1234)
    auth = {"Authorization": f"Bearer {secret_key}"}
    for _ in range(400):
        method, path = rng.choice(ROUTES)
        path = path.format(**ids)
        pairs = [f"{rng.choice(KEYS)}={rng.choice(VALUES)}" for _ in range(rng.randint(0, 5))]
        if rng.random() < 0.1:
            body = bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
        else:
            body = "&".join(pairs).encode()
        if method == "POST":
            status, payload = call(sandbox, method, path, body, auth)
        else:
            query = urllib.parse.quote(body.decode("latin-1"), safe="=&[]")
            status, payload = call(sandbox, method, f"{path}?{query}", b"", auth)
        assert 200 <= status < 500, (method, path, body, payload)
        assert ("error" in payload) == (status >= 400)
    assert call(sandbox, "GET", "/_sandbox/health")[0] == 200
