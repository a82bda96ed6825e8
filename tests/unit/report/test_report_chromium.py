"""The exported HTML rendered by a real browser (headless Chromium), offline."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_helpers import EVIL, seed_session

from app.dialogue import find_scenario, installed_scenario_dirs
from app.report import build_report, render
from app.store import Store

pytestmark = pytest.mark.slow

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)


class _Dom(HTMLParser):
    """Tags, attributes and visible text of a serialized DOM."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium; scripts/system-deps.sh does it)",
)
def test_exported_html_renders_in_chromium(tmp_path: Path) -> None:
    """Chromium shows the transcript, shift, audio and SVG; hostile answer text stays text."""
    data = tmp_path / "data"
    with Store(data / "frameshift.db") as store:
        sid = seed_session(store, data)
        session, turns = store.session(sid), store.turns(sid)
    report = build_report(
        session,
        turns,
        scenario=find_scenario("connector-intro", installed_scenario_dirs()),
        data_dir=data,
    )
    page = tmp_path / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")

    dom = _Dom()
    dom.feed(_chromium(tmp_path, "--dump-dom", page.as_uri()).stdout)
    text = " ".join("".join(dom.text).split())
    tags = [t for t, _ in dom.tags]
    assert "I came to hear how people here got into data work" in text
    assert "So, are you interested in the position?" in text
    assert report.shift is not None
    assert " ".join(report.shift.explanation.split()) in text
    assert "What you could have said" in text
    assert EVIL in text  # shown as words...
    assert "script" not in tags  # ...not run as a script
    assert not any(k.startswith("on") for _, attrs in dom.tags for k in attrs)
    assert tags.count("audio") == 6
    assert "svg" in tags
    assert any(t == "rect" or t == "circle" for t in tags)

    shot = tmp_path / "shot.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1000,1600", page.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
