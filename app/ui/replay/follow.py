"""The replay page kept in step with playback: the turn playing is the one the timeline rings,
the caption shows, the transcript highlights and the insight panel explains; the play button
and the timeline's gliding marker follow the player."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QPalette

from app.ui.replay import richtext
from app.ui.replay.page import ReplayPage
from app.ui.replay.playback import ReplayPlayback
from app.ui.theme_follow import follow_theme, rich_labels, set_again

if TYPE_CHECKING:  # the domain loads after the window's first paint (see main_window)
    from app.report import Report


class ReplayFollower(QObject):
    """Connects `playback`'s signals to `page`; `report()` is the report shown (or None)."""

    def __init__(
        self,
        page: ReplayPage,
        playback: ReplayPlayback,
        report: Callable[[], Report | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.playback = playback
        self._report = report
        playback.turn_changed.connect(self.show_turn)
        playback.playing_changed.connect(self._on_playing_changed)
        playback.position_changed.connect(page.timeline.set_position)
        playback.caption_only.connect(self._on_caption_only)
        playback.failed.connect(self._on_failed)
        follow_theme(page, self.show_in_theme)

    def show_in_theme(self) -> None:
        """After a theme change: every rich text on the page set again (its links in the new
        link colour) and the transcript's current-turn tint blended from the new palette,
        each where it was scrolled to."""
        page, report = self.page, self._report()
        for label in rich_labels(page):
            set_again(label)
        if report is None or not report.turns:
            return
        bar = page.transcript.verticalScrollBar()
        at = bar.value()
        position = min(self.playback.current, len(report.turns) - 1)
        page.transcript.setHtml(richtext.transcript_html(report, position, self._now_colour()))
        bar.setValue(at)

    def show_turn(self, position: int) -> None:
        """Show the turn at `position` (its place in the report) everywhere on the page."""
        page, report = self.page, self._report()
        if report is None or not report.turns:
            page.controls.now_label.setText("No turns")
            page.caption.clear()
            return
        t = report.turns[position]
        who = richtext.speaker_name(report, t.speaker)
        page.timeline.set_current(position)
        page.controls.now_label.setText(richtext.now_words(report, t.index, t.speaker, who))
        page.caption.setText(richtext.caption_html(report, position))
        page.insights.show_turn(report, t.index)
        page.transcript.setHtml(richtext.transcript_html(report, position, self._now_colour()))
        page.transcript.scrollToAnchor(f"turn-{position}")

    def _now_colour(self) -> str:
        pal = self.page.palette()
        return richtext.blend(
            pal.color(QPalette.ColorRole.Base).name(),
            pal.color(QPalette.ColorRole.Highlight).name(),
            0.28,
        )

    def _on_playing_changed(self, playing: bool) -> None:
        self.page.controls.set_playing(playing)
        if not playing:
            self.page.timeline.set_position(float(self.playback.current))

    def _on_caption_only(self, position: int) -> None:
        report = self._report()
        if report is not None:
            self.page.caption.setText(richtext.caption_html(report, position, caption_only=True))

    def _on_failed(self, message: str) -> None:
        self.page.action_bar.show_status(
            f"A recording could not be played ({message}); showing its caption."
        )
