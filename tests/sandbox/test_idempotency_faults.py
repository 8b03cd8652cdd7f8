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


@pytest.mark.parametrize("status", [502, 503])
def test_stripe_python_retries_survive_faults_in_front_of_idempotency(
    sandbox: SandboxServer, secret_key: str, status: int
) -> None:
    # Rate limits and gateway errors come before the idempotency layer: the library's retry
    # with the same key runs the request.
    retrying = stripe.StripeClient(
        secret_key, base_addresses={"api": sandbox.base_url}, max_network_retries=3
    )
    sandbox.fail_next(2, status=status, path_prefix="/v1/payment_intents")
    pi = retrying.v1.payment_intents.create(params=CHARGE)
    assert pi.status == "succeeded" and sandbox.count("payment_intent") == 1


def test_stripe_python_retries_get_the_saved_500(sandbox: SandboxServer, secret_key: str) -> None:
    # stripe-python retries a 500 with the key it generated: Stripe replays the 500 each time.
    retrying = stripe.StripeClient(
        secret_key, base_addresses={"api": sandbox.base_url}, max_network_retries=2
    )
    sandbox.fail_next(1, status=500, path_prefix="/v1/payment_intents")
    with pytest.raises(stripe.APIError) as info:
        retrying.v1.payment_intents.create(params=CHARGE)
    assert info.value.http_status == 500
    assert info.value.headers["Idempotent-Replayed"] == "true"
    assert sandbox.count("payment_intent") == 0


KEYED = "amount=1000&currency=usd&payment_method=pm_card_visa&confirm=true&metadata[order]=o-1"


def test_500_before_processing_is_saved_and_replayed_and_nothing_exists(
    sandbox: SandboxServer, secret_key: str
) -> None:
    sandbox.fail_next(1, path_prefix="/v1/payment_intents")
    s1, h1, b1 = raw_post(sandbox, "/v1/payment_intents", KEYED, secret_key, "k-500")
    assert s1 == 500 and b1["error"]["type"] == "api_error"
    assert "Idempotent-Replayed" not in h1
    s2, h2, b2 = raw_post(sandbox, "/v1/payment_intents", KEYED, secret_key, "k-500")
    assert (s2, b2) == (500, b1) and h2["Idempotent-Replayed"] == "true"
    assert sandbox.count("payment_intent") == 0 and sandbox.count("charge") == 0
    # The fault is spent: the same request under a new key runs.
    assert raw_post(sandbox, "/v1/payment_intents", KEYED, secret_key, "k-new")[0] == 200


def test_500_after_processing_is_replayed_and_the_intent_is_found_by_lookup(
    client: stripe.StripeClient, sandbox: SandboxServer, secret_key: str
) -> None:
    customer = client.v1.customers.create()
    body = f"{KEYED}&customer={customer.id}"
    sandbox.fail_next(1, path_prefix="/v1/payment_intents", processed=True)
    s1, _, b1 = raw_post(sandbox, "/v1/payment_intents", body, secret_key, "k-done")
    s2, h2, b2 = raw_post(sandbox, "/v1/payment_intents", body, secret_key, "k-done")
    assert s1 == s2 == 500 and b1 == b2 and h2["Idempotent-Replayed"] == "true"
    assert sandbox.count("payment_intent") == 1 and sandbox.count("charge") == 1
    # How a caller settles it: list by customer and match its own metadata.
    [pi] = client.v1.payment_intents.list(params={"customer": customer.id}).data
    assert pi.status == "succeeded" and pi.metadata["order"] == "o-1"
    events = client.v1.events.list(params={"type": "payment_intent.succeeded"}).data
    assert [e.data.object.id for e in events] == [pi.id]


def test_saved_500_refuses_the_key_with_other_params(
    sandbox: SandboxServer, secret_key: str
) -> None:
    sandbox.fail_next(1, path_prefix="/v1/payment_intents")
    assert raw_post(sandbox, "/v1/payment_intents", KEYED, secret_key, "k-mm")[0] == 500
    other = KEYED.replace("amount=1000", "amount=2000")
    status, headers, err = raw_post(sandbox, "/v1/payment_intents", other, secret_key, "k-mm")
    assert status == 400 and err["error"]["type"] == "idempotency_error"
    assert "Idempotent-Replayed" not in headers


def test_429_saves_nothing_and_the_retry_runs(sandbox: SandboxServer, secret_key: str) -> None:
    sandbox.fail_next(1, status=429, path_prefix="/v1/payment_intents")
    s1, _, b1 = raw_post(sandbox, "/v1/payment_intents", KEYED, secret_key, "k-429")
    assert s1 == 429 and b1["error"]["code"] == "rate_limit"
    s2, h2, b2 = raw_post(sandbox, "/v1/payment_intents", KEYED, secret_key, "k-429")
    assert s2 == 200 and b2["status"] == "succeeded" and "Idempotent-Replayed" not in h2
    assert sandbox.count("payment_intent") == 1


def test_invalid_request_saves_nothing_and_leaves_a_500_pending(
    sandbox: SandboxServer, secret_key: str
) -> None:
    # Validation comes before execution: no result is saved for the key, and the injected 500
    # (which strikes only once a request executes) is still waiting for the next one.
    sandbox.fail_next(1, path_prefix="/v1/payment_intents")
    bad = KEYED.replace("amount=1000", "amount=ten")
    for _ in range(2):  # the same invalid request again: validated again, not replayed
        status, headers, err = raw_post(sandbox, "/v1/payment_intents", bad, secret_key, "k-bad")
        assert status == 400 and err["error"]["code"] == "parameter_invalid_integer"
        assert "Idempotent-Replayed" not in headers
    assert raw_post(sandbox, "/v1/payment_intents", KEYED, secret_key, "k-ok")[0] == 500
    assert sandbox.count("payment_intent") == 0
    # Nothing was saved under the invalid request's key: it can still be used once.
    assert raw_post(sandbox, "/v1/payment_intents", KEYED, secret_key, "k-bad")[0] == 200


def test_faults_strike_in_the_order_they_were_added(
    sandbox: SandboxServer, secret_key: str
) -> None:
    sandbox.fail_next(1, status=500, path_prefix="/v1/customers")
    sandbox.fail_next(1, status=429, path_prefix="/v1/customers")
    statuses = [raw_post(sandbox, "/v1/customers", "", secret_key)[0] for _ in range(3)]
    assert statuses == [500, 429, 200]


def test_only_a_500_can_be_processed(sandbox: SandboxServer) -> None:
    with pytest.raises(ValueError):
        sandbox.fail_next(1, status=429, processed=True)


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
    control("/_sandbox/faults", {"kind": "fail", "status": 500, "processed": True})
    for _ in range(2):
        status, headers, _ = raw_post(sandbox, "/v1/customers", "name=Kept", secret_key, "k-c")
        assert status == 500
    assert headers["Idempotent-Replayed"] == "true" and sandbox.count("customer") == 1
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
