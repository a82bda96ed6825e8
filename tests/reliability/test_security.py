"""Security: safe YAML, escaped exports, contained export paths, a checked model, a hashed PIN."""

from __future__ import annotations

import html
import io
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.cli.kiosk import set_pin
from app.cli.main import main
from app.dialogue import ScenarioError, load_scenario, load_scenarios, validate_file
from app.report import ExportPathError, safe_export_path
from app.session.kiosk import verify_pin
from app.speech import stt_whisper
from app.speech.errors import ModelChecksumError, SpeechError
from app.store import Store

from .conftest import SCENARIO_FILE

REAL = SCENARIO_FILE.read_text(encoding="utf-8")
SCRIPT = "<script>alert('pwned')</script>"
BREAKER = '" onmouseover="alert(1)" x=\'<img src=x onerror=alert(2)>'


# -- YAML --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
        "!!python/module:os",
    ],
)
def test_python_tags_in_a_scenario_are_refused_and_run_nothing(tmp_path: Path, tag: str) -> None:
    """A scenario carrying a Python tag is refused by every way in, and its command never runs."""
    target = tmp_path / "pwned"
    text = REAL.replace('title: "', 'title: "', 1).replace(
        "context: |", f'extra: {tag} ["touch {target}"]\ncontext: |', 1
    )
    folder = tmp_path / "dialogues"
    folder.mkdir()
    path = folder / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    problems = validate_file(path)
    assert any("is not allowed" in p.message for p in problems), problems
    with pytest.raises(ScenarioError):
        load_scenario(path)
    scenarios, found = load_scenarios([folder])
    assert scenarios == []
    assert found
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(path)], stdout=out, stderr=err) == 2
    assert not target.exists()


# -- HTML export -----------------------------------------------------------------------------
class _Tags(HTMLParser):
    """Collects every tag and attribute name the browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.update(name for name, _ in attrs)


def _export_html(tmp_path: Path, *, answer: str, persona: str, title: str) -> str:
    data_dir = tmp_path / f"data-{len(list(tmp_path.iterdir()))}"
    with Store(data_dir / "frameshift.db") as store:
        sid = store.create_session(
            scenario_id="coffee-referral",
            scenario_title=title,
            persona=persona,
            mode="typed",
            started_at=1_760_000_000.0,
        )
        store.add_turn(sid, idx=0, speaker="manager", text=f"Hi, I'm {persona}. How can I help?")
        store.add_turn(sid, idx=1, speaker="seeker", text=answer, frame="interview", score=-0.5)
        store.finish_session(sid, status="finished", ended_at=1_760_000_060.0, outcome_label=title)
    out_file = tmp_path / f"report-{sid}-{data_dir.name}.html"
    err = io.StringIO()
    code = main(
        ["export", str(sid), "--format", "html", "-o", str(out_file), "--data-dir", str(data_dir)],
        stdout=io.StringIO(),
        stderr=err,
    )
    assert code == 0, err.getvalue()
    return out_file.read_text(encoding="utf-8")


def test_exported_html_escapes_every_piece_of_user_text(tmp_path: Path) -> None:
    """Script tags and attribute breakers in an answer, the persona and the scenario title come
    out as text: the page has exactly the tags and attributes of a harmless report."""
    plain = _export_html(tmp_path, answer="Hello there", persona="Sofia", title="Coffee")
    hostile = _export_html(
        tmp_path,
        answer=f"Yes! {SCRIPT} {BREAKER}",
        persona=f"Sofia{SCRIPT}{BREAKER}",
        title=f"Coffee {BREAKER}{SCRIPT}",
    )
    for payload in (SCRIPT, BREAKER):
        assert payload not in hostile
        assert html.escape(payload, quote=True) in hostile
    seen_plain, seen_hostile = _Tags(), _Tags()
    seen_plain.feed(plain)
    seen_hostile.feed(hostile)
    assert seen_hostile.tags.count("script") == seen_plain.tags.count("script")
    assert "img" not in seen_hostile.tags
    assert not {a for a in seen_hostile.attrs if a.startswith("on")}
    assert seen_hostile.attrs == seen_plain.attrs


# -- export paths ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        "../outside.html",
        "sub/../../outside.html",
        "..\\outside.html",
        "/etc/passwd",
        "C:\\Windows\\report.html",
        "\\\\server\\share\\r.html",
        "",
        ".",
        "a\x00b.html",
    ],
)
def test_export_names_that_leave_the_folder_are_refused(tmp_path: Path, name: str) -> None:
    """Parent references, absolute paths, drives, UNC paths and NUL bytes are refused."""
    with pytest.raises(ExportPathError):
        safe_export_path(tmp_path, name)


def test_a_symlink_out_of_the_export_folder_is_refused(tmp_path: Path) -> None:
    """A link inside the chosen folder that points outside it cannot be written through."""
    folder = tmp_path / "usb"
    outside = tmp_path / "home"
    folder.mkdir()
    outside.mkdir()
    (folder / "link").symlink_to(outside, target_is_directory=True)
    (folder / "file-link.html").symlink_to(outside / "victim.html")
    with pytest.raises(ExportPathError):
        safe_export_path(folder, "link/report.html")
    with pytest.raises(ExportPathError):
        safe_export_path(folder, "file-link.html")
    assert safe_export_path(folder, "report.html") == (folder / "report.html").resolve()


# -- model checksum ----------------------------------------------------------------------------
def _model_copy(tmp_path: Path) -> Path:
    try:
        bundled = stt_whisper.bundled_model_dir()
    except SpeechError as exc:
        pytest.skip(f"the bundled model is not installed: {exc}")
    copy = tmp_path / "model"
    shutil.copytree(bundled, copy)
    return copy


def _flip_a_byte(path: Path) -> None:
    with path.open("r+b") as f:
        f.seek(path.stat().st_size // 2)
        byte = f.read(1)
        f.seek(-1, os.SEEK_CUR)
        f.write(bytes([byte[0] ^ 0xFF]))


def test_a_tampered_copy_of_the_bundled_model_is_refused(tmp_path: Path) -> None:
    """One byte changed in a copy of the bundled model: the checksum refuses it, and the
    recognizer reports a sentence instead of loading it."""
    copy = _model_copy(tmp_path)
    assert stt_whisper.verify_model(copy) == copy.resolve()  # the intact copy passes
    _flip_a_byte(copy / "model.bin")
    with pytest.raises(ModelChecksumError, match="checksum mismatch"):
        stt_whisper.verify_model(copy)
    recognizer = stt_whisper.WhisperRecognizer(copy)
    with pytest.raises(ModelChecksumError):
        recognizer.load()
    assert not recognizer.loaded


def test_a_truncated_bundled_model_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled folder is checked whatever its size: a shortened model.bin is refused."""
    copy = _model_copy(tmp_path)
    with (copy / "model.bin").open("r+b") as f:
        f.truncate(1_000_000)
    monkeypatch.setattr(stt_whisper, "bundled_model_dir", lambda: copy)
    with pytest.raises(ModelChecksumError):
        stt_whisper.verify_model(copy)


# -- kiosk PIN ---------------------------------------------------------------------------------
def test_kiosk_pin_is_stored_hashed_never_in_clear(tmp_path: Path) -> None:
    """`kiosk set-pin` writes a salted hash that verifies; the PIN's digits appear nowhere in the
    config file."""
    pin = "73915824"
    config = tmp_path / "config.toml"
    answers = iter([pin, pin])
    assert set_pin(config, io.StringIO(), lambda _prompt: next(answers)) == 0
    raw = config.read_bytes()
    assert pin.encode() not in raw
    assert pin.encode("utf-16-le") not in raw
    text = raw.decode("utf-8")
    [line] = [ln for ln in text.splitlines() if ln.startswith("pin_hash")]
    encoded = line.split("=", 1)[1].strip().strip('"')
    assert encoded.startswith("pbkdf2_sha256$")
    assert verify_pin(pin, encoded)
    assert not verify_pin("73915825", encoded)
