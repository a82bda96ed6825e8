""" "Repeat that" without a voice (--no-voice, the voice off in Settings, no speakers): there is
nothing to hear again, so the manager's line is shown again instead, where the user can see
it: the caption scrolled back to its start and brought into view, its border lit for a moment
(`FLASH_MS`), and a sentence on the banner saying so. With a voice the rehearsal says it again;
the button's tooltip says which of the two it does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.ui.caption_box import CaptionBox

#: How long the caption's border stays lit after "Repeat that" with no voice.
FLASH_MS = 1500
#: The banner's sentence; {person} is the other person's first name.
SHOWN_AGAIN = "{person}'s last line is shown again above (the voice is off, so it is not spoken)."
NOTHING_YET = "{person} has not said anything yet."
#: The button's tooltip and description, heard or shown.
TIPS = {
    True: ("Hear the last line again (Ctrl+R)", "Hear the last line again."),
    False: (
        "Show the last line again: the voice is off (Ctrl+R)",
        "The voice is off: shows the last line again at the top of the caption.",
    ),
}


class LineAgain(QObject):
    """Shows the caption's line again; `say` puts a sentence on the conversation's banner."""

    def __init__(self, caption: CaptionBox, say: Callable[[str], None]) -> None:
        super().__init__(caption)
        self.caption = caption
        self._say = say
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._light(False))

    @property
    def lit(self) -> bool:
        """The caption's border is lit (the line was just shown again)."""
        return bool(self.caption.label.property("again"))

    def show(self, person: str) -> None:
        if not self.caption.label.text().strip():
            self._say(NOTHING_YET.format(person=person))
            return
        self.caption.verticalScrollBar().setValue(0)  # read from its start
        self._light(True)
        self._timer.start(FLASH_MS)
        self._say(SHOWN_AGAIN.format(person=person))

    def _light(self, on: bool) -> None:
        label = self.caption.label
        label.setProperty("again", on)
        label.style().unpolish(label)
        label.style().polish(label)
