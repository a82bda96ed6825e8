"""Bad input never gives a traceback: named errors for broken files and JSON, bounded cost."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.main import main
from app.dialogue import Problem, ScenarioError, load_scenario, validate_file
from app.dialogue.model import Scenario
from app.framing import FRAMES, TranscriptError, Turn, analyze, analyze_answer, parse_transcript
from app.session.conversation import Conversation
from app.store import Store

from .conftest import REPO, SCENARIO_FILE

BROKEN = sorted((REPO / "tests" / "data" / "broken_scenarios").glob("*.yaml"))
REAL = SCENARIO_FILE.read_text(encoding="utf-8")
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_scenario_text(text: str) -> None:
    """The loader's contract on any text: problems with file and message, or a scenario."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        problems = validate_file(path)
        assert all(isinstance(p, Problem) and p.file == str(path) and p.message for p in problems)
        if problems:
            with pytest.raises(ScenarioError) as caught:
                load_scenario(path)
            assert str(caught.value)
        else:
            assert isinstance(load_scenario(path), Scenario)


# -- broken scenario files -----------------------------------------------------------------------
@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_each_broken_scenario_gives_a_named_error_on_the_command_line(path: Path) -> None:
    """`validate` on each broken file exits 2 naming the file and line, never a traceback."""
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(path)], stdout=out, stderr=err) == 2
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text
    assert f"{path}:" in text
    with pytest.raises(ScenarioError):
        load_scenario(path)


def test_a_control_character_in_a_scenario_is_a_named_problem(tmp_path: Path) -> None:
    """A control character YAML refuses gives file, line and character, not a ReaderError."""
    path = tmp_path / "bell.yaml"
    path.write_text(REAL.replace("title: ", "title: \x07", 1), encoding="utf-8")
    line = REAL[: REAL.index("title: ")].count("\n") + 1
    assert [str(p) for p in validate_file(path)] == [
        f"{path}:{line}: YAML error: the character U+0007 is not allowed here"
    ]


# -- property tests: scenario loader -------------------------------------------------------------
@FAST
@given(st.text(max_size=400))
def test_any_text_as_a_scenario_gives_problems_not_exceptions(text: str) -> None:
    """Arbitrary text as a scenario file: a list of named problems, never an exception."""
    _check_scenario_text(text)


YAMLISH = st.lists(
    st.sampled_from(
        [
            "id: x",
            "nodes:",
            "  a:",
            "    say: hi",
            "    branches:",
            "      - goto: a",
            "start: a",
            "- [",
            "{",
            "&a [*a]",
            "!!python/object/apply:os.system ['true']",
            "? complex",
            "key: !!binary aGVsbG8=",
            "title: 3",
            "persona: {name: 1}",
            "\t",
            "---",
            "...",
            "<<: *nope",
        ]
    ),
    max_size=12,
).map("\n".join)


@FAST
@given(YAMLISH)
def test_yaml_shaped_nonsense_gives_problems_not_exceptions(text: str) -> None:
    """YAML-looking fragments (anchors, tags, merges, tabs, documents): problems only."""
    _check_scenario_text(text)


MUTATION = st.tuples(
    st.sampled_from(["delete", "duplicate", "swap", "char", "truncate", "indent"]),
    st.integers(min_value=0, max_value=10_000),
    st.characters(codec="utf-8", exclude_categories=["Cs"]),
)


@FAST
@given(st.lists(MUTATION, min_size=1, max_size=4))
def test_random_mutations_of_a_real_scenario_give_problems_not_exceptions(
    mutations: list[tuple[str, int, str]],
) -> None:
    """A shipped scenario with lines deleted, repeated, swapped, re-indented or characters
    replaced: still problems or a valid scenario, never an exception."""
    lines = REAL.splitlines()
    for op, at, char in mutations:
        i = at % len(lines)
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = (i + 1) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "char" and lines[i]:
            k = at % len(lines[i])
            lines[i] = lines[i][:k] + char + lines[i][k + 1 :]
        elif op == "truncate":
            lines = lines[: i + 1]
        elif op == "indent":
            lines[i] = " " + lines[i]
    _check_scenario_text("\n".join(lines))


# -- property tests: framing analyzer and transcript reader ---------------------------------------
@FAST
@given(st.text(max_size=300), st.text(max_size=500))
def test_the_analyzer_takes_any_text(line: str, answer: str) -> None:
    """Any manager line and answer: a frame, a score in range, cue spans inside the answer."""
    result = analyze_answer(line, answer)
    assert result.frame in FRAMES
    assert -1.0 <= result.score <= 1.0
    for cue in result.cues:
        assert answer[cue.start : cue.end] == cue.text
    whole = analyze([Turn("manager", line), Turn("seeker", answer)])
    assert len(whole.turns) == 2


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
TRANSCRIPTISH = st.fixed_dictionaries(
    {
        "turns": st.lists(
            st.dictionaries(
                st.sampled_from(["speaker", "text", "extra"]),
                st.sampled_from(["manager", "seeker", "boss", ""]) | JSON,
            ),
            max_size=5,
        )
    }
)


@FAST
@given(JSON | TRANSCRIPTISH)
def test_parse_transcript_gives_turns_or_a_transcript_error(data: Any) -> None:
    """Any decoded JSON: the turns, or a TranscriptError with a one-line message."""
    try:
        turns = parse_transcript(data)
    except TranscriptError as exc:
        message = str(exc)
    else:
        message = ""
        assert all(t.speaker in ("manager", "seeker") and isinstance(t.text, str) for t in turns)
        return
    assert message
    assert "\n" not in message


def _analyze_cli(stdin_text: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["analyze", "-"], stdin=io.StringIO(stdin_text), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@FAST
@given(
    st.lists(st.one_of(st.text(max_size=60), JSON.map(json.dumps), TRANSCRIPTISH.map(json.dumps)))
)
def test_analyze_command_takes_any_json_lines(lines: list[str]) -> None:
    """`analyze -` on any lines: exit 0 with one analysis a line, or 2 with one stderr line."""
    text = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines) + "\n"
    code, out, err = _analyze_cli(text)
    assert "Traceback" not in out + err
    for produced in out.splitlines():
        assert set(json.loads(produced)) >= {"turns", "shift", "metrics"}
    if code == 0:
        assert err == ""
    else:
        assert code == 2
        assert err.startswith("frameshift analyze: line ")
        assert err.count("\n") == 1


@FAST
@given(st.binary(max_size=200))
def test_analyze_command_on_any_file_bytes_names_the_file(data: bytes) -> None:
    """`analyze FILE` with arbitrary bytes: an analysis, or exit 2 naming the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.json"
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        code = main(["analyze", str(path)], stdout=out, stderr=err)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert code in (0, 2)
    if code == 2:
        assert err.getvalue().startswith(f"frameshift analyze: {path}: ")
        assert err.getvalue().count("\n") == 1


# -- oversized input -------------------------------------------------------------------------------
def test_a_ten_megabyte_answer_is_handled_in_bounded_time_and_memory(tmp_path: Path) -> None:
    """A 10 MB answer is scored and saved in under 10 s and 200 MB of Python allocations."""
    answer = ("I have five years of experience, what does your team do? " * 200_000)[:10_000_000]
    scenario = load_scenario(SCENARIO_FILE)
    with Store(tmp_path / "frameshift.db") as store:
        conv = Conversation(scenario, store)
        conv.begin()
        tracemalloc.start()
        started = time.perf_counter()
        try:
            result, _line = conv.answer(answer)
            elapsed = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert result.frame in FRAMES
        assert elapsed < 10
        assert peak < 200 * 2**20
        assert conv.session_id is not None
        assert len(store.turns(conv.session_id)[1].text) == len(answer)


MEASURE = """
import os, resource, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-m", "app", "analyze", sys.argv[1]],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
started = time.perf_counter()
_, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), time.perf_counter() - started, usage.ru_maxrss * 1024,
      child.stderr.read().decode().count("Traceback"))
"""


def _analyze_measured(tmp_path: Path, count: int) -> tuple[float, int]:
    turns = [
        {"speaker": "manager", "text": "Are you interested in the position?"}
        if i % 2 == 0
        else {"speaker": "seeker", "text": "Yes! What would the first year look like?"}
        for i in range(count)
    ]
    path = tmp_path / f"huge-{count}.json"
    path.write_text(json.dumps({"turns": turns}), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    code, elapsed, peak, tracebacks = done.stdout.split()
    assert (int(code), int(tracebacks)) == (0, 0)
    return float(elapsed), int(peak)


@pytest.mark.slow
def test_a_hundred_thousand_turn_transcript_is_analysed_in_bounded_time_and_memory(
    tmp_path: Path,
) -> None:
    """`analyze` on a 100,000-turn transcript finishes, in time linear in its length (measured
    against 10,000 turns in the same run, so a loaded machine slows both alike), with under 1 GB
    peak RSS."""
    small, _ = _analyze_measured(tmp_path, 10_000)
    elapsed, peak = _analyze_measured(tmp_path, 100_000)
    # ten times the turns: about ten times the time past the start-up both share; 15x allows
    # the load changing between the runs, a quadratic cost would be ~100x
    assert elapsed < 15 * small
    assert peak < 2**30
