"""Sentences for staff as message ids: one wording per id, parameters that fit, every id in
the translation catalogue, and the GUI showing a translation with its parameters filled in,
for a fresh `Text` and for an English sentence read back from a stored payment."""

from __future__ import annotations

import importlib.util
import logging
import pickle
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import stripe
from PySide6.QtCore import QCoreApplication, QTranslator

from posdesk.domain import messages
from posdesk.domain.messages import (
    DuplicateMessage,
    Text,
    message,
    placeholders,
    text,
    text_of,
)
from posdesk.domain.money import AmountError, parse_amount
from posdesk.domain.outcomes import (
    NEXT_STEP_RETRY_LATER,
    REASON_SUCCEEDED,
    REASON_UNREACHABLE,
    REASON_WITH_NEXT_STEP,
)
from posdesk.gateway.errors import gateway_error
from posdesk.gui.messages import CONTEXT, words

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "posdesk_zh_CN.ts"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


@pytest.fixture
def scratch_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """Declarations made by a test vanish after it, so the real catalogue stays the app's."""
    for name in ("_CATALOGUE", "_BY_ENGLISH", "_ORIGIN"):
        monkeypatch.setattr(messages, name, dict(getattr(messages, name)))


def load_script() -> ModuleType:
    path = ROOT / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- one wording per id ------------------------------------------------------------------------


def test_an_id_has_one_wording(scratch_catalogue: None) -> None:
    first = text("test.greeting", "Hello.")
    assert text("test.greeting", "Hello.") == first  # the same declaration again is harmless
    with pytest.raises(DuplicateMessage):
        text("test.greeting", "Hello there.")
    with pytest.raises(DuplicateMessage):
        message("test.greeting", "Hello {name}.")


def test_one_wording_has_one_id(scratch_catalogue: None) -> None:
    text("test.first", "Said once.")
    with pytest.raises(DuplicateMessage):
        text("test.second", "Said once.")
    message("test.with_value", "{count} left.")
    with pytest.raises(DuplicateMessage):
        message("test.other_value", "{count} left.")


def test_the_declared_catalogue_has_no_wording_twice() -> None:
    declared = load_script().declared_messages()
    assert len(set(declared.values())) == len(declared)
    assert all(key.count(".") >= 1 and " " not in key for key in declared)


# --- parameters ------------------------------------------------------------------------------


def test_parameters_must_match_the_template(scratch_catalogue: None) -> None:
    minimum = message("test.minimum", "The minimum is {amount} in {currency}.")
    said = minimum(amount="$0.50", currency="USD")
    assert said == "The minimum is $0.50 in USD."
    assert (said.key, said.template, dict(said.params)) == (
        "test.minimum", "The minimum is {amount} in {currency}.",
        {"amount": "$0.50", "currency": "USD"},
    )
    with pytest.raises(TypeError):
        minimum(amount="$0.50")
    with pytest.raises(TypeError):
        minimum(amount="$0.50", currency="USD", extra="x")
    with pytest.raises(TypeError):
        text("test.not_plain", "Charged {amount}.")  # parameters need message()
    with pytest.raises(ValueError):
        message("test.positional", "Charged {}.")  # only named parameters can be filled in


def test_every_declared_template_names_only_identifiers() -> None:
    for key, template in load_script().declared_messages().items():
        assert all(name.isidentifier() for name in placeholders(template)), key


def test_a_text_survives_pickling_with_its_id_and_parameters() -> None:
    said = REASON_WITH_NEXT_STEP(reason=REASON_UNREACHABLE, next_step=NEXT_STEP_RETRY_LATER)
    back = pickle.loads(pickle.dumps(said))
    assert isinstance(back, Text) and back == said and back.key == said.key
    assert isinstance(back.params["reason"], Text)
    assert back.params["reason"].key == "outcome.reason.unreachable"


# --- the domain and gateway say ids -----------------------------------------------------------


def test_an_amount_refused_says_an_id_with_the_formatted_amount() -> None:
    with pytest.raises(AmountError) as refused:
        parse_amount("0,10", "EUR", "de_DE")
    said = refused.value.message
    assert isinstance(said, Text) and said.key == "amount.minimum_charge"
    assert dict(said.params) == {"currency": "EUR", "amount": "0,50\xa0€"}
    assert str(refused.value) == "The minimum charge in EUR is 0,50\xa0€."


def test_a_gateway_error_says_what_happened_and_what_to_do_as_two_ids() -> None:
    error = gateway_error(stripe.APIConnectionError("down"), "customer list")
    assert error.message == "Stripe could not be reached. " + NEXT_STEP_RETRY_LATER
    assert isinstance(error.message, Text) and error.message.key == REASON_WITH_NEXT_STEP.key
    assert error.message.params["reason"] is REASON_UNREACHABLE or (
        error.message.params["reason"].key == REASON_UNREACHABLE.key  # type: ignore[union-attr]
    )


# --- the catalogue for translators ------------------------------------------------------------


def ts_messages(path: Path) -> dict[tuple[str, str], Any]:
    """(source, comment) -> <translation> element of the context "Message"."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for entry in context.iter("message"):
            found[(entry.findtext("source") or "", entry.findtext("comment") or "")] = (
                entry.find("translation")
            )
    return found


def test_every_declared_message_is_in_the_catalogue_for_translation() -> None:
    """A sentence missing here could never be translated: run scripts/update_translations.py."""
    in_ts = ts_messages(TS)
    missing = [
        f"{key}: {template}"
        for key, template in sorted(load_script().declared_messages().items())
        if (template, key) not in in_ts
        or in_ts[(template, key)].get("type") in ("vanished", "obsolete")
    ]
    assert missing == []


# --- words on screen ---------------------------------------------------------------------------

CHINESE = {
    ("amount.minimum_charge", "The minimum charge in {currency} is {amount}."):
        "{currency} 的最低收费为 {amount}。",
    ("outcome.reason.unreachable", "Stripe could not be reached."): "无法连接 Stripe。",
    ("outcome.next.retry_later",
     "Try again in a minute. If it keeps happening, check the internet connection."):
        "请一分钟后重试。如果问题持续，请检查网络连接。",
    ("outcome.reason_with_next_step", "{reason} {next_step}"): "{reason}{next_step}",
    # A translation that lost a parameter: the English is shown rather than half a sentence.
    ("amount.maximum_charge", "The maximum charge in {currency} is {amount}."): "最高收费。",
}


def _xml(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.fixture
def chinese(qapp: Any, tmp_path: Path) -> Iterator[QTranslator]:
    """A real translator from a tiny catalogue compiled by pyside6-lrelease."""
    entries = "".join(
        f"<message><source>{_xml(source)}</source><comment>{key}</comment>"
        f"<translation>{_xml(chinese)}</translation></message>"
        for (key, source), chinese in CHINESE.items()
    )
    ts = tmp_path / "posdesk_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        f"<context><name>{CONTEXT}</name>{entries}</context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "posdesk_zh_CN.qm"
    subprocess.run([str(LRELEASE), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_words_shows_the_translation_with_the_parameters_filled_in(chinese: QTranslator) -> None:
    with pytest.raises(AmountError) as refused:
        parse_amount("0.10", "USD")
    assert words(refused.value.message) == "USD 的最低收费为 $0.50。"
    # Each sentence of a joined one in its own translation, joined the language's way.
    said = REASON_WITH_NEXT_STEP(reason=REASON_UNREACHABLE, next_step=NEXT_STEP_RETRY_LATER)
    assert words(said) == "无法连接 Stripe。请一分钟后重试。如果问题持续，请检查网络连接。"
    # Not translated yet: the English, as declared.
    assert words(REASON_SUCCEEDED) == "The payment was approved."


def test_a_stored_english_reason_still_translates(chinese: QTranslator) -> None:
    # PaymentRecord.error_message keeps the English as a plain str: the id is found again.
    stored = str(REASON_UNREACHABLE)
    assert type(stored) is str and text_of(stored) == REASON_UNREACHABLE
    assert words(stored) == "无法连接 Stripe。"
    joined = str(REASON_WITH_NEXT_STEP(reason=REASON_UNREACHABLE,
                                       next_step=NEXT_STEP_RETRY_LATER))
    assert words(joined) == "无法连接 Stripe。请一分钟后重试。如果问题持续，请检查网络连接。"
    # ... parameters too, as an exception's str() or a log line has them.
    assert words("The minimum charge in GBP is £0.30.") == "GBP 的最低收费为 £0.30。"


def test_a_translation_that_lost_a_parameter_shows_the_english(
    chinese: QTranslator, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(AmountError) as refused:
        parse_amount("1000000000", "USD")
    with caplog.at_level(logging.WARNING, logger="posdesk.gui.messages"):
        assert words(refused.value.message) == "The maximum charge in USD is $999,999.99."
    assert "amount.maximum_charge" in caplog.text


def test_words_leaves_a_sentence_without_an_id_as_it_is(
    chinese: QTranslator, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="posdesk.gui.messages"):
        assert words("Nothing declared says this.") == "Nothing declared says this."
        # Only-parameter templates never swallow words that are not declared sentences.
        assert words("Stripe could not be reached. Then what?") == (
            "Stripe could not be reached. Then what?"
        )
    assert "Nothing declared says this." in caplog.text
    assert words("") == ""


def test_the_regenerated_catalogue_keeps_translations_and_marks_the_undeclared_vanished(
    tmp_path: Path,
) -> None:
    ts = tmp_path / "posdesk_zh_CN.ts"
    original = TS.read_text(encoding="utf-8")
    # Whatever the catalogue holds for it now (translated or not), a translation of our own.
    kept, replaced = re.subn(
        r"(<comment>outcome\.reason\.succeeded</comment>\s*)<translation[^>]*>[^<]*</translation>",
        r"\1<translation>付款已批准（测试）。</translation>",
        original,
    )
    assert replaced == 1
    kept = kept.replace(
        f"<name>{CONTEXT}</name>\n",
        f"<name>{CONTEXT}</name>\n    <message><source>Words no longer said.</source>"
        "<comment>outcome.reason.gone</comment><translation>旧</translation></message>\n",
    )
    ts.write_text(kept, encoding="utf-8")

    load_script().update("zh_CN", ts)

    entries = ts_messages(ts)
    assert entries[(str(REASON_SUCCEEDED), REASON_SUCCEEDED.key)].text == "付款已批准（测试）。"
    gone = entries[("Words no longer said.", "outcome.reason.gone")]
    assert gone.get("type") == "vanished" and gone.text == "旧"
    assert ts.with_suffix(".qm").exists()
    # Locations point at the declarations, not at the generated file lupdate read.
    assert "posdesk_message_ids.py" not in ts.read_text(encoding="utf-8")
    assert 'domain/outcomes.py" line=' in ts.read_text(encoding="utf-8")


def test_every_outcome_and_gateway_sentence_is_a_declared_message() -> None:
    from posdesk.domain import money, outcomes
    from posdesk.gateway import client, errors

    said = {
        f"{module.__name__}.{name}": getattr(module, name)
        for module in (outcomes, errors, client, money)
        for name in dir(module)
        if name.startswith(("REASON_", "NEXT_STEP_", "MESSAGE_", "AMOUNT_"))
    }
    assert len(said) > 50
    for name, value in said.items():
        key = getattr(value, "key", None)
        assert key and messages.catalogue().get(key) == value.template, name
        assert key.split(".")[0] in ("outcome", "card_form", "gateway", "amount"), name
