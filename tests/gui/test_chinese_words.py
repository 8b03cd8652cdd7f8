"""With the UI in Simplified Chinese, sentences built from parts read in Chinese throughout:
a refused permission names the role and the action in Chinese (not "cashier" in an otherwise
Chinese sentence), and Qt's own words (standard buttons) come from Qt's catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from posdesk.domain.roles import (
    PERMISSION_ACTIONS,
    ROLE_NAMES,
    Permission,
    PermissionDenied,
    Role,
    StaffMember,
)
from posdesk.gui.common.error_words import error_words
from posdesk.gui.common.resources import install_translators
from posdesk.gui.formatting import role_words
from posdesk.gui.messages import words

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    installed = install_translators(qapp, QLocale("zh_CN"))
    assert len(installed) == 3  # PosDesk's, qtbase and qtwebengine
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_every_role_and_permission_has_its_words() -> None:
    assert set(ROLE_NAMES) == set(Role)
    assert set(PERMISSION_ACTIONS) == set(Permission)


def test_a_refusal_names_role_and_action_in_chinese(chinese: None) -> None:
    cashier = StaffMember("s-1", "Casey", Role.CASHIER)
    refused = PermissionDenied(cashier, Permission.CAPTURE)
    assert words(str(refused.args[0])) == "Casey（收银员）无权执行：请款或撤销预授权"
    told = error_words(refused, fallback="")
    assert "收银员" in told.text and "cashier" not in told.text.lower()
    assert role_words(Role.MANAGER) == "经理"


def test_qt_standard_words_are_chinese_too(chinese: None) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_in_english_the_refusal_reads_as_before(qapp: Any) -> None:
    support = StaffMember("s-2", "Sam", Role.SUPPORT)
    refused = PermissionDenied(support, Permission.CHARGE)
    assert str(refused) == "Sam (Support) may not take payments"


def test_sentences_join_with_a_space_in_english_and_none_in_chinese(qapp: Any) -> None:
    from posdesk.gui.formatting import sentences

    assert sentences("Declined.", "", "Try another card.") == "Declined. Try another card."
    installed = install_translators(qapp, QLocale("zh_CN"))
    try:
        assert sentences("已拒绝。", "请换一张卡。") == "已拒绝。请换一张卡。"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_a_chinese_ui_falls_back_to_the_bundled_cjk_font(qapp: Any) -> None:
    from PySide6.QtGui import QFontDatabase, QRawFont

    from posdesk.gui.common.resources import bundled_cjk_family, use_cjk_fallback

    before = qapp.font()
    try:
        assert not use_cjk_fallback(qapp, QLocale("en_US"))
        assert use_cjk_fallback(qapp, QLocale("zh_CN"))
        family = bundled_cjk_family()
        assert family and family in qapp.font().families()
        assert family in QFontDatabase.families()
        # The bundled font itself has the glyphs a Chinese screen needs.
        from posdesk.gui.common.resources import read_resource

        raw = QRawFont(read_resource("fonts", "ReceiptCJK.ttf"), 12)
        assert all(raw.supportsCharacter(ord(c)) for c in "收银员退款付款已批准￥¥")
    finally:
        qapp.setFont(before)


def test_the_bundled_font_covers_every_character_of_the_chinese_catalogue(qapp: Any) -> None:
    import unicodedata
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from PySide6.QtGui import QRawFont

    from posdesk.gui.common.resources import read_resource

    catalogue = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "posdesk_zh_CN.ts"
    # Letters, digits and punctuation; symbols such as ★ come from the system in any
    # language, as they do in English.
    used = {c for node in ET.parse(catalogue).getroot().iter("translation")
            for c in (node.text or "")
            if not c.isspace() and unicodedata.category(c)[0] in "LNP"}
    raw = QRawFont(read_resource("fonts", "ReceiptCJK.ttf"), 12)
    missing = sorted(c for c in used if not raw.supportsCharacter(ord(c)))
    assert len(used) > 500
    assert missing == []


def test_the_terminals_language_setting_wins_over_the_computers() -> None:
    import os
    import subprocess
    import sys

    code = (
        "from PySide6.QtCore import QCoreApplication, QLocale\n"
        "from posdesk.gui.app import prepare_application\n"
        "app = prepare_application(language='zh_CN')\n"
        "print(QCoreApplication.translate('SettingsDialog', 'Receipts'), QLocale().name())\n"
    )
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8",
           "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout.split()
    assert out == ["收据", "zh_CN"]
