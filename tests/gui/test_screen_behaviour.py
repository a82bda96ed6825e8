"""Small things that tripped people (issue 14): banners that stick or contradict, the picker's
order, a literal "&", a clipped focused button, a wrong hint, a duplicated line, closing
without asking, live frame labels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyleOptionButton,
)

from app.dialogue.model import DIFFICULTIES
from app.store import Store
from app.testing.driver import FrameshiftDriver, make_driver
from app.ui.picker import STORY_SCENARIO

pytestmark = pytest.mark.gui


def _conv(app: FrameshiftDriver):  # type: ignore[no-untyped-def]
    conv = app.window.rehearsal.conversation
    assert conv is not None
    return conv


def test_long_silence_prompts_once_and_listening_goes_on(frameshift_app: FrameshiftDriver) -> None:
    """A long silence never ends listening: one "Take your time" prompt says how to answer,
    and the answer that follows is taken and clears it."""
    app = frameshift_app
    assert app.microphone is not None
    app.start("alumni-call")
    view = app.window.conversation
    app.microphone.stay_silent()
    app.qtbot.waitUntil(lambda: "Take your time" in view.banner.text())
    assert view.banner.isVisibleTo(app.window)
    assert "type your answer" in view.banner.text()
    assert app.window.rehearsal.listening
    app.answer("How did you get into user research?")
    assert not view.banner.isVisibleTo(app.window)


def test_didnt_catch_that_does_not_stick_to_later_turns(frameshift_app: FrameshiftDriver) -> None:
    """Once an answer is understood the "didn't catch that" banner is gone, and stays gone."""
    app = frameshift_app
    assert app.microphone is not None
    app.start("alumni-call")
    view = app.window.conversation
    app.microphone.say("")  # heard something, recognized nothing
    app.qtbot.waitUntil(lambda: "didn't catch that" in view.banner.text())
    app.answer("How did you get into user research?")
    assert not view.banner.isVisibleTo(app.window)
    app.answer("What does a normal week look like for you?")
    assert not view.banner.isVisibleTo(app.window)


def test_startup_notice_shows_on_the_picker_once(frameshift_app: FrameshiftDriver) -> None:
    """After a crash, "1 conversation was interrupted last time" is on the picker, not in the
    status bar or the conversation, and not again when the user comes back to the picker."""
    first = frameshift_app
    data_dir = first.settings.data_dir
    crashed = Store(data_dir / "frameshift.db")  # a run that died mid-conversation
    crashed.create_session(
        scenario_id="alumni-call",
        scenario_title="A phone call",
        persona="Kenji",
        mode="typed",
        started_at=1.0,
    )
    crashed.close()
    app = make_driver(first.qtbot, data_dir)
    w = app.window
    app.qtbot.waitUntil(lambda: w.store is not None and w.picker.list.count() > 1)
    notice = w.picker.notice
    assert notice.isVisibleTo(w)
    assert "interrupted" in notice.text()
    assert "interrupted" not in w.status_label.text()
    app.start("alumni-call")
    assert "interrupted" not in w.conversation.banner.text()
    assert "interrupted" not in w.status_label.text()
    app.answer("How did you get into UX research?")  # one answer: it is kept, with a replay
    app.finish()
    w.show_picker()
    assert not notice.isVisibleTo(w)
    app.close()


def test_picker_lists_the_story_first_then_by_difficulty(frameshift_app: FrameshiftDriver) -> None:
    """Scenarios with an `order` come first by it; else the story's scenario; then gentle →
    tough. The first says it is the one to start with."""
    picker = frameshift_app.window.picker
    listed = [picker.list.item(i).text() for i in range(picker.list.count())]
    scenarios = picker._scenarios
    assert [s.title for s in scenarios] == [t.split("\n")[0] for t in listed]
    assert scenarios[0].id == STORY_SCENARIO  # the shipped scenarios give it order 1
    ordered = [s.order for s in scenarios if s.order is not None]
    assert ordered == sorted(ordered)
    assert all(s.order is None for s in scenarios[len(ordered) :])
    rest = scenarios[len(ordered) :]
    ranks = [DIFFICULTIES.index(s.difficulty) for s in rest if s.id != STORY_SCENARIO]
    assert ranks == sorted(ranks)
    assert "Start here" in listed[0]
    assert all("Start here" not in t for t in listed[1:])
    picker.list.setCurrentRow(0)
    assert picker.recommendation.isVisibleTo(picker)
    assert "Start with this one" in picker.recommendation.text()
    picker.list.setCurrentRow(1)
    assert not picker.recommendation.isVisibleTo(picker)


def test_settings_labels_show_no_literal_ampersand(frameshift_app: FrameshiftDriver) -> None:
    """Each label's "&" is a keyboard mnemonic (it has a buddy), never a printed character."""
    from app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(frameshift_app.settings, None, frameshift_app.window)
    labels = [lab for lab in dialog.findChildren(QLabel) if "&" in lab.text()]
    assert labels  # the form's labels do use mnemonics
    assert [lab.text() for lab in labels if lab.buddy() is None] == []
    dialog.deleteLater()


def test_focused_listen_button_shows_its_whole_label(frameshift_app: FrameshiftDriver) -> None:
    """The thicker focus ring does not eat into the label."""
    app = frameshift_app
    app.start("alumni-call")
    button = app.window.conversation.listen_button
    app.qtbot.waitUntil(button.isEnabled)
    app.window.activateWindow()
    button.setFocus()
    app.qtbot.waitUntil(button.hasFocus)
    app.qtbot.wait(20)
    _assert_label_fits(button)


def _assert_label_fits(button: QPushButton) -> None:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    contents = button.style().subElementRect(
        QStyle.SubElement.SE_PushButtonContents, option, button
    )
    need = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
    assert contents.width() >= need, (button.objectName(), contents.width(), need)


@pytest.mark.frameshift(voice=False, listen=False)
def test_typed_only_hint_does_not_offer_answering_out_loud(
    frameshift_app: FrameshiftDriver,
) -> None:
    """With --no-voice --no-listen the box does not say "or answer out loud"."""
    app = frameshift_app
    app.start("alumni-call")
    view = app.window.conversation
    assert "out loud" not in view.answer.placeholderText()
    assert not view.listen_button.isVisibleTo(app.window)
    assert "speak" not in view.status.text().lower()


def test_repeat_does_not_copy_the_line_into_the_exchange(frameshift_app: FrameshiftDriver) -> None:
    """Repeat says the line again; the exchange still holds it once."""
    app = frameshift_app
    app.start("alumni-call")
    view = app.window.conversation
    before = view.transcript.count()
    line = view.caption.text()
    for _ in range(2):
        view.repeat_button.click()
        app.qtbot.wait(50)
        app.qtbot.waitUntil(lambda: app.window.rehearsal.awaiting_answer)
    assert view.caption.text() == line
    assert view.transcript.count() == before


def _answer_prompt(app: FrameshiftDriver, button_name: str, seen: list[str]) -> None:
    """When the close question appears, record it and click one of its buttons."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text() + " " + box.informativeText())
        assert box.defaultButton().objectName() == "closeKeepButton"  # the safe choice
        button = box.findChild(QPushButton, button_name)
        assert button is not None
        button.click()

    QTimer.singleShot(20, click)


def test_closing_mid_conversation_asks_first(frameshift_app: FrameshiftDriver) -> None:
    """Quit in the middle of a conversation asks; "Keep rehearsing" (the default) keeps it,
    "End and close" ends it as incomplete."""
    app = frameshift_app
    app.start("alumni-call")
    app.answer("How did you get into user research?")
    seen: list[str] = []
    _answer_prompt(app, "closeKeepButton", seen)
    assert app.window.request_close() is False
    assert seen
    assert "1 answer" in seen[0]
    assert app.window.isVisible()
    assert not _conv(app).finished
    _answer_prompt(app, "closeEndButton", seen)
    assert app.window.request_close() is True
    assert _conv(app).finished
    assert _conv(app).status == "incomplete"


@pytest.mark.frameshift(voice=False, listen=False)
def test_live_frame_labels_are_off_by_default(frameshift_app: FrameshiftDriver) -> None:
    """During a rehearsal the exchange shows no frame labels (they give the game away)."""
    app = frameshift_app
    app.start("connector-intro")
    app.answer("What does your team work on?")
    items = app.window.conversation.transcript
    texts = [items.item(i).text() for i in range(items.count())]
    answer = next(t for t in texts if t.startswith("You:"))
    assert not any(word in answer for word in ("Exploration", "Interview", "Neutral"))


@pytest.mark.frameshift(voice=False, listen=False)
def test_a_long_line_at_large_text_fits_its_card(frameshift_app: FrameshiftDriver) -> None:
    """At text size 1.5 on a 1280x800 window, a long line steps down the type scale: the card
    shows all of it and takes at most about a third of the screen."""
    from app.ui.theme import apply_theme

    app = frameshift_app
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    apply_theme(qapp, "light", 1.5)
    try:
        app.window.resize(1280, 800)
        app.start("alumni-call")
        view = app.window.conversation
        long_line = " ".join(["That is a long story, and I will tell you all of it."] * 6)
        view.show_manager_line(long_line, 99)
        app.qtbot.wait(50)
        caption = view.caption
        assert caption.property("fit") in ("smaller", "smallest")
        assert caption.heightForWidth(caption.width()) <= caption.height() + 2
        assert caption.height() <= view.height() * 0.4
    finally:
        apply_theme(qapp, "light", 1.0)


@pytest.mark.parametrize("notices", [1, 2, 3])
def test_a_notice_keeps_the_newest_bubble_in_view(
    frameshift_app: FrameshiftDriver, notices: int
) -> None:
    """A banner appearing (or going) over a long exchange takes room from it; the newest bubble
    stays whole in view, at every length of exchange."""
    app = frameshift_app
    app.window.resize(1000, 640)
    app.start("alumni-call")
    view = app.window.conversation
    answers = ["Mostly reporting, a bit of modelling. What does your team work on?"] * 4
    for n, answer in enumerate(answers):
        app.answer(answer)
        for k in range(notices):
            view.show_notice(f"Notice {n}.{k}: a sentence about this moment, long enough to wrap.")
            app.qtbot.wait(30)
            t = view.transcript
            shown = [r for r in range(t.count()) if not t.isRowHidden(r)]
            rect = t.visualItemRect(t.item(shown[-1]))
            port = view.transcript.viewport().rect()
            assert port.contains(rect.bottomLeft()), (n, k, rect, port)
        view.clear_notice()
