"""The bundled sentence encoder (all-MiniLM-L6-v2, int8 ONNX), shared by framing and dialogue.

`shared_encoder()` returns the one `SentenceEncoder` of the process, or None when the model files
are missing or fail their checksum (then `encoder_notice()` says why, in a sentence). It is loaded
once, on first use or ahead of time in the background with `load_in_background()`. Inference uses
one intra-op thread so that it never competes with speech recognition for the two cores.

The weights are stored as uint8 (zero point 128) so that every CPU computes the same integers.
On a CPU whose int8 dot products sum straight into int32 (VNNI, AMX: `signed_kernels_exact`)
they are handed to onnxruntime as the very same values in int8 (zero point 0, `signed_weights`),
which runs its u8 x s8 kernels, about twice as fast there, with bit-identical outputs.

`embed(texts)` gives one L2-normalised, mean-pooled 384-vector per text. `token_states(text)`
gives what the framing heads need for exact evidence: each token's state and character span.
Only onnxruntime, tokenizers and numpy are used at run time; the files are built by
`make framing-model` (scripts/build_framing_model.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from app.framing.once import LoadOnce

MODEL_DIR: Final = Path(__file__).resolve().parent / "model_files"
#: The encoder in parts, so that a run computes only the layers it needs: the shared lower
#: layers, then either the published top layers (general vectors: dialogue's question matching)
#: or the top layers fine-tuned for framing (scripts/build_framing_model.py writes them).
PART_FILES: Final = {
    "lower": "encoder-int8.onnx",
    "general_top": "encoder-top-int8.onnx",
    "framing_top": "framing-top-int8.onnx",
}
MODEL_FILE: Final = PART_FILES["lower"]
TOKENIZER_FILE: Final = "tokenizer.json"
DIMENSIONS: Final = 384
#: Tokens read per text for the general vectors (the published model's reading). An answer
#: past this is read on its opening ~100 words.
MAX_TOKENS: Final = 128
#: Tokens the framing layers read of a long answer: its opening and its close (where a long
#: answer turns to the other person, or asks for the job). The middle of a long answer is left
#: to the monologue rule (talk about oneself, by length). Cost grows with tokens, so this keeps
#: the model path within its time budget whatever the length. (The build trains on a wider
#: window, `scripts/train_framing_heads.py: TRAINING_WINDOW`; the held-out figures are measured
#: at this one.)
FRAMING_HEAD_TOKENS: Final = 24
FRAMING_TAIL_TOKENS: Final = 12
_BATCH: Final = 32
GENERAL_OUTPUT: Final = "token_states"
FRAMING_OUTPUT: Final = "framing_states"
#: Characters handed to the tokenizer: far more than MAX_TOKENS word pieces need, and it keeps a
#: 10 MB paste from being tokenized whole. Spans still index the full text (it is a prefix).
MAX_CHARS: Final = MAX_TOKENS * 16
#: Characters per word piece a framing reading tokenizes of a long text's opening and close:
#: generous (a word piece of English is ~4 characters), so a text's two ends are tokenized
#: instead of all of it and the cost does not grow with its length; when an end holds fewer
#: pieces than the reading needs, the whole text is tokenized as before (`_framing_ends`).
_CHARS_PER_PIECE: Final = 12
#: /proc/cpuinfo flags with which onnxruntime (MLAS) multiplies uint8 activations by int8 weights
#: with instructions that add each product straight into int32 (AVX-512 VNNI, AVX-VNNI, AMX):
#: the same integers as its u8 x u8 kernels. Without them its u8 x s8 kernels sum pairs of
#: products into saturating int16 (VPMADDUBSW), which changes the vectors (why the weights are
#: stored as uint8: scripts/build_framing_model.py `unsigned_weights`).
_EXACT_SIGNED_FLAGS: Final = ("avx512_vnni", "amx_int8")
#: AVX-VNNI counts only without AVX-512 BW: with it, MLAS picks its AVX-512 core kernel
#: (VPMADDUBSW) unless the CPU also has AVX-512 VNNI.
_AVX_VNNI: Final = "avx_vnni"
_AVX512_CORE: Final = "avx512bw"
_ONNX_UINT8: Final = 2
_ONNX_INT8: Final = 3

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True)
class TokenStates:
    """One text's token states (special tokens dropped) and each token's character span."""

    states: Vectors  # (tokens, 384)
    spans: tuple[tuple[int, int], ...]
    #: Row after which the middle of a long text was skipped (`window`); None: nothing skipped.
    gap: int | None = None


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
    for name in (PART_FILES["lower"], PART_FILES["general_top"], TOKENIZER_FILE):
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


def window(count: int, framing: bool, reading: tuple[int, int] | None = None) -> list[int]:
    """Which of a text's `count` token positions ([CLS] first, [SEP] last) a run reads.

    General: the first MAX_TOKENS (as the published model truncates). Framing: the first
    FRAMING_HEAD_TOKENS and the last FRAMING_TAIL_TOKENS word pieces of a longer text
    (`reading`: other (head, tail) counts, for the build)."""
    if not framing:
        return list(range(count)) if count <= MAX_TOKENS else [*range(MAX_TOKENS - 1), count - 1]
    head, tail = reading or (FRAMING_HEAD_TOKENS, FRAMING_TAIL_TOKENS)
    if count <= head + tail + 2:
        return list(range(count))
    return [*range(head + 1), *range(count - 1 - tail, count)]


def _framing_ends(text: str, reading: tuple[int, int] | None) -> tuple[str, int, str] | None:
    """A long text's opening and close for the framing reading, each cut at a space so that it
    tokenizes into the same word pieces as inside the whole text: (opening, where the close
    starts, close). None: the text is short enough to tokenize whole (its `MAX_CHARS` prefix)."""
    head, tail = reading or (FRAMING_HEAD_TOKENS, FRAMING_TAIL_TOKENS)
    head_chars, tail_chars = head * _CHARS_PER_PIECE, tail * _CHARS_PER_PIECE
    if len(text) <= head_chars + tail_chars:
        return None
    cut = head_chars
    while cut > 0 and not text[cut].isspace():
        cut -= 1
    start = len(text) - tail_chars
    while start < len(text) and not text[start - 1].isspace():
        start += 1
    if cut == 0 or start >= len(text):
        return None
    return text[:cut], start, text[start:]


def _joined_ends(
    opening: Any, close: Any, start: int, reading: tuple[int, int] | None
) -> tuple[list[int], list[Any], int | None] | None:
    """The framing reading (`window`) from the encodings of a text's two ends: [CLS] and the
    opening's first pieces, then the close's last pieces and [SEP] (`start`: where the close
    begins in the text). None when either end holds fewer pieces than the reading needs."""
    head, tail = reading or (FRAMING_HEAD_TOKENS, FRAMING_TAIL_TOKENS)
    if len(opening.ids) - 2 < head or len(close.ids) - 2 < tail:
        return None
    first = slice(0, head + 1)
    last = slice(len(close.ids) - 1 - tail, len(close.ids))
    offsets = list(opening.offsets[first])
    offsets += [(a + start, b + start) for a, b in close.offsets[last][:-1]]
    offsets.append(close.offsets[-1])  # [SEP]: (0, 0)
    return [*opening.ids[first], *close.ids[last]], offsets, head


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> frozenset[str]:
    """The CPU's feature flags as Linux lists them (empty elsewhere or when unreadable)."""
    try:
        with cpuinfo.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith("flags"):
                    return frozenset(line.partition(":")[2].split())
    except OSError:
        pass
    return frozenset()


def signed_kernels_exact(flags: frozenset[str] | None = None) -> bool:
    """Whether onnxruntime's u8 x s8 kernels compute exact int32 dot products on this CPU."""
    flags = cpu_flags() if flags is None else flags
    if any(flag in flags for flag in _EXACT_SIGNED_FLAGS):
        return True
    return _AVX_VNNI in flags and _AVX512_CORE not in flags


def _varint(buf: bytearray, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7


def _fields(buf: bytearray, start: int, end: int) -> Iterator[tuple[int, int, int, int]]:
    """A protobuf message's fields in `buf[start:end]`: (number, value start, value end, varint);
    for a length-delimited field the value is `buf[value start:value end]`, for a varint it is
    the last item."""
    at = start
    while at < end:
        key, at = _varint(buf, at)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, after = _varint(buf, at)
            yield number, at, after, value
        elif wire == 2:
            length, begin = _varint(buf, at)
            after = begin + length
            yield number, begin, after, -1
        elif wire in (1, 5):
            after = at + (8 if wire == 1 else 4)
            yield number, at, after, -1
        else:
            raise ValueError(f"protobuf wire type {wire} in an ONNX model")
        at = after


def signed_weights(model: bytes) -> bytes | None:
    """`model` (a serialised ONNX ModelProto) with every MatMulInteger weight stored as uint8
    with zero point 128 turned into the same values in int8 with zero point 0; None when it has
    none, or anything is not as the build writes it (then it runs as stored).

    uint8 v is int8 v - 128, the same byte with its top bit flipped, so only each weight's type
    and bytes change, never a length: the message is edited in place. The products a kernel
    sums, (a - za)(v - 128), are the very same integers either way."""
    buf = bytearray(model)
    graph = next((f for f in _fields(buf, 0, len(buf)) if f[0] == 7), None)  # ModelProto.graph
    if graph is None:
        return None
    weights: set[str] = set()  # each MatMulInteger's B and B zero point
    points: set[str] = set()
    elsewhere: set[str] = set()
    tensors: dict[str, tuple[int, int, int, int]] = {}  # name -> type at, type, raw start, end
    for number, start, end, _ in _fields(buf, graph[1], graph[2]):
        if number == 1:  # GraphProto.node
            inputs: list[str] = []
            op = ""
            for field, begin, after, _ in _fields(buf, start, end):
                if field == 1:
                    inputs.append(buf[begin:after].decode())
                elif field == 4:
                    op = buf[begin:after].decode()
            if op == "MatMulInteger" and len(inputs) == 4:
                weights.update((inputs[1], inputs[3]))
                points.add(inputs[3])
                elsewhere.update((inputs[0], inputs[2]))
            else:
                elsewhere.update(inputs)
        elif number == 5:  # GraphProto.initializer (TensorProto)
            name, kind, raw = "", (-1, -1), (-1, -1)
            for field, begin, after, value in _fields(buf, start, end):
                if field == 8:
                    name = buf[begin:after].decode()
                elif field == 2:
                    kind = (begin, value)
                elif field == 9:
                    raw = (begin, after)
            tensors[name] = (*kind, *raw)
    if not weights or weights & elsewhere or not weights <= tensors.keys():
        return None
    if any(tensors[name][1] != _ONNX_UINT8 or tensors[name][2] < 0 for name in weights):
        return None
    if any(set(buf[tensors[n][2] : tensors[n][3]]) != {128} for n in points):
        return None
    view = np.frombuffer(buf, dtype=np.uint8)
    for name in weights:
        at, _, start, end = tensors[name]
        buf[at] = _ONNX_INT8  # a one-byte varint either way
        view[start:end] ^= 0x80
    del view
    return bytes(buf)


def _release_freed_memory() -> None:
    """Hand the heap the model's loading freed back to the system (glibc only; else nothing)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).malloc_trim(0)


class SentenceEncoder:
    """all-MiniLM-L6-v2 on onnxruntime: mean-pooled, normalised sentence vectors.

    `directory` holds the parts (`PART_FILES`); without a framing top, framing reads the
    general vectors (`has_framing_layers` is False). `signed`: run the weights as int8
    (`signed_weights`); None: when this CPU computes them exactly (`signed_kernels_exact`)."""

    def __init__(self, directory: Path, tokenizer: Path, signed: bool | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()  # `window` chooses the tokens read
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.enable_cpu_mem_arena = False  # small, short runs: no arena held between them

        signed = signed_kernels_exact() if signed is None else signed
        #: The parts whose weights run as int8 (`signed_weights`); the others run as stored.
        self.signed_parts: set[str] = set()

        def session(name: str) -> Any:
            path = directory / PART_FILES[name]
            model = signed_weights(path.read_bytes()) if signed else None
            if model is None:
                return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
            self.signed_parts.add(name)
            run = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
            # onnxruntime's wrapper keeps the bytes only to rebuild a session after a GPU
            # provider fails; on the CPU alone they are never read again.
            if getattr(run, "_model_bytes", None) is model:
                run._model_bytes = None
            return run

        self._lower = session("lower")
        self._tops = {GENERAL_OUTPUT: session("general_top")}
        if (directory / PART_FILES["framing_top"]).is_file():
            self._tops[FRAMING_OUTPUT] = session("framing_top")
        _release_freed_memory()
        self._lock = threading.Lock()  # one run at a time: one thread's worth of CPU
        #: Whether the files carry the layers fine-tuned for framing (`framing_states`).
        self.has_framing_layers = FRAMING_OUTPUT in self._tops

    def run_ids(self, ids: list[list[int]], framing: bool = False) -> Vectors:
        """The token states of each row of `ids` (zero-padded to the longest row)."""
        width = max(len(row) for row in ids)
        batch = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for i, row in enumerate(ids):
            batch[i, : len(row)] = row
            mask[i, : len(row)] = 1
        top = self._tops[FRAMING_OUTPUT if framing and self.has_framing_layers else GENERAL_OUTPUT]
        with self._lock:
            hidden = self._lower.run(None, {"input_ids": batch, "attention_mask": mask})[0]
            out = top.run(None, {"hidden_states": hidden, "attention_mask": mask})[0]
        states: Vectors = np.asarray(out, dtype=np.float32)
        return states

    def _read(
        self, texts: Sequence[str], framing: bool, reading: tuple[int, int] | None = None
    ) -> list[tuple[list[int], list[Any], int | None]]:
        """Per text: the token ids a run reads, their character spans, and the row after which
        tokens were skipped (None: none were)."""
        framing = framing and self.has_framing_layers
        ends = [_framing_ends(text, reading) if framing else None for text in texts]
        jobs: list[str] = []
        for text, at in zip(texts, ends, strict=True):
            jobs += [text[:MAX_CHARS]] if at is None else [at[0], at[2]]
        # One text's one or two pieces are tokenized on this thread: encode_batch would hand
        # them to the tokenizer's thread pool, which on a busy machine costs more than it saves.
        tokenizer = self._tokenizer
        encodings = (
            [tokenizer.encode(job) for job in jobs]
            if len(jobs) <= 2
            else tokenizer.encode_batch(jobs)
        )
        out = []
        k = 0
        for text, at in zip(texts, ends, strict=True):
            read = None
            if at is not None:
                read = _joined_ends(encodings[k], encodings[k + 1], at[1], reading)
                k += 2
                whole = None if read is not None else self._tokenizer.encode(text[:MAX_CHARS])
            else:
                whole = encodings[k]
                k += 1
            if whole is not None:
                keep = window(len(whole.ids), framing, reading)
                gap = next((i for i in range(len(keep) - 1) if keep[i + 1] != keep[i] + 1), None)
                read = ([whole.ids[i] for i in keep], [whole.offsets[i] for i in keep], gap)
            assert read is not None
            out.append(read)
        return out

    def token_states(self, text: str, framing: bool = False) -> TokenStates:
        """The states of the tokens of `text` a run reads (`window`) and their character spans.

        [CLS] and [SEP] are the first and last rows (spans (0, 0)), so `states.mean(0)` is
        exactly the un-normalised sentence vector that `embed` gives. `framing`: from the
        layers fine-tuned for framing, when the files have them."""
        ((ids, offsets, gap),) = self._read([text], framing)
        states = self.run_ids([ids], framing)[0]
        spans = tuple((int(a), int(b)) for a, b in offsets)
        return TokenStates(states=states, spans=spans, gap=gap)

    def embed(
        self, texts: Sequence[str], framing: bool = False, reading: tuple[int, int] | None = None
    ) -> Vectors:
        """One L2-normalised 384-vector per text (n x 384, float32).

        The general-purpose all-MiniLM-L6-v2 vectors (what `dialogue` matches questions with);
        `framing=True`: from the layers fine-tuned for framing, when the files have them
        (`reading`: the (head, tail) tokens read of a long text, see `window`)."""
        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return result
        read = self._read(texts, framing, reading)
        order = sorted(range(len(texts)), key=lambda i: len(read[i][0]))
        for begin in range(0, len(order), _BATCH):
            chunk = order[begin : begin + _BATCH]
            ids = [read[i][0] for i in chunk]
            states = self.run_ids(ids, framing)
            for row, i in enumerate(chunk):
                result[i] = states[row, : len(ids[row])].mean(axis=0)
        norms = np.linalg.norm(result, axis=1, keepdims=True)
        normalised: Vectors = (result / np.maximum(norms, 1e-12)).astype(np.float32)
        return normalised

    encode = embed  # the name sentence-transformers users expect


#: Read through both the int8 and the stored weights when the int8 path is chosen: a CPU (or a
#: VM masking a flag, another onnxruntime's kernel choice) where `signed_kernels_exact`'s table
#: is wrong gives different states, and the stored weights are kept (review 10 R25).
_CHECK_TEXT: Final = (
    "Thanks for making time. I'm a ward nurse, six years on nights; what does your team "
    "actually do all day, and how did you get into it?"
)


def _agrees_with_stored(encoder: SentenceEncoder, directory: Path) -> bool:
    """Whether `encoder`'s int8 weights give the same states as the stored weights on a fixed
    text, in every part it runs as int8 (one reading each way, ~2 ms; the stored copy is freed)."""
    stored = SentenceEncoder(directory, directory / TOKENIZER_FILE, signed=False)
    try:
        return all(
            np.array_equal(
                encoder.token_states(_CHECK_TEXT, framing).states,
                stored.token_states(_CHECK_TEXT, framing).states,
            )
            for framing in (False, True)
        )
    finally:
        del stored
        _release_freed_memory()


def load_encoder(directory: Path = MODEL_DIR) -> SentenceEncoder:
    """Check the files of `directory` and open the encoder (EncoderUnavailableError if not).
    Weights run as int8 only where they give exactly the stored weights' states here."""
    verify_files(directory)
    try:
        encoder = SentenceEncoder(directory, directory / TOKENIZER_FILE)
        if encoder.signed_parts and not _agrees_with_stored(encoder, directory):
            encoder = SentenceEncoder(directory, directory / TOKENIZER_FILE, signed=False)
        return encoder
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
