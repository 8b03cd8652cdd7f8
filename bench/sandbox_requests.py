"""Sandbox throughput: requests per second for customer retrieve and for payment intent
create+confirm (one request, `confirm=true`), driven by stripe-python over HTTP.

    python bench/sandbox_requests.py                 # 2,000 requests each, 1 and 8 clients
    python bench/sandbox_requests.py --requests 500 --clients 1 4 16
"""

from __future__ import annotations

import argparse
import secrets
import threading
import time
from collections.abc import Callable

import stripe

from posdesk.sandbox.server import SandboxServer


def _client(base_url: str, key: str) -> stripe.StripeClient:
    return stripe.StripeClient(key, base_addresses={"api": base_url}, max_network_retries=0)


MakeCall = Callable[[stripe.StripeClient], Callable[[], None]]


def measure(total: int, clients: int, make_call: MakeCall, base_url: str, key: str) -> float:
    """Run `total` calls spread over `clients` threads (one HTTP session each); return rps."""
    per_client = total // clients
    calls = [make_call(_client(base_url, key)) for _ in range(clients)]
    for call in calls:  # warm up connections
        call()
    barrier = threading.Barrier(clients + 1)

    def worker(call: Callable[[], None]) -> None:
        barrier.wait()
        for _ in range(per_client):
            call()

    threads = [threading.Thread(target=worker, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    return per_client * clients / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    args = parser.parse_args()
    key = "sk_test_" + secrets.token_hex(12)
    with SandboxServer() as server:
        setup = _client(server.base_url, key)
        customer = setup.v1.customers.create(params={"name": "Bench Mark"})

        def retrieve(c: stripe.StripeClient) -> Callable[[], None]:
            return lambda: c.v1.customers.retrieve(customer.id)

        def charge(c: stripe.StripeClient) -> Callable[[], None]:
            params = {"amount": 1234, "currency": "usd", "payment_method": "pm_card_visa",
                      "confirm": True, "off_session": True}  # fmt: skip
            return lambda: c.v1.payment_intents.create(params=params)

        print(f"{'operation':<34} {'clients':>7} {'req/s':>9}")
        for name, make_call in (("customer retrieve", retrieve),
                                ("payment intent create+confirm", charge)):  # fmt: skip
            for clients in args.clients:
                rps = measure(args.requests, clients, make_call, server.base_url, key)
                print(f"{name:<34} {clients:>7} {rps:>9.0f}")


if __name__ == "__main__":
    main()
