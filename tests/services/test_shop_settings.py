"""The shop's settings in the store (on SQLite and PostgreSQL): defaults, validation, each
change audited, a manager only, the settings file's currency and locale brought in once, and
a change on one terminal seen by another."""

from __future__ import annotations

from dataclasses import replace

import pytest

from posdesk.domain.roles import PermissionDenied, Role, StaffMember
from posdesk.services.errors import InputError
from posdesk.services.guard import Guard
from posdesk.services.shop_settings import ShopSettings, ShopSettingsService
from posdesk.store.audit import AuditLog, decode_detail
from posdesk.store.shop_settings import ShopSettingsRepository
from tests.store.conftest import open_test_store, store  # noqa: F401

MANAGER = StaffMember(id="staff-9", name="Mo Manager", role=Role.MANAGER)
CASHIER = StaffMember(id="staff-7", name="Cory Cashier", role=Role.CASHIER)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def service(store, clock=None, terminal: str = "till-1") -> ShopSettingsService:  # noqa: F811
    return ShopSettingsService(store, Guard(AuditLog(store, terminal)),
                               **({"clock": clock} if clock else {}))


def entries(store, action: str = "shop_setting"):  # noqa: F811
    return [e for e in reversed(AuditLog(store).list_recent(500)) if e.action == action]


def test_a_new_store_has_the_defaults(store) -> None:  # noqa: F811
    settings = service(store).get()
    assert settings == ShopSettings()
    assert settings.idle_lock_s == 300 and settings.charge_approval_over is None


def test_a_manager_saves_and_each_changed_field_is_audited_old_to_new(store) -> None:  # noqa: F811
    shop = service(store)
    new = replace(shop.get(), shop_name="  Corner   Shop ", shop_address="1 High St\n\nLeeds\n",
                  currency="eur", locale="zh_CN", charge_approval_over=50_000)
    saved = shop.save(MANAGER, new)
    assert saved.shop_name == "Corner Shop"
    assert saved.shop_address == "1 High St\n\nLeeds"
    assert (saved.currency, saved.locale) == ("EUR", "zh_CN")
    assert service(store).get() == saved
    audited = {e.target: decode_detail(e) for e in entries(store)}
    assert set(audited) == {"shop_name", "shop_address", "currency", "locale",
                            "charge_approval_over"}
    assert audited["currency"] == {"old": "USD", "new": "EUR"}
    assert audited["charge_approval_over"] == {"old": None, "new": 50_000}
    assert {e.staff_id for e in entries(store)} == {MANAGER.id}
    # Saving the same again changes and audits nothing.
    shop.save(MANAGER, saved)
    assert len(entries(store)) == 5


@pytest.mark.parametrize(
    "change",
    [
        {"currency": "XYZ"},
        {"currency": "dollars"},
        {"locale": "xx_QQ"},
        {"locale": ""},
        {"idle_lock_s": 5},
        {"idle_lock_s": -1},
        {"idle_lock_s": 10 * 86400},
        {"charge_approval_over": -1},
        {"refund_approval_over": 10**12},
        {"shop_name": "x" * 101},
        {"shop_address": "\n".join(["line"] * 7)},
        {"remove_card_needs_approval": "yes"},
        {"idle_lock_s": True},
        {"time_zone": "Mars/Olympus_Mons"},
        {"time_zone": "../etc/passwd"},
    ],
)
def test_bad_input_is_refused_and_nothing_changes(store, change) -> None:  # noqa: F811
    shop = service(store)
    before = shop.get()
    with pytest.raises(InputError) as refused:
        shop.save(MANAGER, replace(before, **{"shop_name": "Changed", **change}))
    assert str(refused.value)  # a sentence for the screen
    assert service(store).get() == before
    assert ShopSettingsRepository(store).all() == {}
    assert entries(store) == []


def test_only_a_manager_may_change_them_and_a_refusal_is_audited(store) -> None:  # noqa: F811
    shop = service(store)
    with pytest.raises(PermissionDenied):
        shop.save(CASHIER, replace(shop.get(), charge_approval_over=0))
    assert shop.get().charge_approval_over is None
    [denied] = entries(store)
    assert (denied.outcome, denied.staff_id) == ("denied", CASHIER.id)


def test_never_lock_and_no_limits_are_valid_choices(store) -> None:  # noqa: F811
    shop = service(store)
    shop.save(MANAGER, replace(shop.get(), idle_lock_s=30, charge_approval_over=0))
    saved = shop.save(MANAGER, replace(shop.get(), idle_lock_s=0, charge_approval_over=None,
                                       remove_card_needs_approval=True))
    assert (saved.idle_lock_s, saved.charge_approval_over) == (0, None)
    assert saved.remove_card_needs_approval is True


def test_the_settings_files_currency_and_locale_come_in_once_then_the_store_wins(
    store,  # noqa: F811
) -> None:
    first = service(store).adopt("gbp", "en_GB")
    assert (first.currency, first.locale) == ("GBP", "en_GB")
    # Another terminal with other values in its file: the store keeps the first ones.
    second = service(store, terminal="till-2").adopt("JPY", "ja_JP")
    assert (second.currency, second.locale) == ("GBP", "en_GB")
    # Values that cannot be settings are not brought in.
    assert service(store).adopt("nope", "xx_QQ").currency == "GBP"


def test_a_bad_file_value_is_not_brought_in(store) -> None:  # noqa: F811
    adopted = service(store).adopt("nope", "xx_QQ")
    assert (adopted.currency, adopted.locale) == ("USD", "en_US")
    assert ShopSettingsRepository(store).all() == {}


def test_a_change_on_one_terminal_is_seen_by_another_within_the_ttl(
    open_test_store,  # noqa: F811
) -> None:
    clock = Clock()
    till_1 = service(open_test_store(), clock, "till-1")
    till_2 = service(open_test_store(), clock, "till-2")
    assert till_2.get().shop_name == ""
    till_1.save(MANAGER, replace(till_1.get(), shop_name="Corner Shop", idle_lock_s=600))
    assert till_1.get().shop_name == "Corner Shop"  # this terminal: at once
    assert till_2.get().shop_name == ""  # the other: from its cache, until it is old
    clock.now += till_2.ttl_s
    assert (till_2.get().shop_name, till_2.get().idle_lock_s) == ("Corner Shop", 600)


def test_get_is_cached(store, monkeypatch) -> None:  # noqa: F811
    clock = Clock()
    shop = service(store, clock)
    shop.get()
    reads = []
    monkeypatch.setattr(shop.repository, "all", lambda: reads.append(1) or {})
    for _ in range(100):
        shop.get()
    assert reads == []
    clock.now += shop.ttl_s
    shop.get()
    assert reads == [1]


def test_listeners_hear_of_a_change(store) -> None:  # noqa: F811
    shop = service(store)
    heard: list[ShopSettings] = []
    shop.on_change(heard.append)
    shop.get()
    shop.save(MANAGER, replace(shop.get(), currency="EUR"))
    assert [s.currency for s in heard] == ["USD", "EUR"]


def test_a_stored_value_no_longer_usable_gives_way_to_the_default(store) -> None:  # noqa: F811
    ShopSettingsRepository(store).put({"currency": "XYZ", "idle_lock_s": 900}, "someone")
    settings = service(store).get()
    assert (settings.currency, settings.idle_lock_s) == ("USD", 900)


def test_the_business_day_follows_the_shops_time_zone(store) -> None:  # noqa: F811
    from datetime import UTC, datetime

    from posdesk.services.shop_settings import business_zone

    shop = service(store)
    assert business_zone(shop.get()) is None  # each terminal's own clock
    saved = shop.save(MANAGER, replace(shop.get(), time_zone=" Asia/Shanghai "))
    assert saved.time_zone == "Asia/Shanghai"
    zone = business_zone(service(store).get())
    assert zone is not None
    assert datetime(2026, 11, 30, 17, 0, tzinfo=UTC).astimezone(zone).day == 1  # 01:00 there
