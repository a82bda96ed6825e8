"""Import the independent writers' labelled answers into tests/data/framing/hands/.

Usage: `python scripts/import_framing_corpus.py SOURCE_DIR` (a folder of writer-*.jsonl and
other-hand-*.jsonl files, each line {"prev", "text", "frame", "style", "writer"}).

Every item keeps its provenance (writer, style, source file). Items of a training writer get a
deterministic `split` from a hash of their text: one in five is "holdout" (never trained on),
the rest "train". Items of an "other-hand" file are all "other_hand": never trained on, never
tuned on. The output uses the corpus' own keys: {"manager", "answer", "frame", "cues", ...}.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tests" / "data" / "framing" / "hands"
FRAMES = ("exploration", "interview", "neutral")


def split_of(source: str, text: str) -> str:
    if source.startswith("other-hand"):
        return "other_hand"
    digest = hashlib.sha256(text.strip().lower().encode("utf-8")).digest()
    return "holdout" if digest[0] % 5 == 0 else "train"


def main(source_dir: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for path in sorted(source_dir.glob("*.jsonl")):
        items = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            raw = json.loads(line)
            if raw.get("frame") not in FRAMES or not str(raw.get("text", "")).strip():
                print(f"{path.name}:{number}: skipped (no text or unknown frame)", file=sys.stderr)
                continue
            items.append(
                {
                    "manager": raw.get("prev") or None,
                    "answer": raw["text"],
                    "frame": raw["frame"],
                    "cues": [],
                    "writer": raw.get("writer", path.stem),
                    "style": raw.get("style", ""),
                    "source": path.name,
                    "split": split_of(path.stem, raw["text"]),
                }
            )
        target = OUT / path.name
        target.write_text(
            "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8"
        )
        print(f"{path.name}: {len(items)} items -> {target.relative_to(REPO)}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/coord/corpus"))
