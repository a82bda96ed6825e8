"""The replay's transcript underlined the words of the seeker's answers that the framing read as
cues (bold and underlined, in black), beside the turn numbers that are underlined links: they
read as links that did nothing, or as spelling marks, and nothing said what they meant. Now an
underline in the transcript is a link, or the shift's words (on their pink, explained by the
key and the shift card); cue words are bold, and a key above the transcript says what bold is.

Generated conversations (seeker answers with and without cues, a shift or none), each laid out
by Qt's own rich-text engine as the replay's QTextBrowser does."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QTextBrowser

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "report"))
from report_helpers import SCRIPT, seed_session

from app.report import build_report
from app.store import Store
from app.ui.replay.richtext import CUE_KEY, caption_html, transcript_html

ANSWERS = (
    "I'm curious how your team decides what to build next?",
    "I wonder what a normal week looks like, and what do you enjoy most about it?",
    "What made you move from the clinics into data work?",
    "Could you pass my CV to the hiring manager?",
    "I have five years of experience leading projects like this one.",
    "Yes! When can I start?",
    "Honestly I'm not sure yet, I'd like to hear more first.",
    "We did something similar at my last place.",
    "ok",
    "What's the salary range for the role?",
)


def _fragments(html: str) -> list[tuple[str, bool, bool, bool, bool]]:
    """(text, underlined, a link, on a background, bold) for each run of the laid-out text."""
    browser = QTextBrowser()  # as the replay shows it (its font, its link styling)
    browser.setHtml(html)
    doc = browser.document()
    runs = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            bold = fmt.fontWeight() >= 600
            runs.append(
                (
                    frag.text(),
                    fmt.fontUnderline(),
                    fmt.isAnchor() or bool(fmt.anchorHref()),
                    fmt.hasProperty(fmt.Property.BackgroundBrush),
                    bold,
                )
            )
            it += 1
        block = block.next()
    return runs


def test_underlines_are_links_or_the_shift_and_bold_is_explained(
    qapp: QApplication, tmp_path: Path
) -> None:
    rng = random.Random(2)
    checked_bold = 0
    for n in range(14):
        script = list(SCRIPT)
        for i, (speaker, _text, node, secs) in enumerate(script):
            if speaker == "seeker" and rng.random() < 0.8:
                script[i] = (speaker, rng.choice(ANSWERS), node, secs)
        store = Store(tmp_path / f"db{n}.sqlite")
        sid = seed_session(store, tmp_path, script=script)
        report = build_report(store.session(sid), store.turns(sid))
        html = transcript_html(report, 0, "#eeeeee")
        shift_words = report.shift.words if report.shift else ()
        for text, underlined, link, tinted, _bold in _fragments(html):
            if underlined:
                assert link or (tinted and shift_words), (n, text)
        marked = [t for t in report.turns if t.speaker == "seeker" and t.cues]
        if marked:
            assert CUE_KEY in html, n
            # Each marked answer shows its cue words bold (overlapping cues keep the first
            # span; the shift's turn shows its own words, on pink).
            bold_text = " ".join(
                t for t, _u, link, _b, bold in _fragments(html) if bold and not link
            )
            shift_turn = report.shift.turn if report.shift else None
            for t in marked:
                if t.index == shift_turn:
                    continue
                spans = [t.text[c["start"] : c["end"]].strip(" ?!.,") for c in t.cues]
                assert any(words in bold_text for words in spans), (n, spans)
                checked_bold += 1
        for position in range(len(report.turns)):
            for text, underlined, link, tinted, _b in _fragments(caption_html(report, position)):
                assert not underlined or link or tinted, (n, text)
        store.close()
    assert checked_bold > 10


def test_the_key_shows_when_the_replay_opens_at_the_first_turn(qtbot: Any, tmp_path: Path) -> None:
    """The replay scrolls its transcript to the turn shown (``turn-N`` anchors): at the first
    turn the key above it is in view, not scrolled off (seen in the kiosk's results)."""
    store = Store(tmp_path / "db.sqlite")
    report = build_report(*_session(store, tmp_path))
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(500, 160)
    browser.show()
    qtbot.waitExposed(browser)
    browser.setHtml(transcript_html(report, 0, "#eeeeee"))
    browser.scrollToAnchor("turn-0")
    assert browser.verticalScrollBar().maximum() > 0  # it does scroll
    key = browser.document().find("are what set their frame")
    assert not key.isNull()
    shown = browser.cursorRect(key)  # in the viewport's coordinates
    assert shown.top() >= 0, shown
    assert shown.bottom() <= browser.viewport().height(), shown
    browser.scrollToAnchor("turn-3")
    assert browser.verticalScrollBar().value() > 0  # the other anchors still work
    store.close()


def _session(store: Store, tmp_path: Path) -> tuple[Any, Any]:
    sid = seed_session(store, tmp_path)
    return store.session(sid), store.turns(sid)
