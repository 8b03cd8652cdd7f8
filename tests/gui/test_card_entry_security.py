"""What the checkout web view refuses: another certificate, leaving the checkout, pages
without their one-time token, windows; and proof that the secret key never reaches it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWebEngineCore import QWebEngineLoadingInfo, QWebEnginePage

from posdesk.card_page.certificate import ensure_certificate
from posdesk.card_page.protocol import page_config
from posdesk.card_page.server import CheckoutServer
from posdesk.gui.payments.checkout_view import CheckoutView, checkout_profile, main_frame_allowed
from tests.conftest import TEST_PUBLISHABLE_KEY
from tests.gui.card_entry_support import (
    customer_of,
    js,
    open_dialog,
    press_pay,
    type_card,
    wait_ready,
    wait_result,
    with_publishable_key,
)

WAIT_MS = 30_000
SANDBOX_JS = "http://127.0.0.1:9/js/v3/"  # nothing listens: the page only needs to load


@pytest.fixture
def server(data_dir: Path) -> Iterator[CheckoutServer]:
    with CheckoutServer(ensure_certificate(data_dir / "tls"), stripe_js_url=SANDBOX_JS) as s:
        yield s


def make_view(qtbot: Any, server: CheckoutServer, **kwargs: Any) -> CheckoutView:
    view = CheckoutView(server, stripe_js_url=SANDBOX_JS, record_traffic=True, **kwargs)
    qtbot.addWidget(view)
    view.resize(640, 600)
    view.show()
    return view


def config_for(return_url: str) -> str:
    return page_config(flow="payment", publishable_key=TEST_PUBLISHABLE_KEY,
                       client_secret="pi_123_secret_456", return_url=return_url)


def loadings(view: CheckoutView) -> list[QWebEngineLoadingInfo]:
    seen: list[QWebEngineLoadingInfo] = []
    view.checkout_page.loadingChanged.connect(seen.append)
    return seen


def finished(seen: list[QWebEngineLoadingInfo]) -> list[QWebEngineLoadingInfo]:
    done = (QWebEngineLoadingInfo.LoadStatus.LoadSucceededStatus,
            QWebEngineLoadingInfo.LoadStatus.LoadFailedStatus)
    return [info for info in seen if info.status() in done]


def page_text(qtbot: Any, view: CheckoutView) -> str:
    box: list[str] = []
    view.checkout_page.toPlainText(box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return box[0]


def test_the_profile_is_private_and_the_page_locked_down(qtbot, gui_app, server) -> None:
    view = make_view(qtbot, server)
    profile = checkout_profile()
    assert profile.isOffTheRecord()
    settings = view.checkout_page.settings()
    attr = settings.WebAttribute
    assert not settings.testAttribute(attr.LocalContentCanAccessFileUrls)
    assert not settings.testAttribute(attr.LocalContentCanAccessRemoteUrls)
    assert not settings.testAttribute(attr.JavascriptCanOpenWindows)
    assert not settings.testAttribute(attr.PluginsEnabled)
    assert view.open_dev_tools() is None  # only with --debug
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    debug_view = make_view(qtbot, server, debug=True)
    tools = debug_view.open_dev_tools()
    assert tools is not None and tools.page().inspectedPage() is debug_view.checkout_page
    tools.close()
    scripts = view.checkout_page.scripts().find("qwebchannel")
    assert scripts and not scripts[0].runsOnSubFrames()


def test_the_pinned_certificate_loads_and_reports(qtbot, gui_app, server) -> None:
    view = make_view(qtbot, server)
    with qtbot.waitSignal(view.reported, timeout=WAIT_MS) as blocker:
        view.start("payment", config_for)
    # No Stripe.js behind SANDBOX_JS: the page itself ran and said so over the bridge.
    assert blocker.args[0].error.code == "stripe_js_unavailable"


def test_a_page_with_another_certificate_does_not_load(
    qtbot, gui_app, server, data_dir: Path
) -> None:
    other = ensure_certificate(data_dir / "other-tls")
    assert other.sha256_fingerprint != server.cert.sha256_fingerprint
    view = make_view(qtbot, server, pinned_fingerprint=other.sha256_fingerprint)
    reports: list[Any] = []
    view.reported.connect(reports.append)
    seen = loadings(view)
    with qtbot.waitSignal(view.certificate_rejected, timeout=WAIT_MS):
        view.start("payment", config_for)
    qtbot.waitUntil(lambda: bool(finished(seen)), timeout=WAIT_MS)
    assert finished(seen)[-1].status() == QWebEngineLoadingInfo.LoadStatus.LoadFailedStatus
    qtbot.wait(300)
    assert reports == []  # no page ran
    assert view.bridge.transcript == []  # nothing handed out


def test_navigation_to_another_origin_is_blocked(qtbot, gui_app, server) -> None:
    view = make_view(qtbot, server)
    with qtbot.waitSignal(view.reported, timeout=WAIT_MS):
        view.start("payment", config_for)
    page_url = view.url().toString()
    with qtbot.waitSignal(view.navigation_blocked, timeout=WAIT_MS) as blocker:
        view.run_js("location.href = 'https://example.com/steal?x=1'")
    assert blocker.args == ["https://example.com/steal"]
    qtbot.wait(200)
    assert view.url().toString() == page_url
    # Scripts cannot open windows at all; createWindow refuses anyway.
    box: list[Any] = []
    view.run_js("window.open('https://example.com/') === null", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    assert box == [True]
    assert view.checkout_page.createWindow(QWebEnginePage.WebWindowType.WebBrowserTab) is None
    # The rule itself: the checkout, Stripe, the sandbox; nothing else.
    extra = ("http://127.0.0.1:9",)
    assert main_frame_allowed("https://hooks.stripe.com/3ds", server, extra)
    assert main_frame_allowed("https://js.stripe.com/v3/", server, extra)
    assert main_frame_allowed("http://127.0.0.1:9/js/v3/challenge.html", server, extra)
    assert not main_frame_allowed("https://stripe.com.evil.example/", server, extra)
    assert not main_frame_allowed("http://js.stripe.com/v3/", server, extra)
    assert not main_frame_allowed("file:///etc/passwd", server, extra)
    assert not main_frame_allowed(f"https://127.0.0.1:{server.port}/other", server, extra)


def test_requests_without_the_one_time_token_get_404(qtbot, gui_app, server) -> None:
    view = make_view(qtbot, server)
    seen = loadings(view)
    view.setUrl(QUrl(f"{server.origin}/checkout?flow=payment"))
    qtbot.waitUntil(lambda: bool(finished(seen)), timeout=WAIT_MS)
    info = finished(seen)[-1]
    assert info.errorDomain() == QWebEngineLoadingInfo.ErrorDomain.HttpStatusCodeDomain
    assert info.errorCode() == 404
    assert page_text(qtbot, view).strip() == "Not found"
    # A used token is spent: loading the same page again is a 404 too.
    with qtbot.waitSignal(view.reported, timeout=WAIT_MS):
        view.start("payment", config_for)
    used = view.url()
    seen.clear()
    view.setUrl(used)
    qtbot.waitUntil(lambda: bool(finished(seen)), timeout=WAIT_MS)
    assert finished(seen)[-1].errorCode() == 404


def frame_html(qtbot: Any, view: CheckoutView) -> list[str]:
    """The HTML of the page and of every frame in it (Stripe's stand-in card fields)."""
    html: list[str] = []
    frames = [view.checkout_page.mainFrame()]
    while frames:
        frame = frames.pop()
        frames.extend(frame.children())
        box: list[Any] = []
        frame.runJavaScript("document.documentElement.outerHTML", box.append)
        qtbot.waitUntil(lambda b=box: bool(b), timeout=WAIT_MS)
        html.append(str(box[0]))
    return html


def test_the_secret_key_never_reaches_the_web_view(
    qtbot, gui_context, gui_app, secret_key, shop
) -> None:
    context = with_publishable_key(gui_context, secret_key)
    try:
        customer = customer_of(context, shop.customer_id)
        dialog = open_dialog(qtbot, context, customer)
        dialog.amount_edit.setText("20.00")
        dialog.pay_button.click()
        wait_ready(qtbot, dialog)
        type_card(qtbot, dialog, "4242424242424242")
        view = dialog.checkout
        assert view is not None
        html = frame_html(qtbot, view)
        assert len(html) >= 2  # the page and the card frame
        press_pay(qtbot, dialog, save=True)
        wait_result(qtbot, dialog)
        seen = {
            "html": "\n".join(html),
            "bridge": "\n".join(view.bridge.transcript or []),
            "urls": "\n".join(view.requested_urls or []),
        }
        # The captures are real: the page got the publishable key and its one client secret.
        assert TEST_PUBLISHABLE_KEY in seen["bridge"]
        assert dialog.session.client_secret.reveal() in seen["bridge"]
        assert any("/checkout?token=" in u for u in view.requested_urls or [])
        assert any("/js/v3/" in u for u in view.requested_urls or [])
        for where, text in seen.items():
            assert secret_key not in text, where
            assert "sk_test_" not in text and "rk_test_" not in text, where
        assert js(qtbot, dialog, "document.documentElement.outerHTML.indexOf('sk_') < 0")
    finally:
        context.close()


def test_a_redirect_comes_back_to_the_return_url_and_stripe_decides(
    qtbot, gui_context, gui_app, secret_key, shop, sandbox, app_root
) -> None:
    """Flow 4's way back: a payment method that redirects returns to the loopback return
    URL; the return page tells the app, which then asks Stripe (not the URL) what happened."""
    import requests

    context = with_publishable_key(gui_context, secret_key)
    try:
        customer = customer_of(context, shop.customer_id)
        dialog = open_dialog(qtbot, context, customer)
        dialog.amount_edit.setText("20.00")
        dialog.pay_button.click()
        wait_ready(qtbot, dialog)
        config = json.loads(dialog.checkout.bridge.transcript[0])
        return_url, secret = config["return_url"], config["client_secret"]
        assert return_url.startswith(dialog.checkout.server.origin + "/return?token=")
        intent_id = dialog.session.intent_id
        # What the customer's bank and Stripe do while the page is away.
        confirmed = requests.post(
            f"{sandbox.base_url}/v1/payment_intents/{intent_id}/confirm",
            data={"client_secret": secret, "payment_method": "pm_card_visa"},
            auth=(TEST_PUBLISHABLE_KEY, ""), timeout=10,
        ).json()
        assert confirmed["status"] == "succeeded"
        back = (f"{return_url}&payment_intent={intent_id}"
                f"&payment_intent_client_secret={secret}&redirect_status=succeeded")
        js(qtbot, dialog, f"location.href = {json.dumps(back)}; true")
        view = wait_result(qtbot, dialog)
        assert view.title == "Approved"
        assert "redirect_returned" in [r.state for r in dialog.reports]
        # The return page drops Stripe's query (it holds the client secret) from the URL.
        assert dialog.checkout.checkout_page.blocked == []
        log_text = "".join(p.read_text(errors="replace") for p in (app_root / "logs").glob("*"))
        assert "redirect_returned intent=" in log_text  # the log is really read
        assert secret not in log_text
    finally:
        context.close()
