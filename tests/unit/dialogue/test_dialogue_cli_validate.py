"""`frameshift validate`: output format, summary line and exit status."""

from __future__ import annotations

import io
import re
from pathlib import Path

from conftest import BROKEN, MINIMAL, SHIPPED

from app.cli.validate import run


def _run(paths: list[str], default_dirs: list[Path] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(paths, out, err, default_dirs=default_dirs or [SHIPPED])
    return status, out.getvalue(), err.getvalue()


def test_no_paths_checks_the_installed_scenarios() -> None:
    """With no paths it validates the default folders and says they are fine."""
    status, out, _ = _run([])
    assert status == 0
    assert re.fullmatch(r"\d+ scenarios OK( \(\d+ warnings?\))?", out.strip().splitlines()[-1])


def test_problems_are_listed_with_a_summary(tmp_path: Path) -> None:
    """Each problem is file:line: message; the summary counts problems and files; exit 2."""
    good = tmp_path / "tiny.yaml"  # named as its id, so it has no warning
    good.write_text(MINIMAL, encoding="utf-8")
    cue = BROKEN / "unknown-cue.yaml"
    frame = BROKEN / "unknown-frame.yaml"
    status, out, err = _run([str(good), str(cue), str(frame)])
    assert status == 2
    assert out.splitlines() == [
        f"{cue}:15: unknown cue 'eagerness'",
        f"{frame}:15: unknown frame 'curious'",
        # the broken examples share one title: warned beside the errors (session 12, N12)
        f"{frame}:3: warning: the title 'A broken example' is also the title of {cue}: the "
        "picker and History would show two scenarios alike; give each its own title",
        "2 problems in 2 files (1 warning)",
    ]
    assert err == ""


def test_a_folder_means_its_yaml_files() -> None:
    """A folder argument validates every *.yaml and *.yml in it."""
    status, out, _ = _run([str(BROKEN)])
    assert status == 2
    broken_files = len(list(BROKEN.glob("*.yaml")))
    assert re.search(rf"in {broken_files} files( \(\d+ warnings?\))?$", out.splitlines()[-1])


def test_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    """A missing file is one problem in the list, and the command still exits 2."""
    missing = tmp_path / "nope.yaml"
    status, out, _ = _run([str(missing)])
    assert status == 2
    assert out.splitlines() == [f"{missing}: no such file", "1 problem in 1 file"]


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    """Validating a folder with no scenarios says so rather than claiming success."""
    status, out, _ = _run([str(tmp_path)])
    assert status == 2
    assert out.strip() == "no scenario files found"


def test_a_folder_skips_golden_test_plans(tmp_path: Path) -> None:
    """A *.plan.yaml beside scenarios is a test plan, not a broken scenario."""
    from app.dialogue import expand_paths

    (tmp_path / "a.yaml").write_text("id: a\n")
    (tmp_path / "a.plan.yaml").write_text("scenario: a\ncases: []\n")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.yaml"]


def test_warnings_do_not_fail(tmp_path: Path) -> None:
    """A line that asks nothing where an answer is expected is a warning, with exit 0."""
    path = tmp_path / "tiny.yaml"
    path.write_text(MINIMAL.replace('"So, are you interested in the role?"', '"Nice."'), "utf-8")
    status, out, _ = _run([str(path)])
    assert status == 0
    assert out.splitlines() == [
        f"{path}:14: warning: node 'ask', line 2 asks nothing, yet the seeker is expected to "
        "answer: end it with a question or an invitation to talk",
        "1 scenario OK (1 warning)",
    ]


def test_stats_table(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    status = run([str(SHIPPED)], out, err, default_dirs=[], show_stats=True)
    text = out.getvalue()
    assert status == 0
    header = next(line for line in text.splitlines() if line.startswith("scenario"))
    for column in ("nodes", "variants", "responsive", "topics", "pivotal", "outcomes", "parts"):
        assert column in header
    assert any(line.startswith("connector-intro ") for line in text.splitlines())
