"""The shop's own settings in the store (name, address, currency, limits...), shared by every
terminal: one row per setting, its value JSON-encoded. Rows only; what a value may be is the
shop settings service's."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlmodel import col, select

from posdesk.store.database import Store
from posdesk.store.models import utcnow
from posdesk.store.staff_models import ShopSettingRecord


class ShopSettingsRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> dict[str, Any]:
        """Every stored setting, decoded; a value that is not JSON is left out."""
        with self.store.session() as session:
            rows = list(session.exec(select(ShopSettingRecord).order_by(
                col(ShopSettingRecord.key))))
        values: dict[str, Any] = {}
        for row in rows:
            try:
                values[row.key] = json.loads(row.value)
            except ValueError:
                continue
        return values

    def put(self, values: Mapping[str, Any], by: str) -> None:
        """Write the settings in one transaction (all or none)."""
        with self.store.session() as session:
            for key, value in values.items():
                record = session.get(ShopSettingRecord, key, with_for_update=True)
                if record is None:
                    record = ShopSettingRecord(key=key, value="")
                record.value = _encode(value)
                record.updated_at = utcnow()
                record.updated_by = by[:64]
                session.add(record)

    def put_missing(self, values: Mapping[str, Any], by: str) -> dict[str, Any]:
        """Write only the settings the store has no row for (a first start bringing what the
        settings file held); returns those written."""
        written: dict[str, Any] = {}
        with self.store.session() as session:
            for key, value in values.items():
                if session.get(ShopSettingRecord, key) is not None:
                    continue
                session.add(ShopSettingRecord(
                    key=key, value=_encode(value), updated_at=utcnow(), updated_by=by[:64]))
                written[key] = value
        return written


def _encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
