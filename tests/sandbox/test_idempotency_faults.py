"""Idempotent replay, mismatch and concurrent use; fault injection and latency."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request

import pytest
import stripe

from posdesk.sandbox.server import SandboxServer

from .conftest import make_client

CHARGE = {
    "amount": 1000,
    "currency": "usd",
    "payment_method": "pm_card_visa",
    "confirm": True,
}


def raw_post(
    sandbox: SandboxServer, path: str, body: str, key: str, idem: str | None = None
) -> tuple[int, dict, dict]:
    headers = {"Authorization": f"Bearer {key}"}
    if idem:
        headers["Idempotency-Key"] = idem
    req = urllib.request.Request(
        sandbox.base_url + path, data=body.encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, dict(resp.headers.items()), json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers.items()), json.loads(err.read())


def test_replay_returns_saved_response(sandbox: SandboxServer, secret_key: str) -> None:
    body = "amount=1000&currency=usd&payment_method=pm_card_visa&confirm=true"
    s1, h1, b1 = raw_post(sandbox, "/v1/payment_intents", body, secret_key, "key-1")
    s2, h2, b2 = raw_post(sandbox, "/v1/payment_intents", body, secret_key, "key-1")
    assert (s1, s2) == (200, 200)
    assert b1 == b2
    assert "Idempotent-Replayed" not in h1 and h2["Idempotent-Replayed"] == "true"
    assert sandbox.count("payment_intent") == 1


def test_errors_are_replayed_too(sandbox: SandboxServer, secret_key: str) -> None:
    body = "amount=1000&currency=usd&payment_method=pm_card_chargeDeclined&confirm=true"
    s1, _, b1 = raw_post(sandbox, "/v1/payment_intents", body, secret_key, "key-d")
    s2, h2, b2 = raw_post(sandbox, "/v1/payment_intents", body, secret_key, "key-d")
    assert s1 == s2 == 402 and b1 == b2 and h2["Idempotent-Replayed"] == "true"
    assert sandbox.count("payment_intent") == 1


def test_same_key_other_params(client: stripe.StripeClient, sandbox: SandboxServer) -> None:
    client.v1.payment_intents.create(params=CHARGE, options={"idempotency_key": "k-2"})
    with pytest.raises(stripe.IdempotencyError) as info:
        client.v1.payment_intents.create(
            params={**CHARGE, "amount": 2000}, options={"idempotency_key": "k-2"}
        )
    assert info.value.http_status == 400
    assert sandbox.count("payment_intent") == 1


def test_validation_failure_saves_nothing(
    client: stripe.StripeClient, sandbox: SandboxServer
) -> None:
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.payment_intents.create(
            params={"amount": 1000, "bogus": "x"}, options={"idempotency_key": "k-3"}
        )
    pi = client.v1.payment_intents.create(params=CHARGE, options={"idempotency_key": "k-3"})
    assert pi.status == "succeeded"


def test_concurrent_same_key_gets_409(sandbox: SandboxServer, secret_key: str) -> None:
    sandbox.hold(0.8, path_prefix="/v1/payment_intents")
    body = "amount=1000&currency=usd&payment_method=pm_card_visa&confirm=true"
    results: list[int] = []
    first = threading.Thread(
        target=lambda: results.append(
            raw_post(sandbox, "/v1/payment_intents", body, secret_key, "k-4")[0]
        )
    )
    first.start()
    time.sleep(0.3)
    status, _, err = raw_post(sandbox, "/v1/payment_intents", body, secret_key, "k-4")
    first.join()
    assert status == 409 and err["error"]["type"] == "idempotency_error"
    assert results == [200]
    assert raw_post(sandbox, "/v1/payment_intents", body, secret_key, "k-4")[0] == 200
    assert sandbox.count("payment_intent") == 1


def test_dropped_answer_then_retry_gives_exactly_one_charge(
    client: stripe.StripeClient, sandbox: SandboxServer
) -> None:
    sandbox.drop_after_processing(1, path_prefix="/v1/payment_intents")
    with pytest.raises(stripe.APIConnectionError):
        client.v1.payment_intents.create(params=CHARGE, options={"idempotency_key": "k-5"})
    assert sandbox.count("payment_intent") == 1
    pi = client.v1.payment_intents.create(params=CHARGE, options={"idempotency_key": "k-5"})
    assert pi.status == "succeeded"
    assert sandbox.count("payment_intent") == 1 and sandbox.count("charge") == 1


def test_stripe_python_retries_survive_faults(sandbox: SandboxServer, secret_key: str) -> None:
    retrying = stripe.StripeClient(
        secret_key, base_addresses={"api": sandbox.base_url}, max_network_retries=3
    )
    sandbox.fail_next(2, status=500, path_prefix="/v1/payment_intents")
    pi = retrying.v1.payment_intents.create(params=CHARGE)
    assert pi.status == "succeeded" and sandbox.count("payment_intent") == 1


@pytest.mark.parametrize(
    ("status", "error"), [(500, stripe.APIError), (429, stripe.RateLimitError)]
)
def test_fail_next(client: stripe.StripeClient, sandbox: SandboxServer, status: int, error) -> None:
    sandbox.fail_next(2, status=status, path_prefix="/v1/customers")
    client.v1.payment_intents.create(params={"amount": 500, "currency": "usd"})
    for _ in range(2):
        with pytest.raises(error) as info:
            client.v1.customers.create()
        assert info.value.http_status == status
    assert sandbox.count("customer") == 0
    client.v1.customers.create()
    assert sandbox.count("customer") == 1


def test_latency_and_hold(client: stripe.StripeClient, sandbox: SandboxServer) -> None:
    sandbox.set_latency(150)
    start = time.monotonic()
    client.v1.customers.list()
    assert time.monotonic() - start >= 0.15
    sandbox.set_latency(0)
    sandbox.hold(0.4, path_prefix="/v1/customers")
    start = time.monotonic()
    client.v1.customers.list()
    assert time.monotonic() - start >= 0.4
    start = time.monotonic()
    client.v1.customers.list()
    assert time.monotonic() - start < 0.3


def test_http_controls(sandbox: SandboxServer, secret_key: str) -> None:
    def control(path: str, payload: dict) -> dict:
        req = urllib.request.Request(
            sandbox.base_url + path,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.loads(resp.read())

    with urllib.request.urlopen(sandbox.base_url + "/_sandbox/health", timeout=5) as resp:
        assert json.loads(resp.read())["ok"] is True
    control("/_sandbox/faults", {"kind": "fail", "count": 1, "status": 429})
    client = make_client(sandbox.base_url, secret_key)
    with pytest.raises(stripe.RateLimitError):
        client.v1.customers.list()
    pi = client.v1.payment_intents.create(
        params={**CHARGE, "payment_method": "pm_card_threeDSecure2Required"}
    )
    assert control(f"/_sandbox/challenges/{pi.id}/complete", {})["status"] == "succeeded"
    assert control("/_sandbox/latency", {"ms": 5})["latency_ms"] == 5
    with urllib.request.urlopen(sandbox.base_url + "/_sandbox/count/payment_intent") as resp:
        assert json.loads(resp.read())["count"] == 1


def test_http_drop_clear_and_challenge_page(sandbox: SandboxServer, secret_key: str) -> None:
    def send(method: str, path: str, payload: dict | None = None) -> bytes:
        data = json.dumps(payload).encode() if payload is not None else None
        req = urllib.request.Request(
            sandbox.base_url + path, data=data, method=method,
            headers={"Content-Type": "application/json"},
        )  # fmt: skip
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.read()

    client = make_client(sandbox.base_url, secret_key)
    send("POST", "/_sandbox/faults", {"kind": "drop", "count": 1, "path_prefix": "/v1/customers"})
    with pytest.raises(stripe.APIConnectionError):
        client.v1.customers.create()
    assert sandbox.count("customer") == 1
    send("POST", "/_sandbox/faults", {"kind": "fail", "count": 5})
    send("DELETE", "/_sandbox/faults")
    assert client.v1.customers.list().data
    pi = client.v1.payment_intents.create(
        params={**CHARGE, "payment_method": "pm_card_threeDSecure2Required"}
    )
    page = send("GET", f"/_sandbox/challenges/{pi.id}").decode()
    assert "Complete authentication" in page and pi.id in page
    assert json.loads(send("POST", f"/_sandbox/challenges/{pi.id}/fail"))["status"] == (
        "requires_payment_method"
    )
