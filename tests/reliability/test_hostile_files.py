"""Issue 13, classes 12 and 13: hostile scenario *structures* and audio headers that lie.

Each test generates many instances (hypothesis or loops) rather than the one case that was
reported: a scenario file of any shape stops only itself, in bounded time; a WAV whose header
lies in any field is read or refused with a sentence, in bounded time and memory.
"""

from __future__ import annotations

import io
import shutil
import struct
import time
import wave
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.main import main
from app.dialogue import load_scenarios
from app.dialogue.yaml_loader import MAX_BYTES, MAX_DEPTH
from app.speech import AudioClip, SpeechError

REPO = Path(__file__).resolve().parents[2]
GOOD = REPO / "dialogues" / "connector-intro.yaml"
FAST = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# -- class 12: scenario structures ------------------------------------------------------------
def _nested(depth: int, kind: str) -> str:
    if kind == "flow-list":
        return "[" * depth + "]" * depth
    if kind == "flow-map":
        return "a: " + "{b: " * depth + "1" + "}" * depth
    if kind == "block":
        return "".join(f"{'  ' * i}k{i}:\n" for i in range(depth)) + "  " * depth + "v\n"
    if kind == "anchors":  # each level doubles the previous: a billion laughs
        lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, depth)]
        return "\n".join(lines) + "\n"
    if kind == "wide":
        return "".join(f"k{i}: {i}\n" for i in range(depth * 1000))
    return "- " * depth + "x\n"  # block sequence nesting


STRUCTURES = ["flow-list", "flow-map", "block", "anchors", "wide", "dash"]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(STRUCTURES), st.integers(min_value=1, max_value=20_000))
def test_any_structure_stops_only_its_own_file(
    tmp_path_factory: pytest.TempPathFactory, kind: str, depth: int
) -> None:
    """Generated: nesting of every YAML form at any depth, alias bombs, very wide files; the
    shipped scenario beside it still loads and the hostile one is a named problem."""
    folder = tmp_path_factory.mktemp("dialogues")
    shutil.copy(GOOD, folder / GOOD.name)
    text = _nested(min(depth, 200) if kind in ("anchors", "wide") else depth, kind)
    (folder / "hostile.yaml").write_text(text[: MAX_BYTES * 2])
    started = time.monotonic()
    scenarios, problems = load_scenarios([folder])
    assert time.monotonic() - started < 10
    assert [s.id for s in scenarios] == ["connector-intro"]
    assert all(p.file.endswith("hostile.yaml") for p in problems)
    assert problems


def test_depth_and_size_bounds_are_named(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5))
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * MAX_BYTES)
    _, problems = load_scenarios([tmp_path])
    text = " ".join(p.message for p in problems)
    assert f"nested more than {MAX_DEPTH} levels deep" in text
    assert f"larger than {MAX_BYTES} bytes" in text


@pytest.mark.parametrize("command", [["scenarios"], ["validate"], ["play", "connector-intro"]])
def test_one_hostile_user_file_does_not_stop_any_command(
    tmp_path: Path, command: list[str]
) -> None:
    """The reported case through the command line: a 10,000-deep list among the user's own
    scenarios; every command still works with the others."""
    user = tmp_path / "data" / "dialogues"
    user.mkdir(parents=True)
    (user / "deep.yaml").write_text("[" * 10_000 + "]" * 10_000)
    argv = [*command, "--data-dir", str(tmp_path / "data")]
    if command[0] == "play":
        argv += ["--answer", "Hello"]
    code, out, err = _cli(*argv)
    assert "Traceback" not in err
    assert "went wrong inside" not in err
    if command[0] == "validate":
        assert code == 2
        assert "nested more than" in out
    else:
        assert code == 0, err


def test_a_fifo_among_the_scenario_paths_does_not_block(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    code, out, _ = _cli("validate", str(fifo), str(GOOD))
    assert time.monotonic() - started < 10
    assert code == 2
    assert "not a regular file" in out


# -- class 13: WAV headers that lie ------------------------------------------------------------
def _wav_bytes(
    *,
    tag: int = 1,
    channels: int = 1,
    rate: int = 16_000,
    bits: int = 16,
    frames: int = 1600,
    data_len: int | None = None,
    riff_len: int | None = None,
    fmt_len: int = 16,
    extensible_sub: int | None = None,
) -> bytes:
    sample_bytes = max(1, bits // 8)
    data = (np.sin(np.arange(frames * channels) / 5.0) * 0.3).astype(np.float32)
    if tag == 3:
        payload = data.astype("<f4" if bits == 32 else "<f8").tobytes()
    else:
        payload = (data * (2 ** (8 * sample_bytes - 1) - 1)).astype("<i8").tobytes()
        payload = b"".join(payload[i : i + sample_bytes] for i in range(0, len(payload), 8))
    fmt_tag = 0xFFFE if extensible_sub is not None else tag
    fmt = struct.pack(
        "<HHIIHH",
        fmt_tag,
        channels,
        rate,
        (rate * channels * sample_bytes) & 0xFFFFFFFF,
        (channels * sample_bytes) & 0xFFFF,
        bits,
    )
    if extensible_sub is not None:
        fmt += struct.pack("<HHI", 22, bits, 0) + struct.pack("<H", extensible_sub) + b"\0" * 14
        fmt_len = len(fmt)
    fmt = fmt[:fmt_len].ljust(fmt_len, b"\0")
    body = (
        b"WAVE"
        + b"fmt "
        + struct.pack("<I", fmt_len)
        + fmt
        + b"data"
        + struct.pack("<I", len(payload) if data_len is None else data_len)
        + payload
    )
    return b"RIFF" + struct.pack("<I", len(body) if riff_len is None else riff_len) + body


U32 = st.integers(min_value=0, max_value=2**32 - 1)
U16 = st.integers(min_value=0, max_value=2**16 - 1)


@FAST
@given(
    tag=st.one_of(st.sampled_from([1, 3]), U16),
    channels=st.one_of(st.integers(1, 4), U16),
    rate=st.one_of(st.sampled_from([8000, 16000, 44100, 48000]), U32),
    bits=st.one_of(st.sampled_from([8, 16, 24, 32, 64]), U16),
    data_len=st.one_of(st.none(), U32),
    riff_len=st.one_of(st.none(), U32),
    fmt_len=st.sampled_from([0, 2, 14, 16, 18, 40]),
    cut=st.one_of(st.none(), st.integers(0, 4000)),
)
def test_any_lying_header_is_read_or_refused_with_a_sentence(
    tmp_path_factory: pytest.TempPathFactory,
    tag: int,
    channels: int,
    rate: int,
    bits: int,
    data_len: int | None,
    riff_len: int | None,
    fmt_len: int,
    cut: int | None,
) -> None:
    """Generated: every header field (format, channels, rate, width, lengths) any value, and
    the file cut anywhere: a clip or a SpeechError, within seconds, never another exception."""
    raw = _wav_bytes(
        tag=tag,
        channels=channels,
        rate=rate,
        bits=bits if bits in (8, 16, 24, 32, 64) else 16,
        frames=400 if channels <= 4 else 2,
        data_len=data_len,
        riff_len=riff_len,
        fmt_len=fmt_len,
    )
    if bits not in (8, 16, 24, 32, 64):  # lie about the width only in the header
        raw = raw[:34] + struct.pack("<H", bits) + raw[36:]
    if cut is not None:
        raw = raw[:cut]
    path = tmp_path_factory.mktemp("wav") / "lying.wav"
    path.write_bytes(raw)
    started = time.monotonic()
    refusal = ""
    try:
        clip = AudioClip.from_wav(path, max_seconds=30)
    except SpeechError as exc:
        refusal = str(exc)
    else:
        assert clip.duration_s <= 31
    assert time.monotonic() - started < 5
    assert "\n" not in refusal


@pytest.mark.parametrize(
    ("tag", "bits", "sub"),
    [
        (3, 32, None),
        (3, 64, None),
        (1, 24, None),
        (1, 32, None),
        (1, 24, 1),
        (1, 16, 1),
        (1, 32, 3),
    ],
)
def test_float_24_bit_and_extensible_wavs_are_converted(
    tmp_path: Path, tag: int, bits: int, sub: int | None
) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(
        _wav_bytes(tag=tag if sub is None else sub, bits=bits, frames=16000, extensible_sub=sub)
    )
    clip = AudioClip.from_wav(path)
    assert clip.sample_rate == 16_000
    assert abs(clip.duration_s - 1.0) < 0.01
    assert 0.15 < np.abs(clip.samples.astype(np.float32) / 32768).max() < 0.35


def test_over_long_and_non_regular_wavs_are_refused_without_blocking(tmp_path: Path) -> None:
    import os

    long = tmp_path / "long.wav"
    with wave.open(str(long), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000 * 40)
    with pytest.raises(SpeechError, match="40 s long; at most 30 s"):
        AudioClip.from_wav(long, max_seconds=30)
    fifo = tmp_path / "pipe.wav"
    os.mkfifo(fifo)
    started = time.monotonic()
    for bad in (fifo, tmp_path, Path("/dev/zero")):
        with pytest.raises(SpeechError, match=r"not a regular file|is a folder"):
            AudioClip.from_wav(bad)
    assert time.monotonic() - started < 2


def test_one_hostile_user_file_does_not_stop_the_window(qtbot: object, tmp_path: Path) -> None:
    """The window side of class 12: the picker lists every good scenario (it used to stay on
    "Loading scenarios…") and names the broken file."""
    from app.testing.driver import make_driver

    data = tmp_path / "data"
    (data / "dialogues").mkdir(parents=True)
    (data / "dialogues" / "deep.yaml").write_text("[" * 10_000 + "]" * 10_000)
    app = make_driver(qtbot, data, voice=False, listen=False)
    try:
        ids = {s.id for s in app.window.scenarios}
        assert {"connector-intro", "alumni-call"} <= ids
        line = app.start("connector-intro")
        assert line
    finally:
        app.close()
