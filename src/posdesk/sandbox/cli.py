"""`posdesk sandbox`: run the sandbox in the foreground until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from .server import SandboxServer

# An hour of added latency is already far beyond any client's timeout.
MAX_LATENCY_MS = 3_600_000


def port_number(text: str) -> int:
    """argparse type: a TCP port, 0 for any free one (bind() would raise OverflowError)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


def latency_ms(text: str) -> int:
    """argparse type: whole milliseconds, 0 to an hour (a negative sleep would fail later,
    in the middle of a request)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of milliseconds") from None
    if not 0 <= value <= MAX_LATENCY_MS:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and {MAX_LATENCY_MS} ms")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="posdesk sandbox",
        description="Run the offline Stripe-compatible sandbox (test mode only).",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=port_number, default=12111)
    parser.add_argument("--webhook-url", help="POST every event here, signed like Stripe")
    parser.add_argument("--webhook-secret", help="whsec_… secret used to sign webhooks")
    parser.add_argument("--webhook-chaos", action="store_true", help="duplicate and reorder")
    parser.add_argument("--latency-ms", type=latency_ms, default=0)
    parser.add_argument("--seed", choices=["demo"], help="start with sample data")
    parser.add_argument("--state-file", help="keep state in this JSON file across restarts")
    parser.add_argument(
        "--exit-with-parent", action="store_true",
        help="stop when standard input closes (the starting program ended, even by a crash)",
    )
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if bool(args.webhook_url) != bool(args.webhook_secret):
        print("--webhook-url and --webhook-secret go together", file=sys.stderr)
        return 2
    if args.webhook_secret and not args.webhook_secret.startswith("whsec_"):
        print("--webhook-secret must start with whsec_", file=sys.stderr)
        return 2
    server = SandboxServer(
        host=args.host,
        port=args.port,
        seed=args.seed,
        latency_ms=args.latency_ms,
        webhook_url=args.webhook_url,
        webhook_secret=args.webhook_secret,
        state_file=args.state_file,
        webhook_chaos=args.webhook_chaos,
    )
    try:
        server.start()
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    stop = threading.Event()

    def _stop(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    if args.exit_with_parent:
        # The parent holds our stdin open; a killed or crashed parent closes it. Works the
        # same on Windows and macOS, unlike a parent-death signal.
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    print(server.base_url, flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


def main() -> None:
    sys.exit(run(sys.argv[1:]))
