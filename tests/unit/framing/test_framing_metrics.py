"""Conversation metrics on a conversation whose figures were counted by hand."""

from __future__ import annotations

from framing_helpers import talk

from app.framing import analyze

TURNS = talk(
    "I lead the data team.",  # 0: manager, 5 words
    "What does the data team work on? How big is it?",  # 1: seeker, 11 words, 2 questions
    "Pipelines, mostly. Eight people.",  # 2: manager, 4 words
    "I have ten years of experience and my skills are great.",  # 3: seeker, 11 words
    "Do you have questions?",  # 4: manager, 4 words, 1 question
    "Yes, who else should I talk to?",  # 5: seeker, 7 words, 1 question
)


def test_hand_counted_metrics() -> None:
    """Questions, words, talk share, monologue, follow-ups and pronouns match hand counts."""
    metrics = analyze(TURNS).metrics
    assert metrics["turn_count"] == 6
    assert metrics["questions"]["seeker"] == {"count": 3, "turns": [1, 5]}
    assert metrics["questions"]["manager"] == {"count": 1, "turns": [4]}
    assert metrics["words"] == {"manager": 13, "seeker": 29}
    assert metrics["seeker_talk_share"] == round(29 / 42, 4)
    assert metrics["longest_seeker_monologue"] == {"words": 11, "turn": 1}
    # Turn 1 picks up "data team"; turn 5 asks nothing of what was just said.
    assert metrics["seeker_follow_up_turns"] == [1]
    assert metrics["seeker_follow_up_ratio"] == 0.5
    # Self: "I", "my" (turn 3) and "I" (turn 5) = 3 of 29 words; no "you" in seeker turns.
    assert metrics["pronouns"] == {
        "self_focus_rate": round(3 / 29, 4),
        "other_focus_rate": 0.0,
    }


def test_cue_counts_and_turns() -> None:
    """Every cue name is counted (zeros too) and linked to the turns that showed it."""
    metrics = analyze(TURNS).metrics
    assert metrics["cue_counts"]["self_promotion"] == 2
    assert metrics["cue_turns"]["self_promotion"] == [3]
    assert metrics["cue_turns"]["referral_seeking"] == [5]
    assert metrics["cue_counts"]["pay_question"] == 0
    assert metrics["cue_turns"]["pay_question"] == []


def test_empty_conversation_has_zero_metrics() -> None:
    """No turns: zero counts, no monologue turn, no division by zero."""
    metrics = analyze([]).metrics
    assert metrics["seeker_talk_share"] == 0.0
    assert metrics["longest_seeker_monologue"] == {"words": 0, "turn": None}
    assert metrics["seeker_follow_up_ratio"] == 0.0
