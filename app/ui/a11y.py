"""Stable object names and accessible names, set in one place so none is forgotten."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(
    widget: W, object_name: str, accessible_name: str, description: str = "", tip: str = ""
) -> W:
    """Give a widget its test name, screen-reader name and description, and a tooltip."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    widget.setAccessibleDescription(description or accessible_name)
    if tip:
        widget.setToolTip(tip)
    return widget
