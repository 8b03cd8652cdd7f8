"""Icons, the stylesheet and translations, found through importlib.resources so they load the
same from a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QIcon, QPixmap

log = logging.getLogger(__name__)

_PACKAGE = "posdesk.resources"


def _read(*parts: str) -> bytes:
    node = resources.files(_PACKAGE)
    for part in parts:
        node = node / part
    return node.read_bytes()


def read_resource(*parts: str) -> bytes:
    """A file of resources/ (e.g. "fonts", "ReceiptCJK.ttf"); OSError when it is missing."""
    try:
        return _read(*parts)
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise OSError(f"resource {'/'.join(parts)} not found") from exc


@cache
def icon_data(name: str) -> bytes:
    return _read("icons", f"{name}.svg")


def pixmap(name: str, size: int) -> QPixmap:
    """An icon from resources/icons rendered at `size` pixels (SVG, so always crisp)."""
    source = QPixmap()
    if not source.loadFromData(QByteArray(icon_data(name)), "SVG"):
        log.warning("icon %s could not be loaded", name)
        return QPixmap()
    return QIcon(source).pixmap(size, size)


def icon(name: str) -> QIcon:
    source = QPixmap()
    source.loadFromData(QByteArray(icon_data(name)), "SVG")
    return QIcon(source)


def stylesheet() -> str:
    try:
        return _read("styles", "posdesk.qss").decode("utf-8")
    except OSError as exc:
        log.warning("stylesheet missing: %s", exc)
        return ""


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install resources/i18n/posdesk_<locale>.qm for the UI language, if one exists.

    Returns the translators so the caller keeps them alive as long as the application.
    """
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    for name in locale.uiLanguages():
        candidate = f"posdesk_{name.replace('-', '_')}.qm"
        try:
            data = _read("i18n", candidate)
        except (OSError, FileNotFoundError):
            continue
        translator = QTranslator(app)
        # QTranslator.load(bytes) needs the buffer to outlive it: keep it on the object.
        translator._posdesk_data = data  # type: ignore[attr-defined]
        if translator.load(data):
            app.installTranslator(translator)
            installed.append(translator)
            break
    return installed
