from __future__ import annotations

import io
import logging
import secrets

import pytest

from posdesk.services.log_redaction import REDACTED, RedactingFilter, install_redaction, redact

SECRET_KEY = "sk_test_" + secrets.token_hex(12)
LIVE_RESTRICTED = "rk_live_" + secrets.token_hex(12)
PUBLISHABLE = "pk_test_" + secrets.token_hex(12)
WEBHOOK = "whsec_" + secrets.token_hex(16)
CLIENT_SECRET = "pi_3Nabc123_secret_" + secrets.token_hex(8)
SETUP_SECRET = "seti_1Mxyz_secret_" + secrets.token_hex(8)
ALL_SECRETS = [SECRET_KEY, LIVE_RESTRICTED, PUBLISHABLE, WEBHOOK, CLIENT_SECRET, SETUP_SECRET]


@pytest.mark.parametrize("secret", ALL_SECRETS)
def test_redact_replaces_every_secret_shape(secret: str) -> None:
    text = f"before {secret} after"
    assert redact(text) == f"before {REDACTED} after"


def test_redact_keeps_ordinary_ids() -> None:
    text = "charged pi_3Nabc123 for cus_ABC with pm_card_visa"
    assert redact(text) == text


def test_half_masked_key_from_stripe_error_is_redacted() -> None:
    assert "1234" not in redact("Invalid API Key provided: sk_test_********1234")


@pytest.fixture
def captured_logger() -> tuple[logging.Logger, io.StringIO]:
    logger = logging.getLogger(f"test.redaction.{secrets.token_hex(4)}")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger.addHandler(handler)
    yield logger, stream
    logger.removeHandler(handler)


def test_filter_redacts_message_args_and_exception(captured_logger) -> None:
    logger, stream = captured_logger
    install_redaction(logger)
    logger.info("key %s webhook %s", SECRET_KEY, WEBHOOK)
    logger.warning(f"client secret {CLIENT_SECRET} in the message itself")
    try:
        raise RuntimeError(f"Invalid API Key provided: {LIVE_RESTRICTED}")
    except RuntimeError:
        logger.exception("call failed for %s", PUBLISHABLE)
    output = stream.getvalue()
    for secret in ALL_SECRETS[:5]:
        assert secret not in output
    assert output.count(REDACTED) >= 5
    assert "RuntimeError" in output  # the traceback survives, only the secret goes


def test_filter_on_handler_catches_child_logger_records(captured_logger) -> None:
    logger, stream = captured_logger
    redacting = RedactingFilter()
    for handler in logger.handlers:
        handler.addFilter(redacting)
    child = logger.getChild("child")
    child.error("setup intent secret %s", SETUP_SECRET)
    assert SETUP_SECRET not in stream.getvalue()
    assert REDACTED in stream.getvalue()
