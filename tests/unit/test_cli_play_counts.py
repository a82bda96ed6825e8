"""`frameshift play` words its counts in agreement: "1 answer not used", "3 answers not used"
(it said "answer(s)"), "1 write was refused" / "2 writes were", "the recording of turns 2 and
3" (it said "turn 2, 3"). Generated over counts 0..25 and sets of lost recordings, and through
the real command for 1 and many left-over answers."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from app.cli.main import main
from app.cli.play import lost_line, partly_saved_line, unused_line

COUNTS = range(26)


def _agrees(text: str) -> None:
    assert "(s)" not in text, text
    for n, noun in re.findall(r"\b(\d+) (answers?|writes?)\b", text):
        assert noun.endswith("s") == (int(n) != 1), text
    assert not re.search(r"\b1 writes? were\b|\b([02-9]|\d\d+) writes? was\b", text), text


@pytest.mark.parametrize("n", COUNTS)
def test_the_counts_agree(n: int) -> None:
    _agrees(unused_line(n))
    _agrees(partly_saved_line(n))
    assert unused_line(n).startswith(f"{n} answer")
    assert f"{n} write" in partly_saved_line(n)


@pytest.mark.parametrize(
    "lost", [[1], [3], [1, 3], [1, 3, 5], list(range(1, 20, 2)), [5, 9, 11, 13]]
)
@pytest.mark.parametrize("seekers", [tuple(range(1, 40, 2)), (1, 3, 5, 9, 11, 13, 15, 17, 19)])
def test_the_lost_recordings_are_named_in_agreement(lost: list[int], seekers: tuple) -> None:
    """Lost answers are named as the replay names them: "answer N", N-th of your answers."""
    from app.report.verdict import AnswerNumbers

    lost = [i for i in lost if i in seekers]
    line = lost_line(7, lost, "the folder could not be made", AnswerNumbers(seekers))
    shown = [str(seekers.index(i) + 1) for i in lost]
    if len(lost) == 1:
        assert f"the recording of answer {shown[0]} (" in line, line
    elif lost:
        assert f"the recording of answers {', '.join(shown[:-1])} and {shown[-1]} (" in line
    assert line.startswith("frameshift: saved as session 7, but WITHOUT the recording of ")


def _play(tmp_path: Path, answers: list[str], *flags: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    argv = ["play", "connector-intro", "--data-dir", str(tmp_path), *flags]
    for a in answers:
        argv += ["--answer", a]
    code = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_real_command_counts_the_left_over_answers(tmp_path: Path) -> None:
    answers = ["I came to hear how people got into data work", "Yes!", "Not really"]
    answers += ["ok"] * 30
    code, out, err = _play(tmp_path / "a", answers, "--json")
    assert code == 0, err
    used = len(answers) - len(json.loads(out)["unused_answers"])
    for extra in (1, 2, 7):
        code, out, err = _play(tmp_path / f"b{extra}", answers[: used + extra])
        assert code == 0, err
        (line,) = [x for x in out.splitlines() if "not used" in x]
        noun = "answer" if extra == 1 else "answers"
        assert line == f"{extra} {noun} not used: the conversation had ended.", line
