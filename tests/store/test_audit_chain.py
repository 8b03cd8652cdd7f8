"""The tamper-evident audit trail: one chain per store, authenticated with a key kept in the
OS keyring, checked by `posdesk audit verify`.

An attacker here has the database and nothing else: they lift the append-only triggers and
edit, delete, insert, reorder and truncate rows with SQL (recomputing hashes where that
helps them, since the encoding is no secret). Verify must name the first bad entry each
time, on SQLite and PostgreSQL; an untouched history of thousands of entries passes.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from posdesk import cli
from posdesk.services.audit_trail import (
    EXIT_INCOMPLETE,
    EXIT_INTACT,
    EXIT_TAMPERED,
    KeyringAuditKeys,
    VerifyStatus,
    keep_store_chain,
    verify_store,
)
from posdesk.services.secret_store import AUDIT_KEY_PREFIX, SecretStore
from posdesk.store import audit
from posdesk.store.audit import (
    HEADS_FILE,
    AuditLog,
    Finding,
    chain_hash,
    chain_mac,
    new_key,
)
from posdesk.store.database import Store, alembic_config, open_store
from tests.keyrings import DictKeyring

REPO_ROOT = Path(__file__).resolve().parents[2]
ENTRIES = 120
BAD = 50  # the entry each attack starts at


@pytest.fixture
def terminal_keyring() -> DictKeyring:
    return DictKeyring()


@pytest.fixture
def secrets(terminal_keyring: DictKeyring) -> SecretStore:
    return SecretStore(backend=terminal_keyring)


@pytest.fixture
def keyed(store: Store, secrets: SecretStore, data_dir: Path) -> Store:
    """The store with this terminal's keyring and remembered heads, as the app keeps it."""
    keep_store_chain(store, secrets, data_dir)
    return store


@pytest.fixture
def cli_env(
    monkeypatch: pytest.MonkeyPatch, store_url: str, data_dir: Path,
    terminal_keyring: DictKeyring,
) -> Iterator[None]:
    """`posdesk audit ...` in this process on the test's store, data directory and keyring."""
    monkeypatch.setenv("POSDESK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("POSDESK_DATABASE_URL", store_url)
    monkeypatch.setattr(keyring, "get_keyring", lambda: terminal_keyring)
    umask = os.umask(0o077)
    yield
    os.umask(umask)


def run_cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = cli.main(list(argv))
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def fill(store: Store, count: int = ENTRIES, terminal: str = "till-1") -> None:
    log = AuditLog(store, terminal)
    for i in range(count):
        log.append(f"staff-{i % 3}", f"Staff {i % 3}", "charge", f"pi_{i}",
                   "succeeded" if i % 4 else "declined", {"amount": 100 + i})


# --- the attacker's tools: SQL on the database, the append-only triggers lifted -------------


def lift_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_delete")
    else:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")


def rows(conn: Connection) -> list[dict[str, Any]]:
    names = ("id", "seq", "at", "staff_id", "staff_name", "terminal_id", "action", "target",
             "outcome", "detail", "prev_hash", "entry_hash", "key_id", "mac")
    return [dict(zip(names, row, strict=True)) for row in audit._chain_rows(conn, 1000)]


def rehash(row: dict[str, Any]) -> str:
    return chain_hash(row["seq"], row["at"], row["staff_id"], row["staff_name"],
                      row["terminal_id"], row["action"], row["target"], row["outcome"],
                      row["detail"], row["prev_hash"], row["key_id"])


def rewrite_from(conn: Connection, start: int, change: Callable[[dict[str, Any]], None],
                 key: tuple[str, bytes] | None = None) -> None:
    """Change entries from seq `start` on and recompute every hash after them; the MACs
    are kept as they were, or made with the attacker's own key."""
    prev = None
    for row in rows(conn):
        if row["seq"] < start:
            prev = row["entry_hash"]
            continue
        change(row)
        row["prev_hash"] = prev
        if key is not None:
            row["key_id"] = key[0]
        row["entry_hash"] = rehash(row)
        if key is not None:
            row["mac"] = chain_mac(key[1], row["entry_hash"])
        prev = row["entry_hash"]
        conn.execute(text(
            "UPDATE audit_log SET outcome = :outcome, prev_hash = :prev_hash, "
            "entry_hash = :entry_hash, key_id = :key_id, mac = :mac WHERE id = :id"), row)


def shift_up(conn: Connection, start: int) -> None:
    conn.execute(text("UPDATE audit_log SET seq = -seq WHERE seq >= :s"), {"s": start})
    conn.execute(text("UPDATE audit_log SET seq = 1 - seq WHERE seq < 0"))


def insert_row(conn: Connection, row: dict[str, Any]) -> None:
    # SQLite keeps `at` as the very text the chain hashes; PostgreSQL as a timestamp.
    at = row["at"] if conn.dialect.name == "sqlite" else datetime.strptime(
        row["at"], "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)
    values = {**row, "at": at}
    values.pop("id", None)
    conn.execute(text(
        "INSERT INTO audit_log (at, staff_id, staff_name, action, target, outcome, detail, "
        "terminal_id, seq, prev_hash, entry_hash, key_id, mac) VALUES (:at, :staff_id, "
        ":staff_name, :action, :target, :outcome, :detail, :terminal_id, :seq, :prev_hash, "
        ":entry_hash, :key_id, :mac)"), values)


def forged_after(conn: Connection, seq: int, mac: str | None) -> dict[str, Any]:
    """A refund nobody made, hashed as the entry after `seq - 1` (the encoding is public)."""
    before = next(r for r in rows(conn) if r["seq"] == seq - 1)
    row = {**before, "seq": seq, "action": "refund", "target": "pi_forged",
           "outcome": "succeeded", "detail": None, "prev_hash": before["entry_hash"],
           "mac": mac}
    row["entry_hash"] = rehash(row)
    return row


def edit(conn: Connection) -> None:
    conn.execute(text("UPDATE audit_log SET outcome = 'succeeded', target = 'pi_x' "
                      "WHERE seq = :s"), {"s": BAD})


def delete(conn: Connection) -> None:
    conn.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": BAD})


def delete_and_renumber(conn: Connection) -> None:
    delete(conn)
    conn.execute(text("UPDATE audit_log SET seq = -(seq - 1) WHERE seq > :s"), {"s": BAD})
    conn.execute(text("UPDATE audit_log SET seq = -seq WHERE seq < 0"))


def insert_forged(conn: Connection) -> None:
    row = forged_after(conn, BAD, "0" * 64)
    shift_up(conn, BAD)
    insert_row(conn, row)


def insert_without_mac(conn: Connection) -> None:
    row = forged_after(conn, BAD, None)
    shift_up(conn, BAD)
    insert_row(conn, row)


def insert_outside_the_chain(conn: Connection) -> None:
    conn.execute(text(
        "INSERT INTO audit_log (at, staff_id, staff_name, action, outcome) "
        "VALUES (:at, 'staff-0', 'Staff 0', 'refund', 'succeeded')"),
        {"at": datetime.now(UTC)})


def reorder(conn: Connection) -> None:
    conn.execute(text("UPDATE audit_log SET seq = -1 WHERE seq = :s"), {"s": BAD})
    conn.execute(text("UPDATE audit_log SET seq = :s WHERE seq = :n"), {"s": BAD, "n": BAD + 1})
    conn.execute(text("UPDATE audit_log SET seq = :n WHERE seq = -1"), {"n": BAD + 1})


def truncate(conn: Connection) -> None:
    conn.execute(text("DELETE FROM audit_log WHERE seq > :s"), {"s": ENTRIES - 20})


def rewrite_recomputing_hashes(conn: Connection) -> None:
    def changed_outcome(row: dict[str, Any]) -> None:
        if row["seq"] == BAD:
            row["outcome"] = "refunded"

    rewrite_from(conn, BAD, changed_outcome)


def rewrite_with_own_key(conn: Connection) -> None:
    rewrite_from(conn, BAD, lambda row: row.update(outcome="refunded"), key=new_key())


ATTACKS: dict[str, tuple[Callable[[Connection], None], Finding, int | None, str]] = {
    # name: (attack, finding, first bad seq, words the CLI must print)
    "edit": (edit, Finding.EDITED, BAD, f"entry seq {BAD} "),
    "delete": (delete, Finding.DELETED, BAD, f"missing from seq {BAD} "),
    "delete and renumber": (delete_and_renumber, Finding.DELETED, BAD, f"before seq {BAD} "),
    "insert a forged entry": (insert_forged, Finding.INSERTED, BAD, f"entry seq {BAD} was "
                              "inserted"),
    "insert an entry without MAC": (insert_without_mac, Finding.INSERTED, BAD,
                                    f"entry seq {BAD} was inserted"),
    "insert outside the chain": (insert_outside_the_chain, Finding.INSERTED, None,
                                 "outside the chain"),
    "reorder": (reorder, Finding.REORDERED, BAD, f"entry seq {BAD} is out of order"),
    "truncate": (truncate, Finding.TRUNCATED, ENTRIES - 19,
                 f"truncated: the chain ends at seq {ENTRIES - 20}"),
    "edit recomputing the hashes": (rewrite_recomputing_hashes, Finding.BAD_MAC, BAD,
                                    f"entry seq {BAD} "),
    "rewrite with another key": (rewrite_with_own_key, Finding.KEY_CHANGED, BAD,
                                 f"entry seq {BAD} names another audit key"),
}


# --- an honest history -------------------------------------------------------------------------


def test_entries_form_one_authenticated_chain(keyed: Store, terminal_keyring: DictKeyring
                                              ) -> None:
    fill(keyed, 5)
    with keyed.engine.connect() as conn:
        found = rows(conn)
    assert [r["seq"] for r in found] == [1, 2, 3, 4, 5]
    assert found[0]["prev_hash"] == audit.GENESIS_HASH
    assert all(b["prev_hash"] == a["entry_hash"] for a, b in zip(found, found[1:], strict=False))
    key_id = found[0]["key_id"]
    assert key_id and all(r["key_id"] == key_id and r["mac"] for r in found)
    # The key lives in the keyring only, under its id: not in the rows.
    [(service, name)] = terminal_keyring.values
    assert name == AUDIT_KEY_PREFIX + key_id
    stored = terminal_keyring.values[(service, name)]
    assert all(stored not in json.dumps(r, default=str) for r in found)


def test_an_untouched_history_of_thousands_of_entries_passes(keyed: Store, cli_env: None
                                                            ) -> None:
    fill(keyed, 10)
    start = datetime.now(UTC) - timedelta(days=30)
    AuditLog(keyed).append_copies([
        {"at": start + timedelta(seconds=i), "staff_id": f"s{i % 7}", "staff_name": "Sam",
         "action": "charge", "target": f"pi_{i}", "outcome": "succeeded",
         "detail": json.dumps({"amount": i}), "terminal_id": "till-2"}
        for i in range(3000)
    ])
    fill(keyed, 10)
    code, out, err = run_cli("audit", "verify")
    assert code == EXIT_INTACT, out + err
    assert out.splitlines()[0] == out.strip(), "one line when intact"
    assert "Audit trail intact: 3020 entries, seq 1 to 3020" in out


def test_an_empty_trail_is_intact(keyed: Store) -> None:
    result = verify_store(keyed)
    assert result.status is VerifyStatus.INTACT and result.entries == 0


# --- tampering -----------------------------------------------------------------------------------


@pytest.mark.parametrize("attack", list(ATTACKS), ids=list(ATTACKS))
def test_verify_names_the_first_bad_entry(
    attack: str, keyed: Store, cli_env: None
) -> None:
    fill(keyed)
    assert run_cli("audit", "verify")[0] == EXIT_INTACT  # remembers the head: seq 120
    tamper, finding, seq, words = ATTACKS[attack]
    with keyed.engine.begin() as conn:
        lift_triggers(conn)
        tamper(conn)
    result = verify_store(keyed)
    assert result.status is VerifyStatus.TAMPERED
    assert (result.finding, result.first_bad_seq) == (finding, seq), result.summary
    code, out, err = run_cli("audit", "verify")
    assert code == EXIT_TAMPERED
    assert out.startswith("Audit trail NOT intact: ") and words in out, out


def test_truncation_is_noticed_only_by_a_terminal_that_saw_the_end(
    keyed: Store, store: Store, data_dir: Path, secrets: SecretStore, tmp_path: Path,
) -> None:
    fill(keyed)
    with keyed.engine.begin() as conn:
        lift_triggers(conn)
        truncate(conn)
    assert verify_store(keyed).finding is Finding.TRUNCATED
    # Another terminal with the key but no memory of this store cannot tell.
    elsewhere = keep_store_chain(store, secrets, tmp_path / "other-terminal")
    result = verify_store(store, elsewhere)
    assert result.status is VerifyStatus.INTACT
    assert any("remembers no head" in note for note in result.notes)


def test_the_memory_of_heads_is_private_and_holds_no_key(
    keyed: Store, data_dir: Path, terminal_keyring: DictKeyring
) -> None:
    fill(keyed, 3)
    path = data_dir / HEADS_FILE
    if os.name != "nt":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    written = path.read_text(encoding="utf-8")
    [record] = json.loads(written).values()
    assert record["seq"] == 3 and record["mac"]
    assert all(value not in written for value in terminal_keyring.values.values())
    # An altered memory is noticed.
    record["mac"] = "0" * 64
    path.write_text(json.dumps({next(iter(json.loads(written))): record}), encoding="utf-8")
    assert verify_store(keyed).finding is Finding.MEMORY_ALTERED


# --- a terminal without the key ----------------------------------------------------------------


def test_a_terminal_without_the_key_still_appends_and_verify_says_what_it_cannot_check(
    keyed: Store, store_url: str, tmp_path: Path, cli_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill(keyed, 5)  # terminal 1 makes the key
    other = open_store(store_url)
    try:
        other_secrets = SecretStore(backend=DictKeyring())
        keep_store_chain(other, other_secrets, tmp_path / "till-2")
        fill(other, 3, terminal="till-2")  # no key here: appended without a MAC
        with other.engine.connect() as conn:
            found = rows(conn)
        assert len(found) == 8 and [r["mac"] is None for r in found[5:]] == [True] * 3
        assert len({r["key_id"] for r in found}) == 1
        result = verify_store(other)
        assert result.status is VerifyStatus.INCOMPLETE
        assert any("does not hold the store's audit key" in n for n in result.notes)
    finally:
        other.close()
    # The terminal holding the key sees the three entries it cannot vouch for.
    code, out, _ = run_cli("audit", "verify")
    assert code == EXIT_INCOMPLETE
    assert "3 entries (the first at seq 6; terminals: till-2) carry no MAC" in out


def test_a_broken_keyring_never_loses_an_entry(store: Store, data_dir: Path) -> None:
    class Locked(DictKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise keyring.errors.KeyringLocked("locked")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.KeyringLocked("locked")

    keep_store_chain(store, SecretStore(backend=Locked()), data_dir)
    fill(store, 2)
    with store.engine.connect() as conn:
        assert [(r["seq"], r["mac"]) for r in rows(conn)] == [(1, None), (2, None)]
    result = verify_store(store)
    assert result.status is VerifyStatus.INCOMPLETE
    assert any("no audit key yet" in note for note in result.notes)


def test_the_key_moves_to_another_terminal_by_export_and_import(
    keyed: Store, cli_env: None, terminal_keyring: DictKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill(keyed, 4)
    code, line, err = run_cli("audit", "key", "export")
    assert code == 0 and line.startswith("posdesk-audit-key-v1:") and "secret" in err
    other = DictKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: other)
    assert run_cli("audit", "verify")[0] == EXIT_INCOMPLETE  # no key on this terminal
    code, out, _ = run_cli("audit", "key", "import", stdin=line)
    assert code == 0 and "imported" in out
    assert other.values == terminal_keyring.values
    assert run_cli("audit", "verify")[0] == EXIT_INTACT
    # Anything else is refused, and the refusal quotes nothing of it.
    code, out, err = run_cli("audit", "key", "import", stdin="posdesk-audit-key-v1:abc:def")
    assert code == 2 and "def" not in err


# --- upgrading a store whose entries predate the chain -----------------------------------------


def test_the_migration_chains_entries_made_before_it(
    store_url: str, data_dir: Path, secrets: SecretStore
) -> None:
    engine = create_engine(store_url)
    try:
        with engine.begin() as conn:
            config = alembic_config(engine)
            config.attributes["connection"] = conn
            command.upgrade(config, "0009")
        with engine.begin() as conn:
            for i in range(25):
                conn.execute(text(
                    "INSERT INTO audit_log (at, staff_id, staff_name, action, target, outcome, "
                    "detail, terminal_id) VALUES (:at, 's1', 'Pat', 'charge', :t, 'succeeded', "
                    ":d, NULL)"),
                    {"at": datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=i),
                     "t": f"pi_{i}", "d": json.dumps({"n": i})})
    finally:
        engine.dispose()
    upgraded = open_store(store_url)
    try:
        keep_store_chain(upgraded, secrets, data_dir)
        before = verify_store(upgraded)
        assert before.status is VerifyStatus.INCOMPLETE and before.entries == 25
        fill(upgraded, 2)
        after = verify_store(upgraded)
        assert after.status is VerifyStatus.INTACT, after.summary
        assert any("seq 1 to 25 were written before the store had an audit key" in n
                   for n in after.notes)
        # Sealed: an edit to an old entry breaks the first authenticated entry's MAC.
        with upgraded.engine.begin() as conn:
            lift_triggers(conn)
            rewrite_from(conn, 10, lambda row: row.update(outcome="declined")
                         if row["seq"] == 10 else None)
        assert verify_store(upgraded).finding is Finding.BAD_MAC
    finally:
        upgraded.close()


# --- several processes, one chain -----------------------------------------------------------


_APPENDER = """
import sys
import time
from posdesk.store.audit import AuditLog, keep_chain
from posdesk.store.database import open_store

class Keys:
    def __init__(self, key_id, key):
        self.pair = (key_id, bytes.fromhex(key))
    def key(self, key_id):
        return self.pair[1] if key_id == self.pair[0] else None
    def create(self):
        return self.pair

url, terminal, count, key_id, key = sys.argv[1:]
store = open_store(url)
keep_chain(store, Keys(key_id, key), None)
log = AuditLog(store, terminal)
print("ready", flush=True)
sys.stdin.readline()
for i in range(int(count)):
    log.append("s-" + terminal, "Staff", "charge", f"pi_{terminal}_{i}", "succeeded")
    time.sleep(0.001)  # a till between two actions: lets the other process in
store.close()
"""


def test_two_processes_appending_at_once_make_one_chain(
    store_url: str, store: Store, data_dir: Path
) -> None:
    key_id, key = new_key()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(REPO_ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _APPENDER, store_url, name, "150", key_id, key.hex()],
            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        for name in ("till-a", "till-b")
    ]
    for process in processes:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    for process in processes:  # both start together
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    for process in processes:
        assert process.wait(timeout=120) == 0

    class Keys:
        def key(self, wanted: str) -> bytes | None:
            return key if wanted == key_id else None

        def create(self) -> tuple[str, bytes]:
            return key_id, key

    keeping = audit.keep_chain(store, Keys(), audit.HeadMemory(data_dir))
    result = verify_store(store, keeping)
    assert result.status is VerifyStatus.INTACT, result.summary
    assert result.entries == 300
    with store.engine.connect() as conn:
        found = rows(conn)
    terminals = [r["terminal_id"] for r in found]
    assert terminals.count("till-a") == terminals.count("till-b") == 150
    # Interleaved, not one after the other: the appends really raced.
    switches = sum(1 for a, b in zip(terminals, terminals[1:], strict=False) if a != b)
    assert switches > 1


def test_keyring_audit_keys_refuse_names_they_could_not_have_made(secrets: SecretStore
                                                                  ) -> None:
    keys = KeyringAuditKeys(secrets)
    key_id, key = keys.create()
    assert keys.key(key_id) == key
    assert keys.key("../etc") is None and keys.key("") is None
