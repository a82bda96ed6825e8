"""Trial 7 G25: one count of the seeker's curious questions, wherever it is shown.

Generated transcripts (seeker turns with 0-3 questions, typed or in the recognizer's style:
lowercase, no "?"; two questions in one sentence; requests beside them), analysed for real and
stored in a real Store: the replay's sentence ("You asked N curious questions"), the JSON
export's `analysis.metrics.questions.seeker.count` and the History chart's figure
(`app.report.questions.progress`) agree for every session, and equal the one declaration
(`count_questions`).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from report_helpers import seed_session

from app.report import build_report, render
from app.report.questions import count_questions, progress
from app.store import Store

MANAGER = (
    "Good to meet you. So what brings you here tonight?",
    "We build the pipelines that feed the hospital dashboards.",
    "Most of my week goes on planning the next release with the clinics.",
    "So, are you interested in the position?",
    "It took me a while to find where I fit. Any questions?",
)
STATEMENTS = (
    "I came to hear how people got into data work.",
    "i've been doing marketing analytics for five years",
    "That sounds like a lot of plumbing.",
    "Honestly I'm not sure yet.",
)
QUESTIONS = (
    "What does your team work on?",
    "what does a typical week look like for you",
    "How did you end up managing a platform team, did you plan it?",
    "how do the clinics use the dashboards",
    "What's the hardest part of the job?",
    "and who decides what gets built next",
    "What tools do you use, and how big is the team?",
    "is there anyone else you think i should talk to",
)
REQUESTS = (
    "Could you refer me for the role?",
    "what's the salary",
    "Please put me forward.",
)


def _script(rng: random.Random) -> list[tuple[str, str, None, None]]:
    script: list[tuple[str, str, None, None]] = []
    for _ in range(rng.randint(2, 5)):
        script.append(("manager", rng.choice(MANAGER), None, None))
        parts = [rng.choice(STATEMENTS)] if rng.random() < 0.6 else []
        parts += rng.sample(QUESTIONS, rng.randint(0, 3))
        if rng.random() < 0.2:
            parts.append(rng.choice(REQUESTS))
        rng.shuffle(parts)
        sep = ", " if rng.random() < 0.3 else " "
        script.append(("seeker", sep.join(parts) or "Right.", None, None))
    return script


_ASKED = re.compile(r"You asked (\d+) curious question")


def test_replay_export_and_history_count_the_same_curious_questions(tmp_path: Path) -> None:
    rng = random.Random(25)
    expected: dict[int, int] = {}
    with Store(tmp_path / "frameshift.db") as store:
        for n in range(60):
            sid = seed_session(
                store,
                tmp_path,
                started_at=1_760_000_000.0 + n * 1000,
                script=_script(rng),  # type: ignore[arg-type]
            )
            report = build_report(store.session(sid), store.turns(sid), data_dir=tmp_path)
            counted = count_questions((t.index, t.speaker, t.text, t.cues) for t in report.turns)
            replay = next(m.text for m in report.metrics if m.key == "questions")
            match = _ASKED.search(replay)
            assert match, replay
            assert int(match.group(1)) == counted.curious, replay
            doc = json.loads(render(report, "json"))
            seeker = doc["analysis"]["metrics"]["questions"]["seeker"]
            assert seeker == {"count": counted.curious, "turns": list(counted.curious_turns)}
            manager = doc["analysis"]["metrics"]["questions"]["manager"]
            assert manager["count"] == counted.theirs, replay
            expected[sid] = counted.curious
        charted = {r["id"]: r["seeker_questions"] for r in progress(store)}
    assert charted == expected
    # The generator reaches the cases that split the two counts (several cues in one sentence).
    assert len(set(expected.values())) >= 3


def test_one_sentence_with_two_questions_counts_once(tmp_path: Path) -> None:
    script = [
        ("manager", "It took me a while to find where I fit.", None, None),
        ("seeker", "How did you end up managing a platform team, did you plan it?", None, None),
    ]
    with Store(tmp_path / "frameshift.db") as store:
        sid = seed_session(store, tmp_path, script=script)  # type: ignore[arg-type]
        report = build_report(store.session(sid), store.turns(sid), data_dir=tmp_path)
        assert (
            json.loads(render(report, "json"))["analysis"]["metrics"]["questions"]["seeker"][
                "count"
            ]
            == 1
        )
        assert [r["seeker_questions"] for r in progress(store)] == [1]
