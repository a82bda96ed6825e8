"""The kiosk on a booth's screen: nothing off the edge, touch-size rows, a readable countdown,
and the visit driven through the window's public API only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QListWidget, QWidget

from tests.gui.kiosk.conftest import Booth

pytestmark = pytest.mark.gui

TOUCH_PX = 48


def _on_screen(widget: QWidget, root: QWidget) -> bool:
    """Whether ``widget`` lies wholly inside ``root`` (the full-screen kiosk)."""
    top_left = widget.mapTo(root, QPoint(0, 0))
    return root.rect().contains(QRect(top_left, widget.size()))


def _open_operator(booth: Booth) -> None:
    booth.kiosk.request_operator()
    booth.kiosk.pin_page.entry.setText("2468")
    booth.kiosk.pin_page.submit()
    assert booth.kiosk.current_page is booth.kiosk.operator


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_operator_screen_fits_on_its_first_render(make_booth: Any, size: tuple[int, int]) -> None:
    """The operator screen is laid out at the screen's width the first time it shows: Save,
    Back and Quit are on screen, not cut off at the right edge."""
    booth = make_booth()
    k = booth.kiosk
    k.unlock_full_screen()  # a booth screen of this size, whatever the test display's size
    k.showNormal()
    k.setGeometry(0, 0, *size)
    booth.qtbot.waitUntil(lambda: k.width() == size[0])
    _open_operator(booth)
    booth.qtbot.wait(10)
    op = k.operator
    assert op.minimumSizeHint().width() <= size[0]
    for button in (op.save_button, op.back_button, op.quit_button):
        assert button.isVisible()
        assert _on_screen(button, k), f"{button.objectName()} is off the screen at {size}"
        edge = button.mapTo(k, QPoint(button.width(), 0)).x()
        assert size[0] - edge >= 16 or button.mapTo(k, QPoint(0, 0)).x() >= 16


def test_im_done_is_not_flush_against_the_edge(make_booth: Any) -> None:
    """The visitor's "I'm done" button keeps a margin from the screen's right and bottom edges."""
    booth = make_booth()
    booth.visitor()
    k = booth.kiosk
    done = k.done_button
    booth.qtbot.waitUntil(lambda: done.isVisible())
    right = done.mapTo(k, QPoint(done.width(), done.height()))
    assert k.width() - right.x() >= 16
    assert k.height() - right.y() >= 16


def _row_heights(view: QListWidget) -> list[int]:
    return [view.visualItemRect(view.item(row)).height() for row in range(view.count())]


def test_scenario_lists_have_touch_size_rows(make_booth: Any) -> None:
    """Every scenario row a visitor or the operator taps is at least 48 px tall."""
    booth = make_booth()
    picker = booth.visitor().window.picker.list
    booth.qtbot.waitUntil(lambda: picker.count() > 0)
    booth.qtbot.wait(10)
    visitor_rows = _row_heights(picker)
    booth.kiosk.reset_to_attract()
    _open_operator(booth)
    booth.qtbot.wait(10)
    operator_rows = _row_heights(booth.kiosk.operator.scenario_list)
    assert visitor_rows
    assert operator_rows
    assert min(visitor_rows) >= TOUCH_PX, visitor_rows
    assert min(operator_rows) >= TOUCH_PX, operator_rows


def test_the_countdown_has_its_own_readable_colours(make_booth: Any) -> None:
    """The "Still there?" countdown takes its colours from the theme (no hard-coded white on a
    see-through layer), and its text differs clearly from its background."""
    booth = make_booth()
    booth.visitor()
    overlay = booth.kiosk.overlay
    overlay.show_remaining(9)
    booth.qtbot.waitUntil(lambda: overlay.isVisible())
    assert overlay.styleSheet() == ""
    assert overlay.label.styleSheet() == ""
    assert overlay.seconds.text() == "9"
    image = overlay.label.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert len(colours) > 2  # text drawn on a background, not a blank


def test_the_visit_uses_only_the_windows_public_api(make_booth: Any) -> None:
    """The kiosk's visit code never reaches into the window's stack or its rehearsal's store."""
    source = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (Path(__file__).resolve().parents[3] / "app" / "ui" / "kiosk").glob("*.py")
    )
    for private in (".stack", "rehearsal.store", "rehearsal.conversation", ".rehearsal."):
        assert private not in source, private
    booth = make_booth()
    driver = booth.visitor()
    window = driver.window
    assert window.current_screen == "picker"
    driver.start("connector-intro")
    assert window.current_screen == "conversation"
    folder = booth.kiosk.visit.folder
    booth.kiosk.reset_to_attract()
    assert not folder.exists()
    assert window.store is None
