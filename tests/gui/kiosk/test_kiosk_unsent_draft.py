"""The kiosk's ways out of a visit with words typed and not sent (UI polish 11, 1): the idle
reset and "I'm done" erase the visit with the unsent-answer question on screen, asking a
stranger nothing, and nothing crashes (the question is a row in the page, not a modal loop)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.kiosk.conftest import FakeClock
from tests.gui.test_unsent_draft import WAYS, _press, _ready

pytestmark = pytest.mark.gui


def _kiosk_visit_with_prompt(make_booth: Callable[..., Any], way: str, clock: Any) -> Any:
    booth = make_booth(clock=clock, idle_seconds=30, countdown_seconds=5, listen=False)
    app = booth.visitor()
    app.start("career-fair-booth")
    _ready(app)
    view = app.window.conversation
    view.answer.setText("I was going to ask about the robots 🤖")
    _press(app, way)
    assert view.draft_prompt.isVisibleTo(app.window)
    return booth


@pytest.mark.parametrize("way", WAYS)
def test_kiosk_idle_reset_with_the_question_up_erases_quietly(
    make_booth: Callable[..., Any], way: str
) -> None:
    clock = FakeClock()
    booth = _kiosk_visit_with_prompt(make_booth, way, clock)
    k = booth.kiosk
    reasons: list[str] = []
    k.visit_ended.connect(reasons.append)
    cancelled: list[bool] = []
    k.countdown_cancelled.connect(lambda: cancelled.append(True))
    for _ in range(10):  # the visitor walked away: time passes, the countdown runs out
        clock.now += 30
        k.check_idle()
        if reasons:
            break
    assert reasons == ["idle"], cancelled
    assert k.current_page is k.attract
    assert QApplication.activeModalWidget() is None  # nobody was asked anything
    booth.visitor().start("career-fair-booth")  # the next visitor starts clean
    assert booth.kiosk.visit is not None
    assert booth.kiosk.visit.window.conversation.answer.text() == ""


@pytest.mark.parametrize("way", WAYS)
def test_kiosk_done_with_the_question_up_erases_quietly(
    make_booth: Callable[..., Any], way: str
) -> None:
    booth = _kiosk_visit_with_prompt(make_booth, way, FakeClock())
    k = booth.kiosk
    with booth.qtbot.waitSignal(k.visit_ended) as ended:
        booth.qtbot.mouseClick(k.done_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["done"]
    assert k.current_page is k.attract
    assert QApplication.activeModalWidget() is None
