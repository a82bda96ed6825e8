"""The scenario list stays readable at every text size on small screens (trial 7 G13: at 2.5
the first card's title broke one word a line beside its "Start here" tag and was cut
("Intr / hiri"), other cards lost their last letters; at 3.0 the list was 210 px wide).
Text sizes 0.5-3.0 x 1024x600/1280x800/1366x768 windows: every card's words are whole
(a word wraps as a word; only a word wider than the card breaks), the tag never squeezes the
title under 12 letters, the card is as tall as its text, and the list gets a readable width."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from app.testing.driver import FrameshiftDriver
from app.ui.scenario_cards import ScenarioCardDelegate

pytestmark = pytest.mark.gui

SCALES = (0.5, 1.0, 1.6, 2.0, 2.5, 3.0)
SIZES = ((1024, 600), (1280, 800), (1366, 768))


def test_every_card_is_whole_at_every_text_size(frameshift_app: FrameshiftDriver) -> None:
    from app.ui.theme import apply_theme

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    w = frameshift_app.window
    view = w.picker.list
    try:
        for scale, size in itertools.product(SCALES, SIZES):
            apply_theme(qapp, "light", scale)
            w.resize(*size)
            w.show_picker()
            frameshift_app.qtbot.wait(10)
            QApplication.processEvents()
            delegate = view.itemDelegate()
            assert isinstance(delegate, ScenarioCardDelegate)
            font = view.font()
            bold = QFont(font)
            bold.setWeight(QFont.Weight.DemiBold)
            metrics = QFontMetrics(bold)
            letters = QFontMetrics(font).averageCharWidth()
            assert view.viewport().width() >= 12 * letters, (scale, size, view.width())
            assert view.count() > 3
            for row in range(view.count()):
                index = view.model().index(row, 0)
                title = str(index.data()).partition("\n")[0]
                card = delegate.layout(font, index)
                where = (scale, size, title)
                if card.tag.width():
                    assert not card.tag.intersects(card.title), where
                    assert card.title.width() >= min(
                        12 * metrics.averageCharWidth(), view.viewport().width() - 40
                    ), where
                for word in title.split():
                    if metrics.horizontalAdvance(word) <= card.title.width():
                        assert card.title_flags == int(Qt.TextFlag.TextWordWrap), where
                need = metrics.boundingRect(
                    QRect(0, 0, card.title.width(), 100_000), card.title_flags, title
                )
                assert card.title.height() >= need.height(), where
                shown = view.visualRect(index)
                assert shown.height() >= card.rest.bottom() + 1, where
    finally:
        apply_theme(qapp, "light", 1.0)
