"""The conversation screen's page: its rows top to bottom (the persona's card, the manager's
line, the notice banner, the exchange, the state row, the answer bar, the unsent-answer row) in a
:class:`FittingPage`, and how they share its room: the exchange keeps its newest bubbles in
view, the manager's line gets the rest."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app.ui.answer_bar import AnswerBar
from app.ui.caption_box import CaptionBox
from app.ui.draft_prompt import DraftPrompt
from app.ui.exchange import ExchangeList
from app.ui.fitting_page import EXCHANGE_MIN_PX, MARGIN_PX, SPACING_PX, FittingPage
from app.ui.listen_state import ListenState
from app.ui.notice_banner import NoticeBanner
from app.ui.persona_card import PersonaCard

#: The exchange keeps its newest two bubbles in view, up to this share (%) of the screen's
#: height; the manager's line scrolls in its box past that (a 1024x600 booth showed one).
EXCHANGE_SHARE = 33


class ConversationPage(FittingPage):
    """The conversation view's rows in one column; ``screen`` (the view) is the room's height
    before the page has one of its own."""

    def __init__(
        self,
        screen: QWidget,
        card: PersonaCard,
        caption_box: CaptionBox,
        banner: NoticeBanner,
        transcript: ExchangeList,
        state: ListenState,
        bar: AnswerBar,
        draft_prompt: DraftPrompt,
    ) -> None:
        column = QWidget()
        column.setObjectName("conversationColumn")
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, MARGIN_PX, 0, MARGIN_PX)
        layout.setSpacing(SPACING_PX)
        layout.addWidget(card)
        layout.addWidget(caption_box)
        layout.addWidget(banner)  # below the line: a notice never moves it
        layout.addStretch(0)  # few bubbles sit just above the state row, as in a chat
        for fixed in (card, banner):  # only the gap takes spare room
            fixed.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(transcript, 1)
        layout.addWidget(state)
        layout.addWidget(bar)
        layout.addWidget(draft_prompt)
        super().__init__(column)
        self._screen, self._persona, self._caption_box = screen, card, caption_box
        self._transcript, self._bar, self._draft_prompt = transcript, bar, draft_prompt
        self._rows = [card, banner, state, bar, draft_prompt]
        # Owned by the page, a child of the view: a reset that deletes the view mid-update
        # takes the timer with it.
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self.settle_exchange)
        self.refit_with(self.fit_rows, self.exchange_room)

    def exchange_room(self) -> tuple[int, int]:
        """The exchange keeps a little room once it has a bubble (none before the first answer:
        the first line gets it all): the newest two bubbles whole, if a third of the screen
        holds them, and the newest one at the least. (least, wanted) px."""
        t = self._transcript
        if not t.has_bubbles():
            return 0, 0
        share = (self.viewport().height() or self._screen.height()) * EXCHANGE_SHARE // 100
        return max(EXCHANGE_MIN_PX, min(t.newest_height(1), share)), min(t.newest_height(2), share)

    def fit_rows(self) -> None:
        """The caption gets what the exchange and the other rows leave (run again by the page
        whenever a row's size changes after it: a text size, a theme, a row shown late)."""
        least, wanted = self.exchange_room()
        self._bar.fit_width(self.column_width())  # before the rows are measured
        granted = self.fit(self._caption_box, self._rows, least, wanted)
        self._transcript.setMinimumHeight(granted)

    def scroll_to_end(self) -> None:
        """After the new bubble is laid out (its height depends on the width)."""
        self._transcript.scrollToBottom()
        self._settle_timer.start()

    def settle_exchange(self) -> None:
        """The exchange is as tall as its bubbles (so they sit low, near the state row) until
        it fills the room it has; then it scrolls, newest at the bottom."""
        self.fit_rows()  # a notice came or went: the caption's room changed
        self._transcript.fit_to_bubbles()
        self.show_foot(self._persona)

    def show_draft_prompt(self) -> None:
        """The unsent-answer row into view, and again once laid out (the row and its buttons);
        the exchange settles after it."""
        self.ensureWidgetVisible(self._draft_prompt, 0, MARGIN_PX)
        self._settle_timer.start()
        QTimer.singleShot(0, self._show_prompt)

    def _show_prompt(self) -> None:
        if self._draft_prompt.isVisible():
            self.ensureWidgetVisible(self._draft_prompt, 0, MARGIN_PX)
