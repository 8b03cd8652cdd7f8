"""The customer import: resumable first import, and restarts that fetch only what changed
(real sandbox; SQLite, and PostgreSQL when POSDESK_TEST_DATABASE_URL is set)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from posdesk.services.customers import EVENT_RETENTION_S, CustomerService
from posdesk.store import customer_import
from posdesk.store.customer_import import COMPLETE, IMPORTING, ImportProgress
from posdesk.store.customers import CustomerData
from posdesk.store.database import Store, open_store
from posdesk.store.sync_state import SyncValues
from posdesk.sync import poller
from tests.gateway.sandbox_api import call, new_customer

# Who reads customers in these tests (every role may).
READER = StaffMember(id="staff-7", name="Cory Cashier", role=Role.CASHIER)


class RecordingGateway(StripeGateway):
    """The real gateway, noting each customer read it sends to Stripe."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls: list[tuple[str, Any]] = []

    def list_customers(self, **params: Any) -> tuple[list[CustomerData], bool]:
        self.calls.append(("list", dict(params)))
        return super().list_customers(**params)

    def retrieve_customer(self, customer_id: str) -> CustomerData:
        self.calls.append(("retrieve", customer_id))
        return super().retrieve_customer(customer_id)

    def lists(self) -> list[dict[str, Any]]:
        return [params for kind, params in self.calls if kind == "list"]


@pytest.fixture
def stripe_clock(sandbox) -> list[int]:
    """The sandbox's clock, moved by hand: each customer gets its own `created` second."""
    now = [int(time.time()) - 3600]
    sandbox.state.clock = lambda: now[0]
    return now


def add_customers(sandbox, key: str, clock: list[int], names: list[str]) -> list[str]:
    ids = []
    for name in names:
        clock[0] += 1
        ids.append(new_customer(sandbox.base_url, key, name))
    return ids


@pytest.fixture
def open_again(store_url: str) -> Iterator[Any]:
    """Opens the store under test; each call is a launch of the app on the same database."""
    opened: list[Store] = []

    def launch() -> Store:
        if opened:
            opened[-1].close()
        opened.append(open_store(store_url))
        return opened[-1]

    yield launch
    opened[-1].close()


def new_service(store: Store, sandbox, key: str) -> tuple[CustomerService, RecordingGateway]:
    gateway = RecordingGateway(key, sandbox.base_url, timeout=5)
    service = CustomerService(store, gateway)
    service.page_size = 3
    return service, gateway


def poller_caught_up(store: Store, created: float) -> None:
    """What the event poller leaves in the store after a round (sync/poller.py)."""
    values = SyncValues(store)
    values.set(poller.CURSOR, "evt_newest_applied")
    values.set(poller.CURSOR_CREATED, str(int(created)))


def test_the_import_reads_the_pollers_own_cursor_names() -> None:
    assert customer_import.POLLER_CURSOR == poller.CURSOR
    assert customer_import.POLLER_CURSOR_CREATED == poller.CURSOR_CREATED
    assert customer_import.POLLER_NO_EVENTS_YET == poller.NO_EVENTS_YET


def test_a_restart_with_known_customers_fetches_only_new_ones(
    sandbox, secret_key, stripe_clock, open_again
) -> None:
    add_customers(sandbox, secret_key, stripe_clock, [f"Known {i}" for i in range(7)])
    first, gateway = new_service(open_again(), sandbox, secret_key)
    progress: list[int] = []
    assert first.refresh_from_stripe(progress=progress.append) == 7
    assert progress == [3, 6, 7]
    assert len(gateway.lists()) == 3  # the whole list, once
    state = first.import_progress.load()
    assert state is not None and state.phase == COMPLETE
    assert state.high_water == stripe_clock[0]  # the newest customer's `created`
    poller_caught_up(first.store, time.time())

    # Meanwhile at Stripe: one new customer.
    [added] = add_customers(sandbox, secret_key, stripe_clock, ["Nora Newcomer"])
    service, gateway = new_service(open_again(), sandbox, secret_key)
    stored = service.refresh_from_stripe()
    assert gateway.lists() == [{"limit": 3, "created_gte": state.high_water}]
    assert stored == 2  # the new one, and the one of the mark's own second again
    assert [c.id for c in service.search(READER, "nora newcomer")] == [added]
    assert service.customers.count() == 8
    later = service.import_progress.load()
    assert later is not None and later.high_water == stripe_clock[0]

    # Nothing new: one short page.
    service, gateway = new_service(open_again(), sandbox, secret_key)
    assert service.refresh_from_stripe() == 1
    assert gateway.lists() == [{"limit": 3, "created_gte": stripe_clock[0]}]


def test_without_a_recent_event_cursor_a_restart_imports_everything_again(
    sandbox, secret_key, stripe_clock, open_again
) -> None:
    add_customers(sandbox, secret_key, stripe_clock, [f"Known {i}" for i in range(4)])
    first, _ = new_service(open_again(), sandbox, secret_key)
    assert first.refresh_from_stripe() == 4

    # The poller never caught up: updates and deletions may be missing.
    service, gateway = new_service(open_again(), sandbox, secret_key)
    assert service.refresh_from_stripe() == 4
    assert gateway.lists()[0] == {"limit": 3}

    # Its cursor is older than Stripe keeps events: the same.
    poller_caught_up(service.store, time.time() - EVENT_RETENTION_S - 60)
    service, gateway = new_service(open_again(), sandbox, secret_key)
    assert service.refresh_from_stripe() == 4
    assert gateway.lists()[0] == {"limit": 3}

    # F5's full refresh does it on request.
    poller_caught_up(service.store, time.time())
    service, gateway = new_service(open_again(), sandbox, secret_key)
    assert service.refresh_from_stripe(full=True) == 4
    assert [p.get("created_gte") for p in gateway.lists()] == [None, None]


def test_an_interrupted_import_resumes_after_the_last_stored_page(
    sandbox, secret_key, stripe_clock, open_again
) -> None:
    ids = add_customers(sandbox, secret_key, stripe_clock, [f"Person {i}" for i in range(8)])
    newest_first = list(reversed(ids))
    first, _ = new_service(open_again(), sandbox, secret_key)
    pages: list[int] = []
    # The cashier closes the window after the first page.
    assert first.refresh_from_stripe(progress=pages.append, should_stop=lambda: bool(pages)) == 3
    state = first.import_progress.load()
    assert state is not None and state.phase == IMPORTING
    assert (state.cursor, state.count) == (newest_first[2], 3)

    service, gateway = new_service(open_again(), sandbox, secret_key)
    progress: list[int] = []
    assert service.refresh_from_stripe(progress=progress.append) == 5
    assert progress == [6, 8]  # counting on from the first launch
    assert gateway.calls[0] == ("retrieve", newest_first[2])
    # No page already stored is read again.
    assert gateway.lists() == [
        {"limit": 3, "starting_after": newest_first[2]},
        {"limit": 3, "starting_after": newest_first[5]},
    ]
    assert service.customers.count() == 8
    done = service.import_progress.load()
    assert done is not None and done.phase == COMPLETE and done.count == 8
    assert done.high_water == state.high_water  # the newest when the import began


def test_a_resume_whose_last_customer_was_deleted_goes_on_by_its_created_time(
    sandbox, secret_key, stripe_clock, open_again
) -> None:
    ids = add_customers(sandbox, secret_key, stripe_clock, [f"Person {i}" for i in range(6)])
    newest_first = list(reversed(ids))
    first, _ = new_service(open_again(), sandbox, secret_key)
    pages: list[int] = []
    first.refresh_from_stripe(progress=pages.append, should_stop=lambda: bool(pages))
    call(sandbox.base_url, secret_key, "DELETE", f"/v1/customers/{newest_first[2]}")

    service, gateway = new_service(open_again(), sandbox, secret_key)
    assert service.refresh_from_stripe() == 3
    created = stripe_clock[0] - 2  # of the deleted cursor (one second per customer)
    assert gateway.lists() == [{"limit": 3, "created_lte": created}]
    assert {c.id for c in service.search(READER, "person", limit=20)} >= set(newest_first[3:])
    state = service.import_progress.load()
    assert state is not None and state.phase == COMPLETE


def test_new_keys_of_the_other_mode_import_afresh(
    sandbox, secret_key, stripe_clock, open_again
) -> None:
    add_customers(sandbox, secret_key, stripe_clock, ["Ann Example"])
    service, _ = new_service(open_again(), sandbox, secret_key)
    service.refresh_from_stripe()
    progress = ImportProgress(service.store)
    state = progress.load()
    assert state is not None
    from dataclasses import replace

    progress.save(replace(state, mode="live"))  # as if imported with live keys
    poller_caught_up(service.store, time.time())
    service, gateway = new_service(open_again(), sandbox, secret_key)
    service.refresh_from_stripe()
    assert gateway.lists() == [{"limit": 3}]
