"""Fallback fonts for what the app's own font lacks: emoji and CJK/fullwidth characters in a
typed answer, a name or a scenario's text showed as boxes (tofu) with only DejaVu installed.

Frameshift asks for the fallbacks `scripts/system-deps.sh` installs (fonts-noto-color-emoji,
fonts-droid-fallback, fonts-nanum) and a few common others, but never assumes one exists: only
the families this machine has are named, and a character no installed font has is still drawn
as a box. (With the fonts installed, fontconfig's own fallback finds them too; naming them makes
the order explicit where it would pick another.)"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

#: In order of preference: colour emoji first, then fonts with CJK ideographs, kana, Hangul and
#: the fullwidth forms (Noto CJK or WenQuanYi when a desktop has them; the app installs the
#: small Droid Sans Fallback, which has no Hangul, and NanumGothic for Hangul), then a wide
#: general font.
FALLBACK_FAMILIES: tuple[str, ...] = (
    "Noto Color Emoji",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Droid Sans Fallback",
    "NanumGothic",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans",
    "Symbola",
)


def installed_fallbacks() -> list[str]:
    """The fallback families this machine has, in order (none may be installed)."""
    have = {f.casefold(): f for f in QFontDatabase.families()}
    return [have[f.casefold()] for f in FALLBACK_FAMILIES if f.casefold() in have]


def add_fallbacks(font: QFont) -> list[str]:
    """Make ``font`` look in the installed fallback families, after its own, for a character
    it lacks. Its own family is first resolved to the real one ("Sans Serif" is an alias: put
    in a list with real families, Qt would skip it and draw Latin text with the emoji font).
    Returns the families added."""
    family = QFontInfo(font).family()
    found = [f for f in installed_fallbacks() if f != family]
    if found and family:
        font.setFamilies([family, *found])
    return found
