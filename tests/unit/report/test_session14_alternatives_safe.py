"""Session 14: "What you could have said" is built only from safe pieces, generated over every
answer of the framing corpus (tests/data/framing/answers*.jsonl and the writers' hands; the
other-hand sets are never read here) and every manager line of the 12 shipped scenarios:

- the seeker's own words are kept only as a whole sentence, or a whole clause that stands on
  its own: never a sentence cut inside a figure or an abbreviation ("I have a B." of "a B.S.
  in chemistry", "85." of "85.5k"), never a clause carrying a figure cut from what qualifies
  it, never an idiom or hedge that only leads into the point ("Long story short.", "It's
  difficult to choose.");
- the manager's words are asked about only as a whole noun phrase: never an idiom's noun ("the
  hardest part of the decimal" of "she'll know to the decimal"), nor a phrase run into an
  adverb, a time or a verb ("the building okay", "the city next month", "the clinic sees").
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from app.report.alternatives import compose as compose_with
from app.report.coaching import compose, focus_of

REPO = Path(__file__).resolve().parents[3]
FRAMING = REPO / "tests" / "data" / "framing"
CUES = ("commitment", "job_request", "pay_question", "self_promotion")


@cache
def _corpus() -> list[tuple[str, str]]:
    files = sorted(FRAMING.glob("answers*.jsonl")) + sorted(
        (FRAMING / "hands").glob("writer-*.jsonl")
    )
    pairs = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                pairs.append((str(row["manager"]), str(row["answer"])))
    return pairs


def _kept(alternative: str, answer: str) -> str | None:
    """The seeker's own words the alternative opens with, when it keeps any."""
    first = re.match(r"(.+?)[.!](?:\s|$)", alternative)
    if first is None:
        return None
    piece = first.group(1)
    return piece if len(piece.split()) >= 3 and piece in answer else None


_FIGURE = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million)\b",
    re.I,
)


@pytest.mark.parametrize("shard", range(8))
def test_the_seekers_words_are_kept_whole(shard: int) -> None:
    pairs = _corpus()[shard::8]
    assert len(pairs) > 300
    for turn, (manager, answer) in enumerate(pairs):
        for cue in CUES:
            alternative = compose(cue, manager, turn, answer=answer, cue_start=len(answer))
            kept = _kept(alternative, answer)
            if kept is None:
                continue
            after = answer[answer.index(kept) + len(kept) :]
            # never cut inside a word, a figure or an abbreviation
            assert not after[:1].isalnum(), (answer, alternative)
            assert not re.match(r"\.\w", after), (answer, alternative)
            whole = after[:1] in ("", ".", "!") and (len(after) < 2 or after[1:2].isspace())
            if not whole:  # a clause cut from the sentence
                assert not _FIGURE.search(kept), (answer, alternative)
                assert not after.lstrip().startswith(":"), (answer, alternative)
                assert not re.match(r"\W*(?:long story short|let me be|to be honest)", kept, re.I)
                assert not re.search(r"\bbut\b", after.split(".")[0]), (answer, alternative)


#: Lines where the phrase after a determiner is an idiom's noun, or runs into an adverb, a time
#: or a verb: (line, words the alternative must never ask about).
_TRAPS = (
    ("Ask Ana, she'll know to the decimal.", "the decimal"),
    ("We run it by the book here.", "the book"),
    ("Keep this off the record, but we're hiring.", "the record"),
    ("Did you find the building okay?", "the building okay"),
    ("I'll be in the city next month if you want to meet again.", "the city next month"),
    ("The clinic sees about forty patients a day.", "the clinic sees"),
    ("Our interns sometimes convert to full-time.", "your interns sometimes convert"),
    ("Thanks for waiting, my last meeting ran over.", "your last meeting ran"),
    ("I've been at the hospital twenty years.", "the hospital twenty years"),
    ("So yeah, I went from the Army straight into logistics.", "the Army straight"),
)


@pytest.mark.parametrize(("line", "bad"), _TRAPS)
def test_the_managers_words_are_asked_about_only_as_a_whole_noun_phrase(
    line: str, bad: str
) -> None:
    for turn in range(6):
        for cue in CUES:
            alternative = compose_with(cue, line, turn, focus=focus_of(line))
            assert bad.lower() not in alternative.lower(), (line, alternative)


def _scenario_lines() -> list[str]:
    lines = []
    for path in sorted((REPO / "dialogues").glob("*.yaml")):
        if path.name.endswith(".plan.yaml"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for node in (data.get("nodes") or {}).values():
            lines += [str(x) for x in node.get("say") or ()]
        for topic in (data.get("knowledge") or {}).get("topics") or ():
            lines += [str(x) for x in topic.get("answers") or ()]
    return lines


_ENDS = frozenset(
    {"okay", "ok", "alright", "fine", "sometime", "straight", "next", "last", "month", "year"}
    | {"years", "sees", "ran", "convert", "stay", "decimal"}
)


def test_no_alternative_over_the_scenarios_asks_about_a_broken_phrase() -> None:
    lines = _scenario_lines()
    assert len(lines) > 300
    for turn, line in enumerate(lines):
        focus = focus_of(line)
        for cue in CUES:
            alternative = compose(cue, line, turn)
            if focus and focus in alternative:
                assert not set(focus.lower().split()[1:]) & _ENDS, (line, alternative)
