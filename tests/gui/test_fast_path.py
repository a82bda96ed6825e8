"""Window tests exercise the production signal paths: the speech is built by the one factory."""

from __future__ import annotations

import pytest

from app.testing.driver import FrameshiftDriver

pytestmark = pytest.mark.gui


def test_a_spoken_answer_through_the_window_takes_the_speculative_path(
    frameshift_app: FrameshiftDriver,
) -> None:
    app = frameshift_app
    app.start("connector-intro")
    app.answer("I came to hear how people here got into data work")
    worker = app.speech.worker
    assert worker is not None
    assert worker.speculative_hits >= 1  # silence_started -> speculate, wired by make_speech
    conv = app.window.rehearsal.conversation
    assert conv is not None
    assert conv.turns[1].audio_path is not None  # the answer's recording, kept via Recordings
