"""The replay's words, built from a stored session with no window: the shift card, coaching
at each interview-framed answer, the transcript and the metrics."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))
from report_helpers import EVIL, seed_session

from app.dialogue import installed_scenario_dirs, load_scenarios
from app.report import Report, build_report
from app.store import Store
from app.ui.replay import richtext


@pytest.fixture
def report(tmp_path: Path) -> Report:
    with Store(tmp_path / "frameshift.db") as store:
        sid = seed_session(store, tmp_path)
        scenarios, _problems = load_scenarios(installed_scenario_dirs(()))
        scenario = next(s for s in scenarios if s.id == "connector-intro")
        return build_report(
            store.session(sid), store.turns(sid), scenario=scenario, data_dir=tmp_path
        )


def test_the_shift_card_quotes_the_words_and_links_the_turn(report: Report) -> None:
    html = richtext.shift_html(report)
    assert "Answer 3 — it shifted here." in html  # turn 6: your third answer
    assert "<u>Yes</u>" in html
    assert "href='turn:5'" in html
    assert "What you could have said:" in richtext.coach_html(report)


def test_coaching_follows_each_interview_answer_but_the_shift(report: Report) -> None:
    """The shift's coaching is on its card; the later pitch gets its own, in the panel and
    as an "Instead:" line in the transcript."""
    assert richtext.turn_coaching_html(report, 5) == ""  # the shift card says it already
    assert richtext.coaching_at(report, 5) is not None
    pitch = richtext.turn_coaching_html(report, 7)
    assert pitch.startswith("<b>Answer 4:</b>")  # turn 8
    assert "What you could have said:" in pitch
    assert richtext.turn_coaching_html(report, 1) == ""  # an exploratory answer
    html = richtext.transcript_html(report, 0, "#dddddd")
    assert html.count("Instead:") == len(report.coaching) >= 2


def test_user_text_is_escaped_everywhere(report: Report) -> None:
    html = richtext.transcript_html(report, 3, "#dddddd")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert EVIL not in html
    assert "bgcolor='#dddddd'" in html
    assert "▶ Answer 2. You" in html  # turn 4: your second answer
    assert "<script>" not in richtext.caption_html(report, 3, caption_only=True)


def test_summary_metrics_and_colour_blend(report: Report) -> None:
    assert "It shifted into an interview at answer 3" in richtext.summary_text(
        report.session, report
    )
    metrics = richtext.metrics_html(report)
    assert metrics.startswith("<b>What the numbers say</b><ul>")
    assert "href='turn:1'" in metrics
    assert richtext.blend("#000000", "#ffffff", 0.5) == "#808080"
    assert richtext.position_of(report, 6) == 6
