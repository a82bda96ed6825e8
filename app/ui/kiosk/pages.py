"""The kiosk's pages: the window's :class:`~app.ui.page_stack.PageStack`, one at a time, each
scrolling down only, so a page taller than a small screen never pushes the booth out of full
screen."""

from __future__ import annotations

from app.ui.page_stack import PageStack

__all__ = ["PageStack"]
