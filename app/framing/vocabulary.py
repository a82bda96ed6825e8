"""The names shared by the analyzer, the scenario files and the reports, each declared once.

* `FrameName` is the one frames enum (`Frame` is its typing view for dataclass fields).
* `CUES` is the one cue table: a cue's name, who says it, which way it pushes and how hard, the
  patterns that find it, what it means and the coaching tip for it. Everything else about cues
  (the seeker and manager name lists, weights, strong cues, the lexicons searched) is derived
  from it, and a cue missing a piece fails at import, never silently scores zero.

Scenario authors branch on these names, so they are a public contract: add, never rename.
To add a cue: one `CueSpec` line here (patterns in `patterns.py`), then the corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Literal

from app.framing import patterns as p


class FrameName(StrEnum):
    """How a turn frames the talk. Values are the JSON strings; members compare equal to them."""

    EXPLORATION = "exploration"
    INTERVIEW = "interview"
    NEUTRAL = "neutral"


Frame = Literal["exploration", "interview", "neutral"]  # typing view of FrameName (test-checked)
Speaker = Literal["manager", "seeker"]

FRAMES: Final[tuple[Frame, ...]] = ("exploration", "interview", "neutral")
SPEAKERS: Final[tuple[Speaker, ...]] = ("manager", "seeker")


@dataclass(frozen=True)
class CueSpec:
    """Everything about one cue. `patterns` are always searched; `found_by` names any other
    place that finds it (question detection, context rules in `cues.py`, the sentence model)."""

    name: str
    speaker: Speaker
    weight: float  # positive keeps the talk mutual, negative makes it an interview
    meaning: str  # completes "The seeker ..." / "The manager ..."
    patterns: tuple[re.Pattern[str], ...]
    found_by: str = ""
    strong: bool = False  # an interview whatever else the turn says
    rescue_ignored: bool = False  # counts for nothing in a turn that also pitches
    hedge: bool = False  # blocks reading declared interest or a bare yes as commitment
    decides: bool = False  # when found, the rules' frame stands: the sentence model never overrules
    tip: str | None = None  # why this cue tipped the talk; {words} is the quoted evidence

    def __post_init__(self) -> None:
        missing = [
            piece
            for piece, present in (
                ("name", bool(self.name)),
                ("weight", self.weight != 0.0),
                ("meaning", bool(self.meaning.strip())),
                ("patterns or found_by", bool(self.patterns or self.found_by)),
                ("tip (interview cues that tip the talk)", self._tip_ok()),
            )
            if not present
        ]
        if missing:
            raise ValueError(f"cue {self.name!r} is missing: {', '.join(missing)}")
        if self.speaker not in SPEAKERS:
            raise ValueError(f"cue {self.name!r}: unknown speaker {self.speaker!r}")

    def _tip_ok(self) -> bool:
        tips = self.strong or self.name == "self_promotion"
        return (self.tip is not None and "{words}" in self.tip) if tips else True

    @property
    def frame(self) -> Frame:
        """The frame this cue pushes toward."""
        return "exploration" if self.weight > 0 else "interview"


_QUESTIONS = "question detection (cues.find_questions)"

CUES: Final[tuple[CueSpec, ...]] = (
    CueSpec("seeker_question", "seeker", 0.35, "asks the other person a question", (),
            found_by=_QUESTIONS, rescue_ignored=True),
    CueSpec("follow_up_question", "seeker", 0.3, "asks about what the other person just said",
            (), found_by="back references and echoed words in a question (cues._follow_up)",
            rescue_ignored=True),
    CueSpec("advice_seeking", "seeker", 0.5, "asks for advice or the other person's view",
            (p.ADVICE_SEEKING,), decides=True),
    CueSpec("referral_seeking", "seeker", 0.5, "asks who else to talk to or what else to read",
            (p.REFERRAL_SEEKING,), decides=True),
    CueSpec("honest_uncertainty", "seeker", 0.5, "says honestly that fit is not yet known",
            (p.HONEST_UNCERTAINTY,), hedge=True, decides=True),
    CueSpec("conditional_interest", "seeker", 0.5, "shows interest that depends on learning more",
            (p.CONDITIONAL_INTEREST,), hedge=True, decides=True),
    CueSpec("other_focus", "seeker", 0.2, "talks about the other person or their work",
            (p.OTHER_FOCUS,), rescue_ignored=True),
    CueSpec("commitment", "seeker", -0.9, "commits to the position without knowing it",
            (p.COMMITMENT,), strong=True, decides=True,
            found_by="declared interest unless hedged; a bare yes to a commitment question",
            tip="Saying {words} committed you to the job before you knew enough about it, so "
            "the talk became an interview."),
    CueSpec("self_promotion", "seeker", -0.45,
            "pitches themself: skills, achievements, credentials", (p.SELF_PROMOTION,),
            found_by="a monologue about oneself as a worker (the sentence model's talk-share "
            "rule)",
            decides=True,
            tip="Pitching yourself again ({words}) invited the manager to judge you rather than "
            "talk with you, so the talk became an interview."),
    CueSpec("job_request", "seeker", -0.8,
            "asks for the job, an interview or a referral for the position",
            (p.JOB_REQUEST, p.SEEKER_AS_HIRE, p.PLACE_ASKED, p.DISQUALIFIER, p.JUDGE_ME,
             p.OWN_STATUS),
            strong=True, decides=True,
            tip="Saying {words} put you forward as a candidate, so the manager started judging "
            "you instead of exploring with you."),
    CueSpec("pay_question", "seeker", -0.7, "asks about pay or benefits too early",
            (p.PAY_QUESTION,), strong=True, decides=True,
            found_by="the figure asked without a pay word, unless the business's figures are "
            "the topic (cues._figure_asked)",
            tip="Asking about pay, perks or conditions ({words}) before you knew the work made "
            "the talk a negotiation, so it became an interview."),
    CueSpec("evaluative_question", "manager", -0.5,
            "evaluates the seeker: experience, why hire you, availability",
            (p.EVALUATIVE_QUESTION,)),
    CueSpec("commitment_question", "manager", -0.7,
            "asks whether the seeker wants the position", (p.COMMITMENT_QUESTION,)),
    CueSpec("sharing", "manager", 0.3, "shares their own work, team or story", (p.SHARING,)),
    CueSpec("curiosity", "manager", 0.4, "asks about the seeker's interests out of curiosity",
            (p.CURIOSITY,)),
)  # fmt: skip


def cue_table(specs: tuple[CueSpec, ...]) -> dict[str, CueSpec]:
    """The table by name; a name declared twice fails loudly."""
    table: dict[str, CueSpec] = {}
    for spec in specs:
        if spec.name in table:
            raise ValueError(f"cue {spec.name!r} is declared twice")
        table[spec.name] = spec
    return table


CUE_SPECS: Final[dict[str, CueSpec]] = cue_table(CUES)

#: Cues found in the seeker's turns, with what each means.
SEEKER_CUES: Final[dict[str, str]] = {c.name: c.meaning for c in CUES if c.speaker == "seeker"}
#: Cues found in the manager's turns.
MANAGER_CUES: Final[dict[str, str]] = {c.name: c.meaning for c in CUES if c.speaker == "manager"}
CUE_NAMES: Final[frozenset[str]] = frozenset(CUE_SPECS)
STRONG_CUES: Final[frozenset[str]] = frozenset(c.name for c in CUES if c.strong)
HEDGES: Final[frozenset[str]] = frozenset(c.name for c in CUES if c.hedge)
#: Seeker cues whose presence means the rules decide the turn's frame.
DECISIVE_CUES: Final[frozenset[str]] = frozenset(c.name for c in CUES if c.decides)
#: Cues that push the conversation toward an interview (used for shift detection and scoring).
INTERVIEW_CUES: Final[frozenset[str]] = frozenset(c.name for c in CUES if c.weight < 0)
