"""Golden test plans: collected from *.plan.yaml, pass when right, explain when wrong."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

GOOD = """
scenario: connector-intro
cases:
  - name: eager yes
    answers: ["Hi, nice to meet you", "Mostly reporting", "A little", "Yes!"]
    path: [hello, hello_background, mentions_role, asks_interest, interview_mode]
    shift: 7
"""

WRONG = """
scenario: connector-intro
cases:
  - name: wrong shift
    answers: ["Hi, nice to meet you", "Mostly reporting", "A little", "Yes!"]
    shift: 3
    outcome: intro-to-lena
"""


def test_a_right_plan_passes(pytester: pytest.Pytester) -> None:
    """A plan whose expectations hold is one passing test per case."""
    pytester.makefile(".plan.yaml", mine=GOOD)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_a_wrong_plan_fails_and_says_how_each_answer_was_framed(
    pytester: pytest.Pytester,
) -> None:
    """A failing case names what differed and how every answer was framed."""
    pytester.makefile(".plan.yaml", mine=WRONG)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*shift: expected 3, got 7 (commitment:*",
            "*outcome: expected 'intro-to-lena', got 'incomplete'*",
            "*'Yes!' -> interview (commitment*",
        ]
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("scenario: connector-intro\n", "*top level: 'cases' is a required property*"),
        ("scenario: nope\ncases: [{name: x, answers: [hi]}]\n", "*scenario:*no scenario*nope*"),
        ("scenario: [\n", "*not valid YAML*"),
        ("scenario: connector-intro\ncases: [{name: x, answer: [hi]}]\n", "*cases/0*"),
    ],
)
def test_a_broken_plan_is_a_clear_failure(
    pytester: pytest.Pytester, content: str, message: str
) -> None:
    """A plan with a mistake fails with a sentence naming it, not a traceback."""
    pytester.makefile(".plan.yaml", mine=content)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([message])
    assert "Traceback" not in result.stdout.str()
