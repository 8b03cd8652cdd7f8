"""Settings, Shop: the shop's own settings, shared by every terminal of its store: name and
address (printed on receipts), currency, language and region, when an idle till locks, the
limits above which a manager approves, and the amount above which a charge is typed again.

The page reads them off the GUI thread when it opens; the dialog saves them with the rest
(ShopSettingsService.save: a manager only, each change audited). Amounts are typed and read
as the shop's locale writes them (domain/money.py).
"""

from __future__ import annotations

import logging
from zoneinfo import available_timezones

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posdesk.backend import Backend, ShopSettings
from posdesk.domain.money import AmountError, Money, parse_amount
from posdesk.gui.common.workers import TaskRunner
from posdesk.gui.formatting import money_text, outcome_text

log = logging.getLogger(__name__)

# Offered in the list; any other locale babel knows may be typed.
LOCALES = ("en_US", "en_GB", "zh_CN", "de_DE", "fr_FR", "es_ES", "ja_JP")
IDLE_LOCK_MAX_MIN = 480


class ShopPage(QWidget):
    loaded = Signal(object)  # ShopSettings, once read

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self.shown: ShopSettings | None = None

        intro = QLabel(
            self.tr("These settings belong to the shop: every terminal using this store "
                    "shares them. Changes are recorded in the audit log."),
            self,
        )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("As printed on receipts"))
        self.address_edit = QPlainTextEdit(self)
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setPlaceholderText(self.tr("Street, town, postcode (several lines)"))
        self.address_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.address_edit.setAccessibleName(self.tr("Address"))
        self.currency_edit = QLineEdit(self)
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setPlaceholderText("USD")
        self.currency_edit.setAccessibleName(self.tr("Currency"))
        self.locale_combo = QComboBox(self)
        self.locale_combo.setEditable(True)
        self.locale_combo.addItems(LOCALES)
        self.locale_combo.setAccessibleName(self.tr("Language and region"))
        # The business day's time zone: typed (with completion) or picked from the list.
        self.zone_combo = QComboBox(self)
        self.zone_combo.setEditable(True)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_combo.addItem(self.tr("Each terminal's own clock"), "")
        for name in sorted(available_timezones()):
            self.zone_combo.addItem(name, name)
        self.zone_combo.setAccessibleName(self.tr("Time zone of the business day"))
        self.idle_spin = QSpinBox(self)
        self.idle_spin.setRange(0, IDLE_LOCK_MAX_MIN)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setSpecialValueText(self.tr("Never"))
        self.idle_spin.setAccessibleName(self.tr("Lock an idle terminal after"))
        self.charge_limit_edit = QLineEdit(self)
        self.charge_limit_edit.setPlaceholderText(self.tr("Empty: never ask"))
        self.charge_limit_edit.setAccessibleName(self.tr("Charges above this need a manager"))
        self.refund_limit_edit = QLineEdit(self)
        # No refund limit: cashiers' and support's refunds all need a manager.
        self.refund_limit_edit.setPlaceholderText(self.tr("Empty: always ask"))
        self.refund_limit_edit.setAccessibleName(self.tr("Refunds above this need a manager"))
        self.confirm_limit_edit = QLineEdit(self)
        self.confirm_limit_edit.setPlaceholderText(self.tr("Empty: every amount typed once"))
        self.confirm_limit_edit.setAccessibleName(
            self.tr("Charges above this are typed twice"))
        self.remove_card_check = QCheckBox(
            self.tr("Removing a saved card needs a manager's approval"), self)
        self.status_label = QLabel(self.tr("Reading the shop's settings…"), self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Shop name"), self.name_edit)
        form.addRow(self.tr("Address"), self.address_edit)
        form.addRow(self.tr("Currency"), self.currency_edit)
        form.addRow(self.tr("Language and region"), self.locale_combo)
        form.addRow(self.tr("Time zone of the business day"), self.zone_combo)
        form.addRow(self.tr("Lock an idle terminal after"), self.idle_spin)
        form.addRow(self.tr("Charges above this need a manager"), self.charge_limit_edit)
        form.addRow(self.tr("Refunds above this need a manager"), self.refund_limit_edit)
        form.addRow(self.tr("Charges above this are typed twice"), self.confirm_limit_edit)
        form.addRow(self.remove_card_check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.load()

    # --- reading --------------------------------------------------------------------------------

    def load(self) -> None:
        shop = self._backend.shop_settings
        self._runner.op(shop.refresh).success(self._show).failure(self._failed).run()

    def _show(self, settings: ShopSettings) -> None:
        self.shown = settings
        self.name_edit.setText(settings.shop_name)
        self.address_edit.setPlainText(settings.shop_address)
        self.currency_edit.setText(settings.currency)
        self.locale_combo.setCurrentText(settings.locale)
        found = self.zone_combo.findData(settings.time_zone)
        if found >= 0:
            self.zone_combo.setCurrentIndex(found)
        else:
            self.zone_combo.setCurrentText(settings.time_zone)
        self.idle_spin.setValue(round(settings.idle_lock_s / 60))
        self.charge_limit_edit.setText(self._limit_text(settings.charge_approval_over, settings))
        self.refund_limit_edit.setText(self._limit_text(settings.refund_approval_over, settings))
        self.confirm_limit_edit.setText(self._limit_text(settings.confirm_amount_over, settings))
        self.remove_card_check.setChecked(settings.remove_card_needs_approval)
        self.status_label.setText("")
        self.status_label.hide()
        self.loaded.emit(settings)

    def _failed(self, exc: BaseException) -> None:
        log.warning("reading the shop's settings failed: %s", type(exc).__name__)
        self.status_label.setText(self.tr("The shop's settings could not be read from the "
                                          "store."))

    @staticmethod
    def _limit_text(limit: int | None, settings: ShopSettings) -> str:
        if limit is None:
            return ""
        return money_text(limit, settings.currency, settings.locale)

    # --- what is chosen -------------------------------------------------------------------------

    def chosen(self) -> ShopSettings:
        """The settings as typed. Raises ValueError with words for the screen when an amount
        cannot be read; the service checks everything else."""
        currency = self.currency_edit.text().strip().upper()
        locale = self.locale_combo.currentText().strip()
        idle = self.idle_spin.value() * 60
        if self.shown is not None and idle == round(self.shown.idle_lock_s / 60) * 60:
            idle = self.shown.idle_lock_s  # unchanged: keep the seconds as stored
        return ShopSettings(
            shop_name=self.name_edit.text(),
            shop_address=self.address_edit.toPlainText(),
            currency=currency,
            locale=locale,
            idle_lock_s=idle,
            charge_approval_over=self._limit(self.charge_limit_edit, currency, locale,
                                             self.tr("Charges above this need a manager")),
            refund_approval_over=self._limit(self.refund_limit_edit, currency, locale,
                                             self.tr("Refunds above this need a manager")),
            remove_card_needs_approval=self.remove_card_check.isChecked(),
            confirm_amount_over=self._limit(self.confirm_limit_edit, currency, locale,
                                            self.tr("Charges above this are typed twice")),
            time_zone=self.chosen_zone(),
        )

    def chosen_zone(self) -> str:
        """The zone's name as the list has it ("" for each terminal's own clock), else the
        text typed (the service refuses a name it does not know)."""
        typed = self.zone_combo.currentText().strip()
        found = self.zone_combo.findText(typed)
        return str(self.zone_combo.itemData(found)) if found >= 0 else typed

    def _limit(self, edit: QLineEdit, currency: str, locale: str, label: str) -> int | None:
        typed = edit.text().strip()
        if not typed:
            return None
        try:
            amount: Money = parse_amount(typed, currency, locale)
        except (AmountError, ValueError) as exc:
            words = outcome_text(exc.message) if isinstance(exc, AmountError) else str(exc)
            raise ValueError(f"{label}: {words}") from None
        return amount.amount

    def changed(self) -> bool:
        """Whether anything differs from what the store holds (a bad amount counts)."""
        if self.shown is None:
            return False
        try:
            chosen = self.chosen()
        except ValueError:
            return True
        return _comparable(chosen) != _comparable(self.shown)

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.name_edit, self.currency_edit, self.charge_limit_edit,
                     self.refund_limit_edit, self.confirm_limit_edit):
            edit.setReadOnly(read_only)
        self.address_edit.setReadOnly(read_only)
        for widget in (self.locale_combo, self.zone_combo, self.idle_spin,
                       self.remove_card_check):
            widget.setEnabled(not read_only)


def _comparable(settings: ShopSettings) -> tuple[object, ...]:
    # As the service would store them: single-spaced name, trimmed address lines.
    address = "\n".join(" ".join(line.split()) for line in settings.shop_address.strip()
                        .splitlines()).rstrip("\n")
    return (" ".join(settings.shop_name.split()), address, settings.currency.upper(),
            settings.locale, settings.idle_lock_s, settings.charge_approval_over,
            settings.refund_approval_over, settings.remove_card_needs_approval,
            settings.confirm_amount_over, settings.time_zone.strip())
