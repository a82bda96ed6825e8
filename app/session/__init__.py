"""The rehearsal controller: runs one conversation, turn by turn; knows no widget.

`Conversation` is plain Python (the window-less `play` command uses it alone); `Rehearsal`, the
QObject that adds speech and signals, is imported on first use so the command line stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.session.conversation import Conversation, TurnData

if TYPE_CHECKING:
    from app.session.rehearsal import Rehearsal, SpeechServices

__all__ = ["Conversation", "Rehearsal", "SpeechServices", "TurnData"]


def __getattr__(name: str) -> Any:
    if name in ("Rehearsal", "SpeechServices"):
        from app.session import rehearsal

        return getattr(rehearsal, name)
    raise AttributeError(name)
