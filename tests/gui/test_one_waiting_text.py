"""One waiting state, one sentence (newcomer report, session 19: "two status texts alternate
for the same waiting state"). With the voice off or no microphone the screen used to say the
same thing two ways and switch between them: the state row's "<name>'s line is shown above
(not spoken): type your answer below" then "Your turn: type your answer below" for a line that
is simply awaiting a typed answer; "Thinking…" coming back after the reply was already shown
(A → B → A within one turn); and, with no microphone, the banner's kept "No microphone found
… type your answer" replaced after the patience time by "Take your time: type your answer
below." and back again at each answer. Every scenario is talked through under every way of
being without a voice or a microphone, and each text shown is recorded as it is set."""

from __future__ import annotations

import pytest

from app.dialogue import installed_scenario_dirs, load_scenarios
from app.testing.driver import FrameshiftDriver
from app.ui.listen_state import ListenState
from app.ui.notice_banner import NoticeBanner

pytestmark = pytest.mark.gui

SCENARIOS = sorted(s.id for s in load_scenarios(installed_scenario_dirs())[0])[:5]
ANSWERS = ("How did you get into this work?", "What does a normal week look like?")
NO_MIC = "No microphone found. Choose one in Settings > Microphone, or type your answer."
WAYS = {
    "voice-off-no-mic": ({"voice": False}, True),
    "voice-off-listen-off": ({"voice": False, "listen": False}, False),
    "voice-on-no-mic": ({}, True),
    "no-speakers-no-mic": ({"silent": True}, True),
}


def _no_repeats(texts: list[str]) -> None:
    """Consecutive duplicates merged, no text comes back after another one replaced it."""
    merged = [t for i, t in enumerate(texts) if i == 0 or texts[i - 1] != t]
    assert len(merged) == len(set(merged)), merged


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("way", list(WAYS))
def test_one_text_per_waiting_state(
    qtbot: object, tmp_path: object, monkeypatch: pytest.MonkeyPatch, scenario: str, way: str
) -> None:
    from pathlib import Path

    from app.testing.driver import make_driver

    settings, no_mic = WAYS[way]
    silent = settings.pop("silent", False) if "silent" in settings else False
    app: FrameshiftDriver = make_driver(qtbot, Path(str(tmp_path)) / "d", **dict(settings))
    try:
        rows: list[str] = []
        banners: list[str] = []
        set_state, set_text = ListenState.set_state, NoticeBanner.setText

        def row(self: ListenState, state: str) -> None:
            set_state(self, state)
            rows.append(self.status.text())

        def banner(self: NoticeBanner, text: str) -> None:
            set_text(self, text)
            banners.append(text)

        monkeypatch.setattr(ListenState, "set_state", row)
        monkeypatch.setattr(NoticeBanner, "setText", banner)
        if no_mic:
            assert app.microphone is not None
            app.microphone.unavailable = NO_MIC
        if silent:
            app.window.speech.player.silent = True  # type: ignore[union-attr]
        rehearsal, view = app.window.rehearsal, app.window.conversation
        rehearsal.patience_after_s = 0.3
        app.start(scenario)
        for answer in ANSWERS:
            conv = rehearsal.conversation
            if conv is None or conv.finished or conv.runner.current.is_end:
                break
            app.wait_until(lambda: rehearsal.awaiting_answer, "an answer to be awaited")
            rows.clear()
            banners.clear()
            shown = view.banner.text() if view.banner.isVisibleTo(view) else ""
            app.qtbot.wait(700)  # past the patience time, the answer box open
            # waiting: the row and the banner keep saying one thing
            assert len(set(rows)) <= 1, rows
            now = view.banner.text() if view.banner.isVisibleTo(view) else ""
            assert now == shown, (shown, now)
            rows.clear()
            before = len(conv.turns)
            view.answer.setText(answer)
            view.send_button.click()
            app.wait_until(lambda c=conv, b=before: len(c.turns) > b + 1, "the reply")
            app.wait_until(
                lambda: rehearsal.awaiting_answer or rehearsal.conversation.finished, "a wait"
            )
            app.qtbot.wait(50)
            _no_repeats(rows)  # one turn: sent, thinking, the reply, awaiting; never back
            if not settings.get("voice", True) or silent:
                # the line is read, not heard, and the box is open: one sentence for it
                waiting = [t for t in rows if "type your answer below" in t]
                assert len(set(waiting)) <= 1, rows
    finally:
        app.close()
