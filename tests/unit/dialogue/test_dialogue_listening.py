"""A manager who listens (newcomer report, issue 16), each as a class over all 12 scenarios:

- a topic asked again is never retold word for word;
- a request for the job ("refer me", "put me forward", "when can I interview") is answered by
  the scripted line or an honest brake, never by a topic describing the job;
- pay asked beside another question is owned, not dropped;
- a question naming the persona's own title, a name from the scenario, or asking for someone
  to talk to reaches the matching topic, never a deflection naming a colleague;
- a question about the person hired goes to the role, not the persona's own week;
- no manager line names the seeker's frame aloud ("you sound curious").
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from app.dialogue import DEFLECTED, KnowledgeMatcher, ManagerLine, Runner, Scenario, load_scenario
from app.dialogue.asking import (
    AGAIN_REPLIES,
    MORE_PEOPLE_REPLIES,
    MORE_REPLIES,
    PAY_ASIDES,
    REQUEST_REPLIES,
    intents,
    is_request,
)
from app.dialogue.choosing import (
    about_hire,
    is_job_request,
    is_persona_topic,
    is_role_topic,
    scenario_names,
)
from app.dialogue.model import point_back
from app.framing.encoder import shared_encoder

SHIPPED = Path(__file__).resolve().parents[3] / "dialogues"
_SCENARIOS = sorted(p for p in SHIPPED.glob("*.yaml") if not p.name.endswith(".plan.yaml"))
_NEUTRAL = "So what brings you here?"


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(SHIPPED / name)


@cache
def _matcher(name: str) -> KnowledgeMatcher:
    return KnowledgeMatcher(_scenario(name).knowledge, shared_encoder(wait=True))


def _runner(name: str) -> Runner:
    return Runner(_scenario(name), seed=0, matcher=_matcher(name))


def _reply(runner: Runner, question: str, line: str = _NEUTRAL) -> ManagerLine | None:
    node = next(n for n in runner.scenario.nodes.values() if not n.is_end)
    scripted = ManagerLine(node_id=node.id, text=line, is_end=False)
    return runner._answering([question], (), scripted)


# -- job requests --------------------------------------------------------------------------
_ASK = ("Could you", "Can you", "Would you", "Will you please", "could you maybe")
_ACTS = (
    "refer me",
    "put me forward",
    "put my name forward",
    "recommend me",
    "pass my CV on",
    "pass on my resume",
    "put in a good word",
)
_FOR = ("", " for the open role", " for the job", " for the general manager job", " there")
_LEAVE = (
    "So when can I interview?",
    "when could i come in for an interview",
    "Can I apply?",
    "could i apply for it",
    "May I send you my CV?",
    "can i get an interview",
    "Is there any chance of an interview?",
    "can i just apply",
)
JOB_REQUESTS = tuple(f"{ask} {act}{end}?" for ask in _ASK for act in _ACTS for end in _FOR) + _LEAVE
#: Questions about how hiring works: information, answered by a topic.
NOT_REQUESTS = (
    "How do I apply?",
    "What does the interview process look like?",
    "How do people get hired into the team?",
    "can i apply online",
    "Could you tell me about the role?",
    "How did you interview for your own job?",
    "Is the team hiring right now?",
    "what would you recommend i read",
)


def test_job_requests_are_recognised_as_a_class() -> None:
    assert len(JOB_REQUESTS) > 150
    assert all(map(is_job_request, JOB_REQUESTS)), [
        q for q in JOB_REQUESTS if not is_job_request(q)
    ]
    assert not any(map(is_job_request, NOT_REQUESTS)), [
        q for q in NOT_REQUESTS if is_job_request(q)
    ]


#: The seeker's own next step ("can I apply for the role?") against the same verbs asking out
#: of curiosity ("can I apply that approach...?", "refer me to anyone in research?").
_MAY_I = ("Can I", "Could I", "may i", "So when can I", "when could i")
_STEP_TAILS = (
    "?",
    " for the role?",
    " for the job?",
    " for the position you mentioned?",
    " for the opening?",
    " to your team?",
    " to the company?",
    " for it?",
    " now?",
    " here?",
    " with you?",
    " with your team?",
)
_CURIOUS_TAILS = (
    " that approach to a smaller team?",
    " some of this in my current job?",
    " some of your users?",
    " the framework you use?",
    " a few of your customers next month?",
    " any of it to my own work?",
    " those ideas at my startup?",
    " my design skills there?",
)
STEPS = tuple(f"{m} {v}{t}" for m in _MAY_I for v in ("apply", "interview") for t in _STEP_TAILS)
CURIOUS_STEPS = tuple(
    f"{m} {v}{t}" for m in _MAY_I for v in ("apply", "interview") for t in _CURIOUS_TAILS
)
_ASKS_OF_YOU = ("Could you", "Can you", "would you maybe")
REFERRALS = tuple(
    f"{a} {v} me{t}"
    for a in _ASKS_OF_YOU
    for v in ("refer", "recommend")
    for t in ("?", " for the role?", " to the hiring manager?", " there?", " for this job?")
) + tuple(
    f"{m} send you my {w}?"
    for m in ("Can I", "could i")
    for w in ("CV", "resume", "portfolio", "details", "application")
)
CURIOUS_REFERRALS = tuple(
    f"{a} {v} me{t}"
    for a in _ASKS_OF_YOU
    for v in ("refer", "recommend")
    for t in (
        " to anyone in research?",
        " to someone who has done this?",
        " to people I could learn from?",
        " a book on this?",
        " some reading?",
        " a good course?",
        " to a colleague who knows the tools?",
        " any podcasts?",
    )
) + tuple(
    f"{m} send you my {w}?"
    for m in ("Can I", "could i")
    for w in ("notes from the talk", "thoughts on it", "sketches", "questions first")
)


def test_only_the_seekers_own_next_step_is_a_request() -> None:
    """ "Apply"/"interview" are a request when nothing but the job follows; "refer/recommend me"
    when no person to learn from or thing follows; "send you my" only a CV and the like."""
    asks = STEPS + REFERRALS
    curious = CURIOUS_STEPS + CURIOUS_REFERRALS
    assert len(asks) > 100
    assert len(curious) > 100
    assert all(map(is_job_request, asks)), [q for q in asks if not is_job_request(q)]
    assert not any(map(is_job_request, curious)), [q for q in curious if is_job_request(q)]


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_job_request_never_gets_a_topic(path: Path) -> None:
    """Before every manager line of the scenario: the line alone when it takes the request up
    (or the branch was routed on it), else an honest brake; never a knowledge topic and never
    a colleague named."""
    scenario = _scenario(path.name)
    deflections = set(scenario.knowledge.deflect)
    lines = [text for node in scenario.nodes.values() for text in node.lines]
    for i, question in enumerate(JOB_REQUESTS[::7]):
        line = lines[i % len(lines)]
        reply = _reply(_runner(path.name), question, line)
        if reply is not None:  # an honest brake, maybe after the line's "Good question."
            assert reply.topic == DEFLECTED, (question, line, reply)
            assert set(reply.parts) & set(REQUEST_REPLIES), (question, line, reply)
        assert reply is None or not deflections & set(reply.parts)


# -- a topic asked again -------------------------------------------------------------------
@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_topic_asked_again_is_never_retold_word_for_word(path: Path) -> None:
    scenario = _scenario(path.name)
    for topic in scenario.knowledge.topics:
        runner = _runner(path.name)
        said: list[str] = []
        for turn in range(4):
            question = topic.questions[turn % len(topic.questions)]
            reply = _reply(runner, question)
            if reply is None or reply.topic != topic.id:
                continue
            answer = reply.parts[0]
            assert answer not in said, (topic.id, question, said)
            said.append(answer)
        # a new question about the told topic gets a pointer back with its gist ("Like I
        # said, ..."), "who else?" an honest "that's everyone" (review 14 R11): no answer told
        # again word for word (session 14)
        pointers = {point_back(a) for a in topic.answers}
        stock = {*AGAIN_REPLIES, *MORE_PEOPLE_REPLIES, *MORE_REPLIES}
        fresh = [a for a in said if a not in stock and a not in pointers]
        assert len(fresh) <= len(topic.answers), (topic.id, said)


# -- pay beside another question -----------------------------------------------------------
_PAY_TAILS = ("What's the salary range?", "And what does it pay?", "what's the pay like")


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_pay_asked_beside_another_question_is_owned(path: Path) -> None:
    scenario = _scenario(path.name)
    checked = 0
    for i, topic in enumerate(scenario.knowledge.topics):
        if any("pay" in intents(q) for q in topic.questions):
            continue  # a topic about pay answers it itself
        runner = _runner(path.name)
        node = next(n for n in scenario.nodes.values() if not n.is_end)
        scripted = ManagerLine(node_id=node.id, text=_NEUTRAL, is_end=False)
        asked = [topic.questions[0], _PAY_TAILS[i % len(_PAY_TAILS)]]
        reply = runner._answering(asked, (), scripted)
        if reply is None or reply.topic != topic.id:
            continue
        checked += 1
        assert set(reply.parts) & set(PAY_ASIDES), (asked, reply.parts)
    assert checked >= len(scenario.knowledge.topics) // 2


# -- whom the question is about ------------------------------------------------------------
_TITLE_TEMPLATES = (
    "What does a {t} actually do all day?",
    "so what does a {t} do",
    "What does a {t} spend the day on?",
    "what's a normal day like for a {t}",
)


def _title_forms(role: str) -> list[str]:
    """The title as written, lowercased, and turned round ("Director, Local Transport Policy"
    -> "director of local transport policy"; "Operations Director" -> "director of operations")."""
    head, _, rest = role.partition(",")
    forms = [role.lower().replace(",", ""), head.strip().lower()]
    if rest:
        forms.append(f"{head.strip().lower()} of {rest.strip().lower()}")
    words = head.lower().replace("senior ", "").split()
    if len(words) == 2:
        forms.append(f"{words[1]} of {words[0]}")
    return [f for f in dict.fromkeys(forms) if len(f.split()) > 1]


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_question_naming_the_persona_s_title_is_about_their_own_work(path: Path) -> None:
    scenario = _scenario(path.name)
    mine = [t.id for t in scenario.knowledge.topics if is_persona_topic(t.id)]
    topics = {t.id for t in scenario.knowledge.topics}
    for form in _title_forms(scenario.persona.role):
        for template in _TITLE_TEMPLATES:
            question = template.format(t=form)
            reply = _reply(_runner(path.name), question)
            assert reply is not None, question
            assert reply.topic in (mine or topics), (question, reply)


_HIRE_TEMPLATES = (
    "What does a typical week look like for someone in that role?",
    "What would the first few months look like for the person who joins?",
    "what would a normal day be for whoever gets the job",
    "What would the new hire spend most of their time on?",
)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_question_about_the_person_hired_goes_to_the_role(path: Path) -> None:
    scenario = _scenario(path.name)
    roles = [t.id for t in scenario.knowledge.topics if is_role_topic(t.id)]
    assert all(map(about_hire, _HIRE_TEMPLATES))
    for question in _HIRE_TEMPLATES:
        reply = _reply(_runner(path.name), question)
        if roles:  # (without one, the persona doing that job tells their own week)
            assert reply is not None, question
            assert reply.topic in roles, (question, reply)


_WHO_ELSE = (
    "Is there someone you think I should talk to?",
    "anyone you'd suggest i speak to",
    "who do you think I should meet",
    "Should I talk to anyone else?",
    "is there anybody i could reach out to",
)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_someone_to_talk_to_reaches_that_topic(path: Path) -> None:
    scenario = _scenario(path.name)
    showing = {
        t.id
        for t in scenario.knowledge.topics
        if any("referral" in intents(q) for q in t.questions)
    }
    for question in _WHO_ELSE:
        assert "referral" in intents(question), question
        reply = _reply(_runner(path.name), question)
        if showing:
            assert reply is not None, question
            assert reply.topic in showing, (question, reply)


_NAME_TEMPLATES = (
    "{n} came up earlier, what's the thinking behind it?",
    "I heard a bit about {n}, what's the story there?",
    "what's going on with {n} at the moment",
)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_name_from_the_scenario_is_never_deflected(path: Path) -> None:
    scenario = _scenario(path.name)
    deflections = set(scenario.knowledge.deflect)
    for name in scenario_names(scenario):
        for template in _NAME_TEMPLATES:
            question = template.format(n=name.title())
            if is_request(question):
                continue
            reply = _reply(_runner(path.name), question)
            assert reply is not None, question
            assert reply.topic in {t.id for t in scenario.knowledge.topics}, (question, reply)
            assert not deflections & set(reply.parts), (question, reply)


# -- frames stay hidden ----------------------------------------------------------------------
_NAMES_FRAME = re.compile(
    r"\b(?:you(?:'re|\s+are|\s+sound|\s+seem)|glad\s+you're|sounds\s+like\s+you(?:'re)?)\s+"
    r"(?:\w+\s+)?(?:curious|keen|eager|set\s+on|exploring|decided|made\s+up)\b(?!\s+about\b)"
    r"|\b(?:love|like)\s+the\s+(?:curiosity|enthusiasm|eagerness)\b"
    r"|\bsounds\s+like\s+you(?:'ve|\s+have)\s+(?:got\s+a\s+plan|decided|made\s+up)\b"
    r"|\bsounds\s+like\s+you'd\s+really\s+want\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_no_manager_line_names_the_seeker_s_frame(path: Path) -> None:
    """Frames stay hidden while talking: no line tells the seeker they sound curious or keen
    (the opening may say what the seeker came for: "You're curious about UX research, right?")."""
    scenario = _scenario(path.name)
    start = set(scenario.nodes[scenario.start].lines)
    said = [t for t in scenario.manager_lines() if t not in start]
    assert not [t for t in said if _NAMES_FRAME.search(t)]


# -- a story already told --------------------------------------------------------------------
@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_scripted_line_does_not_retell_an_answer_already_given(path: Path) -> None:
    """After a topic's answers were said, a node with a phrasing that does not retell them is
    said in that phrasing ("I started in analytics ..." never right after the origin story)."""
    scenario = _scenario(path.name)
    switched = 0
    # the stories a manager retells: how they got into the field (the recruiter tells none)
    topics = scenario.knowledge.topics
    stories = [t for t in topics if any("origin" in intents(q) for q in t.questions)]
    for topic in stories:
        for node in scenario.nodes.values():
            if len(node.lines) < 2:
                continue
            told = _runner(path.name)
            told._said.update(topic.answers)
            told._told[topic.id] = 1
            fresh = [t for t in node.lines if not told._retells(topic.answers, t)]
            for first in node.lines:
                runner = _runner(path.name)
                runner._said.update(topic.answers)
                runner._told[topic.id] = 1
                runner.current = node
                runner._phrasing[node.id] = first
                runner._not_retold()
                said = runner._phrasing[node.id]
                if fresh:
                    assert said in fresh, (topic.id, node.id, said)
                    switched += said != first
    if path.stem in ("connector-intro", "distracted-ops-director", "nurse-informatics-tea"):
        assert switched, "the newcomer's story nodes now have a phrasing that tells no story"


_LEADS = ("I like the sound of that", "Oh nice", "Honestly", "That sounds great", "Huh")
_GO_ON = ("tell me more", "go on", "how so?", "say more", "what's that like?")


def test_a_follow_up_after_a_short_reaction_is_still_a_follow_up() -> None:
    """ "I like the sound of that, tell me more" asks about what the manager just said."""
    from app.dialogue.asking import is_follow_up

    assert all(is_follow_up(f"{lead}, {rest}") for lead in _LEADS for rest in _GO_ON)
    assert not any(
        is_follow_up(f"{lead}, {rest}")
        for lead in ("So what does the team do", "How big is it")
        for rest in _GO_ON
    )


# -- statements the question finder may misread ----------------------------------------------
_STATEMENTS = (
    "Did marketing for five years.",
    "Did two years at a bank before that.",
    "has three kids so nights are hard",
    "Anyone else would have quit.",
    "Which brings me to my next point.",
    "Which reminds me, I met Lena last week.",
    "Was in retail before this.",
)


@pytest.mark.parametrize("path", _SCENARIOS, ids=lambda p: p.stem)
def test_a_statement_is_never_deflected_to_a_colleague(path: Path) -> None:
    """A statement that looks like a question ("Did marketing for five years.") never gets "I'm
    not the right person, Lena would know": the framing rules find no question in it, so the
    runner answers it with the scripted line (the whole path: analysis, branch, reply)."""
    from app.framing import analyze_answer
    from app.framing.cues import find_questions

    deflections = set(_scenario(path.name).knowledge.deflect)
    assert not any(map(find_questions, _STATEMENTS))
    for statement in _STATEMENTS:
        runner = _runner(path.name)
        result = analyze_answer(runner.line().text, statement, rules_only=True)
        reply = runner.advance(result.frame, [c.cue for c in result.cues], answer=statement)
        assert not deflections & set(reply.parts), (statement, reply)
