"""The card page's sentences in the staff's language.

The page (card_page/static/checkout.js) is written in English and shows each sentence
through `T(english)`, which looks it up in the texts the app hands over with the page's
config. They are translated here, with Qt's catalogue like every other screen, so the
customer at the counter reads the shop's language. Stripe's own form inside the page is
handed the same language (`card_page_locale`), so the page reads in one language.
tests/gui/test_card_page_words.py checks that every sentence the page can show is here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

CONTEXT = "CardPage"
# Stripe.js locales of the languages PosDesk's UI comes in (docs.stripe.com/js/appendix/
# supported_locales: "zh" is Simplified Chinese).
STRIPE_LOCALES = {"en": "en", "zh": "zh"}

# Every sentence the page may show, in English (marked for the catalogue).
SENTENCES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CardPage", "Card payment"),
    QT_TRANSLATE_NOOP("CardPage", "Pay"),
    QT_TRANSLATE_NOOP("CardPage", "Pay %1"),
    QT_TRANSLATE_NOOP("CardPage", "Save a card"),
    QT_TRANSLATE_NOOP("CardPage", "Save card"),
    QT_TRANSLATE_NOOP("CardPage", "Confirm the payment"),
    QT_TRANSLATE_NOOP("CardPage", "Authenticate and pay"),
    QT_TRANSLATE_NOOP("CardPage", "Authenticate and pay %1"),
    QT_TRANSLATE_NOOP("CardPage", "Confirm the security code"),
    QT_TRANSLATE_NOOP("CardPage", "Continue"),
    QT_TRANSLATE_NOOP("CardPage", "Save this card for future purchases"),
    QT_TRANSLATE_NOOP("CardPage", "Security code for %1"),
    QT_TRANSLATE_NOOP("CardPage", "Security code (CVC)"),
    QT_TRANSLATE_NOOP("CardPage", "Approved"),
    QT_TRANSLATE_NOOP("CardPage", "Card saved"),
    QT_TRANSLATE_NOOP("CardPage", "Processing…"),
    QT_TRANSLATE_NOOP("CardPage", "Security code received"),
    QT_TRANSLATE_NOOP("CardPage", "Something went wrong. Please try again or use another card."),
    QT_TRANSLATE_NOOP(
        "CardPage",
        "Your bank did not confirm the payment, so nothing was charged. "
        "You can try again or use another card."),
    QT_TRANSLATE_NOOP("CardPage", "The card was declined. Please use another card."),
    QT_TRANSLATE_NOOP("CardPage", "Please check the card details and try again."),
    QT_TRANSLATE_NOOP("CardPage", "The card could not be charged just now. Please try again."),
    QT_TRANSLATE_NOOP("CardPage", "The payment service could not be reached. Please try again."),
    QT_TRANSLATE_NOOP("CardPage", "The bank needs the customer to confirm. Please try again."),
    QT_TRANSLATE_NOOP("CardPage", "The card form could not be loaded."),
    QT_TRANSLATE_NOOP("CardPage", "This payment could not be loaded."),
    QT_TRANSLATE_NOOP("CardPage", "The checkout is not configured with a publishable key."),
    QT_TRANSLATE_NOOP("CardPage", "Secure card entry could not be loaded. Check the connection."),
)


def card_page_texts() -> dict[str, str]:
    """English -> the UI language, for every sentence the page may show."""
    return {english: QCoreApplication.translate(CONTEXT, english) for english in SENTENCES}


def card_page_locale() -> str:
    """The Stripe.js `locale` for the card page: the UI's language (QLocale's default, which
    the app sets to it), the language of `card_page_texts`; English for any other."""
    return STRIPE_LOCALES.get(QLocale().name().split("_")[0], "en")
