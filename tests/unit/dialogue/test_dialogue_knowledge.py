"""Persona knowledge: the format, the matcher, and the runner answering the seeker's questions."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import MINIMAL, REPO

from app.dialogue import (
    DEFLECTED,
    KnowledgeMatcher,
    Runner,
    load_scenario,
    validate_file,
)
from app.dialogue.bridges import AFTER_ANSWER, TURN_BACKS
from app.dialogue.knowledge import has_content, use_encoder
from app.framing.encoder import shared_encoder

DEMO = REPO / "tests" / "data" / "questions" / "dev" / "knowledge-demo.yaml"

KNOWLEDGE = """\
knowledge:
  deflect:
    - "Good question, but I'm not the right person for that; Lena would know."
    - "Honestly, no idea. Ask HR."
  topics:
    - id: typical_week
      questions:
        - "What does a typical week look like?"
        - "What do you do day to day?"
        - "How do you spend your time?"
      answers:
        - "Mondays we plan; the rest is building."
        - "Lots of meetings, then building."
      follow_up: "What does your week look like?"
    - id: tools
      questions:
        - "What tools do you use?"
        - "What's your tech stack?"
        - "Which technologies does the team use?"
      answers:
        - "Python and SQL, mostly."
"""


@pytest.fixture(autouse=True)
def words_only() -> Iterator[None]:
    """Runners match by words here, whether or not the shared encoder has loaded."""
    use_encoder(lambda _wait: None)
    yield
    use_encoder(lambda wait: shared_encoder(wait=wait))


@pytest.fixture
def demo() -> Runner:
    return Runner(
        load_scenario(DEMO), seed=3, matcher=KnowledgeMatcher(load_scenario(DEMO).knowledge)
    )


def test_knowledge_loads_into_the_model(write_scenario: Callable[..., Path]) -> None:
    scenario = load_scenario(write_scenario(MINIMAL + KNOWLEDGE))
    knowledge = scenario.knowledge
    assert [t.id for t in knowledge.topics] == ["typical_week", "tools"]
    assert knowledge.topic("typical_week") is not None
    assert knowledge.topic("typical_week").follow_up == "What does your week look like?"  # type: ignore[union-attr]
    assert knowledge.topic("tools").follow_up is None  # type: ignore[union-attr]
    assert len(knowledge.deflect) == 2


def test_order_is_optional(write_scenario: Callable[..., Path]) -> None:
    assert load_scenario(write_scenario()).order is None
    assert load_scenario(write_scenario("order: 2\n" + MINIMAL)).order == 2
    problems = validate_file(write_scenario("order: 0\n" + MINIMAL))
    assert any("order" in str(p) for p in problems)


def test_manager_lines_include_every_knowledge_part(write_scenario: Callable[..., Path]) -> None:
    """Everything the manager can say is rendered before the rehearsal starts."""
    lines = load_scenario(write_scenario(MINIMAL + KNOWLEDGE)).manager_lines()
    for text in (
        "Mondays we plan; the rest is building.",
        "Lots of meetings, then building.",
        "What does your week look like?",
        "Python and SQL, mostly.",
        "Honestly, no idea. Ask HR.",
        "Anyway.",
    ):
        assert text in lines
    assert len(lines) == len(set(lines))


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('        - "What tools do you use?"\n', "", "at least 3 example questions"),
        ('    - "Honestly, no idea. Ask HR."\n', "", "at least 2 deflections"),
        ("id: tools", "name: tools", "missing 'id'"),
        ("follow_up:", "followup:", "did you mean 'follow_up'"),
    ],
)
def test_format_rules_are_enforced(
    write_scenario: Callable[..., Path], old: str, new: str, words: str
) -> None:
    problems = validate_file(write_scenario(MINIMAL + KNOWLEDGE.replace(old, new, 1)))
    assert problems
    assert any(words in str(p) for p in problems), problems


def test_duplicate_topic_ids_are_refused(write_scenario: Callable[..., Path]) -> None:
    text = MINIMAL + KNOWLEDGE.replace("id: tools", "id: typical_week")
    problems = validate_file(write_scenario(text))
    assert any("typical_week" in str(p) and "twice" in str(p) for p in problems), problems


def test_bad_topic_id_is_explained(write_scenario: Callable[..., Path]) -> None:
    problems = validate_file(write_scenario(MINIMAL + KNOWLEDGE.replace("id: tools", "id: Tools")))
    assert any("Tools" in str(p) for p in problems), problems


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("So what's a normal week like for you?", "typical_week"),
        ("how large is the group you manage", "team"),
        ("what is brightwater health", "company"),
        ("How did you get started in data?", "origin"),
        ("is it remote", "remote"),
        ("how does hiring work there", "hiring_process"),
        ("What's the weather like in Leeds?", None),
        ("did you see the game last night", None),
    ],
)
def test_matcher_finds_the_topic_or_none(question: str, topic: str | None) -> None:
    """Word overlap (the fallback, always there) answers paraphrases and refuses the rest."""
    found = KnowledgeMatcher(load_scenario(DEMO).knowledge).match(question)
    assert found.topic == topic, found
    assert found.ms < 50


def test_questions_without_content_get_nothing() -> None:
    assert not has_content("what about you?")
    assert not has_content("really?")
    assert has_content("what tools do you use")


def test_no_question_means_the_scripted_line_alone(demo: Runner) -> None:
    line = demo.advance("exploration", ())
    assert line.parts == (line.text,)
    assert line.topic is None
    assert (
        line.text
        == "I like that. The work here is mostly about whether the doctors can trust the numbers."
    )


def test_a_question_is_answered_before_the_next_line(demo: Runner) -> None:
    line = demo.advance("neutral", {"seeker_question"}, questions=["what tools do you use"])
    assert line.node_id == "asks_interest"
    assert line.topic == "tools"
    assert line.parts[0].startswith("Mostly Python and SQL")
    assert line.parts[-1] in load_scenario(DEMO).nodes["asks_interest"].lines
    # The scripted line asks a question, so the topic's follow-up is not added.
    assert "Have you used any of those?" not in line.parts
    assert line.text == " ".join(line.parts)
    assert line.prompt == line.parts[-1]  # the next answer is framed against the scripted line
    assert demo.line() == line  # "repeat that" repeats the whole reply


def test_follow_up_when_the_next_line_asks_nothing(demo: Runner) -> None:
    line = demo.advance("exploration", {"seeker_question"}, questions=["What's your tech stack?"])
    assert line.topic == "tools"
    assert line.parts[-1] == "Have you used any of those?"
    assert line.prompt.endswith("trust the numbers. Have you used any of those?")
    # the seeker's first question: no bridge, though the scripted line opens with no connective
    assert not set(line.parts) & {*AFTER_ANSWER, *TURN_BACKS}, line.parts


def test_unknown_question_gets_a_deflection(demo: Runner) -> None:
    line = demo.advance(
        "neutral",
        {"seeker_question"},
        questions=["what does the marketing team think of the new logo"],
    )
    assert line.topic == DEFLECTED
    assert line.parts[0] in load_scenario(DEMO).knowledge.deflect


def test_referral_question_routed_by_the_author_is_left_to_the_script(
    write_scenario: Callable[..., Path],
) -> None:
    """A branch on referral_seeking leads to a line written for it: no deflection first; a
    referral question the author did not route on is deflected like any other."""
    routed = MINIMAL.replace(
        "      - cues: [commitment]",
        "      - cues: [referral_seeking]\n        goto: good_end\n      - cues: [commitment]",
    )
    runner = Runner(load_scenario(write_scenario(routed + KNOWLEDGE)), seed=0)
    line = runner.advance("exploration", {"referral_seeking"}, questions=["any podcasts?"])
    assert (line.node_id, line.topic, line.parts) == ("good_end", None, (line.text,))
    plain = Runner(load_scenario(write_scenario(MINIMAL + KNOWLEDGE)), seed=0)
    line = plain.advance("exploration", {"referral_seeking"}, questions=["any podcasts?"])
    assert line.topic == DEFLECTED


def test_same_topic_twice_gets_the_other_answer(write_scenario: Callable[..., Path]) -> None:
    loop = MINIMAL.replace(
        "      - goto: neutral_end",
        "      - frame: neutral\n        goto: ask\n      - goto: neutral_end",
    )
    scenario = load_scenario(write_scenario(loop + KNOWLEDGE))
    runner = Runner(scenario, seed=0)
    first = runner.advance("neutral", {"seeker_question"}, questions=["what's a typical week"])
    second = runner.advance(
        "neutral", {"seeker_question"}, questions=["how do you spend your week"]
    )
    assert first.topic == second.topic == "typical_week"
    assert {first.parts[0], second.parts[0]} == set(scenario.knowledge.topics[0].answers)


def test_best_of_several_questions_is_answered(demo: Runner) -> None:
    line = demo.advance(
        "exploration",
        {"seeker_question"},
        questions=["what about you?", "how big is your team"],
    )
    assert line.topic == "team"


def test_scenarios_without_knowledge_never_answer(write_scenario: Callable[..., Path]) -> None:
    runner = Runner(load_scenario(write_scenario()), seed=0)
    line = runner.advance("neutral", {"seeker_question"}, questions=["what tools do you use"])
    assert line.parts == (line.text,)
    assert line.topic is None


def test_demo_topics_are_all_reached() -> None:
    """Each topic's own example questions, held out, find their way back to it."""
    assert KnowledgeMatcher(load_scenario(DEMO).knowledge).unreached() == {}


def test_the_encoder_matches_by_meaning() -> None:
    """With the bundled sentence model, paraphrases sharing no word still find their topic."""
    encoder = shared_encoder(wait=True)
    if encoder is None:
        pytest.skip("the bundled sentence model is not installed (see make framing-model)")
    matcher = KnowledgeMatcher(load_scenario(DEMO).knowledge, encoder)
    assert matcher.method == "meaning"
    assert matcher.match("what do you spend your days on").topic == "typical_week"
    assert matcher.match("did you see the game last night").topic is None


@pytest.mark.parametrize("meaning", [False, True], ids=["words", "meaning"])
def test_the_guide_example_answers_as_the_guide_says(tmp_path: Path, meaning: bool) -> None:
    """docs/scenarios.md quotes a seeker's answer and the reply; the example scenario in it,
    run through the conversation engine the app uses (framing, then the runner, given the
    seeker's words as typed), really gives that reply, by words and by meaning."""
    from app.session import Conversation

    if meaning:
        if shared_encoder(wait=True) is None:
            pytest.skip("the bundled sentence model is not installed (see make framing-model)")
        use_encoder(lambda wait: shared_encoder(wait=wait))
    guide = " ".join((REPO / "docs" / "scenarios.md").read_text(encoding="utf-8").split())
    example = (REPO / "docs" / "scenarios.md").read_text(encoding="utf-8")
    example = example.split("```yaml\n", 1)[1].split("```", 1)[0]
    quoted = re.search(r'In the example, "([^"]+)" gets: "([^"]+)"', guide)
    assert quoted is not None, "the guide no longer quotes its example's reply"
    said, reply = quoted.groups()
    path = tmp_path / "hallway-chat.yaml"
    path.write_text(example, encoding="utf-8")
    conversation = Conversation(load_scenario(path), None, seed=0)
    conversation.begin()
    _analysis, line = conversation.answer(said)
    assert line.topic == "team"
    assert line.text == reply


def test_a_rehearsal_answers_the_seekers_question() -> None:
    """Through the conversation engine the app uses: the question is heard and answered."""
    from app.session import Conversation

    conversation = Conversation(load_scenario(DEMO), None, seed=0)
    conversation.begin()
    _analysis, line = conversation.answer("I'm not sure yet. What tools does your team use?")
    assert line.topic == "tools"
    assert (
        line.parts[0]
        == "Mostly Python and SQL, Airflow for scheduling, and a warehouse in the cloud."
    )
    assert conversation.turns[-1].text == line.text


def _one_step(write_scenario: Callable[..., Path], good_end_line: str) -> Runner:
    text = MINIMAL.replace('"Let me introduce you to Lena."', f'"{good_end_line}"')
    return Runner(load_scenario(write_scenario(text + KNOWLEDGE)), seed=0)


def test_the_answer_goes_after_an_acknowledgement(write_scenario: Callable[..., Path]) -> None:
    """ "Good question." + the answer + the rest of the line, each pre-rendered."""
    runner = _one_step(write_scenario, "Good question. You should meet Lena.")
    line = runner.advance("exploration", {"seeker_question"}, questions=["What tools do you use?"])
    assert line.parts == ("Good question.", "Python and SQL, mostly.", "You should meet Lena.")
    rendered = runner.scenario.manager_lines()
    assert all(part in rendered for part in line.parts)


def test_a_reaction_to_the_seeker_is_left_out(write_scenario: Callable[..., Path]) -> None:
    """ "That makes sense." would react to the manager's own answer: the rest is said."""
    first = _one_step(write_scenario, "That makes sense. You should meet Lena.")
    line = first.advance("exploration", {"seeker_question"}, questions=["What tools do you use?"])
    assert line.parts == ("Python and SQL, mostly.", "You should meet Lena.")  # no bridge yet
    runner = _one_step(write_scenario, "That makes sense. You should meet Lena.")
    runner._heard = 1  # a later question of the rehearsal: a bridge before the statement
    line = runner.advance("exploration", {"seeker_question"}, questions=["What tools do you use?"])
    assert line.parts[::2] == ("Python and SQL, mostly.", "You should meet Lena.")
    assert line.parts[1] in runner.scenario.bridges()
    assert all(part in runner.scenario.manager_lines() for part in line.parts)
    plain = _one_step(write_scenario, "That makes sense. You should meet Lena.")
    assert plain.advance("exploration", ()).text == "That makes sense. You should meet Lena."


def test_no_answer_that_the_next_line_already_gives(write_scenario: Callable[..., Path]) -> None:
    """A line that tells the answer and says nothing after is said alone; one that goes on
    keeps the answer and leaves its retelling statement out (session 11 D7)."""
    runner = _one_step(write_scenario, "We mostly use Python and SQL, mostly.")
    line = runner.advance("exploration", {"seeker_question"}, questions=["What tools do you use?"])
    assert line.topic is None
    assert line.parts == ("We mostly use Python and SQL, mostly.",)
    runner = _one_step(write_scenario, "We mostly use Python and SQL, mostly. Meet Lena.")
    line = runner.advance("exploration", {"seeker_question"}, questions=["What tools do you use?"])
    assert line.topic == "tools"
    assert line.parts == ("Python and SQL, mostly.", "Meet Lena.")


def test_the_answer_text_is_searched_for_questions(demo: Runner) -> None:
    """Given the seeker's words, the runner finds the questions itself, with their context."""
    line = demo.advance(
        "exploration", {"seeker_question"}, answer="I know little about it. What tools, though?"
    )
    assert line.topic == "tools"


def test_a_statement_is_not_answered(demo: Runner) -> None:
    """ "Mostly reporting" asks nothing, whatever cues the analysis attached to it."""
    line = demo.advance("exploration", {"seeker_question"}, answer="Mostly reporting")
    assert line.topic is None
    assert line.parts == (line.text,)


def test_repeats_are_judged_on_plain_words_and_names() -> None:
    from app.dialogue.runner import _repeats

    lena = "Lena Park runs our analytics team. She's generous with her time."
    assert _repeats([lena], "Lena Park runs analytics for us. Want me to connect you two?")
    marcus = "Marcus on openings, and Jen on training. Sorry, my phone."
    assert not _repeats([marcus], "Sorry. We open in April and need a manager. Interested?")


def test_bridges_take_turns(write_scenario: Callable[..., Path]) -> None:
    """Never the same bridge twice in a row; a line about the seeker gets one handing back."""
    loop = MINIMAL.replace(
        "      - goto: neutral_end",
        "      - frame: neutral\n        goto: again\n      - goto: neutral_end",
    ).replace(
        "  good_end:",
        "  again:\n"
        '    say: "What do you do these days? I moved teams later."\n'
        "    branches:\n"
        "      - frame: neutral\n        goto: again\n"
        "      - goto: good_end\n"
        "  good_end:",
    )
    runner = Runner(load_scenario(write_scenario(loop + KNOWLEDGE)), seed=0)
    runner._heard = 1  # not the seeker's first question, which gets no bridge
    said = []
    # a topic asked again is not retold word for word: two topics, asked in turn
    for question in ("what tools do you use", "typical week?", "what's a typical week", "tools?"):
        line = runner.advance("neutral", {"seeker_question"}, questions=[question])
        assert line.topic in ("tools", "typical_week")
        said.append(line.parts[1])
    assert all(a != b for a, b in itertools.pairwise(said)), said
    assert said[0] in TURN_BACKS
    assert set(said) <= set(runner.scenario.manager_lines())


@pytest.mark.parametrize(
    "request_",
    ["Could I talk to her first?", "so can i shadow someone", "Could you introduce me to Lena?"],
)
def test_requests_are_not_deflected(demo: Runner, request_: str) -> None:
    """A request gets a topic's answer when one fits (who else: Lena), never a deflection."""
    line = demo.advance("exploration", {"seeker_question"}, answer=request_)
    assert line.topic != DEFLECTED
