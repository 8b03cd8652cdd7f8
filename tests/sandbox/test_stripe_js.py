"""The sandbox's Stripe.js stand-in, driven in a real offscreen QtWebEngine from a merchant
page with a checkout-like Content-Security-Policy."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest
import stripe

from posdesk.sandbox.server import SandboxServer

from .conftest import make_client
from .stripe_js_host import Host, host_server

pytestmark = pytest.mark.gui
PK = "pk_test_" + secrets.token_hex(12)


@pytest.fixture
def host(qtbot, sandbox: SandboxServer) -> Iterator[Host]:
    with host_server(sandbox.base_url) as url:
        page = Host(qtbot, url)
        yield page
        page.close()


@pytest.fixture
def client(sandbox: SandboxServer, secret_key: str) -> stripe.StripeClient:
    return make_client(sandbox.base_url, secret_key)


def new_pi(client: stripe.StripeClient, **extra) -> stripe.PaymentIntent:
    return client.v1.payment_intents.create(
        params={
            "amount": 1250,
            "currency": "usd",
            "allowed_payment_method_types": ["card"],
            **extra,
        }
    )


def confirm_payment(host: Host) -> None:
    assert host.js(
        "settle(stripe.confirmPayment({elements: elements, confirmParams: {return_url: returnUrl},"
        " redirect: 'if_required'}))"
    )


def test_typed_4242_pays_and_the_page_never_holds_the_number(host, client, sandbox):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    host.js("element.focus()")
    host.wait_js("seen('focus')")
    host.type_keys("4242424242424242" + "1234" + "123")
    change = host.wait_js(
        "(function(){ var c = lastChange(); return c && JSON.parse(c).complete && c; })()"
    )
    assert '"complete":true' in change
    frame = host.element_frame()
    assert host.js("document.getElementById('cardnumber').value", frame) == "4242 4242 4242 4242"
    html = host.js("document.documentElement.outerHTML")
    assert "4242" not in html
    confirm_payment(host)
    result = host.outcome()
    assert result["intent"]["id"] == pi.id
    assert result["intent"]["status"] == "succeeded"
    assert result["intent"]["payment_method"].startswith("pm_")
    stored = client.v1.payment_intents.retrieve(pi.id)
    assert stored.status == "succeeded"
    assert client.v1.payment_methods.retrieve(stored.payment_method).card.last4 == "4242"
    assert "4242" not in host.js("document.documentElement.outerHTML")
    assert host.violations() == []


def test_9995_declines_with_insufficient_funds(host, client):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    host.autofill("4000000000009995")
    confirm_payment(host)
    error = host.outcome()["error"]
    assert error["type"] == "card_error"
    assert error["code"] == "card_declined"
    assert error["decline_code"] == "insufficient_funds"
    assert error["message"] == "Your card has insufficient funds."
    assert error["intent_id"] == pi.id
    assert error["intent_status"] == "requires_payment_method"
    assert client.v1.payment_intents.retrieve(pi.id).status == "requires_payment_method"


@pytest.mark.parametrize(
    ("number", "code", "decline_code"),
    [
        ("4000000000000002", "card_declined", "generic_decline"),
        ("4000000000000069", "expired_card", "expired_card"),
        ("4000000000000127", "incorrect_cvc", "incorrect_cvc"),
    ],
)
def test_other_declines_come_back_as_stripe_errors(host, client, number, code, decline_code):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    host.autofill(number)
    confirm_payment(host)
    error = host.outcome()["error"]
    assert (error["type"], error["code"], error["decline_code"]) == (
        "card_error",
        code,
        decline_code,
    )


@pytest.mark.parametrize(
    ("action", "expected"),
    [("complete", "succeeded"), ("fail", "payment_intent_authentication_failure")],
)
def test_3220_shows_the_challenge_and_ends_as_chosen(host, client, action, expected):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    host.autofill("4000000000003220")
    confirm_payment(host)
    host.challenge(action)
    result = host.outcome()
    assert host.js("__sandboxStripe.challengeOpen()") is False
    assert host.js("document.getElementById('sandbox-3ds-modal') === null") is True
    assert host.violations() == []
    stored = client.v1.payment_intents.retrieve(pi.id)
    if action == "complete":
        assert result["intent"]["status"] == expected == stored.status
    else:
        assert result["error"]["code"] == expected
        assert result["error"]["type"] == "invalid_request_error"
        assert result["error"]["intent_id"] == pi.id
        assert stored.status == "requires_payment_method"
        assert stored.latest_charge is None


def test_challenge_buttons_are_clickable_inside_the_frame(host, client):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    host.autofill("4000000000003220")
    confirm_payment(host)
    host.wait_js("__sandboxStripe.challengeOpen()")
    challenge = host.frame_at("/js/v3/challenge.html")
    host.wait_js("document.body.getAttribute('data-ready') === 'true'", challenge)
    labels = host.js(
        "document.getElementById('complete-auth').textContent + '|' +"
        " document.getElementById('fail-auth').textContent",
        challenge,
    )
    assert labels == "Complete|Fail"
    host.js("document.getElementById('complete-auth').click()", challenge)
    assert host.outcome()["intent"]["status"] == "succeeded"


def test_3178_authenticates_then_declines(host, client):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    host.autofill("4000008260003178")
    confirm_payment(host)
    host.challenge("complete")
    error = host.outcome()["error"]
    assert (error["code"], error["decline_code"]) == ("card_declined", "insufficient_funds")
    assert error["intent_status"] == "requires_payment_method"


def test_confirm_setup_with_3155_saves_the_card_after_the_challenge(host, client):
    customer = client.v1.customers.create(params={"name": "Ada"})
    si = client.v1.setup_intents.create(
        params={
            "customer": customer.id,
            "usage": "off_session",
            "allowed_payment_method_types": ["card"],
        }
    )
    host.mount(PK, si.client_secret)
    host.autofill("4000002500003155")
    assert host.js(
        "settle(stripe.confirmSetup({elements: elements, confirmParams: {return_url: returnUrl},"
        " redirect: 'if_required'}))"
    )
    host.challenge("complete")
    result = host.outcome()
    assert result["intent"]["id"] == si.id
    assert result["intent"]["status"] == "succeeded"
    pm_id = result["intent"]["payment_method"]
    saved = client.v1.customers.payment_methods.list(customer.id)
    assert [pm.id for pm in saved.data] == [pm_id]
    # Set up for off-session use: a later charge with the customer away needs no challenge.
    charge = client.v1.payment_intents.create(
        params={
            "amount": 900,
            "currency": "usd",
            "customer": customer.id,
            "payment_method": pm_id,
            "confirm": True,
            "off_session": True,
        }
    )
    assert charge.status == "succeeded"


def test_off_session_failure_is_finished_on_session_with_the_same_intent(host, client):
    customer = client.v1.customers.create(params={"name": "Bo"})
    pm = client.v1.payment_methods.create(
        params={
            "type": "card",
            "card": {"number": "4000002760003184", "exp_month": 12, "exp_year": 2034, "cvc": "123"},
        }
    )
    client.v1.payment_methods.attach(pm.id, params={"customer": customer.id})
    pi = new_pi(client, customer=customer.id)
    with pytest.raises(stripe.CardError) as failed:
        client.v1.payment_intents.confirm(
            pi.id, params={"payment_method": pm.id, "off_session": True}
        )
    assert failed.value.code == "authentication_required"
    assert host.js(f"(window.stripe = Stripe({PK!r}), true)")
    retrieved = host.js(f"settle(stripe.retrievePaymentIntent({pi.client_secret!r}))")
    assert retrieved
    assert host.outcome()["intent"]["status"] == "requires_payment_method"
    assert host.js(
        f"settle(stripe.confirmPayment({{clientSecret: {pi.client_secret!r},"
        f" confirmParams: {{payment_method: {pm.id!r}, return_url: returnUrl}},"
        " redirect: 'if_required'}))"
    )
    host.challenge("complete")
    result = host.outcome()
    assert result["intent"] == {"id": pi.id, "status": "succeeded", "payment_method": pm.id}


def test_handle_next_action_finishes_a_server_side_requires_action(host, client):
    pi = new_pi(client, payment_method="pm_card_threeDSecure2Required", confirm=True)
    assert pi.status == "requires_action"
    assert host.js(f"(window.stripe = Stripe({PK!r}), true)")
    assert host.js(f"settle(stripe.handleNextAction({{clientSecret: {pi.client_secret!r}}}))")
    host.challenge("complete")
    assert host.outcome()["intent"]["status"] == "succeeded"


def test_cvc_update_token_is_accepted_once_by_a_payment_intent(host, client):
    customer = client.v1.customers.create(params={"name": "Cy"})
    pm = client.v1.payment_methods.attach("pm_card_visa", params={"customer": customer.id})
    host.mount(PK, None, "cardCvc")
    host.autofill(cvc="321", exp="")
    assert host.js("settle(stripe.createToken('cvc_update', element))")
    token = host.outcome()["token"]
    assert token["id"].startswith("cvctok_")
    assert token["type"] == "cvc_update"
    params = {
        "amount": 700,
        "currency": "usd",
        "customer": customer.id,
        "payment_method": pm.id,
        "confirm": True,
        "payment_method_options": {"card": {"cvc_token": token["id"]}},
    }
    assert client.v1.payment_intents.create(params=params).status == "succeeded"
    with pytest.raises(stripe.InvalidRequestError) as reused:
        client.v1.payment_intents.create(params=params)
    assert reused.value.code == "token_already_used"


def test_incomplete_cvc_gives_a_validation_error_and_no_token(host):
    host.mount(PK, None, "cardCvc")
    assert host.js("__sandboxStripe.autofill({cvc: '12'})") == 1
    host.wait_js("lastChange() && JSON.parse(lastChange()).empty === false")
    assert host.js("settle(stripe.createToken('cvc_update', element))")
    error = host.outcome()["error"]
    assert (error["type"], error["code"]) == ("validation_error", "incomplete_cvc")


def test_number_failing_luhn_is_refused_inline_and_creates_nothing(host, client, sandbox):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    assert (
        host.js("__sandboxStripe.autofill({number: '4242424242424241', exp: '12/34', cvc: '123'})")
        == 1
    )
    frame = host.element_frame()
    message = host.wait_js("document.getElementById('cardnumber-error').textContent", frame)
    assert message == "Your card number is invalid."
    assert host.js("JSON.parse(lastChange()).complete") is False
    confirm_payment(host)
    error = host.outcome()["error"]
    assert (error["type"], error["code"]) == ("validation_error", "invalid_number")
    assert sandbox.count("payment_method") == 0
    assert client.v1.payment_intents.retrieve(pi.id).status == "requires_payment_method"


def test_incomplete_and_expired_fields_are_reported_before_anything_is_sent(host, client, sandbox):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    assert host.js("settle(elements.submit())")
    assert host.outcome()["error"]["code"] == "incomplete_number"
    assert (
        host.js("__sandboxStripe.autofill({number: '4242424242424242', exp: '01/20', cvc: '123'})")
        == 1
    )
    confirm_payment(host)
    assert host.outcome()["error"]["code"] == "invalid_expiry_year_past"
    frame = host.element_frame()
    assert host.js("document.getElementById('exp-date-error').textContent", frame)
    assert sandbox.count("payment_method") == 0


def test_frames_ignore_messages_from_other_windows(host, client, sandbox):
    """The main page cannot be impersonated: a frame only obeys its own parent's origin."""
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    frame = host.element_frame()
    # The element frame posting to itself comes from the right origin but the wrong window.
    host.js(
        "window.postMessage({__sandboxStripe: true, frameId: window.name, action: 'autofill',"
        " payload: {number: '4242424242424242'}}, '*')",
        frame,
    )
    host.qtbot.wait(300)
    assert host.js("document.getElementById('cardnumber').value", frame) == ""


# Every test card of docs/stripe-facts.md through the Payment Element, customer present:
# (number, CVC, challenge expected, status or (code, decline_code)).
CARD_TABLE = [
    ("4242424242424242", "123", False, "succeeded"),
    ("5555555555554444", "123", False, "succeeded"),
    ("378282246310005", "1234", False, "succeeded"),
    ("4000002500003155", "123", True, "succeeded"),
    ("4000002760003184", "123", True, "succeeded"),
    ("4000003800000446", "123", True, "succeeded"),
    ("4000008260003178", "123", True, ("card_declined", "insufficient_funds")),
    ("4000000000003220", "123", True, "succeeded"),
    ("4000008400001629", "123", True, ("card_declined", "generic_decline")),
    ("4000000000000002", "123", False, ("card_declined", "generic_decline")),
    ("4000000000009995", "123", False, ("card_declined", "insufficient_funds")),
    ("4000000000009987", "123", False, ("card_declined", "lost_card")),
    ("4000000000009979", "123", False, ("card_declined", "stolen_card")),
    ("4000000000000069", "123", False, ("expired_card", "expired_card")),
    ("4000000000000127", "123", False, ("incorrect_cvc", "incorrect_cvc")),
    ("4000000000000119", "123", False, ("processing_error", "processing_error")),
    ("4000000000000341", "123", False, ("card_declined", "generic_decline")),
    ("4000000000000101", "123", False, "succeeded"),
]


@pytest.mark.parametrize(("number", "cvc", "challenge", "expected"), CARD_TABLE)
def test_every_test_card_behaves_as_documented(host, client, number, cvc, challenge, expected):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    host.autofill(number, cvc=cvc)
    confirm_payment(host)
    if challenge:
        host.challenge("complete")
    else:
        host.qtbot.wait(50)
        assert host.js("__sandboxStripe.challengeOpen()") is False
    result = host.outcome()
    stored = client.v1.payment_intents.retrieve(pi.id)
    if isinstance(expected, str):
        assert result["intent"]["status"] == expected == stored.status
        pm = client.v1.payment_methods.retrieve(result["intent"]["payment_method"])
        assert pm.card.last4 == number[-4:]
        cvc_check = "fail" if number == "4000000000000101" else "pass"
        assert pm.card.checks.cvc_check == cvc_check
    else:
        error = result["error"]
        assert (error["type"], error["code"], error["decline_code"]) == ("card_error", *expected)
        assert error["intent_id"] == pi.id
        assert stored.status == "requires_payment_method"


# --- the API pieces the stand-in relies on, without a browser ------------------------------


def test_publishable_confirm_with_use_stripe_sdk_gets_an_in_page_challenge(sandbox, client):
    pi = new_pi(client)
    pk = make_client(sandbox.base_url, PK)
    pm = pk.v1.payment_methods.create(
        params={
            "type": "card",
            "card": {"number": "4000000000003220", "exp_month": 12, "exp_year": 2034},
        }
    )
    confirmed = pk.v1.payment_intents.confirm(
        pi.id,
        params={
            "client_secret": pi.client_secret,
            "payment_method": pm.id,
            "return_url": "https://127.0.0.1:9/return",
            "use_stripe_sdk": True,
        },
    )
    assert confirmed.status == "requires_action"
    assert confirmed.next_action.type == "use_stripe_sdk"
    assert confirmed.next_action.use_stripe_sdk.stripe_js.startswith(
        sandbox.base_url + "/_sandbox/challenges/"
    )


def test_cvc_tokens_need_a_cvc_and_exist_to_be_used(sandbox, client):
    pk = make_client(sandbox.base_url, PK)
    with pytest.raises(stripe.InvalidRequestError) as missing:
        pk.v1.tokens.create(params={})
    assert missing.value.param == "cvc_update"
    with pytest.raises(stripe.CardError) as bad:
        pk.v1.tokens.create(params={"cvc_update": {"cvc": "12a"}})
    assert bad.value.code == "invalid_cvc"
    with pytest.raises(stripe.InvalidRequestError) as unknown:
        client.v1.payment_intents.create(
            params={
                "amount": 500,
                "currency": "usd",
                "payment_method": "pm_card_visa",
                "confirm": True,
                "payment_method_options": {"card": {"cvc_token": "cvctok_nope"}},
            }
        )
    assert unknown.value.code == "resource_missing"
    assert sandbox.count("payment_intent") == 0


def test_stand_in_files_are_served_and_nothing_else(sandbox):
    import urllib.error
    import urllib.request

    script = urllib.request.urlopen(sandbox.base_url + "/js/v3/")
    assert script.headers["Content-Type"].startswith("text/javascript")
    assert b"window.Stripe" in script.read()
    frame = urllib.request.urlopen(sandbox.base_url + "/js/v3/elements/payment.html")
    assert "frame-ancestors *" in frame.headers["Content-Security-Policy"]
    assert b'id="cardnumber"' in frame.read()
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(sandbox.base_url + "/js/v3/../server.py")
    assert missing.value.code == 404


def test_redirect_next_action_goes_to_the_bank_page_and_back_to_the_return_url(host, client):
    return_url = host.js("returnUrl")
    pi = new_pi(
        client,
        payment_method="pm_card_threeDSecure2Required",
        confirm=True,
        return_url=return_url,
    )
    assert pi.next_action.type == "redirect_to_url"
    assert host.js(f"(window.stripe = Stripe({PK!r}), true)")
    assert host.js(f"settle(stripe.handleNextAction({{clientSecret: {pi.client_secret!r}}}))")
    host.qtbot.waitUntil(lambda: "/_sandbox/challenges/" in host.view.url().path(), timeout=15_000)
    host.wait_js("document.readyState === 'complete' && !!document.getElementById('complete')")
    host.js("document.getElementById('complete').click()")
    host.qtbot.waitUntil(lambda: host.view.url().path() == "/return", timeout=15_000)
    query = parse_qs(host.view.url().query())
    assert query["payment_intent"] == [pi.id]
    assert query["redirect_status"] == ["succeeded"]
    assert client.v1.payment_intents.retrieve(pi.id).status == "succeeded"


def test_without_if_required_a_success_goes_to_the_return_url(host, client):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    host.autofill("4242424242424242")
    assert host.js(
        "settle(stripe.confirmPayment({elements: elements,"
        " confirmParams: {return_url: returnUrl}}))"
    )
    host.qtbot.waitUntil(lambda: host.view.url().path() == "/return", timeout=15_000)
    query = parse_qs(host.view.url().query())
    assert query["payment_intent"] == [pi.id]
    assert query["payment_intent_client_secret"] == [pi.client_secret]
    assert query["redirect_status"] == ["succeeded"]


def test_confirm_without_return_url_or_with_the_wrong_intent_kind_is_refused(host, client):
    pi = new_pi(client)
    host.mount(PK, pi.client_secret)
    host.autofill("4242424242424242")
    assert host.js("settle(stripe.confirmPayment({elements: elements}))")
    assert host.outcome()["error"]["code"] == "integration_error"
    assert host.js("settle(stripe.confirmSetup({elements: elements, redirect: 'if_required'}))")
    assert host.outcome()["error"]["code"] == "integration_error"
    assert client.v1.payment_intents.retrieve(pi.id).status == "requires_payment_method"


def test_the_merchant_policy_is_enforced_so_clean_runs_mean_something(host):
    # An inline style attribute is what the stand-in must never add to the merchant page.
    host.js("document.body.setAttribute('style', 'color: red'); true")
    host.wait_js("violations.length > 0")
    assert any(v.startswith("style-src") for v in host.violations())


def test_typed_cvc_becomes_a_token_and_stays_in_its_frame(host):
    host.mount(PK, None, "cardCvc")
    host.js("element.focus()")
    host.wait_js("seen('focus')")
    host.type_keys("4731")
    host.wait_js("lastChange() && JSON.parse(lastChange()).complete")
    assert "4731" not in host.js("document.documentElement.outerHTML")
    assert host.js("settle(stripe.createToken('cvc_update', element))")
    assert host.outcome()["token"]["id"].startswith("cvctok_")


def test_failed_setup_challenge_saves_nothing(host, client):
    customer = client.v1.customers.create(params={"name": "Di"})
    si = client.v1.setup_intents.create(params={"customer": customer.id, "usage": "off_session"})
    host.mount(PK, si.client_secret)
    host.autofill("4000002500003155")
    assert host.js(
        "settle(stripe.confirmSetup({elements: elements, confirmParams: {return_url: returnUrl},"
        " redirect: 'if_required'}))"
    )
    host.challenge("fail")
    error = host.outcome()["error"]
    assert error["code"] == "setup_intent_authentication_failure"
    assert error["intent_id"] == si.id
    assert error["intent_status"] == "requires_payment_method"
    assert client.v1.customers.payment_methods.list(customer.id).data == []


def _frame_fits(host: Host, frame) -> int | None:
    """The payment iframe's height once it matches its form (None until it does)."""
    form = host.js(
        "Math.ceil(document.getElementById('card-form').getBoundingClientRect().bottom)", frame
    )
    height = host.js(
        "(function(){ var f = Array.prototype.find.call(document.querySelectorAll('iframe'),"
        " function (i) { return i.src.indexOf('/elements/payment.html') >= 0; });"
        " return f ? f.getBoundingClientRect().height : 0; })()"
    )
    return int(height) if height and abs(height - form) <= 1 else None


def _wait_for(host: Host, probe):
    """Poll `probe` until it answers something truthy; that answer."""
    box: list = []
    host.qtbot.waitUntil(lambda: bool(box.append(probe()) or box[-1]), timeout=10_000)
    return box[-1]


def test_payment_frame_is_as_tall_as_its_form_and_shrinks_back(host, client):
    host.mount(PK, new_pi(client).client_secret)
    frame = host.element_frame()
    fitted = _wait_for(host, lambda: _frame_fits(host, frame))
    # An invalid number shows an error line: the frame grows with it...
    assert (
        host.js("__sandboxStripe.autofill({number: '4242424242424241', exp: '12/34', cvc: '123'})")
        == 1
    )
    host.wait_js("document.getElementById('cardnumber-error').textContent", frame)
    grown = _wait_for(host, lambda: (h := _frame_fits(host, frame)) and h > fitted and h)
    # ...and once the number is right it gives the space back (no blank band above Pay).
    assert (
        host.js("__sandboxStripe.autofill({number: '4242424242424242', exp: '12/34', cvc: '123'})")
        == 1
    )
    host.wait_js("!document.getElementById('cardnumber-error').textContent", frame)
    shrunk = _wait_for(host, lambda: (h := _frame_fits(host, frame)) and h < grown and h)
    assert abs(shrunk - fitted) <= 1


def test_elements_refuse_payment_method_types_as_stripe_js_on_endive_does(host, client):
    # Endive removed the Elements `paymentMethodTypes` option: Stripe.js throws an
    # IntegrationError and makes or updates nothing; `allowedPaymentMethodTypes` is accepted.
    secret = json.dumps(new_pi(client).client_secret)
    script = f"""(function () {{
      var stripe = Stripe({json.dumps(PK)}), out = [];
      function attempt(label, fn) {{
        try {{ fn(); out.push(label); }} catch (e) {{ out.push(String(e)); }}
      }}
      attempt('made', function () {{
        stripe.elements({{clientSecret: {secret}, paymentMethodTypes: ['card']}});
      }});
      var allowed = stripe.elements({{clientSecret: {secret},
                                     allowedPaymentMethodTypes: ['card']}});
      attempt('updated', function () {{ allowed.update({{paymentMethodTypes: ['card']}}); }});
      attempt('allowed', function () {{
        allowed.update({{allowedPaymentMethodTypes: ['card']}});
        allowed.create('payment');
      }});
      return JSON.stringify(out);
    }})()"""
    made, updated, allowed = json.loads(host.js(script))
    for thrown in (made, updated):
        assert thrown.startswith("Error: IntegrationError: paymentMethodTypes is not supported")
        assert "allowedPaymentMethodTypes" in thrown
    assert allowed == "allowed"
