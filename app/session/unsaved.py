"""A conversation the history could not (fully) take: replay it from memory, retry the save,
or export its transcript, so nothing said is lost without the user choosing to lose it.

The window uses these when a rehearsal ends or the window closes with writes still pending
(a full disk, a locked or read-only history, or no history at all this run).
"""

from __future__ import annotations

import json
import time
import weakref
from pathlib import Path

from app.config import Settings
from app.session.conversation import Conversation
from app.session.storage import open_store
from app.store import SessionRecord, Store, StoreError, TurnRecord, folder_problem

#: The id an in-memory replay shows: no stored session has it.
MEMORY_SESSION_ID = 0

#: Conversations whose unsaved turns the user already exported or chose to discard.
_SETTLED: weakref.WeakSet[Conversation] = weakref.WeakSet()


def needs_saving(conv: Conversation) -> bool:
    """True when something said in `conv` is not in the history (and the user has not
    already exported it or chosen to discard it)."""
    if conv in _SETTLED or conv.discarded:  # no answer: nothing of it is to be kept
        return False
    return bool(conv.turns) and (conv.unsaved > 0 or conv.session_id is None)


def mark_settled(conv: Conversation) -> None:
    """The user exported the transcript or chose to discard it: do not ask again."""
    _SETTLED.add(conv)


def memory_records(conv: Conversation) -> tuple[SessionRecord, list[TurnRecord]]:
    """The conversation as the store's records, built in memory (for the replay screen)."""
    analysis = conv.analysis
    outcome = conv.outcome if conv.reached_end else None
    started = conv.turns[0].started_at if conv.turns and conv.turns[0].started_at else time.time()
    ended = max((t.ended_at or t.started_at or started) for t in conv.turns) if conv.turns else None
    shift = analysis.shift if analysis is not None else None
    session = SessionRecord(
        id=conv.session_id or MEMORY_SESSION_ID,
        scenario_id=conv.scenario.id,
        scenario_title=conv.scenario.title,
        persona=conv.scenario.persona.name,
        mode=conv.mode,
        started_at=started,
        ended_at=ended,
        outcome_id=outcome.id if outcome else None,
        outcome_label=outcome.label if outcome else None,
        outcome_kind=outcome.kind if outcome else None,
        status=conv.status if conv.status != "active" else "incomplete",
        shift_turn=shift.turn if shift else None,
        shift_cue=shift.cue if shift else None,
        analysis=analysis.to_dict() if analysis is not None else None,
        parent_session_id=None,
        retry_from_turn=None,
        turn_count=len(conv.turns),
    )
    turns = [
        TurnRecord(
            id=t.idx,
            session_id=session.id,
            idx=t.idx,
            speaker=t.speaker,
            node_id=t.node_id,
            text=t.text,
            frame=t.analysis.frame if t.analysis else None,
            score=t.analysis.score if t.analysis else None,
            cues=t.cues_json(),
            started_at=t.started_at,
            ended_at=t.ended_at,
            audio_path=t.audio_path,
            recognizer_ms=t.recognizer_ms,
        )
        for t in conv.turns
    ]
    return session, turns


def transcript_json(conv: Conversation) -> str:
    """The transcript with its framing, as JSON that `frameshift analyze FILE` reads back."""
    analysis = conv.analysis
    return json.dumps(
        {
            "frameshift_transcript": 1,
            "scenario": conv.scenario.id,
            "title": conv.scenario.title,
            "persona": conv.scenario.persona.name,
            "turns": [
                {
                    "speaker": t.speaker,
                    "text": t.text,
                    "frame": t.analysis.frame if t.analysis else None,
                }
                for t in conv.turns
            ],
            "analysis": analysis.to_dict() if analysis is not None else None,
        },
        indent=2,
        ensure_ascii=False,
    )


def save_whole(store: Store, conv: Conversation) -> int:
    """Write a conversation that had no history when it ran: its session, every turn and the
    ending, in one transaction (all or nothing). Returns the new session id."""
    session, turns = memory_records(conv)
    with store.batch():
        sid = store.create_session(
            scenario_id=session.scenario_id,
            scenario_title=session.scenario_title,
            persona=session.persona,
            mode=session.mode,
            started_at=session.started_at,
        )
        for t in turns:
            store.add_turn(
                sid,
                idx=t.idx,
                speaker=t.speaker,
                text=t.text,
                node_id=t.node_id,
                frame=t.frame,
                score=t.score,
                cues=t.cues,
                started_at=t.started_at,
                ended_at=t.ended_at,
                recognizer_ms=t.recognizer_ms,
            )
        store.finish_session(
            sid,
            status=session.status,
            ended_at=session.ended_at or session.started_at,
            outcome_id=session.outcome_id,
            outcome_label=session.outcome_label,
            outcome_kind=session.outcome_kind,
            analysis=session.analysis,
        )
    return sid


def retry_save(conv: Conversation, settings: Settings) -> tuple[bool, str]:
    """One more attempt to put everything in the history: the pending writes of a store that
    refused them, or the whole conversation into a history that could not be opened before.
    Returns (saved, a sentence for the user)."""
    if conv.store is not None:
        if conv.flush():
            return True, "Everything you said is saved."
        if not conv.store.pages_readable():  # no retry can write into damaged pages
            return False, (
                f"The history file {conv.store.path} is damaged, so trying again will not help. "
                "Save the transcript to a file now; the next start keeps the damaged file aside "
                "and starts a fresh history."
            )
        problem = folder_problem(settings.data_dir)  # the cause, in its own sentence
        why = f" {problem.message} {problem.hint}" if problem is not None else ""
        return False, f"{conv.unsaved} write(s) still could not be saved.{why}"
    store, notices = open_store(settings)
    if store is None:
        return False, " ".join(notices) or "The history still cannot be opened."
    try:
        sid = save_whole(store, conv)
    except StoreError as exc:
        store.close()
        return False, f"{exc.message} {exc.hint}".strip()
    conv.session_id = sid
    store.close()
    return True, f"Everything you said is saved (session {sid})."


def export_transcript(conv: Conversation, path: Path) -> Path:
    """Write the transcript JSON to `path` (atomically, never over a link or device)."""
    from app.report import write_atomically

    write_atomically(Path(path), transcript_json(conv))
    return Path(path)
