"""The shop's settings, shared by every terminal of a store: name and address (on receipts),
currency, locale, when an idle terminal locks, the limits above which a manager approves, and
the amount above which a charge is confirmed by typing its amount again.

They live in the store (store/shop_settings.py), not in a terminal's settings.json, which
keeps only what belongs to one machine (its store, relay, name, API base). Currency and
locale were once in settings.json: the first start on a store that has none brings them in
(`adopt`), and from then on the store wins.

`get` is called often (every dialog, the idle timer) and is cheap: the settings are cached
and read again at most every `ttl_s` seconds, so a change saved on another terminal is seen
within that time. A save on this terminal is seen here at once. The table has a handful of
rows; a timed re-read costs less than following the change feed for them.

Saving needs MANAGE_SETTINGS, checks every field (bad input: InputError, nothing written)
and audits each changed field with its old and new value.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError

from posdesk.domain.messages import message, text
from posdesk.domain.money import UnknownCurrency, check_currency
from posdesk.domain.roles import StaffMember
from posdesk.services import guard
from posdesk.services.errors import InputError
from posdesk.services.guard import Guard
from posdesk.store.database import Store
from posdesk.store.shop_settings import ShopSettingsRepository

log = logging.getLogger(__name__)

SHOP_NAME_LIMIT = 100
ADDRESS_LIMIT = 400
ADDRESS_LINES = 6
IDLE_LOCK_MIN_S = 30
IDLE_LOCK_MAX_S = 8 * 3600
# A limit above this (in minor units) is a typing mistake: no charge is that large.
LIMIT_MAX = 99_999_999
TTL_S = 5.0

MESSAGE_NAME_TOO_LONG = message(
    "shop.name_too_long", "The shop's name is too long (at most {limit} characters)."
)(limit=SHOP_NAME_LIMIT)
MESSAGE_ADDRESS_TOO_LONG = message(
    "shop.address_too_long",
    "The address is too long (at most {lines} lines and {limit} characters).",
)(lines=ADDRESS_LINES, limit=ADDRESS_LIMIT)
MESSAGE_UNKNOWN_LOCALE = message(
    "shop.unknown_locale", "“{locale}” is not a language and region PosDesk knows, such as "
    "en_US or zh_CN."
)
MESSAGE_IDLE_LOCK = message(
    "shop.idle_lock_range",
    "The idle lock is 0 (never) or between {low} and {high} seconds.",
)(low=IDLE_LOCK_MIN_S, high=IDLE_LOCK_MAX_S)
MESSAGE_LIMIT = text(
    "shop.limit_range",
    "A limit is an amount of zero or more, or empty (charges: never ask; refunds: always "
    "ask a manager).",
)
MESSAGE_NOT_A_SETTING = text("shop.bad_value", "This value cannot be a shop setting.")
MESSAGE_UNKNOWN_TIME_ZONE = message(
    "shop.unknown_time_zone",
    "“{zone}” is not a time zone. Choose one from the list, such as Asia/Shanghai.",
)


@dataclass(frozen=True, slots=True)
class ShopSettings:
    shop_name: str = ""
    shop_address: str = ""  # several lines, as printed on a receipt
    currency: str = "USD"  # ISO 4217
    locale: str = "en_US"
    idle_lock_s: int = 300  # 0: never lock
    # Limits in the currency's minor units; None: never ask.
    charge_approval_over: int | None = None
    refund_approval_over: int | None = None
    remove_card_needs_approval: bool = False
    # A charge above this (minor units) has its amount typed again (or a manager's approval
    # for it) before it is sent; None: never ask.
    confirm_amount_over: int | None = None
    # The shop's IANA time zone ("Asia/Shanghai"): its business day (the day's close, the
    # history's "today") runs midnight to midnight there. "": each terminal's own clock.
    time_zone: str = ""


FIELDS = tuple(f.name for f in fields(ShopSettings))


def _single_line(value: object) -> str:
    if not isinstance(value, str):
        raise InputError(MESSAGE_NOT_A_SETTING)
    return " ".join(value.split())


def clean_shop_name(value: object) -> str:
    name = _single_line(value)
    if len(name) > SHOP_NAME_LIMIT:
        raise InputError(MESSAGE_NAME_TOO_LONG)
    return name


def clean_address(value: object) -> str:
    if not isinstance(value, str):
        raise InputError(MESSAGE_NOT_A_SETTING)
    lines = [" ".join(line.split()) for line in value.strip().splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    address = "\n".join(lines)
    if len(lines) > ADDRESS_LINES or len(address) > ADDRESS_LIMIT:
        raise InputError(MESSAGE_ADDRESS_TOO_LONG)
    return address


def clean_currency(value: object) -> str:
    if not isinstance(value, str):
        raise InputError(MESSAGE_NOT_A_SETTING)
    try:
        return check_currency(value)
    except UnknownCurrency as exc:
        raise InputError(exc.message) from None


def clean_locale(value: object) -> str:
    if not isinstance(value, str):
        raise InputError(MESSAGE_NOT_A_SETTING)
    typed = value.strip().replace("-", "_")
    try:
        Locale.parse(typed)
    except (UnknownLocaleError, ValueError, TypeError):
        raise InputError(MESSAGE_UNKNOWN_LOCALE(locale=value.strip()[:20])) from None
    # As typed (zh_CN stays zh_CN, not babel's zh_Hans_CN): the GUI's translations use it.
    return typed


def clean_idle_lock(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(MESSAGE_IDLE_LOCK)
    if value != 0 and not IDLE_LOCK_MIN_S <= value <= IDLE_LOCK_MAX_S:
        raise InputError(MESSAGE_IDLE_LOCK)
    return value


def clean_limit(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= LIMIT_MAX:
        raise InputError(MESSAGE_LIMIT)
    return value


def clean_time_zone(value: object) -> str:
    if not isinstance(value, str):
        raise InputError(MESSAGE_NOT_A_SETTING)
    name = value.strip()
    if name and zone_of(name) is None:
        raise InputError(MESSAGE_UNKNOWN_TIME_ZONE(zone=name[:40]))
    return name


def zone_of(name: str) -> tzinfo | None:
    """The time zone named `name`, or None for "" or a name the tz database does not know."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def business_zone(settings: ShopSettings) -> tzinfo | None:
    """Where the shop's day begins and ends: its time zone, or None for this computer's."""
    return zone_of(settings.time_zone)


def clean_flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise InputError(MESSAGE_NOT_A_SETTING)
    return value


_CLEAN: dict[str, Callable[[object], Any]] = {
    "shop_name": clean_shop_name,
    "shop_address": clean_address,
    "currency": clean_currency,
    "locale": clean_locale,
    "idle_lock_s": clean_idle_lock,
    "charge_approval_over": clean_limit,
    "refund_approval_over": clean_limit,
    "remove_card_needs_approval": clean_flag,
    "confirm_amount_over": clean_limit,
    "time_zone": clean_time_zone,
}


def checked(settings: ShopSettings) -> ShopSettings:
    """The settings with every field cleaned; InputError for the first bad one."""
    return ShopSettings(**{name: _CLEAN[name](getattr(settings, name)) for name in FIELDS})


def _from_stored(values: Mapping[str, Any]) -> ShopSettings:
    """What the store holds; a stored value that is no longer acceptable (written by another
    version, edited by hand) gives way to the default, with a log line."""
    defaults = ShopSettings()
    chosen: dict[str, Any] = {}
    for name in FIELDS:
        if name not in values:
            continue
        try:
            chosen[name] = _CLEAN[name](values[name])
        except InputError:
            log.warning("shop setting %s in the store is not usable; using %r", name,
                        getattr(defaults, name))
    return replace(defaults, **chosen)


class ShopSettingsService:
    def __init__(
        self,
        store: Store,
        guard_: Guard,
        *,
        ttl_s: float = TTL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.repository = ShopSettingsRepository(store)
        self.guard = guard_
        self.ttl_s = ttl_s
        self.clock = clock
        self._lock = threading.Lock()
        self._cached: ShopSettings | None = None
        self._read_at = 0.0
        self._listeners: list[Callable[[ShopSettings], None]] = []

    # --- reading -----------------------------------------------------------------------------

    def get(self) -> ShopSettings:
        """The shop's settings: from the cache, read again once older than `ttl_s`."""
        with self._lock:
            cached, fresh = self._cached, self.clock() - self._read_at < self.ttl_s
        if cached is not None and fresh:
            return cached
        return self.refresh()

    def refresh(self) -> ShopSettings:
        """Read the settings from the store now."""
        settings = _from_stored(self.repository.all())
        self._keep(settings)
        return settings

    def on_change(self, listener: Callable[[ShopSettings], None]) -> None:
        """Call `listener` (quick, on whichever thread read them) with the settings each time
        they are read and differ from what was known."""
        self._listeners.append(listener)

    def _keep(self, settings: ShopSettings) -> None:
        with self._lock:
            changed = settings != self._cached
            self._cached, self._read_at = settings, self.clock()
        if changed:
            for listener in list(self._listeners):
                listener(settings)

    # --- the first start on a store --------------------------------------------------------------

    def adopt(self, currency: str, locale: str) -> ShopSettings:
        """Bring the currency and locale of this terminal's settings file into a store that
        has none yet; the store's own values are kept. Unusable values are skipped."""
        values: dict[str, Any] = {}
        for name, value, clean in (("currency", currency, clean_currency),
                                   ("locale", locale, clean_locale)):
            try:
                values[name] = clean(value)
            except InputError:
                log.warning("settings file's %s is not usable; not brought into the store", name)
        try:
            written = self.repository.put_missing(values, "settings.json")
        except InputError:  # another terminal brought its own in at the same moment
            written = {}
        if written:
            log.info("shop settings brought in from the settings file: %s", sorted(written))
        return self.refresh()

    # --- saving ----------------------------------------------------------------------------------

    @guard.operation(guard.SAVE_SHOP_SETTINGS)
    def save(self, actor: StaffMember, new: ShopSettings) -> ShopSettings:
        """Save the shop's settings; each changed field is audited (old -> new). Raises
        PermissionDenied (audited) or InputError (nothing written)."""
        self.guard.check(actor, guard.SAVE_SHOP_SETTINGS, None)
        new = checked(new)
        old = self.refresh()
        before, after = asdict(old), asdict(new)
        changed = {name: after[name] for name in FIELDS if before[name] != after[name]}
        if not changed:
            return old
        self.repository.put(changed, actor.id)
        for name in changed:
            self.guard.record(actor, guard.SAVE_SHOP_SETTINGS.action, name, "changed",
                              {"old": before[name], "new": after[name]})
        return self.refresh()


__all__ = ["FIELDS", "ShopSettings", "ShopSettingsService", "checked"]
