"""Between visitors: what this is, how to start, and what happens to what you say."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.a11y import named

EDGE_MARGIN_PX = 24  # the visitor's text and buttons never sit flush against the screen's edge

_MODIFIER_KEYS = {
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Shift,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
}


def _shrink_to(widget: QWidget, parts: list[str], room: int) -> None:
    """Step ``widget``'s font down (a style sheet of its own: it outranks setFont) until each of
    ``parts`` fits ``room`` pixels; the theme's size again when it fits."""
    if widget.styleSheet():
        widget.setStyleSheet("")
        widget.ensurePolished()
    font = QFont(widget.font())
    pixels = font.pixelSize() > 0  # the theme may give it in px or in pt
    size = start = float(font.pixelSize()) if pixels else font.pointSizeF()
    while size > 8:
        if pixels:
            font.setPixelSize(round(size))
        else:
            font.setPointSizeF(size)
        if max(QFontMetrics(font).horizontalAdvance(p) for p in parts) <= room:
            break
        size *= 0.9
    if size < start:
        unit = f"{round(size)}px" if pixels else f"{size:.1f}pt"
        widget.setStyleSheet(f"font-size: {unit};")


#: The start button's words: with the booth listening for a voice, and without.
START_WORDS = {True: "Tap or say hello to start", False: "Tap to start"}


class AttractScreen(QWidget):
    """The screen a passer-by sees; any touch, click or key starts a visit.

    Signals:
        start_requested(): a visitor touched the screen, pressed a key or said hello.
    """

    start_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attractScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        title = QLabel("Practise a networking conversation")
        title.setObjectName("screenTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        what = QLabel(
            "A hiring manager at a booth talks with you for a few minutes. Answer out loud or "
            "type. Afterwards you see where the talk stayed a mutual exploration and where it "
            "turned into an interview."
        )
        what.setWordWrap(True)
        what.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = named(
            QPushButton(START_WORDS[False]),
            "kioskStartButton",
            "Start",
            "Starts a short rehearsal.",
        )
        self.start_button.clicked.connect(self.start_requested)
        self.privacy = QLabel()
        self.privacy.setObjectName("kioskPrivacy")
        self.privacy.setWordWrap(True)
        self.privacy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_privacy(anonymous_counts=False)

        # Inside the booth's edge margin (trial 7 G17: the text ran to 10 px from the edges);
        # the privacy sentence sits right under the button, not at the foot of the screen,
        # so large text on a small screen pushes only spare room off it, not the sentence.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(EDGE_MARGIN_PX, 16, EDGE_MARGIN_PX, 16)
        layout.setSpacing(16)
        layout.addStretch(1)
        self.title = title
        layout.addWidget(title)
        layout.addWidget(what)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.privacy)
        layout.addStretch(1)

    def set_hello(self, *, listening: bool) -> None:
        """Say "say hello" only when the booth listens for it (not with --no-listen, nor
        before its microphone is there)."""
        words = START_WORDS[listening]
        if self.start_button.text() != words:
            self.start_button.setText(words)
            self._fit_title()

    def set_privacy(self, *, anonymous_counts: bool) -> None:
        text = (
            "Privacy: nothing you say or record is kept. Your answers and any recording are "
            "erased when you finish or walk away."
        )
        if anonymous_counts:
            text += " The booth keeps anonymous counts only (how many rehearsals, no words)."
        self.privacy.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_title()

    def _fit_title(self) -> None:
        """The title's longest word and the start button's words fit between the margins: at
        text size 3 on a 1024 px screen the button alone was wider than the screen, so the
        whole screen was cut at its right edge."""
        room = self.width() - 2 * EDGE_MARGIN_PX - 8
        _shrink_to(self.title, self.title.text().split(), room)
        button = self.start_button
        padding = button.sizeHint().width() - button.fontMetrics().horizontalAdvance(button.text())
        _shrink_to(button, [button.text()], room - max(0, padding))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.start_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _MODIFIER_KEYS:
            event.ignore()
            return
        event.accept()
        self.start_requested.emit()
