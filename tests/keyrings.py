"""Keyring backends for tests of the secret-handling logic; the real OS keyring is exercised
in tests/services/test_secret_store.py."""

from __future__ import annotations

import keyring.errors
from keyring.backend import KeyringBackend


class DictKeyring(KeyringBackend):
    """A real backend object with in-process storage."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.values.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)
