"""A keyring backend for relay subprocesses in tests: reads the secrets from environment
variables POSDESK_TEST_KEYRING_<NAME> (nothing on disk), selected with
PYTHON_KEYRING_BACKEND=tests.sync.env_keyring.EnvKeyring."""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend


def variable(name: str) -> str:
    return "POSDESK_TEST_KEYRING_" + name.upper().replace("-", "_")


class EnvKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return os.environ.get(variable(username))

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError("read-only test keyring")

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError("read-only test keyring")
