"""Text shown as it is written where Qt guesses the format (tooltips, message boxes): a text
that looks like markup ("<b>", "&amp;") is turned into rich text that shows those characters,
so a scenario's title, a file name or an error message is never read as markup."""

from __future__ import annotations

import re

from PySide6.QtGui import Qt as GuiQt

_FIRST_NBSP = re.compile("(?<!\xa0)\xa0")


def literal(text: str) -> str:
    """``text`` for a widget that guesses plain or rich text: unchanged when Qt would show it
    as plain text anyway, else escaped rich text that shows it character for character. Its
    lines still wrap: Qt keeps every space as a no-break space, so a sentence quoting typed
    words ran off a message box's edge as one line (session 14); the first space of each run
    is an ordinary one again, the rest stay, so no space is lost."""
    if not GuiQt.mightBeRichText(text):
        return text
    return _FIRST_NBSP.sub(" ", GuiQt.convertFromPlainText(text))
