"""Demo mode: a seeded sandbox started through PosDesk's own entry point, throwaway keys."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from posdesk.app_context import AppContext, build_context
from posdesk.helper_process import start_sandbox
from posdesk.services.secret_store import STRIPE_PUBLISHABLE_KEY, STRIPE_SECRET_KEY, SecretStore


@contextmanager
def demo_context(data_dir: Path) -> Iterator[AppContext]:
    sandbox = start_sandbox(["--seed", "demo"])
    try:
        # A per-run key held in memory only: the user's keyring is never touched by the demo.
        keys = SecretStore.in_memory()
        keys.set(STRIPE_SECRET_KEY, "sk_test_" + secrets.token_hex(16))
        keys.set(STRIPE_PUBLISHABLE_KEY, "pk_test_" + secrets.token_hex(16))
        context = build_context(
            data_dir=data_dir,
            secrets=keys,
            demo=True,
            api_base=sandbox.base_url,
            database_url=f"sqlite:///{data_dir / 'posdesk.db'}",
        )
        try:
            yield context
        finally:
            context.close()
    finally:
        sandbox.stop()
