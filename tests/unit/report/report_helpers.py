"""A stored session for the report and replay tests: real analysis, real WAVs, hostile text."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

from app.framing import Turn, analyze
from app.store import Store

EVIL = 'Oh nice, what do the pipelines feed into? <script>alert(1)</script> " onmouseover="x'
FIRST_ANSWER = "I came to hear how people here got into data work, um, like, what do you enjoy?"

#: speaker, text, node id, seconds of speech in its WAV (None: typed, no recording)
SCRIPT: list[tuple[str, str, str, float | None]] = [
    ("manager", "Good to meet you, I'm Marcus. So what brings you here tonight?", "hello", 2.0),
    ("seeker", FIRST_ANSWER, None, 6.0),  # type: ignore[list-item]
    (
        "manager",
        "Nice. We have an opening on my team. We build the pipelines for the dashboards.",
        "mentions_role",
        2.0,
    ),
    ("seeker", EVIL, None, None),  # type: ignore[list-item]
    ("manager", "So, are you interested in the position?", "asks_interest", 1.5),
    ("seeker", "Yes!", None, 0.5),  # type: ignore[list-item]
    (
        "manager",
        "Great. Walk me through your experience with data pipelines.",
        "interview_mode",
        2.0,
    ),
    ("seeker", "I have five years of experience leading projects like this one", None, None),  # type: ignore[list-item]
]


def write_wav(path: Path, speech_s: float, *, lead_s: float = 0.8, tail_s: float = 0.6) -> Path:
    """16 kHz mono: silence, a 220 Hz tone standing in for speech, silence."""
    rate = 16_000
    samples = [0] * int(lead_s * rate)
    samples += [
        int(9000 * math.sin(2 * math.pi * 220 * i / rate)) for i in range(int(speech_s * rate))
    ]
    samples += [0] * int(tail_s * rate)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path


def seed_session(
    store: Store,
    data_dir: Path,
    *,
    started_at: float = 1_760_000_000.0,
    parent_session_id: int | None = None,
    retry_from_turn: int | None = None,
    script: list[tuple[str, str, str, float | None]] | None = None,
) -> int:
    """Save a finished connector-intro session whose eager "Yes!" is the shift; its id."""
    script = script or SCRIPT
    analysis = analyze([Turn(speaker, text) for speaker, text, _n, _s in script]).to_dict()  # type: ignore[arg-type]
    sid = store.create_session(
        scenario_id="connector-intro",
        scenario_title="Introduced to a hiring manager at an industry evening",
        persona="Marcus Okafor",
        mode="voice",
        started_at=started_at,
        parent_session_id=parent_session_id,
        retry_from_turn=retry_from_turn,
    )
    for idx, (speaker, text, node, seconds) in enumerate(script):
        audio = None
        if seconds is not None:
            rel = f"audio/{sid}/{idx:03d}-{speaker}.wav"
            write_wav(data_dir / rel, seconds)
            audio = rel
        a = analysis["turns"][idx]
        store.add_turn(
            sid,
            idx=idx,
            speaker=speaker,
            text=text,
            node_id=node,
            frame=a["frame"],
            score=a["score"],
            cues=a["cues"],
            started_at=started_at + idx * 10,
            ended_at=started_at + idx * 10 + 8,
            audio_path=audio,
        )
    store.finish_session(
        sid,
        status="finished",
        ended_at=started_at + len(script) * 10,
        outcome_id="interview",
        outcome_label="Turned into an interview",
        outcome_kind="bad",
        analysis=analysis,
    )
    return sid
