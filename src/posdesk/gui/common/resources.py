"""Icons, the stylesheet and translations, found through importlib.resources so they load the
same from a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon, QPixmap

from posdesk.gui.common.theme import Scheme, fill

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


def stylesheet(scheme: Scheme | None = None) -> str:
    """PosDesk's style sheet with its `@role` colours filled in for `scheme` (default: the
    scheme shown, gui.common.theme)."""
    try:
        template = _read("styles", "posdesk.qss").decode("utf-8")
    except OSError as exc:
        log.warning("stylesheet missing: %s", exc)
        return ""
    return fill(template, scheme)


def ui_locale(language: str = "") -> QLocale:
    """The UI's locale: the terminal's chosen language (settings.language), else the
    computer's."""
    return QLocale(language) if language else QLocale.system()


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
            installed += _install_qt_translators(app, locale)
            break
    return installed


# Qt's own words (standard buttons, file and print dialogs, the web view's menus), shipped
# with PySide6: installed with PosDesk's, so a dialog never mixes two languages.
QT_CATALOGUES = ("qtbase", "qtwebengine")


def _install_qt_translators(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed: list[QTranslator] = []
    for catalogue in QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(locale, catalogue, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("no %s translation for %s", catalogue, locale.name())
    return installed


# A CJK font PosDesk carries (a subset of WenQuanYi Micro Hei: Latin and the 6,763 hanzi of
# GB 2312, scripts/subset_receipt_font.py): receipts embed it, and a Chinese UI falls back
# to it, so Chinese reads on a machine without a CJK font of its own.
CJK_FONT_FILE = ("fonts", "ReceiptCJK.ttf")


@cache
def bundled_cjk_family() -> str | None:
    """Load the bundled CJK font once; its family name, or None when it cannot load."""
    try:
        data = read_resource(*CJK_FONT_FILE)
    except OSError:
        log.warning("the bundled CJK font is missing; the machine's fonts are used")
        return None
    font_id = QFontDatabase.addApplicationFontFromData(data)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("the bundled CJK font could not be loaded; the machine's fonts are used")
        return None
    return families[0]


def use_cjk_fallback(app: QGuiApplication, locale: QLocale) -> bool:
    """For a Chinese UI: the application font falls back to the bundled CJK font for any
    character its own family lacks (before the system's fallbacks, which may have none).
    Other languages skip it (it costs a font load at start)."""
    if locale.language() is not QLocale.Language.Chinese:
        return False
    family = bundled_cjk_family()
    if family is None:
        return False
    font = app.font()
    if family not in font.families():
        font.setFamilies([*font.families(), family])
        app.setFont(font)
    return True
