"""The picker's intro says how this run's conversation goes (newcomer report, session 19: it
said "The other person will speak" with --no-voice). Every way the voice can be off (the
setting or --no-voice, no voice engine, no speakers) and every way answers can only be typed
(the setting or --no-listen, no microphone) is checked, on the desktop and the kiosk's
wording, at start and after the speech services or the settings change; and the conversation
screen started from there agrees with the intro."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from app.speech.services import SpeechServices
from app.testing.driver import FrameshiftDriver
from app.ui import window_actions
from app.ui.picker_text import ANSWERED, HEARD, START_HOW, VOICE_OFF

pytestmark = pytest.mark.gui

SETTINGS = list(itertools.product((True, False), (True, False)))  # (voice, listen)
SPEECH = ("all", "no-worker", "no-microphone", "silent-player")


def _expected(voice: bool, listen: bool) -> tuple[str, str]:
    return HEARD[voice] + ("" if voice else VOICE_OFF), ANSWERED[listen]


def _says(intro: str, voice: bool, listen: bool) -> None:
    heard, answered = _expected(voice, listen)
    assert heard in intro, intro
    assert answered in intro, intro
    if not voice:
        assert "will speak" not in intro, intro
    if not listen:
        assert "out loud" not in intro, intro


def _speech(app: FrameshiftDriver, which: str) -> SpeechServices:
    s = app.window.speech
    if which == "no-worker":
        return replace(s, worker=None)
    if which == "no-microphone":
        return replace(s, microphone=None)
    if which == "silent-player":
        assert s.player is not None
        s.player.silent = True  # type: ignore[attr-defined]
    return s


@pytest.mark.parametrize(("voice", "listen"), SETTINGS)
@pytest.mark.parametrize("which", SPEECH)
@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk-words"])
def test_the_intro_says_how_this_run_works(
    qtbot: object, tmp_path: object, voice: bool, listen: bool, which: str, kiosk: bool
) -> None:
    from pathlib import Path

    from app.testing.driver import make_driver

    app = make_driver(qtbot, Path(str(tmp_path)) / "data", voice=voice, listen=listen)
    try:
        picker = app.window.picker
        _says(picker.intro.text(), voice, listen)  # as the window opens
        if kiosk:
            picker.enter_kiosk_mode()
            assert START_HOW["kiosk"] in picker.intro.text()
        speech = _speech(app, which)
        if which != "silent-player":
            app.window.attach_speech(speech)
        else:
            window_actions.show_ways(app.window)
        heard = voice and which not in ("no-worker", "silent-player")
        spoken = listen and which != "no-microphone"
        _says(picker.intro.text(), heard, spoken)
        if kiosk:
            assert START_HOW["kiosk"] in picker.intro.text()
        # the conversation screen started now agrees with what the intro said
        app.start("alumni-call")
        view = app.window.conversation
        assert view.state.voice_audible is heard
        assert view.listen_button.isVisibleTo(view) is spoken
        if which == "no-worker":
            app.window.attach_speech(replace(speech, worker=app.speech.worker))
    finally:
        app.close()


@pytest.mark.parametrize(("voice", "listen"), SETTINGS)
def test_the_intro_follows_a_settings_change(
    frameshift_app: FrameshiftDriver, voice: bool, listen: bool
) -> None:
    """Settings saved mid-run: the intro says the new way at once."""
    window = frameshift_app.window
    window.settings = replace(window.settings, voice=voice, listen=listen)
    window_actions.show_ways(window)  # as edit_settings does after OK
    _says(window.picker.intro.text(), voice, listen)
