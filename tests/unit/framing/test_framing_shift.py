"""Shift detection: where the seeker tipped the talk into an interview, and why."""

from __future__ import annotations

from framing_helpers import talk

from app.framing import analyze


def test_seed_story_shift_and_explanation() -> None:
    """The eager "Yes!" to "Are you interested in the position?" is the shift, explained."""
    turns = talk(
        "Jen says you're looking around in public health.",
        "Yes, thanks for talking with me.",
        "We have a coordinator opening. Are you interested in the position?",
        "Yes!",
        "Great, tell me about your experience.",
        "I volunteered at a food bank once.",
    )
    shift = analyze(turns).shift
    assert shift is not None
    assert (shift.turn, shift.cue) == (3, "commitment")
    assert shift.explanation == (
        'Answering "Yes" to "Are you interested in the position?" committed you to a job you '
        "knew little about, so the talk became an interview."
    )


def test_no_shift_when_the_seeker_keeps_exploring() -> None:
    """A conversation of questions and honest answers has no shift."""
    turns = talk(
        "Are you interested in the position?",
        "honestly im not sure yet what does the role involve",
        "Mostly scheduling.",
        "who else should i talk to about it",
    )
    assert analyze(turns).shift is None


def test_later_curiosity_does_not_erase_a_tip() -> None:
    """Curious questions after a job request leave the shift where it was."""
    turns = talk(
        "I run the lab.",
        "are you hiring at the moment",
        "Not right now.",
        "what do you test in the lab",
        "Water, mostly.",
        "how did you get into water testing",
    )
    shift = analyze(turns).shift
    assert shift is not None
    assert (shift.turn, shift.cue) == (1, "job_request")
    assert "are you hiring at the moment" in shift.explanation


def test_one_pitch_is_absorbed_the_second_tips_it() -> None:
    """Self-promotion tips the talk at the second pitching turn, not the first."""
    # a boast: a plain fact answering "Tell me about yourself." is no pitch (trial 8 H26)
    first_pitch = talk(
        "Tell me about yourself.", "I have five years of experience in sales and I top my region."
    )
    assert analyze(first_pitch).shift is None
    both = [
        *first_pitch,
        *talk("OK.", "I'm a fast learner and I always hit my targets."),
    ]
    shift = analyze(both).shift
    assert shift is not None
    assert (shift.turn, shift.cue) == (3, "self_promotion")


def test_manager_turns_never_tip_it() -> None:
    """Only a seeker turn can be the shift: evaluative manager questions alone do not count."""
    turns = talk("Why should we hire you?", "ha im not sure you should yet")
    assert analyze(turns).shift is None


def test_pay_question_shift_quotes_the_words() -> None:
    """A pay question's explanation quotes the seeker's words."""
    shift = analyze(talk("We're hiring an analyst.", "how much does that pay")).shift
    assert shift is not None
    assert shift.cue == "pay_question"
    assert '"how much does that pay"' in shift.explanation
