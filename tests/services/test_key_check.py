"""Checking a key before it is saved, through the service the settings dialog calls."""

from __future__ import annotations

from posdesk.domain.outcomes import OutcomeKind
from posdesk.services.key_check import check_secret_key


def test_key_check_service(sandbox, secret_key) -> None:
    assert check_secret_key(secret_key, sandbox.base_url).ok
    shape = check_secret_key("pk_test_" + "a" * 20, sandbox.base_url)
    assert not shape.ok and "pk_test_aaa" not in (shape.problem or "")
    assert shape.kind is OutcomeKind.CONFIGURATION_PROBLEM
    readonly = check_secret_key("rk_test_readonly_abcdef12", sandbox.base_url)
    assert readonly.ok and readonly.mode == "test"
