"""The sign-in screens' look: big targets for fingers, the PIN as dots. Colours are roles of
gui/common/theme.py (`@role`), filled in by `theme.set_themed_style_sheet`."""

from __future__ import annotations

SIGN_IN_STYLE = """
QLabel#signInTitle { font-size: 26px; font-weight: bold; }
QLabel#signInPrompt { font-size: 17px; color: @text_secondary; }
QLabel#pinDots {
    font-size: 30px; letter-spacing: 6px; min-height: 44px;
    background: palette(base); border: 1px solid @border; border-radius: 6px; padding: 4px 12px;
}
QLabel#pinDots[empty="true"] { font-size: 17px; letter-spacing: 0px; color: @text_muted; }
QLabel#signInError { color: @bad; font-size: 16px; font-weight: bold; }
QLabel#signInWait { color: @info; font-size: 16px; font-weight: bold; }
QLabel#demoPins {
    font-size: 15px; color: @demo; background: @demo_background;
    border: 1px solid @demo_border; border-radius: 6px; padding: 8px 12px;
}
QPushButton#personTile {
    font-size: 18px; min-width: 200px; min-height: 84px; padding: 8px 14px;
    text-align: center;
}
QPushButton#personTile:focus { border: 3px solid @focus; padding: 6px 12px; }
QPushButton#padKey { font-size: 24px; font-weight: bold; min-width: 84px; min-height: 48px; }
QPushButton#padKey:focus { padding: 7px 16px; border: 1px solid @border; }
QFrame#signInCard {
    background: @panel; border: 1px solid @border_faint; border-radius: 10px;
}
"""


