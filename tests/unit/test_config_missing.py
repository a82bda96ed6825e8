"""A settings file or scenario folder the user named but mistyped is said, never silently
ignored (trial6 F25)."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest

from app.cli.main import main
from app.config import load_settings


def run(*argv: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _missing_paths(root: Path) -> list[Path]:
    return [
        root / "nonexistent.toml",
        root / "no" / "such" / "folder" / "config.toml",
        root / "config.tmol",
        root / "spaces in name.toml",
    ]


@pytest.mark.parametrize("command", [["scenarios"], ["history"], ["validate"]])
def test_a_named_config_that_does_not_exist_is_said_on_stderr(
    tmp_path: Path, command: list[str]
) -> None:
    for path in _missing_paths(tmp_path):
        code, _out, err = run(*command, "--config", str(path), "--data-dir", str(tmp_path / "d"))
        lines = [line for line in err.splitlines() if str(path) in line]
        assert len(lines) == 1, err
        assert "no such settings file" in lines[0]
        assert "defaults are used" in lines[0]
        assert "Traceback" not in err
        if command != ["validate"]:  # validate with no files exits 2 for its own reason
            assert code == 0, err


def test_load_settings_named_warns_once_per_missing_file(tmp_path: Path) -> None:
    for path in _missing_paths(tmp_path):
        loaded = load_settings(path, environ={}, named=True)
        assert [w for w in loaded.warnings if "no such settings file" in w] == [
            f"{path}: no such settings file, so the defaults are used (saving settings creates it)."
        ]


def test_the_default_path_missing_is_a_quiet_first_run(tmp_path: Path) -> None:
    """No file at a path nobody named (the platform default, or a test's): no warning."""
    loaded = load_settings(tmp_path / "config.toml", environ={})
    assert loaded.warnings == []


def test_an_existing_named_config_gives_no_missing_warning(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('theme = "dark"\n')
    loaded = load_settings(cfg, environ={}, named=True)
    assert loaded.warnings == []
    assert loaded.settings.theme == "dark"


def test_every_scenario_dir_that_is_not_a_folder_is_named(tmp_path: Path) -> None:
    """Generated: every mix of existing folders, missing paths, a file and a ~ path."""
    good = tmp_path / "mine"
    good.mkdir()
    a_file = tmp_path / "file.yaml"
    a_file.write_text("id: x\n")
    kinds = {
        "good": (str(good), None),
        "missing": (str(tmp_path / "does" / "not" / "exist"), "does not exist"),
        "file": (str(a_file), "is not a folder"),
        "tilde": ("~/frameshift-surely-no-such-folder-42", "does not exist"),
    }
    for size in range(1, len(kinds) + 1):
        for combo in itertools.permutations(kinds, size):
            entries = [kinds[k][0] for k in combo]
            cfg = tmp_path / "c.toml"
            cfg.write_text("scenario_dirs = [" + ", ".join(f'"{e}"' for e in entries) + "]\n")
            warnings = load_settings(cfg, environ={}).warnings
            expected = [k for k in combo if kinds[k][1]]
            assert len(warnings) == len(expected), (combo, warnings)
            for kind, warning in zip(expected, warnings, strict=True):
                entry, why = kinds[kind]
                assert warning == (
                    f"scenario_dirs: {entry} {why}, so no scenarios are read from it."
                )


def test_a_missing_scenario_dir_is_said_by_scenarios_and_validate(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('scenario_dirs = ["/does/not/exist", "~/nowhere-frameshift-9"]\n')
    for command in ("scenarios", "validate"):
        _code, _out, err = run(command, "--config", str(cfg), "--data-dir", str(tmp_path / "d"))
        assert "scenario_dirs: /does/not/exist does not exist" in err
        assert "scenario_dirs: ~/nowhere-frameshift-9 does not exist" in err
