"""Review 10 R25: the int8 weights are kept only where they give exactly the stored weights'
states on this machine; a disagreement (a CPU or VM where the flag table is wrong) falls back to
the stored weights, whatever the table said."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from app.framing import encoder as enc
from app.framing.encoder import MODEL_DIR, SentenceEncoder, load_encoder, signed_kernels_exact


def test_int8_is_kept_only_where_it_agrees_here() -> None:
    loaded = load_encoder(MODEL_DIR)
    if signed_kernels_exact():
        assert loaded.signed_parts, "this CPU computes int8 exactly: the int8 path is kept"
    stored = SentenceEncoder(MODEL_DIR, MODEL_DIR / enc.TOKENIZER_FILE, signed=False)
    for text in ("Hmm, is it a new role?", "I'd move anywhere for this job " * 9):
        for framing in (False, True):
            assert np.array_equal(
                loaded.token_states(text, framing).states, stored.token_states(text, framing).states
            )


def test_a_disagreeing_int8_path_falls_back_to_the_stored_weights(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(enc, "signed_kernels_exact", lambda flags=None: True)
    real = SentenceEncoder.token_states

    def off_by_a_little(self: SentenceEncoder, text: str, framing: bool = False) -> object:
        states = real(self, text, framing)
        if self.signed_parts:  # as a CPU whose int8 kernels saturate would read it
            return dataclasses.replace(states, states=states.states + np.float32(1e-3))
        return states

    monkeypatch.setattr(SentenceEncoder, "token_states", off_by_a_little)
    loaded = load_encoder(MODEL_DIR)
    assert loaded.signed_parts == set()
