"""GUI fixtures: the real app context (store, services, gateway) against the sandbox, a shop
with saved test cards created through stripe-python, and the main window.

The store's staff are real accounts created through the staff service; a manager is signed
in unless a test chooses another role (`staff_role`) or nobody (`staff_role` None)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import stripe

from posdesk.app_context import AppContext
from posdesk.domain.roles import Role, StaffMember
from posdesk.services.secret_store import SecretStore
from posdesk.settings import Settings


def sandbox_url(server: Any) -> str:
    return server.base_url


@pytest.fixture
def gui_app(qapp: Any) -> Any:
    from posdesk.gui.app import prepare_application

    return prepare_application()


# The test store's people: one per role, each with a PIN the service accepts.
STAFF_NAMES = {Role.MANAGER: "Test Manager", Role.CASHIER: "Test Cashier",
               Role.SUPPORT: "Test Support"}
STAFF_PINS = {Role.MANAGER: "2580", Role.CASHIER: "3690", Role.SUPPORT: "1470"}


def add_staff(context: AppContext, *roles: Role) -> dict[Role, StaffMember]:
    """The store's first manager, and one account for each other role asked for."""
    staff = context.staff_accounts
    manager = staff.create_first_manager(STAFF_NAMES[Role.MANAGER], STAFF_PINS[Role.MANAGER])
    people = {Role.MANAGER: manager}
    for role in roles:
        if role not in people:
            people[role] = staff.add(manager, STAFF_NAMES[role], role, STAFF_PINS[role]).member
    return people


def sign_in_as(context: AppContext, role: Role) -> StaffMember:
    """Sign in with the PIN of the store's account of this role (created if missing)."""
    accounts = {a.role: a for a in context.staff_accounts.accounts()}
    if not accounts:
        people = add_staff(context, role)
        member = people[role]
    elif role in accounts:
        member = accounts[role].member
    else:
        manager = accounts[Role.MANAGER].member
        member = context.staff_accounts.add(
            manager, STAFF_NAMES[role], role, STAFF_PINS[role]).member
    return context.session.sign_in(member.id, STAFF_PINS[role]).member


def make_context(
    *, data_dir: Path, store: Any, api_base: str, secret_key: str | None, role: Role | None
) -> AppContext:
    """The app context; with `role`, that role's account signed in."""
    context = AppContext(
        settings=Settings(currency="USD", locale="en_US"),
        data_dir=data_dir,
        store=store,
        secrets=SecretStore.in_memory(),
        api_base=api_base,
    )
    if secret_key is not None:
        context.reconfigure(secret_key, None)
    if role is not None:
        sign_in_as(context, role)
    return context


@pytest.fixture
def staff_role() -> Role | None:
    """Who is signed in when the test starts (None: nobody, the sign-in page shows)."""
    return Role.MANAGER


@pytest.fixture
def gui_context(
    sandbox: Any, tmp_store: Any, data_dir: Path, secret_key: str, staff_role: Role | None
) -> AppContext:
    return make_context(
        data_dir=data_dir,
        store=tmp_store,
        api_base=sandbox_url(sandbox),
        secret_key=secret_key,
        role=staff_role,
    )


@dataclass
class Shop:
    """Customers with saved cards, created in the sandbox the way a shop's site would."""

    client: stripe.StripeClient
    customer_id: str
    card_ids: dict[str, str]  # last4 -> pm id


def _attach(client: stripe.StripeClient, sandbox: Any, pm: str, customer_id: str) -> str:
    try:
        return client.v1.payment_methods.attach(pm, {"customer": customer_id}).id
    except stripe.CardError as exc:
        # Stripe (and the sandbox) refuse to save a card that declines everything. In a shop
        # such a card was saved while it still had funds and declines today; recreate that
        # history by putting the card Stripe just created on the customer directly.
        body = exc.json_body if isinstance(exc.json_body, dict) else {}
        pm_id = body["error"]["payment_method"]["id"]
        with sandbox.state.lock:
            sandbox.state.get("payment_method", pm_id)["customer"] = customer_id
        return pm_id


@pytest.fixture
def shop(sandbox: Any, secret_key: str) -> Shop:
    client = stripe.StripeClient(secret_key, base_addresses={"api": sandbox_url(sandbox)})
    ada = client.v1.customers.create(
        {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+44 20 7946 0001"}
    )
    client.v1.customers.create(
        {"name": "Adam Smith", "email": "adam@example.com", "phone": "+1 555 0100"}
    )
    client.v1.customers.create({"name": "Grace Hopper", "email": "grace@example.com"})
    cards = {}
    for pm in (
        "pm_card_visa",
        "pm_card_chargeDeclinedInsufficientFunds",
        "pm_card_authenticationRequired",
    ):
        pm_id = _attach(client, sandbox, pm, ada.id)
        cards[client.v1.payment_methods.retrieve(pm_id).card.last4] = pm_id
    return Shop(client=client, customer_id=ada.id, card_ids=cards)


@pytest.fixture
def window(qtbot: Any, gui_app: Any, gui_context: AppContext) -> Iterator[Any]:
    from posdesk.gui.shell.main_window import MainWindow

    win = MainWindow(gui_context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture(autouse=True)
def _background_work_finishes_before_widgets_go(qtbot: Any) -> Iterator[None]:
    """After each GUI test, and before pytest-qt deletes its widgets (this fixture comes
    after `qtbot`, so its teardown runs first): wait for the background jobs the test
    started and deliver their answers while the widgets they report to still exist. An
    answer delivered later, into the next test's event loop, would reach a deleted widget."""
    yield
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(15_000)
        QApplication.processEvents()
