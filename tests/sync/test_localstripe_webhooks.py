"""localstripe (a third-party Stripe fake) signs and sends its own webhooks to the relay:
accepted with the right secret, refused with a wrong one."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import requests

from posdesk.store.customers import CustomerRepository
from posdesk.sync.applier import EventApplier
from posdesk.sync.relay import WebhookRelay
from tests.conftest import TEST_SECRET_KEY, TEST_WEBHOOK_SECRET
from tests.localstripe_server import run_localstripe


@pytest.fixture(scope="module")
def localstripe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with run_localstripe(tmp_path_factory.mktemp("localstripe")) as url:
        yield url


def create_customer(base: str, name: str) -> str:
    response = requests.post(
        base + "/v1/customers", data={"name": name}, auth=(TEST_SECRET_KEY, ""), timeout=10
    )
    response.raise_for_status()
    return response.json()["id"]


def point_webhook(base: str, url: str, secret: str) -> None:
    requests.post(
        base + "/_config/webhooks/posdesk", json={"url": url, "secret": secret}, timeout=10
    ).raise_for_status()


def test_localstripe_webhooks_reach_the_store_only_with_the_right_secret(
    localstripe: str, tmp_store
) -> None:
    relay = WebhookRelay(tmp_store, EventApplier(tmp_store), TEST_WEBHOOK_SECRET).start()
    customers = CustomerRepository(tmp_store)
    try:
        point_webhook(localstripe, relay.url, TEST_WEBHOOK_SECRET)
        accepted = create_customer(localstripe, "Lena Local")
        deadline = time.monotonic() + 15
        while customers.get(accepted) is None:
            assert time.monotonic() < deadline, "localstripe's event never reached the store"
            time.sleep(0.1)
        assert customers.get(accepted).name == "Lena Local"
        assert relay.counters.rejected == 0

        point_webhook(localstripe, relay.url, "whsec_" + "0" * 32)
        refused = create_customer(localstripe, "Rex Refused")
        deadline = time.monotonic() + 15
        while relay.counters.rejected == 0:
            assert time.monotonic() < deadline, "localstripe's delivery never came"
            time.sleep(0.1)
        time.sleep(0.3)
        assert customers.get(refused) is None
    finally:
        relay.stop()
