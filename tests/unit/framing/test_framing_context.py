"""Context: the manager's line before an answer decides what "yes" means."""

from __future__ import annotations

import pytest
from framing_helpers import talk

from app.framing import analyze, analyze_answer

COMMITMENT_QUESTIONS = [
    "Are you interested in the position?",
    "is this a role youd want",
    "Can I put you forward?",
    "shall i pass your name to the hiring team",
    "Would you like to apply?",
    "do you want me to set up an interview",
    "Is this something you'd go for?",
    "Would you be interested in the opening on my team?",
    "could you see yourself in this job",
    "Should I tell the hiring manager you're interested?",
    "Want me to send your CV over?",
]
BARE_AFFIRMATIVES = [
    "yes",
    "Yes!",
    "yeah",
    "definitely",
    "of course",
    "for sure",
    "totally",
    "absolutely",
    "100 percent",
    "sure",
    "yes please",
]
SMALL_TALK_QUESTIONS = [
    "Would you like a coffee?",
    "are you going to the talk at three",
    "Did you find the place ok?",
    "Is it still raining?",
]


@pytest.mark.parametrize("question", COMMITMENT_QUESTIONS)
def test_commitment_questions_are_recognised(question: str) -> None:
    """Many phrasings of "do you want the job?" carry the commitment_question cue."""
    manager = analyze(talk(question)).turns[0]
    assert "commitment_question" in {cue.cue for cue in manager.cues}
    assert manager.frame == "interview"


@pytest.mark.parametrize("question", COMMITMENT_QUESTIONS)
@pytest.mark.parametrize("answer", BARE_AFFIRMATIVES)
def test_bare_yes_to_a_commitment_question_is_commitment(question: str, answer: str) -> None:
    """A bare affirmative after a commitment question commits the seeker: interview."""
    result = analyze_answer(question, answer)
    assert result.frame == "interview"
    assert [cue.cue for cue in result.cues] == ["commitment"]


@pytest.mark.parametrize("question", SMALL_TALK_QUESTIONS)
@pytest.mark.parametrize("answer", BARE_AFFIRMATIVES)
def test_bare_yes_to_small_talk_is_neutral(question: str, answer: str) -> None:
    """The same affirmatives after small talk are nothing: neutral, no cue."""
    result = analyze_answer(question, answer)
    assert result.frame == "neutral"
    assert result.cues == ()


def test_yes_without_any_manager_line_is_neutral() -> None:
    """With no context at all, "yes" commits to nothing."""
    assert analyze_answer(None, "yes").frame == "neutral"


@pytest.mark.parametrize(
    "answer",
    [
        "maybe, I'd want to learn more first",
        "it might be id like to learn more first",
        "yes but id want to hear more about it first",
        "possibly it depends on what the work is like",
    ],
)
def test_conditional_answer_to_commitment_question_is_exploration(answer: str) -> None:
    """A conditional answer keeps the talk mutual even after "are you interested?"."""
    result = analyze_answer("Are you interested in the position?", answer)
    assert result.frame == "exploration"
    names = {cue.cue for cue in result.cues}
    assert "conditional_interest" in names
    assert "commitment" not in names


@pytest.mark.parametrize(
    ("answer", "cue"),
    [
        ("what qualifications do you need so i can get the job", "job_request"),
        ("When can I start?", "commitment"),
        ("how much does it pay", "pay_question"),
        ("what are the benefits like", "pay_question"),
        ("are you hiring right now", "job_request"),
        ("I have ten years of experience, do you think I'd be a good fit?", "self_promotion"),
    ],
)
def test_questions_that_are_pitches_are_interview(answer: str, cue: str) -> None:
    """A question carrying a pitch cue is not rescued by being a question."""
    result = analyze_answer("We've got a small team.", answer)
    assert result.frame == "interview"
    assert result.score < 0
    assert cue in {c.cue for c in result.cues}


@pytest.mark.parametrize(
    ("manager", "cue"),
    [
        ("Tell me about your experience.", "evaluative_question"),
        ("why should we hire you", "evaluative_question"),
        ("When could you start?", "evaluative_question"),
        ("I run the logistics group, we mostly move medical supplies.", "sharing"),
        ("what drew you to this field", "curiosity"),
    ],
)
def test_manager_cues(manager: str, cue: str) -> None:
    """Manager turns show evaluating versus sharing and curiosity cues."""
    turn = analyze(talk(manager)).turns[0]
    assert cue in {c.cue for c in turn.cues}
    expected = "interview" if cue == "evaluative_question" else "exploration"
    assert turn.frame == expected


def test_question_found_from_word_order_alone() -> None:
    """Recognizer text has no question mark; the word order still makes it a question."""
    result = analyze_answer(
        "i manage the design systems group", "what does a typical day look like"
    )
    assert [cue.cue for cue in result.cues] == ["seeker_question"]
    assert result.frame == "exploration"


def test_embedded_wh_word_is_not_a_question() -> None:
    """ "that's what I do" and "I know how it works" are statements, not questions (for the
    rules; the sentence model reads undecided turns afterwards)."""
    for answer in ("thats what i do", "i know how it works", "that is what i know"):
        assert analyze_answer("So what do you do?", answer, rules_only=True).cues == ()


def test_follow_up_from_anaphora_and_from_shared_words() -> None:
    """A question picking up the manager's words or pointing back at them is a follow-up."""
    by_anaphor = analyze_answer("We just migrated to a new warehouse.", "oh how did that go")
    by_overlap = analyze_answer("I started out as a nurse.", "what made you leave nursing")
    unrelated = analyze_answer("I started out as a nurse.", "what time is it")
    assert "follow_up_question" in {c.cue for c in by_anaphor.cues}
    assert "follow_up_question" in {c.cue for c in by_overlap.cues}
    assert "follow_up_question" not in {c.cue for c in unrelated.cues}


def test_analyze_answer_equals_the_last_turn_of_analyze() -> None:
    """analyze_answer is the same reading as analysing the two-turn transcript."""
    manager, answer = "Are you interested in the position?", "Yes! When can I start?"
    assert analyze_answer(manager, answer) == analyze(talk(manager, answer)).turns[-1]
    assert analyze_answer(None, "hello").index == 0


def test_context_is_only_the_line_just_before() -> None:
    """A commitment question two turns back does not turn a later "yes" into commitment."""
    turns = talk("Are you interested in the position?", "not sure yet", "Coffee?", "yes please")
    assert analyze(turns).turns[3].frame == "neutral"


@pytest.mark.parametrize(
    "answer",
    [
        "Hi, here is my resume. I'm applying for the test engineer position.",
        "i wanted to ask if your group is hiring",
    ],
)
def test_job_requests_in_statement_word_order(answer: str) -> None:
    """Handing over a resume or asking whether a group "is hiring" asks for the job."""
    result = analyze_answer("What are you hoping to find today?", answer)
    assert result.frame == "interview"
    assert "job_request" in {c.cue for c in result.cues}


def test_declining_to_talk_pay_is_not_a_pay_question() -> None:
    """ "I'd rather not get into salary yet" turns pay down; it does not ask about it."""
    result = analyze_answer(
        "What's your current salary, roughly?",
        "I'd rather not get into salary yet. Can you tell me more about the team?",
    )
    assert "pay_question" not in {c.cue for c in result.cues}
    assert result.frame == "exploration"


def test_one_question_is_one_question() -> None:
    """Openers that continue one another ("can you | tell me") make a single question."""
    for answer in (
        "Can you tell me more about the team?",
        "how big is it",
        "which part do you like",
    ):
        questions = [c for c in analyze_answer(None, answer).cues if c.cue == "seeker_question"]
        assert len(questions) == 1, answer
        assert questions[0].start == 0
