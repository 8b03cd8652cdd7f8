"""Everything that keeps one store in step with Stripe, wired together: the one applier,
the webhook relay (when a signing secret is given), start-up reconciliation and the poller.

`posdesk relay` runs it headless; the GUI can run the same engine and bridge the
observer's callbacks (called on sync threads) to Qt signals. ``start()`` returns at once:
reconciliation and polling happen on a background thread.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from posdesk.services.charges import ChargeService
from posdesk.store.database import Store
from posdesk.store.sync_state import ProcessedEvents
from posdesk.sync.applier import EventApplier
from posdesk.sync.poller import EventPoller, EventSource
from posdesk.sync.reconcile import ReconcileReport, StartupReconciler
from posdesk.sync.relay import WebhookRelay
from posdesk.sync.status import SyncObserver

log = logging.getLogger(__name__)

# Stripe retries a webhook for up to three days and lists events for thirty: ids older than
# this can never come back, so their processed-event rows can go.
PROCESSED_EVENT_RETENTION = timedelta(days=35)


class SyncEngine:
    def __init__(
        self,
        store: Store,
        source: EventSource | None,
        charges: ChargeService | None = None,
        *,
        poll: bool = True,
        webhook_secret: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        interval_s: float = 2.0,
        observer: SyncObserver | None = None,
    ) -> None:
        self.store = store
        self.source = source
        self.charges = charges
        self.observer = observer or SyncObserver()
        self.applier = EventApplier(store, source, on_applied=self.observer.applied)
        self.relay: WebhookRelay | None = None
        if webhook_secret:
            self.relay = WebhookRelay(
                store, self.applier, webhook_secret, host=host, port=port,
                observer=self.observer,
            )
        self.poller: EventPoller | None = None
        if poll and source is not None:
            self.poller = EventPoller(
                store, source, self.applier, interval_s=interval_s, observer=self.observer
            )
        self.reconcile_report: ReconcileReport | None = None
        self.started = threading.Event()  # set once start-up work is done and polling runs
        self._stop = threading.Event()
        self._startup: threading.Thread | None = None
        self._listening = False

    @property
    def relay_url(self) -> str | None:
        return self.relay.url if self.relay is not None else None

    def listen(self) -> str | None:
        """Open the relay's port now (OSError if taken); returns its URL. Optional: start()
        does it too."""
        if self.relay is not None and not self._listening:
            self.relay.start()
            self._listening = True
        return self.relay_url

    def start(self) -> SyncEngine:
        """Listen (raises OSError if the port is taken); reconcile and start polling on a
        background thread."""
        self.listen()
        self._stop.clear()
        self._startup = threading.Thread(target=self._start_up, name="sync-startup", daemon=True)
        self._startup.start()
        return self

    def _start_up(self) -> None:
        try:
            removed = ProcessedEvents(self.store).prune(PROCESSED_EVENT_RETENTION)
            if removed:
                log.info("forgot %d processed event ids older than %s", removed,
                         PROCESSED_EVENT_RETENTION)
            if self.source is not None and not self._stop.is_set():
                report = StartupReconciler(
                    self.store, self.charges, self.source, self.applier
                ).run()
                self.reconcile_report = report
                if report.errors or report.unsettled:
                    log.warning("some payments could not be settled yet; retried later")
        except Exception as exc:  # polling still starts; it catches up on its own
            log.exception("start-up reconciliation failed")
            self.observer.update(error=f"Start-up reconciliation failed: {type(exc).__name__}")
        if self.poller is not None and not self._stop.is_set():
            self.poller.start()
            log.info("polling Stripe events every %.1f s", self.poller.interval_s)
        self.started.set()

    def stop(self) -> None:
        """Stop polling, stop accepting webhooks; accepted events are applied or stay in
        the inbox for the next start."""
        self._stop.set()
        if self._startup is not None:
            self._startup.join(30)
        if self.poller is not None:
            self.poller.stop()
        if self.relay is not None and self._listening:
            self.relay.stop()
            self._listening = False
