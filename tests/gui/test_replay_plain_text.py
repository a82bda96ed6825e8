"""What people said is shown as they said it (a user saw "Thanks **Dana**": the name bold).

Why: a follow-up question's cue points at the one word it echoes from the manager's line, and
that word can be anywhere in the answer (a name in a greeting); the replay bolded every cue's
span, so the echoed name read as a word that set the frame. Now the echo is not marked (the
question itself is, as a question). And user text is never read as markup: every label in
every screen is plain or escaped rich text (none left for Qt to guess), so answers with
<b>, *stars*, **double**, &amp; or <img> show character for character.

Generated answers: each echoes a word of the manager's line just said (a name when there is
one) and carries a markup-like fragment, in real rehearsals of three scenarios; plus 300
generated manager/answer pairs through the real cue finder for the bold rule alone."""

from __future__ import annotations

import itertools
import random
import re
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel

from app.testing.driver import FrameshiftDriver
from app.ui.bubbles import BODY_ROLE
from app.ui.replay import richtext

pytestmark = pytest.mark.gui

HOSTILE = (
    "<b>bold</b>",
    "*stars*",
    "**double**",
    "&amp; co",
    "<i>it</i> & <a href='x'>link</a>",
    "<img src=x>",
    "1 < 2 > 0",
    "&lt;escaped&gt;",
    "`code` _under_ # not a heading",
    "<br>",
    "<script>x</script>",
)
QUESTIONS = (
    "What does a normal week look like for you?",
    "How did you end up in this work?",
    "What is the team puzzling over at the moment?",
)


def _echo(line: str, rnd: random.Random) -> str:
    """A word of the manager's line to echo: a name when there is one (a capitalised word
    not at a sentence's start), else a content word."""
    words = re.findall(r"[A-Za-z]{4,}", line)
    names = [w for w in re.findall(r"(?<=[a-z,] )[A-Z][a-z]{3,}", line)]
    return rnd.choice(names or words or ["Thanks"])


def bold_spans(html: str, offset: int) -> set[int]:
    """Positions (in the text after ``offset`` characters of prefix) drawn bold."""
    doc = QTextDocument()
    doc.setHtml(html)
    bold: set[int] = set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and frag.charFormat().fontWeight() >= QFont.Weight.Bold:
                start = frag.position() - offset
                bold.update(range(start, start + frag.length()))
            it += 1
        block = block.next()
    return {p for p in bold if p >= 0}


ECHO = "follow_up_question"  # its span is the word echoed from the manager's line


def _allowed(cues: Any) -> set[int]:
    """Where bold may be: the words of any cue but an echo."""
    return {i for c in cues if c.get("cue") != ECHO for i in range(c["start"], c["end"])}


def _echo_only(cues: Any) -> set[int]:
    """Words only an echo points at (no other cue's words)."""
    echoed = {i for c in cues if c.get("cue") == ECHO for i in range(c["start"], c["end"])}
    return echoed - _allowed(cues)


def test_echoed_words_are_not_bold_generated_pairs() -> None:
    """300 generated manager lines and answers through the real cue finder: only the words
    of marked cues are bold; a word a follow-up merely echoes never is."""
    from app.framing.cues import seeker_cues

    rnd = random.Random(11)
    names = ["Dana", "Lena", "Marcus", "Priya", "Tomás", "Zoë", "Okafor", "Brightwater"]
    topics = ["dashboards", "pipelines", "clinics", "research", "hiring", "migration"]
    echoed_seen = 0
    for _ in range(300):
        name, topic = rnd.choice(names), rnd.choice(topics)
        manager = f"Hi, I'm Sam. {name} tells me you're curious about {topic}. What brings you?"
        greeting = rnd.choice((f"Thanks {name}", f"Oh, {name} is great", f"{topic.title()} yes"))
        answer = f"{greeting}{rnd.choice(('.', ',', '!'))} {rnd.choice(QUESTIONS)}"
        cues = [c.to_dict() for c in seeker_cues(answer, manager, frozenset())]
        html = richtext.highlight_turn(SimpleNamespace(shift=None), 1, answer, cues)  # type: ignore[arg-type]
        bold = bold_spans(html, 0)
        where = (manager, answer, cues, sorted(bold))
        assert bold <= _allowed(cues), where
        echo = _echo_only(cues)
        echoed_seen += bool(echo)
        assert not (bold & echo), where
    assert echoed_seen >= 50  # the case the user met was generated, many times


def _plain_shown(label: QLabel) -> str:
    """What a label shows, as characters."""
    text = label.text()
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.PlainText:
        return text
    doc = QTextDocument()
    if fmt == Qt.TextFormat.MarkdownText:
        doc.setMarkdown(text)
    else:
        doc.setHtml(text)
    return doc.toPlainText()


@pytest.mark.parametrize("scenario", ["connector-intro", "alumni-call", "career-fair-booth"])
def test_answers_show_as_said_and_echoes_are_not_bold(
    frameshift_app: FrameshiftDriver, scenario: str
) -> None:
    app = frameshift_app
    w = app.window
    rnd = random.Random(scenario)
    line = app.start(scenario)
    said: list[str] = []
    for hostile in itertools.islice(itertools.cycle(rnd.sample(HOSTILE, len(HOSTILE))), 5):
        if w.current_screen != "conversation" or not w.rehearsal.awaiting_answer:
            break
        text = f"Thanks {_echo(line, rnd)}, {hostile} {rnd.choice(QUESTIONS)}"
        said.append(text)
        line = app.answer(text)
        # In the conversation the bubbles are painted as plain text (ui/bubbles.py): the
        # answer's bubble holds it character for character.
        bubbles = w.conversation.transcript
        bodies = [str(bubbles.item(i).data(BODY_ROLE)) for i in range(bubbles.count())]
        assert text in bodies, (text, bodies)
    assert len(said) >= 3
    app.finish()
    results = w.results
    report = results.report
    assert report is not None
    transcript = results.transcript.toPlainText()
    follower = results.follower
    offset = len("You: ")
    for position, turn in enumerate(report.turns):
        assert turn.text in transcript, turn.text
        follower.show_turn(position)
        caption = results.caption
        assert _plain_shown(caption).startswith(
            f"{richtext.speaker_name(report, turn.speaker)}: {turn.text}"
        )
        if turn.speaker != "seeker" or (report.shift and report.shift.turn == turn.index):
            continue
        bold = bold_spans(caption.text(), offset)
        bold = {p for p in bold if p < len(turn.text)}
        where = (turn.text, turn.cues, sorted(bold))
        assert bold <= _allowed(turn.cues), where
        assert not (bold & _echo_only(turn.cues)), where
    assert {t.text for t in report.turns if t.speaker == "seeker"} >= set(said)


def test_no_label_leaves_the_format_to_a_guess(frameshift_app: FrameshiftDriver) -> None:
    """Every label of every screen says whether it shows plain or rich text: Qt's guess
    (AutoText) reads "<b>" in a scenario title, a file name or an error as markup."""
    app = frameshift_app
    w = app.window
    app.start("connector-intro")
    app.answer("Thanks <b>Dana</b> & *co*. What does your team work on?")
    app.finish()
    w.results.show_comparison()
    w.show_history()
    w.history.reload()
    w.show_picker()
    guessed = [
        f"{type(lab).__name__}:{lab.objectName()}:{lab.text()[:40]!r}"
        for lab in w.findChildren(QLabel)
        if lab.textFormat() == Qt.TextFormat.AutoText
    ]
    assert not guessed, guessed


def _guessed(text: str) -> str:
    """What a widget that guesses the format (a tooltip, a message box) shows."""
    doc = QTextDocument()
    if GuiQt.mightBeRichText(text):
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    return doc.toPlainText()


def test_tooltips_and_questions_show_names_as_written(
    frameshift_app: FrameshiftDriver, monkeypatch: Any
) -> None:
    """Tooltips and message boxes guess the format too: the status line's tooltip and the
    delete question show a markup-like text as written."""
    from PySide6.QtWidgets import QMessageBox

    from app.ui.history import confirm

    w = frameshift_app.window
    for hostile in HOSTILE:
        text = f"Saved to /tmp/{hostile}.html"
        w.show_status(text)
        assert _guessed(w.status_label.toolTip()) == text, w.status_label.toolTip()
        assert w.status_label.text() == text

    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    for hostile in HOSTILE:
        confirm(w, "Delete session", f"Delete the session “{hostile}”?")
        assert _guessed(asked[-1]) == f"Delete the session “{hostile}”?", asked[-1]
