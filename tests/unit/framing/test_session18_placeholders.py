"""Every pattern piece that names a shared fragment (`{A}`, `{IM}`, ...) is an f-string.

Session 18 found four pieces written `r"...i{A}ve..."` instead of `rf"..."`: the regex read
`{A}` as a literal brace, so "as long as I've been", "I 'm hoping to", "the funder's" and
"there's any" were never matched by the alternatives written for them. The first test covers the
whole class (any pattern or fragment of `patterns` holding an unfilled placeholder); the others
check the four revived alternatives with every apostrophe the recognizer or a keyboard writes.
"""

from __future__ import annotations

import re

import pytest

from app.framing import patterns as p

PLACEHOLDER = re.compile(r"\{[A-Z_][A-Z0-9_]*\}")
APOSTROPHES = ("'", "’", "")


def test_no_pattern_keeps_an_unfilled_placeholder() -> None:
    unfilled = [
        name
        for name, value in vars(p).items()
        if isinstance(value, (re.Pattern, str))
        and PLACEHOLDER.search(value.pattern if isinstance(value, re.Pattern) else value)
    ]
    assert unfilled == []


@pytest.mark.parametrize("mark", APOSTROPHES)
@pytest.mark.parametrize("what", ["here", "in the trade", "with the firm", "doing this"])
def test_as_long_as_ive_been_is_no_condition(mark: str, what: str) -> None:
    text = f"I've loved it for as long as I{mark}ve been {what}"
    assert not any(
        m.group().startswith("as long as") for m in p.CONDITIONAL_INTEREST.finditer(text)
    )


@pytest.mark.parametrize("mark", APOSTROPHES)
@pytest.mark.parametrize("who", ["funder", "donor"])
@pytest.mark.parametrize("plural", [False, True])
def test_a_funders_money_is_someone_elses(mark: str, who: str, plural: bool) -> None:
    owner = f"{who}s{mark}" if plural else f"{who}{mark}s"
    assert p.OTHERS_MONEY.search(f"does the {owner} grant cover the whole project") is not None


@pytest.mark.parametrize("mark", APOSTROPHES)
@pytest.mark.parametrize("place", ["room on the team", "space in your group", "spot going"])
def test_theres_any_asks_for_a_place(mark: str, place: str) -> None:
    assert p.PLACE_ASKED.search(f"so there{mark}s any {place} for someone like me?") is not None
