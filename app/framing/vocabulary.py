"""The names shared by the analyzer, the scenario files and the reports.

Scenario authors branch on these names, so they are a public contract: add, never rename.
"""

from __future__ import annotations

from typing import Final, Literal

Frame = Literal["exploration", "interview", "neutral"]
Speaker = Literal["manager", "seeker"]

FRAMES: Final[tuple[Frame, ...]] = ("exploration", "interview", "neutral")
SPEAKERS: Final[tuple[Speaker, ...]] = ("manager", "seeker")

#: Cues found in the seeker's turns. Positive ones keep the talk mutual; negative ones make it
#: an interview.
SEEKER_CUES: Final[dict[str, str]] = {
    "seeker_question": "asks the other person a question",
    "follow_up_question": "asks about what the other person just said",
    "advice_seeking": "asks for advice or the other person's view",
    "referral_seeking": "asks who else to talk to or what else to read",
    "honest_uncertainty": "says honestly that fit is not yet known",
    "conditional_interest": "shows interest that depends on learning more",
    "other_focus": "talks about the other person or their work",
    "commitment": "commits to the position without knowing it",
    "self_promotion": "pitches themself: skills, achievements, credentials",
    "job_request": "asks for the job, an interview or a referral for the position",
    "pay_question": "asks about pay or benefits too early",
}

#: Cues found in the manager's turns.
MANAGER_CUES: Final[dict[str, str]] = {
    "evaluative_question": "evaluates the seeker: experience, why hire you, availability",
    "commitment_question": "asks whether the seeker wants the position",
    "sharing": "shares their own work, team or story",
    "curiosity": "asks about the seeker's interests out of curiosity",
}

CUE_NAMES: Final[frozenset[str]] = frozenset(SEEKER_CUES) | frozenset(MANAGER_CUES)

#: Cues that push the conversation toward an interview (used for shift detection and scoring).
INTERVIEW_CUES: Final[frozenset[str]] = frozenset(
    {
        "commitment",
        "self_promotion",
        "job_request",
        "pay_question",
        "evaluative_question",
        "commitment_question",
    }
)
