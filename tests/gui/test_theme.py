"""The colour scheme: every colour comes from gui/common/theme.py (none spelled in the style
sheet or the screens), both schemes fill every placeholder, words read at WCAG AA, and a
switch (the computer's, or an explicit one) reaches the style sheet, the palette, widget
sheets and table models."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from posdesk.backend import TerminalEntry
from posdesk.domain.payment_state import PaymentState
from posdesk.gui.common import theme
from posdesk.gui.common.resources import stylesheet
from posdesk.gui.common.theme import (
    COLOURS,
    TEXT_PAIRS,
    UI_PAIRS,
    Role,
    Scheme,
    contrast_ratio,
)

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "src" / "posdesk" / "gui"
QSS = ROOT / "resources" / "styles" / "posdesk.qss"
# The files that used to spell colours; receipts (printed black on white) are not here.
COLOURED_FILES = [
    QSS,
    GUI / "audit" / "audit_viewer.py",
    GUI / "customers" / "card_table_model.py",
    GUI / "shell" / "sync_status.py",
    GUI / "settings" / "terminal_table_model.py",
    GUI / "signin" / "style.py",
    GUI / "signin" / "sign_in_screen.py",
    GUI / "payments" / "payment_table_model.py",
    GUI / "payments" / "open_authorisations.py",
]
# A colour spelled out: #rgb, #rrggbb, #aarrggbb, rgb()/rgba()/hsl(), or QColor("name").
SPELLED_COLOUR = re.compile(
    r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b"
    r"|\b(?:rgba?|hsla?)\s*\("
    r"|QColor\(\s*[\"']"
)


def spelled_colours(text: str) -> list[str]:
    return [match.group(0) for match in SPELLED_COLOUR.finditer(text)]


# --- no colour outside theme.py -------------------------------------------------------------


def test_the_scanner_finds_spelled_colours() -> None:
    # So the scan below can fail: each way of spelling a colour is caught, words are not.
    assert spelled_colours('color: #b71c1c; x: #fff; QColor("red"); rgb(1, 2, 3)') == [
        "#b71c1c", "#fff", 'QColor("', "rgb(",
    ]
    assert spelled_colours("# a comment\nQLabel#hint { color: @text_hint; }") == []


@pytest.mark.parametrize("path", COLOURED_FILES, ids=lambda p: p.name)
def test_no_colour_is_spelled_outside_the_theme(path: Path) -> None:
    assert path.exists(), path
    assert spelled_colours(path.read_text(encoding="utf-8")) == []


# --- placeholders ---------------------------------------------------------------------------


def test_both_schemes_name_every_role() -> None:
    for scheme in Scheme:
        assert set(COLOURS[scheme]) == set(Role), scheme
        for value in COLOURS[scheme].values():
            assert re.fullmatch(r"#[0-9a-f]{6}", value), value


def _templates() -> dict[str, str]:
    from posdesk.gui.audit.audit_viewer import _BANNER_STYLE
    from posdesk.gui.signin.style import SIGN_IN_STYLE

    return {"qss": QSS.read_text(encoding="utf-8"), "sign-in": SIGN_IN_STYLE,
            "audit banner": _BANNER_STYLE}


@pytest.mark.parametrize("scheme", list(Scheme))
def test_every_placeholder_is_filled_in_both_schemes(scheme: Scheme) -> None:
    for name, template in _templates().items():
        assert theme.placeholders(template), name  # it does use the theme
        filled = theme.fill(template, scheme)
        assert "@" not in filled, name
        for role in theme.placeholders(template):
            assert COLOURS[scheme][Role(role)] in filled
    sheet = stylesheet(scheme)
    assert "@" not in sheet and COLOURS[scheme][Role.BAD] in sheet
    # The platform's own colours stay the platform's.
    assert "palette(base)" in sheet and "palette(highlight)" in sheet


def test_an_unknown_placeholder_is_an_error_not_a_blank() -> None:
    with pytest.raises(KeyError, match="@no_such_colour"):
        theme.fill("QLabel { color: @no_such_colour; }", Scheme.LIGHT)


def test_the_schemes_differ_where_it_matters() -> None:
    for role in (Role.WINDOW, Role.BASE, Role.TEXT, Role.PANEL, Role.GOOD, Role.BAD):
        assert theme.LIGHT[role] != theme.DARK[role], role
    assert stylesheet(Scheme.LIGHT) != stylesheet(Scheme.DARK)


# --- contrast -------------------------------------------------------------------------------


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WCAG's own borderline grey: #767676 on white passes AA, #777777 does not.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5


@pytest.mark.parametrize("scheme", list(Scheme))
@pytest.mark.parametrize("pair", TEXT_PAIRS, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_words_read_at_aa(scheme: Scheme, pair: tuple[Role, Role]) -> None:
    words, ground = pair
    ratio = contrast_ratio(COLOURS[scheme][words], COLOURS[scheme][ground])
    assert ratio >= 4.5, f"{scheme}: {words} on {ground} is {ratio:.2f}:1"


@pytest.mark.parametrize("scheme", list(Scheme))
@pytest.mark.parametrize("pair", UI_PAIRS, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_rings_and_borders_read_at_3_to_1(scheme: Scheme, pair: tuple[Role, Role]) -> None:
    line, ground = pair
    ratio = contrast_ratio(COLOURS[scheme][line], COLOURS[scheme][ground])
    assert ratio >= 3.0, f"{scheme}: {line} on {ground} is {ratio:.2f}:1"


def test_the_dark_palette_reads_at_aa() -> None:
    palette = theme.dark_palette()
    role = QPalette.ColorRole
    for words, ground in ((role.WindowText, role.Window), (role.Text, role.Base),
                          (role.ButtonText, role.Button), (role.HighlightedText, role.Highlight),
                          (role.ToolTipText, role.ToolTipBase)):
        ratio = contrast_ratio(palette.color(words).name(), palette.color(ground).name())
        assert ratio >= 4.5, (words, ground, ratio)


# --- switching ------------------------------------------------------------------------------


@pytest.fixture
def themed_app(gui_app: QApplication) -> Iterator[QApplication]:
    """The application, back in the light scheme (what the other tests expect) afterwards."""
    yield gui_app
    theme.force_scheme(None)
    theme.apply_scheme(gui_app, Scheme.LIGHT)


def _window_is_dark(app: QApplication) -> bool:
    return app.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5


def _terminal(live: bool) -> TerminalEntry:
    return TerminalEntry(id="t1", name="Till 1", host="till-1", version="1.0",
                         last_seen=datetime.now(UTC), live=live, this=False)


def _foreground(model: Any, index: QModelIndex) -> str:
    brush = model.data(index, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush)
    return brush.color().name()


def _selection_ratio(app: QApplication, group: QPalette.ColorGroup) -> float:
    palette = app.palette()
    return contrast_ratio(palette.color(group, QPalette.ColorRole.HighlightedText).name(),
                          palette.color(group, QPalette.ColorRole.Highlight).name())


def test_selected_rows_read_at_aa_in_both_schemes(themed_app: QApplication) -> None:
    # The selection tables and lists draw is the applied palette's (the QSS says
    # palette(highlight)), so that is what is measured, not only the named pair: Fusion's own
    # light highlight (#308cc6) gives white words 3.7:1. Light again after dark, too.
    for scheme in (Scheme.LIGHT, Scheme.DARK, Scheme.LIGHT):
        theme.apply_scheme(themed_app, scheme)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            ratio = _selection_ratio(themed_app, group)
            assert ratio >= 4.5, f"{scheme}, {group.name}: the selection is {ratio:.2f}:1"
        highlight = themed_app.palette().color(QPalette.ColorRole.Highlight).name()
        assert highlight == COLOURS[scheme][Role.HIGHLIGHT]
    # Only the selection is PosDesk's in light mode: the rest stays the platform's.
    assert not _window_is_dark(themed_app)


def test_unknown_system_scheme_reads_as_light(themed_app: QApplication) -> None:
    # Offscreen reports no scheme: PosDesk is light there unless told otherwise.
    assert themed_app.styleHints().colorScheme() == Qt.ColorScheme.Unknown
    assert theme.system_scheme() is Scheme.LIGHT
    theme.force_scheme(Scheme.DARK)
    assert theme.wanted_scheme() is Scheme.DARK


def test_switching_changes_sheet_palette_widgets_and_models(
    qtbot: Any, themed_app: QApplication
) -> None:
    from posdesk.gui.payments.payment_table_model import _STATE_COLOURS, state_colour
    from posdesk.gui.settings.terminal_table_model import TerminalTableModel

    model = TerminalTableModel()
    model.set_terminals([_terminal(live=True), _terminal(live=False)])
    live = model.index(0, TerminalTableModel.STATE)
    offline = model.index(1, TerminalTableModel.STATE)
    label = QLabel()
    qtbot.addWidget(label)
    theme.set_themed_style_sheet(label, "QLabel { color: @bad; }")
    heard: list[str] = []
    theme.notifier().changed.connect(heard.append)

    assert theme.apply_scheme(themed_app, Scheme.LIGHT) is Scheme.LIGHT
    assert not _window_is_dark(themed_app)
    assert theme.LIGHT[Role.BAD] in themed_app.styleSheet()
    assert _foreground(model, live) == theme.LIGHT[Role.GOOD]
    assert label.styleSheet() == f"QLabel {{ color: {theme.LIGHT[Role.BAD]}; }}"

    assert theme.apply_scheme(themed_app, Scheme.DARK) is Scheme.DARK
    assert theme.current_scheme() is Scheme.DARK
    sheet = themed_app.styleSheet()
    assert theme.DARK[Role.BAD] in sheet and theme.LIGHT[Role.BAD] not in sheet
    # Offscreen's style has no dark palette of its own: Fusion gets PosDesk's.
    assert _window_is_dark(themed_app)
    assert themed_app.palette().color(QPalette.ColorRole.Text).name() == theme.DARK[Role.TEXT]
    assert themed_app.property("_posdesk_dark_fallback") is True
    # Models read the theme when asked: the same rows now answer in the dark colours.
    assert _foreground(model, live) == theme.DARK[Role.GOOD]
    assert _foreground(model, offline) == theme.DARK[Role.TEXT_MUTED]
    assert state_colour(PaymentState.DECLINED).name() == theme.DARK[Role.BAD]  # type: ignore[union-attr]
    assert _STATE_COLOURS[PaymentState.SUCCEEDED].name() == theme.DARK[Role.GOOD]
    assert label.styleSheet() == f"QLabel {{ color: {theme.DARK[Role.BAD]}; }}"

    theme.apply_scheme(themed_app, Scheme.LIGHT)
    assert not _window_is_dark(themed_app)
    assert theme.LIGHT[Role.BAD] in themed_app.styleSheet()
    assert _foreground(model, live) == theme.LIGHT[Role.GOOD]
    assert label.styleSheet() == f"QLabel {{ color: {theme.LIGHT[Role.BAD]}; }}"
    assert heard == ["light", "dark", "light"]

    # A cleared themed sheet stays cleared on the next switch.
    theme.set_themed_style_sheet(label, "")
    theme.apply_scheme(themed_app, Scheme.DARK)
    assert label.styleSheet() == ""


def test_a_switch_of_the_computers_scheme_is_followed(themed_app: QApplication) -> None:
    theme.follow_color_scheme(themed_app)
    theme.follow_color_scheme(themed_app)  # a second call connects nothing more
    applied: list[str] = []
    theme.notifier().changed.connect(applied.append)
    # Offscreen never switches by itself: say the computer went dark, as the platform would.
    theme.force_scheme(Scheme.DARK)
    themed_app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert applied == ["dark"]
    assert _window_is_dark(themed_app)
    assert theme.DARK[Role.BAD] in themed_app.styleSheet()
    theme.force_scheme(None)
    themed_app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert applied == ["dark", "light"]
    assert not _window_is_dark(themed_app)


def test_the_card_and_audit_colours_follow_the_scheme(themed_app: QApplication) -> None:
    from posdesk.gui.audit import audit_viewer
    from posdesk.gui.customers import card_table_model

    for scheme in Scheme:
        theme.apply_scheme(themed_app, scheme)
        assert theme.colour(card_table_model.EXPIRED_COLOUR).name() == COLOURS[scheme][Role.BAD]
        assert theme.colour(audit_viewer._DENIED_COLOUR).name() == COLOURS[scheme][Role.BAD]
