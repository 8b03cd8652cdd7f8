from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.database import Store
from posdesk.store.schema_objects import AUDIT_APPEND_ONLY_MESSAGE


def test_append_and_list_recent(store: Store) -> None:
    log = AuditLog(store)
    first = log.append("s1", "Pat", "charge", "cus_1", "succeeded", {"amount": 1250, "c": "EUR"})
    log.append("s2", "Sam", "detach_card", "pm_1", "denied", None)
    assert first.id is not None
    entries = log.list_recent(10)
    assert [e.action for e in entries] == ["detach_card", "charge"]
    assert decode_detail(entries[1]) == {"amount": 1250, "c": "EUR"}
    assert entries[1].detail == '{"amount": 1250, "c": "EUR"}'
    assert decode_detail(entries[0]) is None
    assert [e.action for e in log.list_recent(1)] == ["detach_card"]


def test_an_over_long_entry_is_shortened_never_refused(store: Store) -> None:
    # Audit is often written after money moved: it must not fail for length.
    AuditLog(store).append("s1", "Pat", "charge", "cus_" + "x" * 5000, "succeeded",
                           {"customer_id": "cus_" + "x" * 5000, "amount": 1250})
    [entry] = AuditLog(store).list_recent()
    detail = decode_detail(entry)
    assert detail is not None and detail["truncated"] is True and detail["amount"] == 1250
    assert len(entry.detail or "") <= 4000 and len(entry.target or "") <= 128


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET outcome = 'tampered'",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = :id",
    ],
)
def test_database_rejects_changes_to_the_audit_log(store: Store, statement: str) -> None:
    entry = AuditLog(store).append("s1", "Pat", "charge", "cus_1", "succeeded")
    with pytest.raises(DBAPIError) as caught, store.engine.begin() as conn:
        conn.execute(text(statement), {"id": entry.id})
    assert AUDIT_APPEND_ONLY_MESSAGE in str(caught.value)
    entries = AuditLog(store).list_recent()
    assert [(e.id, e.outcome) for e in entries] == [(entry.id, "succeeded")]


def test_orm_update_is_rejected_too(store: Store) -> None:
    entry = AuditLog(store).append("s1", "Pat", "charge", "cus_1", "succeeded")
    with pytest.raises(DBAPIError), store.session() as session:
        loaded = session.get(type(entry), entry.id)
        assert loaded is not None
        loaded.outcome = "changed"
        session.add(loaded)
    assert AuditLog(store).list_recent()[0].outcome == "succeeded"


def test_truncate_is_rejected_on_postgresql(store: Store) -> None:
    if store.dialect != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    AuditLog(store).append("s1", "Pat", "charge", "cus_1", "succeeded")
    with pytest.raises(DBAPIError), store.engine.begin() as conn:
        conn.execute(text("TRUNCATE audit_log"))
    assert len(AuditLog(store).list_recent()) == 1


def test_a_nul_byte_in_a_target_is_dropped_not_a_database_error(store: Store) -> None:
    AuditLog(store).append("s1", "Pat", "charge", "cus_\x001", "declined", {"note": "a\x00b"})
    [entry] = AuditLog(store).list_recent()
    assert entry.target == "cus_1" and decode_detail(entry) == {"note": "a\x00b"}
