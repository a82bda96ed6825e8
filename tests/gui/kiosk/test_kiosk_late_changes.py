"""The booth's conversation after its first line: its state row's words, the theme and the
text size change (session 15: the flaky test_the_line_and_buttons_fit_the_booth_screen
[size0-3.0], whose buttons stayed shorter than their least height when the state row's words
took a second line after the page's fit). At every kiosk screen size, every theme and text
size applied in turn while the visitor's conversation shows, and every state the row names:
no button or answer box below its least size, and every one reachable by scrolling."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from app.config import THEMES
from app.ui.theme import apply_theme
from tests.gui.fit_checks import KIOSK_SIZES, squeezed
from tests.gui.kiosk.test_kiosk_visit_screens import _settle

pytestmark = pytest.mark.gui


def _whole_in_view(page: Any, widget: QWidget) -> bool:
    page.ensureWidgetVisible(widget, 0, 0)
    top = widget.mapTo(page.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= page.viewport().height()


@pytest.mark.parametrize("size", KIOSK_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_late_changes_never_squeeze_the_booth_buttons(
    make_booth: Any, qapp: QApplication, size: tuple[int, int]
) -> None:
    booth = make_booth(listen=False)
    k = booth.kiosk
    k.unlock_full_screen()
    k.showNormal()
    k.setGeometry(0, 0, *size)
    booth.qtbot.waitUntil(lambda: k.width() == size[0])
    app = booth.visitor()
    problems = []
    try:
        app.start("alumni-call")
        view = app.window.conversation
        _settle(booth.qtbot, k)
        for theme, scale in itertools.product(THEMES, (1.0, 2.0, 3.0)):  # as Settings, mid-talk
            apply_theme(qapp, theme, scale)
            for phase in ("speaking", "waiting", "thinking"):
                view.set_phase(phase)
                _settle(booth.qtbot, k)
                bad = squeezed(view)  # height (the page's fit) and width (End's own row)
                if bad:
                    problems.append(f"{theme} {scale} {phase}: {bad}")
                for button in (view.repeat_button, view.end_button, view.send_button):
                    if not _whole_in_view(view.page_scroll, button):
                        problems.append(f"{theme} {scale} {phase}: {button.objectName()} unseen")
            shots = os.environ.get("UI_SHOTS_DIR")
            if shots and scale in (1.0, 3.0):
                view.page_scroll.verticalScrollBar().setValue(0)
                _settle(booth.qtbot, k)
                name = f"kiosk-late-{theme}-{scale}-{size[0]}x{size[1]}.png"
                k.grab().save(str(Path(shots) / name))
    finally:
        apply_theme(qapp, "light", 1.0)
    assert not problems, "\n".join(problems)
