"""`posdesk relay`: keep the store in step with Stripe on a headless back-office machine.

    posdesk relay [--poll] [--webhooks] [--host 127.0.0.1] [--port 8780]

Without flags it polls, and also listens for webhooks when a signing secret is in the
keyring. Keys come only from the keyring (`posdesk secrets set stripe-secret-key`,
`posdesk secrets set stripe-webhook-secret`); POSDESK_STRIPE_API_BASE points it at a sandbox.
When listening, the first line printed is the relay's URL (for `stripe listen --forward-to`).
Logs go to stdout (redacted). SIGINT/SIGTERM stop it cleanly: requests in progress finish,
accepted events are applied or stay in the inbox for the next start, the sync lease is given
up at once.

The relay is a terminal of the store like any till (its id is kept in its data directory),
and only the store's syncing terminal, the holder of the sync lease, polls and listens. A
relay that finds another terminal syncing keeps its port closed, says so, and takes over
(opening the port, logging its URL) when that terminal stops. In a shop with several
terminals, webhooks go to the machine that runs `posdesk relay`: it normally holds the lease.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from types import FrameType
from typing import TYPE_CHECKING

from posdesk import paths

if TYPE_CHECKING:
    from posdesk.app_context import AppContext

log = logging.getLogger("posdesk.relay")

DEFAULT_PORT = 8780
EXIT_CONFIG = 2
EXIT_KEYRING = 3
RELAY_SWITCH_INTERVAL_S = 0.001


def port_number(text: str) -> int:
    """argparse type: a TCP port, 0 for any free one (bind() would raise OverflowError)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


def poll_interval(text: str) -> float:
    """argparse type: seconds between polls, from 0.1 to an hour (nan, inf, 0 or a negative
    number would spin or never poll)."""
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0.1 <= seconds <= 3600:  # also false for nan
        raise argparse.ArgumentTypeError(f"{text} is not between 0.1 and 3600 seconds")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="posdesk relay",
        description="Apply Stripe events to the shop's store: poll the events API and/or "
        "receive webhooks.",
    )
    parser.add_argument("--poll", action="store_true", help="poll GET /v1/events (needs the key)")
    parser.add_argument(
        "--webhooks", action="store_true",
        help="listen on POST /webhooks/stripe (needs stripe-webhook-secret)",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT, help="port (0: any free one)"
    )
    parser.add_argument(
        "--interval", type=poll_interval, default=2.0, help="seconds between polls (default 2)"
    )
    parser.add_argument("--debug", action="store_true", help="verbose logging")
    return parser


def _log_to_stdout(debug: bool) -> None:
    from posdesk.logging_setup import FORMAT, configure_logging
    from posdesk.services.log_redaction import RedactingFilter

    data_dir = paths.data_dir()
    configure_logging(paths.log_dir(data_dir) / "relay.log", to_stderr=False, debug=debug)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter())
    logging.getLogger().addHandler(handler)


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from posdesk.app_context import build_context
    from posdesk.services.secret_store import (
        STRIPE_SECRET_KEY,
        STRIPE_WEBHOOK_SECRET,
        KeyringUnavailable,
        SecretStore,
    )
    from posdesk.services.start_guard import StartRefused

    secrets = SecretStore()
    try:
        api_key = secrets.get(STRIPE_SECRET_KEY)
        webhook_secret = secrets.get(STRIPE_WEBHOOK_SECRET)
    except KeyringUnavailable as exc:
        print(exc.explanation, file=sys.stderr)
        return EXIT_KEYRING
    poll = args.poll or not args.webhooks
    webhooks = args.webhooks or (not args.poll and bool(webhook_secret))
    if poll and not api_key:
        print("Polling needs the Stripe key: posdesk secrets set stripe-secret-key",
              file=sys.stderr)
        return EXIT_CONFIG
    if webhooks and not webhook_secret:
        print("Webhooks need the signing secret: posdesk secrets set stripe-webhook-secret",
              file=sys.stderr)
        return EXIT_CONFIG

    # Request threads mostly wait on sockets while the apply thread computes; a shorter
    # GIL switch interval lets a waiting request answer without a 5 ms turn of the applier.
    sys.setswitchinterval(RELAY_SWITCH_INTERVAL_S)
    context = build_context(data_dir=paths.data_dir(), secrets=secrets, relay=True)
    try:
        # Registered like any terminal: refused beside a running twin, or on a SQLite file
        # another computer is using; claims of its own earlier run are released.
        context.start_presence()
    except StartRefused as refused:
        context.close()
        print(str(refused), file=sys.stderr)
        return EXIT_CONFIG
    try:
        return _serve(args, context, api_key, webhook_secret if webhooks else None, poll)
    finally:
        context.close()


def _serve(
    args: argparse.Namespace,
    context: AppContext,
    api_key: str | None,
    webhook_secret: str | None,
    poll: bool,
) -> int:
    from posdesk.gateway.events import StripeEventSource
    from posdesk.sync.applier import ApplyStats
    from posdesk.sync.engine import SyncEngine
    from posdesk.sync.status import MODE_FOLLOW, SyncObserver, SyncStatus

    def applied(stats: ApplyStats) -> None:
        log.info(
            "applied %d of %d events (%d duplicates, %d stale, %d ignored, %d re-read)",
            stats.applied, stats.received, stats.duplicates, stats.stale, stats.ignored,
            stats.rereads,
        )

    told_leader: list[str | None] = []  # the leader last named in a follower warning

    def status(news: SyncStatus) -> None:
        if news.error:
            log.warning("sync problem: %s", news.error)
        if news.mode != MODE_FOLLOW:
            told_leader.clear()
        elif webhook_secret and told_leader != [news.leader]:
            told_leader[:] = [news.leader]
            log.warning(
                "%s syncs this store with Stripe, so this relay does not receive webhooks "
                "(its port stays closed) until it takes over: point Stripe's webhooks "
                "(stripe listen --forward-to) at the terminal that syncs",
                news.leader or "another terminal",
            )

    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)

    source = StripeEventSource(api_key, context.api_base) if api_key else None
    engine = SyncEngine(
        context.store, source, context.charges.ledger,
        # build_context loads the terminal of the data directory: a restarted relay is the
        # same terminal, and renews a lease it held at once.
        terminal=context.terminal,
        poll=poll, webhook_secret=webhook_secret,
        host=args.host, port=args.port, interval_s=args.interval,
        observer=SyncObserver(on_applied=applied, on_status=status),
    )
    try:
        url = engine.listen()
    except OSError as exc:
        print(f"Cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return EXIT_CONFIG
    try:
        if url:
            print(url, flush=True)  # the first line, for `stripe listen --forward-to`
        _log_to_stdout(args.debug)
        if url:
            log.info("listening for Stripe webhooks at %s", url)
        if webhook_secret and not poll:
            log.warning("webhooks only: while this relay syncs the store, no terminal polls "
                        "Stripe's events")
        engine.start()
        while not stop.wait(0.5):
            pass
        log.info("stopping")
    finally:
        engine.stop()
    log.info("stopped")
    return 0
