"""The card page follows the app's scheme: its own colors and Stripe's appearance come from
the theme's named colors, a page opened after a switch (the warm-up spare's next page
included) has the new ones, and an open page restyles when the scheme switches."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from posdesk.card_page.certificate import ensure_certificate
from posdesk.card_page.protocol import page_config
from posdesk.card_page.server import CheckoutServer, checked_theme
from posdesk.gui.common import theme
from posdesk.gui.common.theme import COLOURS, Role, Scheme, contrast_ratio
from posdesk.gui.payments import checkout_view
from posdesk.gui.payments.card_page_theme import (
    PAGE_COLOURS,
    PAGE_TEXT_PAIRS,
    page_colours,
    page_theme,
    stripe_appearance,
)
from posdesk.gui.payments.checkout_view import CheckoutView
from tests.conftest import TEST_PUBLISHABLE_KEY
from tests.gui.card_entry_support import (
    customer_of,
    open_dialog,
    wait_ready,
    with_publishable_key,
)

WAIT_MS = 30_000
SANDBOX_JS = "http://127.0.0.1:9/js/v3/"  # nothing listens: the page's own CSS is enough
ROOT = Path(__file__).resolve().parents[2]
PAGE_FILES = [ROOT / "src" / "posdesk" / "card_page" / "static" / name
              for name in ("checkout.css", "checkout.js", "checkout.html")]
SPELLED = re.compile(r"(?<!&)#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\s*\(")


def rgb(colour: str) -> str:
    """A #rrggbb color as getComputedStyle spells it."""
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


@pytest.fixture
def scheme_app(gui_app: QApplication) -> Iterator[QApplication]:
    yield gui_app
    theme.force_scheme(None)
    theme.apply_scheme(gui_app, Scheme.LIGHT)


@pytest.fixture
def server(data_dir: Path) -> Iterator[CheckoutServer]:
    with CheckoutServer(ensure_certificate(data_dir / "tls"), stripe_js_url=SANDBOX_JS) as s:
        yield s


def config_for(return_url: str) -> str:
    return page_config(flow="payment", publishable_key=TEST_PUBLISHABLE_KEY,
                       client_secret="pi_123_secret_456", return_url=return_url)


def make_view(qtbot: Any, server: CheckoutServer) -> CheckoutView:
    view = CheckoutView(server, stripe_js_url=SANDBOX_JS, record_traffic=True)
    qtbot.addWidget(view)
    view.resize(640, 600)
    view.show()
    return view


def start(qtbot: Any, view: CheckoutView) -> None:
    # No Stripe.js behind SANDBOX_JS: the page says so once it has its config.
    with qtbot.waitSignal(view.reported, timeout=WAIT_MS):
        view.start("payment", config_for)


def run(qtbot: Any, view: CheckoutView, code: str) -> Any:
    box: list[Any] = []
    view.run_js(code, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return box[0]


def body_colours(qtbot: Any, view: CheckoutView) -> tuple[str, str]:
    page, ink = json.loads(run(qtbot, view, "(function () { var s = getComputedStyle("
                                            "document.body); return JSON.stringify("
                                            "[s.backgroundColor, s.color]); })()"))
    return page, ink


def expected(scheme: Scheme) -> tuple[str, str]:
    return rgb(COLOURS[scheme][Role.PANEL]), rgb(COLOURS[scheme][Role.TEXT])


# --- the colors -------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", list(Scheme))
@pytest.mark.parametrize("pair", PAGE_TEXT_PAIRS, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_the_page_reads_at_aa(scheme: Scheme, pair: tuple[str, str]) -> None:
    colours = page_colours(scheme)
    ratio = contrast_ratio(colours[pair[0]], colours[pair[1]])
    assert ratio >= 4.5, f"{scheme}: {pair[0]} on {pair[1]} is {ratio:.2f}:1"


def test_the_colors_are_the_themes_and_the_page_spells_none() -> None:
    for scheme in Scheme:
        assert page_colours(scheme) == {k: COLOURS[scheme][r] for k, r in PAGE_COLOURS.items()}
        assert checked_theme(page_theme(scheme)) == page_theme(scheme)
    assert stripe_appearance(Scheme.DARK)["theme"] == "night"
    assert stripe_appearance(Scheme.LIGHT)["theme"] == "stripe"
    assert stripe_appearance(Scheme.DARK)["variables"]["colorBackground"] == theme.DARK[Role.BASE]
    for path in PAGE_FILES:
        assert SPELLED.findall(path.read_text(encoding="utf-8")) == [], path.name


def test_a_theme_the_page_cannot_take_is_refused(server: CheckoutServer) -> None:
    bad = page_theme(Scheme.DARK)
    bad["colors"] = {**bad["colors"], "page": "red;background:url(x)"}
    with pytest.raises(ValueError):
        server.new_page_url("payment", theme=bad)
    with pytest.raises(ValueError):
        server.new_page_url("payment", theme={"scheme": "sepia", "colors": {}})


# --- the page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", list(Scheme))
def test_the_page_shows_the_scheme_it_was_opened_in(
    qtbot: Any, scheme_app: QApplication, server: CheckoutServer, scheme: Scheme
) -> None:
    theme.apply_scheme(scheme_app, scheme)
    view = make_view(qtbot, server)
    start(qtbot, view)
    assert body_colours(qtbot, view) == expected(scheme)
    assert run(qtbot, view, "getComputedStyle(document.documentElement).colorScheme") \
        == scheme.value
    assert view.checkout_page.backgroundColor().name() == COLOURS[scheme][Role.PANEL]


def test_an_open_page_restyles_when_the_scheme_switches(
    qtbot: Any, scheme_app: QApplication, server: CheckoutServer
) -> None:
    theme.apply_scheme(scheme_app, Scheme.LIGHT)
    view = make_view(qtbot, server)
    start(qtbot, view)
    assert body_colours(qtbot, view) == expected(Scheme.LIGHT)
    theme.apply_scheme(scheme_app, Scheme.DARK)
    qtbot.waitUntil(lambda: body_colours(qtbot, view) == expected(Scheme.DARK), timeout=WAIT_MS)
    # What went to the page is the theme, in the transcript like all the page is handed.
    assert json.loads((view.bridge.transcript or [])[-1]) == page_theme(Scheme.DARK)


def test_the_warmed_up_page_does_not_keep_the_old_scheme(
    qtbot: Any, scheme_app: QApplication, server: CheckoutServer
) -> None:
    theme.apply_scheme(scheme_app, Scheme.LIGHT)
    checkout_view.release()
    try:
        checkout_view.warm_up(server, stripe_js_url=SANDBOX_JS)
        qtbot.waitUntil(checkout_view.is_warm, timeout=WAIT_MS)
        theme.apply_scheme(scheme_app, Scheme.DARK)  # while the spare waits
        view = checkout_view.take_view(server, stripe_js_url=SANDBOX_JS)
        qtbot.addWidget(view)
        view.show()
        start(qtbot, view)
        assert body_colours(qtbot, view) == expected(Scheme.DARK)
    finally:
        checkout_view.release()


def test_a_spare_page_never_takes_the_next_entrys_configuration(
    qtbot: Any, scheme_app: QApplication, server: CheckoutServer
) -> None:
    # The spare is handed over only once its page has asked for (and been refused) a
    # configuration; one still connecting would ask after the next entry armed the bridge,
    # take that entry's configuration, report on its behalf, and leave the real page with
    # none ("could not start").
    for _ in range(3):
        checkout_view.release()
        try:
            checkout_view.warm_up(server, stripe_js_url=SANDBOX_JS)
            qtbot.waitUntil(checkout_view.is_warm, timeout=WAIT_MS)
            view = checkout_view.take_view(server, stripe_js_url=SANDBOX_JS,
                                           record_traffic=True)
            qtbot.addWidget(view)
            view.show()
            reports: list[Any] = []
            view.reported.connect(reports.append)
            start(qtbot, view)
            qtbot.wait(400)  # a second page's report would have come by now
            assert [(r.state, r.error.code) for r in reports] == [
                ("failed", "stripe_js_unavailable")]
            served = [t for t in view.bridge.transcript or [] if '"flow"' in t]
            assert len(served) == 1
        finally:
            checkout_view.release()


# --- Stripe's element (the sandbox's stand-in) ------------------------------------------------


def frame_answer(qtbot: Any, view: CheckoutView, code: str) -> list[Any]:
    """`code`'s answer in every frame below the page (the card frames)."""
    answers: list[Any] = []
    frames = list(view.checkout_page.mainFrame().children())
    while frames:
        frame = frames.pop()
        frames.extend(frame.children())
        box: list[Any] = []
        frame.runJavaScript(code, box.append)
        qtbot.waitUntil(lambda b=box: bool(b), timeout=WAIT_MS)
        answers.append(box[0])
    return answers


def test_the_card_form_takes_the_dark_appearance(
    qtbot: Any, scheme_app: QApplication, gui_context: Any, secret_key: str, shop: Any
) -> None:
    theme.apply_scheme(scheme_app, Scheme.DARK)
    context = with_publishable_key(gui_context, secret_key)
    try:
        dialog = open_dialog(qtbot, context, customer_of(context, shop.customer_id))
        dialog.amount_edit.setText("20.00")
        dialog.pay_button.click()
        wait_ready(qtbot, dialog)
        assert dialog.checkout is not None
        probe = ("(function () { var i = document.getElementById('cardnumber');"
                 " if (!i) { return ''; } var s = getComputedStyle(i);"
                 " return JSON.stringify([document.documentElement.getAttribute('data-theme'),"
                 " s.backgroundColor, s.color]); })()")
        view = dialog.checkout

        def card_field() -> list[Any]:
            return [json.loads(a) for a in frame_answer(qtbot, view, probe) if a]

        dark, light = theme.DARK, theme.LIGHT
        assert card_field() == [["night", rgb(dark[Role.BASE]), rgb(dark[Role.TEXT])]]
        assert body_colours(qtbot, view) == expected(Scheme.DARK)  # the page around it
        # Switched while the form is open: elements.update({appearance}) restyles it.
        theme.apply_scheme(scheme_app, Scheme.LIGHT)
        qtbot.waitUntil(lambda: card_field() == [
            ["stripe", rgb(light[Role.BASE]), rgb(light[Role.TEXT])]], timeout=WAIT_MS)
        assert body_colours(qtbot, view) == expected(Scheme.LIGHT)
    finally:
        context.close()


def test_the_theme_rides_in_the_page_escaped_and_reaches_the_return_page(
    server: CheckoutServer,
) -> None:
    from posdesk.card_page.server import ReturnNotice

    dark = page_theme(Scheme.DARK)
    dark["appearance"] = {**dark["appearance"], "rules": {".Tab": {"x": '"><script>1</script>'}}}
    page = server.render_page("n0nce", dark)
    assert "<script>1</script>" not in page and '"><script>' not in page
    assert server.render_page("n0nce").count('data-theme="{}"') == 1  # no theme: {}
    token = server.page_token_of(server.new_page_url("payment", theme=dark))
    back = server.render_return("n0nce", ReturnNotice(token, None, None))
    assert f"background:{theme.DARK[Role.PANEL]};color:{theme.DARK[Role.TEXT]}" in back
    plain = server.page_token_of(server.new_page_url("payment"))
    assert "background:Canvas;color:CanvasText" in server.render_return(
        "n0nce", ReturnNotice(plain, None, None))
