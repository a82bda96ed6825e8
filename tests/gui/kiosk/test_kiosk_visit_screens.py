"""What a visitor sees (trial 6): a reset never logs an error (F13), the caption is readable
whole at any text size with the buttons never sliced (F26/F14), no live frame labels whatever
the config says (F18), the story's first scenario preselected (F28)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.session.kiosk import CRASH_LOG_NAME
from tests.gui.kiosk.conftest import Booth

pytestmark = pytest.mark.gui


def _error_lines(booth: Booth) -> int:
    path = booth.kiosk.settings.data_dir / CRASH_LOG_NAME
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


@pytest.mark.parametrize("answers", [0, 1, 2])
def test_ending_visits_never_logs_an_error(make_booth: Any, answers: int) -> None:
    """Visits ended by "I'm done" and by the idle erase, mid-rehearsal (with 0-2 answers
    given), on the picker and on the replay: no unexpected error, no error-log line."""
    booth = make_booth()
    k = booth.kiosk
    errors: list[str] = []
    k.error_caught.connect(errors.append)
    before = _error_lines(booth)
    for visit in range(4):
        app = booth.visitor()
        app.start("career-fair-booth")
        for i in range(answers):
            app.answer(f"What does your team work on, part {i}?")
        if visit == 3:
            app.finish()
        if visit % 2:
            k.reset_to_attract("idle")
        else:
            booth.qtbot.mouseClick(k.done_button, Qt.MouseButton.LeftButton)
        for _ in range(5):  # the old view's queued updates would run now
            booth.qtbot.wait(20)
        assert k.current_page is k.attract
    assert errors == []
    assert _error_lines(booth) == before


def test_kiosk_never_shows_live_frames_and_starts_on_the_story(make_booth: Any) -> None:
    booth = make_booth()
    k = booth.kiosk
    k.settings = replace(k.settings, practice_mode=True)  # the user's own config says so
    app = booth.visitor()
    picker = app.window.picker
    booth.qtbot.waitUntil(lambda: picker.list.count() > 0)
    assert picker.list.currentRow() == 0
    assert "Start here" in picker.list.currentItem().text()
    app.start(app.window.scenarios[0].id)
    app.answer("I'd love the job, can you put me forward for an interview?")
    view = app.window.conversation
    assert not view.practice_mode
    shown = [view.transcript.item(r).text() for r in range(view.transcript.count())]
    assert not [s for s in shown if "Interview" in s or "Exploration" in s], shown


@pytest.fixture
def scaled(qapp: QApplication) -> Iterator[Any]:
    from app.ui.theme import apply_theme

    try:
        yield lambda scale: apply_theme(qapp, "dark", scale)
    finally:
        apply_theme(qapp, "light", 1.0)


def _inside(widget: QWidget, root: QWidget) -> bool:
    top = widget.mapTo(root, QPoint(0, 0))
    return top.y() >= 0 and top.y() + widget.height() <= root.height()


def _top_cut(view: Any, page: Any) -> bool:
    """Whether the caption's top is at the top of the view (no more room to scroll down)."""
    return bool(view.caption_box.mapTo(page.viewport(), QPoint(0, 0)).y() <= 0)


def _settle(qtbot: Any, top: QWidget, rounds: int = 100) -> None:
    """Let queued layout requests run until no widget under ``top`` moves or resizes (a busy
    machine leaves them queued longer; a wall-clock wait was a coin toss there)."""
    last = None
    for _ in range(rounds):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        now = tuple(w.geometry().getRect() for w in top.findChildren(QWidget))
        if now == last:
            return
        last = now
        qtbot.wait(10)
    raise AssertionError("the layout never settles")


@pytest.mark.parametrize("scale", [1.0, 1.6, 3.0])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 600)])
def test_the_line_and_buttons_fit_the_booth_screen(
    make_booth: Any, scaled: Any, scale: float, size: tuple[int, int]
) -> None:
    booth = make_booth(listen=False)
    k = booth.kiosk
    k.unlock_full_screen()
    k.showNormal()
    k.setGeometry(0, 0, *size)
    booth.qtbot.waitUntil(lambda: k.width() == size[0])
    app = booth.visitor()
    scaled(scale)  # after the kiosk applied the booth's own theme
    app.start("alumni-call")
    view = app.window.conversation
    _settle(booth.qtbot, k)
    box, label = view.caption_box, view.caption
    assert label.height() >= label.heightForWidth(label.width()) - 1
    if label.height() > box.viewport().height():  # the rest of the line is a scroll away
        assert box.verticalScrollBar().maximum() > 0
    page = view.page_scroll
    if scale <= 1.6:  # on the first paint, no scrolling (at 3.0 a 600 px screen cannot)
        for button in (view.repeat_button, view.end_button):
            assert _inside(button, page.viewport()) or _top_cut(view, page), button.objectName()
    for row in (view.card, box, view.state, view.bar):  # nothing off the right edge
        assert row.mapTo(k, QPoint(row.width(), 0)).x() <= k.width(), row.objectName()
    buttons = (view.repeat_button, view.end_button, view.send_button)
    # The text size posts its layout requests; on a busy machine they may still be queued.
    booth.qtbot.waitUntil(
        lambda: all(b.height() >= b.minimumSizeHint().height() for b in buttons), timeout=20_000
    )
    for button in buttons:
        assert button.height() >= button.minimumSizeHint().height()

        def scrolled_to(b: QWidget = button) -> bool:  # a visitor scrolls down to it...
            page.ensureWidgetVisible(b)  # (again if a queued relayout moved the page meanwhile)
            return _inside(b, page.viewport())

        booth.qtbot.waitUntil(scrolled_to, timeout=20_000)  # ...and sees it whole
    shots = os.environ.get("UI_SHOTS_DIR")
    if shots:
        view.page_scroll.settle_exchange()  # as shown after each line
        booth.qtbot.wait(20)
        k.grab().save(str(Path(shots) / f"kiosk-conv-{scale}-{size[0]}x{size[1]}.png"))


@pytest.mark.parametrize("updates", [1, 3, 10])
def test_a_view_deleted_with_updates_queued_raises_nothing(qtbot: Any, updates: int) -> None:
    """The class behind F13: the exchange's deferred settling must not outlive the view (a
    visit's window is deleted whenever a visitor leaves, whatever was queued just before)."""
    import shiboken6

    from app.ui.conversation_view import ConversationView
    from tests.gui.shipped import first_scenario

    holder = QWidget()
    qtbot.addWidget(holder)
    view = ConversationView(holder)
    view.begin(first_scenario(), voice=False, listen=False)
    holder.show()
    for i in range(updates):  # each queues a settle of the exchange
        view.show_manager_line(f"Line {i}?", idx=i)
        view.show_answer(f"Answer {i}", "neutral")
        view.show_notice("A notice.")
    shiboken6.delete(view)  # as a visit's window goes, before the event loop runs again
    qtbot.wait(30)  # the queued settles would run now: nothing raises
    assert not shiboken6.isValid(view)


@pytest.mark.parametrize("scale", [1.0, 1.6])
def test_the_replay_keeps_room_for_the_transcript_and_its_buttons(
    make_booth: Any, scaled: Any, scale: float
) -> None:
    """Trial 6 F28: at text size 1.6 the booth's replay squeezed the transcript to ~150 px and
    sliced "Rehearse again": the transcript keeps eight lines (the page scrolls if it must)."""
    booth = make_booth()
    k = booth.kiosk
    app = booth.visitor()
    scaled(scale)
    app.start("career-fair-booth")
    app.answer("What does your team work on all day?")
    app.finish()
    booth.qtbot.waitUntil(lambda: app.window.current_screen == "results", timeout=10_000)
    results = app.window._pages["results"]
    page = results.replay_page
    booth.qtbot.wait(50)
    lines = page.transcript.fontMetrics().lineSpacing()
    assert page.splitter.height() >= 8 * lines - 1
    panel, button = page.insights, page.insights.rehearse_button
    panel.ensureWidgetVisible(button)
    booth.qtbot.wait(10)
    top = button.mapTo(panel.viewport(), QPoint(0, 0)).y()
    assert top >= 0
    assert top + button.height() <= panel.viewport().height()
    shots = os.environ.get("UI_SHOTS_DIR")
    if shots:
        k.grab().save(str(Path(shots) / f"kiosk-replay-{scale}.png"))


def test_a_rehearsal_ended_by_the_time_cap_says_so_on_the_replay(make_booth: Any) -> None:
    booth = make_booth(max_minutes=1)
    app = booth.visitor()
    app.start("career-fair-booth")
    app.window.rehearsal._cap_timer.start(50)  # the booth's cap, a minute sooner
    app.wait_until(lambda: app.window.current_screen == "results", "the time cap", timeout=15_000)
    assert app.window.status_label.text().startswith("Time is up")


def test_the_status_line_goes_with_its_screen(make_booth: Any) -> None:
    """F24: a sentence about one screen does not stay on the next; one said after a screen
    change stays on that screen."""
    booth = make_booth()
    w = booth.visitor().window
    w.show_picker()
    for text in ("All sessions and recordings were deleted.", "Saved.", "x" * 300):
        w.show_status(text)
        assert w.status_label.text()
        w.stack.setCurrentIndex((w.stack.currentIndex() + 1) % w.stack.count())
        assert w.status_label.text() == ""
        w.show_status(text)  # said on the screen now shown: it stays there
        assert w.status_label.text()


@pytest.mark.parametrize("scale", [0.5, 1.0, 1.6, 2.0, 2.5, 3.0])
@pytest.mark.parametrize("size", [(1024, 600), (1280, 800), (1366, 768)])
def test_no_dead_band_above_the_booth_bar_and_the_answer_box_shows(
    make_booth: Any, scaled: Any, scale: float, size: tuple[int, int]
) -> None:
    """Trial 7 G16/G29/G29b: the visitor's window kept an empty two-line status bar between
    the conversation and "I'm done" (60-120 px, at every text size), while the answer box was
    sliced by the page's edge. Now the conversation reaches down to the booth's bar, and on the
    first line the answer box and Send are whole in view wherever they fit at all."""
    booth = make_booth(listen=False)
    k = booth.kiosk
    k.unlock_full_screen()
    k.showNormal()
    k.setGeometry(0, 0, *size)
    booth.qtbot.waitUntil(lambda: k.width() == size[0])
    app = booth.visitor()
    scaled(scale)
    app.start("connector-intro")
    view, window = app.window.conversation, app.window
    booth.qtbot.wait(50)
    assert not window.statusBar().isVisible()
    page = view.page_scroll
    bottom = page.mapTo(k, QPoint(0, page.height())).y()
    gap = k.done_button.mapTo(k, QPoint(0, 0)).y() - bottom
    assert gap <= 16, (scale, size, gap)  # the bar's own top margin (8 px) and no more
    rows = view.bar.height() + view.state.height()
    if rows <= page.viewport().height():
        for widget in (view.answer, view.send_button):
            booth.qtbot.waitUntil(lambda w=widget: _inside(w, page.viewport()), timeout=3000)
    # A status sentence still shows (and goes with its screen).
    window.show_status("Something to say.")
    assert window.statusBar().isVisible()


@pytest.mark.parametrize("scale", [0.5, 1.0, 1.6, 2.0, 2.5, 3.0])
@pytest.mark.parametrize("size", [(1024, 600), (1280, 800), (1366, 768)])
def test_the_attract_text_stays_inside_the_margins(
    make_booth: Any, scaled: Any, scale: float, size: tuple[int, int]
) -> None:
    """Trial 7 G17: at 2.0 on 1024x600 the attract text ran to 10 px from the screen's edges
    and the privacy sentence was cut at the foot. Every label and the button keep the booth's
    edge margin; the privacy sentence is whole in view whenever the screen's text fits."""
    from app.ui.kiosk.attract import EDGE_MARGIN_PX

    booth = make_booth(listen=False)
    k = booth.kiosk
    k.unlock_full_screen()
    k.showNormal()
    k.setGeometry(0, 0, *size)
    booth.qtbot.waitUntil(lambda: k.width() == size[0])
    scaled(scale)
    booth.qtbot.wait(30)
    attract = k.attract
    assert k.current_page is attract
    for widget in [*attract.findChildren(QLabel), attract.start_button]:
        if not widget.isVisibleTo(attract):
            continue
        left = widget.mapTo(k, QPoint(0, 0)).x()
        assert left >= EDGE_MARGIN_PX - 1, (scale, size, widget.objectName(), left)
        assert left + widget.width() <= k.width() - EDGE_MARGIN_PX + 1, (scale, size, left)
    layout = attract.layout()
    assert layout is not None
    if layout.totalHeightForWidth(attract.width()) <= k.height():
        privacy = attract.privacy
        top = privacy.mapTo(k, QPoint(0, 0)).y()
        assert top >= 0
        assert top + privacy.height() <= k.height(), (scale, size)
