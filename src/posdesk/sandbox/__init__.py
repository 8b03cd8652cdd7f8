"""A stateful, offline stand-in for the parts of Stripe's API that PosDesk uses.

It is a program apart: it imports nothing from the rest of posdesk (standard library only),
so it runs in tests, in `posdesk --demo` and from a frozen bundle alike.

In process::

    from posdesk.sandbox.server import SandboxServer
    srv = SandboxServer(port=0, seed="demo")   # or seed=None for an empty account
    srv.start(); srv.base_url                   # "http://127.0.0.1:PORT"
    srv.fail_next(2, status=429)                # faults, latency, 3-D Secure, counts...
    srv.fail_next(1, processed=True)            # a 500 after the work is done, replayed
    srv.stop()

As a program: ``posdesk sandbox`` / ``python -m posdesk.sandbox`` (see cli.py); it prints its
base URL on the first line. Steering over HTTP lives under ``/_sandbox/`` (never ``/v1``):

- ``GET  /_sandbox/health``
- ``POST /_sandbox/faults`` ``{"kind": "fail"|"drop"|"hold", "count", "status", "seconds",
  "path_prefix", "processed"}``; ``DELETE /_sandbox/faults`` clears them. A ``fail`` with
  status 500 strikes once the request executes and is replayed to retries with its
  idempotency key (``processed``: after the handler ran); 429/502/503 save nothing (faults.py)
- ``POST /_sandbox/latency`` ``{"ms"}``
- ``POST /_sandbox/webhooks`` ``{"url", "secret", "chaos"}``
- ``GET  /_sandbox/challenges/{pi_or_seti}`` a stand-in 3-D Secure page;
  ``POST /_sandbox/challenges/{pi_or_seti}/complete|fail``
- ``GET  /_sandbox/count/{kind}``
- ``POST /_sandbox/payouts/run`` ``{"now"}``: the day's automatic payouts of every balance
  transaction available at ``now`` (payouts.py); ``POST /_sandbox/fees`` ``{"percent_bp",
  "fixed", "refund_fixed"}``: the fee model (balance.py: 2.9% + 30 minor units per card
  charge, none per refund, by default)

Bodies are JSON (``Content-Type: application/json``) or form-encoded.
"""
