"""Hypothesis sends random bodies and query strings to every route: the sandbox answers
2xx or 4xx with a Stripe-shaped body, never 5xx, and keeps serving."""

from __future__ import annotations

import json
import secrets
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402

from posdesk.sandbox.routes import ROUTES  # noqa: E402
from posdesk.sandbox.server import SandboxServer  # noqa: E402

# Keep hypothesis's working files out of the checkout.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="posdesk-hypothesis-"))
KEY = "sk_test_" + secrets.token_hex(12)
NAMES = ["amount", "currency", "customer", "payment_method", "confirm", "off_session",
         "capture_method", "setup_future_usage", "metadata", "expand", "created", "limit",
         "starting_after", "ending_before", "query", "email", "name", "type", "card",
         "amount_to_capture", "payment_intent", "charge", "reason", "usage", "client_secret",
         "payment_method_data", "invoice_settings", "types", "page"]  # fmt: skip
SUFFIXES = ["", "[]", "[0]", "[number]", "[gt]", "[a][b]", "[", "]"]
VALUES = st.one_of(
    st.sampled_from(["", "1", "0", "-1", "true", "false", "usd", "pm_card_visa", "manual",
                     "4242424242424242", "99999999999999999999", "name~'abc'", "cus_x"]),
    st.text(max_size=12),
)  # fmt: skip


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    srv = SandboxServer().start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def ids(server: SandboxServer) -> dict[str, str]:
    def post(path: str, body: str) -> dict:
        req = urllib.request.Request(
            server.base_url + path, data=body.encode(),
            headers={"Authorization": f"Bearer {KEY}"}, method="POST",
        )  # fmt: skip
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.loads(resp.read())

    cus = post("/v1/customers", "name=Fuzz")["id"]
    pm = post("/v1/payment_methods/pm_card_visa/attach", f"customer={cus}")["id"]
    pi = post("/v1/payment_intents", "amount=1000&currency=usd")["id"]
    seti = post("/v1/setup_intents", "")["id"]
    refund_pi = post(
        "/v1/payment_intents", "amount=1000&currency=usd&payment_method=pm_card_visa&confirm=true"
    )
    refund = post("/v1/refunds", f"payment_intent={refund_pi['id']}&amount=100")["id"]
    return {
        "customer_id": cus, "pm_id": pm, "pi_id": pi, "si_id": seti, "refund_id": refund,
        "charge_id": refund_pi["latest_charge"], "event_id": "evt_missing",
    }  # fmt: skip


def _path(route_index: int, ids: dict[str, str]) -> tuple[str, str]:
    route = ROUTES[route_index]
    path = route.pattern.pattern.strip("^$")
    for name, value in ids.items():
        path = path.replace(f"(?P<{name}>[A-Za-z0-9_]+)", value)
    return route.method, path


@settings(
    max_examples=300,
    database=None,  # no example database left in the checkout
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    route=st.integers(min_value=0, max_value=len(ROUTES) - 1),
    pairs=st.lists(
        st.tuples(st.sampled_from(NAMES), st.sampled_from(SUFFIXES), VALUES), max_size=6
    ),
    raw=st.one_of(st.none(), st.binary(max_size=64)),
)
def test_random_requests_get_stripe_shaped_answers(
    server: SandboxServer, ids: dict[str, str], route: int, pairs, raw
) -> None:
    method, path = _path(route, ids)
    encoded = "&".join(
        f"{urllib.parse.quote(n + s, safe='[]')}={urllib.parse.quote(v)}" for n, s, v in pairs
    )
    body = raw if raw is not None else encoded.encode()
    if method == "POST":
        url, data = server.base_url + path, body
    else:
        url, data = server.base_url + path + "?" + urllib.parse.quote(body, safe="=&[]%"), None
    req = urllib.request.Request(
        url, data=data, headers={"Authorization": f"Bearer {KEY}"}, method=method
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            status, payload = resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        status, payload = err.code, json.loads(err.read())
    assert 200 <= status < 500, (method, path, body, payload)
    if status >= 400:
        assert set(payload) == {"error"} and payload["error"]["message"]
        assert payload["error"]["type"] in {
            "invalid_request_error",
            "card_error",
            "idempotency_error",
        }
    else:
        assert "object" in payload
