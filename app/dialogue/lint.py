"""Warnings and statistics for a valid scenario: what makes it feel like a branching quiz.

Nothing here stops a scenario from loading. The warnings point at lines an author will want to
rewrite: a line that asks nothing where the seeker is expected to answer, answers that change
nothing for two turns in a row, topics the matcher cannot find from their own example questions.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.dialogue.choosing import has_topic_for
from app.dialogue.knowledge import KnowledgeMatcher, matcher_for
from app.dialogue.loader import _build, expand_paths
from app.dialogue.model import Scenario
from app.dialogue.problems import Problem
from app.dialogue.validate import by_line, line_of, schema_problems
from app.dialogue.yaml_loader import KeyPath, load_yaml, read_bounded
from app.framing.cues import find_questions
from app.framing.vocabulary import INTERVIEW_CUES, SEEKER_CUES

#: Lines that invite an answer without a question: "Walk me through your experience."
_INVITATION = re.compile(
    r"\b(tell me|walk me through|talk me through|take me through|go ahead|go on|"
    r"i'd love to hear|i would love to hear|i'm curious|i am curious|curious what|"
    r"your turn|over to you|let's hear|describe|explain)\b",
    re.IGNORECASE,
)


#: The voice engines a persona's ``voice: engine:name`` may name (app.speech.factory's
#: VOICE_ENGINES; a test keeps the two the same: this layer cannot import speech).
VOICE_ENGINE_NAMES: tuple[str, ...] = ("flite", "piper", "pyttsx3")
#: An aside the voice would read out: "(smiles)", "(laughs softly)", "*sighs*", "[pause]". In
#: parentheses only an action (a verb in -s, or a known aside word) counts: "(and two labs)"
#: is text.
_ASIDE_WORDS = (
    r"pause|beat|silence|laughter|laughing|smiling|sighing|nodding|grinning|chuckling|"
    r"shrug|sigh|laugh|smile|nod|grin|wink|whispering|quietly|softly|cheerfully"
)
_NOT_ACTIONS = r"(?:and|as|is|was|has|his|hers|its|this|us|yes|plus|less|thus|unless|always)\b"
_STAGE_DIRECTION = re.compile(
    rf"\((?:(?!{_NOT_ACTIONS})[a-z]+s|{_ASIDE_WORDS})(?:\s+[a-z][a-z'-]*){{0,3}}\)"
    r"|\*[a-z][a-z' -]{1,30}\*|\[[a-z][a-z' -]{1,30}\]"
)


_SEEKER: frozenset[str] = frozenset(SEEKER_CUES)


def _emoji(text: str) -> str | None:
    """The first emoji or pictograph in `text` (a voice cannot say it), else None."""
    for char in text:
        code = ord(char)
        if unicodedata.category(char) == "So" or 0x1F000 <= code <= 0x1FAFF:
            return char
    return None


def unsayable(text: str) -> str | None:
    """Why a manager line would sound wrong read aloud (a stage direction, an emoji: every
    reason the line has, so one fix is not followed by a second warning), or None."""
    why: list[str] = []
    aside = _STAGE_DIRECTION.search(text)
    if aside is not None:
        why.append(
            f"'{aside.group()}' looks like a stage direction: the voice would read it aloud; "
            "say it in words, or leave it out"
        )
    emoji = _emoji(text)
    if emoji is not None:
        why.append(f"contains an emoji ({emoji}), which the voice cannot say; use words")
    return "; and it ".join(why) if why else None


def voice_engine_problem(voice: str) -> str | None:
    """A persona voice 'engine:name' whose engine is not known (it would fall back to eSpeak
    NG silently), with a 'did you mean'; None when it is fine."""
    engine, sep, _name = voice.partition(":")
    if not sep or engine in VOICE_ENGINE_NAMES:
        return None
    close = difflib.get_close_matches(engine, VOICE_ENGINE_NAMES, n=1, cutoff=0.5)
    hint = (
        f"; did you mean '{close[0]}'?" if close else f" (known: {', '.join(VOICE_ENGINE_NAMES)})"
    )
    return f"voice '{voice}' names an unknown engine '{engine}', so eSpeak NG would speak{hint}"


def invites_answer(line: str) -> bool:
    """Whether a manager line asks something or otherwise hands the turn to the seeker."""
    return bool(find_questions(line)) or _INVITATION.search(line) is not None


def scenario_warnings(
    scenario: Scenario,
    lines: Mapping[KeyPath, int],
    file: str,
    matcher: KnowledgeMatcher | None = None,
) -> list[Problem]:
    """Everything worth a second look in a valid scenario, in line order."""
    found: list[Problem] = []

    def warn(path: Sequence[str | int], message: str) -> None:
        found.append(Problem(file, line_of(lines, path), message, warning=True))

    nodes = scenario.nodes
    engine = voice_engine_problem(scenario.persona.voice.voice)
    if engine is not None:
        warn(["persona", "voice", "voice"], engine)
    for node in nodes.values():
        several = len(node.lines) > 1
        for index, text in enumerate(node.lines):
            why = unsayable(text)
            if why is not None:
                warn(
                    ["nodes", node.id, "say", index] if several else ["nodes", node.id, "say"],
                    f"node '{node.id}'" + (f", line {index + 1}" if several else "") + f": {why}",
                )
        if node.coach is not None and node.coach.cues and not node.coach.cues & INTERVIEW_CUES:
            warn(
                ["nodes", node.id, "coach", "cues"],
                f"node '{node.id}': the coach note's cues ({', '.join(sorted(node.coach.cues))}) "
                "never decide an interview, so the note would never be shown; list the "
                f"answers it is about: {', '.join(sorted(INTERVIEW_CUES & _SEEKER))}",
            )
    for t_index, topic in enumerate(scenario.knowledge.topics):
        for a_index, text in enumerate(topic.answers):
            why = unsayable(text)
            if why is not None:
                warn(
                    ["knowledge", "topics", t_index, "answers", a_index],
                    f"topic '{topic.id}', answer {a_index + 1}: {why}",
                )
    for node in nodes.values():
        if node.is_end:
            continue
        for index, text in enumerate(node.lines):
            if not invites_answer(text):
                several = len(node.lines) > 1
                warn(
                    ["nodes", node.id, "say", index] if several else ["nodes", node.id, "say"],
                    f"node '{node.id}'"
                    + (f", line {index + 1}" if len(node.lines) > 1 else "")
                    + " asks nothing, yet the seeker is expected to answer: end it with a "
                    "question or an invitation to talk",
                )
    for node in nodes.values():
        after = nodes.get(node.branches[0].goto) if len(node.branches) == 1 else None
        if (
            after is not None
            and node.branches[0].is_fallback
            and len(after.branches) == 1
            and after.branches[0].is_fallback
        ):
            warn(
                ["nodes", after.id, "branches"],
                f"nodes '{node.id}' and '{after.id}' each have a single unconditional branch "
                "in a row: two answers that change nothing; branch on frame or cues in one",
            )
    if scenario.knowledge.topics:
        matcher = matcher or matcher_for(scenario.knowledge, wait=True)
        position = {t.id: i for i, t in enumerate(scenario.knowledge.topics)}
        for topic_id, went in matcher.unreached().items():
            warn(
                ["knowledge", "topics", position[topic_id], "id"],
                f"topic '{topic_id}' is not reached by its own example questions: each, left "
                f"out, is closer to {', '.join(repr(t) for t in went)}; make the topics more "
                "distinct, or add example questions",
            )
        # session 19: the questions every seeker asks, which only a topic asking them that way
        # answers well
        for kind, what in (
            (
                "current",
                'what the manager is working on now ("What are you working on these days?"); '
                "without one that question gets his typical week",
            ),
            (
                "advice",
                'advice for the seeker ("What would you do in my shoes?"); without one that '
                "question gets a generic line of advice",
            ),
        ):
            if not has_topic_for(matcher, kind):
                warn(
                    ["knowledge", "topics"],
                    f"no topic answers {what}: add a topic whose example questions ask it",
                )
    return sorted(found, key=by_line)


def _read(path: Path) -> tuple[dict[str, Any], Mapping[KeyPath, int]] | None:
    """A file's YAML mapping and its lines, read once; None when it cannot be read as one."""
    try:
        text = read_bounded(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    data, lines, _ = load_yaml(text, str(path))
    return (data, lines) if isinstance(data, dict) else None


def _file_warnings(path: Path, data: dict[str, Any], lines: Mapping[KeyPath, int]) -> list[Problem]:
    """The warnings of one file's scenario, beside its errors too (newcomer N12): a file whose
    graph is broken still gets every check that can run on it, so an author fixing the errors
    is not then surprised by a second round. Schema errors leave no scenario: none."""
    file = str(path)
    if schema_problems(data, lines, file):
        return []  # not a scenario yet: its errors say what is missing
    try:
        scenario = _build(data, path)
        found = scenario_warnings(scenario, lines, file)
    except Exception:  # a check that needs a sound graph: the errors come first
        return []
    if path.stem != scenario.id:
        found.append(
            Problem(
                file,
                line_of(lines, ["id"]),
                f"the file is named '{path.name}' but the scenario's id is '{scenario.id}': "
                f"name it '{scenario.id}{path.suffix}' so the two are easy to match",
                warning=True,
            )
        )
    return sorted(found, key=by_line)


def warn_file(path: Path) -> list[Problem]:
    """The warnings of one scenario file (beside its errors too)."""
    raw = _read(path)
    return _file_warnings(path, *raw) if raw is not None else []


def _title_twice(
    path: Path, data: dict[str, Any], lines: Mapping[KeyPath, int], first: dict[str, Path]
) -> Problem | None:
    """A warning when another file (in `first`, by folded title) already has this title: the
    picker and History show scenarios by title, so two alike cannot be told apart."""
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        return None
    key = " ".join(title.casefold().split())
    if key not in first:
        first[key] = path
        return None
    return Problem(
        str(path),
        line_of(lines, ["title"]),
        f"the title '{title.strip()}' is also the title of {first[key]}: the picker and "
        "History would show two scenarios alike; give each its own title",
        warning=True,
    )


def warn_paths(paths: Iterable[Path]) -> list[Problem]:
    """The warnings of these files and folders' scenarios (each file read once), then each
    title a file shares with an earlier one."""
    found: list[Problem] = []
    titles: list[Problem] = []
    first: dict[str, Path] = {}
    for path in expand_paths(Path(p) for p in paths):
        raw = _read(path)
        if raw is None:
            continue
        found += _file_warnings(path, *raw)
        if (twice := _title_twice(path, *raw, first)) is not None:
            titles.append(twice)
    return found + titles


@dataclass(frozen=True)
class ScenarioStats:
    """How big a scenario is and how much of it responds to the seeker."""

    id: str
    nodes: int
    lines: int  # manager lines: one per node, whatever its phrasings
    variants: int  # phrasings, counted over every node
    responsive: int  # nodes with a branch on frame or cues
    branching: int  # nodes that are not ends
    topics: int
    answers: int
    deflections: int
    pivotal: int
    outcomes: int
    parts: int  # distinct things the manager can say, pre-rendered

    def to_dict(self) -> dict[str, int | str]:
        return dict(self.__dict__)


def stats(scenario: Scenario) -> ScenarioStats:
    """The size and coverage figures `frameshift validate --stats` prints."""
    nodes = list(scenario.nodes.values())
    return ScenarioStats(
        id=scenario.id,
        nodes=len(nodes),
        lines=len(nodes),
        variants=sum(len(n.lines) for n in nodes),
        responsive=sum(1 for n in nodes if any(not b.is_fallback for b in n.branches)),
        branching=sum(1 for n in nodes if not n.is_end),
        topics=len(scenario.knowledge.topics),
        answers=sum(len(t.answers) for t in scenario.knowledge.topics),
        deflections=len(scenario.knowledge.deflect),
        pivotal=len(scenario.pivotal_nodes()),
        outcomes=len(scenario.outcomes()),
        parts=len(scenario.manager_lines()),
    )
