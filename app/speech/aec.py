"""Subtract the app's own voice from the microphone: SpeexDSP's acoustic echo canceller.

With open speakers the manager's voice reaches the microphone. The gate (:class:`EchoGate`)
only holds back frames his voice could explain, so a soft first word said under his dying
voice waits for the gate. The app knows exactly what it played (:meth:`EchoReference.stream`
keeps the samples), so it can subtract his voice instead: :class:`EchoCanceller` lines the
played samples up with the capture (the device path's latency, estimated from the data by
cross-correlation while he talks) and runs SpeexDSP's adaptive filter frame by frame, before
the detector; the gate then judges speech against what is left (:attr:`EchoGate.residue` =
:attr:`EchoCanceller.gain`).

Offline (tests/speech/test_aec.py, the simulated room of tests/speech/echo_sim.py) it brings
his voice down 19-26 dB and keeps every generated onset the gate alone loses. Live in session
10 the latency found moved between 16 and 124 ms within a minute and the filter kept starting
over: the reference dropped every gap under 100 ms where the device ran dry (a loaded GUI
thread feeds it late), so the rest of his voice was placed up to 100 ms early. Session 11 keeps
those gaps (:meth:`EchoReference.stream` ``dry``; a live click test with the GUI thread hogged
0-200 ms every 50 ms: the echo path 30-126 ms before, 30-41 ms after), and late reads no longer
move the capture's timing (ANCHOR_LOST_S). Qt's ``processedUSecs()`` is no device clock here
(Qt 6.11, PulseAudio: the sink's is what was written less Qt's buffer, the source's what was
read), so both sides are timed by the monotonic clock at the write/read, which is exact enough
where the stream is continuous.

OFF in the product (``QtMicrophone.echo_canceller``; bench/first_words.py ``--aec both`` turns
it on). Live in session 11 (open speakers, load 16, one paired run of 16 answers) the echo
latency still moved between 32 and 121 ms: the player's device ran dry 678 times in the run
(the GUI thread late), and where it resumes is known only to a chunk, while Qt's buffer running
empty need not mean PulseAudio's did (22 times the stream was off by over 0.1 s); first words
recognized 8 of 16 with the gate alone, 4 of 16 with the canceller. Next: keep the device fed
while he speaks (no underruns, no realignment), or realign the reference after each resume
from the capture itself.

A thin ctypes binding to ``libspeexdsp.so.1`` (Debian ``libspeexdsp1``): no Python callback is
ever handed to C, and everything runs on the caller's thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging
from collections import deque
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from app.speech.echo import EchoReference

log = logging.getLogger(__name__)

RATE = 16_000
#: 10 ms frames, as SpeexDSP recommends.
FRAME = 160
#: The adaptive filter's length: 128 ms of echo tail after the estimated latency.
FILTER_LEN = 2048
#: The reference is fed this much earlier than the estimated latency says, so an estimate a
#: little late (or the room's first reflections) still falls inside the filter.
MARGIN_S = 0.02
#: Latencies looked for, from 0 to this (device buffers, PulseAudio, the room).
MAX_LATENCY_S = 0.8
#: Audio (capture) correlated for one latency estimate.
ESTIMATE_S = 1.0
#: A latency estimate is taken only when the correlation peak stands this high (normalized).
MIN_PEAK = 0.25
#: ... and replaces the one in use at once when it stands this high (else when two agree) ...
SURE_PEAK = 0.6
#: ... if it is this far from it: nearer, the echo still falls well inside the filter (it
#: starts MARGIN_S early and spans 128 ms), which follows it without a new alignment (a move
#: makes the gate hold all of his voice back until the filter shows it has caught up). Speech
#: gives estimates a few ms apart, and each time the device runs dry it resumes up to a chunk
#: (~12 ms) off: at 3 ms (session 10) either moved it again and again.
MOVE_S = 0.012

#: The capture's timing: a read is never early, so the earliest start any read implies is the
#: stream's start, and it moves earlier when a read says so by more than this (each move shifts
#: the echo in the filter) ...
ANCHOR_SNAP_S = 0.004
#: ... and later only when every read of this long (at least ANCHOR_READS of them) puts it
#: later by more than ANCHOR_LOST_S: samples were lost (a GUI stall longer than the capture
#: buffer) or the device started again. Samples that reach the GUI thread late (Qt's capture
#: thread starved on a loaded machine) for less than this long move nothing (until session 11
#: two seconds of them moved the timing by their lateness, and back).
ANCHOR_WINDOW_S = 4.0
ANCHOR_READS = 20
ANCHOR_LOST_S = 0.05
#: The gate counts on the attenuation of all but the worst this many percent of frames.
ERLE_PERCENTILE = 10
#: The gate never assumes less than this share of his voice is left (-30 dB).
MIN_GAIN = 0.03

_SPEEX_ECHO_SET_SAMPLING_RATE = 24


@functools.cache
def _lib() -> ctypes.CDLL | None:
    for name in ("libspeexdsp.so.1", ctypes.util.find_library("speexdsp")):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        vp, i16p = ctypes.c_void_p, ctypes.POINTER(ctypes.c_int16)
        u32p = ctypes.POINTER(ctypes.c_uint32)
        lib.speex_echo_state_init.restype = vp
        lib.speex_echo_state_init.argtypes = [ctypes.c_int, ctypes.c_int]
        lib.speex_echo_state_destroy.argtypes = [vp]
        lib.speex_echo_state_reset.argtypes = [vp]
        lib.speex_echo_ctl.argtypes = [vp, ctypes.c_int, vp]
        lib.speex_echo_cancellation.argtypes = [vp, i16p, i16p, i16p]
        lib.speex_resampler_init.restype = vp
        lib.speex_resampler_init.argtypes = [
            ctypes.c_uint32,
            ctypes.c_uint32,
            ctypes.c_uint32,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_int),
        ]
        lib.speex_resampler_destroy.argtypes = [vp]
        lib.speex_resampler_process_int.argtypes = [vp, ctypes.c_uint32, i16p, u32p, i16p, u32p]
        lib.speex_resampler_get_output_latency.argtypes = [vp]
        return lib
    return None


def available() -> bool:
    """Whether SpeexDSP could be loaded (``libspeexdsp.so.1``)."""
    return _lib() is not None


def missing_notice() -> str:
    return (
        "Echo cancellation is off: libspeexdsp.so.1 (Debian package libspeexdsp1) is missing; "
        "with open speakers an answer said right after the manager may lose its first word."
    )


def _i16(x: npt.NDArray[np.int16]) -> ctypes._Pointer[ctypes.c_int16]:
    return x.ctypes.data_as(ctypes.POINTER(ctypes.c_int16))


class SpeexEcho:
    """One SpeexDSP echo canceller: ``process(rec, play)`` for FRAME-sample int16 frames."""

    _st: int | None = None  # (a half-made object's __del__ finds nothing to free)

    def __init__(self, frame: int = FRAME, filter_len: int = FILTER_LEN, rate: int = RATE):
        lib = _lib()
        if lib is None:
            raise OSError(missing_notice())
        self._lib = lib
        self.frame = frame
        self._st = lib.speex_echo_state_init(frame, filter_len)
        if not self._st:
            raise OSError("speex_echo_state_init failed")
        r = ctypes.c_int(rate)
        lib.speex_echo_ctl(self._st, _SPEEX_ECHO_SET_SAMPLING_RATE, ctypes.byref(r))

    def process(
        self, rec: npt.NDArray[np.int16], play: npt.NDArray[np.int16]
    ) -> npt.NDArray[np.int16]:
        rec = np.ascontiguousarray(rec, np.int16)
        play = np.ascontiguousarray(play, np.int16)
        out = np.empty(self.frame, np.int16)
        self._lib.speex_echo_cancellation(self._st, _i16(rec), _i16(play), _i16(out))
        return out

    def reset(self) -> None:
        self._lib.speex_echo_state_reset(self._st)

    def close(self) -> None:
        if self._st:
            self._lib.speex_echo_state_destroy(self._st)
            self._st = None

    def __del__(self) -> None:
        self.close()


class SpeexResampler:
    """A streaming int16 resampler (SpeexDSP's): blocks in, blocks out, no seams between them."""

    _st: int | None = None

    def __init__(self, src: int, dst: int, quality: int = 5) -> None:
        lib = _lib()
        if lib is None:
            raise OSError(missing_notice())
        self._lib = lib
        err = ctypes.c_int(0)
        self._st = lib.speex_resampler_init(1, src, dst, quality, ctypes.byref(err))
        if not self._st:
            raise OSError(f"speex_resampler_init failed ({err.value})")
        self.src, self.dst = src, dst
        #: output samples the filter delays everything by
        self.latency = int(lib.speex_resampler_get_output_latency(self._st))

    def process(self, x: npt.NDArray[np.int16]) -> npt.NDArray[np.int16]:
        x = np.ascontiguousarray(x, np.int16)
        out = np.empty(len(x) * self.dst // self.src + 16, np.int16)
        n_in, n_out = ctypes.c_uint32(len(x)), ctypes.c_uint32(len(out))
        self._lib.speex_resampler_process_int(
            self._st, 0, _i16(x), ctypes.byref(n_in), _i16(out), ctypes.byref(n_out)
        )
        return out[: n_out.value].copy()

    def close(self) -> None:
        if self._st:
            self._lib.speex_resampler_destroy(self._st)
            self._st = None

    def __del__(self) -> None:
        self.close()


def estimate_latency(
    capture: npt.NDArray[np.number],
    reference: npt.NDArray[np.number],
    max_lag: int,
) -> tuple[int, float]:
    """The lag (samples) at which ``reference`` best explains ``capture``, and how well
    (normalized correlation, 0..1). ``reference`` covers ``max_lag`` samples before the capture
    and the capture's own span: ``reference[max_lag + i]`` was played at capture sample ``i``'s
    time, so lag ``L`` pairs ``capture[i]`` with ``reference[max_lag + i - L]``."""
    n = len(capture)
    c = capture.astype(np.float64)
    r = reference.astype(np.float64)
    size = 1 << int(np.ceil(np.log2(len(r) + n)))
    spec = np.fft.rfft(r, size) * np.conj(np.fft.rfft(c, size))
    full = np.fft.irfft(spec, size)  # full[k] = sum_i r[i + k] c[i]
    ks = max_lag - np.arange(max_lag + 1)  # k = max_lag - L
    corr = full[ks]
    csum = np.concatenate([[0.0], np.cumsum(r * r)])
    energy = csum[ks + n] - csum[ks]
    norm = corr / np.sqrt(np.maximum(energy, 1e-12) * max(float(c @ c), 1e-12))
    lag = int(np.argmax(np.abs(norm)))
    return lag, float(abs(norm[lag]))


class EchoCanceller:
    """The capture stream in, the app's own voice taken out: frame by frame, 10 ms late.

    ``process(samples, now)`` takes what the microphone just delivered (16 kHz int16, read at
    monotonic ``now``) and returns the cleaned audio that is ready (whole 10 ms frames; the
    rest waits for the next call). Capture sample ``i`` is taken to have been heard at
    ``anchor + i / 16 kHz`` (the anchor: the earliest any read says the stream began; later
    only when samples were lost, see ANCHOR_LOST_S; the microphone makes a new canceller when it
    opens the device again), and the
    echo in it was played ``latency_s`` before: estimated by cross-correlation with what the
    player wrote (:meth:`EchoReference.samples`) every second while the reference sounds, kept
    when the correlation stands clear. Until a latency is known the audio passes unchanged (the
    gate holds his voice back meanwhile).
    """

    ESTIMATE_EVERY_S = 0.5

    def __init__(self, reference: EchoReference, *, filter_len: int = FILTER_LEN) -> None:
        self.reference = reference
        self._aec = SpeexEcho(FRAME, filter_len, RATE)
        reference.wants_samples = True
        self._index = 0  # capture samples processed (absolute)
        self._anchor: float | None = None
        self._reads: deque[tuple[float, float]] = deque()  # (read time, stream start it implies)
        #: (time, seconds) of every move of the capture's timing: benches
        self.anchor_moves: deque[tuple[float, float]] = deque(maxlen=100)
        self._pending = np.zeros(0, np.int16)
        keep = int((ESTIMATE_S + 0.1) * RATE)
        self._raw: deque[npt.NDArray[np.int16]] = deque(maxlen=keep // FRAME)
        self._since_estimate = 0
        self._candidate: float | None = None
        #: the device path's latency in use (seconds), None until estimated
        self.latency_s: float | None = None
        #: every estimate taken: (capture time, latency s, correlation peak)
        self.estimates: deque[tuple[float, float, float]] = deque(maxlen=100)
        # How far each 10 ms frame was brought down (dB), over frames where he sounds.
        self._erle: deque[float] = deque(maxlen=200)

    @property
    def erle_db(self) -> float | None:
        """How far his voice was brought down (dB) in all but the worst tenth of the last 2 s of
        frames where he sounds (a percentile, so an answer over his voice, a few frames, does
        not count as residue; not the median, which let his least cancelled frames through), or
        over the last 0.2 s of them if less. None until there are 0.5 s of them (again after
        the latency moved: the filter starts over)."""
        if len(self._erle) < 50:
            return None
        recent = list(self._erle)[-20:]  # the last 0.2 s: a filter thrown off shows at once
        return float(min(np.percentile(self._erle, ERLE_PERCENTILE), np.median(recent)))

    @property
    def gain(self) -> float:
        """How much of his voice is left in the cleaned audio (an amplitude ratio, 1.0 before
        the filter has converged): the microphone scales the gate's echo level by it, so the
        gate holds back only what the canceller leaves of him."""
        erle = self.erle_db
        if erle is None or erle <= 0:
            return 1.0
        return float(max(MIN_GAIN, 10 ** (-erle / 20)))

    def process(self, samples: npt.NDArray[np.int16], now: float) -> npt.NDArray[np.int16]:
        samples = samples.astype(np.int16, copy=False)
        total = self._index + len(self._pending) + len(samples)
        # A read is never early: the earliest any read says the stream began is when it began,
        # unless every recent read says it began clearly later (samples were lost).
        self._reads.append((now, now - total / RATE))
        while self._reads and self._reads[0][0] < now - ANCHOR_WINDOW_S:
            self._reads.popleft()
        earliest = min(c for _t, c in self._reads)
        if self._anchor is None:
            self._anchor = earliest
        elif self._anchor - earliest > ANCHOR_SNAP_S or (
            earliest - self._anchor > ANCHOR_LOST_S and len(self._reads) >= ANCHOR_READS
        ):
            self.anchor_moves.append((now, earliest - self._anchor))
            self._anchor = earliest
        x = np.concatenate([self._pending, samples]) if len(self._pending) else samples
        n = len(x) // FRAME
        out = np.empty(n * FRAME, np.int16)
        for k in range(n):
            frame = x[k * FRAME : (k + 1) * FRAME]
            out[k * FRAME : (k + 1) * FRAME] = self._frame(frame)
        self._pending = x[n * FRAME :].copy()
        return out

    def _frame(self, frame: npt.NDArray[np.int16]) -> npt.NDArray[np.int16]:
        assert self._anchor is not None
        at = self._anchor + self._index / RATE  # when this frame was heard
        self._index += FRAME
        self._raw.append(frame.copy())
        self._since_estimate += FRAME
        if self._since_estimate >= self.ESTIMATE_EVERY_S * RATE:
            self._since_estimate = 0
            self._estimate(at + FRAME / RATE)
        if self.latency_s is None or not self.reference.streaming:
            return frame
        play = self.reference.samples(at - self.latency_s + MARGIN_S, FRAME)
        echo_ref = self.reference.samples(at - self.latency_s, FRAME)
        out = self._aec.process(frame, play)
        if np.abs(echo_ref).max(initial=0) > 300:
            f, o = frame.astype(np.float64), out.astype(np.float64)
            e_in, e_out = float(f @ f), float(o @ o)
            if e_in > FRAME * 30**2:  # above -60 dBFS: something to measure
                self._erle.append(10 * np.log10(e_in / max(e_out, 1.0)))
        return out

    def _estimate(self, end: float) -> None:
        """Look for the latency in the last ESTIMATE_S of capture (if the reference sounded)."""
        if not self.reference.streaming or len(self._raw) * FRAME < ESTIMATE_S * RATE:
            return
        capture = np.concatenate(list(self._raw))[-int(ESTIMATE_S * RATE) :]
        max_lag = int(MAX_LATENCY_S * RATE)
        start = end - len(capture) / RATE
        ref = self.reference.samples(start - MAX_LATENCY_S, max_lag + len(capture))
        loud = ref.astype(np.float64)
        if float(np.sqrt(np.mean(loud**2))) < 100 or float(np.abs(capture).max()) < 100:
            return
        lag, peak = estimate_latency(capture, ref, max_lag)
        self.estimates.append((end, lag / RATE, peak))
        if peak < MIN_PEAK:
            return
        latency = lag / RATE
        off = abs(latency - self.latency_s) if self.latency_s is not None else 1.0
        if off > MOVE_S and (self.latency_s is None or peak >= SURE_PEAK):
            self._move(latency)
        elif off > MOVE_S:
            if self._candidate is not None and abs(latency - self._candidate) <= MOVE_S:
                self._move(latency)
            else:
                self._candidate = latency
        else:
            self._candidate = None

    def _move(self, latency: float) -> None:
        """Use ``latency`` from now on; the gate holds all of his voice back again until the
        filter shows it has caught up (its taps were for the old alignment)."""
        self.latency_s = latency
        self._candidate = None
        self._erle.clear()

    def close(self) -> None:
        self._aec.close()
