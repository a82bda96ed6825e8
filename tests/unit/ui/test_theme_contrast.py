"""Every theme's text and icons meet WCAG AA, computed from the theme definitions themselves,
and the style sheets use only the declared colour roles and type sizes."""

from __future__ import annotations

import re

import pytest

from app.config import THEMES
from app.ui.contrast import CONTRAST_PAIRS, contrast_ratio
from app.ui.theme import THEME_COLOURS, TYPE_SCALE, assets_dir, style_sheet


def test_contrast_ratio_matches_the_wcag_reference_values() -> None:
    """The formula itself: black on white is 21:1, a colour on itself 1:1, #777 on white 4.48."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#123456", "#123456") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_theme_name_has_colour_roles() -> None:
    """One list of themes (app.config.THEMES); each has its roles, none extra."""
    assert set(THEME_COLOURS) == set(THEMES)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(("fg", "bg", "minimum"), CONTRAST_PAIRS)
def test_each_pair_meets_wcag_aa(theme: str, fg: str, bg: str, minimum: float) -> None:
    """4.5:1 for text on its background; 3:1 for icons, focus rings, borders and frame marks."""
    roles = THEME_COLOURS[theme].roles()
    ratio = contrast_ratio(roles[fg], roles[bg])
    assert ratio >= minimum, f"{theme}: {fg} {roles[fg]} on {bg} {roles[bg]} is {ratio:.2f}:1"


def test_the_kiosk_countdown_and_playback_icons_are_checked() -> None:
    """The two pairs that failed before (white countdown on near-white; black icons on dark)."""
    pairs = {(f, b) for f, b, _ in CONTRAST_PAIRS}
    assert ("countdown_text", "countdown_bg") in pairs
    assert ("icon", "window") in pairs
    assert ("icon", "surface") in pairs


@pytest.mark.parametrize("theme", THEMES)
def test_style_sheet_colours_come_from_roles(theme: str) -> None:
    """After filling in the roles no @name is left, and every literal colour in the sheet is
    one of the theme's roles (no colour is typed into a .qss by hand)."""
    sheet = style_sheet(theme)
    assert "@" not in sheet
    roles = {c.lower() for c in THEME_COLOURS[theme].roles().values()}
    literals = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", sheet)}
    assert literals <= roles


def test_style_sheet_sizes_are_on_the_type_scale() -> None:
    """Every font size in the sheets is a step of the documented type scale."""
    text = "".join(p.read_text(encoding="utf-8") for p in (assets_dir() / "styles").glob("*.qss"))
    sizes = {float(s) for s in re.findall(r"font-size:\s*(\d+(?:\.\d+)?)pt", text)}
    assert sizes <= set(TYPE_SCALE.values())


def test_an_unknown_role_fails_loudly(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo in a style sheet's role is an error, not a silently missing colour."""
    from pathlib import Path

    import app.ui.theme as theme_module

    root = Path(str(tmp_path))
    (root / "styles").mkdir()
    (root / "styles" / "base.qss").write_text("QWidget { color: @txet; }")
    monkeypatch.setattr(theme_module, "assets_dir", lambda: root)
    with pytest.raises(KeyError, match="txet"):
        theme_module.style_sheet("light")


def test_design_doc_shows_the_measured_ratios() -> None:
    """docs/design.md's contrast table is the one computed from the theme definitions."""
    from app.ui.contrast import contrast_table

    doc = (assets_dir().parent / "docs" / "design.md").read_text(encoding="utf-8")
    assert contrast_table() in doc
