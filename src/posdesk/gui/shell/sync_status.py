"""The status-bar piece that says how PosDesk keeps up with Stripe: the sync mode, the time of
the newest event applied, how far behind it was, and any problem in words.

Each sync round is also news about reaching Stripe at all: `stripe_reach` tells the status
bar's connection label, so the bar never says "connected" beside "Stripe unreachable"."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from posdesk.domain.outcomes import (
    REASON_BUSY,
    REASON_CONFIG_BAD_KEY,
    REASON_CONFIG_PERMISSION,
    REASON_RATE_LIMITED,
    REASON_UNAVAILABLE,
    REASON_UNREACHABLE,
)
from posdesk.domain.sync_status import (
    MODE_FOLLOW,
    MODE_POLL,
    MODE_RECONCILE,
    MODE_STOPPED,
    MODE_WEBHOOKS,
    SyncStatus,
)
from posdesk.gui.common.theme import Role, set_themed_style_sheet
from posdesk.gui.formatting import outcome_text

ERROR_COLOR = Role.BAD

# What a sync round learned about reaching Stripe (`SyncStatusLabel.stripe_reach`).
REACH_CONNECTED = "connected"
REACH_UNREACHABLE = "unreachable"
REACH_KEY_REJECTED = "key_rejected"
_POLLING = (MODE_POLL, MODE_WEBHOOKS)
# Sync's problems come in the gateway's words for reads; older ones in a charge's.
_UNREACHABLE = (REASON_UNREACHABLE, REASON_UNAVAILABLE)
_BUSY = (REASON_BUSY, REASON_RATE_LIMITED)


def lag_words(seconds: float | None) -> str:
    # The label's own context, spelled out: a module function's `widget.tr` is filed by
    # lupdate under "widget", where no translation is ever looked up.
    translate = QCoreApplication.translate
    if seconds is None:
        return ""
    if seconds < 1:
        return translate("SyncStatusLabel", "up to date")
    if seconds < 120:
        return translate("SyncStatusLabel", "%1 s behind").replace("%1", str(round(seconds)))
    if seconds < 7200:
        return translate("SyncStatusLabel", "%1 min behind").replace(
            "%1", str(round(seconds / 60)))
    if seconds < 2 * 86400:
        return translate("SyncStatusLabel", "%1 h behind").replace(
            "%1", str(round(seconds / 3600)))
    return translate("SyncStatusLabel", "%1 days behind").replace(
        "%1", str(round(seconds / 86400)))


def stripe_reach(previous: SyncStatus | None, status: SyncStatus) -> str | None:
    """What this status says about reaching Stripe, or None when it says nothing (starting,
    following another terminal, a problem of sync's own). A healthy poll-mode status counts
    only after another poll-mode one: the poller announces its mode before its first round."""
    error = status.error
    if error:
        if error.startswith(_UNREACHABLE):
            return REACH_UNREACHABLE
        if error.startswith((REASON_CONFIG_BAD_KEY, REASON_CONFIG_PERMISSION)):
            return REACH_KEY_REJECTED
        return None
    if status.mode in _POLLING and previous is not None and previous.mode in _POLLING:
        return REACH_CONNECTED
    return None


def _when(timestamp: float) -> str:
    moment = datetime.fromtimestamp(timestamp).astimezone()
    if moment.date() == datetime.now().astimezone().date():
        return moment.strftime("%H:%M:%S")
    return moment.strftime("%Y-%m-%d %H:%M")


class SyncStatusLabel(QLabel):
    """Shows a SyncStatus (from the sync bridge) in one line; details in the tooltip."""

    # REACH_*: each status that tells whether Stripe answers (every poll round).
    stripe_reach = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.status: SyncStatus | None = None
        self.webhooks = False  # the webhook relay listens besides the poller
        self.relay_url: str | None = None
        self.relay_problem: str | None = None
        self.starting = False
        # Ticks only while a retry is pending, so "retrying in N s" counts down.
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._render)
        self._render()

    # --- input ------------------------------------------------------------------------------

    def set_status(self, status: SyncStatus | None) -> None:
        previous, self.status = self.status, status
        if status is not None and status.mode != MODE_STOPPED:
            self.starting = False
        self._render()
        reach = stripe_reach(previous, status) if status is not None else None
        if reach is not None:
            self.stripe_reach.emit(reach)

    def set_starting(self) -> None:
        self.starting = True
        self._render()

    def set_engine(self, *, webhooks: bool, relay_url: str | None,
                   relay_problem: str | None) -> None:
        self.webhooks = webhooks
        self.relay_url = relay_url
        self.relay_problem = relay_problem
        self._render()

    # --- words ------------------------------------------------------------------------------

    def _shown(self) -> SyncStatus:
        # Before the first status arrives the label reads as stopped.
        return self.status or SyncStatus(MODE_STOPPED)

    def mode_text(self) -> str:
        mode = self._shown().mode
        if mode == MODE_FOLLOW:
            leader = self._shown().leader
            if leader:
                return self.tr("Sync: by %1").replace("%1", leader)
            return self.tr("Sync: by another terminal")
        if mode == MODE_RECONCILE:
            return self.tr("Sync: catching up")
        if mode in (MODE_POLL, MODE_WEBHOOKS):
            if self.webhooks:
                return self.tr("Sync: webhooks + polling")
            if self.relay_problem:
                return self.tr("Sync: polling (webhook relay could not start)")
            return self.tr("Sync: polling")
        if self.starting:
            return self.tr("Sync: starting…")
        return self.tr("Sync: stopped")

    def retry_words(self) -> str:
        retry_at = self._shown().retry_at
        if retry_at is None:
            return self.tr("retrying automatically")
        seconds = round(retry_at - time.time())
        if seconds <= 0:
            return self.tr("retrying now…")
        if seconds < 120:
            return self.tr("retrying in %1 s").replace("%1", str(seconds))
        return self.tr("retrying in %1 min").replace("%1", str(round(seconds / 60)))

    def problem_text(self, error: str) -> str:
        """The sync layer's problem in a cashier's words (its texts are written for charges)."""
        if error.startswith(_UNREACHABLE):
            return self.tr("Sync: Stripe unreachable, %1").replace("%1", self.retry_words())
        if error.startswith(_BUSY):
            return self.tr("Sync: Stripe is busy, %1").replace("%1", self.retry_words())
        if error.startswith((REASON_CONFIG_BAD_KEY, REASON_CONFIG_PERMISSION)):
            return self.tr("Sync: the Stripe key was not accepted; check the settings (Ctrl+,)")
        return self.tr("Sync: %1").replace("%1", outcome_text(error))

    def _render(self) -> None:
        status = self._shown()
        error = status.error
        parts = [self.problem_text(error) if error else self.mode_text()]
        last = status.last_event_at
        caught_up = status.caught_up_at
        if last:
            parts.append(self.tr("last event %1").replace("%1", _when(last)))
            lag = lag_words(status.lag_seconds)
            if lag and not error:  # a problem needs the room more than an old lag does
                parts.append(lag)
        elif caught_up:  # no event yet since a catch-up through the lists: say when that was
            parts.append(self.tr("caught up %1").replace("%1", _when(caught_up)))
        counting = bool(error) and status.retry_at is not None
        if counting and not self._countdown.isActive():
            self._countdown.start()
        elif not counting and self._countdown.isActive():
            self._countdown.stop()
        self.setText("   ·   ".join(parts))
        self.setProperty("state", "error" if error else status.mode)
        # Red like the other problem texts, whatever the application stylesheet says.
        set_themed_style_sheet(self, f"color: @{ERROR_COLOR};" if error else "")
        tips = [self.mode_text()]
        if status.mode == MODE_FOLLOW:
            tips.append(self.tr("Another terminal of this shop keeps the store in step with "
                                "Stripe; this one takes over if it stops."))
        if self.relay_url:
            tips.append(self.tr("Webhooks are received at %1").replace("%1", self.relay_url))
        if self.relay_problem:
            tips.append(self.tr("The webhook relay could not start (%1); polling only.")
                        .replace("%1", self.relay_problem))
        if error:
            tips.append(outcome_text(error))
        self.setToolTip("\n".join(tips))
        self.style().unpolish(self)
        self.style().polish(self)
