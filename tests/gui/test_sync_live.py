"""In-app sync end to end: the main window runs the context's real SyncEngine against the
sandbox, and what happens elsewhere (the Dashboard, another terminal, the customer online),
made here directly in the sandbox with stripe-python, shows on the open screens by itself."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThread

from posdesk.domain.changes import Change, ChangeKind
from posdesk.domain.money import Money
from posdesk.domain.payment_state import PaymentState
from posdesk.gui.payments.payment_table_model import PaymentTableModel
from posdesk.gui.shell.sync_bridge import SyncBridge
from posdesk.gui.shell.sync_status import SyncStatusLabel
from posdesk.store.payments import PaymentRepository
from posdesk.sync.status import MODE_POLL, SyncObserver, SyncStatus
from tests.conftest import TEST_WEBHOOK_SECRET

TIMEOUT_MS = 15_000
POLL_S = 0.2


@pytest.fixture
def live_window(qtbot: Any, gui_app: Any, gui_context: Any, shop: Any) -> Iterator[Any]:
    """The main window with sync running (short poll interval) and Ada's page open."""
    from posdesk.gui.shell.main_window import MainWindow

    gui_context.settings.sync_interval_s = POLL_S
    win = MainWindow(gui_context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.sync_control.start()
    qtbot.waitUntil(lambda: gui_context.sync_engine is not None
                    and gui_context.sync_engine.started.is_set(), timeout=TIMEOUT_MS)
    # The first round catches up through the list endpoints (and leaves a cursor); then
    # events are polled.
    poller = gui_context.sync_engine.poller
    qtbot.waitUntil(lambda: poller.cursor is not None
                    and win.sync_status.text().startswith("Sync: polling"), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(win.customer_page.loaded, timeout=TIMEOUT_MS):
        win.open_customer(shop.customer_id)
    yield win
    win.close()


def payment_rows(win: Any) -> list[tuple[str, str]]:
    model = win.customer_page.payment_model
    return [
        (model.data(model.index(r, PaymentTableModel.AMOUNT)),
         model.data(model.index(r, PaymentTableModel.STATE)))
        for r in range(model.rowCount())
    ]


def card_ids(win: Any) -> set[str]:
    model = win.customer_page.card_model
    return {model.card_at(r).id for r in range(model.rowCount())}


def charge_elsewhere(shop: Any, customer_id: str, pm: str, amount: int) -> Any:
    return shop.client.v1.payment_intents.create({
        "amount": amount, "currency": "usd", "customer": customer_id, "payment_method": pm,
        "confirm": True, "off_session": True, "description": "Taken on another terminal",
    })


def test_refund_in_the_dashboard_shows_on_the_open_page(
    qtbot: Any, live_window: Any, gui_context: Any, shop: Any
) -> None:
    result = gui_context.charges.charge_saved_card(
        gui_context.staff, shop.customer_id, shop.card_ids["4242"], Money(2000, "USD"),
        "Coffee beans",
    )
    assert result.state == PaymentState.SUCCEEDED
    record = PaymentRepository(gui_context.store).get(result.payment_id)
    assert record is not None and record.intent_id
    intent_id = record.intent_id
    live_window.customer_page.reload()
    qtbot.waitUntil(lambda: ("$20.00", "Paid") in payment_rows(live_window), timeout=TIMEOUT_MS)

    shop.client.v1.refunds.create({"payment_intent": intent_id, "amount": 500})
    qtbot.waitUntil(
        lambda: ("$20.00", "Partly refunded ($5.00)") in payment_rows(live_window),
        timeout=TIMEOUT_MS,
    )
    shop.client.v1.refunds.create({"payment_intent": intent_id})
    qtbot.waitUntil(lambda: ("$20.00", "Refunded") in payment_rows(live_window),
                    timeout=TIMEOUT_MS)
    record = PaymentRepository(gui_context.store).get(result.payment_id)
    assert record is not None and record.amount_refunded == 2000


def test_a_charge_taken_elsewhere_appears_and_others_do_not_reload(
    qtbot: Any, live_window: Any, gui_context: Any, shop: Any
) -> None:
    loads: list[str] = []
    live_window.customer_page.loaded.connect(loads.append)

    # Another customer's charge: synced into the store, but Ada's page has no reason to reload.
    grace = shop.client.v1.customers.list({"email": "grace@example.com"}).data[0]
    pm = shop.client.v1.payment_methods.attach("pm_card_mastercard", {"customer": grace.id})
    other = charge_elsewhere(shop, grace.id, pm.id, 1234)
    payments = PaymentRepository(gui_context.store)
    qtbot.waitUntil(lambda: payments.get_by_intent(other.id) is not None, timeout=TIMEOUT_MS)
    qtbot.wait(800)
    assert loads == []
    assert ("$12.34", "Paid") not in payment_rows(live_window)

    charge_elsewhere(shop, shop.customer_id, shop.card_ids["4242"], 4321)
    qtbot.waitUntil(lambda: ("$43.21", "Paid") in payment_rows(live_window), timeout=TIMEOUT_MS)
    assert loads and set(loads) == {shop.customer_id}


def test_a_card_removed_elsewhere_disappears(
    qtbot: Any, live_window: Any, shop: Any
) -> None:
    visa = shop.card_ids["4242"]
    assert visa in card_ids(live_window)
    shop.client.v1.payment_methods.detach(visa)
    qtbot.waitUntil(lambda: visa not in card_ids(live_window), timeout=TIMEOUT_MS)
    assert card_ids(live_window) == set(shop.card_ids.values()) - {visa}


def test_search_results_follow_a_customer_renamed_elsewhere(
    qtbot: Any, live_window: Any, shop: Any
) -> None:
    search = live_window.search
    with qtbot.waitSignal(search.results_shown, timeout=TIMEOUT_MS):
        search.search_edit.setText("grace")
    grace = shop.client.v1.customers.list({"email": "grace@example.com"}).data[0]
    shop.client.v1.customers.update(grace.id, {"name": "Grace Brewster Hopper"})

    def shown() -> list[str]:
        return [search.model.customer_at(r).name for r in range(search.model.rowCount())]

    qtbot.waitUntil(lambda: shown() == ["Grace Brewster Hopper"], timeout=TIMEOUT_MS)


def test_status_bar_shows_mode_last_event_and_an_outage(
    qtbot: Any, live_window: Any, sandbox: Any, shop: Any
) -> None:
    label = live_window.sync_status
    assert label.text().startswith("Sync: polling")
    shop.client.v1.customers.create({"name": "Walk-in"})
    qtbot.waitUntil(lambda: "last event" in label.text(), timeout=TIMEOUT_MS)
    assert "behind" in label.text() or "up to date" in label.text()

    sandbox.fail_next(3, 500, path_prefix="/v1/events")
    qtbot.waitUntil(
        lambda: label.text().startswith("Sync: Stripe unreachable, retrying"),
        timeout=TIMEOUT_MS,
    )
    assert label.property("state") == "error"
    qtbot.waitUntil(lambda: label.text().startswith("Sync: polling"), timeout=TIMEOUT_MS)
    assert label.property("state") == MODE_POLL


def test_webhooks_and_polling_together(
    qtbot: Any, gui_app: Any, gui_context: Any, sandbox: Any, shop: Any
) -> None:
    from posdesk.gui.shell.main_window import MainWindow
    from posdesk.services.secret_store import STRIPE_WEBHOOK_SECRET

    gui_context.settings.sync_webhooks = True
    gui_context.settings.relay_port = 0  # any free port
    gui_context.settings.sync_interval_s = 30.0  # only webhooks can be this quick
    gui_context.secrets.set(STRIPE_WEBHOOK_SECRET, TEST_WEBHOOK_SECRET)
    win = MainWindow(gui_context)
    qtbot.addWidget(win)
    win.show()
    try:
        win.sync_control.start()
        qtbot.waitUntil(
            lambda: win.sync_status.text().startswith("Sync: webhooks + polling"),
            timeout=TIMEOUT_MS,
        )
        engine = gui_context.sync_engine
        assert engine is not None and engine.relay_url
        assert engine.relay_url.startswith("http://127.0.0.1:")
        qtbot.waitUntil(lambda: engine.started.is_set(), timeout=TIMEOUT_MS)
        with qtbot.waitSignal(win.customer_page.loaded, timeout=TIMEOUT_MS):
            win.open_customer(shop.customer_id)
        sandbox.set_webhook(engine.relay_url, TEST_WEBHOOK_SECRET)
        visa = shop.card_ids["4242"]
        shop.client.v1.payment_methods.detach(visa)
        qtbot.waitUntil(lambda: visa not in card_ids(win), timeout=TIMEOUT_MS)
    finally:
        sandbox.set_webhook(None, None)
        win.close()
    assert gui_context.sync_engine is None


def test_a_taken_relay_port_leaves_polling_running(
    qtbot: Any, gui_app: Any, gui_context: Any
) -> None:
    from posdesk.gui.shell.main_window import MainWindow
    from posdesk.services.secret_store import STRIPE_WEBHOOK_SECRET

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    gui_context.settings.sync_webhooks = True
    gui_context.settings.relay_port = taken.getsockname()[1]
    gui_context.secrets.set(STRIPE_WEBHOOK_SECRET, TEST_WEBHOOK_SECRET)
    win = MainWindow(gui_context)
    qtbot.addWidget(win)
    win.show()
    try:
        win.sync_control.start()
        qtbot.waitUntil(
            lambda: win.sync_status.text().startswith(
                "Sync: polling (webhook relay could not start)"),
            timeout=TIMEOUT_MS,
        )
        engine = gui_context.sync_engine
        assert engine is not None and engine.relay is None and engine.poller is not None
        assert str(taken.getsockname()[1]) in (gui_context.sync_relay_problem or "")
        assert "polling only" in win.sync_status.toolTip()
    finally:
        win.close()
        taken.close()


def test_new_keys_rebuild_the_engine(
    qtbot: Any, live_window: Any, gui_context: Any, secret_key: str
) -> None:
    first = gui_context.sync_engine
    gui_context.reconfigure(secret_key, None)
    live_window.sync_control.start()
    qtbot.waitUntil(lambda: gui_context.sync_engine not in (None, first), timeout=TIMEOUT_MS)
    assert first.poller is not None and first.poller._thread is None  # the old one stopped
    qtbot.waitUntil(lambda: live_window.sync_status.text().startswith("Sync: polling"),
                    timeout=TIMEOUT_MS)


def test_closing_the_window_stops_sync(live_window: Any, gui_context: Any) -> None:
    engine = gui_context.sync_engine
    assert engine is not None and engine.poller is not None
    assert engine.poller._thread is not None and engine.poller._thread.is_alive()
    live_window.close()
    assert gui_context.sync_engine is None
    assert engine.poller._thread is None  # joined
    assert gui_context.sync_observer.status.mode == "stopped"


class FeedStandIn:
    """The subscribe side of a ChangeFeed; the test calls its subscribers from a thread."""

    def __init__(self) -> None:
        self.subscribers: list[Any] = []

    def subscribe(self, callback: Any) -> Any:
        self.subscribers.append(callback)
        return lambda: self.subscribers.remove(callback)


def test_bridge_delivers_on_the_gui_thread(qtbot: Any, gui_app: Any) -> None:
    observer = SyncObserver()
    feed = FeedStandIn()
    bridge = SyncBridge()
    bridge.attach(observer)
    bridge.attach_feed(feed, own_terminal="till-here")
    seen: list[tuple[str, Any, bool]] = []
    gui_thread = QThread.currentThread()
    bridge.changed.connect(
        lambda s: seen.append(("changed", s, QThread.currentThread() is gui_thread)))
    bridge.status_changed.connect(
        lambda s: seen.append(("status", s, QThread.currentThread() is gui_thread)))
    elsewhere = Change(ChangeKind.CUSTOMER, "cus_1", "cus_1", "till-there", id=7)
    here = Change(ChangeKind.CUSTOMER, "cus_2", "cus_2", "till-here", id=8)

    def from_other_threads() -> None:
        observer.update(mode=MODE_POLL)
        for subscriber in feed.subscribers:
            subscriber([elsewhere, here])
            subscriber([here])  # only this terminal's own: nothing sent

    worker = threading.Thread(target=from_other_threads)
    worker.start()
    worker.join()
    assert seen == []  # queued: nothing runs on the feed's or sync's thread
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    (kind1, status, on_gui1), (kind2, changed, on_gui2) = seen
    assert (kind1, kind2, on_gui1, on_gui2) == ("status", "changed", True, True)
    assert isinstance(status, SyncStatus) and status.mode == MODE_POLL
    assert changed == [elsewhere]
    bridge.detach()
    bridge.detach_feed()
    assert observer.status_callbacks == [] and feed.subscribers == []


def test_status_label_words(qtbot: Any, gui_app: Any) -> None:
    label = SyncStatusLabel()
    qtbot.addWidget(label)
    assert label.text() == "Sync: stopped"
    label.set_status(SyncStatus("reconcile"))
    assert label.text() == "Sync: catching up"
    label.set_engine(webhooks=True, relay_url="http://127.0.0.1:8780/webhooks/stripe",
                     relay_problem=None)
    label.set_status(SyncStatus("poll", last_event_at=1_000_000_000.0, lag_seconds=2.4))
    assert label.text().startswith("Sync: webhooks + polling   ·   last event 2001-09-")
    assert label.text().endswith("2 s behind")
    label.set_status(SyncStatus("poll", lag_seconds=300.0, last_event_at=1.0e9,
                                error="The Stripe key in the settings was not accepted. Fix"))
    assert label.text().startswith("Sync: the Stripe key was not accepted")
    assert "last event" in label.text() and "behind" not in label.text()
    assert label.property("state") == "error" and "#b71c1c" in label.styleSheet()
    label.set_status(SyncStatus("poll", lag_seconds=300.0, last_event_at=1.0e9))
    assert label.text().endswith("5 min behind") and label.styleSheet() == ""


def test_status_label_counts_down_to_the_next_retry_and_says_when_it_caught_up(
    qtbot: Any, gui_app: Any
) -> None:
    label = SyncStatusLabel()
    qtbot.addWidget(label)
    label.set_status(SyncStatus("poll", caught_up_at=time.time()))
    assert label.text().startswith("Sync: polling   ·   caught up ")
    unreachable = "Stripe could not be reached, so nothing was charged."
    label.set_status(SyncStatus("poll", error=unreachable, retry_at=time.time() + 3.4))
    assert label.text() == "Sync: Stripe unreachable, retrying in 3 s" or (
        label.text() == "Sync: Stripe unreachable, retrying in 4 s")
    qtbot.waitUntil(lambda: label.text() == "Sync: Stripe unreachable, retrying in 1 s",
                    timeout=5000)
    qtbot.waitUntil(lambda: label.text() == "Sync: Stripe unreachable, retrying now…",
                    timeout=5000)
    label.set_status(SyncStatus("poll", error=unreachable, retry_at=time.time() + 600))
    assert label.text() == "Sync: Stripe unreachable, retrying in 10 min"
    label.set_status(SyncStatus("poll", error=unreachable))  # e.g. from the relay
    assert label.text() == "Sync: Stripe unreachable, retrying automatically"
    label.set_status(SyncStatus("poll", last_event_at=time.time(), lag_seconds=0.2))
    assert "last event" in label.text() and "up to date" in label.text()


def test_status_label_names_the_terminal_that_syncs(qtbot: Any, gui_app: Any) -> None:
    label = SyncStatusLabel()
    qtbot.addWidget(label)
    label.set_starting()
    label.set_status(SyncStatus("follow", leader="Till 2", last_event_at=1_000_000_000.0))
    assert label.text().startswith("Sync: by Till 2   ·   last event 2001-09-")
    assert "behind" not in label.text() and "takes over" in label.toolTip()
    label.set_status(SyncStatus("follow"))  # the holder's lease just ran out
    assert label.text() == "Sync: by another terminal"
    label.set_status(SyncStatus("poll"))  # this one took over
    assert label.text() == "Sync: polling"
