"""Emoji and CJK/fullwidth characters are drawn with real glyphs, not boxes (UI polish 11, 4).

Text is laid out as the app's widgets lay it out (the application font after apply_theme,
QTextLayout) and every glyph Qt picked is checked: glyph 0 is the box (.notdef). A character
no installed font has may be a box (the app never assumes a font exists); one that some
installed font has must not be. With only DejaVu (the old system-deps) every sample below was
a box; scripts/system-deps.sh now installs fonts-noto-color-emoji, fonts-droid-fallback and
fonts-nanum."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.fonts import FALLBACK_FAMILIES, add_fallbacks, installed_fallbacks
from app.ui.theme import apply_theme

pytestmark = pytest.mark.gui

EMOJI = ["😀", "🤖", "👍", "🎉", "😅", "🙏", "❤", "👩\u200d💻", "🇯🇵"]
CJK = ["日本語", "中文", "한국어", "ひらがな", "カタカナ", "「こんにちは」", "你好，世界。"]
FULLWIDTH = ["ＡＢＣ", "１２３", "！？", "ｈｅｌｌｏ"]
SAMPLES = EMOJI + CJK + FULLWIDTH
PACKAGES = {
    "fonts-noto-color-emoji": "Noto Color Emoji",
    "fonts-droid-fallback": "Droid Sans Fallback",
    "fonts-nanum": "NanumGothic",
}
DEPS = Path(__file__).resolve().parents[2] / "scripts" / "system-deps.sh"


def _boxes(text: str, font: QFont) -> list[str]:
    """The characters of ``text`` Qt draws as the box with ``font`` (as a QLabel would)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    boxed: list[str] = []
    for run in layout.glyphRuns():
        if 0 in run.glyphIndexes():
            boxed.append(run.rawFont().familyName())
    return boxed


def _some_font_has(text: str) -> bool:
    """Whether any installed family has a glyph for each character (joiners aside)."""
    needed = [ord(c) for c in text if c not in "\u200d\ufe0f"]
    for family in QFontDatabase.families():
        raw = QRawFont.fromFont(QFont(family))
        if raw.isValid() and all(raw.supportsCharacter(cp) for cp in needed):
            return True
    return False


def _installed(package: str) -> bool:
    if shutil.which("dpkg-query") is None:
        return False
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
    )
    return "install ok installed" in done.stdout


def test_system_deps_installs_the_fallback_fonts() -> None:
    text = DEPS.read_text(encoding="utf-8")
    for package, family in PACKAGES.items():
        assert package in text, package
        assert family in FALLBACK_FAMILIES, family


@pytest.mark.parametrize("theme", ["light", "high_contrast"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_emoji_and_cjk_are_drawn_with_real_glyphs(
    qapp: QApplication, theme: str, scale: float
) -> None:
    missing = [p for p in PACKAGES if not _installed(p)]
    if missing:
        pytest.skip(f"run scripts/system-deps.sh: {', '.join(missing)} not installed")
    apply_theme(qapp, theme, scale)
    try:
        font = QLabel().font()  # what a label is given: the application font
        assert set(PACKAGES.values()) <= set(installed_fallbacks())
        for sample in SAMPLES:
            assert _some_font_has(sample), sample
            assert not _boxes(sample, font), (sample, _boxes(sample, font))
            bold = QFont(font)
            bold.setBold(True)  # the card's name, a heading
            assert not _boxes(sample, bold), sample
    finally:
        apply_theme(qapp, "light", 1.0)


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_latin_text_keeps_the_apps_own_font(qapp: QApplication, scale: float) -> None:
    """The fallbacks come after the app's font, never instead of it (a first try put them
    after the alias "Sans Serif", which Qt then skipped: Latin text came out in the emoji
    font's wide spaces and the CJK font's letters)."""
    apply_theme(qapp, "light", scale)
    try:
        for bold in (False, True):
            font = QLabel().font()
            font.setBold(bold)
            layout = QTextLayout("Hello, what does your team do? 0123", font)
            layout.beginLayout()
            layout.createLine().setLineWidth(10_000)
            layout.endLayout()
            used = {run.rawFont().familyName() for run in layout.glyphRuns()}
            assert not used & set(FALLBACK_FAMILIES), used
            assert QFontInfo(font).family() not in FALLBACK_FAMILIES
    finally:
        apply_theme(qapp, "light", 1.0)


def test_without_fallback_fonts_nothing_breaks(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No fallback installed (a bare machine): no family is named, nothing fails; a character
    no font has is a box, which is all that can be done."""
    monkeypatch.setattr("app.ui.fonts.FALLBACK_FAMILIES", ("No Such Font Family 1234",))
    font = QFont("DejaVu Sans")
    assert add_fallbacks(font) == []
    apply_theme(qapp, "light", 1.0)
    label = QLabel("😀 日本語 ＡＢＣ")
    label.show()
    assert not label.grab().isNull()
    label.close()
    unknown = "\U000f0000"  # a private-use plane character no font here has
    if not _some_font_has(unknown):
        assert _boxes(unknown, font)
