"""The sentence model's part of framing: context, monologues, evidence spans and the fallback."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.framing import analyze, analyze_answer
from app.framing.cues import manager_cues
from app.framing.encoder import MODEL_DIR
from app.framing.learned import (
    HEADS_FILE,
    Judgement,
    hybrid,
    is_monologue,
    load_or_notice,
    model_notice,
    rules_decide,
    shared_model,
)
from app.framing.vocabulary import CUE_SPECS
from tests.unit.framing.framing_helpers import DATA, talk

REPO = Path(__file__).resolve().parents[3]

PITCH = (
    "I have ten years of experience in logistics and I led a team of forty people. I cut "
    "delivery costs by a third, I rebuilt the routing system, I trained every new dispatcher "
    "myself and I was the top performer three years running. "
) * 5


def _corpus() -> list[tuple[str | None, str]]:
    pairs: list[tuple[str | None, str]] = []
    for path in sorted(DATA.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            raw = json.loads(line)
            if "answer" in raw:
                pairs.append((raw.get("manager"), raw["answer"]))
    return pairs


def test_the_model_is_bundled_and_loads() -> None:
    assert shared_model() is not None
    assert model_notice() is None


def test_yes_please_to_a_coffee_stays_neutral() -> None:
    assert analyze_answer("Would you like a coffee?", "Yes please").frame == "neutral"


def test_yes_to_the_interest_question_is_an_interview() -> None:
    result = analyze_answer("Are you interested in the position?", "Yes!")
    assert result.frame == "interview"
    assert [c.cue for c in result.cues] == ["commitment"]


def test_a_long_pitch_is_an_interview_with_self_promotion() -> None:
    result = analyze_answer("So what brings you here today?", PITCH)
    assert result.frame == "interview"
    assert "self_promotion" in {c.cue for c in result.cues}


def test_a_monologue_about_oneself_as_a_worker_is_self_promotion_whatever_its_words() -> None:
    """Session 15 draws the line: talk about oneself as a candidate (experience, roles,
    results, fit) at length is a pitch in any words; a story about oneself is not."""
    career = (
        "I spent my twenties on my uncle's boats, then I worked as a deckhand for a ferry company "
        "and later took a role in their operations office, where I was responsible for the "
        "rota. "
    ) * 6
    assert is_monologue(career, [])
    result = analyze_answer("Tell me a bit about yourself.", career)
    assert result.frame == "interview"
    assert not is_monologue(career + " What about you, how did you start?", ["seeker_question"])
    story = (
        "I grew up near the coast and I spent my summers on my uncle's boat, and I remember "
        "how I used to sort the catch with my cousins before I went to school. "
    ) * 6
    assert not is_monologue(story, [])


def test_eager_commitment_without_the_cue_words_is_an_interview() -> None:
    for answer in ("I'd move anywhere for this job", "when do the interviews happen"):
        assert analyze_answer("We have a few roles open.", answer).frame == "interview", answer


def test_wanting_a_job_without_asking_for_it_is_an_interview() -> None:
    for answer in (
        "I'd love to work at Harbor Bank",
        "I'm looking for a new job in data engineering",
    ):
        assert analyze_answer("So what are you up to these days?", answer).frame == "interview"


def test_a_plain_question_about_the_work_is_exploration() -> None:
    result = analyze_answer("I run the data platform team.", "What does the team work on?")
    assert result.frame == "exploration"


def test_model_cues_are_named_from_the_table_and_the_score_agrees_with_the_frame() -> None:
    for manager, answer in _corpus()[:400]:
        result = analyze_answer(manager, answer)
        for cue in result.cues:
            assert cue.cue in CUE_SPECS
        if result.frame == "exploration":
            assert result.score >= 0.2
        elif result.frame == "interview":
            assert result.score <= -0.2
        else:
            assert -0.2 < result.score < 0.2


def test_every_evidence_span_is_a_valid_slice_on_word_boundaries() -> None:
    for manager, answer in _corpus():
        for cue in analyze_answer(manager, answer).cues:
            assert answer[cue.start : cue.end] == cue.text
            assert 0 <= cue.start < cue.end <= len(answer)
            assert cue.start == 0 or not (
                answer[cue.start - 1].isalnum() and answer[cue.start].isalnum()
            )
            assert cue.end == len(answer) or not (
                answer[cue.end - 1].isalnum() and answer[cue.end].isalnum()
            )


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_spans_are_valid_slices_for_any_text(answer: str) -> None:
    for cue in analyze_answer("Tell me about yourself.", answer).cues:
        assert answer[cue.start : cue.end] == cue.text


def test_rules_decide_strong_cues_hedges_pitches_and_bare_yes() -> None:
    assert rules_decide("When can I start?", ["commitment", "seeker_question"])
    assert rules_decide("Maybe, it depends", ["conditional_interest"])
    assert rules_decide("Yes please", [])
    assert not rules_decide("Yes, and I would also like to hear more about the team", [])
    assert not rules_decide("What does the team do?", ["seeker_question"])


def test_missing_model_files_mean_rules_only_with_a_notice(tmp_path: Path) -> None:
    model, notice = load_or_notice(tmp_path)
    assert model is None
    assert notice is not None
    assert "rules only" in notice


def test_damaged_heads_mean_rules_only_with_a_notice(tmp_path: Path) -> None:
    for path in MODEL_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / HEADS_FILE).write_text("{}", encoding="utf-8")
    model, notice = load_or_notice(tmp_path)
    assert model is None
    assert notice is not None
    assert "damaged" in notice


def test_rules_only_analysis_needs_no_model() -> None:
    turns = talk("Are you interested in the role?", "Yes!", "Great, tell me about yourself.")
    result = analyze(turns, rules_only=True)
    assert result.shift is not None
    assert result.shift.turn == 1


def test_yes_to_an_introduction_offer_is_neutral_like_the_coffee_yes() -> None:
    offer = "I could put you in touch with Daniel and Ama in my group. Would that be useful?"
    for answer in ("Yes, very much, thank you", "That would be great, thank you", "yes"):
        assert analyze_answer(offer, answer).frame == "neutral", answer
    assert analyze_answer("Shall I put you forward for the role?", "yes").frame == "interview"


def test_a_short_reply_without_a_yes_to_a_commitment_question_commits_to_nothing() -> None:
    """The manager's line shapes the reading but cannot supply it: fillers, deflections,
    thanks and plain facts are not commitment, whatever was asked."""
    asked = "So tell me, would you be interested in the post?"
    for answer in (
        "Hmm.",
        "Let's see.",
        "um well",
        "Thanks.",
        "Thank you, that would be kind.",
        "I live in Leeds.",
        "who knows",
    ):
        result = analyze_answer(asked, answer)
        assert "commitment" not in {c.cue for c in result.cues}, answer
        assert result.frame != "interview", answer
    # A fact about one's experience may read as a pitch, but never as a commitment.
    pitch = analyze_answer(asked, "I've been working in my field for six years.")
    assert "commitment" not in {c.cue for c in pitch.cues}
    assert analyze_answer(asked, "Yes!").frame == "interview"


def test_manager_turns_and_decided_answers_never_load_the_model() -> None:
    """In a fresh process: the model loads only when a turn needs it."""
    code = (
        "from app.framing import analyze, analyze_answer, Turn\n"
        "from app.framing import learned\n"
        "analyze([Turn('manager', 'Hi, we run the outreach programme.')])\n"
        "analyze_answer('Are you interested in the role?', 'Yes!')\n"
        "print(learned.shared_model(wait=False), learned._SHARED.started)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=REPO
    ).stdout
    assert out.split() == ["None", "False"]


@pytest.mark.parametrize("seed", range(30))
def test_evidence_of_a_long_answer_never_spans_its_unread_middle(seed: int) -> None:
    """A long answer is read as its opening and its close; the highlighted words lie in one of
    the two, whatever direction pushes the decision."""
    import numpy as np

    from app.framing.learned import evidence

    model = shared_model()
    assert model is not None
    rng = np.random.default_rng(seed)
    words = [
        "so",
        "I",
        "think",
        "the",
        "night",
        "team",
        "we",
        "really",
        "want",
        "to",
        "ask",
        "how",
        "you",
        "plan",
        "it",
        "honestly",
    ]
    text = " ".join(str(rng.choice(words)) for _ in range(60 + 5 * seed))
    tokens = model.encoder.token_states(text, framing=True)
    assert tokens.gap is not None
    head_end = tokens.spans[tokens.gap][1]
    tail_start = tokens.spans[tokens.gap + 1][0]
    for _ in range(5):
        direction = rng.normal(size=384)
        start, end = evidence(
            tokens.states.astype(np.float64), tokens.spans, direction, text, tokens.gap
        )
        assert text[start:end].strip()
        assert end <= head_end or start >= tail_start


def test_the_same_answer_is_judged_once_and_alike() -> None:
    model = shared_model()
    assert model is not None
    model.forget()
    first = model.judge("I always wondered how the night shift hands over", frozenset())
    again = model.judge("I always wondered how the night shift hands over", frozenset())
    assert again is first
    model.forget()
    fresh = model.judge("I always wondered how the night shift hands over", frozenset())
    assert fresh == first
    assert fresh is not first


def test_without_remembering_every_judgement_is_made_again() -> None:
    model = shared_model()
    assert model is not None
    text = "I always wondered how the night shift hands over"
    model.remember(False)
    try:
        first, again = (model.judge(text, frozenset()) for _ in range(2))
        assert first == again
        assert first is not again
    finally:
        model.remember(True)
    assert model.judge(text, frozenset()) is model.judge(text, frozenset())


# --- session 10: what the model may not read, whatever it reads --------------------------------
# A fine-tuned encoder (session 9) read "Honestly I bet [you'd be the best person to ask]" as a
# commitment and "Hmm, is it a new role?" to the interest question as a job request, both at
# p(interview) 0.97, over any threshold. These tests hold the guards with a model that reads an
# interview everywhere at p 0.99, so they hold for any trained model.


class _ReadsInterview:
    """A stand-in model: an interview with `cue`, p 0.99, evidence the whole text; with `only`,
    just for texts holding one of those words (neutral, p 0.99, for the rest)."""

    def __init__(self, cue: str, only: tuple[str, ...] = ()) -> None:
        self.cue = cue
        self.only = only
        self.heads = type("H", (), {"threshold": 0.5, "question_threshold": 0.6})()

    def judge(self, text: str, manager_cues: frozenset[str]) -> Judgement:
        if self.only and not any(word in text.lower() for word in self.only):
            probs = {"exploration": 0.005, "interview": 0.005, "neutral": 0.99}
            return Judgement("neutral", probs, None, 0, 0)
        probs = {"exploration": 0.005, "interview": 0.99, "neutral": 0.005}
        return Judgement("interview", probs, self.cue, 0, len(text), (self.cue, "commitment"))


def _framed(model: object, line: str, answer: str) -> tuple[str, list[str]]:
    """The analyzer's frame and cues for `answer` after `line` with `model` (its own path)."""
    rules = analyze_answer(line, answer, rules_only=True)
    names = [c.cue for c in rules.cues]
    if rules_decide(answer, names):
        return rules.frame, names
    context = frozenset(c.cue for c in manager_cues(line))
    frame, _, cues = hybrid(model, answer, (rules.frame, rules.score, rules.cues), context)  # type: ignore[arg-type]
    return frame, [c.cue for c in cues]


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower().replace("'", ""))).strip()


LEAD_INS = ("Honestly I bet", "I think", "I'm sure", "I was told", "I'm guessing",
            "I figured", "I heard", "To be honest I reckon", "Well I bet", "So I think",
            "I just know")  # fmt: skip
TO_ASK = ("you'd be the best person to ask about {t}", "you're the right person to talk to",
          "she's the best person to talk to about {t}", "your manager would be the right person "
          "to ask about {t}", "you might be the perfect person to ask")  # fmt: skip
ASK_TOPICS = ("data pipelines", "breaking into nursing", "this")
FACT_LINES = ("I've been in hospital IT for twenty years.", "I lead the data platform team here.")


def test_the_words_leading_into_a_remark_about_the_one_to_ask_are_not_read_alone() -> None:
    """ "Honestly I bet" before "you'd be the best person to ask" is that remark's lead-in, not
    a sentence of its own: read apart it is no commitment (old code: 'interview', read from
    "Honestly I bet"). Generated: lead-ins x remarks x topics x lines x typed / recognizer."""
    model = _ReadsInterview("commitment")
    cases = [
        (line, said)
        for lead, remark, topic, line in itertools.product(LEAD_INS, TO_ASK, ASK_TOPICS, FACT_LINES)
        for typed in [f"{lead} {remark.format(t=topic)}."]
        for said in (typed, _asr(typed))
    ]
    assert len(cases) >= 600
    wrong = [
        (a, f, c) for line, a in cases for f, c in [_framed(model, line, a)] if f == "interview"
    ]
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


def test_a_sentence_of_its_own_beside_the_remark_is_still_read() -> None:
    """Only the words running into the remark are its lead-in: a sentence before it, or a
    clause set off by a comma, is still read apart and its interview reading stands."""
    model = _ReadsInterview("commitment")
    own = ("My portfolio is strong and ready to show.", "I have shipped three apps on my own,")
    wrong = []
    for first, remark, line in itertools.product(own, TO_ASK, FACT_LINES):
        answer = f"{first} {remark.format(t='this')}."
        if _framed(model, line, answer)[0] != "interview":
            wrong.append(answer)
    assert not wrong, wrong[:5]


YES_NO_WORK = ("is it a new role", "is the team new", "does the role involve travel",
               "is it a permanent role", "does the team work with sales",
               "is the role mostly research", "is the work client facing",
               "does it involve a lot of meetings", "is it a big team",
               "is the project already funded")  # fmt: skip
HEDGES = ("", "Hmm, ", "Depends. ", "Maybe. ", "Not sure yet. ", "Good question. ")
INTEREST = (
    "So tell me, are you interested in the position?",
    "Could you see yourself in this role?",
    "Would a role like this interest you?",
)


def test_a_yes_no_question_about_the_work_asks_for_no_job() -> None:
    """A question with no first-person word that asks for no place asks what the work is, as
    a wh-question does: a model that reads a job request from the question (and nothing from
    the hedge before it) may not name one (old code: 'interview' with job_request for every
    one). Generated: hedges x questions x interest lines x styles."""
    model = _ReadsInterview("job_request", only=("role", "team", "work", "it"))
    cases = [
        (line, said)
        for hedge, question, line in itertools.product(HEDGES, YES_NO_WORK, INTEREST)
        for typed in [f"{hedge}{question}?"]
        for said in (typed, _asr(typed))
    ]
    # The guard reads the questions the rules heard ("depends is the team new", unpunctuated
    # after a hedge, is heard as none: the rules' business, not this class's).
    heard = [
        (line, a)
        for line, a in cases
        if "seeker_question" in {c.cue for c in analyze_answer(line, a, rules_only=True).cues}
    ]
    assert len(cases) >= 300
    assert len(heard) >= 0.9 * len(cases)
    cases = heard
    wrong = [
        (a, f, c) for line, a in cases for f, c in [_framed(model, line, a)] if f == "interview"
    ]
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


def test_a_request_beside_a_question_about_the_work_is_still_read() -> None:
    """The turn's other sentences are read apart: "I just really want this job. Sorry, is it a
    new role?" stays an interview."""
    model = _ReadsInterview("job_request")
    wrong = []
    for first, question, line in itertools.product(
        ("I just really want this job.", "I'd love to throw my hat in."), YES_NO_WORK, INTEREST
    ):
        answer = f"{first} Sorry, {question}?"
        if _framed(model, line, answer)[0] != "interview":
            wrong.append(answer)
    assert not wrong, wrong[:5]


ASKING = ("could I work on your team", "is there a spot for someone like me",
          "would you take me on", "do you think I could do this role",
          "could my background fit the role")  # fmt: skip


def test_a_question_that_asks_for_the_place_is_still_a_job_request() -> None:
    """With a first-person word or words asking for a place the model's job request stands."""
    model = _ReadsInterview("job_request")
    wrong = []
    for hedge, question, line in itertools.product(("", "Hmm, ", "So "), ASKING, INTEREST):
        answer = f"{hedge}{question}?"
        if _framed(model, line, answer)[0] != "interview":
            wrong.append(answer)
    assert not wrong, wrong[:5]


PLACE_NOUNS = ("a job", "a spot", "a place", "an opportunity", "any space", "a way in", "a role",
               "a slot", "a seat", "any work", "an opening", "room")  # fmt: skip
WHERE = ("", " on the team", " in your group", " at the company", " here")
FOR_WHOM = ("", " for a new grad", " for a career changer", " for a nurse like that")
PLACE_FREE = ("is the job posted yet", "is the role still going", "is that position open",
              "is the job advertised anywhere", "are the roles listed online")  # fmt: skip


def test_asking_whether_a_place_exists_is_still_a_job_request() -> None:
    """Review 10 R15: a yes/no question whether a place exists or is free asks for it, whatever
    noun names it and with no first-person word ("is there a spot on the team?", "is the job
    posted yet"): the model's job request stands (f844165 read 366 of 704 such as exploration).
    Generated: nouns x places x beneficiaries x hedges x styles x lines, and the free-place
    questions."""
    model = _ReadsInterview("job_request")
    questions = [f"is there {n}{w}{f}" for n in PLACE_NOUNS for w in WHERE for f in FOR_WHOM]
    questions += list(PLACE_FREE)
    cases = [
        (line, said)
        for hedge, question, line in itertools.product(("", "Hmm, ", "So "), questions, INTEREST)
        for typed in [f"{hedge}{question[0].upper()}{question[1:]}?"]
        for said in (typed, _asr(typed))
    ]
    assert len(cases) >= 1000
    wrong = [a for line, a in cases if _framed(model, line, a)[0] != "interview"]
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


# --- The training labels against the lead's decisions (scripts/train_framing_heads.LABEL_RULES)


def _label_rules():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "scripts"))
    import train_framing_heads

    return train_framing_heads


def _labelled(manager: str, answer: str, frame: str):  # type: ignore[no-untyped-def]
    from app.framing.evaluation import LabelledAnswer

    return LabelledAnswer(manager=manager, answer=answer, frame=frame, cues=())  # type: ignore[arg-type]


_MANAGER_LINES = ("The hotel just finished a big remodel.", "So what brings you here tonight?")
_WISHES = ("I'd love to", "I would love to", "Honestly, I'd really like to", "id love to")
_THEIR_PLACES = (
    " work here",
    " work at Harbor Bank",
    " work on your team",
    " join your team",
    " work at vireo",
    " work with you all",
    " work in your group",
)
_KINDS = (
    " work somewhere like this",
    " work at a place like yours",
    " work at a company like yours",
    " work somewhere like your firm",
)
_TAILS = ("", " someday.", " one day, it seems like a special place.")


def _styles(text: str) -> tuple[str, str]:
    from app.framing.evaluation import recognizer_style

    return text, recognizer_style(text)


def test_a_place_named_as_theirs_is_relabelled_an_interview() -> None:
    script = _label_rules()
    cases = 0
    for line, wish, place, tail, frame in itertools.product(
        _MANAGER_LINES, _WISHES, _THEIR_PLACES, _TAILS, ("neutral", "exploration")
    ):
        for text in _styles(wish + place + tail):
            kept, changed = script.relabelled([_labelled(line, text, frame)])
            assert [k.frame for k in kept] == ["interview"], text
            assert changed == {"their_place_is_interview": 1}, text
            cases += 1
    assert cases >= 600


def test_a_kind_of_place_is_no_commitment_and_an_interview_label_is_dropped() -> None:
    script = _label_rules()
    for line, wish, place, tail in itertools.product(_MANAGER_LINES, _WISHES, _KINDS, _TAILS):
        for text in _styles(wish + place + tail):
            kept, changed = script.relabelled([_labelled(line, text, "interview")])
            assert kept == [], text
            assert changed == {"a_kind_of_place_is_no_commitment": 1}, text
            for frame in ("neutral", "exploration"):  # already no commitment: kept as labelled
                item = _labelled(line, text, frame)
                assert script.relabelled([item]) == ([item], {}), text


def test_a_wish_that_is_negated_hedged_or_about_someone_else_keeps_its_label() -> None:
    script = _label_rules()
    answers = (
        "I'd love to hear what you like about working here.",
        "I wouldn't want to work here, the commute is too long.",
        "I don't think I'd like to work at Harbor Bank, honestly.",
        "I'm not sure yet, maybe I'd love to work here if it's the platform side.",
        "My brother would love to work at your company.",
        "Working here must be fun.",
    )
    for line, answer, frame in itertools.product(
        _MANAGER_LINES, answers, ("neutral", "exploration")
    ):
        for text in _styles(answer):
            item = _labelled(line, text, frame)
            assert script.relabelled([item]) == ([item], {}), text


_OWN_TERMS = (
    "What shifts would I be on?",
    "What time would I have to clock in?",
    "Would I get to work from home on Fridays?",
    "When could I start?",
    "What would my hours be?",
    "And would I be paid weekly or monthly?",
    "Do I get benefits from day one?",
    "Would I be able to work remotely some of the week?",
)
_WORK_PEOPLE = (
    "Who would I be working with?",
    "What would my first project look like?",
    "Who would I report to?",
    "So what would I be working on, day to day?",
    "Who would be my mentor?",
)
_THEIR_ROUTINE = (
    "What shifts do your nurses usually work?",
    "What time do you clock in?",
    "Does your team work from home on Fridays?",
    "Where do I start with all this, honestly?",
    "What should I pay attention to?",
)
_LINES = ("Tell me about your team.", "We're a small crew, about twelve of us.")


def test_a_question_about_ones_own_terms_is_relabelled_an_interview() -> None:
    script = _label_rules()
    for line, answer, lead, frame in itertools.product(
        _LINES, _OWN_TERMS, ("", "Okay, cool. ", "Sounds good. Um, "), ("neutral", "exploration")
    ):
        for text in _styles(lead + answer):
            kept, changed = script.relabelled([_labelled(line, text, frame)])
            assert [k.frame for k in kept] == ["interview"], text
            assert changed == {"own_terms_are_interview": 1}, text
        item = _labelled(line, lead + answer, "interview")
        assert script.relabelled([item]) == ([item], {})


def test_a_question_about_the_work_or_the_people_is_relabelled_exploration() -> None:
    script = _label_rules()
    for line, answer, lead in itertools.product(
        _LINES, _WORK_PEOPLE, ("", "Okay, cool. ", "That sounds great. ")
    ):
        for text in _styles(lead + answer):
            kept, changed = script.relabelled([_labelled(line, text, "interview")])
            assert [k.frame for k in kept] == ["exploration"], text
            assert changed == {"work_and_people_are_exploration": 1}, text


def test_questions_about_their_own_routine_or_advice_keep_their_labels() -> None:
    script = _label_rules()
    for line, answer, frame in itertools.product(
        _LINES, _THEIR_ROUTINE, ("neutral", "exploration")
    ):
        for text in _styles(answer):
            item = _labelled(line, text, frame)
            assert script.relabelled([item]) == ([item], {}), text


def test_only_the_writers_train_split_is_relabelled() -> None:
    from app.framing.evaluation import load_answers, load_split

    script = _label_rules()
    items = script.training_items()
    team = load_answers(DATA / "answers.jsonl")
    assert items[: len(team)] == team  # the team's dev set is the rules' own: untouched
    paths = sorted((DATA / "hands").glob("writer-*.jsonl"))
    assert script.holdout_items() == [i for p in paths for i in load_split(p, "holdout")]
