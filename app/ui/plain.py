"""Text shown as it is written where Qt guesses the format (tooltips, message boxes): a text
that looks like markup ("<b>", "&amp;") is turned into rich text that shows those characters,
so a scenario's title, a file name or an error message is never read as markup."""

from __future__ import annotations

from PySide6.QtGui import Qt as GuiQt


def literal(text: str) -> str:
    """``text`` for a widget that guesses plain or rich text: unchanged when Qt would show it
    as plain text anyway, else escaped rich text that shows it character for character."""
    if not GuiQt.mightBeRichText(text):
        return text
    return GuiQt.convertFromPlainText(text)
