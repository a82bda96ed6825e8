"""The question asked when the window is closed in the middle of a conversation."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.ui.draft_prompt import shortened
from app.ui.plain import literal

PROMPT_NAME = "closePrompt"
#: Closing while the draft row keeps the words of a talk that ended by itself.
KEPT_QUESTION = "Close Frameshift and let your unsent words go?"
KEPT_DETAIL = (
    "The conversation ended before you sent what you typed: “{draft}”. They are kept only "
    "in the box, so closing lets them go. Copy them first if you want them."
)


def counted(n: int, noun: str) -> str:
    """ "1 answer", "2 answers", "0 turns": a count and its noun, in agreement."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def close_detail(*, answered: int, unsaved: int = 0, draft: str = "") -> str:
    """The prompt's detail: what stays and what goes, every count worded in agreement
    ("1 answer ... is saved; ... review it", "2 answers ... are saved; ... review them")."""
    if unsaved:
        detail = f"{counted(unsaved, 'turn')} could not be saved yet and will be lost."
    elif answered:
        one = answered == 1
        detail = (
            f"Your {counted(answered, 'answer')} so far {'is' if one else 'are'} saved; "
            f"you can review {'it' if one else 'them'} in History."
        )
    else:
        detail = "It stays in History, marked unfinished."
    if draft:
        detail += (
            f"\n\nThe answer you typed and have not sent (“{shortened(draft)}”) is not kept "
            "if you close. Keep rehearsing to send it."
        )
    return detail


def ask_end_conversation(
    parent: QWidget, *, answered: int, unsaved: int = 0, draft: str = ""
) -> bool:
    """True when the user chooses to end the conversation and close; "Keep rehearsing" is
    the default (Enter and Escape both keep the conversation). Words typed and not sent
    (``draft``) are named: closing lets them go, keeping the conversation keeps them."""
    box = QMessageBox(parent)
    box.setObjectName(PROMPT_NAME)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("End this conversation?")
    box.setText("You are in the middle of a conversation. End it and close Frameshift?")
    box.setInformativeText(literal(close_detail(answered=answered, unsaved=unsaved, draft=draft)))
    end = box.addButton("End and close", QMessageBox.ButtonRole.DestructiveRole)
    end.setObjectName("closeEndButton")
    keep = box.addButton("Keep rehearsing", QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("closeKeepButton")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is end


def ask_close_with_kept_words(parent: QWidget, draft: str) -> bool:
    """Closing while a talk that ended by itself keeps unsent words in the box (the draft row's
    "Copy my words"): quote them and offer to copy them. True when the window may close:
    "Copy my words and close" puts the whole text, as typed, on the clipboard first; "Close
    without them" lets them go; "Keep the window open" (the default, Enter and Escape) keeps
    them in the box."""
    box = QMessageBox(parent)
    box.setObjectName(PROMPT_NAME)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Close Frameshift?")
    box.setText(KEPT_QUESTION)
    box.setInformativeText(literal(KEPT_DETAIL.format(draft=shortened(draft))))
    copy = box.addButton("Copy my words and close", QMessageBox.ButtonRole.AcceptRole)
    copy.setObjectName("closeCopyButton")
    drop = box.addButton("Close without them", QMessageBox.ButtonRole.DestructiveRole)
    drop.setObjectName("closeWithoutButton")
    keep = box.addButton("Keep the window open", QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("closeKeepButton")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(draft)
        return True
    return box.clickedButton() is drop
