"""The Settings dialog at large text on a small screen (trial 7 G34/G35/G15): at text size 3.0
it opened at 1736x1032 on a 1280x800 screen, so OK/Cancel and the text size's buttons were
off screen; Text size stopped at 2.50 (OK then lowered a 3.0 setting) and ignored a typed 3.
Every text size 0.5-3.0 on 1024x600, 1280x800 and 1366x768 free areas: the dialog fits the
screen, OK/Cancel are in view, every field can be scrolled to, and the number boxes take (and
keep) every value the config file accepts, typed or stepped."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from app.config import Settings
from app.ui.settings_dialog import SettingsDialog, setting_range

pytestmark = pytest.mark.gui

SCALES = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
SIZES = ((1024, 600), (1280, 800), (1366, 768))


@pytest.fixture
def scaled(qapp: QApplication) -> Iterator[Any]:
    from app.ui.theme import apply_theme

    try:
        yield lambda scale: apply_theme(qapp, "light", scale)
    finally:
        apply_theme(qapp, "light", 1.0)


def _inside(widget: QWidget, dialog: QWidget) -> bool:
    return dialog.rect().contains(QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size()))


@pytest.mark.parametrize(("scale", "size"), list(itertools.product(SCALES, SIZES)))
def test_the_dialog_fits_the_screen_and_every_setting_is_reachable(
    qtbot: Any, scaled: Any, scale: float, size: tuple[int, int], monkeypatch: Any
) -> None:
    scaled(scale)
    free = QRect(0, 0, *size)
    monkeypatch.setattr(SettingsDialog, "_free", lambda self: free)
    dialog = SettingsDialog(Settings(font_scale=scale), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)  # the resize's relayout
    assert free.contains(dialog.frameGeometry()), (scale, size, dialog.frameGeometry())
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    for which in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel):
        button = buttons.button(which)
        assert button.isVisible(), (scale, size, button.text())
        assert _inside(button, dialog), (scale, size, button.text())
    # Text that fits shows without a scroll bar; when it scrolls, every field can be reached.
    fields = [dialog.voice, dialog.device, dialog.volume, dialog.rate, dialog.theme]
    fields += [dialog.font_scale, dialog.practice, dialog.model_dir]
    for field in fields:
        # Scrolled to as a user would (ensureWidgetVisible would only show a box's caret).
        # A check box's line does not wrap: wider than the screen, it scrolls sideways.
        box = QRect(field.mapTo(dialog._body, QPoint(0, 0)), field.size())
        seen = dialog.pane.viewport().rect()
        for x in range(box.left(), box.right() + 1, max(1, seen.width() // 2)):
            part = QRect(x, box.top(), min(seen.width() // 2, box.right() + 1 - x), box.height())
            dialog.pane.ensureVisible(
                part.center().x(), part.center().y(), part.width() // 2 + 2, box.height() // 2 + 2
            )
            QApplication.processEvents()
            shown = QRect(field.mapTo(dialog.pane.viewport(), QPoint(0, 0)), field.size())
            shown = shown.translated(part.left() - box.left(), 0)
            shown.setWidth(part.width())
            assert seen.contains(shown), (scale, size, field.objectName(), x)
    if dialog._wanted().height() <= free.height():  # it all fits: nothing to scroll
        assert dialog.pane.verticalScrollBar().maximum() == 0, (scale, size)
    # The text size shown is the one set: OK keeps it.
    assert dialog.result_settings().font_scale == pytest.approx(scale)


@pytest.mark.parametrize("name", ["font_scale", "rate"])
def test_the_number_boxes_take_every_allowed_value_typed_or_stepped(qtbot: Any, name: str) -> None:
    low, high = setting_range(name)
    dialog = SettingsDialog(Settings(), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    spin = dialog.font_scale if name == "font_scale" else dialog.rate
    assert (spin.minimum(), spin.maximum()) == (low, high)
    steps = 9
    for i in range(steps + 1):
        value = round(low + (high - low) * i / steps, 2)
        for typed in (f"{value:g}", f"{value:.2f}"):
            spin.setFocus()
            spin.selectAll()
            qtbot.keyClicks(spin, typed)
            qtbot.keyClick(spin, Qt.Key.Key_Tab)
            assert spin.value() == pytest.approx(value, abs=0.006), (typed, spin.value())
            assert getattr(dialog.result_settings(), name) == pytest.approx(value, abs=0.006)
    spin.setValue(low)
    up = dialog.findChild(QWidget, f"{spin.objectName()}Up")
    for _ in range(round((high - low) / spin.singleStep()) + 3):
        up.click()  # type: ignore[union-attr]
    assert spin.value() == pytest.approx(high)
