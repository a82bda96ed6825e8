"""The replay screen, history chart and exports, driven in the real window on stored sessions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QFontMetricsF, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "report"))
from report_helpers import EVIL, SCRIPT, seed_session

from app.store import Store
from app.testing.driver import FrameshiftDriver
from app.ui.replay import ResultsView
from tests.gui.shipped import windows_share_the_shipped_scenarios

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _scenarios_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's window reads the shipped scenarios from one shared load (reading them all
    again took ~1-5 s of each window's start; tests/gui/shipped.py)."""
    windows_share_the_shipped_scenarios(monkeypatch)


RETRY_SCRIPT = list(SCRIPT)
RETRY_SCRIPT[5] = (
    "seeker",
    "Honestly I'm not sure yet, I'd love to understand what your team is working on before I "
    "could say",
    None,  # type: ignore[list-item]
    3.0,
)
RETRY_SCRIPT[6] = ("manager", "Fair enough. What would you want to know about it?", "probes", 2.0)
RETRY_SCRIPT[7] = ("seeker", "What does a good first year look like on your team?", None, None)  # type: ignore[list-item]


def _store(app: FrameshiftDriver) -> Store:
    assert app.window.store is not None
    return app.window.store


def _open(app: FrameshiftDriver, **kwargs: object) -> tuple[int, ResultsView]:
    sid = seed_session(_store(app), app.settings.data_dir, **kwargs)  # type: ignore[arg-type]
    app.window.show_results(sid)
    results = app.window.results
    assert app.window.stack.currentWidget() is results
    return sid, results


def test_replay_shows_the_shift_its_words_and_the_coach(frameshift_app: FrameshiftDriver) -> None:
    """At the shift: the words (highlighted), the explanation and the coach's alternative."""
    _sid, results = _open(frameshift_app)
    assert results.timeline.shift == 5
    shift = results.shift.text()
    assert "Answer 3" in shift  # turn 5: the third of your answers
    assert "committed you" in shift
    assert "<u>Yes</u>" in shift  # the words that caused it, highlighted
    assert results.coach.isVisibleTo(results)
    assert "I don&#x27;t know yet" in results.coach.text()
    assert results.retry_button.isEnabled()
    text = results.transcript.toPlainText()
    assert EVIL in text  # hostile text shows as text
    assert "it shifted here" in text
    metrics = results.metrics.text()
    assert "You asked 2 curious questions" in metrics
    assert "words per minute" in metrics
    assert "um" in metrics
    assert "href='turn:1'" in metrics


def test_playback_plays_both_voices_and_holds_typed_captions(
    frameshift_app: FrameshiftDriver,
) -> None:
    """Play goes through every turn: WAVs for voices, a reading pause for typed answers."""
    app = frameshift_app
    _sid, results = _open(app)
    results.playback.time_scale = 0.01
    visited: list[int] = []
    captions: list[int] = []
    results.playback.turn_changed.connect(visited.append)
    results.playback.caption_only.connect(captions.append)
    assert app.player is not None
    before = len(app.player.played)
    results.play_button.click()
    assert results.playback.playing
    assert results.play_button.text() == "Pause"
    app.qtbot.waitUntil(lambda: not results.playback.playing, timeout=5000)
    played = [p.name for p in app.player.played[before:]]
    expected = [f"{i:03d}-{s}.wav" for i, (s, _t, _n, sec) in enumerate(SCRIPT) if sec is not None]
    assert played == expected
    assert visited == list(range(1, len(SCRIPT)))
    assert captions == [3, 7]
    assert results.timeline.current == len(SCRIPT) - 1
    assert results.play_button.text() == "Play"


def test_pause_stops_and_jumping_moves_the_marker(frameshift_app: FrameshiftDriver) -> None:
    """Pause stops playback; a jump moves the current turn and the timeline marker."""
    app = frameshift_app
    _sid, results = _open(app)
    results.playback.time_scale = 100  # captions long enough to pause inside one
    results.jump_to(3)  # a typed answer
    results.play_button.click()
    assert results.playback.playing
    results.play_button.click()
    assert not results.playback.playing
    assert results.playback.current == 3
    results.jump_to_turn(6)
    assert results.timeline.current == 6
    assert results.timeline.position == 6.0
    assert "Marcus Okafor · before answer 4" in results.now_label.text()
    assert "your experience with data pipelines" in results.caption.text()


def test_keyboard_shortcuts_drive_the_replay(frameshift_app: FrameshiftDriver) -> None:
    """Right/Left step, End/Home go to the ends, S jumps to the shift, Space plays and pauses."""
    app = frameshift_app
    _sid, results = _open(app)
    results.playback.time_scale = 100
    results.timeline.setFocus()
    qtbot = app.qtbot
    qtbot.keyClick(results.timeline, Qt.Key.Key_Right)
    assert results.playback.current == 1
    qtbot.keyClick(results.timeline, Qt.Key.Key_End)
    assert results.playback.current == len(SCRIPT) - 1
    qtbot.keyClick(results.timeline, Qt.Key.Key_Left)
    assert results.playback.current == len(SCRIPT) - 2
    qtbot.keyClick(results.timeline, Qt.Key.Key_Home)
    assert results.playback.current == 0
    qtbot.keyClick(results.timeline, Qt.Key.Key_S)
    assert results.playback.current == 5
    qtbot.keyClick(results.timeline, Qt.Key.Key_Space)
    assert results.playback.playing
    qtbot.keyClick(results.timeline, Qt.Key.Key_Space)
    assert not results.playback.playing
    tips = {b.objectName(): b.toolTip() for b in (results.play_button, results.shift_button)}
    assert "(Space)" in tips["playButton"]
    assert "(S)" in tips["jumpToShiftButton"]
    assert "(Home)" in results.first_button.toolTip()
    assert "(End)" in results.last_button.toolTip()
    assert "(Left)" in results.prev_button.toolTip()
    assert "(Right)" in results.next_button.toolTip()


def test_clicking_a_mark_or_a_metric_jumps_there(frameshift_app: FrameshiftDriver) -> None:
    """A click on a timeline mark, a metric's turn link or a transcript turn jumps there."""
    app = frameshift_app
    _sid, results = _open(app)
    tl = results.timeline
    x = round(tl._x(4))
    app.qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=QPoint(x, tl.height() // 2))
    assert results.playback.current == 4
    results.metrics.linkActivated.emit("turn:1")
    assert results.playback.current == 1
    results.transcript.anchorClicked.emit(QUrl("turn:7"))
    assert results.playback.current == 7


@pytest.mark.parametrize("suffix", ["html", "json", "csv"])
def test_export_button_saves_the_chosen_file(
    frameshift_app: FrameshiftDriver,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    suffix: str,
) -> None:
    """The export button asks where to save and writes that format there."""
    app = frameshift_app
    sid, results = _open(app)
    target = tmp_path / "out" / f"my report.{suffix}"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    written: list[str] = []
    results.exported.connect(written.append)
    results.export_button.click()
    assert written == [str(target.resolve())]
    body = target.read_text(encoding="utf-8")
    if suffix == "html":
        assert "<svg" in body
        assert "data:audio/wav;base64," in body
    elif suffix == "json":
        assert json.loads(body)["session"]["id"] == sid
    else:
        assert body.splitlines()[0].startswith("session_id,turn,speaker,text")
    assert "Saved" in results.status.text()


def test_export_refuses_a_symlink_out_of_the_folder(
    frameshift_app: FrameshiftDriver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A chosen name that is a link leading outside its folder is refused, with a message."""
    app = frameshift_app
    _sid, results = _open(app)
    (tmp_path / "usb").mkdir()
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "usb" / "report.html"
    link.symlink_to(tmp_path / "elsewhere" / "victim.html")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(link), ""))
    results.export_button.click()
    assert not (tmp_path / "elsewhere" / "victim.html").exists()
    assert "Could not export" in results.status.text()


def test_retry_and_first_attempt_compare_side_by_side(frameshift_app: FrameshiftDriver) -> None:
    """A retry offers a side-by-side view from the pivot: frames, shift or not, outcome."""
    app = frameshift_app
    first, results = _open(app)
    assert not results.compare_button.isVisibleTo(results)
    retry = seed_session(
        _store(app),
        app.settings.data_dir,
        started_at=1_760_000_600.0,
        parent_session_id=first,
        retry_from_turn=4,
        script=RETRY_SCRIPT,
    )
    app.window.show_results(retry)
    assert results.compare_button.isVisibleTo(results)
    assert "first attempt" in results.compare_button.text()
    results.compare_button.click()
    view = results.comparison
    assert results.pages.currentWidget() is view
    assert view.verdict.text() == "The retry kept it a mutual exploration."
    left, right = (c.toPlainText() for c in view.columns)
    marked = view.columns[0].toHtml()  # the cue words are marked, as in the replay: bold,
    assert 'font-weight:700;">Yes</span>' in marked  # not underlined (no link), and only yours
    assert "underline" not in marked
    assert "Walk me through</span>" not in marked
    assert left.startswith("Marcus Okafor:")
    assert "Yes!" in left
    assert "shifted here" in left
    assert "not sure yet" in right
    assert "shifted here" not in right
    assert "Shifted at answer 3" in view.summaries[0].text()
    assert "Stayed exploratory" in view.summaries[1].text()
    view.open_buttons[0].click()
    assert app.window.last_session_id == first
    assert results.pages.currentWidget() is results.replay_page
    assert "your retry" in results.compare_button.text()


def test_leaving_the_replay_stops_playback(frameshift_app: FrameshiftDriver) -> None:
    """Going to History while playing stops the voices."""
    app = frameshift_app
    _sid, results = _open(app)
    results.playback.time_scale = 100
    results.jump_to(3)
    results.play_button.click()
    assert results.playback.playing
    app.window.show_history()
    assert not results.playback.playing


def test_history_chart_shows_progress_over_sessions(frameshift_app: FrameshiftDriver) -> None:
    """The chart's rolling share of sessions kept in exploration follows the stored sessions."""
    app = frameshift_app
    store = _store(app)
    data = app.settings.data_dir
    for i in range(6):  # shifted, then five that stayed exploratory
        seed_session(
            store,
            data,
            started_at=1_760_000_000.0 + i * 1000,
            script=SCRIPT if i == 0 else RETRY_SCRIPT,
        )
    app.window.show_history()
    chart = app.window.history.chart
    assert list(chart.share) == [0.0, 0.5, 2 / 3, 0.75, 0.8, 1.0]
    # Saved without a question count: the newest five are counted before the paint, the
    # oldest just after it (app.report.questions.Backfill), and stored.
    assert list(chart.questions)[1:] == [3.0, 3.0, 3.0, 3.0, 3.0]
    app.wait_until(lambda: not app.window.history.counting, "the older sessions counted")
    assert list(chart.questions) == [2.0, 3.0, 3.0, 3.0, 3.0, 3.0]
    assert [r["seeker_questions"] for r in store.progress()] == [2, 3, 3, 3, 3, 3]
    assert "of the last 5, all 5 stayed a mutual exploration" in app.window.history.summary.text()
    assert not chart.grab().isNull()


def test_delete_all_data_removes_sessions_and_audio(
    frameshift_app: FrameshiftDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Delete all data, confirmed, empties the history and removes every recording."""
    app = frameshift_app
    sid = seed_session(_store(app), app.settings.data_dir)
    audio = app.settings.audio_dir / str(sid)
    assert any(audio.iterdir())
    app.window.show_history()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    app.window.history.delete_all_button.click()
    assert _store(app).count_sessions() == 0
    assert not audio.exists()
    assert app.window.history.model.rowCount() == 0


# -- fit, next steps and icons (issue 14) ---------------------------------------------------------


def _inside(child: QWidget, area: QScrollArea) -> bool:
    """Whether ``child`` lies wholly within the scroll area's visible viewport."""
    viewport = area.viewport()
    top_left = child.mapTo(viewport, QPoint(0, 0))
    rect = QRect(top_left, child.size())
    return viewport.rect().contains(rect)


def _clipped_texts(root: QWidget) -> list[str]:
    """Visible one-line labels and buttons whose text is wider than the widget."""
    cut = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.width() <= 0:
            continue
        if isinstance(w, QPushButton):
            need = w.sizeHint().width()
        elif (
            isinstance(w, QLabel) and not w.wordWrap() and w.textFormat() != Qt.TextFormat.RichText
        ):
            need = w.fontMetrics().horizontalAdvance(w.text())
        else:
            continue
        if need > w.width() + 1:
            cut.append(f"{w.objectName() or type(w).__name__}: {need} > {w.width()}")
    return cut


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800), (1228, 768)])
def test_the_shift_and_the_coach_fit_without_scrolling(
    frameshift_app: FrameshiftDriver, size: tuple[int, int]
) -> None:
    """On a laptop screen the shift, its explanation and "What you could have said" are all
    visible at once, and the panel opens at the top for every new replay."""
    app = frameshift_app
    app.window.resize(*size)
    sid, results = _open(app)
    app.qtbot.waitUntil(lambda: results.insights.viewport().height() > 100)
    app.qtbot.wait(20)
    panel = results.insights
    assert panel.verticalScrollBar().value() == 0
    assert _inside(results.shift, panel), "the shift card is cut or scrolled away"
    assert _inside(results.coach, panel), "'What you could have said' needs scrolling"
    assert _inside(results.retry_button, panel)
    # Scrolled down in one replay, the next opens at the top again.
    panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum())
    app.window.show_results(sid)
    app.qtbot.wait(20)
    assert panel.verticalScrollBar().value() == 0
    assert _clipped_texts(results) == []


def test_large_text_fits_the_screen_and_cuts_nothing(frameshift_app: FrameshiftDriver) -> None:
    """At --font-scale 1.5 the replay still fits a 1366x768 screen: the window needs no more
    than the screen, the timeline's legend has its full height, no button or label is cut."""
    from app.ui.theme import apply_theme

    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    apply_theme(qapp, "light", 1.5)
    try:
        app.window.resize(1366, 768)
        _sid, results = _open(app)
        app.qtbot.wait(50)
        need = app.window.minimumSizeHint()
        assert need.width() <= 1366, need
        assert need.height() <= 768, need
        assert app.window.width() <= 1366
        assert app.window.height() <= 768
        tl = results.timeline
        legend, above, _below = tl._bands()
        assert legend >= QFontMetricsF(tl._small_font()).height()
        assert tl.height() >= tl.minimumHeight()
        assert tl._plot_rect().top() >= above
        assert _clipped_texts(results) == []
    finally:
        apply_theme(qapp, "light", 1.0)


def test_rehearse_again_and_try_another_scenario(frameshift_app: FrameshiftDriver) -> None:
    """With or without a shift the replay offers "Rehearse again" (the same scenario from its
    start) and "Try another scenario" (the list)."""
    app = frameshift_app
    first, results = _open(app)
    assert results.retry_button.isVisibleTo(results)
    retry = seed_session(
        _store(app), app.settings.data_dir, parent_session_id=first, script=RETRY_SCRIPT
    )
    app.window.show_results(retry)  # this one kept it exploratory: no shift
    assert not results.retry_button.isVisibleTo(results)
    assert results.rehearse_button.isVisibleTo(results)
    assert results.rehearse_button.isEnabled()
    assert results.back_button.text().replace("&", "") == "Try another scenario"
    results.back_button.click()
    assert app.window.stack.currentWidget() is app.window.picker
    app.window.show_results(retry)
    with app.qtbot.waitSignal(results.rehearse_requested) as asked:
        results.rehearse_button.click()
    assert asked.args == ["connector-intro"]
    line = app.wait_for_manager_line()  # the same scenario, from its first line
    assert app.window.current_screen == "conversation"
    conv = app.window.rehearsal.conversation
    assert conv is not None
    assert conv.scenario.id == "connector-intro"
    assert line


@pytest.mark.parametrize("theme", ["light", "dark", "high_contrast"])
def test_playback_icons_have_the_contrast_of_text(
    frameshift_app: FrameshiftDriver, theme: str
) -> None:
    """The playback icons are painted in the theme's icon colour, so they show on dark themes."""
    from app.ui.theme import apply_theme

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    apply_theme(qapp, theme, 1.0)
    try:
        _sid, results = _open(frameshift_app)
        controls = results.controls
        background = controls.palette().color(QPalette.ColorRole.Window)
        for button in controls.buttons:
            image = button.icon().pixmap(32, 32).toImage()
            inked = [
                image.pixelColor(x, y)
                for x in range(image.width())
                for y in range(image.height())
                if image.pixelColor(x, y).alpha() > 200
            ]
            assert len(inked) > 40, f"{button.objectName()} has no visible icon"
            ink = inked[len(inked) // 2]
            assert ink.rgb() == controls.icon_colour().rgb()
            assert _contrast(ink, background) >= 3.0, (button.objectName(), theme)
    finally:
        apply_theme(qapp, "light", 1.0)


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_history_words_titles_and_a_safe_delete(frameshift_app: FrameshiftDriver) -> None:
    """History says in words what became of a session cut short, shows whole titles, and its
    delete confirmation keeps the data when Enter is pressed."""
    app = frameshift_app
    store = _store(app)
    sid = seed_session(store, app.settings.data_dir)
    crashed = Store(app.settings.database_path)  # another run that died mid-conversation
    cut = crashed.create_session(
        scenario_id="connector-intro",
        scenario_title="Introduced to a hiring manager at an industry evening",
        persona="Marcus Okafor",
        mode="voice",
        started_at=1_760_000_900.0,
    )
    crashed.close()
    assert store.mark_interrupted() == 1
    app.window.resize(1000, 700)
    app.window.show_history()
    history = app.window.history
    app.qtbot.wait(20)
    model = history.model
    texts = [model.data(model.index(r, c)) for r in range(model.rowCount()) for c in range(4)]
    assert not any(t == "interrupted" or t == "Interrupted" for t in texts)
    row = next(r for r in range(model.rowCount()) if model.rows[r].id == cut)
    assert "cut short" in model.data(model.index(row, 2)).lower()
    table = history.table
    title_width = table.fontMetrics().horizontalAdvance(model.rows[row].scenario_title)
    lines = -(-title_width // max(1, table.columnWidth(1) - 12))
    assert table.rowHeight(row) >= lines * table.fontMetrics().lineSpacing()

    seen: list[str] = []

    def press_enter_on_the_dialog() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        default = box.defaultButton()
        seen.append(str(box.standardButton(default).name) if default else "none")
        app.qtbot.keyClick(box, Qt.Key.Key_Return)

    table.selectRow(next(r for r in range(model.rowCount()) if model.rows[r].id == sid))
    QTimer.singleShot(50, press_enter_on_the_dialog)
    history.delete_button.click()
    assert seen == ["No"]
    assert store.count_sessions() == 2


def test_coaching_follows_the_turn_being_played(frameshift_app: FrameshiftDriver) -> None:
    """At a later interview-framed answer the panel coaches that answer; at the shift the
    shift card does, and an exploratory turn shows no coaching."""
    _sid, results = _open(frameshift_app)
    card = results.insights.turn_coach
    results.jump_to_turn(7)
    assert card.isVisibleTo(results)
    assert "What you could have said:" in card.text()
    assert "Instead:" in results.transcript.toPlainText()
    results.jump_to_shift()
    assert not card.isVisibleTo(results)
    results.jump_to_turn(1)
    assert not card.isVisibleTo(results)
