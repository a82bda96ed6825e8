"""Moved to :mod:`app.ui.replay`; this name stays only until the window imports it from there."""

from app.ui.replay import ResultsView

__all__ = ["ResultsView"]
