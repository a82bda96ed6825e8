"""Coaching on the seeker's own words, over many answers framed by the real analyzer."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_helpers import seed_session

from app.dialogue import load_scenario
from app.framing import Turn, analyze
from app.report import build_report, render
from app.report.alternatives import line_kind, safe_focus
from app.report.coaching import Said, coach, compose, focus_of
from app.report.focus import focus_kind
from app.store import Store

REPO = Path(__file__).resolve().parents[3]
STORY = load_scenario(REPO / "dialogues" / "connector-intro.yaml")

MANAGER_LINES = (
    "So, are you interested in the position?",
    "We build the pipelines that feed the hospital dashboards. Does that sound like you?",
    "Our group started three years ago when the new reporting rules came in. Any questions?",
    "Tell me a bit about yourself.",
    "Hi, I'm Marcus. What brings you here tonight?",
    "So shall I put you forward for it?",
)
INTERVIEW_ANSWERS = (
    "Yes!",
    "Yes, absolutely, I'm very interested in the position.",
    "Definitely, sign me up.",
    "I'd love to work on your team. Could you refer me for the role?",
    "Can I get an interview?",
    "What's the salary for this role?",
    "How much does it pay?",
    "I have five years of experience with Python and I led a migration to Airflow. "
    "I'm a very fast learner and I won an award for my dashboards. I'm a strong analyst.",
    "i have three years of experience building pipelines and i am an expert in sql and spark "
    "and i managed a team of four",
)
CURIOUS_ANSWERS = (
    "Honestly I don't know yet. What does the team work on?",
    "That sounds interesting, how did you get into it?",
    "who else would you suggest i talk to",
)


def _said(manager: str, answer: str, node_id: str | None = None) -> list[Said]:
    analysis = analyze([Turn("manager", manager), Turn("seeker", answer)]).to_dict()
    return [
        Said(
            index=t["index"],
            speaker=t["speaker"],
            text=[manager, answer][t["index"]],
            frame=t["frame"],
            cues=t["cues"],
            node_id=node_id if t["speaker"] == "seeker" else None,
        )
        for t in analysis["turns"]
    ]


@pytest.mark.parametrize(
    ("manager", "answer"), list(itertools.product(MANAGER_LINES, INTERVIEW_ANSWERS))
)
def test_every_interview_answer_is_coached_in_its_own_words(manager: str, answer: str) -> None:
    turns = _said(manager, answer)
    interview = [t for t in turns if t.speaker == "seeker" and t.frame == "interview"]
    found = coach(turns)
    assert [c.turn for c in found] == [t.index for t in interview]
    for item in found:
        text = answer
        assert item.words
        assert text[item.start : item.end] == item.words
        # The explanation quotes the seeker's own words and the line they answered.
        shown = item.words if len(item.words) <= 80 else item.words[:60]
        assert shown in item.explanation
        assert item.manager_line == manager
        assert item.source == "composed"
        assert item.note is None
        assert item.alternative.endswith("?")
        assert "your experience" not in item.alternative
        assert "  " not in item.alternative
        asked_about_you = line_kind(manager).about_you and line_kind(manager).kind == "open"
        if item.cue == "commitment" and not asked_about_you:  # else: answer it, then ask back
            assert any(w in item.alternative for w in ("might", "Possibly", "could be", "if"))
        if item.cue in ("job_request", "pay_question"):
            assert "work" in item.alternative


def test_the_generated_answers_cover_every_interview_cue() -> None:
    """The answers above really exercise each composed kind of alternative."""
    cues = {
        item.cue
        for manager, answer in itertools.product(MANAGER_LINES, INTERVIEW_ANSWERS)
        for item in coach(_said(manager, answer))
    }
    assert {"commitment", "job_request", "pay_question", "self_promotion"} <= cues


@pytest.mark.parametrize(
    ("manager", "answer"), list(itertools.product(MANAGER_LINES, CURIOUS_ANSWERS))
)
def test_curious_answers_get_no_coaching(manager: str, answer: str) -> None:
    assert coach(_said(manager, answer)) == []


def test_the_authors_note_wins_where_there_is_one() -> None:
    """At a node with a coach note, the author's alternative and note are shown."""
    node = STORY.nodes["asks_interest"]
    assert node.coach is not None
    found = coach(_said(node.lines[0], "Yes!", node_id="asks_interest"), STORY)
    assert len(found) == 1
    assert found[0].alternative == node.coach.alternative
    assert found[0].note == node.coach.note
    assert found[0].source == "author"
    assert found[0].explanation.startswith("You said “Yes!” when Marcus said")
    assert "Marcus" in found[0].explanation


def test_composed_alternative_asks_about_what_was_just_said() -> None:
    line = "We build the pipelines that feed the hospital dashboards. Interested?"
    assert focus_of(line) == "the hospital dashboards"
    assert "the hospital dashboards" in compose("commitment", line)
    assert "the hospital dashboards" in compose("self_promotion", line)
    assert "the hospital dashboards" in compose("job_request", line)
    assert focus_of("Our group started when the new rules were written.") == "the new rules"
    # "came" may be the phrase's verb: without a tagger no phrase is taken, a generic question is
    assert focus_of("Our group started when the new rules came in.") is None
    assert focus_of("the analytics team lost their budget.") is None
    assert focus_of("Tell me about your experience.") is None
    # A question about the seeker is answered first, then the work before the pay.
    assert "the work" in compose("pay_question", "Tell me about your experience.")


def test_alternatives_vary_between_moments() -> None:
    line = "So, are you interested in the position?"
    assert len({compose("commitment", line, turn) for turn in range(6)}) >= 3


@settings(max_examples=150, deadline=None)
@given(
    manager=st.text(max_size=200),
    answer=st.text(min_size=1, max_size=300).filter(str.strip),
    cue=st.sampled_from(["commitment", "job_request", "pay_question", "self_promotion", "other"]),
)
def test_never_raises_and_always_offers_a_question(manager: str, answer: str, cue: str) -> None:
    """Any text, any cue spans (even wrong ones): a sentence and an alternative, no crash.
    (An empty answer has no words to coach and gets nothing.)"""
    turns = [
        Said(0, "manager", manager, "neutral"),
        Said(1, "seeker", answer, "interview", ({"cue": cue, "text": "x", "start": 3, "end": 1},)),
    ]
    (item,) = coach(turns)
    assert item.alternative.endswith("?")
    assert item.explanation.startswith("You said")


def test_the_report_coaches_every_interview_answer(tmp_path: Path) -> None:
    """A stored session's report carries the coaching; the JSON export lists it."""
    data_dir = tmp_path / "data"
    with Store(data_dir / "frameshift.db") as store:
        sid = seed_session(store, data_dir)
        session, turns = store.session(sid), store.turns(sid)
    report = build_report(session, turns, scenario=STORY, data_dir=data_dir)
    interview = [t.index for t in report.turns if t.speaker == "seeker" and t.frame == "interview"]
    assert [c.turn for c in report.coaching] == interview
    assert len(interview) >= 2
    yes = next(c for c in report.coaching if c.words == "Yes")
    assert yes.source == "author"  # asks_interest has the story's coach note
    pitch = report.coaching[-1]
    assert pitch.cue == "self_promotion"
    assert pitch.source == "composed"
    assert "five years" in pitch.explanation
    exported = json.loads(render(report, "json"))["coaching"]
    assert [c["turn"] for c in exported] == interview


#: Words a noun phrase the seeker asks about can never end on: function words, pronouns,
#: adverbs of time and the like ("the analytics team lost their", "the job still").
_DANGLING = frozenset(
    """a an the this that these those our my your their his her its we you they i it he she
    and or but of to in on at for with from by as is are was were be has have had do does did
    will would can could should not still now today tonight yet again already up out here there
    lost ran took broke built made kept got went came said""".split()  # noqa: SIM905
)
_FOCUS_DETERMINERS = ("the", "this", "these", "those", "your")


def _shipped_manager_lines() -> list[str]:
    from app.dialogue import expand_paths

    lines: set[str] = set()
    for path in expand_paths([REPO / "dialogues"]):
        scenario = load_scenario(path)
        lines.update(scenario.manager_lines())
        for node in scenario.nodes.values():
            lines.update(node.lines)
    return sorted(lines)


def _assert_whole_phrase(focus: str | None, line: str) -> None:
    if focus is None:
        return
    words = focus.split()
    assert 2 <= len(words) <= 4, (focus, line)
    assert words[0] in _FOCUS_DETERMINERS, (focus, line)
    assert all(w.lower() not in _DANGLING for w in words[1:]), (focus, line)
    assert all("'" not in w and "’" not in w for w in words), (focus, line)
    assert not words[-1].lower().endswith(("ing", "ly", "ed")), (focus, line)


def test_composed_alternatives_on_every_shipped_manager_line_are_whole() -> None:
    """Every line a shipped manager can say gives a focus that is a whole noun phrase (or
    none, and a generic question): the composed alternative never cuts a clause."""
    lines = _shipped_manager_lines()
    assert len(lines) > 500
    focused = 0
    for line in lines:
        focus = focus_of(line)
        _assert_whole_phrase(focus, line)
        focused += focus is not None
        for cue in ("commitment", "self_promotion", "job_request"):
            for turn in range(3):
                alternative = compose(cue, line, turn)
                assert "  " not in alternative, alternative
                assert alternative.endswith("?"), alternative
                # session 14: only a safe one; session 15: only one of a kind every question
                # can ask about (work: "the hospital dashboards", never "the recruiter")
                if safe_focus(focus, line) is not None and focus_kind(focus) == "work":
                    assert focus in alternative
    assert focused > len(lines) // 5  # most lines still give a specific phrase


_SUBJECTS = ("the analytics team", "our data group", "my test team", "the new hires", "the lab")
_VERBS_PAST = ("lost", "ran", "took", "broke", "built", "made", "kept", "got", "shipped")
_VERBS_S = ("runs", "works", "opens", "sells", "needs", "keeps", "tests", "builds", "means")
_OBJECTS = ("their budget", "it", "the tests", "a new tool", "everything", "our robots")
_TAILS = ("last year.", "again.", ".", "in March.", "every week.", "when we moved.")


@pytest.mark.parametrize(
    "line",
    [
        f"{lead}{subject} {verb} {obj} {tail}".replace(" .", ".")
        for lead, subject, verb, obj, tail in itertools.islice(
            itertools.product(
                ("", "Honestly, ", "Last spring "),
                _SUBJECTS,
                _VERBS_PAST + _VERBS_S,
                _OBJECTS,
                _TAILS,
            ),
            0,
            None,
            7,
        )
    ],
)
def test_a_subject_before_its_verb_is_never_cut_mid_clause(line: str) -> None:
    """A subject followed by its verb ("the analytics team lost their budget") never gives a
    phrase that takes in the verb or stops on "their": either a whole phrase or none."""
    focus = focus_of(line)
    _assert_whole_phrase(focus, line)
    if focus is not None:
        assert not set(focus.lower().split()) & set(_VERBS_PAST + _VERBS_S), (focus, line)


def test_an_explanation_says_why_in_one_breath() -> None:
    """ "..., so you became the one being judged, so the talk became an interview" read badly:
    every cue's explanation has one "so" clause."""
    from app.report.coaching import _WHY, explain

    for cue in _WHY:
        text = explain(cue, "I'd love the job", "So, are you interested?", "Marcus")
        assert text.count(", so ") == 1, text
