"""Demo mode: a seeded sandbox in the app's own process, throwaway keys.

By default each demo has its own sandbox and its own SQLite file in a throwaway directory.
To try several terminals on one store, `store_url` points the demo at a shared store (say
PostgreSQL) and `sandbox_url` joins a sandbox already running (`posdesk sandbox --seed
demo`), so that the terminals also see one Stripe account.

`posdesk --demo` starts its sandbox on threads of its own process as soon as its window is up
(`starting`, sandbox/in_process.py): the sandbox seeds its customers while the app loads the
rest of itself. Each demo's own SQLite store is a copy of an empty store kept in the user's
cache (`demo_store_templates`), so a demo start neither imports Alembic nor runs the
migrations.

A demo store gets three people to sign in as (`DEMO_STAFF`), and the sign-in page shows their
PINs. Only a demo store: a real store starts with no account and no PIN, and its first
start asks for its first manager.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from posdesk import paths
from posdesk.app_context import AppContext, build_context
from posdesk.domain.roles import Role
from posdesk.services.errors import InputError
from posdesk.services.secret_store import STRIPE_PUBLISHABLE_KEY, STRIPE_SECRET_KEY, SecretStore
from posdesk.settings import Settings
from posdesk.store.database import DATABASE_FILE, default_database_url, new_store_from_template

if TYPE_CHECKING:
    from posdesk.sandbox.in_process import SeedingSandbox

# (name, role, PIN) of the demo store's people; the first is its first manager.
DEMO_STAFF: tuple[tuple[str, Role, str], ...] = (
    ("Morgan Manager", Role.MANAGER, "2580"),
    ("Casey Cashier", Role.CASHIER, "3690"),
    ("Sam Support", Role.SUPPORT, "1470"),
)


def demo_store_templates() -> Path:
    """Where the demo keeps its empty-store templates (the user's cache folder)."""
    return Path(platformdirs.user_cache_dir(paths.APP_NAME, paths.APP_AUTHOR)) / "demo-stores"


def seed_demo_staff(context: AppContext) -> None:
    """Give a demo store its people (once: a demo terminal joining a shared store finds
    them there), and let the sign-in page show their PINs."""
    staff = context.staff_accounts
    if staff.needs_first_manager():
        (name, _role, pin), *others = DEMO_STAFF
        try:
            manager = staff.create_first_manager(name, pin)
        except InputError:
            manager = None  # another demo terminal on this store was first
        if manager is not None:
            for other_name, role, other_pin in others:
                staff.add(manager, other_name, role, other_pin)
    context.session.demo_pins = tuple((name, pin) for name, _role, pin in DEMO_STAFF)


@contextmanager
def demo_context(
    data_dir: Path, *, store_url: str | None = None, sandbox_url: str | None = None,
    starting: SeedingSandbox | None = None,
) -> Iterator[AppContext]:
    """`starting`: a sandbox already being seeded, used when no `sandbox_url` is given; this
    context stops it either way."""
    sandbox = starting
    try:
        if sandbox_url is None:
            if sandbox is None:
                from posdesk.sandbox.in_process import SeedingSandbox  # a joined demo needs none

                sandbox = SeedingSandbox()
            sandbox_url = sandbox.ready()
        elif sandbox is not None:
            sandbox.stop()  # joined a running sandbox: the one started is not needed
            sandbox = None
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
        if store_url is None:
            # A new store each time, copied from an empty one kept in the user's cache.
            new_store_from_template(data_dir / DATABASE_FILE, demo_store_templates())
        context = build_context(
            data_dir=data_dir,
            secrets=keys,
            demo=True,
            api_base=sandbox_url,
            database_url=store_url or default_database_url(data_dir),
        )
        try:
            seed_demo_staff(context)
            yield context
        finally:
            context.close()
    finally:
        if sandbox is not None:  # stopped whether it became ready or not
            sandbox.stop()
