"""The sign-in screens' look: big targets for fingers, the PIN as dots."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from posdesk.domain.roles import Role

SIGN_IN_STYLE = """
QLabel#signInTitle { font-size: 26px; font-weight: bold; }
QLabel#signInPrompt { font-size: 17px; color: #3d4450; }
QLabel#pinDots {
    font-size: 30px; letter-spacing: 6px; min-height: 44px;
    background: #ffffff; border: 1px solid #9aa3ae; border-radius: 6px; padding: 4px 12px;
}
QLabel#pinDots[empty="true"] { font-size: 17px; letter-spacing: 0px; color: #8a9099; }
QLabel#signInError { color: #b71c1c; font-size: 16px; font-weight: bold; }
QLabel#signInWait { color: #2559b5; font-size: 16px; font-weight: bold; }
QLabel#demoPins {
    font-size: 15px; color: #3b2370; background: #efe8fb;
    border: 1px solid #c9b6ee; border-radius: 6px; padding: 8px 12px;
}
QPushButton#personTile {
    font-size: 18px; min-width: 200px; min-height: 84px; padding: 8px 14px;
    text-align: center;
}
QPushButton#personTile:focus { border: 3px solid #2f6fde; padding: 6px 12px; }
QPushButton#padKey { font-size: 24px; font-weight: bold; min-width: 84px; min-height: 48px; }
QPushButton#padKey:focus { padding: 7px 16px; border: 1px solid #9aa3ae; }
QFrame#signInCard {
    background: #ffffff; border: 1px solid #d5dae1; border-radius: 10px;
}
"""


def role_words(role: Role) -> str:
    """A role as staff read it."""
    return {
        Role.MANAGER: QCoreApplication.translate("SignIn", "Manager"),
        Role.CASHIER: QCoreApplication.translate("SignIn", "Cashier"),
        Role.SUPPORT: QCoreApplication.translate("SignIn", "Support"),
    }.get(role, str(role))
