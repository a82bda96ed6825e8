"""Session 12: three readings the sentence model may not make, whatever it was trained on.

Heads retrained on all 21 writers (session 11's candidate A) read (1) "I wanted to meet people
who build data platforms" as a job request or a pitch (p 0.73-0.92), (2) "Hmm, what's the biggest
challenge right now?" to the interest question as a commitment (p 0.95), and (3) named the
declined job request in the kept sentence of "I'm not applying anywhere else. I'd move anywhere
for this job.", so the turn fell back to neutral. Each class is held twice: with a stand-in model
that reads an interview at p 0.99 (so it holds for any trained model) and with the bundled one.
Generated over wordings, lead-ins, manager lines and recognizer style."""

from __future__ import annotations

import itertools
import re

from app.framing import analyze_answer
from app.framing.cues import kept_sentences, manager_cues, withdrawn
from app.framing.learned import Judgement, hybrid, rules_decide, shared_model

INTERVIEW_CUES = ("job_request", "commitment", "pay_question", "self_promotion")


class _ReadsInterview:
    """A stand-in model: an interview with `cue` at p 0.99, evidence the whole text, the cue
    head ranking `cue` first, then the other interview cues; with `only`, just for texts holding
    one of those words (neutral, p 0.99, for the rest)."""

    def __init__(self, cue: str, only: tuple[str, ...] = (), last: bool = False) -> None:
        self.cue = cue
        self.only = only
        self.last = last  # evidence: the last sentence, not the whole text
        self.heads = type("H", (), {"threshold": 0.5, "question_threshold": 0.6})()

    def judge(self, text: str, manager_cues: frozenset[str]) -> Judgement:
        if self.only and not any(word in text.lower() for word in self.only):
            probs = {"exploration": 0.005, "interview": 0.005, "neutral": 0.99}
            return Judgement("neutral", probs, None, 0, 0)
        probs = {"exploration": 0.005, "interview": 0.99, "neutral": 0.005}
        ranked = (self.cue, *(c for c in INTERVIEW_CUES if c != self.cue))
        start = text.rfind(". ") + 2 if self.last and ". " in text else 0
        return Judgement("interview", probs, self.cue, start, len(text), ranked)


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
    """Recognizer style: lower case, no punctuation but apostrophes."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s'’]", " ", text.lower())).strip()


# --- (1) a reason for coming is no pitch ---------------------------------------------------------

CAME = (
    "I wanted to meet", "I was hoping to meet", "I wanted to talk to", "I wanted to learn from",
    "I really wanted to meet", "I came hoping to meet", "I came to meet", "I'm here to meet",
    "I'm mostly here to learn from", "I was hoping to hear from", "I came tonight to talk to",
    "i just wanted to connect with", "I'm here to network with", "I hoped to chat with",
)  # fmt: skip
GROUPS = (
    "people who build data platforms", "people who work in clinical informatics",
    "engineers who test robots", "anyone doing policy work", "people from the architecture side",
    "folks in supply chain", "a few designers", "the nurses on the research wards",
)  # fmt: skip
GREETINGS = ("", "Hi! ", "Hello, lovely to meet you. ", "hey ", "Good evening. ")
CAME_LINES = (
    "So what brings you to this thing tonight?",
    "Hi, I'm Rosa. What can I do for you?",
    "What brings you here?",
)
#: The stand-in reads an interview from any text naming the people (and from the eager
#: sentences below), never from a greeting alone.
GROUP_WORDS = (
    "people", "engineers", "anyone", "folks", "designers", "nurses", "someone", "job", "hire",
)  # fmt: skip


def _came_cases() -> list[tuple[str, str]]:
    cases = []
    for came, group, greet, line in itertools.product(CAME, GROUPS, GREETINGS, CAME_LINES):
        typed = f"{greet}{came} {group}."
        cases += [(line, typed), (line, _asr(typed))]
    return cases


def test_a_reason_for_coming_is_read_apart_from_the_rest_of_the_turn() -> None:
    """Old code: every one an interview (the stand-in's job request at p 0.99)."""
    model = _ReadsInterview("job_request", only=GROUP_WORDS)
    cases = _came_cases()
    assert len(cases) >= 3000
    wrong = [
        (a, f, c) for line, a in cases for f, c in [_framed(model, line, a)] if f == "interview"
    ]
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


def test_a_request_beside_a_reason_for_coming_is_still_read() -> None:
    """The rest of the turn is read alone, and people named as the ones who would hire or
    as like the seeker are no reason for coming."""
    model = _ReadsInterview("job_request", only=GROUP_WORDS)
    eager = ("I'd move anywhere for this job.", "honestly I would relocate tomorrow for this job")
    asking = ("people who could hire me", "the people hiring for the platform team",
              "someone who might take me on", "people like me")  # fmt: skip
    cases = [
        f"{came} {group}. {e}" for came, group, e in itertools.product(CAME[:6], GROUPS[:3], eager)
    ] + [f"{came} {who}." for came, who in itertools.product(CAME, asking)]
    wrong = [a for a in cases if _framed(model, CAME_LINES[2], a)[0] != "interview"]
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


def test_the_bundled_model_reads_no_reason_for_coming_as_interview() -> None:
    """Candidate A without the guard: 'I wanted to meet people who build data platforms'
    and its kin an interview (55 of the 288 of framing_classes' class)."""
    cases = _came_cases()[::3]
    wrong = [a for line, a in cases if analyze_answer(line, a).frame == "interview"]
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:8]}"


# --- (2) a question about the work commits to nothing ------------------------------------------

LEAD_INS = ("", "Hmm, ", "Okay, ", "Interesting. ", "Huh. ", "Right, ", "Oh nice. ", "hmm ")
WORK_QUESTIONS = (
    "what's the biggest challenge right now?", "how big is the team?", "what's the team like?",
    "why is the role open?", "who does the role report to?",
    "what's the hardest part of the work?", "how do decisions get made on the team?",
    "what's the day to day like?", "how new is the team?", "what does success look like?",
    "how much of the work is research?", "who are the main clients?", "is it a new role?",
    "what's the stack like?", "how is the team structured?", "what keeps the team busy?",
    "what's been the biggest surprise this year?",
)  # fmt: skip
INTEREST = (
    "So tell me, are you interested in the position?",
    "Honestly, is that something you'd want to go for?",
    "Could you see yourself in this role?",
    "We're growing the team this year.",
)
QUESTION_WORDS = ("what", "how", "who", "why", "is it")
# (Not "what tools does the team use": in recognizer style after "interesting" the rules hear
# only "does the team use" as the question, so "interesting what tools" is the rest; how the
# rules split questions is theirs, not this class's.)


def _curious_cases() -> list[tuple[str, str]]:
    cases = []
    for lead, question, line in itertools.product(LEAD_INS, WORK_QUESTIONS, INTEREST):
        if lead and lead[-2] in ".!":
            question = question[0].upper() + question[1:]
        typed = f"{lead}{question}"
        cases += [(line, typed), (line, _asr(typed))]
    return cases


def _heard(cases: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The cases in which the rules heard a question (the guard reads those)."""
    return [
        (line, a)
        for line, a in cases
        if "seeker_question" in {c.cue for c in analyze_answer(line, a, rules_only=True).cues}
    ]


def test_a_commitment_is_not_read_from_a_question_about_the_work() -> None:
    """Old code: every one an interview (the stand-in's commitment at p 0.99)."""
    model = _ReadsInterview("commitment", only=QUESTION_WORDS)
    cases = _curious_cases()
    heard = _heard(cases)
    assert len(cases) >= 1000
    assert len(heard) >= 0.9 * len(cases)
    wrong = [
        (a, f, c) for line, a in heard for f, c in [_framed(model, line, a)] if f == "interview"
    ]
    assert not wrong, f"{len(wrong)} of {len(heard)}: {wrong[:5]}"


def test_a_commitment_beside_a_question_about_the_work_is_still_read() -> None:
    """The turn's other sentences are read alone ("I'd move anywhere for this job. What's the
    team like?"), and a question naming the seeker may still carry one."""
    model = _ReadsInterview("commitment", only=(*QUESTION_WORDS, "job"))
    eager = ("I'd move anywhere for this job.", "Honestly I'd relocate tomorrow for this job.")
    cases = [f"{e} {q[0].upper()}{q[1:]}" for e, q in itertools.product(eager, WORK_QUESTIONS)]
    cases += ["Who would I be working with?", "What would my first project be?"]
    wrong = [a for a in cases if _framed(model, INTEREST[0], a)[0] != "interview"]
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


def test_the_bundled_model_reads_no_question_about_the_work_as_interview() -> None:
    """Candidate A without the guard: "Hmm, what's the biggest challenge right now?" a
    commitment (p 0.95)."""
    cases = _heard(_curious_cases())
    wrong = [a for line, a in cases if analyze_answer(line, a).frame == "interview"]
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:8]}"


# --- (3) the cue of a kept sentence is one the turn does not withdraw ---------------------------

NEGATED = (
    "I'm not applying anywhere else.", "I'm not here to job hunt.", "I'm not ready to apply yet.",
    "i dont really want to apply for anything right now.", "I won't ask you to refer me.",
    "I'm not trying to get hired tonight.",
)  # fmt: skip
EAGER = (
    "I'd move anywhere for this job.", "honestly I would relocate tomorrow for this job.",
    "I'd drop everything for this job.", "I would give anything for this job.",
)  # fmt: skip
NEGATION_LINES = (
    "So what brings you here tonight?",
    "Are you applying anywhere at the moment?",
    "We're hiring a couple of people this spring.",
)


def _negation_cases() -> list[tuple[str, str]]:
    cases = []
    for negated, eager, line in itertools.product(NEGATED, EAGER, NEGATION_LINES):
        typed = f"{negated} {eager}"
        cases.append((line, typed))
    return cases


def test_a_kept_sentence_is_named_by_a_cue_the_turn_does_not_withdraw() -> None:
    """A cue head that ranks the withdrawn job request first names the next cue the turn does
    not withdraw (old code: the turn fell back to the rules' neutral)."""
    model = _ReadsInterview("job_request", only=("job",), last=True)
    cases = _negation_cases()
    assert all(withdrawn(a) >= {"job_request", "commitment"} for _, a in cases)
    wrong = []
    for line, answer in cases:
        frame, names = _framed(model, line, answer)
        if frame != "interview" or set(names) & withdrawn(answer):
            wrong.append((answer, frame, names))
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:5]}"


def test_a_turn_that_only_declines_and_keeps_in_touch_stays_withdrawn() -> None:
    model = _ReadsInterview("job_request")
    for negated, line in itertools.product(NEGATED, NEGATION_LINES):
        for keep in ("Could we stay in touch?", "Let's keep in touch."):
            answer = f"{negated} {keep}"
            assert _framed(model, line, answer)[0] != "interview", answer


def test_the_bundled_model_names_no_withdrawn_cue_in_a_kept_sentence() -> None:
    """Candidate A without the guard: "I'm not applying anywhere else. I'd move anywhere for
    this job." neutral (its cue head named the withdrawn job request), others an interview
    named by the withdrawn commitment. Where the model's evidence lies mostly in the kept
    sentence (the condition of `learned._judge_kept`), the turn is an interview named by a cue
    the turn does not withdraw; a withdrawn cue is never named."""
    model = shared_model()
    assert model is not None
    wrong, read = [], 0
    for line, answer in _negation_cases():
        result = analyze_answer(line, answer)
        names = {c.cue for c in result.cues}
        context = frozenset(c.cue for c in manager_cues(line))
        judged = model.judge(answer, context)
        ((s, e),) = kept_sentences(answer)
        in_kept = 2 * max(0, min(e, judged.end) - max(s, judged.start)) > judged.end - judged.start
        read += in_kept
        if names & withdrawn(answer) or (in_kept and result.frame != "interview"):
            wrong.append((answer, result.frame, sorted(names)))
    assert read >= 0.8 * len(_negation_cases())
    assert not wrong, f"{len(wrong)} of {len(_negation_cases())}: {wrong[:5]}"
