"""The sandbox as a program (`python -m posdesk.sandbox`), state surviving a restart, and the
demo seed."""

from __future__ import annotations

import collections
import json
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import stripe

from posdesk.sandbox.cli import run
from posdesk.sandbox.seed import seed_demo
from posdesk.sandbox.server import SandboxServer
from posdesk.sandbox.state import State

from .conftest import make_client


def _start(args: list[str]) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "posdesk.sandbox", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line.startswith("http://127.0.0.1:"), proc.stderr.read() if proc.stderr else line
    return proc, line


def _stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    return proc.wait(timeout=10)


def test_subprocess_with_seed_and_state_file(tmp_path: Path, secret_key: str) -> None:
    state = tmp_path / "sandbox-state.json"
    proc, url = _start(["--seed", "demo", "--state-file", str(state)])
    try:
        with urllib.request.urlopen(url + "/_sandbox/health", timeout=5) as resp:
            assert json.loads(resp.read())["ok"] is True
        api = make_client(url, secret_key)
        page = api.v1.customers.list(params={"limit": 5})
        assert len(page.data) == 5 and page.has_more
        mine = api.v1.customers.create(params={"name": "Survivor"})
    finally:
        assert _stop(proc) == 0
    assert state.exists()
    proc, url = _start(["--seed", "demo", "--state-file", str(state)])
    try:
        api = make_client(url, secret_key)
        assert api.v1.customers.retrieve(mine.id).name == "Survivor"
        found = api.v1.customers.search(params={"query": "name:'Survivor'"}).data
        assert [c.id for c in found] == [mine.id]
    finally:
        assert _stop(proc) == 0


def test_cli_rejects_bad_options(capsys) -> None:
    assert run(["--webhook-url", "http://127.0.0.1:9/x"]) == 2
    assert run(["--webhook-url", "http://127.0.0.1:9/x", "--webhook-secret", "nope"]) == 2


def test_in_process_state_file(tmp_path: Path, secret_key: str) -> None:
    path = tmp_path / "state.json"
    with SandboxServer(state_file=path) as first:
        pi = make_client(first.base_url, secret_key).v1.payment_intents.create(
            params={"amount": 700, "currency": "eur", "payment_method": "pm_card_visa",
                    "confirm": True}
        )  # fmt: skip
    with SandboxServer(state_file=path) as second:
        api = make_client(second.base_url, secret_key)
        again = api.v1.payment_intents.retrieve(pi.id, params={"expand": ["latest_charge"]})
        assert again.status == "succeeded" and again.latest_charge.amount == 700
        assert second.count("payment_intent") == 1
        # the card number behind a restored payment method still behaves as its row says
        api.v1.refunds.create(params={"payment_intent": pi.id})


def test_demo_seed_is_realistic_and_deterministic() -> None:
    now = 1_790_000_000
    a, b = State(), State()
    seed_demo(a, now=now)
    seed_demo(b, now=now)
    assert list(a.objects["customer"]) == list(b.objects["customer"])
    assert list(a.objects["payment_intent"]) == list(b.objects["payment_intent"])
    customers = list(a.objects["customer"].values())
    assert 200 <= len(customers) <= 500
    assert len({c["address"]["country"] for c in customers}) >= 8
    assert any(not c["name"].isascii() for c in customers)
    spread = max(c["created"] for c in customers) - min(c["created"] for c in customers)
    assert spread > 14 * 86400 and max(c["created"] for c in customers) < now
    pms = [p for p in a.objects["payment_method"].values() if p["customer"]]
    assert len({p["card"]["brand"] for p in pms}) >= 4
    year, month = time.gmtime(now).tm_year, time.gmtime(now).tm_mon
    expired = [p for p in pms if (p["card"]["exp_year"], p["card"]["exp_month"]) < (year, month)]
    soon = [p for p in pms if (p["card"]["exp_year"], p["card"]["exp_month"]) == (year, month)]
    assert expired and soon
    statuses = collections.Counter(p["status"] for p in a.objects["payment_intent"].values())
    assert statuses["succeeded"] > 100 and statuses["requires_payment_method"] > 5
    refunds = list(a.objects["refund"].values())
    assert refunds and any(
        r["amount"] < a.objects["charge"][r["charge"]]["amount"] for r in refunds
    )
    pay_times = [p["created"] for p in a.objects["payment_intent"].values()]
    assert max(pay_times) - min(pay_times) > 14 * 86400


def test_seeded_server_serves_history(secret_key: str) -> None:
    with SandboxServer(seed="demo") as server:
        api = make_client(server.base_url, secret_key)
        failed = api.v1.events.list(params={"type": "payment_intent.payment_failed", "limit": 3})
        assert len(failed.data) == 3
        customer = api.v1.customers.list(params={"limit": 1}).data[0]
        assert customer.name
        found = api.v1.customers.search(params={"query": f"email:'{customer.email}'"}).data
        assert customer.id in [c.id for c in found]


def test_seeded_events_older_than_stripe_keeps_are_gone(secret_key: str) -> None:
    # Stripe lists and retrieves events of the last 30 days only; the seed's first customers
    # were made eight weeks back, so their events are not kept (and not held in memory).
    with SandboxServer(seed="demo") as server:
        api = make_client(server.base_url, secret_key)
        kept_since = int(time.time()) - 30 * 86400
        stored = server.state.objects["event"].values()
        assert stored and min(e["created"] for e in stored) >= kept_since - 60
        oldest = min(server.state.objects["customer"].values(), key=lambda c: c["created"])
        assert oldest["created"] < kept_since  # the customer stays; its event does not
        created = api.v1.events.list(params={"type": "customer.created", "limit": 100})
        assert oldest["id"] not in [e.data.object["id"] for e in created.data]

        # An event that ages past 30 days while the sandbox runs is no longer retrieved.
        event = next(iter(stored))
        api.v1.events.retrieve(event["id"])
        event["created"] = kept_since - 3600
        with pytest.raises(stripe.InvalidRequestError) as gone:
            api.v1.events.retrieve(event["id"])
        assert gone.value.http_status == 404 and gone.value.code == "resource_missing"
