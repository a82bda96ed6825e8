"""The replay marks cue words only in the seeker's lines (trial 7 G8: "What brings you",
"I run", "my team" were bold and underlined in the manager's lines, read as words that counted
against the user). Generated manager lines full of the framing's own cue words, in the
transcript and the caption, each line escaped and unmarked; the seeker's cues still marked."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "report"))
from report_helpers import SCRIPT, seed_session

from app.report import build_report
from app.store import Store
from app.ui.replay.richtext import CUE_WRAP, caption_html, transcript_html

CUEY = ("What brings you here?", "I run the data team.", "Have you done this before?",
        "Tell me about yourself.", "Why do you want this job?", "What's your salary?",
        "We build <pipelines> & tools.", "So, are you interested in the role?")  # fmt: skip


def test_only_the_seekers_words_are_marked(tmp_path: Path) -> None:
    rng = random.Random(8)
    for n in range(6):
        script = list(SCRIPT)
        for i, (speaker, _text, node, secs) in enumerate(script):
            if speaker == "manager":
                line = " ".join(rng.sample(CUEY, rng.randint(1, 4)))
                script[i] = (speaker, line, node, secs)
        store = Store(tmp_path / f"db{n}.sqlite")
        sid = seed_session(store, tmp_path, script=script)
        report = build_report(store.session(sid), store.turns(sid))
        assert any(t.cues for t in report.turns if t.speaker == "manager"), "no manager cues"
        html = transcript_html(report, 0, "#eeeeee")
        seeker_marked = False
        for position, t in enumerate(report.turns):
            shown = caption_html(report, position)
            if t.speaker == "manager":
                assert CUE_WRAP[0] not in shown, t.text
                assert "<pipelines>" not in shown
            elif t.cues:
                seeker_marked = seeker_marked or CUE_WRAP[0] in shown or "<span" in shown
        assert seeker_marked
        assert html.count(CUE_WRAP[0]) <= sum(
            len(t.cues) for t in report.turns if t.speaker == "seeker"
        )
        store.close()
