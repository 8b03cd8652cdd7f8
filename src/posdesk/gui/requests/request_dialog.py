"""Ask a customer to pay away from the counter: a payment request (Stripe's hosted page).

The form: amount, what it is for, how long the link stays open (Stripe allows 30 minutes to
24 hours), and "save the card for later" (a customer on file only). Then: the QR code to
scan with a phone, the link to copy, "Send by email" (the operating system's mail client
with the message prepared) and the live state with the time left. The state follows the
change feed (SyncBridge.changed: sync records the payment and ends the request), and is read
again every few seconds while the dialog is open in case no feed is running. "Expire now"
ends the link at Stripe.

For a payment that failed because the customer must authenticate (an off-session charge),
the same dialog sends a link for that payment's amount (`retry_payment`): the customer
completes 3D Secure on Stripe's page, and the failed attempt is canceled once it is paid.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, PaymentRecord
from posdesk.domain.changes import Change, ChangeKind
from posdesk.domain.money import AmountError, parse_amount
from posdesk.domain.payment_requests import (
    DEFAULT_EXPIRY,
    DESCRIPTION_LIMIT,
    REQUEST_STATE_WORDS,
    PaymentRequestView,
    RequestState,
)
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import money_text
from posdesk.gui.messages import words
from posdesk.gui.payments.dialog_parts import busy_indicator, button_row
from posdesk.gui.requests.mail_link import mailto_url
from posdesk.gui.requests.qr_code import qr_pixmap
from posdesk.gui.shell.sync_bridge import SyncBridge

# Read the request again this often while it is open (the feed usually says it first).
REFRESH_MS = 5_000
TICK_MS = 1_000
EXPIRY_CHOICES = (timedelta(minutes=30), timedelta(hours=1), timedelta(hours=4),
                  timedelta(hours=24))


def left_text(left: timedelta) -> str:
    """"1 h 05 min", "4 min 10 s"."""
    seconds = int(left.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s"


class PaymentRequestDialog(QDialog):
    created = Signal(object)  # PaymentRequestView, once the link exists
    status_changed = Signal(object)  # PaymentRequestView, each time it is read

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        *,
        customer_id: str | None,
        customer_name: str | None = None,
        email: str | None = None,
        bridge: SyncBridge | None = None,
        retry_payment: PaymentRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._customer_id = customer_id
        self._email = email
        self._retry = retry_payment
        self.request: PaymentRequestView | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Request a payment"))
        self.setMinimumWidth(520)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_form(customer_name))
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._show_time_left)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        if bridge is not None:
            bridge.changed.connect(self.changes_arrived)
        if retry_payment is not None:
            self._fill_retry(retry_payment)

    def _locale(self) -> str:
        return self._backend.shop_settings.get().locale or "en_US"

    def _currency(self) -> str:
        return self._backend.shop_settings.get().currency or "USD"

    # --- the form -----------------------------------------------------------------------------

    def _build_form(self, customer_name: str | None) -> QWidget:
        page = QWidget(self)
        who = customer_name or self.tr("Walk-in customer (no customer record)")
        self.who_label = QLabel(who, page)
        self.who_label.setObjectName("customerName")
        self.amount_edit = QLineEdit(page)
        self.amount_edit.setObjectName("requestAmount")
        self.amount_edit.setPlaceholderText(self.tr("Amount in %1").replace("%1",
                                                                           self._currency()))
        self.description_edit = QLineEdit(page)
        self.description_edit.setObjectName("requestDescription")
        self.description_edit.setMaxLength(DESCRIPTION_LIMIT)
        self.description_edit.setPlaceholderText(self.tr("What it is for, e.g. Deposit"))
        self.expiry_combo = QComboBox(page)
        for choice in EXPIRY_CHOICES:
            self.expiry_combo.addItem(self._expiry_words(choice), choice)
        self.expiry_combo.setCurrentIndex(EXPIRY_CHOICES.index(DEFAULT_EXPIRY))
        self.save_check = QCheckBox(self.tr("Save the card for later payments"), page)
        self.save_check.setEnabled(self._customer_id is not None)
        if self._customer_id is None:
            self.save_check.setToolTip(self.tr("Only a customer on file can have a saved card."))
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.who_label)
        form.addRow(self.tr("Amount"), self.amount_edit)
        form.addRow(self.tr("For"), self.description_edit)
        form.addRow(self.tr("Link open for"), self.expiry_combo)
        form.addRow("", self.save_check)
        self.form_error = QLabel(page)
        self.form_error.setObjectName("errorLabel")
        self.form_error.setWordWrap(True)
        self.busy_label, self.busy_bar = busy_indicator(page)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.clicked.connect(self.reject)
        self.create_button = QPushButton(self.tr("Create link"), page)
        self.create_button.setObjectName("createRequest")
        self.create_button.clicked.connect(self.submit)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)
        layout.addLayout(button_row(self.cancel_button, self.create_button))
        return page

    def _expiry_words(self, choice: timedelta) -> str:
        minutes = int(choice.total_seconds() // 60)
        if minutes < 60:
            return self.tr("%1 minutes").replace("%1", str(minutes))
        if minutes == 60:
            return self.tr("1 hour")
        return self.tr("%1 hours").replace("%1", str(minutes // 60))

    def _fill_retry(self, payment: PaymentRecord) -> None:
        self.setWindowTitle(self.tr("Send a link to authenticate"))
        self.amount_edit.setText(money_text(payment.amount, payment.currency, self._locale()))
        self.amount_edit.setReadOnly(True)
        self.description_edit.setText(payment.description or "")
        self.description_edit.setReadOnly(True)
        self.save_check.setEnabled(False)
        self.create_button.setText(self.tr("Send link"))

    def submit(self) -> None:
        """Create the request (off the GUI thread); the link appears when Stripe made it."""
        if self.busy:
            return
        self.form_error.clear()
        expires_in: timedelta = self.expiry_combo.currentData()
        requests = self._backend.payment_requests
        staff = self._backend.staff
        if self._retry is not None:
            payment_id = self._retry.id

            def create() -> PaymentRequestView:
                return requests.request_authentication(staff, payment_id,
                                                       expires_in=expires_in)
        else:
            try:
                amount = parse_amount(self.amount_edit.text(), self._currency(), self._locale())
            except AmountError as exc:
                self.form_error.setText(words(exc.message))
                self.amount_edit.setFocus()
                return
            description = self.description_edit.text()
            customer_id, save = self._customer_id, self.save_check.isChecked()

            def create() -> PaymentRequestView:
                return requests.create(staff, amount, description, customer_id=customer_id,
                                       expires_in=expires_in, save_card=save)
        self._set_busy(True, self.tr("Creating the link with Stripe…"))
        self._runner.op(create).success(self._created).failure(self._create_failed).run()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        self.create_button.setEnabled(not busy)

    def _create_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.form_error.setText(error_words(
            exc, fallback=self.tr("The link could not be created."),
            doing="payment request").text)

    def _created(self, view: PaymentRequestView) -> None:
        self._set_busy(False)
        if view.state is RequestState.FAILED:
            self.form_error.setText(words(view.error_message or "") or self.tr(
                "Stripe refused to create the link."))
            return
        self._show(view)
        self.stack.setCurrentIndex(1)
        self._tick.start()
        self._refresh_timer.start()
        self.created.emit(view)

    # --- the link -----------------------------------------------------------------------------

    def _build_result(self) -> QWidget:
        page = QWidget(self)
        self.amount_label = QLabel(page)
        self.amount_label.setObjectName("requestAmountShown")
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.amount_label.setWordWrap(True)
        font = self.amount_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.amount_label.setFont(font)
        self.qr_label = QLabel(page)
        self.qr_label.setObjectName("requestQr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setAccessibleName(self.tr("QR code of the payment link"))
        scan = QLabel(self.tr("The customer scans the code with a phone, or opens the link."),
                      page)
        scan.setWordWrap(True)
        scan.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.url_edit = QLineEdit(page)
        self.url_edit.setObjectName("requestUrl")
        self.url_edit.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy link"), page)
        self.copy_button.clicked.connect(self.copy_link)
        self.email_button = QPushButton(self.tr("Send by email…"), page)
        self.email_button.clicked.connect(self.send_email)
        link_row = QHBoxLayout()
        link_row.addWidget(self.url_edit, 1)
        link_row.addWidget(self.copy_button)
        link_row.addWidget(self.email_button)
        self.state_label = QLabel(page)
        self.state_label.setObjectName("requestState")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.left_label = QLabel(page)
        self.left_label.setObjectName("requestTimeLeft")
        self.left_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label = QLabel(page)
        self.note_label.setObjectName("hint")
        self.note_label.setWordWrap(True)
        self.expire_button = QPushButton(self.tr("Expire now"), page)
        self.expire_button.setObjectName("expireRequest")
        self.expire_button.clicked.connect(self.expire_now)
        self.close_button = QPushButton(self.tr("Close"), page)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.qr_label, 1)
        layout.addWidget(scan)
        layout.addLayout(link_row)
        layout.addWidget(self.state_label)
        layout.addWidget(self.left_label)
        layout.addWidget(self.note_label)
        layout.addLayout(button_row(self.expire_button, self.close_button))
        return page

    def _show(self, view: PaymentRequestView) -> None:
        first = self.request is None
        self.request = view
        if first or (view.url and view.url != self.url_edit.text()):
            self.url_edit.setText(view.url or "")
            self.url_edit.setCursorPosition(0)  # the start of the link says where it goes
            if view.url:
                self.qr_label.setPixmap(qr_pixmap(view.url))
            self.amount_label.setText(
                f"{money_text(view.amount.amount, view.amount.currency, self._locale())}"
                f" · {view.description}")
        self.state_label.setText(words(REQUEST_STATE_WORDS[view.state]))
        final = view.state.is_final
        self.expire_button.setEnabled(view.state is RequestState.OPEN)
        self.copy_button.setEnabled(not final and bool(view.url))
        self.email_button.setEnabled(not final and bool(view.url))
        self.qr_label.setEnabled(not final)
        if view.state is RequestState.PAID:
            self.note_label.setText(self.tr(
                "The payment is in the customer's payments and the history."))
        elif view.state is RequestState.EXPIRED:
            self.note_label.setText(self.tr("The link no longer takes payments."))
        if final:
            self._tick.stop()
            self._refresh_timer.stop()
        self._show_time_left()
        self.status_changed.emit(view)

    def _show_time_left(self) -> None:
        view = self.request
        if view is None or view.state.is_final:
            self.left_label.clear()
            return
        left = view.time_left(datetime.now(UTC))
        self.left_label.setText(self.tr("Time left: %1").replace("%1", left_text(left)))

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.url_edit.text())
        self.note_label.setText(self.tr("Link copied."))

    def mail_url(self) -> str:
        view = self.request
        assert view is not None and view.url
        amount = money_text(view.amount.amount, view.amount.currency, self._locale())
        shop = self._backend.shop_settings.get().shop_name or ""
        subject = self.tr("Payment request: %1").replace("%1", f"{amount} {view.description}")
        body = self.tr(
            "Hello,\n\nplease pay %1 for %2 on this secure page:\n%3\n\nThe link works "
            "until %4.\n\n%5").replace("%1", amount).replace("%2", view.description).replace(
            "%3", view.url).replace("%4", view.expires_at.astimezone().strftime(
                "%Y-%m-%d %H:%M")).replace("%5", shop)
        return mailto_url(self._email, subject, body)

    def send_email(self) -> None:
        """The OS mail client opens with the message ready; the cashier sends it."""
        if self.request is not None and self.request.url:
            QDesktopServices.openUrl(QUrl(self.mail_url()))

    def expire_now(self) -> None:
        view = self.request
        if view is None or self.busy:
            return
        requests, staff = self._backend.payment_requests, self._backend.staff
        self.busy = True
        self.expire_button.setEnabled(False)
        self._runner.op(lambda: requests.expire(staff, view.id)).success(
            self._expired).failure(self._expire_failed).run()

    def _expired(self, view: PaymentRequestView) -> None:
        self.busy = False
        self._show(view)

    def _expire_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.note_label.setText(error_words(
            exc, fallback=self.tr("The link could not be expired."), doing="expire request").text)
        self.refresh()

    # --- live state ---------------------------------------------------------------------------

    def changes_arrived(self, changes: Sequence[Change]) -> None:
        view = self.request
        if view is None:
            return
        if any(c.entity_id == view.id and c.kind in (ChangeKind.PAYMENT_REQUEST,
                                                      ChangeKind.PAYMENT) for c in changes):
            self.refresh()

    def refresh(self) -> None:
        view = self.request
        if view is None:
            return
        requests, staff = self._backend.payment_requests, self._backend.staff
        self._runner.op(lambda: requests.get(staff, view.id)).success(self._show).failure(
            lambda _exc: None).run()  # the next round tries again

    def done(self, result: int) -> None:
        self._tick.stop()
        self._refresh_timer.stop()
        super().done(result)
