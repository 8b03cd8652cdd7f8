"""Stripe keys and the webhook secret, kept only in the operating system's keyring.

There is deliberately no fallback: when no secure backend is usable, `KeyringUnavailable`
says what to install, and the app runs without keys rather than writing them to a file.
Error messages here never contain a key, only its name.

The keyring library is imported when the OS keyring is first used, not with this module: the
demo keeps its throwaway keys in memory and never loads it.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from typing import Protocol

from posdesk.domain.messages import Text, message, text

SERVICE_NAME = "posdesk"

STRIPE_SECRET_KEY = "stripe-secret-key"
STRIPE_PUBLISHABLE_KEY = "stripe-publishable-key"
STRIPE_WEBHOOK_SECRET = "stripe-webhook-secret"
SECRET_NAMES = (STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET)
# The audit trail's HMAC key of a store: one keyring entry per key, named by the key's id
# (services/audit_trail.py). Not one of SECRET_NAMES: `posdesk secrets` leaves it alone.
AUDIT_KEY_PREFIX = "audit-key-"

# Matched whole (fullmatch), so nothing can hide after the key, not even a line break.
_SECRET_KEY_RE = re.compile(r"(?:sk|rk)_(test|live)_[A-Za-z0-9_]{8,}")
_PUBLISHABLE_KEY_RE = re.compile(r"pk_(test|live)_[A-Za-z0-9_]{8,}")
_WEBHOOK_SECRET_RE = re.compile(r"whsec_[A-Za-z0-9+/=_]{8,}")
# Stripe's keys and signing secrets are at most a few hundred characters; a keyring may
# refuse much longer values with an error that would blame the keyring.
SECRET_LIMIT = 1024
_KEY_MODE_RE = re.compile(r"^(?:sk|rk|pk)_(test|live)_")

MESSAGE_BAD_SECRET_KEY = text(
    "secret.bad_secret_key",
    "This is not a Stripe secret or restricted key. It starts with sk_test_, sk_live_, "
    "rk_test_ or rk_live_ (a restricted key, rk_, is recommended).",
)
MESSAGE_BAD_PUBLISHABLE_KEY = text(
    "secret.bad_publishable_key",
    "This is not a Stripe publishable key. It starts with pk_test_ or pk_live_.",
)
MESSAGE_BAD_WEBHOOK_SECRET = text(
    "secret.bad_webhook_secret", "This is not a webhook signing secret. It starts with whsec_."
)
MESSAGE_UNKNOWN_NAME = message("secret.unknown_name", "Unknown secret name. Use one of: {names}.")
MESSAGE_EMPTY_SECRET = text("secret.empty", "Nothing was entered. Paste the key or secret.")
MESSAGE_SECRET_CONTROL = text(
    "secret.control",
    "The value contains a control character or a line break. Paste the key alone.",
)
MESSAGE_SECRET_TOO_LONG = message(
    "secret.too_long",
    "This is too long to be a Stripe key or signing secret (at most {limit} characters).",
)(limit=SECRET_LIMIT)
MESSAGE_NO_MODE = text(
    "secret.no_mode",
    "Cannot tell test from live mode: the key does not start with sk_, rk_ or pk_.",
)

EXPLAIN_LINUX = text(
    "keyring.explain_linux",
    "PosDesk keeps Stripe keys only in the system keyring, and none is usable on this "
    "computer. Install and unlock a Secret Service keyring, for example GNOME Keyring "
    "(Debian/Ubuntu: sudo apt install gnome-keyring; Fedora: sudo dnf install gnome-keyring) "
    "or KDE Wallet, then log in again.",
)
EXPLAIN_MACOS = text(
    "keyring.explain_macos",
    "PosDesk keeps Stripe keys only in the macOS Keychain, which could not be used. Open "
    "Keychain Access and make sure the login keychain exists and is unlocked.",
)
EXPLAIN_WINDOWS = text(
    "keyring.explain_windows",
    "PosDesk keeps Stripe keys only in Windows Credential Manager, which could not be used. "
    "Make sure the Credential Manager service is running for your user account.",
)
EXPLAIN_ERROR = message(
    "keyring.refused", "The system keyring refused the request ({problem}). {explanation}"
)

# Backends that would lose the secret or keep it readable on disk.
_REFUSED_MODULE_PREFIXES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class KeyringUnavailable(Exception):
    """No secure keyring is usable; `explanation` tells the user what to install."""

    def __init__(self, explanation: str) -> None:
        super().__init__(explanation)
        self.explanation = explanation


def platform_explanation() -> Text:
    if sys.platform == "darwin":
        return EXPLAIN_MACOS
    if sys.platform.startswith("win"):
        return EXPLAIN_WINDOWS
    return EXPLAIN_LINUX


def mode_of_key(key: str) -> str:
    """'test' or 'live', from the key's prefix."""
    match = _KEY_MODE_RE.match(key.strip())
    if not match:
        raise ValueError(MESSAGE_NO_MODE)
    return match.group(1)


def is_restricted_key(key: str) -> bool:
    return key.strip().startswith("rk_")


def validate_secret(name: str, value: str) -> str:
    """The value, stripped, if it has the shape its name calls for; ValueError otherwise
    (its message says what is wrong and never holds the value)."""
    _check_name(name)
    value = value.strip() if isinstance(value, str) else ""
    if not value:
        raise ValueError(MESSAGE_EMPTY_SECRET)
    if any(unicodedata.category(ch) in _CONTROL_CATEGORIES for ch in value):
        raise ValueError(MESSAGE_SECRET_CONTROL)
    if len(value) > SECRET_LIMIT:
        raise ValueError(MESSAGE_SECRET_TOO_LONG)
    pattern, message = _SHAPES[name]
    if not pattern.fullmatch(value):
        raise ValueError(message)
    return value


# Control and invisible format characters, lone surrogates, line and paragraph separators.
_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_SHAPES = {
    STRIPE_SECRET_KEY: (_SECRET_KEY_RE, MESSAGE_BAD_SECRET_KEY),
    STRIPE_PUBLISHABLE_KEY: (_PUBLISHABLE_KEY_RE, MESSAGE_BAD_PUBLISHABLE_KEY),
    STRIPE_WEBHOOK_SECRET: (_WEBHOOK_SECRET_RE, MESSAGE_BAD_WEBHOOK_SECRET),
}


def _check_name(name: str) -> None:
    if name not in SECRET_NAMES:
        raise ValueError(MESSAGE_UNKNOWN_NAME(names=", ".join(SECRET_NAMES)))


class PasswordBackend(Protocol):
    """What SecretStore needs of a keyring backend (the keyring library's, or the demo's)."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


def keyring_failures() -> tuple[type[Exception], ...]:
    """The keyring library's error, to catch around a backend's calls: none before the
    library was imported, as nothing could have raised it then."""
    errors = sys.modules.get("keyring.errors")
    failure: type[Exception] | None = getattr(errors, "KeyringError", None)
    return (failure,) if failure is not None else ()


def _usable_backends(backend: PasswordBackend) -> list[PasswordBackend]:
    inner = getattr(backend, "backends", None)  # the chainer wraps several
    return list(inner) if inner is not None else [backend]


def is_secure_backend(backend: PasswordBackend) -> bool:
    candidates = _usable_backends(backend)
    if not candidates:
        return False
    for candidate in candidates:
        module = type(candidate).__module__
        if module.startswith(_REFUSED_MODULE_PREFIXES):
            return False
        # Anything that stores to a file readable without the OS's protection.
        if "plaintext" in type(candidate).__name__.lower():
            return False
    return True


class _MemoryKeyring:
    """Process-local storage for throwaway keys (demo mode); gone when the process ends."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            self._values.pop((service, username), None)  # SecretStore.delete asked first


class SecretStore:
    """get/set/delete/status for the three named secrets, in one keyring service."""

    def __init__(
        self, service_name: str = SERVICE_NAME, *, backend: PasswordBackend | None = None
    ) -> None:
        self.service_name = service_name
        self._backend = backend
        self._trusted = False  # set for the in-memory store, whose module is ours

    @classmethod
    def in_memory(cls, service_name: str = SERVICE_NAME) -> SecretStore:
        store = cls(service_name, backend=_MemoryKeyring())
        store._trusted = True
        return store

    def backend(self) -> PasswordBackend:
        """The keyring in use; KeyringUnavailable if it is missing or insecure."""
        if self._backend is not None:
            backend = self._backend
        else:
            import keyring

            backend = keyring.get_keyring()
        if not self._trusted and not is_secure_backend(backend):
            raise KeyringUnavailable(platform_explanation())
        return backend

    def get(self, name: str) -> str | None:
        _check_name(name)
        backend = self.backend()
        try:
            return backend.get_password(self.service_name, name)
        except keyring_failures() as exc:
            raise KeyringUnavailable(self._explain(exc)) from None

    def set(self, name: str, value: str) -> None:
        value = validate_secret(name, value)
        backend = self.backend()
        try:
            backend.set_password(self.service_name, name, value)
        except keyring_failures() as exc:
            raise KeyringUnavailable(self._explain(exc)) from None

    def delete(self, name: str) -> bool:
        """Remove the secret; False if there was none."""
        _check_name(name)
        backend = self.backend()
        try:
            if backend.get_password(self.service_name, name) is None:
                return False
            backend.delete_password(self.service_name, name)
        except keyring_failures() as exc:
            import keyring.errors  # loaded already: it raised this

            if isinstance(exc, keyring.errors.PasswordDeleteError):  # gone meanwhile
                return False
            raise KeyringUnavailable(self._explain(exc)) from None
        return True

    def status(self) -> dict[str, bool]:
        """Whether each secret is set; never the values."""
        return {name: bool(self.get(name)) for name in SECRET_NAMES}

    @staticmethod
    def _explain(exc: Exception) -> Text:
        # The library's text names the backend and the failure, never the secret's value.
        problem = type(exc).__name__
        return EXPLAIN_ERROR(problem=problem, explanation=platform_explanation())
