"""Reading scenario files: one, a folder of them, or the installed set plus the user's own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from app.dialogue.model import (
    Branch,
    CoachNote,
    Knowledge,
    Node,
    Outcome,
    Persona,
    Scenario,
    Topic,
    VoiceSettings,
)
from app.dialogue.problems import Problem, ScenarioError
from app.dialogue.validate import (
    by_line,
    graph_problems,
    raw_goto_problems,
    schema_problems,
    shipped_dialogues_dir,
)
from app.dialogue.yaml_loader import load_yaml, read_bounded

SUFFIXES = (".yaml", ".yml")
#: Golden test plans live beside scenarios (see app/testing/plans.py); they are not scenarios.
PLAN_SUFFIXES = (".plan.yaml", ".plan.yml")


def installed_scenario_dirs(extra: Iterable[Path] = ()) -> list[Path]:
    """The shipped scenarios' folder first, then `extra` (the user's own scenarios)."""
    return [shipped_dialogues_dir(), *(Path(p) for p in extra)]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder stands for its *.yaml and *.yml files (test plans excepted),
    sorted by name."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.iterdir()
                    if p.suffix in SUFFIXES and not p.name.endswith(PLAN_SUFFIXES) and p.is_file()
                )
            )
        else:
            files.append(path)
    return files


def check_file(path: Path) -> tuple[Scenario | None, list[Problem]]:
    """The scenario in `path` and everything wrong with it; the scenario is None if any problem."""
    file = str(path)
    try:
        text = read_bounded(path).decode("utf-8-sig")
    except FileNotFoundError:
        return None, [Problem(file, None, "no such file")]
    except IsADirectoryError:
        return None, [Problem(file, None, "is a folder, not a scenario file")]
    except UnicodeDecodeError as err:
        line = err.object[: err.start].count(b"\n") + 1
        return None, [Problem(file, line, "the file is not UTF-8 text")]
    except OSError as err:
        return None, [Problem(file, None, f"cannot be read: {err.strerror or err}")]
    data, lines, problems = load_yaml(text, file)
    if data is None and problems:
        return None, problems
    found = schema_problems(data, lines, file)
    if found:  # the gotos too, so every independent error is reported at once
        more = [p for p in raw_goto_problems(data, lines, file) if p not in found]
        return None, sorted([*problems, *found, *more], key=by_line)
    scenario = _build(data, path)
    problems = sorted([*problems, *graph_problems(scenario, lines, file)], key=by_line)
    return (None if problems else scenario), problems


def validate_file(path: Path) -> list[Problem]:
    """Everything wrong with one scenario file; empty when it is fine."""
    return check_file(Path(path))[1]


def validate_paths(paths: Iterable[Path]) -> list[Problem]:
    """Everything wrong with these files and folders, including one id used by two files."""
    _, problems = _load_all(expand_paths(Path(p) for p in paths), skip_missing=False)
    return problems


def load_scenario(path: Path) -> Scenario:
    """The scenario in `path`; raises ScenarioError listing the problems if it is not valid."""
    scenario, problems = check_file(Path(path))
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


def load_scenarios(dirs: Iterable[Path]) -> tuple[list[Scenario], list[Problem]]:
    """Every valid scenario in `dirs` and the problems of the broken ones.

    A broken user file must not hide the others. A folder that does not exist yet (the user's
    scenarios before they write one) is skipped. When two files share an id, the first wins.
    """
    files = expand_paths(Path(d) for d in dirs if Path(d).is_dir())
    return _load_all(files, skip_missing=True)


def _load_all(files: list[Path], *, skip_missing: bool) -> tuple[list[Scenario], list[Problem]]:
    scenarios: list[Scenario] = []
    problems: list[Problem] = []
    first: dict[str, Path] = {}
    for path in files:
        if skip_missing and not path.exists():
            continue
        scenario, found = check_file(path)
        problems.extend(found)
        if scenario is None:
            continue
        if scenario.id in first:
            problems.append(
                Problem(
                    str(path),
                    1,
                    f"scenario id '{scenario.id}' is already used by {first[scenario.id]}",
                )
            )
            continue
        first[scenario.id] = path
        scenarios.append(scenario)
    return scenarios, problems


def find_scenario(scenario_id: str, dirs: Iterable[Path]) -> Scenario:
    """The scenario with this id; ScenarioError says what is installed if there is none."""
    scenarios, problems = load_scenarios(dirs)
    for scenario in scenarios:
        if scenario.id == scenario_id:
            return scenario
    broken = [p for p in problems if Path(p.file).stem == scenario_id]
    if broken:
        raise ScenarioError(broken)
    installed = ", ".join(sorted(s.id for s in scenarios)) or "none"
    raise ScenarioError(f"no scenario with id '{scenario_id}'; installed: {installed}")


def _build(data: Mapping[str, Any], path: Path | None) -> Scenario:
    """Turn schema-valid data into the model; defaults live here and in the dataclasses."""
    persona = data["persona"]
    voice = persona.get("voice", {})
    defaults = VoiceSettings()
    nodes: dict[str, Node] = {}
    for node_id, raw in data["nodes"].items():
        say = raw["say"]
        outcome = raw.get("outcome")
        coach = raw.get("coach")
        nodes[node_id] = Node(
            id=node_id,
            lines=(say,) if isinstance(say, str) else tuple(say),
            branches=tuple(
                Branch(goto=b["goto"], frame=b.get("frame"), cues=frozenset(b.get("cues", ())))
                for b in raw.get("branches", ())
            ),
            outcome=(
                Outcome(
                    outcome["id"],
                    outcome["label"],
                    outcome["kind"],
                    agreed=bool(outcome.get("agreed", False)),
                )
                if outcome
                else None
            ),
            pivotal=bool(raw.get("pivotal", False)),
            coach=(
                CoachNote(coach["note"], coach["alternative"], frozenset(coach.get("cues", ())))
                if coach
                else None
            ),
        )
    return Scenario(
        id=data["id"],
        title=data["title"],
        difficulty=data["difficulty"],
        persona=Persona(
            name=persona["name"],
            role=persona["role"],
            company=persona["company"],
            voice=VoiceSettings(
                voice=voice.get("voice", defaults.voice),
                rate=int(voice.get("rate", defaults.rate)),
                pitch=int(voice.get("pitch", defaults.pitch)),
                volume=float(voice.get("volume", defaults.volume)),
            ),
        ),
        context=data["context"].strip(),
        start=data["start"],
        nodes=nodes,
        path=path,
        knowledge=_knowledge(data.get("knowledge")),
        order=data.get("order"),
        patience=tuple(data.get("patience", ())),
    )


def _knowledge(raw: Mapping[str, Any] | None) -> Knowledge:
    """The knowledge section (schema-valid) as the model; an empty one when there is none."""
    if not raw:
        return Knowledge()
    return Knowledge(
        deflect=tuple(raw["deflect"]),
        topics=tuple(
            Topic(
                id=t["id"],
                questions=tuple(t["questions"]),
                answers=tuple(t["answers"]),
                follow_up=t.get("follow_up"),
            )
            for t in raw["topics"]
        ),
        bridges=tuple(raw.get("bridges", ())),
    )
