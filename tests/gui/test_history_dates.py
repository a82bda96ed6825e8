"""The history chart's axis says when the sessions were: dates of the sessions at evenly spread
places, as many as fit, never two the same side by side; the chart's summary names the span.
Checked on many generated histories (one day, weeks, across years, 1 to 5,000 sessions)."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest
from pytestqt.qtbot import QtBot

from app.ui.progress_chart import ProgressChart, axis_dates, date_span

pytestmark = pytest.mark.gui

DAY = 86_400.0


def _history(rng: random.Random) -> list[float]:
    """Start times, oldest first: one day, a few weeks or a few years of practice."""
    n = rng.choice([1, 2, 3, 5, 8, 20, 60, 400, 5000])
    start = dt.datetime(2024, rng.randint(1, 12), rng.randint(1, 28), 9).timestamp()
    span = rng.choice([3 * 3600.0, 20 * DAY, 800 * DAY])
    return sorted(start + rng.random() * span for _ in range(n))


def _local(t: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(t)


@pytest.mark.parametrize("seed", range(60))
def test_axis_labels_name_the_sessions_at_their_places(seed: int) -> None:
    rng = random.Random(seed)
    started = _history(rng)
    count = rng.randint(1, 9)
    labels = axis_dates(started, count)
    n = len(started)
    assert 1 <= len(labels) <= max(1, count)
    fracs = [f for f, _ in labels]
    assert fracs == sorted(set(fracs))
    assert all(0.0 <= f <= 1.0 for f in fracs)
    texts = [t for _, t in labels]
    assert all(a != b for a, b in itertools.pairwise(texts))
    first, last = _local(started[0]), _local(started[-1])
    if n > 1:
        assert fracs[0] == 0.0
    for frac, text in labels:
        at = _local(started[round(frac * (n - 1))] if n > 1 else started[0])
        if n == 1 or first.date() == last.date():
            assert at.strftime("%H:%M") in text  # one day: the time of day
        elif first.year == last.year:
            assert text == f"{at.day} {at:%b}"
        else:
            assert text == f"{at:%b %Y}"
    if n == 1 or first.date() == last.date():
        assert f"{first.day} {first:%b}" in texts[0]  # ... and which day it was


@pytest.mark.parametrize("seed", range(20))
def test_the_summary_names_the_span(seed: int) -> None:
    started = _history(random.Random(seed))
    first, last = _local(started[0]), _local(started[-1])
    span = date_span(started)
    assert f"{first.day} {first:%b}" in span
    assert f"{last.day} {last:%b}" in span
    if first.year != last.year:
        assert str(first.year) in span
        assert str(last.year) in span


def test_no_sessions_no_labels() -> None:
    assert axis_dates([], 5) == []
    assert date_span([]) == ""


@pytest.mark.parametrize("width", [260, 480, 900])
@pytest.mark.parametrize("days", [0.1, 30, 900])
def test_the_chart_paints_dates_under_its_bars(qtbot: QtBot, width: int, days: float) -> None:
    """The bottom line of the chart has ink at both ends (the first and the last date) and the
    summary (the accessible description) names the span."""
    start = dt.datetime(2025, 3, 2, 10).timestamp()
    times = [start + i * days * DAY / 11 for i in range(12)]
    rows = [
        {
            "id": i,
            "scenario_id": "alumni-call",
            "started_at": times[i],
            "shifted": i % 3 == 0,
            "seeker_questions": i % 4,
        }
        for i in range(12)
    ]
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.resize(width, chart.sizeHint().height())
    chart.set_progress(rows)
    assert date_span(times) in chart.accessibleDescription()
    image = chart.grab().toImage()
    line = chart.fontMetrics().height()
    window = image.pixelColor(image.width() // 2, 2).lightness()

    def ink(x0: int, x1: int) -> bool:
        return any(
            abs(image.pixelColor(x, y).lightness() - window) > 80
            for x in range(x0, x1)
            for y in range(image.height() - line, image.height())
        )

    w = image.width()
    assert ink(0, w // 4)
    assert ink(3 * w // 4, w)
