"""What a scenario author sees for the mistakes authors make (trial6 F21), generated over the
shipped scenarios' own lines: a YAML fault is reported on the line that has it, in plain words;
independent errors (a bad field AND a bad goto) come together; stage directions, emoji, an
unknown voice engine and a file named unlike its id are warned about."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from app.dialogue import validate_file
from app.dialogue.lint import VOICE_ENGINE_NAMES, unsayable, voice_engine_problem, warn_file
from app.dialogue.yaml_loader import load_yaml
from app.speech.factory import VOICE_ENGINES

REPO = Path(__file__).resolve().parents[3]
SHIPPED = sorted(p for p in (REPO / "dialogues").glob("*.yaml") if ".plan." not in p.name)
JARGON = ("<block end>", "<scalar>", "while parsing", "while scanning", "expected <")
#: A plain (unquoted) text value on its own line: the lines authors edit most.
PLAIN = re.compile(r"^(?P<indent>\s*(?:- )?)(?P<key>[a-z_]+): (?P<value>[A-Za-z][^#\"':]*)$")


def _plain_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.splitlines()) if PLAIN.match(line)]


def _inject(text: str, index: int, fault: str) -> str:
    lines = text.splitlines()
    m = PLAIN.match(lines[index])
    assert m is not None
    indent, key, value = m.group("indent"), m.group("key"), m.group("value")
    if fault == "open-quote":
        lines[index] = f'{indent}{key}: "{value}'
    elif fault == "colon":
        words = value.split(" ", 1)
        lines[index] = f"{indent}{key}: {words[0]}: {words[1] if len(words) > 1 else 'yes'}"
    elif fault == "tab":
        lines[index] = "\t" + lines[index].lstrip(" ")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("fault", ["open-quote", "colon", "tab"])
@pytest.mark.parametrize("path", SHIPPED[:6], ids=lambda p: p.stem)
def test_a_yaml_fault_is_reported_on_its_own_line_in_plain_words(path: Path, fault: str) -> None:
    text = path.read_text(encoding="utf-8")
    checked = 0
    for index in _plain_lines(text)[::7]:
        broken = _inject(text, index, fault)
        try:
            yaml.safe_load(broken)
            continue  # still valid YAML (a quote closed by a later one): nothing to report
        except yaml.YAMLError:
            pass
        _, _, problems = load_yaml(broken, "f.yaml")
        assert len(problems) == 1, problems
        problem = problems[0]
        assert problem.line == index + 1, (fault, broken.splitlines()[index], str(problem))
        assert not any(j in problem.message for j in JARGON), problem.message
        checked += 1
    assert checked >= 3, (fault, checked)


def _bad_field_and_goto(text: str, seed: int) -> tuple[str, int, int]:
    """The file with one misspelt field and one goto to a missing node (their 1-based lines)."""
    lines = text.splitlines()
    gotos = [i for i, line in enumerate(lines) if re.match(r"^\s*(?:- )?goto: \w", line)]
    fields = [i for i, line in enumerate(lines) if re.match(r"^\s{4}(?:say|pivotal):", line)]
    g = gotos[seed % len(gotos)]
    f = fields[(seed * 5) % len(fields)]
    lines[g] = re.sub(r"goto: (\w[\w-]*)", r"goto: \1x", lines[g])
    lines[f] = re.sub(r"^(\s{4})(say|pivotal):", r"\1\2z:", lines[f])
    return "\n".join(lines) + "\n", f + 1, g + 1


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_bad_field_and_a_bad_goto_are_reported_together(path: Path, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for seed in range(4):
        broken, field_line, goto_line = _bad_field_and_goto(text, seed)
        target = tmp_path / f"{seed}-{path.name}"
        target.write_text(broken, encoding="utf-8")
        problems = validate_file(target)
        lines = {p.line for p in problems}
        assert field_line in lines, "\n".join(map(str, problems))
        assert goto_line in lines, "\n".join(map(str, problems))
        assert any("does not exist" in p.message for p in problems if p.line == goto_line)
        assert len([p for p in problems if p.line == goto_line]) == 1  # never twice


DIRECTIONS = ("(smiles)", "(laughs softly)", "*sighs*", "[pause]", "(leans in)", "(beat)")
EMOJI = ("😀", "👍", "☕", "🙂", "🚀")
CLEAN = (
    "So, are you interested in the position?",
    "We run about forty clinics (and two labs). What brings you here?",
    "It's 9:30 on a Monday: what would you do first?",
    "Ha! I like that. Tell me more?",
)


def test_stage_directions_and_emoji_are_warned_wherever_they_sit() -> None:
    for line, extra in itertools.product(CLEAN, (*DIRECTIONS, *EMOJI)):
        for placed in (f"{extra} {line}", f"{line} {extra}", line.replace(" ", f" {extra} ", 1)):
            why = unsayable(placed)
            assert why is not None, placed
            assert extra in why
    for line in CLEAN:
        assert unsayable(line) is None, line


def test_the_shipped_scenarios_have_no_unsayable_line() -> None:
    for path in SHIPPED:
        assert not [w for w in warn_file(path) if "voice" in w.message], path


@pytest.mark.parametrize(
    ("voice", "suggested"),
    [("flitee:slt", "flite"), ("pipr:joe", "piper"), ("pyttsx:en", "pyttsx3"),
     ("Flite:slt", "flite"), ("sam:robot", None), ("espeak:en", None)],
)  # fmt: skip
def test_an_unknown_voice_engine_is_warned_with_a_did_you_mean(
    voice: str, suggested: str | None
) -> None:
    why = voice_engine_problem(voice)
    assert why is not None
    assert f"unknown engine '{voice.split(':')[0]}'" in why
    if suggested:
        assert f"did you mean '{suggested}'" in why
    else:
        assert "known:" in why


def test_known_voices_pass_and_the_engine_list_matches_speech() -> None:
    assert set(VOICE_ENGINE_NAMES) == set(VOICE_ENGINES)
    for voice in ("flite:slt", "piper:joe", "pyttsx3:en-us", "en-us", ""):
        assert voice_engine_problem(voice) is None


def test_warnings_in_a_file_point_at_their_lines(tmp_path: Path) -> None:
    """A valid scenario with a stage direction, an emoji answer, a typo'd engine, saved under
    another name: one warning each, on the right lines."""
    source = REPO / "dialogues" / "connector-intro.yaml"
    lines = source.read_text(encoding="utf-8").splitlines()
    voice_at = next(i for i, line in enumerate(lines) if re.match(r"^\s+voice: \w+:", line))
    lines[voice_at] = re.sub(r"voice: (\w+):", r"voice: \1e:", lines[voice_at])
    say_at = next(i for i, line in enumerate(lines) if line.strip() == "say:") + 1
    lines[say_at] = lines[say_at].replace('- "', '- "(smiles) ', 1)
    target = tmp_path / "my-copy.yaml"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert validate_file(target) == []
    warnings = warn_file(target)
    said = {w.line: w.message for w in warnings}
    assert "did you mean" in said[voice_at + 1]
    assert "(smiles)" in said[say_at + 1]
    assert any("named 'my-copy.yaml'" in w.message for w in warnings)


@pytest.mark.parametrize(
    ("value", "shown"),
    [("[gentle]", "a list"), ("{a: b}", "a mapping"), ("hard", "'hard'"), ("3", "'3'")],
)
def test_a_wrong_choice_is_shown_plainly(tmp_path: Path, value: str, shown: str) -> None:
    """Not "not '['gentle']'": a list or mapping is named by its kind, text in quotes."""
    source = (REPO / "dialogues" / "connector-intro.yaml").read_text(encoding="utf-8")
    target = tmp_path / "connector-intro.yaml"
    target.write_text(
        re.sub(r"^difficulty: .*$", f"difficulty: {value}", source, count=1, flags=re.M),
        encoding="utf-8",
    )
    messages = [p.message for p in validate_file(target) if "difficulty" in p.message]
    assert messages, validate_file(target)
    assert messages[0].endswith(f"not {shown}"), messages[0]
