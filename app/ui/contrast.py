"""WCAG contrast: the formula, the pairs of colour roles every theme must keep apart, and the
table of measured ratios that docs/design.md shows (tests/unit/ui/test_theme_contrast.py checks
every pair in every theme, and that the table in the doc is the computed one)."""

from __future__ import annotations

from app.ui.theme import THEME_COLOURS

# (foreground role, background role, minimum ratio). 4.5:1 for text, 3:1 for icons, large text
# and UI components (WCAG 2.1 AA 1.4.3 and 1.4.11). The contrast test checks each, in each theme.
TEXT_PAIRS = (
    ("text", "window"),
    ("text", "surface"),
    ("muted", "window"),
    ("muted", "surface"),
    ("on_accent", "accent"),
    ("link", "window"),
    ("line_text", "line_bg"),
    ("manager_bubble_text", "manager_bubble"),
    ("you_bubble_text", "you_bubble"),
    ("banner_text", "banner_bg"),
    ("avatar_text", "avatar_bg"),
    ("countdown_text", "countdown_bg"),
    ("countdown_bg", "window"),  # the seconds, in the countdown colour on the page
    ("listening", "window"),
    ("text", "shift_bg"),
    ("text", "good_bg"),
)
NON_TEXT_PAIRS = (
    ("icon", "window"),
    ("icon", "surface"),
    ("focus", "window"),
    ("focus", "surface"),
    ("border", "window"),
    ("level", "surface"),
    ("exploration", "surface"),
    ("interview", "surface"),
    ("neutral", "surface"),
    ("exploration", "window"),
    ("interview", "window"),
    ("accent", "window"),
    ("exploration", "you_bubble"),
    ("interview", "you_bubble"),
    ("neutral", "you_bubble"),
)
CONTRAST_PAIRS = tuple((f, b, 4.5) for f, b in TEXT_PAIRS) + tuple(
    (f, b, 3.0) for f, b in NON_TEXT_PAIRS
)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1.0 to 21.0."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def contrast_table() -> str:
    """The measured contrast of every checked pair in every theme, as the Markdown table in
    docs/design.md (a test keeps the two the same)."""
    names = list(THEME_COLOURS)
    head = " | ".join(THEME_COLOURS[n].label for n in names)
    lines = [
        f"| Pair (foreground on background) | Needs | {head} |",
        "|---|---|" + "---|" * len(names),
    ]
    for fg, bg, minimum in CONTRAST_PAIRS:
        cells = []
        for n in names:
            r = THEME_COLOURS[n].roles()
            cells.append(f"{r[fg]} on {r[bg]}: **{contrast_ratio(r[fg], r[bg]):.1f}**")
        lines.append(f"| `{fg}` on `{bg}` | {minimum}:1 | " + " | ".join(cells) + " |")
    return "\n".join(lines)
