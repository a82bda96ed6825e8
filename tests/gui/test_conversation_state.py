"""The conversation screen says one consistent thing (newcomer report, session 5): with no
microphone every part of the screen says "type" for the whole rehearsal and the banner holds
still; with no speakers the state row says the line is shown, not spoken; the progress label
never stalls."""

from __future__ import annotations

import itertools

import pytest

from app.testing.driver import FrameshiftDriver
from app.ui.conversation_view import ConversationView
from app.ui.persona_card import PersonaCard
from tests.gui.shipped import shipped_scenarios

MICLESS = ("No microphone found: no sound system is running. Type your answer.",
           "No microphone was found.")  # fmt: skip


def _type_answer(app: FrameshiftDriver, answer: str) -> None:
    """Typed into the box and sent (the driver would say it into the microphone)."""
    rehearsal = app.window.rehearsal
    app.wait_until(lambda: rehearsal.awaiting_answer, "the app to await an answer")
    before = len(rehearsal.conversation.turns)  # type: ignore[union-attr]
    app.window.conversation.answer.setText(answer)
    app.window.conversation.send_button.click()
    app.wait_until(
        lambda: len(rehearsal.conversation.turns) > before + 1,  # type: ignore[union-attr]
        "the typed answer and the reply",
    )


@pytest.mark.parametrize("message", MICLESS)
def test_without_a_microphone_the_screen_says_type_for_the_whole_rehearsal(
    frameshift_app: FrameshiftDriver, message: str
) -> None:
    app = frameshift_app
    assert app.microphone is not None
    app.microphone.unavailable = message
    app.start("alumni-call")
    view = app.window.conversation
    app.qtbot.waitUntil(lambda: view.banner.isVisibleTo(app.window))
    shown = view.banner.text()
    assert shown.startswith(message)
    assert "typ" in shown.lower()
    caption_y = view.caption.mapTo(app.window, view.caption.rect().topLeft()).y()
    answers = ("How did you get into user research?", "What does a normal week look like?",
               "Who else should I talk to?")  # fmt: skip
    for answer in answers:
        if app.window.rehearsal.conversation.runner.current.is_end:  # type: ignore[union-attr]
            break
        _type_answer(app, answer)
        for _ in range(3):
            app.qtbot.wait(30)
            # One state, every part of the screen: the banner stays, same words, same place.
            assert view.banner.isVisibleTo(app.window)
            assert view.banner.text() == shown
            assert view.caption.mapTo(app.window, view.caption.rect().topLeft()).y() == caption_y
            assert not view.listen_button.isVisibleTo(app.window)
            assert "out loud" not in view.answer.placeholderText()
            status = view.status.text()
            assert "speak," not in status, status
            assert "Listening" not in status, status


def test_without_speakers_the_line_is_shown_not_spoken() -> None:
    scenarios = shipped_scenarios()
    view = ConversationView()
    view.begin(scenarios[0], voice=False, listen=True)
    view.show_manager_line("Hello there.", 0, scenarios[0].start)
    view.set_speaking(True)
    words = view.status.text()
    assert "is speaking" not in words
    assert "shown" in words
    assert "not spoken" in words
    view.begin(scenarios[0], voice=True, listen=True)
    view.set_speaking(True)
    assert view.status.text().endswith("is speaking…")


@pytest.mark.parametrize("estimates", [
    [5, 4, 4, 4, 3, 2, 1, 0], [4, 4, 4, 4, 4, 4, 0], [3, 5, 5, 2, 1, 0], [6, 3, 3, 3, 1, 1, 1, 0],
    [5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0], [1] * 20 + [0],
])  # fmt: skip
def test_the_progress_label_promises_no_count_and_the_bar_never_goes_back(
    estimates: list[int],
) -> None:
    """The fewest answers to an end is a floor, not a forecast (a talk of 11 answers read
    "about 5 to go" at the first and "nearly there" from the fifth on): the label says which
    answer you are on, then "Last line"; the bar moves on with each answer, never back."""
    card = PersonaCard()
    filled = []
    for answered, left in enumerate(estimates):
        card.set_progress(answered, left)
        text = card.progress_text.text()
        if left:
            assert text == f"Answer {answered + 1}", text
        assert "to go" not in text
        assert "nearly" not in text
        bar = card.progress
        filled.append(bar.value() / max(1, bar.maximum()))
    for before, after in itertools.pairwise(filled):
        assert after >= before, filled
    assert card.progress_text.text() == "Last line"


@pytest.mark.parametrize("message", [*MICLESS, "The microphone was disconnected."])
def test_a_microphone_that_hears_again_brings_listening_back(message: str) -> None:
    """Typing-only lasts while nothing is heard; once the microphone sends a level again
    (plugged back in, as the banner told), the screen offers listening again, at once."""
    scenarios = shipped_scenarios()
    view = ConversationView()
    view.begin(scenarios[0], voice=True, listen=True)
    view.show()
    view.microphone_lost(message)
    assert not view.listen_button.isVisible()
    assert view.banner.isVisible()
    view.show_notice(message + " You can keep going by typing your answers.")  # next turn
    assert view.banner.text().startswith(message)
    view.set_level(0.2)
    assert view.listen_button.isVisible()
    assert not view.banner.isVisible()
    assert "out loud" in view.answer.placeholderText()
    # A rehearsal without listening never turns it on from a stray level.
    view.begin(scenarios[0], voice=True, listen=False)
    view.microphone_lost(message)
    view.set_level(0.2)
    assert not view.listen_button.isVisible()


@pytest.mark.parametrize("message", MICLESS)
def test_a_microphone_failing_as_it_opens_gives_the_same_state_from_the_first_line(
    frameshift_app: FrameshiftDriver, message: str
) -> None:
    """The system microphone says it is missing at once, inside open() (QtMicrophone does;
    trial 6 F1): the first line already shows the one typing-only state: the reason once on
    the banner, no Listen, a placeholder without "out loud"; a patience prompt names only
    typing. (Here the microphone is attached before the window's link, so this does not
    cover a microphone attached late, which start_scenario now watches before opening.)"""
    app = frameshift_app
    mic = app.microphone
    assert mic is not None

    def open_now() -> bool:
        mic.failed.emit(message)
        return False

    mic.unavailable = message
    mic.open = open_now  # as the system microphone fails
    app.start("alumni-call")
    view = app.window.conversation
    app.qtbot.waitUntil(lambda: view.banner.isVisibleTo(app.window))
    shown = view.banner.text()
    assert shown.startswith(message)
    assert shown.count("typ") <= 2, shown  # "Type your answer." and no second typing sentence
    assert "keep going by typing" not in shown or "type" not in message.lower(), shown
    assert not view.listen_button.isVisibleTo(app.window)
    assert "out loud" not in view.answer.placeholderText()
    view.show_notice("Take your time: answer out loud when you are ready, hold Listen, or type.")
    assert "out loud" not in view.banner.text()
    assert "Listen" not in view.banner.text()


SAVING = (
    "The disk holding /data/frameshift.db is full. Free some space. (2 unsaved turns kept in "
    "memory.)",
    "The data folder /data is read-only, so nothing can be saved there. Try again once that is "
    "put right. (1 unsaved turn kept in memory.)",
)


@pytest.mark.parametrize(("saving", "mic"), list(itertools.product(SAVING, [*MICLESS, None])))
def test_a_saving_failure_outranks_every_other_notice_until_writes_succeed(
    saving: str, mic: str | None
) -> None:
    """Trial 6 F22b: a refused write is on top of the banner for the rest of the rehearsal,
    above the no-microphone sentence and any passing notice, through answers taken and the
    microphone coming back; it goes when everything kept is written ("") or a new rehearsal
    begins."""
    scenarios = shipped_scenarios()
    view = ConversationView()
    view.begin(scenarios[0], voice=True, listen=True)
    view.show()
    if mic is not None:
        view.microphone_lost(mic)
    view.hold_notice(saving)
    for passing in ("I didn't catch that. Say it again, or type your answer.", None, saving):
        if passing is None:
            view.clear_notice()  # an answer was taken
        else:
            view.show_notice(passing)
        lines = view.banner.text().split("\n")
        assert view.banner.isVisible()
        assert lines[0] == saving
        assert lines.count(saving) == 1
        if mic is not None and passing is None:
            assert lines[1].startswith(mic)
    if mic is not None:
        view.set_level(0.2)  # it hears again: the microphone's sentence goes, saving stays
        assert view.banner.text() == saving
    view.hold_notice("")  # everything kept was written
    assert not view.banner.isVisible()
    view.hold_notice(saving)
    view.begin(scenarios[0], voice=True, listen=True)
    assert not view.banner.isVisible()
