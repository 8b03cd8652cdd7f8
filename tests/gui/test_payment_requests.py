"""Payment requests in the real window with sync running against the sandbox: the request
dialog's QR code decodes (zxing-cpp) to the link it shows; the sandbox's hosted page, opened
in a separate web view as the customer's phone would, takes the card (3D Secure included);
the request and the customer's payments show it paid through sync alone. An expired request
is recorded as such and its page refuses payment. A failed off-session charge goes to the
customer as a link to authenticate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import zxingcpp
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from PySide6.QtWebEngineWidgets import QWebEngineView

from posdesk.domain.money import Money
from posdesk.domain.payment_requests import RequestState
from posdesk.domain.payment_state import PaymentState
from posdesk.gui.payments.payment_table_model import PaymentTableModel
from posdesk.gui.requests.request_dialog import PaymentRequestDialog

TIMEOUT_MS = 20_000
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
    poller = gui_context.sync_engine.poller
    qtbot.waitUntil(lambda: poller.cursor is not None, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(win.customer_page.loaded, timeout=TIMEOUT_MS):
        win.open_customer(shop.customer_id)
    yield win
    win.close()


def decode_qr(dialog: Any) -> str:
    """What a phone's camera reads from the dialog's QR code."""
    pixmap = dialog.qr_label.pixmap()
    assert pixmap is not None and not pixmap.isNull()
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = bytes(image.constBits())
    rows = b"".join(raw[y * stride: y * stride + width] for y in range(height))
    [found] = zxingcpp.read_barcodes(memoryview(rows).cast("B", (height, width)))
    return found.text


class Phone:
    """The customer's phone: a web view of its own on the hosted page."""

    def __init__(self, qtbot: Any, url: str) -> None:
        self.qtbot = qtbot
        self.view = QWebEngineView()
        qtbot.addWidget(self.view)
        self.view.resize(420, 760)
        self.view.show()
        self.view.load(QUrl(url))

    def js(self, code: str) -> Any:
        box: list[Any] = []
        self.view.page().runJavaScript(code, 0, lambda value: box.append(value))
        self.qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT_MS)
        return box[0]

    def wait_state(self, *states: str) -> str:
        found: list[str] = []

        def check() -> bool:
            state = self.js("document.body ? (document.body.dataset.state || '') : ''")
            if state in states:
                found.append(state)
                return True
            return False

        self.qtbot.waitUntil(check, timeout=TIMEOUT_MS)
        return found[0]

    def pay(self, number: str, *, challenge: bool = False) -> None:
        assert self.wait_state("ready") == "ready"
        card = {"number": number, "exp": "12/34", "cvc": "123", "postal": "12345"}
        self.qtbot.waitUntil(
            lambda: self.js(f"__sandboxStripe.autofill({json.dumps(card)})") >= 1,
            timeout=TIMEOUT_MS)
        self.js("document.getElementById('pay').click(); true")
        if challenge:
            self.qtbot.waitUntil(lambda: self.js("__sandboxStripe.challengeOpen()") is True,
                                 timeout=TIMEOUT_MS)
            assert self.js("__sandboxStripe.challenge('complete')") is True
        assert self.wait_state("paid", "error") == "paid"


def open_request(qtbot: Any, win: Any, amount: str, what: str) -> PaymentRequestDialog:
    dialog = win.customer_page.start_payment_request()
    assert dialog is not None
    dialog.amount_edit.setText(amount)
    dialog.description_edit.setText(what)
    with qtbot.waitSignal(dialog.created, timeout=TIMEOUT_MS):
        dialog.create_button.click()
    return dialog


def payment_states(win: Any) -> list[str]:
    model = win.customer_page.payment_model
    return [model.payment_at(r).state for r in range(model.rowCount())]


def test_a_request_paid_on_the_phone_shows_paid_through_sync(
    qtbot: Any, live_window: Any, sandbox: Any
) -> None:
    win = live_window
    dialog = open_request(qtbot, win, "42.50", "Deposit for the repair")
    assert dialog.request is not None and dialog.request.state is RequestState.OPEN
    url = dialog.url_edit.text()
    assert url.startswith(sandbox.base_url + "/c/pay/cs_test_")
    assert decode_qr(dialog) == url
    assert "Time left" in dialog.left_label.text()
    assert dialog.mail_url().startswith("mailto:ada@example.com?subject=")

    phone = Phone(qtbot, decode_qr(dialog))
    phone.pay("4242424242424242")
    # Nothing but sync tells the dialog and the customer's page.
    qtbot.waitUntil(lambda: dialog.request is not None
                    and dialog.request.state is RequestState.PAID, timeout=TIMEOUT_MS)
    assert dialog.state_label.text() == "Paid"
    request_id = dialog.request.id
    qtbot.waitUntil(lambda: PaymentState.SUCCEEDED.value in payment_states(win),
                    timeout=TIMEOUT_MS)
    model = win.customer_page.payment_model
    paid = [model.payment_at(r) for r in range(model.rowCount())
            if model.payment_at(r).id == request_id]
    assert [(p.amount, p.state) for p in paid] == [(4250, PaymentState.SUCCEEDED.value)]
    assert model.data(model.index(0, PaymentTableModel.AMOUNT))
    dialog.accept()


def test_an_expired_request_is_recorded_and_refuses_payment(
    qtbot: Any, live_window: Any
) -> None:
    dialog = open_request(qtbot, live_window, "10.00", "Phone order")
    url = dialog.url_edit.text()
    # The open requests list shows it with its time left.
    listing = live_window.open_payment_requests()
    qtbot.waitUntil(lambda: len(listing.shown) == 1, timeout=TIMEOUT_MS)
    assert listing.table.item(0, listing.FOR).text() == "Phone order"
    assert "min" in listing.table.item(0, listing.LEFT).text()
    listing.accept()
    dialog.expire_button.click()
    qtbot.waitUntil(lambda: dialog.request is not None
                    and dialog.request.state is RequestState.EXPIRED, timeout=TIMEOUT_MS)
    assert not dialog.copy_button.isEnabled() and not dialog.expire_button.isEnabled()
    phone = Phone(qtbot, url)
    assert phone.wait_state("closed") == "closed"
    assert "expired" in phone.js("document.getElementById('message').textContent")
    assert phone.js("document.getElementById('form').hidden") is True
    assert live_window.backend.payment_requests.open_requests(
        live_window.backend.staff) == []


def test_a_failed_off_session_charge_is_sent_as_a_link_to_authenticate(
    qtbot: Any, live_window: Any, shop: Any, sandbox: Any, gui_context: Any
) -> None:
    win = live_window
    card = shop.client.v1.payment_methods.attach(
        "pm_card_authenticationRequired", {"customer": shop.customer_id}).id
    failed = gui_context.charges.charge_saved_card(
        gui_context.staff, shop.customer_id, card, Money(3300, "USD"), "Repair")
    assert failed.state is PaymentState.AUTHENTICATION_REQUIRED
    win.customer_page.start_remote_authentication(failed.payment_id)
    qtbot.waitUntil(lambda: win.customer_page.request_dialog is not None, timeout=TIMEOUT_MS)
    dialog = win.customer_page.request_dialog
    assert dialog.amount_edit.isReadOnly()
    with qtbot.waitSignal(dialog.created, timeout=TIMEOUT_MS):
        dialog.create_button.click()
    phone = Phone(qtbot, decode_qr(dialog))
    phone.pay("4000002760003184", challenge=True)
    qtbot.waitUntil(lambda: dialog.request is not None
                    and dialog.request.state is RequestState.PAID, timeout=TIMEOUT_MS)
    assert gui_context.payment_requests.settle() == 1  # the failed intent is canceled
    intents = shop.client.v1.payment_intents.list({"customer": shop.customer_id}).data
    assert sorted(i.status for i in intents if i.amount == 3300) == ["canceled", "succeeded"]
    qtbot.waitUntil(lambda: sorted(payment_states(win)).count(PaymentState.SUCCEEDED.value)
                    >= 1 and PaymentState.CANCELED.value in payment_states(win),
                    timeout=TIMEOUT_MS)
    dialog.accept()


def test_a_payment_link_is_created_shown_as_a_qr_code_and_deactivated(
    qtbot: Any, live_window: Any
) -> None:
    links = live_window.open_payment_links()
    links.name_edit.setText("Deposit")
    links.amount_edit.setText("50.00")
    with qtbot.waitSignal(links.loaded, timeout=TIMEOUT_MS,
                          check_params_cb=lambda found: bool(found)):
        links.create_button.click()
    [link] = links.links
    assert (link.name, link.amount) == ("Deposit", Money(5000, "USD"))
    assert links.url_edit.text() == link.url
    assert decode_qr(links) == link.url  # the printed code opens the link
    phone = Phone(qtbot, link.url)  # a visit makes a session and shows its page
    assert phone.wait_state("ready") == "ready"
    with qtbot.waitSignal(links.loaded, timeout=TIMEOUT_MS):
        links.deactivate_button.click()
    assert links.links == []
    closed = Phone(qtbot, link.url)
    assert closed.wait_state("closed") == "closed"
    links.accept()
