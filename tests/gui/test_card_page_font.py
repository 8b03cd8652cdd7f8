"""Chinese on the card page reads on a machine without a CJK font: the page and Stripe's card
frames (in the page's language) draw CJK characters with the font PosDesk carries, served
beside the page (Chromium in the web view never sees fonts registered with Qt). An English
page never loads it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from posdesk.gui.common.resources import install_translators
from tests.gui.card_entry_support import (
    WAIT_MS,
    customer_of,
    js,
    open_dialog,
    wait_js,
    wait_ready,
    with_publishable_key,
)
from tests.gui.test_card_page_theme import frame_answer

pytestmark = pytest.mark.gui

FAMILY = "PosDesk CJK"
HAN = re.compile(r"[\u4e00-\u9fff]")
# The page's fonts as [family, status] pairs (Chromium may quote a family name).
PAGE_FONTS = ("JSON.stringify(Array.from(document.fonts).map(function (f) {"
              " return [f.family.replace(/[\"']/g, ''), f.status]; }))")
# In a card frame: load the family the page handed over (the frame's own words are English in
# the stand-in, so nothing asked for it yet) and answer its status and the body's font stack.
FRAME_FONT = ("(function () { var f = Array.from(document.fonts).filter(function (x) {"
              " return x.family.replace(/[\"']/g, '') === '" + FAMILY + "'; })[0];"
              " if (!f) { return JSON.stringify(['missing', '']); }"
              " if (f.status === 'unloaded') { f.load().catch(function () {}); }"
              " return JSON.stringify([f.status, getComputedStyle(document.body).fontFamily]);"
              " })()")

# For each of the page's words on show: its width over the width of the same words laid out
# afresh (at a slightly other size, so no shape Chromium kept is reused; scaled back).
SHOWN_VS_FRESH_IN = """(function (selectors) {
  function width(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    return range.getBoundingClientRect().width;
  }
  var ratios = {};
  selectors.forEach(function (id) {
    var shown = document.querySelector(id);
    if (!shown) { return; }
    var style = getComputedStyle(shown);
    var probe = document.createElement("span");
    probe.textContent = shown.textContent;
    probe.style.font = style.fontWeight + " " + parseFloat(style.fontSize) * 1.01 + "px " +
      style.fontFamily;
    probe.style.position = "absolute";
    probe.style.whiteSpace = "nowrap";
    document.body.appendChild(probe);
    ratios[id] = width(shown) / (width(probe) / 1.01);
    probe.remove();
  });
  return JSON.stringify(ratios);
})(%s)"""
SHOWN_VS_FRESH = SHOWN_VS_FRESH_IN % '["#checkout-title", "#save-label", "#submit-label"]'



@pytest.fixture
def chinese(gui_app: QApplication) -> Iterator[QApplication]:
    """A Chinese UI, as the app sets one up (gui/app.py prepare_application)."""
    previous = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    installed = install_translators(gui_app, QLocale("zh_CN"))
    try:
        yield gui_app
    finally:
        for translator in installed:
            gui_app.removeTranslator(translator)
        QLocale.setDefault(previous)


def card_dialog(qtbot: Any, context: Any, shop: Any) -> Any:
    dialog = open_dialog(qtbot, context, customer_of(context, shop.customer_id))
    dialog.amount_edit.setText("20.00")
    dialog.pay_button.click()
    wait_ready(qtbot, dialog)
    assert dialog.checkout is not None
    return dialog


def page_font_status(qtbot: Any, dialog: Any) -> dict[str, str]:
    return {family: status for family, status in json.loads(js(qtbot, dialog, PAGE_FONTS))}


def test_chinese_words_on_the_page_and_in_the_card_frame_use_the_bundled_font(
    qtbot: Any, chinese: QApplication, gui_context: Any, secret_key: str, shop: Any
) -> None:
    context = with_publishable_key(gui_context, secret_key)
    try:
        dialog = card_dialog(qtbot, context, shop)
        title = js(qtbot, dialog, "document.getElementById('checkout-title').textContent")
        assert HAN.search(title), title  # the page speaks Chinese
        qtbot.waitUntil(lambda: page_font_status(qtbot, dialog).get(FAMILY) == "loaded",
                        timeout=WAIT_MS)
        # Every character of the title and the Pay button has a glyph in what is loaded.
        words = js(qtbot, dialog, "document.getElementById('checkout-title').textContent + "
                                  "document.getElementById('submit-label').textContent")
        assert js(qtbot, dialog, f"document.fonts.check('20px \"{FAMILY}\"', "
                                 f"{json.dumps(words)})") is True
        # ...and the words on show were laid out with it: each is as wide as the same words
        # laid out afresh now (Chromium keeps the boxes of text shaped before a web font
        # arrived, which are narrower than the font's glyphs).
        widths = json.loads(js(qtbot, dialog, SHOWN_VS_FRESH))
        assert all(0.97 < ratio < 1.03 for ratio in widths.values()), widths

        # Stripe's frames were handed the font and the page's stack: the card frame fetches
        # it from the page's server (cross-origin, over the pinned certificate) and uses it.
        def frame_font() -> list[Any]:
            return [json.loads(a) for a in frame_answer(qtbot, dialog.checkout, FRAME_FONT)
                    if a]

        qtbot.waitUntil(lambda: [s for s, _ in frame_font()] == ["loaded"], timeout=WAIT_MS)
        [[_, stack]] = frame_font()
        assert FAMILY in stack and stack.index("Noto Sans CJK SC") < stack.index(FAMILY)
        # Stripe's form speaks the page's language (Stripe(pk, {locale: "zh"})): the
        # sandbox's stand-in labels its fields in Chinese, drawn with that font.
        labels = frame_answer(qtbot, dialog.checkout, "(function () { var l = document."
                              "querySelector('label[for=cardnumber]'); return l ? "
                              "l.textContent : ''; })()")
        assert [label for label in labels if label] == ["卡号"]
        [frame_widths] = [json.loads(a) for a in frame_answer(
            qtbot, dialog.checkout, SHOWN_VS_FRESH_IN % '["label[for=cardnumber]"]') if a != "{}"]
        assert all(0.97 < ratio < 1.03 for ratio in frame_widths.values()), frame_widths
    finally:
        context.close()


def test_an_english_page_does_not_load_the_cjk_font(
    qtbot: Any, gui_app: QApplication, gui_context: Any, secret_key: str, shop: Any
) -> None:
    context = with_publishable_key(gui_context, secret_key)
    try:
        dialog = card_dialog(qtbot, context, shop)
        wait_js(qtbot, dialog, "document.fonts.status === 'loaded'")
        assert page_font_status(qtbot, dialog) == {FAMILY: "unloaded"}
    finally:
        context.close()
