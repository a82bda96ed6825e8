"""Opening the store for a run: recover from corruption, explain everything else."""

from __future__ import annotations

import contextlib

from app.config import Settings
from app.session.recordings import Recordings
from app.store import NoSuchSession, Store, StoreError, folder_problem


def open_store(settings: Settings) -> tuple[Store | None, list[str]]:
    """The store, or None with a sentence saying why history is off for this run.

    A corrupt file is moved aside (kept, never deleted) and a fresh one started. Sessions left
    "active" by a crash are marked interrupted so they can be reviewed.
    """
    notices: list[str] = []
    try:
        store, message = Store.open_or_recover(settings.database_path)
    except StoreError as exc:
        return None, [f"{exc.message} {exc.hint}".strip()]
    if message:
        notices.append(message)
    # SQLite may open a history it cannot write (a read-only mount): say so now, by cause,
    # rather than at the first refused write or the end of a rehearsal.
    problem = folder_problem(settings.data_dir)
    said = f"{problem.message} {problem.hint}".strip() if problem is not None else ""
    if said and said not in notices:
        notices.append(said)
    try:
        interrupted = store.mark_interrupted()
    except StoreError as exc:
        if f"{exc.message} {exc.hint}".strip() not in notices:
            notices.append(f"{exc.message} {exc.hint}".strip())
        interrupted = 0
    with contextlib.suppress(StoreError):  # the sweep runs again at the next start
        Recordings(settings.data_dir).remove_orphans(store.session_ids())
    if interrupted:
        notices.append(
            f"{interrupted} conversation{'s were' if interrupted != 1 else ' was'} interrupted "
            "last time; everything said before that was kept. Open History to review it."
        )
    return store, notices


def delete_session(store: Store, settings: Settings, session_id: int) -> None:
    """Delete a session's rows and its recordings (raises StoreError, e.g. no such session).

    Recordings left by a delete that was killed half-way (rows gone, files not) are removed
    too, so a session's audio can always be deleted by its id.
    """
    recordings = Recordings(settings.data_dir)
    recordings.mark_deleting(session_id)
    try:
        paths = store.delete_session(session_id)
    except NoSuchSession:
        if not recordings.folder(session_id).is_dir():
            raise
        paths = []
    except BaseException:
        recordings.unmark_deleting(session_id)
        raise
    recordings.remove(paths, session_id)


def delete_all(store: Store, settings: Settings) -> None:
    """Delete every session and every recording."""
    recordings = Recordings(settings.data_dir)
    recordings.mark_deleting()
    recordings.remove(store.delete_all())
