"""pytest plugin: drive the real Frameshift window with scripted speech.

Installed with Frameshift (entry point ``pytest11``), so any project that has Frameshift gets::

    def test_eager_yes_shifts(frameshift_app):
        app = frameshift_app
        app.start("connector-intro")
        app.answer("I came to meet people who build data platforms")
        ...

The window is the real one, on a temporary data dir. By default the voice renders instantly
(``FakeVoice`` records every line it was asked to say), the microphone is scripted
(``answer(text)`` is "said" when the app listens) and the recognizer returns the scripted words.
``@pytest.mark.frameshift(real_speech=True)`` (or ``indirect`` parametrization with
``{"real_speech": True}``) swaps in the real eSpeak NG voice and Whisper recognizer; answers
given as WAV paths are then recognized from their audio.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from app.testing.driver import FrameshiftDriver


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect golden test plans (``*.plan.yaml``) written beside scenarios."""
    from app.testing.plans import collect_plan

    return collect_plan(file_path, parent)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "frameshift(real_speech=False, voice=True, listen=True, **settings): options for the "
        "frameshift_app fixture (real engines, voice or listening off, any Settings field)",
    )


@pytest.fixture
def frameshift_settings() -> dict[str, Any]:
    """Override to change settings for every frameshift_app in a module (any Settings field)."""
    return {}


@pytest.fixture
def frameshift_app(
    request: pytest.FixtureRequest,
    qtbot: Any,
    tmp_path: Path,
    frameshift_settings: dict[str, Any],
) -> Iterator[FrameshiftDriver]:
    """The real main window on a temporary data dir, with scripted speech (see module doc)."""
    options: dict[str, Any] = dict(frameshift_settings)
    marker = request.node.get_closest_marker("frameshift")
    if marker is not None:
        options.update(marker.kwargs)
    param = getattr(request, "param", None)
    if isinstance(param, dict):
        options.update(param)
    from app.testing.driver import make_driver  # Qt is imported only when the fixture is used

    data_dir = Path(options.pop("data_dir", tmp_path / "frameshift-data"))  # any setting works
    driver = make_driver(qtbot, data_dir, **options)
    try:
        yield driver
    finally:
        driver.close()


__all__ = ["frameshift_app", "frameshift_settings"]
