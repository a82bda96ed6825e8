"""The self-contained HTML report: one file that opens in any browser with no network.

Everything is inline: the style, an SVG timeline, and the session's WAVs as base64 data: URIs.
A Content-Security-Policy forbids scripts and any network fetch, and every piece of user or
scenario text goes through `esc` (html.escape with quote=True), so an answer like
``<script>`` or ``" onmouseover="`` shows as text.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.report.model import Report, TurnView
from app.report.timeline import running_scores
from app.report.verdict import answer_numbers
from app.store.records import recording_file

MAX_EMBED_BYTES = 25_000_000  # beyond this the report would be unwieldy: link the path instead

FRAME_LOOK = {
    "exploration": ("●", "Exploration", "#1b7f6b"),
    "interview": ("■", "Interview", "#b3261e"),
    "neutral": ("–", "Neutral", "#6b6f76"),
}

CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1d1d1f;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}.sub{color:#555;margin-top:0}
section{margin:1.5rem 0}.card{border:2px solid #b3261e;border-radius:8px;padding:1rem}
.card.ok{border-color:#1b7f6b}
ol.turns{list-style:none;padding:0}ol.turns li{padding:.6rem .8rem;margin:.4rem 0;
border-left:6px solid #6b6f76;background:#f6f6f7}
ol.turns li.exploration{border-left-color:#1b7f6b}ol.turns li.interview{border-left-color:#b3261e;
border-left-style:double}ol.turns li.shift{outline:3px solid #b3261e}
.who{font-weight:600}.frame{font-size:.9rem;color:#444;margin-left:.5rem}
mark{background:#fff3b0;font-weight:600;text-decoration:underline}
mark.shift{background:#ffd6d2}
audio{display:block;margin-top:.4rem;width:100%;max-width:28rem}
.typed{font-size:.85rem;color:#555}.coach{font-size:.9rem;color:#333;margin:.3rem 0 0}
svg{width:100%;height:auto;border:1px solid #ddd;border-radius:6px}
"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


#: Cues whose span points at evidence rather than being the words that set the frame: a
#: follow-up's span is the one word it echoes from the manager's line, anywhere in the answer
#: ("Thanks Dana, ..." marked "Dana"; a name, a place, "look"). The question itself is marked
#: as a seeker_question; the echoed word is not marked, in the export or the replay.
UNMARKED_CUES = frozenset({"follow_up_question"})


def marked_cues(cues: Sequence[Any]) -> list[Any]:
    """The cues whose words are marked (all but :data:`UNMARKED_CUES`)."""
    return [c for c in cues if c.get("cue") not in UNMARKED_CUES]


def highlight(
    text: str,
    cues: Sequence[dict[str, Any]],
    css_class: str = "",
    *,
    wrap: tuple[str, str] | None = None,
) -> str:
    """`text` escaped, with each cue's span wrapped in <mark> (overlaps keep the first).

    `wrap` replaces <mark> with other (trusted) markup, e.g. for Qt's rich text, which has none.
    """
    spans = sorted(
        {
            (int(c["start"]), int(c["end"]))
            for c in cues
            if isinstance(c.get("start"), int)
            and isinstance(c.get("end"), int)
            and 0 <= c["start"] < c["end"] <= len(text)
        }
    )
    cls = f' class="{esc(css_class)}"' if css_class else ""
    opening, closing = wrap or (f"<mark{cls}>", "</mark>")
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(esc(text[pos:start]))
        out.append(f"{opening}{esc(text[start:end])}{closing}")
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def timeline_svg(turns: Sequence[TurnView], shift: int | None, width: int = 800) -> str:
    """One mark per turn (shape by frame), the running score as a curve, the shift flagged."""
    height, left, right, top, bottom = 200, 80, 20, 34, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    mid = top + plot_h / 2
    n = len(turns)

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(score: float) -> float:
        return mid - score * plot_h / 2

    scores = running_scores([t.speaker for t in turns], [t.score for t in turns])
    numbers = answer_numbers(turns)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="Framing timeline: one mark per turn, circle exploration, square interview, '
        'dash neutral; the line is the running framing score">',
        "<title>Framing timeline</title>",
        f'<line x1="{left}" y1="{mid}" x2="{width - right}" y2="{mid}" stroke="#999" '
        'stroke-dasharray="4 4"/>',
        f'<text x="6" y="{top + 4}" font-size="12">explore</text>',
        f'<text x="6" y="{top + plot_h}" font-size="12">interview</text>',
    ]
    if n:
        points = " ".join(f"{x(i):.1f},{y(s):.1f}" for i, s in enumerate(scores))
        parts.append(f'<polyline points="{points}" fill="none" stroke="#1d1d1f" stroke-width="2"/>')
    if shift is not None and 0 <= shift < n:
        sx = x(next((i for i, t in enumerate(turns) if t.index == shift), shift))
        parts.append(
            f'<line x1="{sx:.1f}" y1="{top - 20}" x2="{sx:.1f}" y2="{top + plot_h + 6}" '
            'stroke="#b3261e" stroke-width="3"/>'
            f'<path d="M{sx:.1f},{top - 22} l14,5 l-14,5 z" fill="#b3261e"/>'
            f'<text x="{sx + 18:.1f}" y="{top - 10}" font-size="13" font-weight="bold" '
            f'fill="#b3261e">shift: answer {numbers.number(shift)}</text>'
        )
    for i, (t, s) in enumerate(zip(turns, scores, strict=True)):
        _, label, colour = FRAME_LOOK.get(t.frame, FRAME_LOOK["neutral"])
        seeker = t.speaker == "seeker"
        r = 7.0 if seeker else 5.0
        fill = colour if seeker else "#fff"
        common = f'fill="{fill}" stroke="{colour if not seeker else "#1d1d1f"}" stroke-width="2"'
        cx, cy = x(i), y(s)
        n = numbers.number(t.index)
        who = f"Answer {n}" if seeker else f"Their line before answer {n}"
        tip = f"<title>{who}: {esc(label)}</title>"
        if t.frame == "exploration":
            parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r}" {common}>{tip}</circle>')
        elif t.frame == "interview":
            parts.append(
                f'<rect x="{cx - r:.1f}" y="{cy - r:.1f}" width="{2 * r}" height="{2 * r}" '
                f"{common}>{tip}</rect>"
            )
        else:
            parts.append(
                f'<rect x="{cx - r:.1f}" y="{cy - 2:.1f}" width="{2 * r}" height="4" '
                f"{common}>{tip}</rect>"
            )
        if seeker:  # each answer's number, as the replay names it ("Answer N")
            parts.append(
                f'<text x="{cx:.1f}" y="{height - 8}" font-size="11" text-anchor="middle">'
                f"{n}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _audio(report: Report, turn: TurnView) -> str:
    if not turn.audio_path or report.data_dir is None:
        return ""
    path = recording_file(report.data_dir, turn.audio_path)
    if path is None:  # not a recording of this history (or gone): nothing is read
        return ""
    try:
        if path.stat().st_size > MAX_EMBED_BYTES:
            return f'<p class="typed">Recording kept at {esc(path)}</p>'
        data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    except OSError:
        return ""
    n = report.numbers.number(turn.index)
    who = (
        f"Answer {n}: your answer" if turn.speaker == "seeker" else f"Their line before answer {n}"
    )
    return (
        f'<audio controls preload="none" aria-label="{who}" '
        f'src="data:audio/wav;base64,{data}"></audio>'
    )


def _coaching(report: Report, index: int) -> str:
    """The replay's coaching at an interview-framed answer, as the window shows it: why (but
    at the shift, whose card says it) and what could have been said instead."""
    c = next((c for c in report.coaching if c.turn == index), None)
    if c is None:
        return ""
    why = "" if report.shift is not None and report.shift.turn == index else esc(c.explanation)
    return (
        f'<p class="coach">{why + " " if why else ""}<em>Instead: “{esc(c.alternative)}”</em></p>'
    )


def render_html(report: Report) -> str:
    """The whole report as one HTML document."""
    s = report.session
    shift = report.shift
    numbers = report.numbers
    started = dt.datetime.fromtimestamp(s.started_at).strftime("%Y-%m-%d %H:%M")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; media-src data:; img-src data:\">",
        f"<title>Frameshift: {esc(s.scenario_title)} ({esc(started)})</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{esc(s.scenario_title)}</h1>",
        f'<p class="sub">With {esc(s.persona)} · {esc(started)} · '
        f"Outcome: {esc(report.outcome_text)}</p>",
        ""
        if report.finished
        else '<p class="sub" id="unfinished">This conversation was not finished: everything '
        "below covers what was said up to where it stopped.</p>",
        '<section id="timeline"><h2>How the framing moved</h2>',
        timeline_svg(report.turns, shift.turn if shift else None),
        "<p>● exploration · ■ interview · – neutral; filled marks are your answers. "
        "The line is the running framing score: up is mutual exploration, down is interview.</p>",
        "</section>",
    ]
    if shift is not None:
        said = next((t for t in report.turns if t.index == shift.turn), None)
        out += [
            '<section id="shift" class="card"><h2>Where it shifted</h2>',
            f'<p id="shift-explanation"><strong>{numbers.name(shift.turn)}.</strong> '
            f"{esc(shift.explanation)}</p>",
        ]
        if said is not None:
            out.append(f"<p>You said: “{highlight(said.text, shift.words, 'shift')}”</p>")
        later = report.verdict.placed_later(shift.cue)  # why here, not at an earlier answer
        if later:
            first = report.verdict.leaned[0]
            out.append(
                f'<p id="shift-placed">{esc(later)} '
                f'<a href="#turn-{first + 1}">See {numbers.name(first).lower()}</a></p>'
            )
        if shift.alternative:
            out.append(
                f'<p id="coach-alternative"><strong>What you could have said:</strong> '
                f"“{esc(shift.alternative)}”</p>"
            )
        if shift.coach_note:
            out.append(f"<p>{esc(shift.coach_note)}</p>")
        out.append("</section>")
    else:
        verdict = report.verdict
        ok = " ok" if verdict.finished and not verdict.leaned else ""
        out.append(
            f'<section id="shift" class="card{ok}"><h2>{esc(verdict.headline)}</h2>'
            f"<p>{esc(verdict.sentence(asked_curious=report.asked_curious))}</p></section>"
        )
    out.append('<section id="transcript"><h2>Transcript</h2><ol class="turns">')
    for t in report.turns:
        symbol, label, _ = FRAME_LOOK.get(t.frame, FRAME_LOOK["neutral"])
        classes = [t.frame] + (["shift"] if shift and t.index == shift.turn else [])
        who = f"{numbers.name(t.index)}. You" if t.speaker == "seeker" else s.persona
        frame = f'<span class="frame">{symbol} {esc(label)}</span>' if t.speaker == "seeker" else ""
        flag = (
            ' <strong class="frame">▲ the conversation shifted here</strong>'
            if shift and t.index == shift.turn
            else ""
        )
        audio = _audio(report, t)
        if not audio and t.speaker == "seeker":
            audio = '<span class="typed">(typed answer, no recording)</span>'
        cls = "shift" if shift and t.index == shift.turn else ""
        out.append(
            f'<li id="turn-{t.index + 1}" class="{esc(" ".join(classes))}">'
            f'<span class="who">{esc(who)}:</span>{frame}{flag}'
            f"<div>{highlight(t.text, marked_cues(t.cues), cls)}</div>"
            f"{_coaching(report, t.index)}{audio}</li>"
        )
    out.append("</ol></section>")
    out.append('<section id="metrics"><h2>What the numbers say</h2><ul>')
    for m in report.metrics:
        links = "".join(
            f' <a href="#turn-{i + 1}">answer {numbers.number(i)}</a>' for i in m.turns[:6]
        )
        out.append(f"<li>{esc(m.text)}{' · see' + links if links else ''}</li>")
    out.append("</ul></section>")
    out.append(
        "<footer><p>Made with Frameshift, offline. This file contains everything said in "
        "the session, including the recordings.</p></footer></body></html>"
    )
    return "\n".join(out) + "\n"
