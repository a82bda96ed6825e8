"""Word error rate and the text normalisation it needs, for tests and benchmarks.

Whisper writes "2024", "Mr." and commas; references say "twenty twenty four" or "mister". Both
sides go through :func:`normalize_text` so WER measures words, not spelling conventions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ABBREVIATIONS = {"mr": "mister", "mrs": "missus", "dr": "doctor", "ok": "okay", "%": "percent"}
_CONTRACTIONS = {
    "i'm": "i am", "i've": "i have", "i'll": "i will", "you're": "you are", "we're": "we are",
    "they're": "they are", "it's": "it is", "that's": "that is", "what's": "what is",
    "don't": "do not", "doesn't": "does not", "didn't": "did not", "can't": "can not",
    "cannot": "can not", "won't": "will not", "isn't": "is not", "we've": "we have",
    "you've": "you have", "let's": "let us", "there's": "there is",
}  # fmt: skip
_FILLERS = {"umm": "um", "ummm": "um", "uhh": "uh", "hmm": "hm", "mm": "hm", "erm": "um"}


def number_words(n: int) -> str:
    """English words for 0..999,999, years in pairs ("twenty twenty four") like people say them."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if 1100 <= n <= 2099 and n % 100 != 0 and not 2001 <= n <= 2009:
        return number_words(n // 100) + " " + number_words(n % 100)
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    rest = n % 1000
    return number_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + number_words(rest))


def normalize_text(text: str) -> list[str]:
    """Lower case, no punctuation, numbers as words, filler spellings unified; as words."""
    text = text.lower().replace("%", " percent ").replace("&", " and ")
    text = re.sub(r"(\d),(\d{3})", r"\1\2", text)
    text = re.sub(r"(\d+)(st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\d+", lambda m: " " + number_words(int(m.group())) + " ", text)
    text = text.replace("-", " ")
    words = re.sub(r"[^a-z' ]+", " ", text).split()
    out = []
    for w in words:
        w = w.strip("'")
        if not w:
            continue
        w = _ABBREVIATIONS.get(w, w)
        out.extend(_CONTRACTIONS.get(w, _FILLERS.get(w, w)).split())
    return out


def edit_distance(ref: Sequence[str], hyp: Sequence[str]) -> int:
    """Levenshtein distance on words (substitutions, insertions, deletions all cost 1)."""
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1]


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate of one pair after normalisation (0.0 is perfect; may exceed 1.0)."""
    ref, hyp = normalize_text(reference), normalize_text(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return edit_distance(ref, hyp) / len(ref)


def corpus_wer(pairs: Sequence[tuple[str, str]]) -> float:
    """WER over many pairs: total edits over total reference words (not a mean of ratios)."""
    edits = words = 0
    for reference, hypothesis in pairs:
        ref, hyp = normalize_text(reference), normalize_text(hypothesis)
        edits += edit_distance(ref, hyp)
        words += len(ref)
    return edits / words if words else 0.0
