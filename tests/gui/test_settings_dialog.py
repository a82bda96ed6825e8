"""The settings dialog reads as a dialog without a window manager (a kiosk box, a bare X
server gives a top-level window no title bar and no border): its own title and outline, and
Cancel to close it, in every theme at every text size."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from app.config import THEMES, Settings
from app.ui.settings_dialog import SettingsDialog
from app.ui.theme import THEME_COLOURS, apply_theme

pytestmark = pytest.mark.gui

SCALES = (0.75, 1.0, 1.5, 2.0, 2.5)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[Callable[[str, float], None]]:
    """Apply a theme and text size for one test; light at 1.0 again afterwards."""
    yield lambda theme, scale: apply_theme(qapp, theme, scale)
    apply_theme(qapp, "light", 1.0)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("theme", THEMES)
def test_the_dialog_shows_its_title_outline_and_a_way_out(
    qtbot: QtBot, styled: Callable[[str, float], None], theme: str, scale: float
) -> None:
    styled(theme, scale)
    dialog = SettingsDialog(Settings(), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    # The title is the first thing in the dialog, whole and above the first setting.
    title = dialog.title
    assert title.text() == "Settings" == dialog.windowTitle()
    assert title.isVisible()
    assert title.font().pointSizeF() > dialog.voice.font().pointSizeF()
    box = QRect(title.mapTo(dialog, QPoint(0, 0)), title.size())
    assert dialog.rect().contains(box)
    assert title.sizeHint().width() <= title.width()
    assert box.bottom() < dialog.voice.mapTo(dialog, QPoint(0, 0)).y()

    # The outline: the dialog's edge is painted in the theme's border colour, all round.
    image = dialog.grab().toImage()
    border = QColor(THEME_COLOURS[theme].border)
    w, h = image.width(), image.height()
    for x, y in ((0, h // 2), (w - 1, h // 2), (w // 2, 0), (w // 2, h - 1)):
        pixel = image.pixelColor(x, y)
        distance = (
            abs(pixel.red() - border.red())
            + abs(pixel.green() - border.green())
            + abs(pixel.blue() - border.blue())
        )
        assert distance < 30, (x, y, pixel.name(), border.name())

    # Cancel is in view and closes the dialog without saving.
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert isinstance(cancel, QPushButton)
    assert cancel.isVisible()
    corner = cancel.mapTo(dialog, cancel.rect().bottomRight())
    assert dialog.rect().contains(corner)
    cancel.click()
    assert not dialog.isVisible()
    assert dialog.result() == 0


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("theme", THEMES)
def test_every_field_shows_whole_and_the_number_boxes_step(
    qtbot: QtBot, styled: Callable[[str, float], None], theme: str, scale: float
) -> None:
    """Newcomer report: the focused first check box was clipped, the number boxes' arrows were
    a dash, the recognizer folder's placeholder was cut. At every theme and text size: the
    focused check box keeps its height, each number box shows its value and its "-"/"+"
    buttons step it, and the placeholder fits its box."""
    styled(theme, scale)
    dialog = SettingsDialog(Settings(rate=1.0, font_scale=1.0), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    boxes = [dialog.voice, dialog.listen, dialog.ptt, dialog.practice]
    heights = {box.objectName(): box.height() for box in boxes}
    for box in boxes:
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        box.style().unpolish(box)
        box.style().polish(box)
        assert box.sizeHint().height() <= heights[box.objectName()] + 1, box.objectName()
        assert box.contentsRect().height() >= box.fontMetrics().height()

    window = QColor(THEME_COLOURS[theme].surface)
    for spin, step in ((dialog.rate, 0.1), (dialog.font_scale, 0.25)):
        image = spin.grab().toImage()
        inked = sum(
            1
            for x in range(image.width() // 3)
            for y in range(image.height())
            if abs(image.pixelColor(x, y).lightness() - window.lightness()) > 90
        )
        assert inked > 10, f"{spin.objectName()} shows no value"
        before = spin.value()
        up = dialog.findChild(QPushButton, f"{spin.objectName()}Up")
        down = dialog.findChild(QPushButton, f"{spin.objectName()}Down")
        assert up is not None
        assert down is not None
        assert up.isVisible()
        up.click()
        assert spin.value() == pytest.approx(before + step)
        down.click()
        down.click()
        assert spin.value() == pytest.approx(before - step)

    edit = dialog.model_dir
    hint = edit.placeholderText()
    assert edit.fontMetrics().horizontalAdvance(hint) <= edit.contentsRect().width()
