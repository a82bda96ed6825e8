"""Golden paths: scripted answers, judged by the real analyzer, take each scenario's exact path.

The answers are written the way a person would say them, not tuned to the analyzer. If one of
these fails because the analyzer misjudges a clearly worded answer, fix the analyzer, not the
answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import SHIPPED

from app.dialogue import Runner, expand_paths, load_scenario
from app.framing import analyze_answer


@dataclass(frozen=True)
class Golden:
    """One rehearsal: the answers, in order, and the nodes they must visit."""

    scenario: str
    name: str
    answers: tuple[str, ...]
    path: tuple[str, ...]


GOLDENS = (
    Golden(
        "connector-intro",
        "exploration",
        (
            "Dana has been helping me figure out where I might fit. "
            "I'm curious what your team does.",
            "Oh, interesting. What kind of dashboards do the doctors use?",
            "Honestly, I don't know yet. I'd like to understand what your team works on before "
            "I decide.",
            "I like finding the story in messy data. "
            "How did you end up building the team this way?",
            "No, not yet. Who would you suggest I talk to over there?",
        ),
        ("hello", "mentions_role", "asks_interest", "opens_up", "shares_story", "end_lena"),
    ),
    Golden(
        "connector-intro",
        "interview",
        (
            "Dana has been helping me figure out where I might fit. "
            "I'm curious what your team does.",
            "That sounds great.",
            "Yes! I'm very interested in the position.",
            "I have three years of experience building pipelines in Python, and I led our "
            "migration to Airflow.",
            "I've used Spark on two projects, and I'm a very fast learner.",
        ),
        (
            "hello",
            "mentions_role",
            "asks_interest",
            "interview_mode",
            "interview_gap",
            "end_resume",
        ),
    ),
    Golden(
        "connector-intro",
        "recovery",
        (
            "Dana introduced us, she said you were worth meeting.",
            "That sounds great.",
            "Yes, absolutely, I want this job.",
            "Before I get into that, can I ask what your team struggles with most right now?",
            "That's interesting. How do you build that trust with the doctors?",
        ),
        ("hello", "mentions_role", "asks_interest", "interview_mode", "recovers", "end_coffee"),
    ),
    Golden(
        "career-fair-booth",
        "exploration",
        (
            "Hi! I saw the robot arm. What does your team work on?",
            "I'm trying to learn what testing robots actually involves. How did you get into it?",
            "That sounds fun. What was the hardest bug you had to track down?",
            "I like puzzles where the cause is hidden. What would you suggest I read to learn more "
            "about robot testing?",
        ),
        ("booth_hello", "explains_work", "team_story", "asks_back", "end_engineer_intro"),
    ),
    Golden(
        "career-fair-booth",
        "interview",
        (
            "Hi, here is my resume. I'm applying for the test engineer position.",
            "Yes, I have a degree in mechanical engineering and two internships in quality "
            "assurance.",
        ),
        ("booth_hello", "asks_resume", "end_pile"),
    ),
    Golden(
        "coffee-referral",
        "exploration",
        (
            "Yes, I've been curious about it for a while. Thanks so much for making the time.",
            "I'd love to hear how you got into product, and what you wish you'd known when you "
            "started.",
            "That's a great story. What did your first year in product look like?",
            "Probably the customer part. How do you decide which customers to listen to?",
            "Only Jordan so far. Is there anyone else you think I should talk to?",
        ),
        ("coffee_hello", "what_help", "her_path", "day_to_day", "advice", "end_intro"),
    ),
    Golden(
        "coffee-referral",
        "interview",
        (
            "Yes, I've been curious about it for a while. Thanks so much for making the time.",
            "Could you refer me for the open product manager role at Fernhill?",
            "I have five years of engineering experience and I've already led several product "
            "launches.",
            "I managed the backlog for my team and I'm very good at prioritising.",
        ),
        ("coffee_hello", "what_help", "referral_pressure", "screening", "end_apply_online"),
    ),
    Golden(
        "director-informational",
        "exploration",
        (
            "Thank you for making the time. I'd love to hear about your work and how your group "
            "fits into the company.",
            "I read a report on how companies measure emissions and I wanted to understand it "
            "better. How did you get into this field?",
            "Mostly the new disclosure rules. What do you think people entering the field get "
            "wrong?",
            "A couple of people in consulting. Who else would you recommend I talk to?",
        ),
        ("dir_hello", "her_work", "trends", "advice", "end_mentor"),
    ),
    Golden(
        "director-informational",
        "interview",
        (
            "I'm looking for a job in sustainability and I wanted to ask if your group is hiring.",
            "Honestly, I'd like a position on your team. I have a master's degree in "
            "environmental science.",
            "I have two years of experience in data analysis and I'm certified in carbon "
            "accounting.",
        ),
        ("dir_hello", "looking_for", "gatekeeper", "end_hr"),
    ),
    Golden(
        "alumni-call",
        "exploration",
        (
            "Yes, thanks so much for taking the time. I'm still figuring out which kind of "
            "research fits me.",
            "I'm a senior. How did that internship lead to your first research job?",
            "I'm a psych major too, so your path caught my eye. What surprised you most about "
            "working at a bank?",
            "It might. What does a study look like there from start to finish?",
            "That's fascinating. How do you get people to be honest in a diary study?",
        ),
        ("alum_hello", "alum_story", "alum_curious", "alum_bank", "alum_methods", "alum_end_intro"),
    ),
    Golden(
        "alumni-call",
        "interview",
        (
            "Yes, thanks so much for taking the time. I'm still figuring out which kind of "
            "research fits me.",
            "I'm a senior, and I'm looking for a full time job after graduation. Is your team "
            "hiring?",
            "Yes, I'm applying everywhere. I have a strong GPA and two research internships.",
        ),
        ("alum_hello", "alum_story", "alum_asks_goal", "alum_end_portal"),
    ),
    Golden(
        "pushy-recruiter",
        "exploration",
        (
            "Maybe. Before I say anything, what's the company, and what is the team working on?",
            "I'd rather not get into salary yet. Can you tell me more about the team and why the "
            "role is open?",
            "Thanks. Why did the lead leave, and what does Nadia want the new person to fix first?",
            "How does she measure success in the first six months, and how does the team work "
            "together?",
        ),
        ("rec_hello", "rec_probe", "rec_client", "rec_respects", "rec_end_call"),
    ),
    Golden(
        "pushy-recruiter",
        "interview",
        (
            "Yes, definitely! I'm very interested. What does it pay?",
            "I'm on sixty thousand now and I'd move for seventy five.",
            "Yes, please put me forward.",
        ),
        ("rec_hello", "rec_pitch", "rec_push", "rec_end_submitted"),
    ),
)


def test_every_scenario_has_an_exploration_and_an_interview_golden() -> None:
    """Each shipped scenario has at least the two golden paths the issue asks for."""
    covered = {(g.scenario, g.name) for g in GOLDENS}
    for path in expand_paths([SHIPPED]):
        assert {(path.stem, "exploration"), (path.stem, "interview")} <= covered, path.stem


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda g: f"{g.scenario}-{g.name}")
def test_golden_path(golden: Golden) -> None:
    """The scripted answers, classified by the real analyzer, take exactly this path to an end."""
    scenario = load_scenario(SHIPPED / f"{golden.scenario}.yaml")
    runner = Runner(scenario, seed=0)
    heard = []
    for answer in golden.answers:
        line = runner.line()
        analysis = analyze_answer(line.text, answer)
        heard.append(f"{line.node_id}: {analysis.frame} {sorted(c.cue for c in analysis.cues)}")
        runner.advance(analysis.frame, {c.cue for c in analysis.cues})
    assert tuple(runner.path) == golden.path, "\n".join(heard)
    assert runner.finished
