"""With the voice off, the manager's last line is shown long enough to read before the replay.

Trial 11 (newcomer N11): with --no-voice the last answer jumped straight to the replay, so the
manager's closing line was never seen on the conversation screen. Voiced, it is heard first.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.session.rehearsal import READING_MS, reading_ms
from app.testing.driver import FrameshiftDriver
from app.testing.plans import load_plan
from tests.gui.shipped import windows_share_the_shipped_scenarios

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _scenarios_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's window reads the shipped scenarios from one shared load (reading them all
    again took ~1-5 s of each window's start; tests/gui/shipped.py)."""
    windows_share_the_shipped_scenarios(monkeypatch)


REPO = Path(__file__).resolve().parents[2]


def _ending_case(plan_path: Path) -> tuple[str, list[str]]:
    """A scenario and answers its golden plan says reach an ending (the class: every
    scenario's closing line, each its own length)."""
    plan = load_plan(plan_path)
    case = next(c for c in plan["cases"] if c.get("outcome"))
    return plan["scenario"], list(case["answers"])


ENDINGS = [_ending_case(p) for p in sorted((REPO / "dialogues").glob("*.plan.yaml"))]


@given(st.lists(st.text(min_size=1, max_size=12).filter(str.strip), max_size=80))
def test_reading_time_grows_with_the_words_within_bounds(words: list[str]) -> None:
    text = " ".join(words)
    low, high = READING_MS
    assert low <= reading_ms(text) <= high
    assert reading_ms(text) <= reading_ms(text + " and a few more words at its end") or (
        reading_ms(text) == high
    )


@pytest.mark.frameshift(voice=False, listen=False)
@pytest.mark.parametrize(("scenario", "answers"), ENDINGS, ids=[e[0] for e in ENDINGS])
def test_the_closing_line_is_on_screen_before_the_replay(
    frameshift_app: FrameshiftDriver, scenario: str, answers: list[str]
) -> None:
    app = frameshift_app
    w = app.window
    app.start(scenario)
    rehearsal = w.rehearsal
    conv = rehearsal.conversation
    assert conv is not None

    def ready() -> bool:
        return rehearsal.awaiting_answer or conv.reached_end

    for text in answers:
        app.qtbot.waitUntil(ready, timeout=10_000)
        if conv.reached_end:
            break
        w.conversation.answer.setText(text)
        w.conversation.send_button.click()
        app.qtbot.waitUntil(ready, timeout=10_000)
    assert conv.reached_end, "the scenario reached no end in these answers"
    last = conv.turns[-1]
    assert last.speaker == "manager"
    reached = time.monotonic()
    app.qtbot.wait(READING_MS[0] // 2)
    assert w.stack.currentWidget() is w.conversation  # not the replay yet
    assert w.conversation.caption.text() == last.text  # the closing line, to read
    assert w.rehearsal.reading_last_line
    app.qtbot.waitUntil(lambda: w.stack.currentWidget() is w.results, timeout=15_000)
    assert time.monotonic() - reached >= READING_MS[0] / 1000 * 0.9
