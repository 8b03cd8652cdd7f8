"""Driving the GUI with the keyboard alone: keys go to whatever has the focus, as a cashier's
keyboard would send them, and Tab walks are recorded widget by widget."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# More stops than any screen has: a walk that does not come back by then is a trap.
WALK_LIMIT = 40


def label(widget: QWidget | None, names: Mapping[QWidget, str] | None = None) -> str:
    """How a walk names a widget: a name the test gave it, a button's text, else its
    objectName (accessible name, class as a last resort)."""
    if widget is None:
        return "<nothing has the focus>"
    if names and widget in names:
        return names[widget]
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.text()
    return widget.objectName() or widget.accessibleName() or type(widget).__name__


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """One key, sent where the keyboard is: an open menu, else the focused widget, else the
    active window (where Qt itself delivers a real key press)."""
    target = QApplication.activePopupWidget() or focused() or QApplication.activeWindow()
    assert target is not None, "no window has the keyboard"
    qtbot.keyClick(target, key, modifier)


def wait_active(qtbot: Any, window: QWidget) -> None:
    """Wait until `window` has the keyboard (a dialog just opened, the window raised)."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def wait_focus(qtbot: Any, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: focused() is widget, timeout=2000)


def tab_walk(
    qtbot: Any,
    start: QWidget,
    *,
    backwards: bool = False,
    names: Mapping[QWidget, str] | None = None,
) -> list[str]:
    """Put the focus on `start`, press Tab (or Shift+Tab) until it comes back to `start`, and
    return the names of the widgets the focus stopped at, `start` first."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    wait_focus(qtbot, start)
    stops = [start]
    for _ in range(WALK_LIMIT):
        press(qtbot, Qt.Key.Key_Tab, SHIFT if backwards else NO_MODIFIER)
        widget = focused()
        if widget is start:
            return [label(w, names) for w in stops]
        stops.append(widget)  # type: ignore[arg-type]
    raise AssertionError(
        f"Tab never came back to {label(start, names)}: "
        f"{[label(w, names) for w in stops]}"
    )


def assert_tab_cycle(
    qtbot: Any,
    start: QWidget,
    expected: list[str],
    *,
    names: Mapping[QWidget, str] | None = None,
) -> None:
    """Tab from `start` stops at `expected` in that order, each once, then wraps; Shift+Tab
    walks the same stops back."""
    forward = tab_walk(qtbot, start, names=names)
    assert forward == expected
    assert len(set(forward)) == len(forward), f"a widget is reached twice: {forward}"
    backward = tab_walk(qtbot, start, backwards=True, names=names)
    assert backward == [expected[0], *reversed(expected[1:])]
