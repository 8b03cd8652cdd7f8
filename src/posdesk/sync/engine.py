"""Everything that keeps one store in step with Stripe, wired together: the one applier,
the webhook relay (when a signing secret is given), start-up reconciliation and the poller.

`posdesk relay` runs it headless; the GUI can run the same engine and bridge the
observer's callbacks (called on sync threads) to Qt signals. ``start()`` returns at once:
reconciliation and polling happen on a background thread.

Several terminals may share one store, and exactly one of them syncs: the holder of the
`stripe-sync` lease (sync/leader.py). Every engine asks for it every couple of seconds. The
leader reconciles, polls and listens for webhooks; the others call Stripe for nothing, keep
asking, and report who syncs. A terminal that loses the lease stops polling and closes its
relay's port at once; one that takes it over starts again with reconciliation, so a leader
that died half-way leaves nothing undone. Each such spell of leadership is a `term`.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from posdesk.domain.messages import text
from posdesk.store.database import Store
from posdesk.store.sync_state import ProcessedEvents, SyncValues
from posdesk.store.this_terminal import Terminal, TerminalPresence, process_terminal
from posdesk.sync.applier import EventApplier
from posdesk.sync.leader import LEASE_TTL, RENEW_INTERVAL_S, Leadership
from posdesk.sync.poller import CURSOR, CURSOR_CREATED, NO_EVENTS_YET, EventPoller, EventSource
from posdesk.sync.reconcile import (
    ReconcileReport,
    RefundSettler,
    Settler,
    StartupReconciler,
)
from posdesk.sync.relay import WebhookRelay
from posdesk.sync.status import MODE_FOLLOW, MODE_RECONCILE, MODE_STOPPED, SyncObserver

log = logging.getLogger(__name__)

MESSAGE_RECONCILE_FAILED = text(
    "sync.reconcile_failed",
    "Payments left open could not all be checked with Stripe yet; PosDesk tries again by "
    "itself.",
)

# Stripe retries a webhook for up to three days and lists events for thirty: ids older than
# this can never come back, so their processed-event rows can go.
PROCESSED_EVENT_RETENTION = timedelta(days=35)


class SyncEngine:
    def __init__(
        self,
        store: Store,
        source: EventSource | None,
        ledger: Settler | None = None,
        *,
        terminal: Terminal | None = None,
        poll: bool = True,
        webhook_secret: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        interval_s: float = 2.0,
        observer: SyncObserver | None = None,
        lease_ttl: timedelta = LEASE_TTL,
        renew_interval_s: float = RENEW_INTERVAL_S,
        refund_ledger: RefundSettler | None = None,
    ) -> None:
        self.store = store
        self.source = source
        # The ledger, which settles payments left open when this terminal starts leading,
        # and the refund ledger, which settles refunds left open.
        self.ledger = ledger
        self.refund_ledger = refund_ledger
        # Without one (a test, a tool) the engine is a terminal of its own for this process.
        self.terminal = terminal or process_terminal()
        self.observer = observer or SyncObserver()
        self.leadership = Leadership(store, self.terminal.id, ttl=lease_ttl)
        self.renew_interval_s = renew_interval_s
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
                store, source, self.applier, interval_s=interval_s, observer=self.observer,
                may_poll=lambda: self.leadership.leading,
            )
        self.reconcile_report: ReconcileReport | None = None
        # Why the relay is not listening although this terminal leads (port taken), or None.
        self.relay_problem: str | None = None
        self.started = threading.Event()  # set once start-up work is done and polling runs
        self._stop = threading.Event()
        self._lock = threading.Lock()  # the current term against the start-up thread
        self._term: int | None = None  # the leadership term this engine acts in, or None
        self._asked = False
        self._startup: threading.Thread | None = None
        self._lease_thread: threading.Thread | None = None
        self._listening = False
        self._following: str | None = None  # the leader named in the last follower log line

    @property
    def leading(self) -> bool:
        """Whether this engine currently acts as the store's syncing terminal."""
        return self._term is not None

    @property
    def relay_url(self) -> str | None:
        """Where webhooks are received, while this terminal leads and its relay listens."""
        return self.relay.url if self.relay is not None and self._listening else None

    def listen(self) -> str | None:
        """Ask for the sync lease and, when this terminal leads, open the relay's port now
        (OSError if taken; the lease is then given back); returns its URL, or None when no
        relay listens (none configured, or another terminal leads). Optional: start() does
        it too."""
        if not self._asked:
            self._asked = True
            self._register()
            if self.leadership.step():
                self._set_term(self.leadership.term)
                try:
                    self._open_relay(strict=True)
                except OSError:
                    self._set_term(None)
                    self.leadership.release()
                    self._asked = False
                    raise
        return self.relay_url

    def start(self) -> SyncEngine:
        """Listen if leading (raises OSError if the port is taken); then reconcile and poll
        on a background thread while leading, and keep asking for the lease."""
        self.listen()
        self._stop.clear()
        term = self._term
        if term is not None:
            self._begin_term(term)
            wait = self.renew_interval_s
        else:
            wait = self._follow()
            self.started.set()  # a follower has no start-up work
        self._lease_thread = threading.Thread(
            target=self._lease_loop, args=(wait,), name="sync-lease", daemon=True
        )
        self._lease_thread.start()
        return self

    def stop(self) -> None:
        """Stop polling, stop accepting webhooks, give the lease up at once; accepted events
        are applied or stay in the inbox for the next start."""
        self._stop.set()
        if self._lease_thread is not None:
            self._lease_thread.join(30)
            self._lease_thread = None
        if self._startup is not None:
            self._startup.join(30)
        was_leading = self.leading
        self._step_down()
        # After the poller and relay stopped: the next leader never overlaps with this one.
        self.leadership.release()
        if was_leading:
            log.info("gave the sync lease up: another terminal may take over at once")
        self._asked = False
        self.observer.update(mode=MODE_STOPPED, leader=None)

    # --- leadership -----------------------------------------------------------------------

    def _register(self) -> None:
        # The terminal's row gives the leader a name on the followers' status bars.
        try:
            TerminalPresence(self.store, self.terminal).register()
        except Exception:
            log.warning("registering this terminal failed", exc_info=True)

    def _set_term(self, term: int | None) -> None:
        with self._lock:
            self._term = term

    def _lease_loop(self, wait: float) -> None:
        while not self._stop.wait(wait):
            try:
                wait = self._tick()
            except Exception:  # never let the lease thread die: a follower must keep asking
                log.exception("sync leadership round failed")
                wait = self.renew_interval_s

    def _tick(self) -> float:
        """One ask for the lease, and whatever changes with its answer; returns the seconds
        until the next ask."""
        won = self.leadership.step()
        term = self.leadership.term if won else None
        if self._term is not None and term != self._term:
            log.warning("this terminal no longer holds the sync lease: it stops syncing")
            self._step_down()
        if term is not None and self._term is None:
            self._take_over(term)
        if term is None:
            return self._follow()
        return self.renew_interval_s

    def _take_over(self, term: int) -> None:
        log.info("this terminal (%s) now syncs the store with Stripe", self.terminal.name)
        self._following = None
        self._set_term(term)
        self.observer.update(mode=MODE_RECONCILE, leader=None, error=None, retry_at=None)
        self._open_relay(strict=False)
        self._begin_term(term)

    def _step_down(self) -> None:
        self._set_term(None)
        if self.poller is not None:
            self.poller.stop()
        if self.relay is not None and self._listening:
            self.relay.stop()
            self._listening = False

    def _follow(self) -> float:
        """Say who syncs (status and log); returns the seconds until the next ask."""
        try:
            holder = self.leadership.current_holder()
            last_event_at = self._leaders_last_event()
        except Exception:
            log.warning("reading who syncs the store failed", exc_info=True)
            return self.renew_interval_s
        name = holder.name if holder is not None else None
        self._report_following(name, last_event_at)
        if name is not None and name != self._following:
            log.info("%s syncs the store with Stripe; this terminal follows", name)
            self._following = name
        return self.leadership.next_ask_in(holder, self.renew_interval_s)

    def _report_following(self, name: str | None, last_event_at: float | None) -> None:
        status = self.observer.status
        if last_event_at is None:
            last_event_at = status.last_event_at
        if (status.mode, status.leader, status.last_event_at) == (
            MODE_FOLLOW, name, last_event_at
        ):
            return  # callbacks (the GUI) hear only of changes, not of every ask
        self.observer.update(
            mode=MODE_FOLLOW, leader=name, last_event_at=last_event_at, lag_seconds=None,
            error=None, retry_at=None,
        )

    def _leaders_last_event(self) -> float | None:
        """Stripe's time of the newest event the leader's poller applied (kept in the store)."""
        values = SyncValues(self.store)
        if values.get(CURSOR) in (None, NO_EVENTS_YET):
            return None
        created = values.get(CURSOR_CREATED)
        return float(created) if created else None

    # --- one term as the leader -------------------------------------------------------------

    def _open_relay(self, *, strict: bool) -> None:
        if self.relay is None or self._listening:
            return
        try:
            self.relay.start()
        except OSError as exc:
            if strict:
                raise
            self.relay_problem = f"{self.relay.host}:{self.relay.port}: {exc.strerror}"
            log.warning("webhook relay cannot listen on %s:%s (%s); polling only",
                        self.relay.host, self.relay.port, exc.strerror)
            return
        self._listening = True
        self.relay_problem = None
        if not strict:  # at start-up the caller says where it listens
            log.info("listening for Stripe webhooks at %s", self.relay.url)

    def _begin_term(self, term: int) -> None:
        self._startup = threading.Thread(
            target=self._start_up, args=(term,), name="sync-startup", daemon=True
        )
        self._startup.start()

    def _in_term(self, term: int) -> bool:
        return self._term == term and not self._stop.is_set()

    def _start_up(self, term: int) -> None:
        try:
            removed = ProcessedEvents(self.store).prune(PROCESSED_EVENT_RETENTION)
            if removed:
                log.info("forgot %d processed event ids older than %s", removed,
                         PROCESSED_EVENT_RETENTION)
            if self.source is not None and self._in_term(term):
                report = StartupReconciler(
                    self.store, self.ledger, self.source, self.applier, self.refund_ledger
                ).run()
                self.reconcile_report = report
                if report.errors or report.unsettled:
                    log.warning("some payments could not be settled yet; retried later")
        except Exception as exc:  # polling still starts; it catches up on its own
            log.exception("start-up reconciliation failed")
            # The exception's name stays in the log: staff get a sentence.
            log.warning("start-up reconciliation failed: %s", type(exc).__name__)
            self.observer.update(error=MESSAGE_RECONCILE_FAILED)
        with self._lock:  # a step-down in between must not be followed by a poller start
            polling = self.poller is not None and self._in_term(term)
            if polling and self.poller is not None:
                self.poller.start()
        if polling and self.poller is not None:
            log.info("polling Stripe events every %.1f s", self.poller.interval_s)
        self.started.set()
