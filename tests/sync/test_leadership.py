"""The election of the store's syncing terminal, step by step on a real store (SQLite, and
PostgreSQL when POSDESK_TEST_DATABASE_URL is set) with clocks the test moves."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from posdesk.store.database import Store
from posdesk.store.models import TerminalRecord
from posdesk.store.terminals import LeaseRepository, TerminalRepository
from posdesk.sync.leader import LEASE_TTL, RENEW_INTERVAL_S, Leadership

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TTL_S = LEASE_TTL.total_seconds()


class Clocks:
    """One moment for every terminal of the test: the wall clock and the monotonic one."""

    def __init__(self) -> None:
        self.t = 0.0

    def wall(self) -> datetime:
        return START + timedelta(seconds=self.t)

    def monotonic(self) -> float:
        return self.t


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


@pytest.fixture
def terminal(store: Store, clocks: Clocks) -> Callable[[str], Leadership]:
    def make(holder: str) -> Leadership:
        return Leadership(store, holder, clock=clocks.wall, monotonic=clocks.monotonic)

    return make


def test_the_first_to_ask_leads_and_the_other_follows(terminal) -> None:
    till1, till2 = terminal("till-1"), terminal("till-2")
    assert till1.step() and till1.leading and till1.term == 1
    assert not till2.step() and not till2.leading and till2.term == 0
    assert till1.step() and not till2.step()  # a renewal keeps it where it is


def test_renewals_keep_one_term_and_a_gap_starts_a_new_one(terminal, clocks) -> None:
    till1 = terminal("till-1")
    for moment in (0.0, 2.0, 4.0, 6.0, 8.0):
        clocks.t = moment
        assert till1.step() and till1.term == 1
    clocks.t = 8.0 + TTL_S + 1  # stalled past its lease: another terminal may have led since
    assert not till1.leading
    assert till1.step() and till1.term == 2  # start-up work again, as after a take-over


def test_a_stalled_leader_is_replaced_and_stops_leading_without_asking(terminal, clocks) -> None:
    till1, till2 = terminal("till-1"), terminal("till-2")
    assert till1.step()
    clocks.t = TTL_S - 0.1
    assert till1.leading and not till2.step()
    clocks.t = TTL_S + 0.1
    # Its own deadline has passed: the poller stops before the stuck thread could tell it.
    assert not till1.leading
    assert till2.step() and till2.leading
    assert not till1.step() and not till1.leading  # it comes back and finds it taken


def test_a_release_hands_over_at_once(terminal) -> None:
    till1, till2 = terminal("till-1"), terminal("till-2")
    assert till1.step() and not till2.step()
    till1.release()
    assert not till1.leading
    assert till2.step()
    till1.release()  # no longer the holder: the lease stays with till 2
    assert not till1.step() and till2.step()


def test_a_store_error_keeps_a_leader_until_its_deadline_and_a_follower_following(
    terminal, clocks, monkeypatch
) -> None:
    till1, till2 = terminal("till-1"), terminal("till-2")
    assert till1.step() and not till2.step()

    def unavailable(*args: object) -> bool:
        raise OSError("the database server went away")

    monkeypatch.setattr(LeaseRepository, "acquire", unavailable)
    clocks.t = 2.0
    assert till1.step() and till1.term == 1  # nobody can take the lease before it runs out
    assert not till2.step()
    clocks.t = TTL_S
    assert not till1.step() and not till1.leading


def test_a_follower_names_the_leader_and_asks_when_its_lease_runs_out(
    store, terminal, clocks
) -> None:
    TerminalRepository(store).register(TerminalRecord(id="till-1", name="Till 1", host="pc-1"))
    till1, till2 = terminal("till-1"), terminal("till-2")
    assert till1.step()
    holder = till2.current_holder()
    assert holder is not None and (holder.terminal_id, holder.name) == ("till-1", "Till 1")
    assert till2.next_ask_in(holder, RENEW_INTERVAL_S) == RENEW_INTERVAL_S
    clocks.t = TTL_S - 0.5  # the leader died after its last renewal at 0
    assert till2.next_ask_in(holder, RENEW_INTERVAL_S) == pytest.approx(0.55)
    clocks.t = TTL_S + 0.1
    assert till2.current_holder() is None  # lapsed: free for whoever asks
    assert till2.step()
    holder = terminal("relay-9").current_holder()
    assert holder is not None and holder.name == "till-2"  # no terminal row: named by its id


def test_terminals_racing_for_a_free_or_lapsed_lease_never_both_win(
    open_test_store, clocks
) -> None:
    racers = 8
    stores = [open_test_store() for _ in range(racers)]

    def race(holders: list[str]) -> list[str]:
        elections = [
            Leadership(s, h, clock=clocks.wall, monotonic=clocks.monotonic)
            for s, h in zip(stores, holders, strict=True)
        ]
        gate = threading.Barrier(racers)
        winners: list[str] = []

        def ask(election: Leadership) -> None:
            gate.wait()
            if election.step():
                winners.append(election.holder)

        threads = [threading.Thread(target=ask, args=(e,)) for e in elections]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        return winners

    first = race([f"till-{i}" for i in range(racers)])
    assert len(first) == 1  # a free lease (no row yet): one insert wins
    clocks.t = TTL_S + 1  # the winner died
    second = race([f"till-{i}" for i in range(racers, 2 * racers)])
    assert len(second) == 1  # a lapsed lease: one conditional update wins
