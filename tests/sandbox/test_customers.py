"""Customers: CRUD, payment methods on a customer, list filters and cursors, search."""

from __future__ import annotations

import pytest
import stripe

from posdesk.sandbox.server import SandboxServer


def test_crud(client: stripe.StripeClient, sandbox: SandboxServer) -> None:
    c = client.v1.customers.create(
        params={"name": "Zoë Müller", "email": "zoe@example.de", "phone": "+49 30 1234",
                "metadata": {"tier": "gold", "pos": "1"}}
    )  # fmt: skip
    assert c.id.startswith("cus_") and c.livemode is False
    assert client.v1.customers.retrieve(c.id).name == "Zoë Müller"
    c = client.v1.customers.update(
        c.id, params={"email": "zoe@example.com", "metadata": {"pos": ""}}
    )
    assert c.email == "zoe@example.com" and c.metadata.to_dict() == {"tier": "gold"}
    deleted = client.v1.customers.delete(c.id)
    assert deleted.deleted is True
    assert client.v1.customers.retrieve(c.id).deleted is True
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.customers.update(c.id, params={"name": "again"})
    assert sandbox.count("customer") == 0


def test_attach_detach_and_default(client: stripe.StripeClient) -> None:
    c = client.v1.customers.create(params={"name": "Kim"})
    pm = client.v1.payment_methods.attach("pm_card_mastercard", params={"customer": c.id})
    other = client.v1.payment_methods.attach("pm_card_amex", params={"customer": c.id})
    c = client.v1.customers.update(
        c.id, params={"invoice_settings": {"default_payment_method": pm.id}}
    )
    assert c.invoice_settings.default_payment_method == pm.id
    expanded = client.v1.customers.retrieve(
        c.id, params={"expand": ["invoice_settings.default_payment_method"]}
    )
    assert expanded.invoice_settings.default_payment_method.card.brand == "mastercard"
    listed = client.v1.payment_methods.list(params={"customer": c.id, "type": "card"})
    assert [m.id for m in listed.data] == [other.id, pm.id]
    client.v1.payment_methods.detach(pm.id)
    assert client.v1.customers.retrieve(c.id).invoice_settings.default_payment_method is None
    listed = client.v1.customers.payment_methods.list(c.id, params={"type": "card"})
    assert [m.id for m in listed.data] == [other.id]
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.payment_methods.detach(pm.id)
    second = client.v1.customers.create()
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.payment_methods.attach(other.id, params={"customer": second.id})


def test_a_detached_card_can_never_pay_or_be_attached_again(
    client: stripe.StripeClient, sandbox: SandboxServer
) -> None:
    """Stripe: "Detachment is permanent and irreversible"; the card can still be retrieved."""
    c = client.v1.customers.create(params={"name": "Lou"})
    pm = client.v1.payment_methods.attach("pm_card_visa", params={"customer": c.id})
    client.v1.payment_methods.detach(pm.id)
    intents_before = sandbox.count("payment_intent")
    attempts = [
        lambda: client.v1.payment_intents.create(params={
            "amount": 1000, "currency": "usd", "customer": c.id, "payment_method": pm.id,
            "confirm": True, "off_session": True}),
        lambda: client.v1.payment_methods.attach(pm.id, params={"customer": c.id}),
        lambda: client.v1.setup_intents.create(params={
            "customer": c.id, "payment_method": pm.id, "confirm": True, "usage": "off_session"}),
    ]
    for attempt in attempts:
        with pytest.raises(stripe.InvalidRequestError) as raised:
            attempt()
        assert raised.value.http_status == 400
        assert raised.value.param == "payment_method"
        assert "may not be used again" in str(raised.value.user_message)
    assert sandbox.count("payment_intent") == intents_before
    assert client.v1.payment_methods.retrieve(pm.id).customer is None


def test_list_email_cursors_created(client: stripe.StripeClient, sandbox: SandboxServer) -> None:
    ids = [
        client.v1.customers.create(params={"email": f"p{i % 3}@example.com"}).id for i in range(7)
    ]
    newest_first = ids[::-1]
    page = client.v1.customers.list(params={"limit": 3})
    assert [c.id for c in page.data] == newest_first[:3] and page.has_more
    page = client.v1.customers.list(params={"limit": 3, "starting_after": page.data[-1].id})
    assert [c.id for c in page.data] == newest_first[3:6] and page.has_more
    page = client.v1.customers.list(params={"limit": 3, "starting_after": page.data[-1].id})
    assert [c.id for c in page.data] == newest_first[6:] and not page.has_more
    back = client.v1.customers.list(params={"limit": 2, "ending_before": newest_first[4]})
    assert [c.id for c in back.data] == newest_first[2:4] and back.has_more
    by_email = client.v1.customers.list(params={"email": "p1@example.com"})
    assert [c.id for c in by_email.data] == [ids[4], ids[1]]
    auto = [c.id for c in client.v1.customers.list(params={"limit": 2}).auto_paging_iter()]
    assert auto == newest_first
    # created filters, against a clock the test controls
    sandbox.state.clock = lambda: 2_000_000_000
    late = client.v1.customers.create().id
    assert [
        c.id for c in client.v1.customers.list(params={"created": {"gte": 2_000_000_000}}).data
    ] == [late]
    assert (
        len(client.v1.customers.list(params={"created": {"lt": 2_000_000_000}, "limit": 100}).data)
        == 7
    )


@pytest.fixture
def people(client: stripe.StripeClient) -> dict[str, str]:
    rows = {
        "ann": {"name": "Ann Lee", "email": "ann@example.com", "phone": "+14155550101",
                "metadata": {"tier": "gold"}},
        "joanna": {"name": "Joanna Svensson", "email": "jo@example.se", "phone": "+46812345",
                   "metadata": {"tier": "silver"}},
        "hannah": {"name": "Hannah Ann", "email": "hannah@example.com",
                   "metadata": {"tier": "gold"}},
        "bob": {"name": "Bob Brown", "email": "bob@example.com"},
    }  # fmt: skip
    return {k: client.v1.customers.create(params=v).id for k, v in rows.items()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("email:'ann@example.com'", {"ann"}),
        ('email:"ANN@example.com"', {"ann"}),
        ("name~'ann'", {"ann", "joanna", "hannah"}),
        ("name~'ann' AND metadata['tier']:'gold'", {"ann", "hannah"}),
        ("email:'bob@example.com' OR phone:'+46812345'", {"bob", "joanna"}),
        ("metadata['tier']:'silver'", {"joanna"}),
        ("name:'Bob Brown'", {"bob"}),
        ("name~'zzz'", set()),
    ],
)
def test_search(
    client: stripe.StripeClient, people: dict[str, str], query: str, expected: set
) -> None:
    result = client.v1.customers.search(params={"query": query})
    by_id = {v: k for k, v in people.items()}
    assert {by_id[c.id] for c in result.data} == expected
    assert result.object == "search_result"


def test_search_paging_and_errors(client: stripe.StripeClient, people: dict[str, str]) -> None:
    first = client.v1.customers.search(params={"query": "email~'example'", "limit": 3})
    assert len(first.data) == 3 and first.has_more and first.next_page
    second = client.v1.customers.search(
        params={"query": "email~'example'", "limit": 3, "page": first.next_page}
    )
    assert len(second.data) == 1 and not second.has_more
    assert {c.id for c in first.data + second.data} == set(people.values())
    for bad in ["name~'an'", "name:'x' AND email:'y' OR phone:'z'", "color:'red'", "name='x'", ""]:
        with pytest.raises(stripe.InvalidRequestError):
            client.v1.customers.search(params={"query": bad})


def test_create_with_card_that_cannot_be_saved_creates_nothing(
    client: stripe.StripeClient, sandbox: SandboxServer
) -> None:
    with pytest.raises(stripe.CardError):
        client.v1.customers.create(params={"payment_method": "pm_card_chargeDeclined"})
    assert sandbox.count("customer") == 0
    c = client.v1.customers.create(
        params={
            "payment_method": "pm_card_visa",
            "expand": ["invoice_settings.default_payment_method"],
        }
    )
    listed = client.v1.customers.payment_methods.list(c.id)
    assert len(listed.data) == 1 and listed.data[0].card.last4 == "4242"
