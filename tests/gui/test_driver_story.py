"""A driver wait that runs out tells the story: what, how long, the line, the phase, the banner."""

from __future__ import annotations

import re

import pytest

from app.testing.driver import FrameshiftDriver, WaitTimeoutError

pytestmark = pytest.mark.gui


def test_a_failed_wait_says_what_the_app_was_doing(frameshift_app: FrameshiftDriver) -> None:
    app = frameshift_app
    first = app.start("connector-intro")
    assert app.microphone is not None
    app.microphone.fail("The microphone was disconnected.")
    with pytest.raises(WaitTimeoutError) as failed:
        app.wait_until(lambda: app.window.rehearsal.listening, "the app to listen", timeout=300)
    story = str(failed.value)
    # The story gives the time really waited: at least the 300 ms asked for, more on a busy
    # machine (the wait checks between event-loop turns).
    waited = re.search(r"Waited (\d+) ms for the app to listen\.", story)
    assert waited is not None, story
    assert int(waited[1]) >= 300
    assert f'"{first}" (already returned by start()/answer())' in story
    assert "Phase: WAITING" in story
    assert "The microphone was disconnected." in story  # the banner on screen


def test_the_story_says_when_a_line_was_not_returned_yet(
    frameshift_app: FrameshiftDriver,
) -> None:
    app = frameshift_app
    app.start("connector-intro")
    app.window.rehearsal.submit_text("I came to hear how people got into data work")
    app.qtbot.waitUntil(lambda: app.window.rehearsal.awaiting_answer)
    story = app.story("a check", 12.0)
    assert "(not yet returned)" in story
    assert "Screen: " in story
