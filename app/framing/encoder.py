"""The bundled sentence encoder (all-MiniLM-L6-v2, int8 ONNX), shared by framing and dialogue.

`shared_encoder()` returns the one `SentenceEncoder` of the process, or None when the model files
are missing or fail their checksum (then `encoder_notice()` says why, in a sentence). It is loaded
once, on first use or ahead of time in the background with `load_in_background()`. Inference uses
one intra-op thread so that it never competes with speech recognition for the two cores.

`embed(texts)` gives one L2-normalised, mean-pooled 384-vector per text. `token_states(text)`
gives what the framing heads need for exact evidence: each token's state and character span.
Only onnxruntime, tokenizers and numpy are used at run time; the files are built by
`make framing-model` (scripts/build_framing_model.py).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from app.framing.once import LoadOnce

MODEL_DIR: Final = Path(__file__).resolve().parent / "model_files"
MODEL_FILE: Final = "encoder-int8.onnx"
TOKENIZER_FILE: Final = "tokenizer.json"
DIMENSIONS: Final = 384
#: Tokens read per text. An answer past this is judged on its opening ~100 words (and on its
#: length, by the monologue rule), which keeps a turn's cost bounded.
MAX_TOKENS: Final = 128
_BATCH: Final = 32
GENERAL_OUTPUT: Final = "token_states"
FRAMING_OUTPUT: Final = "framing_states"
#: Characters handed to the tokenizer: far more than MAX_TOKENS word pieces need, and it keeps a
#: 10 MB paste from being tokenized whole. Spans still index the full text (it is a prefix).
_MAX_CHARS: Final = MAX_TOKENS * 16

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True)
class TokenStates:
    """One text's token states (special tokens dropped) and each token's character span."""

    states: Vectors  # (tokens, 384)
    spans: tuple[tuple[int, int], ...]


class EncoderUnavailableError(Exception):
    """The model files are missing, damaged or cannot be run; the sentence says which."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_files(directory: Path) -> dict[str, Any]:
    """The manifest of `directory` once every file it lists matches its checksum."""
    manifest_path = directory / "manifest.json"
    if not manifest_path.is_file():
        raise EncoderUnavailableError(
            f"The sentence model is not installed ({manifest_path} missing)."
        )
    try:
        manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
        files: dict[str, str] = manifest["files"]
    except (ValueError, KeyError, TypeError) as error:
        raise EncoderUnavailableError(
            f"The sentence model's manifest is unreadable: {error}."
        ) from None
    for name in (MODEL_FILE, TOKENIZER_FILE):
        if name not in files:
            raise EncoderUnavailableError(f"The sentence model's manifest does not list {name}.")
    for name, expected in files.items():
        path = directory / name
        if not path.is_file():
            raise EncoderUnavailableError(f"The sentence model file {name} is missing.")
        if _sha256(path) != expected:
            raise EncoderUnavailableError(
                f"The sentence model file {name} is damaged (checksum differs); "
                "reinstall Frameshift or run `make framing-model`."
            )
    return manifest


class SentenceEncoder:
    """all-MiniLM-L6-v2 on onnxruntime: mean-pooled, normalised sentence vectors."""

    def __init__(self, model: Path, tokenizer: Path, max_tokens: int = MAX_TOKENS) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=max_tokens)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.enable_cpu_mem_arena = False  # small, short runs: no arena held between them
        options.add_session_config_entry("session.disable_prepacking", "1")  # one weight copy
        self._session = ort.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self._lock = threading.Lock()  # one run at a time: one thread's worth of CPU
        names = {output.name for output in self._session.get_outputs()}
        #: Whether the file carries the layers fine-tuned for framing (`framing_states`).
        self.has_framing_layers = FRAMING_OUTPUT in names

    def _output(self, framing: bool) -> str:
        return FRAMING_OUTPUT if framing and self.has_framing_layers else GENERAL_OUTPUT

    def _run(self, ids: list[list[int]], output: str = "token_states") -> Vectors:
        width = max(len(row) for row in ids)
        batch = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for i, row in enumerate(ids):
            batch[i, : len(row)] = row
            mask[i, : len(row)] = 1
        with self._lock:
            out = self._session.run([output], {"input_ids": batch, "attention_mask": mask})[0]
        states: Vectors = np.asarray(out, dtype=np.float32)
        return states

    def token_states(self, text: str, framing: bool = False) -> TokenStates:
        """The states of all of `text`'s tokens and their character spans.

        [CLS] and [SEP] are the first and last rows (spans (0, 0)), so `states.mean(0)` is
        exactly the un-normalised sentence vector that `embed` gives. `framing`: from the
        layers fine-tuned for framing, when the file has them.
        """
        encoding = self._tokenizer.encode(text[:_MAX_CHARS])
        states = self._run([encoding.ids], self._output(framing))[0]
        spans = tuple((int(a), int(b)) for a, b in encoding.offsets)
        return TokenStates(states=states, spans=spans)

    def embed(self, texts: Sequence[str], framing: bool = False) -> Vectors:
        """One L2-normalised 384-vector per text (n x 384, float32).

        The general-purpose all-MiniLM-L6-v2 vectors (what `dialogue` matches questions with);
        `framing=True`: from the layers fine-tuned for framing, when the file has them."""
        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return result
        encodings = self._tokenizer.encode_batch([text[:_MAX_CHARS] for text in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for begin in range(0, len(order), _BATCH):
            chunk = order[begin : begin + _BATCH]
            ids = [encodings[i].ids for i in chunk]
            states = self._run(ids, self._output(framing))
            for row, i in enumerate(chunk):
                result[i] = states[row, : len(ids[row])].mean(axis=0)
        norms = np.linalg.norm(result, axis=1, keepdims=True)
        normalised: Vectors = (result / np.maximum(norms, 1e-12)).astype(np.float32)
        return normalised

    encode = embed  # the name sentence-transformers users expect


def load_encoder(directory: Path = MODEL_DIR) -> SentenceEncoder:
    """Check the files of `directory` and open the encoder (EncoderUnavailableError if not)."""
    verify_files(directory)
    try:
        return SentenceEncoder(directory / MODEL_FILE, directory / TOKENIZER_FILE)
    except ImportError as error:
        raise EncoderUnavailableError(
            f"The sentence model needs {error.name}, not installed."
        ) from None
    except Exception as error:  # onnxruntime and tokenizers raise their own types
        raise EncoderUnavailableError(f"The sentence model could not be opened: {error}.") from None


def _load_shared() -> tuple[SentenceEncoder | None, str | None]:
    try:
        return load_encoder(MODEL_DIR), None
    except EncoderUnavailableError as error:
        return None, f"{error} Framing uses its rules only."


_SHARED: LoadOnce[SentenceEncoder] = LoadOnce(_load_shared, "sentence-encoder")


def load_in_background() -> threading.Thread:
    """Start loading the shared encoder on a daemon thread (a no-op once started)."""
    return _SHARED.in_background()


def shared_encoder(wait: bool = True) -> SentenceEncoder | None:
    """The process's encoder, or None when unavailable (or, with wait=False, not loaded yet)."""
    return _SHARED.get(wait)


def encoder_notice() -> str | None:
    """Why the encoder is unavailable, in a sentence; None when it loaded (or has not tried)."""
    return _SHARED.notice
