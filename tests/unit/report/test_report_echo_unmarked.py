"""The HTML export marks what the replay marks: a follow-up's cue points at the one word an
answer echoes from the manager's line ("Thanks Dana, ..."), which is evidence, not words that
set the frame, so it is never <mark>ed; the question itself still is. Generated: names, places
and echoed words x answers, through the real rules and a real store."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from report_helpers import seed_session

from app.dialogue import find_scenario, installed_scenario_dirs
from app.report import build_report, render
from app.store import Store

ECHOED = ("Dana", "Priya", "Harbor Street", "the night shift", "Leeds")
ANSWERS = (
    "Thanks {w}, what does your team work on day to day?",
    "Oh {w}! How did you end up there?",
    "Right, {w}. What is the hardest part of the work?",
)


def test_the_export_never_marks_the_echoed_word(tmp_path: Path) -> None:
    scenario = find_scenario("connector-intro", installed_scenario_dirs())
    marked_echo = []
    checked = 0
    for i, (word, answer) in enumerate(itertools.product(ECHOED, ANSWERS)):
        data = tmp_path / f"d{i}"
        said = answer.format(w=word)
        script = [
            ("manager", f"Hi, I'm Marcus. {word} tells me you're looking at data work.", "a", 1.0),
            ("seeker", said, "a", 1.0),
        ]
        with Store(data / "frameshift.db") as store:
            sid = seed_session(store, data, script=script)
            session, turns = store.session(sid), store.turns(sid)
        cues = {c["cue"] for c in (turns[1].cues or [])}
        if "follow_up_question" not in cues:
            continue
        checked += 1
        html = render(build_report(session, turns, scenario=scenario, data_dir=data), "html")
        marks = re.findall(r"<mark[^>]*>(.*?)</mark>", html)
        if any(m.strip() == word for m in marks):
            marked_echo.append(said)
        assert any("?" in m for m in marks), (said, marks)  # the question is marked
    assert checked >= 8
    assert not marked_echo, marked_echo
