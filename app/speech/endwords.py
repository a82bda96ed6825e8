"""Does a partial transcript stop where a sentence cannot end? The words side of end of turn.

Whisper writes what it heard with punctuation, and a thought left hanging mostly comes back as
"I would like to..." or "Not really, but I,": a trailing ellipsis, comma or dash says the speaker
is mid-sentence. Without one, the last word decides: a few closed classes of English words never
end a sentence (articles, possessive determiners, conjunctions, hesitation sounds), and some
more only rarely, unless Whisper heard the sentence end (". ? !" after
"Where are you from?" or "I'd love to."): prepositions, infinitive "to", auxiliaries, subject "I".
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words after which an English sentence never ends, whatever the punctuation says.
NEVER_LAST = _words(
    """a an the my your our their its and but or nor because although though whereas
    um umm uh uhm uhh er erm hmm hm mm mmm ah eh"""
)
#: Words after which a sentence rarely ends; believed only with no final punctuation.
RARELY_LAST = _words(
    """to of in on at for with from about into onto than as if that like so then when while
    i we they he she is was are were am be been being have has had do does did would could
    should will can might must just really very more most some any this these those"""
)
_HANGING = ("...", "…", ",", "-", "–", "—", ";", ":")
_WORD = re.compile(r"[a-z']+")


def unfinished(text: str) -> bool:
    """True when ``text`` (a transcript of the answer so far) stops mid-sentence."""
    stripped = text.strip().lower()
    if not stripped:
        return False
    words = _WORD.findall(stripped)
    if not words:
        return False  # nothing heard is no evidence
    if stripped.endswith(_HANGING):
        return True
    last = words[-1]
    if last in NEVER_LAST:
        return True
    return last in RARELY_LAST and not stripped.endswith((".", "?", "!"))
