"""The session layer: one rehearsal, turn by turn, from the answer to the stored row.

`Conversation` is plain Python (the window-less `play` command uses it alone) and owns each turn;
`Recordings` alone knows where audio files live; `Rehearsal`, the Qt adapter that adds speech,
signals and an explicit `Phase`, is imported on first use so the command line stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.session.conversation import (
    Conversation,
    ResumeError,
    ResumePoint,
    TurnData,
    resume_point,
)
from app.session.recordings import RecordingError, Recordings

if TYPE_CHECKING:
    from app.session.rehearsal import Phase, Rehearsal
    from app.speech.services import SpeechServices

__all__ = [
    "Conversation",
    "Phase",
    "RecordingError",
    "Recordings",
    "Rehearsal",
    "ResumeError",
    "ResumePoint",
    "SpeechServices",
    "TurnData",
    "resume_point",
]


def __getattr__(name: str) -> Any:
    if name in ("Rehearsal", "Phase"):
        from app.session import rehearsal

        return getattr(rehearsal, name)
    if name == "SpeechServices":  # declared in app.speech.services; kept here for old imports
        from app.speech.services import SpeechServices

        return SpeechServices
    raise AttributeError(name)
