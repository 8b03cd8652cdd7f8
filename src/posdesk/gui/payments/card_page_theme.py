"""The card page's colors in the scheme the app shows, from the theme's named colors.

The checkout page (card_page/static/checkout.css) draws everything with CSS variables and
spells no color of its own; `page_theme` fills them, and gives Stripe's Payment Element an
appearance to match (Stripe's Elements Appearance API: a prebuilt `theme`, `stripe` or
`night`, and `variables`). The view hands it over with each page it loads and again when the
scheme switches (checkout_view.py), so a page never keeps another scheme's colors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from posdesk.gui.common.theme import COLOURS, Role, Scheme, current_scheme

# The page's CSS variables (without the leading --) and the role each one shows.
PAGE_COLOURS: Mapping[str, Role] = {
    "page": Role.PANEL,  # the page sits in the dialog like a panel
    "ink": Role.TEXT,
    "muted": Role.TEXT_SECONDARY,  # the subtitle, "Preparing…"
    "placeholder": Role.TEXT_MUTED,
    "field": Role.BASE,  # the security code field (Stripe draws the Payment Element's)
    "field-border": Role.BORDER,
    "accent": Role.ACCENT,  # the Pay button, the save box
    "accent-text": Role.ACCENT_TEXT,
    "accent-disabled": Role.ACCENT_DISABLED,
    "accent-disabled-text": Role.ACCENT_DISABLED_TEXT,
    "focus": Role.FOCUS,
    "danger": Role.BAD,
    "danger-bg": Role.BAD_BACKGROUND,
    "danger-border": Role.BAD_BORDER,
    "info": Role.INFO,
    "info-bg": Role.NEUTRAL_BACKGROUND,
    "info-border": Role.ACCENT_BORDER,
    "ok": Role.GOOD,
}
# Words on grounds the page shows, checked at AA like the app's (tests/gui/test_card_page_theme.py).
PAGE_TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("ink", "page"), ("muted", "page"), ("ink", "field"), ("placeholder", "field"),
    ("accent-text", "accent"), ("danger", "danger-bg"), ("info", "info-bg"), ("ok", "page"),
    ("page", "ok"),  # the check mark on its green disc
)

# Stripe's appearance variables and the roles they take. colorPrimary marks the selected tab
# and the focus ring, so it is the focus color (the accent itself in light mode).
STRIPE_VARIABLES: Mapping[str, Role] = {
    "colorPrimary": Role.FOCUS,
    "colorBackground": Role.BASE,
    "colorText": Role.TEXT,
    "colorTextSecondary": Role.TEXT_SECONDARY,
    "colorTextPlaceholder": Role.TEXT_MUTED,
    "colorDanger": Role.BAD,
}
STRIPE_THEMES: Mapping[Scheme, str] = {Scheme.LIGHT: "stripe", Scheme.DARK: "night"}


def page_colours(scheme: Scheme | None = None) -> dict[str, str]:
    colours = COLOURS[scheme or current_scheme()]
    return {name: colours[role] for name, role in PAGE_COLOURS.items()}


def stripe_appearance(scheme: Scheme | None = None) -> dict[str, Any]:
    chosen = scheme or current_scheme()
    colours = COLOURS[chosen]
    return {"theme": STRIPE_THEMES[chosen],
            "variables": {name: colours[role] for name, role in STRIPE_VARIABLES.items()}}


def page_theme(scheme: Scheme | None = None) -> dict[str, Any]:
    """What the page gets: {scheme, colors, appearance} (default: the scheme shown)."""
    chosen = scheme or current_scheme()
    return {"scheme": chosen.value, "colors": page_colours(chosen),
            "appearance": stripe_appearance(chosen)}
