"""Every sentence the replay says agrees with the frames and the shift the analyzer computed.

Many generated conversations (random sequences of answers of every kind, through the real
`analyze`), each turned into a report, then every text the replay and the exports show is read:
the summary line, the shift card, the coaching at each turn (panel and transcript), the HTML
export and the metrics. A claim ("it shifted at answer N", "no shift", "you kept it a mutual
exploration", "so the talk became an interview", "you asked N curious questions") must match
the analysis it was built from.
"""

from __future__ import annotations

import random
import re

import pytest

from app.framing import Turn, analyze
from app.report import build_report, html_escape, render_html
from app.report.delivery import Delivery
from app.store import SessionRecord, TurnRecord
from app.ui.replay import richtext

MANAGER_LINES = (
    "Hi, I'm Marcus. What brings you here tonight?",
    "We build the pipelines that feed the hospital dashboards.",
    "So, are you interested in the position?",
    "Tell me a bit about yourself.",
    "Our group started three years ago when the new reporting rules came in.",
    "Where are you working now?",
    "Why Fernhill, out of interest?",
    "Anything else you'd like to know?",
)
#: (answer, curious questions in it, requests in it): labelled by hand, not by the analyzer.
ANSWERS: dict[str, tuple[tuple[str, int, int], ...]] = {
    "curious": (
        ("That sounds interesting. How did you get into it?", 1, 0),
        ("Honestly I don't know yet. What does the team work on?", 1, 0),
        ("What's the hardest part of the job for you? And how big is the team?", 2, 0),
        ("I'm not sure it fits me yet. What would a typical week look like?", 1, 0),
    ),
    "neutral": (
        ("Thanks, nice to meet you.", 0, 0),
        ("I work in logistics at a shipping firm.", 0, 0),
        ("Okay, that makes sense.", 0, 0),
    ),
    "pitch": (
        (
            "I have five years of experience with Python and I led a migration to Airflow. "
            "I'm a very fast learner and I won an award for my dashboards.",
            0,
            0,
        ),
        (
            "I'm a strong analyst with a proven track record, I managed a team of six and "
            "I delivered every project ahead of schedule.",
            0,
            0,
        ),
    ),
    "commitment": (("Yes! Absolutely, I'd love the job.", 0, 0), ("Definitely, sign me up.", 0, 0)),
    "request": (
        ("Could you refer me for the role?", 0, 1),
        ("What's the salary for this role?", 0, 1),
        ("Can I get an interview? And what does the team work on?", 1, 1),
        ("Please refer me for the role.", 0, 1),
        ("I'd like to apply. What does the team work on?", 1, 1),
    ),
}
_ALL = [(kind, *item) for kind, items in ANSWERS.items() for item in items]


def _conversation(rng: random.Random) -> list[tuple[str, str, int, int]]:
    """Manager line, answer, manager line, answer...: (speaker, text, curious, requests)."""
    out: list[tuple[str, str, int, int]] = []
    for _ in range(rng.randint(1, 6)):
        out.append(("manager", rng.choice(MANAGER_LINES), 0, 0))
        _kind, text, curious, requests = rng.choice(_ALL)
        out.append(("seeker", text, curious, requests))
    return out


def _report(script: list[tuple[str, str, int, int]], finished: bool):  # type: ignore[no-untyped-def]
    analysis = analyze([Turn(s, t) for s, t, _c, _r in script]).to_dict()  # type: ignore[arg-type]
    session = SessionRecord(
        id=1, scenario_id="connector-intro", scenario_title="A test", persona="Marcus Okafor",
        mode="text", started_at=1_760_000_000.0, ended_at=1_760_000_100.0,
        outcome_id="end" if finished else None, outcome_label="The end" if finished else None,
        outcome_kind="good" if finished else None,
        status="finished" if finished else "interrupted",
        shift_turn=(analysis["shift"] or {}).get("turn"), shift_cue=None,
        analysis=analysis if finished else None, parent_session_id=None, retry_from_turn=None,
        turn_count=len(script),
    )  # fmt: skip
    turns = [
        TurnRecord(
            id=i,
            session_id=1,
            idx=i,
            speaker=s,
            node_id=None,
            text=t,
            frame=analysis["turns"][i]["frame"],
            score=analysis["turns"][i]["score"],
            cues=analysis["turns"][i]["cues"],
            started_at=None,
            ended_at=None,
            audio_path=None,
            recognizer_ms=None,
        )
        for i, (s, t, _c, _r) in enumerate(script)
    ]
    return build_report(session, turns)


CASES = [(seed, seed % 4 != 3) for seed in range(160)]


def _nth(turns, index: int) -> int:  # type: ignore[no-untyped-def]
    """The oracle: a seeker turn's place among the seeker turns, counted by hand."""
    return [t.index for t in turns if t.speaker == "seeker"].index(index) + 1


@pytest.mark.parametrize(("seed", "finished"), CASES)
def test_every_sentence_agrees_with_the_frames_and_the_shift(seed: int, finished: bool) -> None:
    script = _conversation(random.Random(seed))
    report = _report(script, finished)
    shift = report.shift.turn if report.shift else None
    interview = [t.index for t in report.turns if t.speaker == "seeker" and t.frame == "interview"]
    explored = any(t.speaker == "seeker" and t.frame == "exploration" for t in report.turns)
    summary = richtext.summary_text(report.session, report)
    card = richtext.shift_html(report)
    html = render_html(report)
    panels = {t.index: richtext.turn_coaching_html(report, t.index) for t in report.turns}
    transcript = richtext.transcript_html(report, 0, "#dddddd")
    context = f"seed {seed}: frames {[t.frame for t in report.turns]} shift {shift}"
    nth = lambda index: _nth(report.turns, index)  # noqa: E731
    # One numbering: no surface counts turns ("turn 4", "Turn 4 of 8"); each says "answer N".
    for text in [
        summary,
        card,
        html,
        transcript,
        *panels.values(),
        *(m.text for m in report.metrics),
    ]:
        assert not re.search(r"\b[Tt]urns? \d", text), (text, context)

    # Coaching at exactly the interview-framed answers, each true to where it stands.
    assert [c.turn for c in report.coaching] == interview, context
    for c in report.coaching:
        said = c.explanation
        if c.turn == shift:
            assert said.endswith("so the talk became an interview."), (said, context)
        else:
            assert "became an interview" not in said, (said, context)
            assert "did not tip" in said or "kept it an interview" in said, (said, context)
            if shift is not None and c.turn < shift:
                assert f"that came at answer {nth(shift)}." in said, (said, context)
            if shift is not None and c.turn > shift:
                assert f"it had tipped at answer {nth(shift)}" in said, (said, context)
        assert c.alternative.endswith(("?", ".)")), c.alternative
    # Panels: coaching only at an interview-framed answer; the shift's is on its card.
    for index, panel in panels.items():
        if panel:
            assert index in interview, context
            assert index != shift, context
            assert panel.startswith(f"<b>Answer {nth(index)}:</b>"), panel

    # The export carries the same coaching as the window's transcript.
    assert html.count("Instead: “") == transcript.count("Instead: “") == len(report.coaching)
    for c in report.coaching:
        if c.turn != shift:
            assert html_escape(c.explanation) in html, context
    every = " ".join([summary, card, html, transcript, *panels.values()])
    if shift is not None:
        assert f"at answer {nth(shift)}." in summary, context
        assert f"Answer {nth(shift)} — it shifted here." in card, context
        assert "No shift" not in every, context
        assert "No lasting shift" not in every, context
        assert "start to finish" not in every, context
        assert f"shift: answer {nth(shift)}" in html, context
    else:
        assert "shifted into an interview at" not in every, context
        assert "it shifted here" not in every, context
        if interview:
            # A red square on the timeline: never "kept it a mutual exploration".
            assert "mutual exploration" not in summary + card, context
            assert "start to finish" not in every, context
            named = f"answer {nth(interview[0])}"
            assert named in summary, (summary, context)
            assert named in card.lower(), (card, context)
            assert ("No lasting shift" if finished else "Not finished") in card, context
        elif not finished:
            assert "start to finish" not in every, context
            assert "up to where it stopped" in summary or "stopped" in card, context
        elif explored:
            assert "You kept it a mutual exploration from start to finish" in card, context
        else:
            assert "mutual exploration" not in summary + card, context
            assert "never became an interview" in summary, context
    if not any("?" in t for s, t, _c, _r in script if s == "seeker"):
        assert "curious questions" not in card, context
    # The figures: curious questions apart from requests, as labelled by hand.
    curious = sum(c for s, _t, c, _r in script if s == "seeker")
    requests = sum(r for s, _t, _c, r in script if s == "seeker")
    lines = {m.key: m.text for m in report.metrics}
    plural = "" if curious == 1 else "s"
    assert lines["questions"].startswith(f"You asked {curious} curious question{plural}"), (
        lines["questions"],
        context,
    )
    theirs = sum(t.count("?") for s, t, _c, _r in script if s == "manager")
    assert f"; they asked {theirs}." in lines["questions"], (lines["questions"], context)
    if requests:
        assert lines["requests"].startswith(f"You made {requests} request"), (lines, context)
    else:
        assert "requests" not in lines, (lines, context)


def test_the_generated_conversations_cover_every_kind_of_verdict() -> None:
    """The cases above reach a shift, a lone pitch without a shift, an all-curious talk and an
    all-neutral one, so each branch of the verdict is exercised."""
    seen = set()
    for seed, finished in CASES:
        report = _report(_conversation(random.Random(seed)), finished)
        if not finished:
            continue
        seen.add(re.sub(r"\d+", "N", report.verdict.glance()))
    assert "■ It shifted into an interview at answer N." in seen
    assert any(s.startswith("● No lasting shift") for s in seen), seen
    assert "● It stayed a mutual exploration." in seen, seen


def test_delivery_is_not_needed_to_count_questions() -> None:
    """The shown question figure comes from the turns' cues (requests apart)."""
    from app.report import explain_metrics

    report = _report(
        [("manager", MANAGER_LINES[0], 0, 0), ("seeker", "Could you refer me for the role?", 0, 1)],
        True,
    )
    lines = explain_metrics(report.analysis["metrics"], Delivery(), report.turns)
    assert lines[0].text.startswith("You asked 0 curious questions")


@pytest.mark.parametrize("seed", range(0, 160, 4))
def test_the_short_labels_and_the_comparison_agree_too(seed: int) -> None:
    """The history column's and the comparison's few words come from the same verdict: the
    stored analysis gives the report's verdict, and "kept it a mutual exploration" is said of
    a retry only when none of its answers read as an interview."""
    from app.report import Attempt, Comparison
    from app.report.verdict import Verdict

    first = _report(_conversation(random.Random(seed)), True)
    retry = _report(_conversation(random.Random(seed + 1000)), True)
    stored = Verdict.from_analysis(first.analysis, first.session.shift_turn)
    assert stored == first.verdict
    label = stored.label
    if stored.shift_turn is not None:
        assert label == f"■ Shifted at answer {_nth(first.turns, stored.shift_turn)}"
    elif stored.leaned:
        assert label.startswith("● No lasting shift"), label
    else:
        assert label in ("● Stayed exploratory", "● Never an interview"), label

    def attempt(report):  # type: ignore[no-untyped-def]
        shift = report.shift.turn if report.shift else None
        return Attempt(report.session, report.turns, shift, "The end", report.verdict)

    said = Comparison(0, attempt(first), attempt(retry)).verdict
    clean = not retry.verdict.leaned and retry.verdict.explored and retry.shift is None
    if "kept it a mutual exploration" in said:
        assert clean, (said, retry.verdict)
    if retry.verdict.leaned and retry.shift is None and first.shift is not None:
        assert "read as one" in said, said


@pytest.mark.parametrize("seed", range(0, 160, 3))
def test_the_history_column_agrees_with_the_replay(seed: int) -> None:
    """History's verdict column says what its replay's summary line says, word for word."""
    from app.ui.history import describe_shift

    report = _report(_conversation(random.Random(seed)), True)
    said = describe_shift(report.session)
    assert said == report.verdict.glance()
    assert richtext.summary_text(report.session, report).endswith(said)
