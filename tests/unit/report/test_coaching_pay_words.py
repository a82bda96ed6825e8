"""Per-turn coaching calls the pay in other words pay, and help with a move a perk (review 13).

"What's the package like?", "what's the take home", "how much is base", "yes please, what's the
number?" are pay questions (the rules since session 13) and are coached as putting pay first, not
as "your own terms"; "do you offer relocation" is a perk, not remote work ("would I have to
relocate" stays where you would work). Generated: lead-ins x wordings x typed / recognizer."""

from __future__ import annotations

import itertools
import re

import pytest

from app.report.coaching import terms_asked

PAY = ("What's the package like?", "What kind of package are we talking about?",
       "What's the take home, roughly?", "How much is base and how much is variable?",
       "Yes please, what's the number?", "How is the commission structured?")  # fmt: skip
RELOCATION_HELP = ("Do you offer relocation?", "Is there a relocation package?",
                   "Would you cover relocation?")  # fmt: skip
LEADS = ("", "Okay. ", "Sounds great, and ", "Um ")


def _asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text.lower().replace("'", ""))).strip()


@pytest.mark.parametrize(("lead", "question"), list(itertools.product(LEADS, PAY)))
def test_the_pay_in_other_words_is_pay(lead: str, question: str) -> None:
    for said in (lead + question, _asr(lead + question)):
        assert "pay" in terms_asked(said), said


@pytest.mark.parametrize(("lead", "question"), list(itertools.product(LEADS, RELOCATION_HELP)))
def test_help_with_a_move_is_a_perk_not_remote_work(lead: str, question: str) -> None:
    for said in (lead + question, _asr(lead + question)):
        kinds = terms_asked(said)
        assert "the perks" in kinds, said
        assert "remote work" not in kinds, said
