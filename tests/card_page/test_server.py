"""The loopback checkout server over real TLS: one-time page URLs, 404 for everything else,
a strict CSP, and a certificate that only the pinned client accepts."""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from posdesk.card_page.certificate import CertificateFiles, ensure_certificate, fingerprint_matches
from posdesk.card_page.server import (
    FLOWS,
    FONT_PATH,
    STRIPE_JS_URL,
    CheckoutServer,
    ReturnNotice,
    sources_for,
)

SANDBOX_JS = "http://127.0.0.1:48123/js/v3/"


@pytest.fixture
def cert(data_dir: Path) -> CertificateFiles:
    return ensure_certificate(data_dir / "tls")


@pytest.fixture
def server(cert: CertificateFiles) -> Iterator[CheckoutServer]:
    with CheckoutServer(cert) as running:
        yield running


def trusting(cert: CertificateFiles) -> ssl.SSLContext:
    """A client that trusts exactly this certificate (and checks it is for 127.0.0.1)."""
    return ssl.create_default_context(cafile=str(cert.cert_path))


def get(url: str, cert: CertificateFiles, method: str = "GET") -> tuple[int, dict[str, str], str]:
    parts = urlsplit(url)
    conn = http.client.HTTPSConnection(
        parts.hostname, parts.port, context=trusting(cert), timeout=10
    )
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request(method, target)
        response = conn.getresponse()
        body = response.read().decode("utf-8")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


def directives(csp: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in csp.split(";"):
        name, *values = part.split()
        assert name not in parsed, f"directive {name} given twice"
        parsed[name] = values
    return parsed


def test_a_page_url_loads_once(server: CheckoutServer, cert: CertificateFiles) -> None:
    url = server.new_page_url("payment")
    assert url.startswith(f"https://127.0.0.1:{server.port}/checkout?")
    assert parse_qs(urlsplit(url).query)["flow"] == ["payment"]

    status, headers, body = get(url, cert)
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert f'src="{STRIPE_JS_URL}"' in body
    assert "new QWebChannel(qt.webChannelTransport" in body

    assert get(url, cert)[0] == 404


@pytest.mark.parametrize("flow", FLOWS)
def test_every_flow_has_a_page(server: CheckoutServer, cert: CertificateFiles, flow: str) -> None:
    assert get(server.new_page_url(flow), cert)[0] == 200


def test_requests_without_a_valid_token_get_404(
    server: CheckoutServer, cert: CertificateFiles
) -> None:
    url = server.new_page_url("payment")
    token = CheckoutServer.page_token_of(url)
    origin = server.origin
    for bad in [
        f"{origin}/checkout",
        f"{origin}/checkout?flow=payment",
        f"{origin}/checkout?token=&flow=payment",
        f"{origin}/checkout?token=not-a-token&flow=payment",
        f"{origin}/checkout?token={token}&flow=setup",  # minted for another flow
        f"{origin}/checkout?token={token}&token={token}&flow=payment",
        f"{origin}/",
        f"{origin}/checkout.js?token={token}",
        f"{origin}/favicon.ico",
        f"{origin}/return?token={token}",  # a page token is not a return token
    ]:
        status, headers, body = get(bad, cert)
        assert status == 404, bad
        assert len(body) < 20
        assert headers["cache-control"] == "no-store"
    # None of that used the token up.
    assert get(url, cert)[0] == 200


def test_the_cjk_font_is_served_to_any_origin_and_nothing_beside_it(
    server: CheckoutServer, cert: CertificateFiles
) -> None:
    bundled = (resources.files("posdesk.resources") / "fonts" / "ReceiptCJK.ttf").read_bytes()
    conn = http.client.HTTPSConnection("127.0.0.1", server.port, context=trusting(cert),
                                       timeout=10)
    try:
        conn.request("GET", FONT_PATH)
        response = conn.getresponse()
        assert response.status == 200
        assert response.read() == bundled
        headers = {k.lower(): v for k, v in response.getheaders()}
    finally:
        conn.close()
    assert headers["content-type"] == "font/ttf"
    # Stripe's card frames fetch it cross-origin (CORS-mode, as every font fetch is).
    assert headers["access-control-allow-origin"] == "*"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["content-security-policy"] == "default-src 'none'"
    origin = server.origin
    for bad in [f"{origin}{FONT_PATH}?token=x", f"{origin}/fonts/", f"{origin}/fonts/x.ttf",
                f"{origin}/fonts/ReceiptCJK.ttf", f"{origin}/fonts/../checkout.js"]:
        assert get(bad, cert)[0] == 404, bad
    for method in ("POST", "PUT", "DELETE"):
        conn = http.client.HTTPSConnection("127.0.0.1", server.port, context=trusting(cert),
                                           timeout=10)
        try:
            conn.request(method, FONT_PATH)
            assert conn.getresponse().status == 404, method
        finally:
            conn.close()


def test_other_methods_get_404_and_do_not_use_the_token(
    server: CheckoutServer, cert: CertificateFiles
) -> None:
    url = server.new_page_url("setup")
    for method in ("HEAD", "POST", "PUT", "DELETE", "OPTIONS"):
        assert get(url, cert, method)[0] == 404, method
    assert get(url, cert)[0] == 200


def test_unknown_flow_is_refused(server: CheckoutServer) -> None:
    with pytest.raises(ValueError):
        server.new_page_url("refund")


def test_unused_tokens_expire(cert: CertificateFiles) -> None:
    with CheckoutServer(cert, token_ttl=0.2) as server:
        url = server.new_page_url("payment")
        time.sleep(0.4)
        assert get(url, cert)[0] == 404


def test_security_headers_and_exact_policy(server: CheckoutServer, cert: CertificateFiles) -> None:
    status, headers, body = get(server.new_page_url("payment"), cert)
    assert status == 200
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"
    csp = directives(headers["content-security-policy"])
    nonce = re.search(r"'nonce-([A-Za-z0-9_-]+)'", headers["content-security-policy"]).group(1)
    assert csp == {
        "default-src": ["'none'"],
        "script-src": [f"'nonce-{nonce}'", "https://js.stripe.com", "https://*.js.stripe.com"],
        "style-src": ["'unsafe-inline'"],  # Stripe.js styles its mounts inline
        "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com",
                      "https://hooks.stripe.com"],
        "connect-src": ["https://api.stripe.com"],
        "img-src": ["https://*.stripe.com"],
        "font-src": ["'self'"],  # the CJK font served beside the page
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
    }
    # Every script and style element of the page carries this load's nonce, and only it.
    scripts = re.findall(r"<script\b[^>]*>", body)
    styles = re.findall(r"<style\b[^>]*>", body)
    assert len(scripts) == 2 and len(styles) == 1
    for tag in scripts + styles:
        assert f'nonce="{nonce}"' in tag
    # Script stays nonce-only: no inline or injected script runs.
    script_src = " ".join(csp["script-src"])
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "unsafe-eval" not in headers["content-security-policy"]


def test_each_load_gets_a_fresh_nonce(server: CheckoutServer, cert: CertificateFiles) -> None:
    first = get(server.new_page_url("payment"), cert)[1]["content-security-policy"]
    second = get(server.new_page_url("payment"), cert)[1]["content-security-policy"]
    assert first != second


def test_sandbox_stripe_js_replaces_stripe_origins_in_the_policy(cert: CertificateFiles) -> None:
    with CheckoutServer(cert, stripe_js_url=SANDBOX_JS) as server:
        status, headers, body = get(server.new_page_url("payment"), cert)
    assert status == 200
    assert f'src="{SANDBOX_JS}"' in body
    csp = directives(headers["content-security-policy"])
    sandbox = "http://127.0.0.1:48123"
    assert csp["script-src"][1:] == [sandbox]
    assert csp["frame-src"] == [sandbox]
    assert csp["connect-src"] == [sandbox]
    assert csp["img-src"] == [sandbox]
    assert "stripe.com" not in headers["content-security-policy"]


def test_sources_for_the_real_stripe_js_are_stripes() -> None:
    assert sources_for("https://js.stripe.com/v3/").connect == ("https://api.stripe.com",)
    with pytest.raises(ValueError):
        sources_for("file:///tmp/stripe.js")


def test_served_page_holds_no_key_or_client_secret(
    server: CheckoutServer, cert: CertificateFiles
) -> None:
    for flow in FLOWS:
        body = get(server.new_page_url(flow), cert)[2]
        assert not re.search(r"\b(?:sk|rk)_(?:test|live)_", body)
        assert not re.search(r"\bpk_(?:test|live)_", body)
        assert not re.search(r"(?:pi|seti)_[A-Za-z0-9]+_secret_", body)
        assert "sk_" not in body and "rk_" not in body


def test_return_url_serves_once_and_tells_the_app(cert: CertificateFiles, capfd) -> None:
    notices: list[ReturnNotice] = []
    with CheckoutServer(cert, on_return=notices.append) as server:
        page = server.new_page_url("payment")
        page_token = CheckoutServer.page_token_of(page)
        assert get(page, cert)[0] == 200
        back = server.return_url(page_token)
        assert back.startswith(f"{server.origin}/return?token=")
        secret = "pi_3Abc123_secret_Zyx987"
        stripe_query = (
            f"&payment_intent=pi_3Abc123&payment_intent_client_secret={secret}"
            "&redirect_status=succeeded"
        )
        status, headers, body = get(back + stripe_query, cert)
        assert status == 200
        assert 'data-intent-id="pi_3Abc123"' in body
        assert 'data-redirect-status="succeeded"' in body
        assert "_secret_" not in body
        assert "default-src 'none'" in headers["content-security-policy"]
        assert notices == [ReturnNotice(page_token, "pi_3Abc123", "succeeded")]
        assert get(back + stripe_query, cert)[0] == 404
    out, err = capfd.readouterr()
    assert secret not in out + err  # request lines are never logged


def test_return_page_rejects_odd_values(server: CheckoutServer, cert: CertificateFiles) -> None:
    page_token = CheckoutServer.page_token_of(server.new_page_url("setup"))
    back = server.return_url(page_token)
    odd = "&setup_intent=seti_1_secret_x&redirect_status=%22%3E%3Cscript%3E"
    status, _, body = get(back + odd, cert)
    assert status == 200
    assert 'data-intent-id=""' in body and 'data-redirect-status=""' in body


def test_return_url_needs_a_known_page(server: CheckoutServer) -> None:
    with pytest.raises(KeyError):
        server.return_url("never-minted")


def test_revoked_page_and_its_return_url_are_gone(
    server: CheckoutServer, cert: CertificateFiles
) -> None:
    url = server.new_page_url("cvc")
    token = CheckoutServer.page_token_of(url)
    back = server.return_url(token)
    server.revoke(token)
    assert get(url, cert)[0] == 404
    assert get(back, cert)[0] == 404


def test_a_client_pinning_another_certificate_fails_the_handshake(
    server: CheckoutServer, data_dir: Path
) -> None:
    stranger = ensure_certificate(data_dir / "stranger")
    url = server.new_page_url("payment")
    with pytest.raises(ssl.SSLCertVerificationError):
        get(url, stranger)


def test_served_certificate_matches_the_pinned_fingerprint(
    server: CheckoutServer, cert: CertificateFiles, data_dir: Path
) -> None:
    stranger = ensure_certificate(data_dir / "stranger")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # fetch whatever is presented, then judge it by pin
    with (
        socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        presented = tls.getpeercert(binary_form=True)
        assert tls.version() in ("TLSv1.2", "TLSv1.3")
    assert presented == cert.der
    assert fingerprint_matches(presented, cert.sha256_fingerprint)
    assert not fingerprint_matches(presented, stranger.sha256_fingerprint)


def test_a_silent_client_does_not_block_others(
    server: CheckoutServer, cert: CertificateFiles
) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10):
        started = time.monotonic()
        assert get(server.new_page_url("payment"), cert)[0] == 200
        assert time.monotonic() - started < 5


def test_parallel_loads_of_one_token_serve_it_once(
    server: CheckoutServer, cert: CertificateFiles
) -> None:
    url = server.new_page_url("payment")
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(get(url, cert)[0]))
               for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [200, 404, 404, 404, 404, 404]


def test_stop_closes_the_port(cert: CertificateFiles) -> None:
    server = CheckoutServer(cert)
    server.start()
    port = server.port
    assert server.is_checkout_url(server.new_page_url("payment"))
    assert not server.is_checkout_url(f"https://127.0.0.1:{port + 1}/checkout")
    assert not server.is_checkout_url("https://js.stripe.com/v3/")
    server.stop()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
