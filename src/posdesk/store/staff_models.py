"""Tables of the shop's people and its own settings, shared by every terminal of a store."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from posdesk.store.models import utcnow


class StaffAccountRecord(SQLModel, table=True):
    """A member of staff. The PIN is kept only as an Argon2id hash, which carries its own
    salt and cost parameters (so they can be raised later, hash by hash)."""

    __tablename__ = "staff"

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(max_length=256)
    role: str = Field(max_length=16)  # domain.roles.Role
    pin_hash: str = Field(max_length=512)
    active: bool = Field(default=True)
    # Wrong PINs in a row, and until when the next try is refused (a growing delay).
    failed_sign_ins: int = Field(default=0)
    blocked_until: datetime | None = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class TerminalSignInRecord(SQLModel, table=True):
    """Wrong PINs in a row on one terminal, whichever accounts they were tried on: guessing
    by walking through the accounts meets a growing delay too."""

    __tablename__ = "terminal_sign_ins"

    terminal_id: str = Field(primary_key=True, max_length=36)
    failed_sign_ins: int = Field(default=0)
    blocked_until: datetime | None = Field(default=None)


class ShopSettingRecord(SQLModel, table=True):
    """One setting of the shop (name, address, approval limits...), JSON-encoded."""

    __tablename__ = "shop_settings"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=4000)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: str = Field(default="", max_length=64)
