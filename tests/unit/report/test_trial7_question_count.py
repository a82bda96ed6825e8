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
from tests.legacy_history import script


def _script(rng: random.Random) -> list[tuple[str, str, None, None]]:
    """A generated conversation (tests/legacy_history: typed and recognizer-style answers, 0-3
    questions, two in one sentence, requests beside them) as seed_session takes it."""
    return [(speaker, text, None, None) for speaker, text in script(rng)]


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
