"""The replay screen, history chart and exports, driven in the real window on stored sessions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "report"))
from report_helpers import EVIL, SCRIPT, seed_session

from app.store import Store
from app.testing.driver import FrameshiftDriver
from app.ui.replay import ResultsView

pytestmark = pytest.mark.gui

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
    assert "Turn 6" in shift
    assert "committed you" in shift
    assert "<u>Yes</u>" in shift  # the words that caused it, highlighted
    assert results.coach.isVisibleTo(results)
    assert "I don&#x27;t know yet" in results.coach.text()
    assert results.retry_button.isEnabled()
    text = results.transcript.toPlainText()
    assert EVIL in text  # hostile text shows as text
    assert "it shifted here" in text
    metrics = results.metrics.text()
    assert "You asked 2 questions" in metrics
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
    assert "Turn 7 of 8" in results.now_label.text()
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
    assert left.startswith("5. Marcus Okafor:")
    assert "Yes!" in left
    assert "shifted here" in left
    assert "not sure yet" in right
    assert "shifted here" not in right
    assert "Shifted at turn 6" in view.summaries[0].text()
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
    assert list(chart.questions) == [2.0, 3.0, 3.0, 3.0, 3.0, 3.0]
    assert "100% stayed a mutual exploration" in app.window.history.summary.text()
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
