"""With the voice off, the manager's last line is shown long enough to read before the replay.

Trial 11 (newcomer N11): with --no-voice the last answer jumped straight to the replay, so the
manager's closing line was never seen on the conversation screen. Voiced, it is heard first.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.session.rehearsal import READING_MS, reading_ms
from app.testing.driver import FrameshiftDriver

pytestmark = pytest.mark.gui

ANSWERS = [
    "Thanks so much for making time, I'm curious how you got into product work",
    "What surprised you most when you moved into it?",
    "I'm honestly not sure yet whether it's for me, I'd like to learn more first",
    "Who else do you think I should talk to?",
    "What advice would you give someone in my position?",
    "That's really helpful, thank you",
    "Thanks again",
    "Thanks",
    "Thank you",
    "Bye",
]


@given(st.lists(st.text(min_size=1, max_size=12).filter(str.strip), max_size=80))
def test_reading_time_grows_with_the_words_within_bounds(words: list[str]) -> None:
    text = " ".join(words)
    low, high = READING_MS
    assert low <= reading_ms(text) <= high
    assert reading_ms(text) <= reading_ms(text + " and a few more words at its end") or (
        reading_ms(text) == high
    )


@pytest.mark.frameshift(voice=False, listen=False)
def test_the_closing_line_is_on_screen_before_the_replay(frameshift_app: FrameshiftDriver) -> None:
    app = frameshift_app
    w = app.window
    app.start("coffee-referral")
    rehearsal = w.rehearsal
    conv = rehearsal.conversation
    assert conv is not None

    def ready() -> bool:
        return rehearsal.awaiting_answer or conv.reached_end

    for text in ANSWERS:
        app.qtbot.waitUntil(ready, timeout=10_000)
        if conv.reached_end:
            break
        w.conversation.answer.setText(text)
        w.conversation.send_button.click()
        app.qtbot.waitUntil(ready, timeout=10_000)
    assert conv is not None
    assert conv.reached_end, "the scenario reached no end in these answers"
    last = conv.turns[-1]
    assert last.speaker == "manager"
    reached = time.monotonic()
    app.qtbot.wait(READING_MS[0] // 2)
    assert w.stack.currentWidget() is w.conversation  # not the replay yet
    assert w.conversation.caption.text() == last.text  # the closing line, to read
    app.qtbot.waitUntil(lambda: w.stack.currentWidget() is w.results, timeout=15_000)
    assert time.monotonic() - reached >= READING_MS[0] / 1000 * 0.9
