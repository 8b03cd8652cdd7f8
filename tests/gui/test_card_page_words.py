"""The card page shows every sentence in the staff's language: each English sentence the
page's script can show (a T("...") call, or a constant or flow text it passes to T) is among
the texts the app hands over, and in Chinese the page's config carries the Chinese."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from posdesk.card_page.protocol import page_config
from posdesk.gui.common.resources import install_translators
from posdesk.gui.payments.card_page_words import card_page_texts

pytestmark = pytest.mark.gui

SCRIPT = (Path(__file__).resolve().parents[2] / "src" / "posdesk" / "card_page" / "static"
          / "checkout.js").read_text(encoding="utf-8")


def sentences_the_page_translates() -> set[str]:
    found = set(re.findall(r'\bT\("((?:[^"\\]|\\.)*)"\)', SCRIPT))
    # Constants passed to T(NAME): their (possibly concatenated) English.
    for name in set(re.findall(r"\bT\(([A-Z_]+)\)", SCRIPT)):
        declared = re.search(rf"var {name} = ((?:\"[^\"]*\"\s*\+?\s*)+);", SCRIPT)
        assert declared, name
        found.add("".join(re.findall(r'"([^"]*)"', declared.group(1))))
    # The flow texts passed to T(text_.title), T(text_.submit), T(text_.submitAmount).
    flows = SCRIPT[SCRIPT.index("var FLOW_TEXT"):SCRIPT.index("};", SCRIPT.index("var FLOW_TEXT"))]
    found |= set(re.findall(r'(?:title|submit|submitAmount): "([^"]*)"', flows))
    found |= {"Approved", "Card saved"}  # T(flow === "setup" ? "Card saved" : "Approved")
    return found


def test_every_sentence_the_page_shows_is_handed_over() -> None:
    shown = sentences_the_page_translates()
    assert len(shown) >= 25
    assert shown <= set(card_page_texts()), sorted(shown - set(card_page_texts()))


def test_in_chinese_the_page_config_carries_chinese_words(qapp: Any) -> None:
    installed = install_translators(qapp, QLocale("zh_CN"))
    try:
        texts = card_page_texts()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    untranslated = [english for english, words in texts.items() if words == english]
    assert untranslated == []
    config = json.loads(page_config(flow="payment", publishable_key="pk_test_1",
                                    client_secret="pi_1_secret_2", return_url="https://x/",
                                    texts=texts))
    assert config["texts"]["Pay %1"].count("%1") == 1
    assert config["texts"]["Approved"] != "Approved"
