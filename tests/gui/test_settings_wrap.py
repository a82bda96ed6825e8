"""Settings' check boxes at large text (FRAMESHIFT_FONT_SCALE=1.6 up to text size 3.0): a
QCheckBox draws its words on one line, so "Push-to-talk (hold Listen) instead of automatic
listening" was cut, or scrolled sideways past the screen's edge. Generated text sizes x screens:
nothing scrolls sideways, every check box's words show whole and wrap inside the dialog, a
click on the words toggles the box, and the box keeps its names for tests and screen readers."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from app.config import Settings
from app.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui

_rng = random.Random(16)
SCALES = (1.6, 3.0, *sorted(round(_rng.uniform(1.2, 3.0), 2) for _ in range(4)))
SIZES = ((1024, 600), (1280, 800), (800, 600))
NAMES = {
    "voiceCheck": "Voice on",
    "listenCheck": "Listening on",
    "pushToTalkCheck": "Push to talk",
    "practiceModeCheck": "Practice mode",
}


@pytest.fixture
def scaled(qapp: QApplication) -> Iterator[Any]:
    from app.ui.theme import apply_theme

    try:
        yield lambda scale: apply_theme(qapp, "light", scale)
    finally:
        apply_theme(qapp, "light", 1.0)


@pytest.mark.parametrize(("scale", "size"), list(itertools.product(SCALES, SIZES)))
def test_check_box_words_wrap_inside_the_dialog(
    qtbot: Any, scaled: Any, scale: float, size: tuple[int, int], monkeypatch: Any
) -> None:
    scaled(scale)
    free = QRect(0, 0, *size)
    monkeypatch.setattr(SettingsDialog, "_free", lambda self: free)
    dialog = SettingsDialog(Settings(font_scale=scale), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)
    assert free.contains(dialog.frameGeometry())
    # Nothing is hidden past the right edge: no sideways scrolling.
    assert dialog.pane.horizontalScrollBar().maximum() == 0, (scale, size)
    seen = dialog.pane.viewport().rect()
    wrapped = 0
    for name, accessible in NAMES.items():
        row = dialog.check_rows[name]
        box, words = row.check, row.words
        assert box.objectName() == name
        assert box.accessibleName() == accessible
        assert words.buddy() is box
        assert words.text()
        assert box.accessibleDescription()
        # The words show whole: inside the pane's width, all their lines in their height.
        shown = QRect(words.mapTo(dialog.pane.viewport(), QPoint(0, 0)), words.size())
        assert seen.left() <= shown.left(), (name, shown, seen)
        assert shown.right() <= seen.right(), (name, shown, seen)
        assert words.heightForWidth(words.width()) <= words.height(), name
        line = words.fontMetrics().horizontalAdvance(words.text())
        wrapped += line > words.width()
        # A click on the words toggles the box, and again back.
        before = box.isChecked()
        dialog.pane.ensureWidgetVisible(words)
        qtbot.mouseClick(words, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
        assert box.isChecked() is (not before), name
        qtbot.mouseClick(words, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
        assert box.isChecked() is before, name
    if scale >= 2.5 and size[0] <= 1024:
        assert wrapped, "at this size at least one check box's words must wrap"
    assert dialog.result_settings().push_to_talk == Settings().push_to_talk


#: Microphone names as sound servers give them: short, long, and a virtual source's whole
#: description (a CI worker's private PulseAudio made the dialog scroll sideways at 3.0).
_DEVICE_WORDS = ("Monitor of", "Built-in Audio Analog Stereo", "USB", "Frameshift", "virtual",
                 "microphone", "(null sink)", "Blue Yeti Stereo Microphone", "HD Pro Webcam C920",
                 "Family 17h/19h HD Audio Controller", "Bluetooth headset (HFP, mSBC)")  # fmt: skip


def _device_names(count: int) -> list[str]:
    rng = random.Random(1604)
    return [" ".join(rng.sample(_DEVICE_WORDS, rng.randint(1, 6))) for _ in range(count)]


@pytest.mark.parametrize(
    ("scale", "size"), [(3.0, (800, 600)), (3.0, (1024, 600)), (2.2, (800, 600))]
)
def test_a_long_microphone_name_never_scrolls_the_dialog_sideways(
    qtbot: Any, scaled: Any, scale: float, size: tuple[int, int], monkeypatch: Any
) -> None:
    from app.ui import settings_dialog

    scaled(scale)
    free = QRect(0, 0, *size)
    monkeypatch.setattr(SettingsDialog, "_free", lambda self: free)
    for name in _device_names(8):
        monkeypatch.setattr(settings_dialog, "_input_devices", lambda n=name: [("dev", n)])
        dialog = SettingsDialog(Settings(font_scale=scale, input_device="dev"), None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(20)
        assert dialog.pane.horizontalScrollBar().maximum() == 0, (scale, size, name)
        assert dialog.device.currentText() == name  # the whole name is still the item's text
        assert dialog.device.toolTip() == name  # and shows whole on hover, where the box elides
        dialog.close()
