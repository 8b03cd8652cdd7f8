"""PySide6's check of each imported module answers as before and keeps no source in memory
(gui/pyside_feature_check.py)."""

from __future__ import annotations

import json
import linecache
import sys
from pathlib import Path

import pytest

import posdesk.domain.money
import posdesk.gui.app
from posdesk.gui.pyside_feature_check import module_uses_pyside

FEATURE = sys.modules["shibokensupport.feature"]


@pytest.fixture
def fresh_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("posdesk_probe_plain", "posdesk_probe_qt"):
        sys.modules.pop(name, None)


def test_a_module_imported_after_pyside_is_classified_but_its_source_not_kept(
    fresh_modules: Path,
) -> None:
    (fresh_modules / "posdesk_probe_plain.py").write_text("VALUE = 1\n" * 2000)
    (fresh_modules / "posdesk_probe_qt.py").write_text(
        "from PySide6.QtCore import QObject\n" + "VALUE = 1\n" * 2000)

    # An import statement, as PySide6 watches those (not importlib.import_module).
    import posdesk_probe_plain as plain  # type: ignore[import-not-found]
    import posdesk_probe_qt as qt  # type: ignore[import-not-found]

    # PySide6's bookkeeping: 0 = uses PySide6 (feature switching applies), -1 = ignore.
    assert FEATURE.pyside_feature_dict["posdesk_probe_plain"] == -1
    assert FEATURE.pyside_feature_dict["posdesk_probe_qt"] == 0
    assert plain.__file__ not in linecache.cache
    assert qt.__file__ not in linecache.cache


@pytest.mark.parametrize(
    ("module", "uses"),
    [(posdesk.gui.app, True), (posdesk.domain.money, False), (json, False), (sys, False)],
)
def test_the_answer_is_the_one_pysides_own_source_test_gives(module: object, uses: bool) -> None:
    assert module_uses_pyside(module) is uses  # type: ignore[arg-type]
