"""Session 14 U2: a checked check box showed no tick. The style sheet styles the indicator (a
fill and a border), and a styled indicator draws only its rule, never the style's own mark,
so "checked" was a filled square in every theme: told from "unchecked" by colour alone.

Every check box the app has (Settings' four, the kiosk operator's counts box, a checkable list
row as the operator's scenario list has) x every theme x text sizes, enabled and disabled: the
rendered pixels inside the checked indicator hold a mark (the tick) of at least 3:1 against the
indicator's own fill, and the checked indicator differs from the unchecked one."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from app.config import THEMES, Settings
from app.ui.contrast import contrast_ratio
from app.ui.theme import THEME_COLOURS, apply_theme

pytestmark = pytest.mark.gui

SCALES = (1.0, 1.5, 3.0)
SETTINGS_CHECKS = ("voiceCheck", "listenCheck", "pushToTalkCheck", "practiceModeCheck")
CASES = list(itertools.product(THEMES, SCALES))


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[Any]:
    try:
        yield lambda theme, scale: apply_theme(qapp, theme, scale)
    finally:
        apply_theme(qapp, "light", 1.0)


def _hex(image: QImage, x: int, y: int) -> str:
    return QColor(image.pixel(x, y)).name()


def _marks(image: QImage, rect: QRect) -> tuple[str, int]:
    """Inside ``rect`` (the indicator without its border): the fill (the commonest colour) and
    how many pixels stand out from it by 3:1 or more (the tick's)."""
    inner = rect.adjusted(2, 2, -2, -2)
    counts: dict[str, int] = {}
    for x in range(inner.left(), inner.right() + 1):
        for y in range(inner.top(), inner.bottom() + 1):
            c = _hex(image, x, y)
            counts[c] = counts.get(c, 0) + 1
    fill = max(counts, key=lambda c: counts[c])
    strong = sum(n for c, n in counts.items() if contrast_ratio(c, fill) >= 3.0)
    return fill, strong


def _indicator(box: QCheckBox) -> QRect:
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)


def _assert_ticked(box: QCheckBox, theme: str, what: str) -> None:
    box.setChecked(False)
    QApplication.processEvents()
    off = box.grab().toImage()
    box.setChecked(True)
    QApplication.processEvents()
    on = box.grab().toImage()
    rect = _indicator(box)
    assert rect.width() >= 12, (what, rect)
    assert rect.height() >= 12, (what, rect)
    ratio = on.devicePixelRatio()
    rect = QRect(
        int(rect.x() * ratio), int(rect.y() * ratio), int(rect.width() * ratio),
        int(rect.height() * ratio),
    )  # fmt: skip
    fill, strong = _marks(on, rect)
    c = THEME_COLOURS[theme]
    if box.isEnabled():
        assert fill == c.accent, (what, theme, fill)  # checked: the accent fill...
    assert strong >= 6, (what, theme, fill, strong)  # ...and a tick on it, 3:1 or more
    _, off_strong = _marks(off, rect)
    assert off_strong < strong, (what, theme)  # unchecked: no tick
    differ = sum(
        _hex(on, x, y) != _hex(off, x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )
    assert differ >= 6, (what, theme)


@pytest.mark.parametrize(("theme", "scale"), CASES)
def test_settings_check_boxes_show_a_tick_when_checked(
    qtbot: Any, themed: Any, theme: str, scale: float
) -> None:
    from app.ui.settings_dialog import SettingsDialog

    themed(theme, scale)
    dialog = SettingsDialog(Settings(theme=theme, font_scale=scale), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for name in SETTINGS_CHECKS:
        box = dialog.findChild(QCheckBox, name)
        assert box is not None, name
        for enabled in (True, False):
            box.setEnabled(enabled)
            _assert_ticked(box, theme, f"{name} enabled={enabled}")
        box.setEnabled(True)


@pytest.mark.parametrize(("theme", "scale"), CASES)
def test_kiosk_counts_box_shows_a_tick_when_checked(
    qtbot: Any, themed: Any, theme: str, scale: float
) -> None:
    from app.ui.a11y import named

    themed(theme, scale)
    host = QWidget()
    host.setObjectName("kioskOperatorScreen")
    qtbot.addWidget(host)
    box = named(QCheckBox("Keep anonymous counts", host), "kioskCountsEnabled", "Counts")
    host.show()
    qtbot.waitExposed(host)
    _assert_ticked(box, theme, "kioskCountsEnabled")


@pytest.mark.parametrize(("theme", "scale"), CASES)
def test_a_checkable_list_row_shows_a_tick_when_checked(
    qtbot: Any, themed: Any, theme: str, scale: float
) -> None:
    themed(theme, scale)
    view = QListWidget()
    qtbot.addWidget(view)
    for i in range(2):
        item = QListWidgetItem(f"Scenario {i}")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if i == 0 else Qt.CheckState.Unchecked)
        view.addItem(item)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    accent = THEME_COLOURS[theme].accent
    for row, checked in ((0, True), (1, False)):
        band = view.visualItemRect(view.item(row))
        xs = [
            (x, y)
            for x in range(band.left(), min(band.right(), 60))
            for y in range(band.top(), band.bottom() + 1)
            if _hex(image, x, y) == accent
        ]
        if not checked:
            assert len(xs) < 6, (theme, "unchecked row drawn filled")
            continue
        assert xs, (theme, "no checked indicator")
        left, top = min(x for x, _ in xs), min(y for _, y in xs)
        right, bottom = max(x for x, _ in xs), max(y for _, y in xs)
        fill, strong = _marks(image, QRect(left, top, right - left + 1, bottom - top + 1))
        assert fill == accent, (theme, fill)
        assert strong >= 6, (theme, fill, strong)
