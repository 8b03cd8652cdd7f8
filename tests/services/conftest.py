from __future__ import annotations

import pytest

from posdesk.domain.roles import Role, StaffMember
from posdesk.gateway.client import StripeGateway
from tests.gateway.sandbox_api import new_customer


@pytest.fixture
def gateway(sandbox, secret_key: str) -> StripeGateway:
    return StripeGateway(secret_key, sandbox.base_url, timeout=5)


@pytest.fixture
def customer_id(sandbox, secret_key: str) -> str:
    return new_customer(sandbox.base_url, secret_key, "Ann Example", email="ann@example.com")


@pytest.fixture
def cashier() -> StaffMember:
    return StaffMember(id="staff-7", name="Cory Cashier", role=Role.CASHIER)


@pytest.fixture
def support() -> StaffMember:
    return StaffMember(id="staff-8", name="Sam Support", role=Role.SUPPORT)


@pytest.fixture
def manager() -> StaffMember:
    return StaffMember(id="staff-9", name="Mo Manager", role=Role.MANAGER)
