"""The sandbox's own pages speak the customer's language, as Stripe's do: every English word
its frames, its 3D Secure page and its hosted Checkout page can show has a Chinese entry in
sandbox/words.py, and the pages pick the language from Stripe.js's `locale`, a session's
`locale` or the browser's Accept-Language."""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Any

import requests

from posdesk.sandbox import cards
from posdesk.sandbox.server import SandboxServer
from posdesk.sandbox.words import WORDS, language_of, say, words_script

STATIC = resources.files("posdesk.sandbox") / "static"
HAN = re.compile(r"[\u4e00-\u9fff]")


def static(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def shown_english() -> set[str]:
    """Every English word the sandbox's pages can show."""
    found: set[str] = set()
    for name in ("payment_frame.html", "cvc_frame.html", "challenge_frame.html"):
        for raw in re.findall(r"<[^>]*\bdata-words\b[^>]*>([^<]*)<", static(name)):
            found.add(html.unescape(raw).strip())
    for name in ("frame.js", "checkout_page.js"):
        found |= set(re.findall(r'\bW\("((?:[^"\\]|\\.)*)"\)', static(name)))
        # W(x || "fallback"): the fallback shows when Stripe's answer has no message.
        found |= set(re.findall(r'\|\| "([^"]+)"\)', static(name)))
    page = (resources.files("posdesk.sandbox") / "checkout_page.py").read_text(encoding="utf-8")
    found |= set(re.findall(r'\bsay\("([^"]+)"', page))
    found |= set(re.findall(r'"(?:complete|expired)": "([^"]+)"', page))
    found |= set(cards.DECLINE_MESSAGES.values())
    return found


def test_every_word_the_pages_show_has_its_chinese() -> None:
    english = shown_english()
    assert len(english) >= 40
    missing = sorted(e for e in english if e not in WORDS["zh"])
    assert missing == []
    untranslated = sorted(e for e, zh in WORDS["zh"].items() if not HAN.search(zh))
    assert untranslated == []
    # Placeholders survive translation.
    assert all(zh.count("%1") == e.count("%1") for e, zh in WORDS["zh"].items())


def test_language_tags_and_accept_language_pick_chinese_or_english() -> None:
    for tag in ("zh", "zh-CN", "zh_CN", "zh-Hans-CN", "zh-CN,zh;q=0.9,en;q=0.8", "ZH"):
        assert language_of(tag) == "zh", tag
    for tag in (None, "", "auto", "en", "en-GB,en;q=0.9", "de-DE", "*"):
        assert language_of(tag) is None, tag
    assert say("Card number", "zh") == "卡号" and say("Card number", None) == "Card number"
    assert say("no such words", "zh") == "no such words"
    script = words_script().decode("utf-8")
    table = json.loads(script.removeprefix("window.__sandboxWords = ").rstrip(";\n"))
    assert table == WORDS


def new_session(sandbox: SandboxServer, key: str, **extra: Any) -> dict[str, Any]:
    response = requests.post(sandbox.base_url + "/v1/checkout/sessions", auth=(key, ""), data={
        "mode": "payment",
        "line_items[0][price_data][currency]": "usd",
        "line_items[0][price_data][unit_amount]": "5000",
        "line_items[0][price_data][product_data][name]": "Deposit",
        "line_items[0][quantity]": "1", **extra,
    }, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_hosted_page_speaks_the_browsers_language_or_the_sessions(
    sandbox: SandboxServer, secret_key: str,
) -> None:
    session = new_session(sandbox, secret_key)
    assert session["locale"] is None
    chinese = requests.get(session["url"], headers={"Accept-Language": "zh-CN,zh;q=0.9"},
                           timeout=10).text
    assert '<html lang="zh">' in chinese
    assert "沙盒：测试模式" in chinese and "支付 50.00 USD" in chinese
    assert '"locale": "zh"' in html.unescape(chinese)  # the card fields follow
    assert '<script src="/js/v3/words.js"></script>' in chinese
    english = requests.get(session["url"], headers={"Accept-Language": "en-US"}, timeout=10).text
    assert "Sandbox: test mode" in english and "Pay 50.00 USD" in english
    assert not HAN.search(english)
    # A session's own locale wins over the browser's, as Stripe's does.
    fixed = new_session(sandbox, secret_key, locale="zh")
    assert fixed["locale"] == "zh"
    assert "沙盒：测试模式" in requests.get(fixed["url"], headers={"Accept-Language": "en"},
                                       timeout=10).text
    # A closed page's words too.
    gone = requests.get(sandbox.base_url + "/c/pay/cs_test_nosuch",
                        headers={"Accept-Language": "zh"}, timeout=10)
    assert gone.status_code == 404 and HAN.search(gone.text)
    # ... drawn with the sandbox's CJK font where the machine has none, shown once it has
    # loaded (checkout_page.js), like the open page's.
    assert "/js/v3/fonts/cjk.ttf" in gone.text and '<main id="page" hidden>' in gone.text
    assert '<script src="/c/checkout_page.js"></script>' in gone.text


def test_the_frames_load_their_words_beside_them(sandbox: SandboxServer) -> None:
    for path in ("/js/v3/words.js", "/js/v3/elements/words.js"):
        response = requests.get(sandbox.base_url + path, timeout=10)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/javascript")
        assert "卡号" in response.text
    font = requests.get(sandbox.base_url + "/js/v3/fonts/cjk.ttf", timeout=10)
    assert font.status_code == 200 and font.headers["Content-Type"] == "font/ttf"
    assert font.content == (resources.files("posdesk.resources") / "fonts"
                            / "ReceiptCJK.ttf").read_bytes()
    assert "/js/v3/fonts/cjk.ttf" in static("frame.css")
    for frame in ("/js/v3/elements/payment.html", "/js/v3/elements/cvc.html",
                  "/js/v3/challenge.html"):
        page = requests.get(sandbox.base_url + frame, timeout=10).text
        assert page.index('src="words.js"') < page.index('src="frame.js"'), frame
