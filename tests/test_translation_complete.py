"""Simplified Chinese is complete and ships as built: every entry of the zh_CN catalogue is
translated (none unfinished or empty), every declared message id has its translation, each
translation keeps the English's {parameters} and %1 markers, and the .qm PosDesk loads is
the one the catalogue compiles to (a fresh checkout or an installed package has it)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "i18n" / "posdesk_zh_CN.ts"
SHIPPED = CATALOGUE.with_suffix(".qm")
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


def entries() -> list[tuple[str, str, str | None, ET.Element]]:
    found = []
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "",
                          message.findtext("comment"), translation))
    return found


def live(translation: ET.Element) -> bool:
    return translation.get("type") not in ("vanished", "obsolete")


def test_every_entry_is_translated() -> None:
    missing = [(context, source) for context, source, _id, translation in entries()
               if live(translation)
               and (translation.get("type") == "unfinished" or not (translation.text or ""))]
    assert missing == []


def test_every_declared_message_id_has_a_translation() -> None:
    from tests.test_messages import load_script

    declared = load_script().declared_messages()  # id -> English, from every module
    translated = {comment for context, _s, comment, translation in entries()
                  if context == "Message" and live(translation)
                  and translation.get("type") != "unfinished" and translation.text}
    assert sorted(set(declared) - translated) == []


def test_translations_keep_their_parameters() -> None:
    def markers(text: str) -> list[str]:
        return sorted(re.findall(r"\{[a-z_]+\}|%\d", text))

    broken = [(context, source) for context, source, _id, translation in entries()
              if live(translation) and translation.text
              and markers(source) != markers(translation.text)]
    assert broken == []


@pytest.mark.skipif(not LRELEASE.exists(), reason="pyside6-lrelease not installed")
def test_the_shipped_qm_is_what_the_catalogue_compiles_to(tmp_path: Path) -> None:
    built = tmp_path / "posdesk_zh_CN.qm"
    subprocess.run([str(LRELEASE), str(CATALOGUE), "-qm", str(built)], check=True,
                   capture_output=True)
    assert SHIPPED.exists(), "run scripts/update_translations.py and commit the .qm"
    assert SHIPPED.read_bytes() == built.read_bytes(), (
        "the .qm is older than the catalogue: run scripts/update_translations.py")
