"""Review 14 R4, as a class: "What you could have said" asks about the manager's noun phrase
only in a question that can ask about what it names. "What's involved in ... day to day?" and
"What does working on ... involve?" ask about work, never a person ("your colleague Femi"), a
time ("this Tuesday"), an event ("the open day"), the terms ("the exact range"), a figure or a
place; "How's it going with ..., by the way?" may ask about a person, a place or an event, never
a time, the terms or a figure. A phrase no question of its family can take gets the stock
question.

Generated: manager lines naming people, times, events, places, terms, figures, activities,
teams and the job, each read by hand (the kind is the filler's, not the app's), in many wordings
and line kinds x every cue x turns x answers (none, and a plain first sentence, so the question
back is asked too); plus every manager line of the 12 shipped scenarios and the framing corpus
(answers.jsonl, the writers' hands; the other-hand sets are never read), whose phrases are
checked against words read by hand. The property: a question's slot never holds a kind the
question cannot ask about.
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache
from pathlib import Path

import yaml

from app.report.coaching import compose, focus_of

REPO = Path(__file__).resolve().parents[3]
#: Every family of questions: "interview" composes as "self_promotion" does.
CUES = ("commitment", "job_request", "pay_question", "self_promotion")
ANSWERS = (None, "I'm a nurse on a surgical ward. I'd love the job.")

#: Each question about a focus, with its slot, and the kinds it can ask about (read by hand).
_WORKLIKE = frozenset({"activity", "group", "role"})
_BACK = frozenset({"activity", "group", "person", "place", "event"})
_WORK = frozenset({"activity", "role"})
QUESTIONS = (
    (r"Could you tell me more about (.+?)\? What does that look like day to day\?", _WORKLIKE),
    (r"What's the hardest part of (.+?) right now\?", _WORKLIKE),
    (r"How did (.+?) come about\?", _WORKLIKE | {"event", "place"}),
    (r"what matters most to you about (.+?)\?", _WORKLIKE),
    (r"How does your team approach (.+?)\?", frozenset({"activity"})),
    (r"What got you interested in (.+?)\?", frozenset({"activity"})),
    (r"And how are things with (.+?)\?", _BACK),
    (r"How's it going with (.+?), by the way\?", _BACK),
    (r"What's involved in (.+?) day to day\?", _WORK),
    (r"What does working on (.+?) involve, in practice\?", _WORK),
)  # fmt: skip
NEVER = frozenset({"time", "terms", "figure", "chat"})

#: Noun phrases by what they name, read by hand (with the manager's own determiner).
PHRASES: dict[str, tuple[str, ...]] = {
    "person": (
        "my colleague Femi", "our recruiter", "the new hires", "my boss", "our CTO",
        "the nurses", "the ward sister", "our interns", "the patients", "our clients",
        "my manager Priya", "the founders", "our volunteers", "the head teacher", "my co-founder",
        "the paediatric registrar", "our product owner", "the night porter", "my line manager",
        "the school governors", "the trustees", "the ward clerk", "the locums",
        "the health visitors", "our data engineers", "the junior doctors", "the sous chef",
        "our account managers", "the care assistants", "my deputy", "the students",
    ),
    "time": (
        "this Tuesday", "the summer", "this spring", "the weekend", "the mornings",
        "this quarter", "the evenings", "this afternoon", "the school term", "the Easter break",
        "the Christmas period", "the busy season", "the new year", "the autumn", "this Friday",
        "the night before", "the lunch hour", "the bank holiday", "the half term",
    ),
    "event": (
        "the open day", "the careers fair", "the conference", "our meetup", "the hackathon",
        "the launch party", "the open evening", "the workshop", "the info session",
        "the awards dinner", "the team offsite", "the board meeting", "the quiz night",
        "the graduation ceremony", "the Christmas party", "the trade show", "the away day",
        "the webinar", "the networking drinks", "the alumni reunion", "the fun run",
    ),
    "place": (
        "the London office", "the new building", "the canteen", "our Leeds site",
        "the car park", "the third floor", "the campus", "the city centre", "the waiting room",
        "the main entrance", "the head office", "the new depot", "the staff room",
        "the town hall", "the high street",
    ),
    "terms": (
        "the exact range", "the salary band", "the benefits", "the pension scheme", "the bonus",
        "the day rate", "the overtime", "the holiday allowance", "the parental leave",
        "the hybrid setup", "the starting salary", "the pay scale", "the package",
        "the annual leave", "the share options", "the relocation package",
    ),
    "figure": (
        "the majority", "the total", "the bulk", "the average", "the percentage",
        "the headcount", "the numbers", "the two teams", "the forty beds",
    ),
    "activity": (
        "the data migration", "the night shift", "the research work", "the onboarding programme",
        "the patient records", "the record system", "the hospital dashboards",
        "the user research", "the grant applications", "the supply chain", "the Kafka migration",
        "the clinical audits", "the discharge process", "the safety checks", "our design work",
        "the new curriculum", "the fundraising", "the planning applications",
    ),
    "group": (
        "our data team", "the ward", "the lab", "the studio", "the research group",
        "the design team", "the practice",
    ),
    "role": ("the role", "the position", "the post"),
    "chat": (
        "the coffee", "the weather", "the traffic", "the follow-up email", "the Zoom link",
        "the sandwiches", "the right person", "your questions", "the calendar invite",
    ),
}  # fmt: skip

#: Manager lines around a phrase: statements, yes/no and interest questions, invitations, and
#: questions about the seeker (the question back).
FRAMES = (
    "{X} is what keeps me busy these days.",
    "Honestly, most of my week goes on {x}.",
    "I've been thinking a lot about {x}. Are you interested?",
    "We were just talking about {x}. Would that be something for you?",
    "I've just come from {x}. Where are you working now?",
    "I was with {x}, sorry I'm late. What do you do at the moment?",
    "Did you hear about {x}? Any questions?",
    "Half my job is {x}. Tell me a bit about yourself.",
    "Do you know much about {x}?",
    "So {x} is where my head is. What would you like to know?",
    "{X}, that's my world. Does that sound like you?",
    "It all comes back to {x}, really. Have you done anything like that?",
    "Right, {x} was the big thing this morning. How did you get into this?",
)


def _swap(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return {"our": "your", "my": "your"}.get(first, first) + " " + rest


def _slots(alternative: str) -> list[tuple[str, frozenset[str]]]:
    return [
        (m.group(1), kinds)
        for pattern, kinds in QUESTIONS
        for m in re.finditer(pattern, alternative)
    ]


def _generated() -> list[tuple[str, str, str]]:
    """(kind, phrase, line) for every phrase and frame."""
    out = []
    for (kind, phrases), frame in itertools.product(PHRASES.items(), FRAMES):
        for phrase in phrases:
            line = frame.format(x=phrase, X=phrase[0].upper() + phrase[1:])
            out.append((kind, phrase, line))
    return out


def _alternatives(line: str):  # type: ignore[no-untyped-def]
    for cue, turn, answer in itertools.product(CUES, range(3), ANSWERS):
        yield compose(cue, line, turn, answer=answer, cue_start=0 if answer else None)


def test_a_generated_phrase_is_asked_about_only_where_its_kind_fits() -> None:
    wrong: list[tuple[str, str, str]] = []
    asked: dict[str, int] = dict.fromkeys(PHRASES, 0)
    cases = 0
    for kind, phrase, line in _generated():
        said = _swap(phrase).lower()
        for alternative in _alternatives(line):
            cases += 1
            for slot, kinds in _slots(alternative):
                if not (said + " ").startswith(slot.lower() + " "):
                    continue  # another phrase ("the night" of "the night before": its kind)
                asked[kind] += 1
                if kind not in kinds:
                    wrong.append((kind, line, alternative))
    assert cases > 25_000, cases
    assert not wrong, f"{len(wrong)} of {cases}: {wrong[:8]}"
    # the phrases one can ask about are still asked about, in the questions that fit them
    assert asked["activity"] > 1500, asked
    assert asked["group"] > 300, asked
    assert asked["person"] > 100, asked
    assert not any(asked[kind] for kind in NEVER), asked


# -- the real lines ------------------------------------------------------------------------------


def _scenario_lines() -> list[str]:
    lines: set[str] = set()
    for path in sorted((REPO / "dialogues").glob("*.yaml")):
        if path.name.endswith(".plan.yaml"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for node in (data.get("nodes") or {}).values():
            lines.update(str(x) for x in node.get("say") or ())
        for topic in (data.get("knowledge") or {}).get("topics") or ():
            lines.update(str(x) for x in topic.get("answers") or ())
        lines.update(str(x) for x in (data.get("knowledge") or {}).get("deflect") or ())
    return sorted(lines)


@cache
def _corpus_lines() -> list[str]:
    framing = REPO / "tests" / "data" / "framing"
    files = [framing / "answers.jsonl", *sorted((framing / "hands").glob("writer-*.jsonl"))]
    lines: set[str] = set()
    for path in files:
        for row in path.read_text(encoding="utf-8").splitlines():
            if row.strip():
                lines.add(str(json.loads(row)["manager"]))
    return sorted(lines)


#: Phrases the real lines name, read by hand from what `focus_of` picks in them (the app's own
#: kind was not consulted): what each names when it is not work or a team.
READ: dict[str, tuple[str, ...]] = {
    "person": (
        "the CFO", "the Marines", "the analysts", "the candidate", "the charge nurse",
        "the clinicians", "the colleagues", "the customers", "the deputy director",
        "the director", "the engineering manager", "the engineers", "the exhibitors",
        "the foreman", "the founder", "the general counsel", "the hiring manager",
        "the housekeepers", "the kids", "the landlord", "the lawyers", "the nursing students",
        "the ops manager", "the patients", "the people", "the person", "the portfolio managers",
        "the practice manager", "the principal", "the recruiter", "the reporters",
        "the site managers", "the store manager", "the superintendent", "the teacher",
        "the younger lads", "your CEO", "your VP", "your apprentices", "your chef",
        "your clients", "your co-founder", "your colleague", "your colleague Jen",
        "your colleague Sam", "your dad", "your dispatcher", "your drivers", "your electricians",
        "your hiring manager", "your lab manager", "your manager", "your paramedics",
        "your pilots", "your producers", "your recruiter", "your recent grads",
        "your quantity surveyors", "your training coordinator", "the right person",
        "the wrong person", "the best people",
    ),
    "time": (
        "the autumn", "the deadline", "the fall", "the mornings", "the nineties",
        "the seventies", "the summer", "the weekend", "the winter", "this afternoon",
        "this fall", "this quarter", "this season", "this summer", "this term", "this weekend",
        "this winter", "your deadline", "your evenings", "your busiest season",
    ),
    "event": (
        "the Chamber luncheon", "the Figma conference", "the Friday crit", "the Leeds event",
        "the Tuesday info session", "the alumni mixer", "the career fair", "the careers fair",
        "the conference", "the county board meetings", "the election", "the event",
        "the facility tour", "the fair", "the fall career fair", "the info session",
        "the interviews", "the job fair", "the keynote", "the layoffs", "the meetings",
        "the meetup", "the pandemic", "the panel", "the party", "the presentation",
        "the real interview", "the seminar", "the session", "the site visit", "the talk",
        "the team drinks", "the team lunch", "the tour", "the workshop", "these events",
        "these job fairs", "these meetups", "this event", "this meetup", "your meetups",
        "your talk", "your alumni breakfasts",
    ),
    "place": (
        "the Chicago office", "the Leeds site", "the airport", "the area", "the bar",
        "the bathroom", "the booth", "the bus stop", "the cafe", "the city", "the country",
        "the floor", "the front desk", "the hotel", "the kitchen door", "the lift",
        "the new office", "the new site", "the office", "the place", "the restaurant",
        "the room", "the shop floor", "the suburbs", "the toilets", "the warehouse",
        "the window seat", "this area", "this cafe", "this place", "this venue", "your booth",
        "your desk", "your office", "your seat", "the new flat", "the right place",
    ),
    "terms": (
        "the exact range", "the range", "the salary", "the hours", "your hours", "your benefits",
        "the equity", "the contract", "this contract", "your starting wage", "the holidays",
        "the offer",
    ),
    "figure": ("the exact numbers", "the number", "the numbers", "the real numbers", "the size"),
    "chat": (
        "the Zoom link", "the address", "the air", "the coffee", "the weather", "the traffic",
        "the commute", "the chat", "the intro", "the invite", "the link", "the name",
        "the phone", "the music", "the noise", "the sandwiches", "the samosas", "the buffet",
        "the follow-up email", "the calendar invite", "your advice", "your questions",
        "your suggestion", "your notes", "your email", "your phone", "your bag", "your car",
        "this chat", "this conversation", "the courage", "the patience", "the frustration",
        "your life", "your brain", "the most fun", "the usual", "the better", "the side",
        "the middle", "the front", "the gap", "the jump", "the decision",
    ),
}  # fmt: skip
_READ = {phrase.lower(): kind for kind, phrases in READ.items() for phrase in phrases}
#: Words never asked about in any question, read by hand: the terms anywhere in a phrase, a
#: time as its head ("the summer programme" is work, "this summer" a time).
_NEVER_WORDS = re.compile(
    r"\b(?:salary|salaries|wages?|pay|paid|bonus(?:es)?|pension|benefits|range|overtime|perks?|"
    r"hybrid|remote|annual\s+leave|holidays?)\b"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|yesterday|"
    r"weekends?|summer|winter|autumn|mornings?|afternoons?|evenings?|nights?)$",
    re.I,
)


def _real_cases() -> list[tuple[str, str, frozenset[str]]]:
    """(line, slot, kinds the question takes) for every question about a focus composed from a
    real line."""
    out = []
    for line in [*_scenario_lines(), *_corpus_lines()]:
        if focus_of(line) is None:
            continue
        for alternative in _alternatives(line):
            out += [(line, slot, kinds) for slot, kinds in _slots(alternative)]
    return out


def test_a_real_lines_phrase_is_asked_about_only_where_its_kind_fits() -> None:
    cases = _real_cases()
    judged = [(line, slot, kinds) for line, slot, kinds in cases if slot.lower() in _READ]
    wrong = [(line, slot) for line, slot, kinds in judged if _READ[slot.lower()] not in kinds] + [
        (line, slot) for line, slot, _kinds in cases if _NEVER_WORDS.search(slot)
    ]
    assert len(cases) > 12_000, len(cases)
    assert len(judged) > 500, len(judged)
    assert not wrong, f"{len(wrong)} of {len(cases)}: {wrong[:8]}"
