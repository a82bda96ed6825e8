"""How the voice ends before a pause: the sound side of end of turn. Plain numpy, no Qt.

Words cannot tell "I am not sure. | [pause] ... whether I fit" from a finished "I am not sure."
The voice can: a speaker who is done ends a statement on a final fall (the pitch drops to the low
part of their range over the last syllable) and slows down and fades out on it (final
lengthening, energy decay); one who will go on holds the pitch level or lets it rise
(continuation prosody). :func:`ending` measures that over the last voiced stretch before the pause:
the pitch (F0, by YIN on 40 ms frames every 10 ms, 60-400 Hz) of that stretch against the
speaker's own median pitch in the answer so far, the fall over the stretch, and how the energy
decays over its last syllable. :attr:`Ending.continues` is the verdict
:meth:`app.speech.vad.Vad.hint_text` weighs where the words alone say "finished".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.speech.audio import AudioClip

RATE = 16_000
FRAME = 640  # 40 ms: two periods of a 50 Hz voice
HOP = 160  # 10 ms
F0_MIN, F0_MAX = 60.0, 400.0
YIN_THRESHOLD = 0.2
#: The last voiced audio looked at, ending where the voice stops before the pause.
LOOK_MS = 400
#: The last part of it whose pitch is the "end" (about the last syllable's nucleus).
END_MS = 120
#: The answer so far is measured for the speaker's own median pitch over at most this much.
REFERENCE_S = 6.0


@dataclass(frozen=True)
class Ending:
    """How the voice ended before a pause. Semitones are against the speaker's median pitch in
    the answer so far (``end_st`` -3: the end is three semitones below their usual pitch)."""

    end_st: float  # pitch over the last END_MS of voice
    fall_st: float  # highest pitch in the LOOK_MS stretch minus the end pitch (> 0: it fell)
    decay_db: float  # loudness of the stretch's first half minus its last END_MS (> 0: faded)
    voiced_ms: int  # voiced (pitched) audio found in the stretch
    #: The pitch's trend over the stretch, semitones a second (a line fitted to its pitched
    #: frames: < 0 falling), relative to nothing but the speaker's own voice.
    slope_st_s: float = 0.0

    @property
    def continues(self) -> bool:
        """The voice does not end like a finished statement: its end is not down in the low part
        of the speaker's range, it did not fall from the stretch's high point, and the last
        LOOK_MS do not head down (level, rising, or falling slower than CONTINUE_SLOPE_ST_S).
        False when too little of the stretch had a pitch to tell. Until session 11: the end
        above -1.0 and the fall under 2.0, no trend. Where the words are a sure finished
        sentence (bench/endpointing.py dev: 108 mid-sentence pauses, 211 ends) that caught 60
        pauses and held 50 ends; with the end above -1.25 and the trend (> -6 st/s) it catches
        68 and holds 40: a voice held level a little under its middle goes on, one that ends
        near it on a steady downward trend has finished. The fall test stays (one pause less
        caught on dev): a pitch track that jumps, an octave slip most likely, reads as a steep
        rise (Piper's "... understand the team first": its high point 13 semitones over the
        end, a trend of +14 a second)."""
        if self.voiced_ms < 100:
            return False
        return (
            self.end_st > CONTINUE_END_ST
            and self.fall_st < CONTINUE_FALL_ST
            and self.slope_st_s > CONTINUE_SLOPE_ST_S
        )

    @property
    def falls(self) -> bool:
        """A clear final fall: the end well down in the speaker's range (FALL_END_ST, far past
        what :attr:`continues` asks). :meth:`app.speech.vad.Vad.hint_text` lets words that end a
        sentence, but whose last word Whisper doubts, wait less when the voice says so
        (``VadConfig.text_doubt_fall_ms``). The fall over the last 400 ms (``fall_st``) does not
        tell: eSpeak's ends fall over the whole sentence (dev: 3+ semitones at 3 of 18 doubted
        ends)."""
        if self.voiced_ms < 100:
            return False
        return self.end_st <= FALL_END_ST


#: Thresholds of :attr:`Ending.continues` (chosen on bench/endpointing.py dev only; session 10:
#: end > -1.0 and fall_st < 2.0).
CONTINUE_END_ST = -1.25
CONTINUE_FALL_ST = 2.0
CONTINUE_SLOPE_ST_S = -6.0
#: Threshold of :attr:`Ending.falls` (chosen on bench/endpointing.py dev only: where the quick
#: words doubt a finished sentence, the end is this far under the median at 8 of 18 ends and
#: 1 of 14 mid-sentence pauses).
FALL_END_ST = -3.0


def pitch_track(
    x: npt.NDArray[np.float32],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """YIN pitch (Hz, NaN where unvoiced) and RMS level of each 40 ms frame every 10 ms of 16 kHz
    float samples."""
    lag_max = int(RATE / F0_MIN)
    lag_min = int(RATE / F0_MAX)
    n = (len(x) - FRAME - lag_max) // HOP + 1
    if n <= 0:
        return np.zeros(0), np.zeros(0)
    idx = np.arange(n)[:, None] * HOP
    span = x[idx + np.arange(FRAME + lag_max)[None, :]].astype(np.float64)
    head = span[:, :FRAME]
    # d(tau) = sum (x_j - x_{j+tau})^2 = e0 + e_tau - 2 r(tau), r by FFT.
    size = 1 << int(np.ceil(np.log2(FRAME + lag_max + FRAME)))
    spec_a = np.fft.rfft(span, size)
    spec_b = np.fft.rfft(head[:, ::-1], size)
    corr = np.fft.irfft(spec_a * spec_b, size)[:, FRAME - 1 : FRAME - 1 + lag_max + 1]
    sq = np.concatenate([np.zeros((n, 1)), np.cumsum(span**2, axis=1)], axis=1)
    e0 = sq[:, FRAME]
    taus = np.arange(lag_max + 1)
    e_tau = sq[:, taus + FRAME] - sq[:, taus]
    d = e0[:, None] + e_tau - 2 * corr
    d[:, 0] = 0.0
    cum = np.cumsum(d[:, 1:], axis=1) / np.arange(1, lag_max + 1)
    cmnd = np.ones_like(d)
    cmnd[:, 1:] = d[:, 1:] / np.maximum(cum, 1e-12)
    level = np.sqrt((head**2).mean(axis=1))
    f0 = np.full(n, np.nan)
    below = cmnd[:, lag_min:] < YIN_THRESHOLD
    has = below.any(axis=1)
    for i in np.flatnonzero(has):
        tau = lag_min + int(np.argmax(below[i]))
        while tau + 1 <= lag_max and cmnd[i, tau + 1] < cmnd[i, tau]:
            tau += 1  # down to the dip's bottom
        if 1 <= tau < lag_max:  # parabolic refinement
            a, b, c = cmnd[i, tau - 1], cmnd[i, tau], cmnd[i, tau + 1]
            den = a - 2 * b + c
            shift = 0.5 * (a - c) / den if den > 1e-12 else 0.0
        else:
            shift = 0.0
        f0[i] = RATE / (tau + shift)
    return f0, level


def ending(clip: AudioClip) -> Ending | None:
    """How the voice ended in ``clip`` (the answer so far, its pause at the end); None when there
    is too little voice to tell."""
    x = clip.to_float() if clip.sample_rate == RATE else clip.resampled(RATE).to_float()
    x = x[-int(REFERENCE_S * RATE) :]
    f0, level = pitch_track(x)
    if not len(f0):
        return None
    loud = level > max(level.max() * 0.03, 1e-4)
    voiced = loud & ~np.isnan(f0)
    if voiced.sum() < 10:
        return None
    where = np.flatnonzero(voiced)
    last = int(where[-1])  # the last pitched frame: a final unvoiced consonant has no pitch
    in_look = where[where > last - LOOK_MS // 10]
    if len(in_look) < 5:
        return Ending(0.0, 0.0, 0.0, len(in_look) * 10)
    semis = 12 * np.log2(f0 / np.nanmedian(f0[voiced]))
    end_frames = in_look[-(END_MS // 10) :]  # the last END_MS of pitched audio
    end_st = float(np.median(semis[end_frames]))
    # The stretch's high point, robust to one octave error: its 90th percentile.
    high = float(np.percentile(semis[in_look], 90))
    first_half = in_look[: len(in_look) // 2]
    decay = 20 * np.log10(
        max(float(level[first_half].mean()), 1e-6) / max(float(level[end_frames].mean()), 1e-6)
    )
    slope = float(np.polyfit(in_look * (HOP / RATE), semis[in_look], 1)[0])
    return Ending(end_st, high - end_st, float(decay), len(in_look) * 10, slope)
