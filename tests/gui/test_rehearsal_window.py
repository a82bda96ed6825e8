"""The real window, driven like a user: a whole rehearsal, results, history, retry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.store import Store
from app.testing.driver import FrameshiftDriver

pytestmark = pytest.mark.gui


def _store(app: FrameshiftDriver) -> Store:
    assert app.window.store is not None
    return app.window.store


def test_eager_yes_is_marked_as_the_shift(frameshift_app: FrameshiftDriver) -> None:
    """The seed story: an eager "Yes!" to "are you interested in the position?" is the shift."""
    app = frameshift_app
    app.start("connector-intro")
    line = app.answer("I came to hear how people here got into data work")
    line = app.answer("Oh nice, what do the pipelines feed into?")
    for _ in range(4):
        if "interested in the position" in line.lower():
            break
        line = app.answer("That sounds interesting, tell me more")
    assert "interested in the position" in line.lower()
    conv = app.window.rehearsal.conversation
    assert conv is not None
    yes_turn = len(conv.turns)
    app.answer("Yes!")
    sid = app.finish()
    results = app.open_replay()
    session = _store(app).session(sid)
    assert session.shift_turn == yes_turn
    assert results.timeline.shift == yes_turn
    text = results.shift.text()
    answer = sum(1 for t in conv.turns[:yes_turn] if t.speaker == "seeker") + 1
    assert f"Answer {answer}" in text  # the N-th of the seeker's answers (report.AnswerNumbers)
    assert "Yes" in text
    assert results.coach.isVisibleTo(results)
    assert "What you could have said" in results.coach.text()


@pytest.mark.frameshift(voice=False, listen=False)
def test_typed_rehearsal_reaches_an_end_and_saves_every_turn(
    frameshift_app: FrameshiftDriver,
) -> None:
    """With voice and listening off, typing answers plays a scenario to an outcome."""
    app = frameshift_app
    assert not app.window.conversation.listen_button.isVisibleTo(app.window)
    app.start("coffee-referral")
    answers = [
        "Thanks so much for making time, I'm curious how you got into product work",
        "What surprised you most when you moved into it?",
        "I'm honestly not sure yet whether it's for me, I'd like to learn more first",
        "Who else do you think I should talk to?",
        "What advice would you give someone in my position?",
        "That's really helpful, thank you",
        "Thanks again",
        "Thanks",
    ]
    for text in answers:
        if app.window.rehearsal.conversation.finished:  # type: ignore[union-attr]
            break
        app.answer(text)
    sid = app.finish()
    session = _store(app).session(sid)
    turns = _store(app).turns(sid)
    assert session.status == "finished"
    assert session.outcome_label
    assert [t.speaker for t in turns][:2] == ["manager", "seeker"]
    assert all(t.text for t in turns)
    seeker = [t for t in turns if t.speaker == "seeker"]
    assert seeker
    assert all(t.frame in {"exploration", "interview", "neutral"} for t in seeker)
    assert app.spoken_lines == []  # voice off: nothing rendered


def test_each_turn_is_on_disk_before_the_next_line(frameshift_app: FrameshiftDriver) -> None:
    """A crash after any answer loses nothing: the turn is in the database already."""
    app = frameshift_app
    app.start("alumni-call")
    sid = app.window.rehearsal.session_id
    assert sid is not None
    app.answer("Thanks for taking my call, how did you end up in research?")
    with Store(app.settings.database_path) as other:  # a second connection, like a new process
        texts = [t.text for t in other.turns(sid)]
    assert "Thanks for taking my call, how did you end up in research?" in texts
    assert len(texts) >= 3  # manager line, answer, next manager line


def test_voice_speaks_every_line_and_repeats_on_request(frameshift_app: FrameshiftDriver) -> None:
    """Each manager line is rendered once (cached) and "repeat that" plays the same WAV again."""
    app = frameshift_app
    first = app.start("career-fair-booth")
    assert first in app.spoken_lines
    assert app.player is not None
    played = list(app.player.played)
    assert played
    app.window.conversation.repeat_button.click()
    app.qtbot.waitUntil(lambda: len(app.player.played) > len(played))
    assert app.player.played[-1] == played[-1]
    assert app.spoken_lines.count(first) == 1  # the cache served the repeat
    assert app.manager_line() == first
    app.wait_for_manager_line()
    assert app.window.rehearsal.awaiting_answer


def test_manager_audio_is_kept_with_the_session(frameshift_app: FrameshiftDriver) -> None:
    """The WAV of each spoken manager line is stored with the session for the replay."""
    app = frameshift_app
    app.start("connector-intro")
    app.answer("Hello, I'm here to learn about data teams")
    sid = app.finish()
    turns = _store(app).turns(sid)
    manager = [t for t in turns if t.speaker == "manager"]
    assert manager
    assert all(t.audio_path for t in manager)
    for t in manager:
        assert (app.settings.data_dir / str(t.audio_path)).is_file()
    seeker = [t for t in turns if t.speaker == "seeker"]
    assert seeker
    assert all(t.audio_path for t in seeker)


def test_microphone_failure_shows_a_banner_and_typing_still_works(
    frameshift_app: FrameshiftDriver,
) -> None:
    """No microphone: a clear banner, no crash, and the typed box carries on."""
    app = frameshift_app
    assert app.microphone is not None
    app.microphone.unavailable = "No microphone was found."
    app.start("director-informational")
    banner = app.window.conversation.banner
    app.qtbot.waitUntil(lambda: banner.isVisibleTo(app.window))
    assert "No microphone was found" in banner.text()
    assert "typing" in banner.text()
    conv = app.window.conversation
    before = len(app.window.rehearsal.conversation.turns)  # type: ignore[union-attr]
    conv.answer.setText("What drew you to sustainability work?")
    conv.send_button.click()
    app.qtbot.waitUntil(
        lambda: len(app.window.rehearsal.conversation.turns) > before + 1  # type: ignore[union-attr]
    )


def test_unrecognized_answer_asks_to_repeat(frameshift_app: FrameshiftDriver) -> None:
    """An answer the recognizer returns empty is not recorded; the user is asked again."""
    app = frameshift_app
    app.start("alumni-call")
    rehearsal = app.window.rehearsal
    before = len(rehearsal.conversation.turns)  # type: ignore[union-attr]
    assert app.microphone is not None
    app.microphone.say("")  # heard something, recognized nothing
    banner = app.window.conversation.banner
    app.qtbot.waitUntil(lambda: "didn't catch that" in banner.text())
    assert len(rehearsal.conversation.turns) == before  # type: ignore[union-attr]
    app.answer("How did you get into user research?")
    assert len(rehearsal.conversation.turns) > before  # type: ignore[union-attr]


def test_history_lists_reopens_and_deletes_with_audio(
    frameshift_app: FrameshiftDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """History shows the session, reopens its results, and deletion removes its audio."""
    from PySide6.QtWidgets import QMessageBox

    app = frameshift_app
    app.start("pushy-recruiter")
    app.answer("Hi, I'm exploring what's out there, what kinds of roles do you usually fill?")
    sid = app.finish()
    audio_dir = app.settings.audio_dir / str(sid)
    assert audio_dir.is_dir()
    assert any(audio_dir.iterdir())
    app.window.show_history()
    table = app.window.history.table
    assert table.model().rowCount() == 1
    table.setCurrentIndex(table.model().index(0, 0))
    app.window.history.open_button.click()
    assert app.window.stack.currentWidget() is app.window.results
    app.window.show_history()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    table.setCurrentIndex(table.model().index(0, 0))
    app.qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert table.model().rowCount() == 0
    assert not audio_dir.exists()
    assert _store(app).count_sessions() == 0


def test_try_again_from_the_pivot_keeps_the_turns_before_it(
    frameshift_app: FrameshiftDriver,
) -> None:
    """Retry restarts at the pivotal manager line with the earlier turns copied."""
    app = frameshift_app
    app.start("connector-intro")
    line = app.answer("I came to hear how people here got into data work")
    while "interested in the position" not in line.lower():
        line = app.answer("Interesting, tell me more about that")
    app.answer("Yes, absolutely!")
    first = app.finish()
    results = app.open_replay()
    assert results.retry_button.isEnabled()
    old_turns = _store(app).turns(first)
    results.retry_button.click()
    retry_line = app.wait_for_manager_line()
    assert "interested in the position" in retry_line.lower()
    app.answer("I'm not sure yet, I'd like to understand the team's work before I could say")
    second = app.finish()
    new = _store(app).session(second)
    assert new.parent_session_id == first
    new_turns = _store(app).turns(second)
    pivot = new.retry_from_turn
    assert pivot is not None
    assert [t.text for t in new_turns[:pivot]] == [t.text for t in old_turns[:pivot]]
    assert new.shift_turn is None or new.shift_turn != _store(app).session(first).shift_turn


def test_typed_answer_can_interrupt_the_line_being_spoken(
    frameshift_app: FrameshiftDriver,
) -> None:
    """Reading the caption and typing before the voice finishes is allowed and ends the line."""
    app = frameshift_app
    app.start("coffee-referral")
    rehearsal = app.window.rehearsal
    conv = rehearsal.conversation
    assert conv is not None
    assert rehearsal.submit_text("Thanks for meeting me, how did you get into product?")
    assert not rehearsal.awaiting_answer  # the next line is being rendered and spoken
    before = len(conv.turns)
    assert rehearsal.submit_text("Sorry to jump in, what does a normal week look like for you?")
    assert len(conv.turns) == before + 2  # the answer and the next manager line
    line = app.wait_for_manager_line()
    assert line == conv.turns[-1].text
    assert rehearsal.awaiting_answer
