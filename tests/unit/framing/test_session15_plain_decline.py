"""A plain decline of an offer is neutral, not conditional interest (session 15, issue 12).

"Not right now, you've covered it." to "Any other questions?" read exploration: its "not right
now" was taken for interest that depends on learning more; "No, I'm good, thanks." was left to
the sentence model. The class: the whole answer declines (a no, "I'm good", "that's everything",
"nothing else", "not that I can think of", a "not right now"), its tail sets no condition
(thanks, "you've covered it", "that was really helpful", "I'm all set"), to an offer that is not
the position ("Any questions?", "Anything else I can help with?", "Shall I introduce you to
Priya?"): neutral, no hedge, and the model reads no interest into it. Not the class: a not-now
that depends on learning more ("Not right now, I'd like to learn more about the team first")
stays exploration; a bare "not right now" to an offer still defers (session 14). Generated:
offers x declines x typed / recognizer style."""

from __future__ import annotations

import itertools

from app.framing.analyzer import analyze_answer
from app.framing.evaluation import recognizer_style

OFFERS = (
    "Do you have any questions for me?",
    "Anything else you wanted to ask?",
    "Shall I introduce you to Priya? She runs the data side.",
    "Any other questions before I go?",
    "Is there anything else I can help with?",
    "Want me to send you the slides?",
)
DECLINES = (
    "Not right now, you've covered it.",
    "No I'm good thanks",
    "No, I'm good, thank you.",
    "Not at the moment, thanks, you've been really helpful.",
    "I think that's everything, thanks.",
    "Nothing else, thank you so much.",
    "No, you've answered everything, thanks.",
    "Not that I can think of, thanks.",
    "Thanks, I'm all set.",
    "Nope, all good, cheers.",
    "No thanks, that was really helpful.",
    "Not right now, but thanks for offering.",
    "I don't think so, you've covered it all.",
    "no no i'm good thank you",
)
#: A not-now that waits on learning more: exploration.
CONDITIONAL = (
    "Not right now, I'd like to learn more about the team first.",
    "Not yet, maybe once I know more about the role.",
    "Not right now, it depends on what the work looks like.",
    "Not at the moment, I'd want to understand the day to day better first.",
)


def _styles(line: str, answer: str) -> list[tuple[str, str]]:
    return [(line, answer), (recognizer_style(line), recognizer_style(answer))]


def test_a_plain_decline_is_neutral_with_no_hedge() -> None:
    wrong = []
    cases = list(itertools.product(OFFERS, DECLINES))
    for line, answer in cases:
        for m, a in _styles(line, answer):
            for rules_only in (True, False):
                r = analyze_answer(m, a, rules_only=rules_only)
                names = [c.cue for c in r.cues]
                if r.frame != "neutral" or "conditional_interest" in names:
                    wrong.append((m, a, rules_only, r.frame, names))
    assert not wrong, f"{len(wrong)} of {4 * len(cases)}: {wrong[:8]}"


def test_a_not_now_that_waits_on_learning_more_stays_exploration() -> None:
    wrong = []
    for line, answer in itertools.product(OFFERS, CONDITIONAL):
        for m, a in _styles(line, answer):
            r = analyze_answer(m, a)
            if r.frame != "exploration" or "conditional_interest" not in [c.cue for c in r.cues]:
                wrong.append((m, a, r.frame))
    assert not wrong, wrong[:8]


def test_a_bare_not_now_still_defers() -> None:
    for text in ("not right now", "Not yet, no.", "Not just yet."):
        r = analyze_answer("Do you want me to introduce you to the hiring manager?", text)
        assert "conditional_interest" in [c.cue for c in r.cues], text
