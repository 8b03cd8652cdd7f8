"""A customer's payments, a page at a time: the keyset query on every store backend, and the
payments table fetching older pages as the cashier scrolls."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex

from posdesk.backend import PaymentRecord, Store, page_key
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.payments.payment_table_model import PaymentTableModel
from posdesk.store.database import open_store
from posdesk.store.payment_pages import customer_payments_page

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    store = open_store(store_url)
    try:
        yield store
    finally:
        store.close()


def add_payments(store: Store, customer_id: str, count: int, *, same_instant: int = 0) -> None:
    """`count` payments a minute apart; the last `same_instant` of them share one moment
    (the id breaks the tie)."""
    with store.session() as session:
        for n in range(count):
            minute = min(n, count - same_instant) if same_instant else n
            session.add(PaymentRecord(
                id=f"{customer_id}-{n:03d}", idempotency_key=f"{customer_id}-key-{n}",
                customer_id=customer_id, amount=100 + n, currency="usd", state="succeeded",
                staff_id="staff-test", created_at=START + timedelta(minutes=minute)))


def every_page(store: Store, customer_id: str, size: int) -> list[list[str]]:
    pages, after = [], None
    while True:
        page = customer_payments_page(store, customer_id, after, size)
        if not page:
            return pages
        pages.append([p.id for p in page])
        after = page_key(page[-1])


def test_pages_walk_every_payment_once_newest_first(store: Store) -> None:
    add_payments(store, "cus_a", 23, same_instant=5)
    add_payments(store, "cus_b", 4)
    pages = every_page(store, "cus_a", 10)
    assert [len(p) for p in pages] == [10, 10, 3]
    walked = [pid for page in pages for pid in page]
    expected = [p.id for p in sorted(
        customer_payments_page(store, "cus_a", None, 100),
        key=lambda p: (p.created_at, p.id), reverse=True)]
    assert walked == expected and len(set(walked)) == 23
    assert all(pid.startswith("cus_a") for pid in walked)


def test_a_payment_made_meanwhile_neither_repeats_nor_hides_a_row(store: Store) -> None:
    add_payments(store, "cus_a", 12)
    first = customer_payments_page(store, "cus_a", None, 5)
    with store.session() as session:  # another terminal takes a payment now
        session.add(PaymentRecord(id="cus_a-new", idempotency_key="new", customer_id="cus_a",
                                  amount=1, currency="usd", state="succeeded",
                                  staff_id="staff-test", created_at=START + timedelta(days=1)))
    rest = customer_payments_page(store, "cus_a", page_key(first[-1]), 50)
    ids = [p.id for p in first + rest]
    assert len(ids) == len(set(ids)) == 12 and "cus_a-new" not in ids


@pytest.mark.gui
def test_the_table_fetches_older_payments_as_it_scrolls(qtbot, gui_app, tmp_store) -> None:
    add_payments(tmp_store, "cus_a", 45)
    runner = TaskRunner()
    model = PaymentTableModel("en_US", None, runner)
    first = customer_payments_page(tmp_store, "cus_a", None, 20)

    def older(after, limit):
        return customer_payments_page(tmp_store, "cus_a", after, limit)

    model.set_payments(first, older, page_size=20)
    assert model.rowCount() == 20 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())  # one page at a time
    qtbot.waitUntil(lambda: model.rowCount() == 45, timeout=5000)
    assert not model.canFetchMore(QModelIndex())  # the last page was short: that is all
    amounts = [model.data(model.index(r, PaymentTableModel.AMOUNT)) for r in range(45)]
    assert amounts[0] == "$1.44" and amounts[-1] == "$1.00"

    # A short first page is everything: nothing to fetch.
    model.set_payments(first[:3], older, page_size=20)
    assert model.rowCount() == 3 and not model.canFetchMore(QModelIndex())
    assert runner.wait_for_done()  # no worker outlives the runner this test made
