"""Session 19: the manager answers what the seeker actually asks, over every shipped scenario
and generated phrasings: what he is working on NOW (a current-work topic, never his path),
advice for the seeker (an advice topic), leave to stay in touch (a plain, warm yes), and no
lead-in presuming a yes after a deflection or a brake."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import MINIMAL, SCENARIOS, shipped_matcher, shipped_scenario

from app.dialogue import Runner, Scenario, load_scenario
from app.dialogue.asking import (
    GENERIC_REPLIES,
    IN_TOUCH_ASIDES,
    IN_TOUCH_REPLIES,
    REQUEST_REPLIES,
    intents,
)
from app.dialogue.bridges import AFTER_DEFLECTION, AFTER_PRIVATE
from app.dialogue.choosing import _tells_origin, has_topic_for
from app.dialogue.model import drop_presumed_yes

LEADS = ("", "Thanks, that's useful. ", "I'm not sure yet. ")


def _reply(name: str, answer: str, *, node_id: str | None = None):  # type: ignore[no-untyped-def]
    scenario = shipped_scenario(name)
    node = (
        scenario.nodes[node_id]
        if node_id
        else next(n for n in scenario.nodes.values() if n.branches)
    )
    runner = Runner(scenario, seed=1, start=node.id)
    runner._matcher = shipped_matcher(name)
    runner._shared = False
    branch = node.branches[-1]
    return runner.advance(branch.frame or "neutral", {"seeker_question"}, answer=answer)


CURRENT = (
    "What are you working on these days?",
    "what are you working on right now",
    "What are you working on at the moment?",
    "What are you focused on at the moment?",
    "what's keeping you busy these days",
    "What have you been working on lately?",
    "what are you up to at the moment work-wise",
    "What's on your plate right now?",
)


@pytest.mark.parametrize("name", SCENARIOS)
def test_current_work_is_answered_from_a_current_work_topic(name: str) -> None:
    matcher = shipped_matcher(name)
    for lead, question in itertools.product(LEADS, CURRENT):
        line = _reply(name, lead + question)
        assert line.topic in matcher.ids, (lead + question, line.text)
        assert not _tells_origin(matcher, line.topic), (lead + question, line.topic)
        examples = [q for i, q in matcher.examples if matcher.ids[i] == line.topic]
        assert any("current" in intents(q) for q in examples), (lead + question, line.topic)


def test_current_phrasings_show_the_intent_and_past_ones_do_not() -> None:
    for question in CURRENT:
        assert "current" in intents(question), question
    for question in (
        "What were you working on before this?",
        "What are you doing here?",
        "How did you get into this?",
        "What did you do before?",
    ):
        assert "current" not in intents(question), question


ADVICE = (
    "What advice would you give me?",
    "what would you do in my shoes",
    "Any tips for someone starting out?",
    "What would you do if you were me?",
    "If you were in my shoes, what would you do?",
    "what advice would you give someone like me",
)


@pytest.mark.parametrize("name", SCENARIOS)
def test_advice_is_answered_from_an_advice_topic(name: str) -> None:
    matcher = shipped_matcher(name)
    assert has_topic_for(matcher, "advice"), name
    for lead, question in itertools.product(LEADS, ADVICE):
        line = _reply(name, lead + question)
        assert line.topic == "advice", (lead + question, line.topic, line.text)


IN_TOUCH = (
    "Can I follow up with you?",
    "Can I follow up with you next week?",
    "Mind if I email you next week?",
    "Would you mind if I emailed you in a couple of weeks?",
    "Could we stay in touch?",
    "Is it ok if I reach out on LinkedIn?",
    "Would it be okay to keep in touch?",
    "Can I connect with you on LinkedIn?",
    "Could I drop you a line next month?",
    "is it alright if i follow up by email",
)


@pytest.mark.parametrize("name", SCENARIOS)
def test_staying_in_touch_gets_a_plain_warm_yes(name: str) -> None:
    deflections = shipped_scenario(name).knowledge.deflect
    for lead, question in itertools.product(LEADS, IN_TOUCH):
        line = _reply(name, lead + question)
        assert line.parts[0] in IN_TOUCH_REPLIES, (lead + question, line.text)
        assert not any(p in deflections for p in line.parts), line.text
        assert line.parts[0].startswith("Of course, please do"), line.text


def test_staying_in_touch_beside_a_question_is_still_a_yes() -> None:
    for name in SCENARIOS:
        line = _reply(name, "What are you working on these days? And can I email you next week?")
        assert any(p in IN_TOUCH_ASIDES for p in line.parts), (name, line.text)


def test_follow_up_questions_and_old_friends_are_not_staying_in_touch() -> None:
    for question in (
        "Can I follow up on that?",
        "can I reach out to Lena?",
        "Do you still keep in touch with anyone from the course?",
        "Could I ask a follow-up question?",
        "Can I call you Marcus?",
        "Could I email the recruiter?",
        "Is it alright if I email you my CV?",
    ):
        assert "in_touch" not in intents(question), question


#: Lines opening with a lead-in that presumes the seeker said yes.
PRESUMING = (
    "Great, so when could you start?",
    "Then pick the pipeline you know best and walk me through it.",
    "Okay. Then tell me about your last project.",
    "Perfect, I'll send you the invite.",
    "Great. So, what's your notice period?",
    "Right then. Have you got your portfolio on you?",
    "Lovely, then let's get you in front of the team.",
)
DEFLECTED = (
    "Where's the nearest car park?",
    "Do you sponsor visas?",
    "What do you do at the weekend?",
    "Could you refer me?",
)


def _tiny(line: str, folder: Path) -> Scenario:
    text = MINIMAL.replace(
        "nodes:\n",
        "knowledge:\n"
        '  deflect: ["Honestly, I\'m not the right person for that one.", "No idea, sorry."]\n'
        "  topics:\n"
        "    - id: typical_week\n"
        '      questions: ["What does a typical week look like?", "How do you spend your week?",\n'
        '        "What is a normal day like?"]\n'
        '      answers: ["Mondays we plan, the rest is reviews."]\n'
        "nodes:\n",
    ).replace('say: "Let me introduce you to Lena."', f'say: "{line}"')
    path = folder / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


@pytest.mark.parametrize("line", PRESUMING)
def test_no_presumed_yes_after_a_deflection_or_a_brake(line: str, tmp_path: Path) -> None:
    scenario = _tiny(line, tmp_path)
    assert any(drop_presumed_yes(line) == t for t in scenario.manager_lines())
    for question in DEFLECTED:
        runner = Runner(scenario, seed=3)
        runner._shared = False
        said = runner.advance("exploration", {"seeker_question"}, answer=question)
        assert said.parts, (question, said.text)
        first = said.parts[0]
        assert first not in IN_TOUCH_REPLIES
        rest = said.parts[1:]
        assert "Okay, anyway." not in rest, said.text
        spoken = " ".join(rest)
        assert drop_presumed_yes(spoken) == spoken, (question, said.text)
        assert not spoken.lower().startswith(("then ", "great", "perfect", "okay, then")), said.text
        assert all(p in scenario.manager_lines() for p in said.parts), said.parts


def test_presumed_yes_lead_ins_are_dropped_and_others_kept() -> None:
    for line in PRESUMING:
        assert drop_presumed_yes(line) != line, line
        assert drop_presumed_yes(line)[0].isupper(), line
    for line in (
        "Then comes synthesis: days of sticky notes.",
        "Right now we've got a robot that misbehaves.",
        "Good to meet you, I'm Marcus.",
        "So what brings you here?",
        "Great.",
    ):
        assert drop_presumed_yes(line) == line, line


def test_okay_anyway_is_never_a_bridge_after_a_deflection() -> None:
    assert "Okay, anyway." not in AFTER_DEFLECTION
    assert "Okay, anyway." not in AFTER_PRIVATE
    assert set(REQUEST_REPLIES) <= set(GENERIC_REPLIES["request"])


@pytest.mark.parametrize("name", SCENARIOS)
def test_shipped_scenarios_have_current_work_and_advice_topics(name: str) -> None:
    for kind in ("current", "advice"):
        assert has_topic_for(shipped_matcher(name), kind), (name, kind)


WORRIES = (
    "What's the thing that worries you most about the business right now?",
    "what worries you most at the moment",
    "What's worrying you these days about the work?",
)


@pytest.mark.parametrize("name", SCENARIOS)
def test_what_worries_him_now_is_never_his_current_work(name: str) -> None:
    """ "right now" does not make a worry his current work: the challenges topic when it is
    near enough, else what any question no topic answers gets (left: a deflection)."""
    for question in WORRIES:
        line = _reply(name, question)
        assert line.topic not in ("current_work", "projects"), (question, line.text)
