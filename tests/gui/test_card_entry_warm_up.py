"""The card page is prepared when a card entry is likely (a customer was opened), not at
start-up, and a prepared page left unused is released."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.card_entry_support import WAIT_MS, with_publishable_key


@pytest.fixture
def ready_window(qtbot: Any, window: Any, shop: Any, secret_key: str) -> Any:
    with_publishable_key(window.backend, secret_key)
    window.backend.customers.refresh_from_stripe()
    return window


def test_opening_a_customer_warms_the_card_page_and_idle_releases_it(
    qtbot: Any, ready_window: Any, shop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from posdesk.gui.payments import checkout_view

    monkeypatch.setattr(checkout_view, "SPARE_IDLE_RELEASE_MS", 1500)
    checkout_view.release()  # nothing left over from another test
    ready_window.start_background_tasks()
    qtbot.wait(300)
    assert checkout_view._spare is None  # start-up alone prepares no page

    ready_window.open_customer(shop.customer_id)
    qtbot.waitUntil(checkout_view.is_warm, timeout=WAIT_MS)
    spare = checkout_view._spare

    ready_window.open_customer(shop.customer_id)  # another customer: the same page waits
    assert checkout_view._spare is spare

    qtbot.waitUntil(lambda: checkout_view._spare is None, timeout=WAIT_MS)
    checkout_view.rewarm()  # released: nothing is prepared until a customer is opened again
    assert checkout_view._spare is None
