"""The bridge messages between the checkout page and the app."""

from __future__ import annotations

import json

import pytest

from posdesk.card_page.protocol import PageError, PageReport, ReportError, page_config, parse_report

PK = "pk_test_51Abc"
CS = "pi_3Abc_secret_Def"


def test_page_config_carries_what_the_page_needs() -> None:
    config = json.loads(page_config(
        flow="payment", publishable_key=PK, client_secret=CS,
        return_url="https://127.0.0.1:5000/return?token=t", amount_label="$12.50",
        allow_save=True,
    ))
    assert config == {
        "flow": "payment", "publishable_key": PK, "client_secret": CS,
        "return_url": "https://127.0.0.1:5000/return?token=t", "allow_save": True,
        "amount_label": "$12.50",
    }


@pytest.mark.parametrize("key", ["sk_test_abcdef123", "rk_live_abcdef123", "whsec_x", ""])
def test_page_config_refuses_anything_but_a_publishable_key(key: str) -> None:
    with pytest.raises(ValueError) as caught:
        page_config(flow="payment", publishable_key=key, client_secret=CS, return_url="u")
    if key:
        assert key not in str(caught.value)


def test_page_config_checks_flow_and_client_secret() -> None:
    with pytest.raises(ValueError):
        page_config(flow="refund", publishable_key=PK, client_secret=CS, return_url="u")
    with pytest.raises(ValueError):
        page_config(flow="setup", publishable_key=PK, client_secret=None, return_url="u")
    with pytest.raises(ValueError):
        page_config(flow="payment", publishable_key=PK, client_secret="pi_3Abc", return_url="u")
    cvc = json.loads(page_config(flow="cvc", publishable_key=PK, client_secret=None,
                                 return_url="u", allow_save=True))
    assert cvc["client_secret"] is None and cvc["allow_save"] is False


def test_reports_parse_into_typed_values() -> None:
    assert parse_report('{"state":"ready","flow":"payment"}') == PageReport("ready", "payment")
    failed = parse_report(json.dumps({
        "state": "failed", "flow": "payment", "intent_id": "pi_1",
        "error": {"type": "card_error", "code": "card_declined",
                  "decline_code": "insufficient_funds",
                  "message": "Your card has insufficient funds."},
    }))
    assert failed.error == PageError("card_error", "card_declined", "insufficient_funds",
                                     "Your card has insufficient funds.")
    assert failed.intent_id == "pi_1"
    consent = parse_report('{"state":"confirm_requested","flow":"payment","save_card":true}')
    assert consent.save_card is True


@pytest.mark.parametrize("text", [
    "not json",
    "[]",
    '{"state":"hacked"}',
    '{"state":"ready","flow":"refund"}',
    '{"state":"succeeded","intent_id":5}',
    '{"state":"succeeded","intent_id":"pi_1_secret_2"}',
    '{"state":"confirm_requested","save_card":"yes"}',
    '{"state":"failed","error":"boom"}',
])
def test_odd_reports_are_refused(text: str) -> None:
    with pytest.raises(ReportError):
        parse_report(text)
