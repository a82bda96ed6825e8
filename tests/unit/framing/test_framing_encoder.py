"""The bundled sentence encoder: checksums, golden vectors, and the rules-only fallback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from app.framing.encoder import (
    MODEL_DIR,
    EncoderUnavailableError,
    load_encoder,
    shared_encoder,
    verify_files,
)
from tests.unit.framing.framing_helpers import DATA


def test_manifest_lists_every_shipped_file_with_a_matching_checksum() -> None:
    manifest = verify_files(MODEL_DIR)
    shipped = {p.name for p in MODEL_DIR.iterdir() if p.is_file() and p.name != "manifest.json"}
    assert set(manifest["files"]) == shipped


def test_golden_vectors_are_reproduced() -> None:
    golden = json.loads((DATA / "golden_embeddings.json").read_text(encoding="utf-8"))
    encoder = shared_encoder()
    assert encoder is not None
    vectors = encoder.embed(golden["sentences"])
    assert vectors.shape == (len(golden["sentences"]), 384)
    np.testing.assert_allclose(vectors, np.array(golden["vectors"]), atol=2e-4)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_embeddings_carry_meaning() -> None:
    encoder = shared_encoder()
    assert encoder is not None
    a, b, c = encoder.embed(
        [
            "What does a normal day look like for your team?",
            "how do your people usually spend their days",
            "I have ten years of experience in sales.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2


def test_token_states_mean_is_the_sentence_vector_and_spans_index_the_text() -> None:
    encoder = shared_encoder()
    assert encoder is not None
    text = "Honestly, I'm not sure yet — what's the team like?"
    tokens = encoder.token_states(text)
    mean = tokens.states.mean(axis=0)
    np.testing.assert_allclose(mean / np.linalg.norm(mean), encoder.embed([text])[0], atol=1e-5)
    assert len(tokens.spans) == len(tokens.states)
    for start, end in tokens.spans:
        assert 0 <= start <= end <= len(text)


def test_embed_of_nothing_is_an_empty_matrix() -> None:
    encoder = shared_encoder()
    assert encoder is not None
    assert encoder.embed([]).shape == (0, 384)


def test_missing_files_say_so(tmp_path: Path) -> None:
    with pytest.raises(EncoderUnavailableError, match="not installed"):
        load_encoder(tmp_path)


def test_a_damaged_file_fails_its_checksum(tmp_path: Path) -> None:
    for path in MODEL_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    with (tmp_path / "tokenizer.json").open("a", encoding="utf-8") as handle:
        handle.write(" ")
    with pytest.raises(EncoderUnavailableError, match="damaged"):
        load_encoder(tmp_path)


def test_a_missing_model_file_is_named(tmp_path: Path) -> None:
    shutil.copy(MODEL_DIR / "manifest.json", tmp_path / "manifest.json")
    with pytest.raises(EncoderUnavailableError, match="missing"):
        load_encoder(tmp_path)


def _words(draw_seed: int, count: int) -> str:
    import random

    rng = random.Random(draw_seed)
    vocabulary = [
        "I",
        "we",
        "the",
        "team",
        "data",
        "robots",
        "night",
        "shift",
        "question",
        "really",
        "um",
        "like",
        "honestly",
        "how",
        "what",
        "when",
        "analytics",
        "nursing",
        "schedule,",
        "Lumen's",
        "co-op",
        "twenty-four",
        "café",
        "naïve",
        "re-org",
        "2019",
        "ok?",
        "yes!",
        "hmm...",
    ]
    return " ".join(rng.choice(vocabulary) for _ in range(count))


@pytest.mark.parametrize("seed", range(40))
def test_the_general_vectors_read_what_the_published_model_reads(seed: int) -> None:
    """Long or short, `embed` reads the first MAX_TOKENS tokens, as the tokenizer's own
    truncation gives them (dialogue's vectors do not depend on the framing window)."""
    from tokenizers import Tokenizer

    from app.framing.encoder import MAX_CHARS, MAX_TOKENS, TOKENIZER_FILE, window

    reference = Tokenizer.from_file(str(MODEL_DIR / TOKENIZER_FILE))
    reference.enable_truncation(max_length=MAX_TOKENS)
    free = Tokenizer.from_file(str(MODEL_DIR / TOKENIZER_FILE))
    free.no_truncation()
    text = _words(seed, 5 + seed * 9)[:MAX_CHARS]
    ids = free.encode(text).ids
    assert [ids[i] for i in window(len(ids), framing=False)] == reference.encode(text).ids


@pytest.mark.parametrize("seed", range(40))
def test_the_framing_layers_read_a_bounded_opening_and_close(seed: int) -> None:
    from app.framing.encoder import FRAMING_HEAD_TOKENS, FRAMING_TAIL_TOKENS

    encoder = shared_encoder()
    assert encoder is not None
    text = _words(seed, 3 + seed * 7)
    tokens = encoder.token_states(text, framing=True)
    limit = FRAMING_HEAD_TOKENS + FRAMING_TAIL_TOKENS + 2
    assert len(tokens.states) == len(tokens.spans) <= limit
    everything = encoder.token_states(text)
    if tokens.gap is None:  # short: every token read, the same spans as the general reading
        assert tokens.spans == everything.spans
    else:  # long: [CLS] + opening, then the close + [SEP]; nothing of the middle
        assert tokens.gap == FRAMING_HEAD_TOKENS
        assert tokens.spans[: tokens.gap + 1] == everything.spans[: tokens.gap + 1]
        assert tokens.spans[tokens.gap][1] < tokens.spans[tokens.gap + 1][0]
    for start, end in tokens.spans:
        assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize("seed", range(60))
def test_the_framing_reading_tokenizes_only_a_long_texts_ends(seed: int) -> None:
    """The framing reading tokenizes a long text's opening and close, not all of it, and reads
    exactly the word pieces (ids, spans, gap) that tokenizing the whole text would give; past
    `MAX_CHARS` it reads the text's own close. Texts of 1 to ~600 words, spaces and newlines."""
    from tokenizers import Tokenizer

    from app.framing.encoder import MAX_CHARS, TOKENIZER_FILE, window

    encoder = shared_encoder()
    assert encoder is not None
    whole = Tokenizer.from_file(str(MODEL_DIR / TOKENIZER_FILE))
    whole.no_truncation()
    whole.no_padding()
    text = _words(seed, 1 + seed * 10)
    if seed % 3 == 0:
        text = text.replace(" ", "\n  ", seed)
    for reading in (None, (32, 16), (16, 8)):
        ((ids, spans, gap),) = encoder._read([text], framing=True, reading=reading)
        if len(text) <= MAX_CHARS:
            encoding = whole.encode(text)
            keep = window(len(encoding.ids), framing=True, reading=reading)
            assert ids == [encoding.ids[i] for i in keep]
            assert [tuple(s) for s in spans] == [tuple(encoding.offsets[i]) for i in keep]
            skipped = [i for i in range(len(keep) - 1) if keep[i + 1] != keep[i] + 1]
            assert gap == (skipped[0] if skipped else None)
        else:
            close = whole.encode(text[-400:])
            assert ids[-5:] == close.ids[-5:]
            assert spans[-2][1] == len(text.rstrip())
        for start, end in spans:
            assert 0 <= start <= end <= len(text)


def test_the_framing_and_general_readings_differ_but_share_the_lower_layers() -> None:
    encoder = shared_encoder()
    assert encoder is not None
    assert encoder.has_framing_layers
    general, framing = (
        encoder.embed(["What does the night shift look like?"], framing=f)[0] for f in (False, True)
    )
    assert float(general @ framing) < 0.999
