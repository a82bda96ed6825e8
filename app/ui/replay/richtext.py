"""The replay's rich text, built from a :class:`~app.report.Report` with no Qt involved.

Every function here is pure (a report in, a string of Qt rich text out), so the words the
replay shows are tested without a window. User text is always escaped; the cue words are
highlighted by ``app.report.highlight``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.report.html import marked_cues
from app.ui.frames import frame_style

if TYPE_CHECKING:  # the domain loads after the window's first paint (see main_window)
    from app.report import Report
    from app.report.coaching import Coaching
    from app.store import SessionRecord

__all__ = [
    "CUE_KEY",
    "CUE_WRAP",
    "SHIFT_WRAP",
    "blend",
    "caption_html",
    "coach_html",
    "coaching_at",
    "highlight_turn",
    "marked_cues",
    "metrics_html",
    "position_of",
    "shift_html",
    "speaker_name",
    "summary_text",
    "transcript_html",
    "transcript_key",
    "turn_coaching_html",
]

# The words that set an answer's frame: bold, never underlined. Beside the turn numbers (links)
# an underline read as a link or a spelling mark, and nothing said what it meant; the
# transcript's key (CUE_KEY) says what bold is.
CUE_WRAP = ("<span style='font-weight:700'>", "</span>")
CUE_KEY = "In your answers, <b>bold</b> words are what set their frame"
SHIFT_KEY = "; on pink, the words where it shifted into an interview"
# The words that caused the shift: a light background with dark text, readable in any theme.
SHIFT_WRAP = ("<span style='background-color:#ffd6d2; color:#1d1d1f'><b><u>", "</u></b></span>")


def blend(a: str, b: str, t: float) -> str:
    """Colour ``a`` mixed with ``t`` of colour ``b`` (both ``#rrggbb``), as ``#rrggbb``.

    Qt rich text has no alpha, so a tint over the background is mixed by hand.
    """
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x * (1 - t) + y * t):02x}" for x, y in zip(ca, cb, strict=True))


def speaker_name(report: Report, speaker: str) -> str:
    return "You" if speaker == "seeker" else report.session.persona


def position_of(report: Report | None, turn_index: int) -> int:
    """The list position of the turn whose session index is ``turn_index``."""
    if report is None:
        return turn_index
    for i, t in enumerate(report.turns):
        if t.index == turn_index:
            return i
    return turn_index


def summary_text(session: SessionRecord, report: Report) -> str:
    """One glance: the outcome and whether (and where) it shifted."""
    verdict = report.verdict.glance()
    if session.outcome_label:
        return f"Outcome: {session.outcome_label}. {verdict}"
    return f"{report.outcome_text}. {verdict}"  # how and why it stopped, as the History says


def highlight_turn(
    report: Report, index: int, text: str, cues: Sequence[Any], speaker: str = "seeker"
) -> str:
    """Cue words bold; at the shift, only its words, on a tinted background (and underlined).
    Only the seeker's words are marked: the replay judges how *you* framed the talk, and
    marks in the manager's lines read as words that counted against you (trial 7 G8)."""
    from app.report import highlight

    if speaker != "seeker":
        return highlight(text, (), wrap=CUE_WRAP)
    shift = report.shift
    if shift is None or index != shift.turn:
        return highlight(text, marked_cues(cues), wrap=CUE_WRAP)
    return highlight(text, shift.words, wrap=SHIFT_WRAP)


def shift_html(report: Report) -> str:
    """The shift card: the turn, the one-sentence explanation and the words that caused it."""
    from app.report import html_escape as esc

    shift = report.shift
    if shift is None:
        verdict = report.verdict
        return f"<b>{esc(verdict.headline)}.</b> " + esc(
            verdict.sentence(asked_curious=report.asked_curious)
        )
    turn = next((t for t in report.turns if t.index == shift.turn), None)
    said = highlight_turn(report, turn.index, turn.text, turn.cues) if turn else ""
    verdict = report.verdict
    later = verdict.placed_later(shift.cue)  # an earlier answer read as an interview already
    if later:
        first = verdict.leaned[0]
        later = (
            f"<br>{esc(later)} <a href='turn:{first}'>See "
            f"{esc(report.numbers.name(first).lower())}</a>"
        )
    return (
        f"<b>{report.numbers.name(shift.turn)} — it shifted here.</b> {esc(shift.explanation)}"
        f"<br>You said: “{said}” <a href='turn:{shift.turn}'>Jump there (S)</a>{later}"
    )


def coach_html(report: Report) -> str:
    """ "What you could have said" and the coach's note; empty when the scenario has none."""
    from app.report import html_escape as esc

    shift = report.shift
    if shift is None or not shift.alternative:
        return ""
    note = f"<br>{esc(shift.coach_note)}" if shift.coach_note else ""
    return f"<b>What you could have said:</b> “{esc(shift.alternative)}”{note}"


def coaching_at(report: Report, turn_index: int) -> Coaching | None:
    """The coaching on the seeker's words at this turn (an interview-framed answer), if any."""
    return next((c for c in report.coaching if c.turn == turn_index), None)


def turn_coaching_html(report: Report, turn_index: int) -> str:
    """Coaching for an interview-framed answer other than the shift (the shift card already
    says it): what the words did and what could have been said; empty for any other turn."""
    from app.report import html_escape as esc

    c = coaching_at(report, turn_index)
    if c is None or (report.shift is not None and report.shift.turn == turn_index):
        return ""
    note = f"<br>{esc(c.note)}" if c.note else ""
    return (
        f"<b>{report.numbers.name(turn_index)}:</b> {esc(c.explanation)}"
        f"<br><b>What you could have said:</b> “{esc(c.alternative)}”{note}"
    )


def metrics_html(report: Report) -> str:
    """What the numbers say, each with links to the turns it comes from."""
    from app.report import html_escape as esc

    items = []
    numbers = report.numbers
    for m in report.metrics:
        links = ", ".join(f"<a href='turn:{t}'>answer {numbers.number(t)}</a>" for t in m.turns[:6])
        items.append(f"<li>{esc(m.text)}{' — go to ' + links if links else ''}</li>")
    return "<b>What the numbers say</b><ul>" + "".join(items) + "</ul>"


def caption_html(report: Report, position: int, *, caption_only: bool = False) -> str:
    """The line being played; a caption-only turn says it is there to be read."""
    from app.report import html_escape as esc

    t = report.turns[position]
    who = speaker_name(report, t.speaker)
    text = f"<b>{esc(who)}:</b> {highlight_turn(report, t.index, t.text, t.cues, t.speaker)}"
    if caption_only:
        how = "typed answer" if t.speaker == "seeker" else "no recording"
        text += f" <small>({how}: read it)</small>"
    return text


def transcript_html(report: Report, current: int, now_colour: str) -> str:
    """Every turn with its frame (symbol and word), the shift flagged, the current turn tinted
    with ``now_colour`` and each turn's number a link (``turn:N``)."""
    from app.report import html_escape as esc

    shift_turn = report.shift.turn if report.shift else None
    key = transcript_key(report)  # above the first turn, so turn 1's anchor shows it too
    rows = [f"{anchor(0)}{key}" if key else ""]
    numbers = report.numbers
    for i, t in enumerate(report.turns):
        style = frame_style(t.frame)
        who = speaker_name(report, t.speaker)
        frame = f" &nbsp;<i>{style.symbol} {esc(style.label)}</i>" if t.speaker == "seeker" else ""
        flag = " &nbsp;<b>▲ it shifted here</b>" if t.index == shift_turn else ""
        typed = ""
        if t.speaker == "seeker" and not t.audio_path:
            typed = " &nbsp;<small>(typed)</small>"
        instead = ""
        coaching = coaching_at(report, t.index) if t.speaker == "seeker" else None
        if coaching is not None:
            instead = f"<br><small><i>Instead: “{esc(coaching.alternative)}”</i></small>"
        marker = "▶ " if i == current else ""
        numbered = f"{numbers.name(t.index)}. {who}" if t.speaker == "seeker" else who
        bg = f" bgcolor='{now_colour}'" if i == current else ""
        rows.append(
            f"<tr><td{bg}>{'' if key and i == 0 else anchor(i)}<a href='turn:{t.index}'>"
            f"<b>{marker}{esc(numbered)}</b></a>{frame}{flag}{typed}<br>"
            f"{highlight_turn(report, t.index, t.text, t.cues, t.speaker)}{instead}</td></tr>"
        )
    return "".join(rows[:1]) + (
        "<table width='100%' cellspacing='0' cellpadding='6'>" + "".join(rows[1:]) + "</table>"
    )


def now_words(report: Report, index: int, speaker: str, who: str) -> str:
    """The playback's "where am I": "Answer 2 of 5 · You", or "Dana · before answer 3" (the
    closing line: "after answer 5"); answers counted as everywhere else (`Report.numbers`)."""
    numbers = report.numbers
    total = len(numbers.seeker)
    n = numbers.number(index)
    if speaker == "seeker":
        return f"Answer {n} of {total} · {who}"
    if n > total:
        return f"{who} · after answer {total}" if total else who
    return f"{who} · before answer {n}"


def anchor(position: int) -> str:
    """Where the transcript scrolls to show the turn at ``position`` (``scrollToAnchor``)."""
    return f"<a name='turn-{position}'></a>"


def transcript_key(report: Report) -> str:
    """What the marks in the answers mean, above the transcript; empty when none is marked."""
    marked = any(marked_cues(t.cues) for t in report.turns if t.speaker == "seeker")
    shifted = report.shift is not None and bool(report.shift.words)
    if not (marked or shifted):
        return ""
    return f"<p><small>{CUE_KEY}{SHIFT_KEY if shifted else ''}.</small></p>"
