"""Review 11 R10 (a), session 13: when a conversation ended by itself (its closing line, voiced
or held to read; the rehearsal's own end, as the kiosk's time cap ends it) with words typed and
not sent, they survived only as their first 200 characters in a status line (one line, not
selectable, replaced by the next sentence). Now the window keeps them where End keeps an unsent
answer: in the answer box (read-only now, every character as typed, selectable), with the
draft row saying what happened and offering "Copy my words" (the whole text) and "See how it
went" (the replay). In the kiosk the visit goes on to its replay as before, the words quoted
whole on its status line, and nothing of them is left once the visit ends (privacy rule).

Generated drafts of 1 to 5,000 characters (scripts, emoji, markup-like, newlines, spaces) x
each way a talk ends by itself."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.testing.driver import FrameshiftDriver
from app.ui.draft_prompt import DRAFT_AFTER_END
from app.ui.rehearsal_link import UNSENT_STATUS
from app.ui.typed_text import clean_typed
from tests.gui.shipped import windows_share_the_shipped_scenarios
from tests.gui.test_last_line_held import _to_the_last_line
from tests.gui.test_last_line_read import ENDINGS
from tests.gui.test_unsent_draft import WAYS as WAYS_OUT
from tests.gui.test_unsent_draft import _press

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _scenarios_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's window reads the shipped scenarios from one shared load (reading them all
    again took ~1-5 s of each window's start; tests/gui/shipped.py)."""
    windows_share_the_shipped_scenarios(monkeypatch)


PIECES = ("what", "does", "the team", "do?", "I'd", "café", "😀", "日本語", "مرحبا", "<b>bold</b>",
          "&amp;", "x²", "well…", "\n", "  ", "line\nbreak", "\t")  # fmt: skip
LENGTHS = (1, 2, 79, 80, 81, 199, 200, 201, 1000, 5000)
WAYS = ("voiced_closing_line", "held_closing_line", "rehearsal_ends_it")


def draft_of(length: int, seed: int) -> str:
    """A draft exactly ``length`` characters long that is not only white space."""
    rng = random.Random(seed * 7919 + length)
    text = ""
    while len(text) < length:
        text += rng.choice(PIECES) + rng.choice(("", " "))
    text = text[:length]
    return text if text.strip() else "?" * length


VOICED = [(way, length, i) for i, length in enumerate(LENGTHS) for way in WAYS if way != WAYS[1]]
HELD = [(WAYS[1], length, i) for i, length in enumerate(LENGTHS)]


def _end_by_itself(app: FrameshiftDriver, way: str, draft: str) -> None:
    w = app.window
    scenario, answers = ENDINGS[hash(draft) % len(ENDINGS)]
    app.start(scenario)
    rehearsal = w.rehearsal
    app.wait_until(lambda: rehearsal.awaiting_answer, "the first line")
    if way == "rehearsal_ends_it":  # as the kiosk's time cap: the rehearsal's own end
        # after one answer: a window rehearsal ended with none is not kept (session 20,
        # test_empty_rehearsal_not_kept), so it would have no replay to see
        app.answer(answers[0] if answers else "How did you get into this work?")
        app.wait_until(lambda: rehearsal.awaiting_answer, "the second line")
        w.conversation.answer.setText(draft)
        rehearsal.end_early()
        return
    _to_the_last_line(app, answers, draft)  # the last answer sent with the draft in the box


@pytest.mark.parametrize(("way", "length", "seed"), VOICED, ids=[f"{c[0]}-{c[1]}" for c in VOICED])
def test_a_voiced_talk_that_ends_by_itself_keeps_the_whole_draft(
    frameshift_app: FrameshiftDriver, way: str, length: int, seed: int
) -> None:
    _keeps_the_whole_draft(frameshift_app, way, length, seed)


@pytest.mark.frameshift(voice=False, listen=False)
@pytest.mark.parametrize(("way", "length", "seed"), HELD, ids=[f"{c[0]}-{c[1]}" for c in HELD])
def test_a_held_last_line_that_ends_the_talk_keeps_the_whole_draft(
    frameshift_app: FrameshiftDriver, way: str, length: int, seed: int
) -> None:
    _keeps_the_whole_draft(frameshift_app, way, length, seed)


def _keeps_the_whole_draft(app: FrameshiftDriver, way: str, length: int, seed: int) -> None:
    w = app.window
    view = w.conversation
    draft = draft_of(length, seed)
    _end_by_itself(app, way, draft)
    conv = w.rehearsal.conversation
    assert conv is not None
    app.qtbot.waitUntil(lambda: conv.finished, timeout=15_000)
    app.qtbot.waitUntil(lambda: view.draft_prompt.isVisible(), timeout=5_000)
    assert w.current_screen == "conversation"  # the words are not taken away unseen
    assert view.answer.text() == draft  # every character, as typed
    assert view.answer.isReadOnly()  # the talk is over: kept, not sent
    assert not view.send_button.isEnabled()
    assert view.draft_prompt.text.text() == DRAFT_AFTER_END
    assert view.draft_prompt.results_button.isVisible()
    assert not view.draft_prompt.keep_button.isVisible()
    seeker = [t.text for t in conv.turns if t.speaker == "seeker"]
    assert clean_typed(draft) not in seeker  # never added as an answer it was not
    view.answer.selectAll()
    assert view.answer.selectedText() == draft  # selectable, whole
    app.qtbot.mouseClick(view.draft_prompt.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == draft
    app.qtbot.keyClick(view.answer, Qt.Key.Key_Escape)  # the row put away...
    _press(app, WAYS_OUT[seed % 2])  # ...End or Ctrl+E brings it back: nothing else to end
    assert view.draft_prompt.isVisible()
    assert view.draft_prompt.text.text() == DRAFT_AFTER_END
    assert view.answer.text() == draft
    assert w.current_screen == "conversation"
    if length == 5000 and way == WAYS[0]:
        w.grab().save(str(w.settings.data_dir.parent / "kept.png"))
    app.qtbot.mouseClick(view.draft_prompt.results_button, Qt.MouseButton.LeftButton)
    app.qtbot.waitUntil(lambda: w.current_screen == "results", timeout=10_000)
    assert not view.draft_prompt.isVisible()
    assert UNSENT_STATUS.split("“")[0] not in w.status_label.text()  # seen already: no nag
    app.start("connector-intro")  # the next conversation starts with an empty, open box
    app.wait_until(lambda: w.rehearsal.awaiting_answer, "the next first line")
    assert view.answer.text() == ""
    assert not view.answer.isReadOnly()
    assert view.send_button.isEnabled()
