"""What the screens say is true and reads well (UI polish 11, 5): History counts sessions in
words ("0% did not shift into an interview" read as a double negative over nothing); the
picker's banner counts a warning as a warning, its scenario shown, not as hidden; the kiosk's
attract screen says "say hello" only when the booth listens (it did with --no-listen)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from app.dialogue.problems import Problem
from app.ui.kiosk.attract import START_WORDS
from app.ui.picker import problems_notice
from app.ui.progress_chart import ROLLING, kept_words
from tests.gui.kiosk.conftest import make_booth  # noqa: F401 (fixture)

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("n", [2, 3, 5, 6, 12])
def test_history_counts_sessions_in_words(n: int) -> None:
    k = min(n, ROLLING)
    for kept in range(k + 1):
        words = kept_words(n, kept / k)
        assert "%" not in words
        assert "did not" not in words
        if 0 < kept < k:
            assert f"{kept} stayed a mutual exploration" in words
            assert f"{k - kept} shifted into an interview" in words
        elif kept == k:
            assert "shifted" not in words
        else:
            assert "stayed" not in words
        assert ("of the last" in words) == (n > k), words


def _problems(errors: int, warnings: int, files: int) -> list[Problem]:
    names = itertools.cycle(f"dialogues/s{i}.yaml" for i in range(files))
    out = [Problem(next(names), 3, "no start node") for _ in range(errors)]
    out += [
        Problem(f"dialogues/w{i % files}.yaml", 9, "a long line", True) for i in range(warnings)
    ]
    return out


@pytest.mark.parametrize(
    ("errors", "warnings", "files"),
    [(1, 0, 1), (4, 1, 2), (0, 1, 1), (0, 3, 2), (2, 2, 1), (5, 0, 5), (3, 4, 3)],
)
def test_the_picker_banner_tells_errors_from_warnings(
    frameshift_app: Any, errors: int, warnings: int, files: int
) -> None:
    problems = _problems(errors, warnings, files)
    text = problems_notice(problems)
    hidden = len({p.file for p in problems if not p.warning})
    if errors:
        assert f"{hidden} scenario file" in text
        assert "not listed" in text
    else:
        assert "not listed" not in text
        assert "hidden" not in text
    if warnings:
        assert f"{warnings} warning" in text
        assert "shown and can be rehearsed" in text
    assert "problem(s)" not in text
    assert "frameshift validate" in text
    window = frameshift_app.window  # the same words on the real picker
    window.attach(window.store, window.scenarios, problems=problems)
    assert text in window.picker.notice.text()


@pytest.mark.parametrize("listen", [False, True])
def test_the_attract_screen_offers_hello_only_when_it_listens(
    make_booth: Any,  # noqa: F811 (the fixture)
    listen: bool,
) -> None:
    booth = make_booth(listen=listen)
    k = booth.kiosk
    k.show_attract()
    words = k.attract.start_button.text()
    has_mic = getattr(booth.speech, "microphone", None) is not None
    assert words == START_WORDS[listen and has_mic]
    assert ("hello" in words) == (listen and has_mic)
