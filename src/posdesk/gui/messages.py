"""Sentences from the domain and the services, in the UI language.

The layers below the GUI hand over a `Text` (domain/messages.py): an id, an English template
and parameters. `words` is the one place that turns it into what staff read: Qt translates
the template under the context "Message" with the id as disambiguation (so one English
sentence could read differently under two ids), and the parameters are filled in after, so
a translation may move them. scripts/update_translations.py puts every declared message
into the catalogue for translators.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from posdesk.domain.messages import Param, Text, placeholders, text_of

log = logging.getLogger(__name__)

# The Qt translation context of every message id (the .ts file's <context><name>).
CONTEXT = "Message"


def words(sentence: str) -> str:
    """`sentence` in the UI language: a `Text`, or a stored plain string that is the English of
    one (`text_of` finds it again). Anything else is shown as it is: it was never declared,
    so there is nothing to translate it with."""
    if not sentence:
        return ""
    found = text_of(sentence)
    if found is None:
        log.debug("no message id for %r: shown untranslated", sentence)
        return sentence
    return _translated(found)


def _translated(found: Text) -> str:
    template = QCoreApplication.translate(CONTEXT, found.template, found.key)
    if not found.params:
        return template
    # A parameter that is itself a sentence ("{reason} {next_step}") is translated too.
    params: dict[str, Param] = {
        name: _translated(value) if isinstance(value, Text) else value
        for name, value in found.params.items()
    }
    try:
        fits = placeholders(template) == set(params)
    except ValueError:  # a stray "{" in the translation
        fits = False
    if not fits:
        # A translation that lost or misspelled a {name} would hide the amount or the code
        # the sentence is about: the English is better than that.
        log.warning("translation of message %s does not fit its parameters", found.key)
        template = found.template
    return template.format(**params)
