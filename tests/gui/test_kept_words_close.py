"""Session 14 U4: closing the window while the draft row keeps the words of a talk that ended by
itself (typed, not sent, "Copy my words" / "See how it went") let them go without a word: the
conversation was over, so the close prompt never showed. Now the close asks, like the other
unsent-answer prompts: it quotes the words and offers to copy them; "Keep the window open" (the
default, Enter and Escape) keeps them whole in the box.

Generated drafts (1 to 5,000 characters, scripts, emoji, markup-like, new lines) x the two ways a
user closes (Ctrl+Q, the title bar's close) x each answer to the prompt."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.testing.driver import FrameshiftDriver
from app.ui import window_actions
from app.ui.close_prompt import KEPT_DETAIL
from app.ui.draft_prompt import shortened
from tests.gui.test_unsent_kept import _end_by_itself, draft_of

pytestmark = pytest.mark.gui

LENGTHS = (1, 79, 80, 81, 200, 1000, 5000)
CLOSES = ("ctrl_q", "title_bar")
ANSWERS = ("closeCopyButton", "closeWithoutButton")
CASES = [
    (length, CLOSES[i % 2], ANSWERS[(i // 2) % 2], i)
    for i, length in enumerate(LENGTHS + LENGTHS[1::2])
]


class _TitleBarClose:
    """A close the user made (the window manager's): spontaneous, as Qt gives it."""

    def __init__(self) -> None:
        self.accepted: bool | None = None

    def spontaneous(self) -> bool:
        return True

    def accept(self) -> None:
        self.accepted = True

    def ignore(self) -> None:
        self.accepted = False


def _close(app: FrameshiftDriver, how: str) -> bool:
    if how == "ctrl_q":
        return app.window.request_close()
    event = _TitleBarClose()
    window_actions.close_event(app.window, event)  # type: ignore[arg-type]
    return bool(event.accepted)


def _shown(text: str) -> str:
    """What a label shows of ``text`` (plain, or rich as `app.ui.plain.literal` escapes it)."""
    if Qt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return text.replace("\xa0", " ")


def _answer(button: str, seen: list[QMessageBox | str]) -> Callable[[], None]:
    """When the close question shows, note it and click ``button``; gives up after ~3 s (no
    prompt: the old code). Returns a stop: a test that expects no question calls it, so the
    poll never lands on a later test's dialog (it found test_replay's delete question)."""
    tries = [0]

    def stop() -> None:
        tries[0] = 300

    def poll() -> None:
        if tries[0] >= 300:
            return
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] += 1
            if tries[0] < 300:
                QTimer.singleShot(10, poll)
            return
        info = box.informativeText()
        seen.append(_shown(info))
        if "ended\xa0before" in info:  # words glued: the quote would not wrap between them
            seen.append("does not wrap between words")
        default = box.defaultButton()
        seen.append(default.objectName() if default is not None else "")
        found = box.findChild(QPushButton, button)
        assert found is not None, button
        found.click()

    QTimer.singleShot(0, poll)
    return stop


@pytest.mark.parametrize(
    ("length", "how", "answer", "seed"), CASES, ids=[f"{c[1]}-{c[2]}-{c[0]}" for c in CASES]
)
def test_closing_names_the_kept_words_and_offers_to_copy_them(
    frameshift_app: FrameshiftDriver, length: int, how: str, answer: str, seed: int
) -> None:
    app = frameshift_app
    w = app.window
    view = w.conversation
    draft = draft_of(length, seed + 40)
    _end_by_itself(app, ("voiced_closing_line", "rehearsal_ends_it")[seed % 2], draft)
    conv = w.rehearsal.conversation
    assert conv is not None
    app.qtbot.waitUntil(lambda: conv.finished, timeout=15_000)
    app.qtbot.waitUntil(lambda: view.draft_prompt.isVisible(), timeout=5_000)
    QApplication.clipboard().setText("something else")

    seen: list[QMessageBox | str] = []
    _answer("closeKeepButton", seen)
    assert _close(app, how) is False  # kept open...
    assert len(seen) == 2, "closing with kept words asked nothing"
    text, default = seen
    assert default == "closeKeepButton"  # the safe choice is the default
    assert str(text) == KEPT_DETAIL.format(draft=shortened(draft))  # quoted, as typed
    assert view.answer.text() == draft  # ...with every word still in the box
    assert view.draft_prompt.isVisible()
    assert w.isVisible() or how == "title_bar"

    seen.clear()
    _answer(answer, seen)
    assert _close(app, how) is True
    assert len(seen) == 2
    copied = QApplication.clipboard().text()
    if answer == "closeCopyButton":
        assert copied == draft  # the whole text, as typed
    else:
        assert copied == "something else"


@pytest.mark.parametrize("how", CLOSES)
def test_after_see_how_it_went_closing_asks_nothing_more(
    frameshift_app: FrameshiftDriver, how: str
) -> None:
    """The user went on (the replay): the words were let go knowingly; a close asks nothing."""
    app = frameshift_app
    w = app.window
    view = w.conversation
    _end_by_itself(app, "rehearsal_ends_it", "words I never sent")
    app.qtbot.waitUntil(lambda: view.draft_prompt.isVisible(), timeout=15_000)
    view.draft_prompt.results_button.click()
    app.qtbot.waitUntil(lambda: w.current_screen == "results", timeout=10_000)
    assert view.draft_prompt.kept == ""
    seen: list[QMessageBox | str] = []
    stop = _answer("closeKeepButton", seen)
    assert _close(app, how) is True
    app.qtbot.wait(50)
    stop()
    assert seen == []


def test_every_case_is_distinct() -> None:
    drafts = {draft_of(length, seed + 40) for length, _, _, seed in CASES}
    assert len(drafts) == len(CASES)
    assert set(itertools.product(CLOSES, ANSWERS)) <= {(c[1], c[2]) for c in CASES}


MARKUP = (
    "<b>what</b> does the team work on day to day, and who else should I talk to about it?",
    "I was going to ask what the team <b>really</b> works on day to day, and who else to ask",
    "&amp; then   three spaces, <i>tags</i> and a tab\there, which all show as typed in the box",
    "<p>a paragraph</p> that looks like markup from the very first character it has in it",
    "x² < y & z > w: the pipelines feed into dashboards that the clinic managers read daily",
    "日本語 <b>太字</b> مرحبا 😀 café and a long tail of words so the quote has to wrap here",
)


@pytest.mark.parametrize("draft", MARKUP)
def test_markup_like_words_are_quoted_as_typed_and_wrap(qapp: QApplication, draft: str) -> None:
    """Words that look like markup made the prompt rich text, every space a no-break space:
    the quote ran off the box's edge as one line. Shown as typed, and wrapping."""
    from PySide6.QtWidgets import QWidget

    from app.ui.close_prompt import ask_close_with_kept_words

    parent = QWidget()
    seen: list[QMessageBox | str] = []
    _answer("closeKeepButton", seen)
    assert ask_close_with_kept_words(parent, draft) is False
    assert seen[0] == KEPT_DETAIL.format(draft=shortened(draft))
    assert seen[1:] == ["closeKeepButton"]
    parent.deleteLater()
