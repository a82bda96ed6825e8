"""Trial 7 G18: a scenario author's two rough edges, as classes.

(a) an empty `say` (any node, `[]`, or a list with an empty line) says what is wrong
("must not be empty"), not "must be text, not a list" (a list of phrasings is allowed);
(b) a manager line with several unsayable things (a stage direction AND an emoji) is warned
about each of them in one warning, wherever they sit in the line.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from conftest import MINIMAL

from app.dialogue import validate_file
from app.dialogue.lint import unsayable

_SAYS = {
    "ask": '    say:\n      - "Are you interested in the position?"\n'
    '      - "So, are you interested in the role?"\n',
    "good_end": '    say: "Let me introduce you to Lena."\n',
    "neutral_end": '    say: "Nice to meet you."\n',
}


def test_an_empty_say_list_is_called_empty_at_every_node(
    write_scenario: Callable[..., Path],
) -> None:
    for node, original in _SAYS.items():
        for empty in (
            "    say: []\n",
            '    say: [""]\n',
            '    say: ["Hi.", ""]\n',
            '    say: ""\n',
        ):
            assert original in MINIMAL
            path = write_scenario(MINIMAL.replace(original, empty))
            problems = validate_file(path)
            messages = [p.message for p in problems]
            assert any("must not be empty" in m for m in messages), (node, empty, messages)
            assert not any("must be text, not a list" in m for m in messages), (node, messages)
            assert all(p.line is not None for p in problems), problems


def test_a_list_of_lines_still_passes(write_scenario: Callable[..., Path]) -> None:
    for node, original in _SAYS.items():
        listed = '    say: ["One way to put it.", "Another way to put it."]\n'
        assert validate_file(write_scenario(MINIMAL.replace(original, listed))) == [], node


DIRECTIONS = ("(smiles)", "(laughs softly)", "*sighs*", "[pause]", "(leans in)")
EMOJI = ("😀", "👍", "☕", "🙂", "🚀")
LINES = (
    "So, are you interested in the position?",
    "We run about forty clinics (and two labs). What brings you here?",
    "Ha! I like that. Tell me more?",
)


def test_a_line_with_a_stage_direction_and_an_emoji_is_warned_about_both() -> None:
    for line, aside, emoji in itertools.product(LINES, DIRECTIONS, EMOJI):
        words = line.split(" ")
        for i, j in itertools.combinations(range(len(words) + 1), 2):
            placed = " ".join([*words[:i], aside, *words[i:j], emoji, *words[j:]])
            for text in (
                placed,
                placed.replace(aside, "\0").replace(emoji, aside).replace("\0", emoji),
            ):
                why = unsayable(text)
                assert why is not None, text
                assert aside in why, (text, why)
                assert "stage direction" in why, (text, why)
                assert emoji in why, (text, why)
                assert "emoji" in why, (text, why)
        assert unsayable(f"{line} {aside}") is not None
        assert "emoji" not in (unsayable(f"{line} {aside}") or "")
        assert "stage direction" not in (unsayable(f"{line} {emoji}") or "")
