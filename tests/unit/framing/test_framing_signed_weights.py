"""The encoder's weights run as int8 on CPUs that multiply them exactly (`encoder.signed_weights`).

The shipped parts store every MatMulInteger weight as uint8 with zero point 128, so that every
CPU computes the same integers. On a CPU with VNNI or AMX the same values handed over as int8
(zero point 0) run onnxruntime's u8 x s8 kernels, about twice as fast, and must give bit-identical
token states, vectors and so frames: these tests hold that over the corpus's own texts."""

from __future__ import annotations

import functools
import itertools
import json
import random

import numpy as np
import pytest

from app.framing.encoder import (
    MODEL_DIR,
    PART_FILES,
    TOKENIZER_FILE,
    SentenceEncoder,
    _fields,
    shared_encoder,
    signed_kernels_exact,
    signed_weights,
)
from tests.unit.framing.framing_helpers import DATA

EXACT = signed_kernels_exact()
needs_exact = pytest.mark.skipif(
    not EXACT,
    reason="this CPU's u8 x s8 kernels are not exact (no VNNI/AMX): weights run as stored",
)


@functools.cache
def _encoders() -> tuple[SentenceEncoder, SentenceEncoder]:
    """The shipped parts run as stored (uint8) and as int8, side by side."""
    stored = SentenceEncoder(MODEL_DIR, MODEL_DIR / TOKENIZER_FILE, signed=False)
    signed = SentenceEncoder(MODEL_DIR, MODEL_DIR / TOKENIZER_FILE, signed=True)
    return stored, signed


@functools.cache
def _corpus_texts() -> list[str]:
    texts: set[str] = set()
    for path in sorted(DATA.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict):
                texts.update(row[k] for k in ("answer", "manager") if isinstance(row.get(k), str))
    return sorted(texts)


def _tensors(model: bytes) -> dict[str, tuple[int, int, int]]:
    """Each initializer's name -> (its data type, where its raw bytes start and end)."""
    buf = bytearray(model)
    graph = next(f for f in _fields(buf, 0, len(buf)) if f[0] == 7)
    out = {}
    for number, start, end, _ in _fields(buf, graph[1], graph[2]):
        if number == 5:
            name, kind, raw = "", -1, (-1, -1)
            for field, begin, after, value in _fields(buf, start, end):
                if field == 8:
                    name = buf[begin:after].decode()
                elif field == 2:
                    kind = value
                elif field == 9:
                    raw = (begin, after)
            out[name] = (kind, *raw)
    return out


@pytest.mark.parametrize("part", sorted(PART_FILES))
def test_only_the_weights_type_and_top_bit_change(part: str) -> None:
    """Byte for byte: the int8 model is the stored one with each MatMulInteger weight and zero
    point flipped from uint8 (type 2) to int8 (type 3) and every byte's top bit flipped (v - 128);
    nothing else, no length, changes."""
    stored = (MODEL_DIR / PART_FILES[part]).read_bytes()
    signed = signed_weights(stored)
    assert signed is not None
    assert len(signed) == len(stored)
    before, after = _tensors(stored), _tensors(signed)
    flipped = {name for name in before if before[name][0] != after[name][0]}
    assert flipped
    assert all(before[n][0] == 2 and after[n][0] == 3 for n in flipped)
    a, b = np.frombuffer(stored, np.uint8), np.frombuffer(signed, np.uint8)
    expected = a.copy()
    for name in flipped:
        _, start, end = before[name]
        expected[start:end] ^= 0x80
    differ = np.flatnonzero(expected != b)
    assert len(differ) == len(flipped)  # the one type byte of each flipped tensor
    zero = [n for n in flipped if not b[before[n][1] : before[n][2]].any()]
    assert len(zero) == len(flipped) // 2  # each weight's zero point, 0 now
    largest = max(before, key=lambda n: before[n][2] - before[n][1])
    assert (largest in flipped) is (part != "lower")  # the word embeddings stay as stored


@pytest.mark.parametrize("seed", range(12))
def test_a_zero_point_not_128_leaves_the_model_as_stored(seed: int) -> None:
    """Anything unlike what the build writes (here: one zero point moved) runs as stored."""
    part = sorted(PART_FILES)[seed % len(PART_FILES)]
    stored = bytearray((MODEL_DIR / PART_FILES[part]).read_bytes())
    tensors = _tensors(bytes(stored))
    points = sorted(
        n for n, (kind, s, e) in tensors.items() if kind == 2 and set(stored[s:e]) == {128}
    )
    rng = random.Random(seed)
    _kind, start, end = tensors[rng.choice(points)]
    stored[rng.randrange(start, end)] = rng.choice([0, 1, 127, 129, 255])
    assert signed_weights(bytes(stored)) is None


FLAGS = ("avx2", "avx512bw", "avx512_vnni", "avx_vnni", "amx_int8", "amx_tile", "sse4_1")


@pytest.mark.parametrize("combo", range(2 ** len(FLAGS)))
def test_signed_kernels_are_chosen_only_where_they_are_exact(combo: int) -> None:
    """MLAS's u8 x s8 kernels: AVX-512 VNNI and AMX exact; AVX-VNNI exact unless AVX-512 BW
    picks the AVX-512 core kernel; AVX2 and AVX-512 core sum into saturating int16."""
    flags = frozenset(f for i, f in enumerate(FLAGS) if combo >> i & 1)
    exact = (
        "avx512_vnni" in flags
        or "amx_int8" in flags
        or ("avx_vnni" in flags and "avx512bw" not in flags)
    )
    assert signed_kernels_exact(flags) is exact


def test_the_shared_encoder_runs_int8_weights_exactly_where_that_is_exact() -> None:
    encoder = shared_encoder()
    assert encoder is not None
    expected = set(PART_FILES) if EXACT else set()
    assert encoder.signed_parts == expected


def test_the_stored_run_is_what_it_was() -> None:
    stored, _ = _encoders()
    assert stored.signed_parts == set()


@needs_exact
@pytest.mark.parametrize("seed", range(12))
def test_int8_weights_give_bit_identical_token_states(seed: int) -> None:
    """Corpus texts (one in 480, a different share per seed: ~360 in all) and a generated long
    one per seed: general and framing token states, and batched vectors, equal to the last bit.
    (All 14,541 texts of tests/data/framing were compared once when this was written.)"""
    stored, signed = _encoders()
    texts = _corpus_texts()[seed :: 12 * 40]
    rng = random.Random(seed)
    words = list(itertools.islice(itertools.cycle(" ".join(texts).split()), 4000))
    texts.append(" ".join(rng.choice(words) for _ in range(rng.randint(30, 400))))
    for text in texts:
        for framing in (False, True):
            a = stored.token_states(text, framing=framing)
            b = signed.token_states(text, framing=framing)
            assert a.spans == b.spans
            assert a.gap == b.gap
            assert np.array_equal(a.states, b.states), (text, framing)
    for framing in (False, True):
        assert np.array_equal(stored.embed(texts, framing), signed.embed(texts, framing))
