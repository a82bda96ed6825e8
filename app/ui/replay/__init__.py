"""The replay screen and its parts: the framing timeline, playback, the shift and metrics
panel, the rich-text builders (pure, no Qt), the export dialog and the comparison of attempts."""

from __future__ import annotations

from app.ui.replay.screen import ResultsView

__all__ = ["ResultsView"]
