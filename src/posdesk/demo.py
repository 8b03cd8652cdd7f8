"""Demo mode: a seeded sandbox started through PosDesk's own entry point, throwaway keys.

By default each demo has its own sandbox and its own SQLite file in a throwaway directory.
To try several terminals on one store, `store_url` points the demo at a shared store (say
PostgreSQL) and `sandbox_url` joins a sandbox already running (`posdesk sandbox --seed
demo`), so that the terminals also see one Stripe account.

`posdesk --demo` spawns its sandbox before anything else (`starting`): the sandbox seeds its
customers on another core while this process imports Qt and the app.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from posdesk import paths
from posdesk.app_context import AppContext, build_context
from posdesk.helper_process import SandboxProcess, StartingSandbox, start_sandbox
from posdesk.services.secret_store import STRIPE_PUBLISHABLE_KEY, STRIPE_SECRET_KEY, SecretStore
from posdesk.settings import Settings


@contextmanager
def demo_context(
    data_dir: Path, *, store_url: str | None = None, sandbox_url: str | None = None,
    starting: StartingSandbox | None = None,
) -> Iterator[AppContext]:
    """`starting`: a sandbox already spawned (spawn_sandbox), used when no `sandbox_url` is
    given; this context stops it either way."""
    sandbox: SandboxProcess | None = None
    try:
        if sandbox_url is None:
            if starting is not None:
                sandbox, starting = starting.ready(), None
            else:
                sandbox = start_sandbox(["--seed", "demo"])
            sandbox_url = sandbox.base_url
        elif starting is not None:
            starting.stop()  # joined a running sandbox: the spawned one is not needed
        # A per-run key held in memory only: the user's keyring is never touched by the demo.
        # The sandbox takes any well-formed test key, so joined terminals need not share one.
        keys = SecretStore.in_memory()
        keys.set(STRIPE_SECRET_KEY, "sk_test_" + secrets.token_hex(16))
        keys.set(STRIPE_PUBLISHABLE_KEY, "pk_test_" + secrets.token_hex(16))
        # Several demo terminals on one computer would all carry its host name; the process
        # id tells them apart in Settings' list of terminals.
        data_dir.mkdir(parents=True, exist_ok=True)
        Settings(terminal_name=f"Demo terminal {os.getpid()}").save(
            paths.settings_file(data_dir)
        )
        context = build_context(
            data_dir=data_dir,
            secrets=keys,
            demo=True,
            api_base=sandbox_url,
            database_url=store_url or f"sqlite:///{data_dir / 'posdesk.db'}",
        )
        try:
            yield context
        finally:
            context.close()
    finally:
        if sandbox is not None:
            sandbox.stop()
        elif starting is not None:  # never became ready (an error on the way)
            starting.stop()
