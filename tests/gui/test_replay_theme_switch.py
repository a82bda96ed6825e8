"""Session 15: after switching the theme in Settings, the replay's links stayed the light
theme's blue (#0b57a4 on the dark theme's #262a30: 2.2:1) and the transcript's current turn
kept the old theme's tint. Qt rich text takes a link's colour from the palette when the text
is set, and the tint is blended from the palette into the HTML; neither followed a theme
change (`app/ui/theme_follow.py`).

Every theme to every other one (and on through a third), switched the way Settings' OK does
(the window's ``settings_changed``), with the replay on screen or away on another screen, at a
turn other than the first: every link in every rich text the window shows is in the new
theme's link colour, the current turn's tint is the new theme's, nothing is scrolled."""

from __future__ import annotations

import itertools
import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "report"))
from report_helpers import seed_session

from app.config import THEMES
from app.testing.driver import FrameshiftDriver
from app.ui.replay import richtext
from app.ui.theme import THEME_COLOURS, apply_theme

pytestmark = pytest.mark.gui


def _every_switch(themes: tuple[str, ...]) -> list[str]:
    """A walk through ``themes`` that switches from each to each other one exactly once."""
    pairs = {(a, b) for a in themes for b in themes if a != b}
    walk = [themes[0]]
    while pairs:
        step = next(p for p in sorted(pairs) if p[0] == walk[-1])
        pairs.remove(step)
        walk.append(step[1])
    return walk


WALK = _every_switch(tuple(THEMES))


def _documents(root: QWidget) -> list[tuple[str, QTextDocument]]:
    """Each rich text shown under ``root``: the browsers' documents and the rich labels'."""
    docs = [(b.objectName(), b.document()) for b in root.findChildren(QTextBrowser)]
    for label in root.findChildren(QLabel):
        if label.textFormat().name == "RichText" and label.text():
            label.heightForWidth(max(1, label.width()))  # its text laid out (Qt does it lazily)
            docs += [(label.objectName(), d) for d in label.findChildren(QTextDocument)]
    return docs


def _link_colours(doc: QTextDocument) -> set[str]:
    """The colour of every run of a link (``<a href>``) in ``doc``."""
    colours = set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref() and it.fragment().text().strip():
                colours.add(fmt.foreground().color().name())
            it += 1
        block = block.next()
    return colours


def _switch(app: FrameshiftDriver, theme: str) -> None:
    """As the Settings dialog's OK: the window's settings change, the app applies them."""
    w = app.window
    w.settings = replace(w.settings, theme=theme)
    w.settings_changed.emit(w.settings)
    for _ in range(5):
        QApplication.processEvents()


def _problems(app: FrameshiftDriver, theme: str, where: str) -> list[str]:
    w, out = app.window, []
    want = THEME_COLOURS[theme].link
    docs = _documents(w)
    linked = [name for name, doc in docs if _link_colours(doc)]
    if len(linked) < 3:  # the transcript, the shift card and the metrics have links
        out.append(f"{where}: links found only in {linked}")
    for name, doc in docs:
        wrong = _link_colours(doc) - {want}
        if wrong:
            out.append(f"{where}: {name}'s links are {sorted(wrong)}, not {want}")
    pal = w.results.replay_page.palette()
    base, highlight = (
        pal.color(r).name() for r in (QPalette.ColorRole.Base, QPalette.ColorRole.Highlight)
    )
    tint = richtext.blend(base, highlight, 0.28)
    tints = _cell_tints(w.results.transcript.document())
    if tints != {tint}:
        out.append(f"{where}: the current turn's tint is {sorted(tints)}, not {tint}")
    return out


def _cell_tints(doc: QTextDocument) -> set[str]:
    """The background of every tinted cell of the transcript's table (the current turn)."""
    tints = set()
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None:
            fmt = table.cellAt(cursor).format()
            if fmt.hasProperty(QTextFormat.Property.BackgroundBrush):
                tints.add(fmt.background().color().name())
        block = block.next()
    return tints


@pytest.mark.parametrize("away", [False, True], ids=["on-screen", "away"])
def test_the_replay_follows_every_theme_switch(
    frameshift_app: FrameshiftDriver, away: bool
) -> None:
    app = frameshift_app
    w = app.window
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    assert len(WALK) == len(THEMES) * (len(THEMES) - 1) + 1
    try:
        _switch(app, WALK[0])
        assert w.store is not None
        sid = seed_session(w.store, app.settings.data_dir)
        w.show_results(sid)
        results = w.results
        results.jump_to(3)  # not the first turn: the tint moved
        QApplication.processEvents()
        bar = results.transcript.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        scrolled = bar.value()
        problems = _problems(app, WALK[0], f"{WALK[0]} at first")
        for before, theme in itertools.pairwise(WALK):
            if away:  # the replay under the comparison (or any screen) while Settings change
                results.pages.setCurrentWidget(results.comparison)
            _switch(app, theme)
            if away:
                results.pages.setCurrentWidget(results.replay_page)  # Back: nothing re-shown
                QApplication.processEvents()
            problems += _problems(app, theme, f"{before} -> {theme}")
            if bar.value() != scrolled:
                problems.append(f"{before} -> {theme}: the transcript scrolled")
            shots = os.environ.get("UI_SHOTS_DIR")
            if shots and not away:
                w.grab().save(str(Path(shots) / f"replay-{before}-to-{theme}.png"))
    finally:
        apply_theme(qapp, "light", 1.0)
    assert not problems, "\n".join(problems)
