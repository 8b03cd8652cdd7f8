"""PosDesk's colours, light and dark, and the scheme in use.

Every colour a screen draws is a named `Role` here, with one value per `Scheme`; nothing
else in gui/ spells a colour (receipts excepted: they are printed black on white). The style
sheet (resources/styles/posdesk.qss) and widget-level sheets name roles as `@role` and are
filled by `fill`; where a colour is simply the palette's (window, base, text, highlight)
they say `palette(...)` instead, so they follow the platform's own palette (in light mode
all but the selection, which `light_palette` sets from the light set).

The scheme follows the computer's (`QStyleHints.colorScheme`, Qt 6.5+; Unknown reads as
light) unless forced (`force_scheme`, the screenshots' --dark). `apply_scheme` puts one on
the application: the filled style sheet, the light selection or a dark palette when the
platform's style has none (Fusion), widget sheets, table repaints; `follow_color_scheme`
re-applies it whenever the computer switches. Table models read `colour(role)` inside
`data()`, so a repaint is all they need.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


class Role(StrEnum):
    """A color by what it is for; its value is the style sheets' placeholder (`@value`)."""

    # Surfaces. window/base/text are the platform's in light mode (the QSS says palette(...));
    # their values here build the dark palette (highlight: both palettes) and are
    # contrast-checked.
    WINDOW = "window"
    BASE = "base"  # inputs, tables, lists
    PANEL = "panel"  # framed panels on the window: steps, result, the sign-in card
    CHROME = "chrome"  # table headers, the status bar
    BUTTON = "button"  # a plain button's face
    HOVER = "hover"  # a button under the mouse
    DIVIDER = "divider"  # grid lines, list item rules
    BORDER = "border"  # inputs and buttons
    BORDER_SOFT = "border_soft"  # lists, header rule
    BORDER_FAINT = "border_faint"  # panels, the sign-in card
    # Words.
    TEXT = "text"
    TEXT_SECONDARY = "text_secondary"  # details under a name, steps, sign-in prompt
    TEXT_HINT = "text_hint"  # small hints
    TEXT_MUTED = "text_muted"  # placeholders, offline terminals, refunded payments
    DISABLED_TEXT = "disabled_text"
    DISABLED_BACKGROUND = "disabled_background"
    HIGHLIGHT = "highlight"  # selected rows
    HIGHLIGHTED_TEXT = "highlighted_text"
    # The brand's accent: primary buttons, focus rings.
    ACCENT = "accent"
    ACCENT_TEXT = "accent_text"
    ACCENT_BORDER = "accent_border"
    ACCENT_DISABLED = "accent_disabled"
    ACCENT_DISABLED_TEXT = "accent_disabled_text"
    FOCUS = "focus"  # where the keyboard is: the focus ring
    FOCUS_STRONG = "focus_strong"  # the focus ring on a primary or danger button
    # Tones: words (and borders) in a tone, and the tone's background.
    GOOD = "good"
    GOOD_BACKGROUND = "good_background"
    BAD = "bad"
    BAD_BORDER = "bad_border"
    BAD_BACKGROUND = "bad_background"
    BAD_FADED = "bad_faded"  # a disabled danger button's words
    BAD_SOFT = "bad_soft"  # a disabled danger button's border
    WARN = "warn"
    WARN_BORDER = "warn_border"
    WARN_BACKGROUND = "warn_background"
    INFO = "info"  # busy and waiting words, the default-card marker
    NEUTRAL = "neutral"  # a banner still checking
    NEUTRAL_BACKGROUND = "neutral_background"
    # The mode banner (test, demo, not set up) and its words.
    BANNER_TEXT = "banner_text"
    BANNER_TEST = "banner_test"
    BANNER_DEMO = "banner_demo"
    BANNER_UNCONFIGURED = "banner_unconfigured"
    # The demo's PIN card on the sign-in screen.
    DEMO = "demo"
    DEMO_BACKGROUND = "demo_background"
    DEMO_BORDER = "demo_border"


# The light set keeps PosDesk's original colours (a few near-identical greys merged).
LIGHT: Mapping[Role, str] = {
    Role.WINDOW: "#f6f7f9",
    Role.BASE: "#ffffff",
    Role.PANEL: "#ffffff",
    Role.CHROME: "#e9ecf1",
    Role.BUTTON: "#ffffff",
    Role.HOVER: "#eef2f8",
    Role.DIVIDER: "#eceef1",
    Role.BORDER: "#858e99",  # was #9aa3ae: 2.6:1, a field's edge must read at 3:1
    Role.BORDER_SOFT: "#c9ced6",
    Role.BORDER_FAINT: "#d5dae1",
    Role.TEXT: "#1d1d1f",
    Role.TEXT_SECONDARY: "#3d4450",
    Role.TEXT_HINT: "#4a515c",
    Role.TEXT_MUTED: "#5b626d",
    Role.DISABLED_TEXT: "#8a9099",
    Role.DISABLED_BACKGROUND: "#eef0f3",
    Role.HIGHLIGHT: "#2f6fde",
    Role.HIGHLIGHTED_TEXT: "#ffffff",
    Role.ACCENT: "#2f6fde",
    Role.ACCENT_TEXT: "#ffffff",
    Role.ACCENT_BORDER: "#2559b5",
    Role.ACCENT_DISABLED: "#9db8e8",
    Role.ACCENT_DISABLED_TEXT: "#ffffff",
    Role.FOCUS: "#2f6fde",
    Role.FOCUS_STRONG: "#0b2a66",
    Role.GOOD: "#187538",  # was #1b7f3b: 4.3:1 on the status bar
    Role.GOOD_BACKGROUND: "#eaf6ee",
    Role.BAD: "#b71c1c",
    Role.BAD_BORDER: "#c62828",
    Role.BAD_BACKGROUND: "#fdecec",
    Role.BAD_FADED: "#d7a3a3",
    Role.BAD_SOFT: "#e8c4c4",
    Role.WARN: "#8a4b00",
    Role.WARN_BORDER: "#e08a00",
    Role.WARN_BACKGROUND: "#fff5e0",
    Role.INFO: "#2559b5",
    Role.NEUTRAL: "#37474f",
    Role.NEUTRAL_BACKGROUND: "#eceff1",
    Role.BANNER_TEXT: "#ffffff",
    Role.BANNER_TEST: "#b34700",  # was #d35400: white on it read at 3.9:1
    Role.BANNER_DEMO: "#6a3fb5",
    Role.BANNER_UNCONFIGURED: "#5a5a5a",
    Role.DEMO: "#3b2370",
    Role.DEMO_BACKGROUND: "#efe8fb",
    Role.DEMO_BORDER: "#c9b6ee",
}

# Dark: light words on near-black greys, tones lightened until they read at 4.5:1 on both
# the window and their own background (tests/gui/test_theme.py checks every pair).
DARK: Mapping[Role, str] = {
    Role.WINDOW: "#1e2126",
    Role.BASE: "#16181c",
    Role.PANEL: "#272b31",
    Role.CHROME: "#2c3037",
    Role.BUTTON: "#323843",  # raised above the panels it sits on
    Role.HOVER: "#3d4552",
    Role.DIVIDER: "#30353c",
    Role.BORDER: "#6b7480",
    Role.BORDER_SOFT: "#4a515b",
    Role.BORDER_FAINT: "#3c424b",
    Role.TEXT: "#e8eaed",
    Role.TEXT_SECONDARY: "#c5cad2",
    Role.TEXT_HINT: "#b5bbc4",
    Role.TEXT_MUTED: "#a2a9b3",
    Role.DISABLED_TEXT: "#6f7680",
    Role.DISABLED_BACKGROUND: "#25292f",
    Role.HIGHLIGHT: "#2f62c4",
    Role.HIGHLIGHTED_TEXT: "#ffffff",
    Role.ACCENT: "#2f62c4",
    Role.ACCENT_TEXT: "#ffffff",
    Role.ACCENT_BORDER: "#5b8ef0",
    Role.ACCENT_DISABLED: "#2a3a5c",
    Role.ACCENT_DISABLED_TEXT: "#8d9ab3",
    Role.FOCUS: "#6ea0ff",
    Role.FOCUS_STRONG: "#a8c7fa",
    Role.GOOD: "#6fd08c",
    Role.GOOD_BACKGROUND: "#15301f",
    Role.BAD: "#ff8a80",
    Role.BAD_BORDER: "#e06666",
    Role.BAD_BACKGROUND: "#3a1a1b",
    Role.BAD_FADED: "#7a4a4a",
    Role.BAD_SOFT: "#5a3434",
    Role.WARN: "#f2b64f",
    Role.WARN_BORDER: "#d08a1c",
    Role.WARN_BACKGROUND: "#352a12",
    Role.INFO: "#8ab4f8",
    Role.NEUTRAL: "#cfd8dc",
    Role.NEUTRAL_BACKGROUND: "#2c3238",
    Role.BANNER_TEXT: "#ffffff",
    Role.BANNER_TEST: "#a84300",
    Role.BANNER_DEMO: "#5e37a6",
    Role.BANNER_UNCONFIGURED: "#4f4f4f",
    Role.DEMO: "#dccfff",
    Role.DEMO_BACKGROUND: "#2b2340",
    Role.DEMO_BORDER: "#57468c",
}

COLOURS: Mapping[Scheme, Mapping[Role, str]] = {Scheme.LIGHT: LIGHT, Scheme.DARK: DARK}

# Words on a background that must read as body text (WCAG AA, 4.5:1), in both schemes.
TEXT_PAIRS: tuple[tuple[Role, Role], ...] = (
    *((words, ground) for words in (Role.TEXT, Role.TEXT_SECONDARY, Role.TEXT_HINT,
                                    Role.TEXT_MUTED, Role.GOOD, Role.BAD, Role.WARN, Role.INFO)
      for ground in (Role.WINDOW, Role.BASE, Role.PANEL)),
    (Role.TEXT, Role.CHROME), (Role.TEXT_HINT, Role.CHROME), (Role.TEXT, Role.HOVER),
    (Role.TEXT, Role.BUTTON), (Role.BAD, Role.BUTTON),
    (Role.GOOD, Role.CHROME), (Role.BAD, Role.CHROME), (Role.WARN, Role.CHROME),
    (Role.GOOD, Role.GOOD_BACKGROUND), (Role.BAD, Role.BAD_BACKGROUND),
    (Role.WARN, Role.WARN_BACKGROUND), (Role.NEUTRAL, Role.NEUTRAL_BACKGROUND),
    (Role.TEXT, Role.GOOD_BACKGROUND), (Role.TEXT, Role.BAD_BACKGROUND),
    (Role.TEXT, Role.WARN_BACKGROUND),
    (Role.HIGHLIGHTED_TEXT, Role.HIGHLIGHT), (Role.ACCENT_TEXT, Role.ACCENT),
    (Role.BANNER_TEXT, Role.BANNER_TEST), (Role.BANNER_TEXT, Role.BANNER_DEMO),
    (Role.BANNER_TEXT, Role.BANNER_UNCONFIGURED), (Role.DEMO, Role.DEMO_BACKGROUND),
)
# Rings and borders that say where things are (WCAG 1.4.11, 3:1 against what is beside).
UI_PAIRS: tuple[tuple[Role, Role], ...] = (
    (Role.FOCUS, Role.WINDOW), (Role.FOCUS, Role.BASE), (Role.BORDER, Role.BASE),
    (Role.BAD_BORDER, Role.BASE), (Role.GOOD, Role.GOOD_BACKGROUND),
    (Role.FOCUS_STRONG, Role.WINDOW), (Role.ACCENT_BORDER, Role.WINDOW),
)


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of a #rrggbb color."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# --- which scheme ----------------------------------------------------------------------------

_forced: Scheme | None = None
_applied: Scheme | None = None


def system_scheme() -> Scheme:
    """The computer's scheme as Qt reports it; Unknown (or no application yet) is light."""
    if QGuiApplication.instance() is None:
        return Scheme.LIGHT
    hint = QGuiApplication.styleHints().colorScheme()
    return Scheme.DARK if hint == Qt.ColorScheme.Dark else Scheme.LIGHT


def force_scheme(scheme: Scheme | None) -> None:
    """Use `scheme` whatever the computer says (None: follow it again). For platforms that
    report no scheme (offscreen) and for the screenshots."""
    global _forced
    _forced = scheme


def wanted_scheme() -> Scheme:
    return _forced or system_scheme()


def current_scheme() -> Scheme:
    """The scheme the application shows: the last applied, else the one wanted."""
    return _applied or wanted_scheme()


def colour_text(role: Role, scheme: Scheme | None = None) -> str:
    return COLOURS[scheme or current_scheme()][role]


def colour(role: Role, scheme: Scheme | None = None) -> QColor:
    """The role's color in `scheme` (default: the one shown), read when it is drawn."""
    return QColor(colour_text(role, scheme))


Key = TypeVar("Key")


class ThemeColours(Mapping[Key, QColor]):
    """A mapping whose values are roles read at lookup time: `{state: Role.GOOD}` gives
    the state's colour in the scheme shown, so a model keeping one never goes stale."""

    def __init__(self, roles: Mapping[Key, Role]) -> None:
        self._roles = dict(roles)

    def __getitem__(self, key: Key) -> QColor:
        return colour(self._roles[key])

    def __iter__(self) -> Iterator[Key]:
        return iter(self._roles)

    def __len__(self) -> int:
        return len(self._roles)


_PLACEHOLDER = re.compile(r"@([a-z][a-z0-9_]*)")


def placeholders(template: str) -> set[str]:
    return set(_PLACEHOLDER.findall(template))


def fill(template: str, scheme: Scheme | None = None) -> str:
    """`template` with each `@role` replaced by its color; KeyError names an unknown one."""
    colours = COLOURS[scheme or current_scheme()]

    def replace(match: re.Match[str]) -> str:
        try:
            return colours[Role(match.group(1))]
        except ValueError:
            raise KeyError(f"unknown color @{match.group(1)}") from None

    return _PLACEHOLDER.sub(replace, template)


# --- putting a scheme on the application -----------------------------------------------------

# A widget's own style sheet template (a dynamic property), refilled on each switch.
_TEMPLATE_PROPERTY = "posdeskStyleTemplate"
# What the application had before a dark fallback replaced it (restored for light).
_ORIGINAL_STYLE = "_posdesk_original_style"
_FALLBACK = "_posdesk_dark_fallback"
_FOLLOWING = "_posdesk_follows_scheme"


class ThemeNotifier(QObject):
    """Says when the scheme shown changed, for screens that color items themselves."""

    changed = Signal(str)  # the Scheme's value


_notifier: ThemeNotifier | None = None


def notifier() -> ThemeNotifier:
    global _notifier
    if _notifier is None:
        _notifier = ThemeNotifier()
    return _notifier


def set_themed_style_sheet(widget: QWidget, template: str) -> None:
    """Give `widget` a style sheet with `@role` placeholders, refilled when the scheme
    switches ("" clears it)."""
    widget.setProperty(_TEMPLATE_PROPERTY, template or None)
    widget.setStyleSheet(fill(template) if template else "")


def dark_palette() -> QPalette:
    """A complete dark palette from the dark set, for a style that has none of its own."""
    c = DARK
    palette = QPalette()
    group_colours = {
        QPalette.ColorRole.Window: c[Role.WINDOW],
        QPalette.ColorRole.WindowText: c[Role.TEXT],
        QPalette.ColorRole.Base: c[Role.BASE],
        QPalette.ColorRole.AlternateBase: c[Role.PANEL],
        QPalette.ColorRole.Text: c[Role.TEXT],
        QPalette.ColorRole.Button: c[Role.BUTTON],
        QPalette.ColorRole.ButtonText: c[Role.TEXT],
        QPalette.ColorRole.BrightText: c[Role.BAD],
        QPalette.ColorRole.ToolTipBase: c[Role.PANEL],
        QPalette.ColorRole.ToolTipText: c[Role.TEXT],
        QPalette.ColorRole.PlaceholderText: c[Role.TEXT_MUTED],
        QPalette.ColorRole.Highlight: c[Role.HIGHLIGHT],
        QPalette.ColorRole.HighlightedText: c[Role.HIGHLIGHTED_TEXT],
        QPalette.ColorRole.Link: c[Role.INFO],
        QPalette.ColorRole.LinkVisited: c[Role.DEMO],
        QPalette.ColorRole.Light: c[Role.BORDER],
        QPalette.ColorRole.Midlight: c[Role.BORDER_SOFT],
        QPalette.ColorRole.Mid: c[Role.BORDER_FAINT],
        QPalette.ColorRole.Dark: c[Role.BASE],
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, value in group_colours.items():
        palette.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(c[Role.DISABLED_TEXT]))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button,
                     QColor(c[Role.DISABLED_BACKGROUND]))
    return palette


def light_palette() -> QPalette:
    """The light scheme's changes to the platform's palette: only the selection, from the
    light set (Fusion's own highlight, #308cc6, gives white words 3.7:1). Every other role
    is left unset, so it resolves to the platform's and keeps following it."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(LIGHT[Role.HIGHLIGHT]))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(LIGHT[Role.HIGHLIGHTED_TEXT]))
    return palette


def _palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def _apply_palette(app: QApplication, scheme: Scheme) -> None:
    fallback = bool(app.property(_FALLBACK))
    if scheme is Scheme.DARK:
        if fallback:
            return
        # An empty palette resolves to the platform's again (and keeps following it): its own
        # dark one if it has one, without the light scheme's selection.
        app.setPalette(QPalette())
        if not _palette_is_dark(app.palette()):
            # The platform's style stayed light: Fusion draws any palette, so give it ours.
            app.setProperty(_ORIGINAL_STYLE, app.style().name())
            app.setProperty(_FALLBACK, True)
            app.setStyle("Fusion")
            app.setPalette(dark_palette())
        return
    if fallback:
        app.setProperty(_FALLBACK, False)
        original = str(app.property(_ORIGINAL_STYLE) or "")
        if original and original.lower() != app.style().name().lower():
            app.setStyle(original)
    app.setPalette(light_palette())


def apply_scheme(app: QApplication, scheme: Scheme | None = None) -> Scheme:
    """Show `scheme` (default: the one wanted): palette, style sheet, widget sheets, and
    tables repainted so their models' colours are read again. Returns the scheme shown."""
    global _applied
    chosen = scheme or wanted_scheme()
    _applied = chosen
    # Off first: under a style sheet app.style() is Qt's sheet proxy, not the style by name,
    # and the same sheet text again would not re-polish against a new palette.
    app.setStyleSheet("")
    _apply_palette(app, chosen)
    # Imported here: resources imports this module to fill the sheet it reads.
    from posdesk.gui.common.resources import stylesheet

    app.setStyleSheet(stylesheet(chosen))
    for widget in QApplication.allWidgets():
        template = widget.property(_TEMPLATE_PROPERTY)
        if isinstance(template, str) and template:
            widget.setStyleSheet(fill(template, chosen))
        if isinstance(widget, QAbstractItemView):
            widget.viewport().update()
    notifier().changed.emit(chosen.value)
    return chosen


def follow_color_scheme(app: QApplication) -> None:
    """Apply the wanted scheme now and again whenever the computer switches (once per
    application; later calls only re-apply)."""
    apply_scheme(app)
    if app.property(_FOLLOWING):
        return
    app.setProperty(_FOLLOWING, True)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_scheme(app))
