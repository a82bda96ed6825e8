"""Train the framing heads (app/framing/model_files/heads.json) on the bundled int8 encoder.

Run by `make framing-model` after scripts/build_framing_model.py; deterministic (full-batch
gradient descent from zeros, fixed steps, no randomness). Trains on the team's dev set
(answers.jsonl) and the "train" split of the independent writers (tests/data/framing/hands/);
never on answers_holdout.jsonl, the writers' "holdout" split or any "other_hand" file.

Features: the answer's mean-pooled, normalised embedding + the manager cues the rules found in
the line before. The frame head is a 3-way softmax; the cue heads name the cue of each frame,
learned from the cues the rules found on training answers of that frame. The overrule
thresholds are chosen out of fold (5 folds) to maximise macro-F1 of the whole hybrid (rules
first, model for the rest): each fold's heads are read by `learned.hybrid` itself, the function
the analyzer calls, so the choice sees every guard it has (remarks and questions about the other
person read apart, withdrawn requests, work questions, pay words); nothing here copies them.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from framing_recipe import HEADS_L2, HEADS_WRITERS  # noqa: E402

from app.framing.analyzer import analyze_answer  # noqa: E402
from app.framing.cues import manager_cues  # noqa: E402
from app.framing.encoder import MODEL_DIR, SentenceEncoder, TokenStates, load_encoder  # noqa: E402
from app.framing.evaluation import (  # noqa: E402
    LabelledAnswer,
    load_answers,
    load_split,
    macro_f1,
)
from app.framing.learned import (  # noqa: E402
    HEADS_FILE,
    FramingModel,
    Head,
    Heads,
    hybrid,
    manager_features,
    rules_decide,
)
from app.framing.model import CueMatch  # noqa: E402
from app.framing.vocabulary import CUE_SPECS, FRAMES, HEDGES, Frame  # noqa: E402

DATA = REPO / "tests" / "data" / "framing"
FOLDS = 5
STEPS = 1500
L2 = HEADS_L2
#: The lowest thresholds allowed. The encoder is fine-tuned on the same training items, so
#: out-of-fold probabilities are over-confident; these floors come from the held-apart check of
#: `finetune_framing_encoder.py --check` (best there: 0.5 / 0.6).
FLOOR, QUESTION_FLOOR = 0.5, 0.6
#: The (opening, close) word pieces of a long answer the build trains on: wider than the run
#: time's reading (`encoder.FRAMING_HEAD_TOKENS`, `FRAMING_TAIL_TOKENS`, chosen for speed); on
#: the held-out sets, measured at run time's reading, this did better than training at it.
TRAINING_WINDOW = (32, 16)
GRID = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)


#: The writers whose "train" split the model learns from (encoder and heads). Session 4's
#: banks (writer-c7, writer-c8: openings, reasons for coming, deferring, asking for others) are
#: committed but not trained on: both retrains with them (encoder and heads, or heads only)
#: scored lower on the team's held-out set or read "I'd love to work at Harbor Bank" (the
#: issue's own example) as neutral, so their "train" split is unused and their held-out fifth
#: joins the writers' held-out figure. Session 5's writer-c9 (openings, reasons for coming, love
#: to work at, process questions) likewise: a heads-only retrain with it (chosen on the writers'
#: held-out fifths, never the team's held-out set) scored 0.942 there against 0.940, halved the
#: greeting and reasons-for-coming misreads (42 -> 20 of 240, 38 -> 5 of 288), but its
#: recognizer-style copy fell 0.940 -> 0.935 and it read 21 of 240 "I'm not ready to apply.
#: Could we stay in touch?" as an interview (the cue head names it commitment, which
#: `learned._judge_kept` lets stand), so it is not shipped. Session 6: a heads-only retrain with
#: c9 and writer-c10 (ESL, terse, ramblers) scored 0.939 on the writers' held-out fifths against
#: 0.941 (greeting 34 vs 42 of 240, reasons 34 vs 38 of 288, love to work at 2 vs 1 of 168): no
#: win, not shipped; its "stay in touch" reading is now held by `learned._keeps_in_touch`.
#: Session 7 (c11, c12 added): a three-layer stack (`finetune_framing_encoder.py --depth 3`,
#: the wheel's first layer + two fine-tuned) trained with all eleven banks scored 0.944 on the
#: writers' held-out fifths (627) against 0.934 for the shipped model in the same run, and cut
#: the model path's CPU time to 0.80 (p50) / 0.85 (p95) of the shipped one's, but it failed
#: five generated-class tests the shipped model passes (work questions read as a request or
#: commitment: "Is it a new role?", "Who would I be working with?", "who would that vacancy
#: report to?", "what did the last person you hired do well"; a negated sentence's next one;
#: "love to work at"), with heads on the first five banks too: not shipped. A heads-only
#: retrain on all banks over the shipped encoder scored 0.924: not shipped.
#: Session 8 (writers c13-c16, four new independent banks of 300): `make framing-model` with
#: c13-c16 added (2,284 training items, session 8's rules before d1c0ffb) scored 0.949 on the
#: writers' held-out fifths (15 writers, 845 items) against 0.941 for the shipped model in one
#: `compare_framing_models.py` run at d1c0ffb's rules (recognizer copy 0.948 vs 0.942; c9 0.888
#: -> 0.919, c10 0.923 -> 0.943), and it passed the reasons_for_coming class ceiling the shipped
#: model misses, but it read "depends is it a new role" / "Hmm, is it a new role?" after the
#: interest question as an interview (test_framing_curious_not_pay fails its no-shift test,
#: which the shipped model passes): not shipped; c13-c16's held-out fifths join the dev split.
#: Session 9 (c17, c18 added; dev = 17 writers' held-out fifths, 947 items), chosen on dev
#: alone: (a) heads-only over the shipped encoder, all 17 writers, L2 1e-4 (L2 1e-3 / 3e-4 /
#: 3e-5 scored lower on dev): dev 0.948 vs 0.946 shipped in one compare run (recognizer copy
#: 0.951 vs 0.944); (b) `finetune_framing_encoder.py` with c1-c16 (3,709 items, ~12 min an
#: epoch at load 10-14 here) and heads on all 17 writers, L2 1e-4: dev 0.957 vs 0.945
#: (recognizer copy 0.957 vs 0.943; c9 0.888 -> 0.954, c18 0.936 -> 0.978, c7 0.878 -> 0.860).
#: Both fail generated class tests the shipped model passes, and no overrule threshold fixes
#: them: (b) reads "Hmm, is it a new role?" to the interest question as a job request and
#: "I bet you'd be the best person to ask about X" after a manager's fact as a commitment at
#: p(interview) 0.97-0.98, reads questions about the manager's routine as an interview (43 of
#: 1,080), and no longer reads "I'd love to work at a place like yours" (18 of 168) or "what
#: shifts would I be on" as an interview (p 0.04 / 0.18); (a) the same classes at 0.56-0.80.
#: Not shipped.
#: Session 10, why (b) failed: neither turn is decided by the rules (a question, an uncued
#: remark), so the model overrules above its threshold. Among the training items a question
#: naming "the role" is an interview 64 times against 13 (never neutral), and the short answers
#: to an interest question that ask something are all interviews (7 of 7: "Yes! When can I
#: start?"): (b) reads "Hmm, is it a new role?" at p(interview) 0.64 on its words alone, 0.97
#: with the line's cue. "you'd be the best person to ask" was already silent
#: (`cues.silent_spans`), but the rest read apart was its lead-in "Honestly I bet", and
#: "honestly" is in 251 interview items against 48 neutral: p 0.71. Both are now held in
#: `learned.hybrid` whatever the model (`_work_questions`, `_lead_in`). The other failures are
#: the model agreeing with the rules where the class tests want an interview, which no guard or
#: threshold changes: "I'd love to work at a place like yours" (writer-c9 labels "id love to
#: work somewhere like this one day" neutral or exploration 8 times; the rules too take a kind
#: of place for no commitment) and "what shifts would I be on" (test_trial8_their_routine: one's
#: own start is an interview). The thresholds were chosen by a copy of the hybrid without its
#: session 8-9 guards; they are now chosen through `learned.hybrid` itself (`hybrid_frames`).
#: A heads-only retrain on the shipped encoder with 16 writers (all but c7, c8, c9; c19, c20
#: in), L2 1e-4, thresholds so chosen (0.7 / 0.7): dev (19 writers' held-out fifths, 1,077
#: items) 0.940 against 0.948 shipped in one run, and still 5 of 168 "a place like yours" and
#: "what shifts would I be on" read otherwise: not shipped.
#: Session 11: the lead decided both label conflicts (`LABEL_RULES` below); on c1..c22's train
#: splits they change 3 labels (c9 "id love to work at the grand / at vireo someday" neutral ->
#: interview; c7 "I'd love to work somewhere like your firm someday" interview, dropped), none of
#: the shipped five writers'. Heads on all 21 writers (5,164 items, L2 1e-4, thresholds 0.55 /
#: 0.6) over session 9's encoder fine-tuned on c1..c16: dev (21 writers' held-out fifths, 1,189
#: items, HEAD 3473380's rules) 0.960 against 0.950 shipped, recognizer copy 0.959 against 0.948;
#: but it fails class tests the shipped model passes, at model probabilities no threshold
#: reaches: "I wanted to meet people who build data platforms" read as a pitch or job request
#: (55 of 288 reasons for coming, p 0.73-0.91), "Hmm, what's the biggest challenge right now?"
#: to an interest question as commitment (p 0.95), and "I'm not applying anywhere else. I'd move
#: anywhere for this job." neutral (the kept sentence reads interview at 0.996 but its cue head
#: names the withdrawn request). A fine-tune on all 21 writers did not finish one epoch in 19
#: minutes at load 14-16 (two shared cores): stopped. Not shipped.
#: Session 20: the writers and L2 are the shipped recipe's (`scripts/framing_recipe.py`,
#: declared once for both build scripts); until then this file said c1, c2, c4, c5, c6 (the
#: writers of an earlier model), so `make framing-model` could not rebuild the shipped files.


# The lead's decisions of session 11 (README "How answers are framed"), applied to the writers'
# training labels that contradict them. Writers labelled by their own reading, before these were
# decided; a training label that says otherwise is relabelled by one of `LABEL_RULES` (or
# dropped), never by hand, and only in the "train" split (a held-out fifth, the team's held-out
# set and the other hands keep their writers' labels: they measure, they do not teach).
# (1) A place named as theirs ("I'd love to work here / at Harbor Bank / on your team") is an
#     interview; a kind of place ("somewhere like this one day", "a place like yours") is no
#     commitment (dropped when labelled interview: "no commitment" does not say which of
#     exploration and neutral the writer meant).
# (2) A question about the seeker's own terms in the job (pay, hours, shifts, start date, perks,
#     remote) is an interview; one about the work, the team, the people ("who would I be working
#     with", "what would my first project look like") is exploration.
# Each rule reads the answer in recognizer style (lower case, no apostrophes), so a typed and a
# recognized answer get the same treatment.
_WANT = (
    r"\b(?:i|id|i would|ive|i have|im|i am)\s+(?:(?:really|so|just|always|"
    r"truly|totally|definitely|also|honestly|be)\s+){0,2}(?:love|like|want(?:ed)?|wanna|hope|"
    r"dream(?:ed)?|keen|thrilled|excited|happy|glad|eager)\s+(?:to\s+|of\s+)?(?:\w+\s+)?"
    r"(?:work|working|join|joining)\b"
)
_NOT_A_PLACE = (
    r"(?:a|an|some|any|somewhere|someplace|places?|compan(?:y|ies)|home|night|nights|least|"
    r"first|all|this|that|the moment|my|our|it|scale|pace)\b"
)
_THEIR_PLACE = re.compile(
    _WANT + r"\s+(?:here\b|there\b|with (?:you|your \w+|yall)\b|for you\b|(?:on|in|at) "
    r"(?:your|yours)\b|you\b|your \w+|at (?:the )?(?!" + _NOT_A_PLACE + r")\w+)"
)
_KIND_OF_PLACE = re.compile(
    _WANT + r"[^.?!]{0,30}?\b(?:somewhere|someplace|some place|places?|compan(?:y|ies)|"
    r"an? \w+|teams?|firms?|shops?|labs?|orgs?)\s+like\s+(?:this|yours|your|you|that|here|"
    r"the one)\b"
)
_NEGATED = re.compile(r"\b(?:not|dont|never|wouldnt|cant|couldnt|no longer|doubt)\b")
_OWN_TERMS = re.compile(
    r"(?:\b(?:would|will|do|can|could|am|shall)\s+i\b[^.?!]{0,40}?\b(?:get paid|be paid|"
    r"paid|salary|wages?|hours|shifts?|clock in|start(?:ing)? date|work(?:ing)? from home|"
    r"remote(?:ly)?|wfh|benefits|perks|vacation|pto|overtime|schedule|be on call|days off|"
    r"a raise|bonus(?:es)?|commute)\b"
    r"|\b(?:what|which|how many|how much|how long)\s+(?:\w+\s+){0,2}?(?:shifts?|hours|days|pay|"
    r"salary|benefits|perks|schedule|rate)\s+(?:would|will|do|could|can|should)\s+i\b"
    r"|\b(?:when|what day|what date|how soon)\s+(?:would|could|can|do|will)\s+i\s+"
    r"(?:start|begin)\b"
    r"|\bmy\s+(?:pay|salary|hours|shifts?|schedule|start date|rate|wages?|benefits|"
    r"vacation|days off|commute|bonus)\b)"
)
_WORK_PEOPLE = re.compile(
    r"\b(?:who|what|which|how)\s+(?:would|will|do|could)\s+i\s+(?:be\s+)?(?:working with|work "
    r"with|report(?:ing)? to|be working on|work on|sit with|shadow|be learning|learn)\b"
    r"|\bwhat\s+(?:would|will|does|might)\s+my\s+(?:first\s+)?(?:project|projects|day|week|"
    r"month|team|work|role|manager|tasks?)\s+(?:look|be|involve)\b"
    r"|\bwho\s+(?:would|will)\s+(?:be\s+)?my\s+(?:manager|boss|mentor|teammates?|team|lead)\b"
)
_QUESTION_OPENER = re.compile(
    r"^(?:(?:so|and|but|also|um|uh|oh|okay|ok|well|yeah|hmm|and so|just curious|curious)\s+)*"
    r"(?:who|what|whats|which|when|where|why|how|would|will|do|does|did|can|could|is|are|am|"
    r"should|shall)\b"
)

_WH_QUESTION = re.compile(
    r"\b(?:who|what|whats|which|when|where|how)\s+(?:\w+\s+){0,2}?(?:would|will|do|does|could|"
    r"can|is|are|am)\s+(?:i|you|we|they|it|he|she|there|the|my|your|be)\b"
    r"|(?:^|\b(?:okay|ok|cool|so|and|but|also|um|uh|great|right|sure|yeah|well|oh)\s+)"
    r"(?:would|will|do|does|can|could|am|is|are)\s+(?:i|you|we|they|it|there)\b"
)


def _clauses(text: str) -> list[tuple[str, bool]]:
    """The answer's sentences in recognizer style, each with whether it is a question (ends in
    '?', or opens like one in an answer written without punctuation)."""
    from app.framing.evaluation import recognizer_style

    unpunctuated = not re.search(r"[.?!]", text)
    out = []
    for raw in re.findall(r"[^.?!]+[.?!]?", text):
        plain = recognizer_style(raw)
        if plain:
            asked = raw.rstrip().endswith("?") or (
                unpunctuated
                and (
                    _QUESTION_OPENER.search(plain) is not None
                    or _WH_QUESTION.search(plain) is not None
                )
            )
            out.append((plain, asked))
    return out


@dataclass(frozen=True)
class LabelRule:
    """One decision applied to training labels: the labels it contradicts and what it makes of
    them (a frame, or None: the item is dropped)."""

    name: str
    contradicts: frozenset[str]
    to: Frame | None


LABEL_RULES: tuple[LabelRule, ...] = (
    LabelRule("their_place_is_interview", frozenset({"neutral", "exploration"}), "interview"),
    LabelRule("a_kind_of_place_is_no_commitment", frozenset({"interview"}), None),
    LabelRule("own_terms_are_interview", frozenset({"neutral", "exploration"}), "interview"),
    LabelRule("work_and_people_are_exploration", frozenset({"interview"}), "exploration"),
)


def label_rule(item: LabelledAnswer) -> LabelRule | None:
    """The rule of `LABEL_RULES` that contradicts `item`'s label, if one does.

    Only plain cases: an answer the rules read a hedge in (uncertainty, conditional interest,
    advice seeking), a negated wish, or (for the relabels to exploration and the drops) any
    interview cue of the rules besides the question itself is left as its writer labelled it.
    """
    rules = {c.cue for c in analyze_answer(item.manager, item.answer, rules_only=True).cues}
    if rules & HEDGES:
        return None
    clauses = _clauses(item.answer)
    by_name = {rule.name: rule for rule in LABEL_RULES}

    def said(pattern: re.Pattern[str], questions: bool = False) -> bool:
        for plain, asked in clauses:
            if questions and not asked:
                continue
            m = pattern.search(plain)
            if m and not _NEGATED.search(plain[max(0, m.start() - 24) : m.start() + 8]):
                return True
        return False

    theirs = said(_THEIR_PLACE) and not said(_KIND_OF_PLACE)
    own = said(_OWN_TERMS, questions=True)
    interview_cues = {
        name
        for name in rules
        if name in CUE_SPECS
        and CUE_SPECS[name].speaker == "seeker"
        and CUE_SPECS[name].frame == "interview"
    }
    if item.frame in by_name["their_place_is_interview"].contradicts and theirs:
        return by_name["their_place_is_interview"]
    if item.frame in by_name["own_terms_are_interview"].contradicts and own:
        return by_name["own_terms_are_interview"]
    if item.frame == "interview" and not interview_cues and not own and not theirs:
        if said(_KIND_OF_PLACE):
            return by_name["a_kind_of_place_is_no_commitment"]
        if said(_WORK_PEOPLE, questions=True):
            return by_name["work_and_people_are_exploration"]
    return None


def relabelled(items: list[LabelledAnswer]) -> tuple[list[LabelledAnswer], Counter[str]]:
    """`items` with `LABEL_RULES` applied, and how many each rule changed or dropped."""
    out: list[LabelledAnswer] = []
    changed: Counter[str] = Counter()
    for item in items:
        rule = label_rule(item)
        if rule is None:
            out.append(item)
            continue
        changed[rule.name] += 1
        if rule.to is not None:
            out.append(replace(item, frame=rule.to))
    return out, changed


#: How many training labels `LABEL_RULES` changed in the last `training_items()` call.
RELABELLED: Counter[str] = Counter()


def training_items(writers: Sequence[str] = HEADS_WRITERS) -> list[LabelledAnswer]:
    """The team's dev set and the "train" split of `writers` (the heads' recipe unless told), in
    file order, the writers' labels checked against `LABEL_RULES` (the team's dev set is the
    rules' own). A writer with no file is an error, never silently left out."""
    missing = sorted(set(writers) - {p.stem for p in (DATA / "hands").glob("writer-*.jsonl")})
    if missing:
        raise SystemExit(f"no such training writer in {DATA / 'hands'}: {', '.join(missing)}")
    items = load_answers(DATA / "answers.jsonl")
    chosen: list[LabelledAnswer] = []
    for path in sorted((DATA / "hands").glob("writer-*.jsonl")):
        if path.stem in writers:
            chosen += load_split(path, "train")
    kept, changed = relabelled(chosen)
    RELABELLED.clear()
    RELABELLED.update(changed)
    return items + kept


def holdout_items() -> list[LabelledAnswer]:
    """The independent writers' held-out split (never trained on; a dev set for choices)."""
    paths = sorted((DATA / "hands").glob("writer-*.jsonl"))
    return [item for path in paths for item in load_split(path, "holdout")]


def fit(x: np.ndarray, labels: np.ndarray, classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, class-balanced, L2, plain gradient descent with momentum."""
    n, d = x.shape
    counts = np.bincount(labels, minlength=classes).astype(np.float64)
    sample_w = (n / (classes * np.maximum(counts, 1)))[labels]
    target = np.eye(classes)[labels]
    w, b = np.zeros((d, classes)), np.zeros(classes)
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    rate, momentum = 2.0, 0.9
    for _ in range(STEPS):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        grad = (probs - target) * sample_w[:, None] / n
        gw = x.T @ grad + L2 * w
        gb = grad.sum(axis=0)
        vw = momentum * vw - rate * gw
        vb = momentum * vb - rate * gb
        w += vw
        b += vb
    return w, b


def features(items: list[LabelledAnswer], directory: Path = MODEL_DIR) -> np.ndarray:
    encoder = load_encoder(directory)
    vectors = encoder.embed(
        [item.answer for item in items], framing=True, reading=TRAINING_WINDOW
    ).astype(np.float64)
    context = np.stack(
        [
            manager_features(frozenset(c.cue for c in manager_cues(item.manager or "")))
            for item in items
        ]
    )
    return np.concatenate([vectors, context], axis=1)


@dataclass(frozen=True)
class RulesView:
    """What the analyzer has for a seeker turn before the model: the rules' frame, score and
    cues, the manager cues of the line before, and whether the rules decide it."""

    frame: Frame
    score: float
    cues: tuple[CueMatch, ...]
    context: frozenset[str]
    decided: bool


def rules_view(items: list[LabelledAnswer]) -> list[RulesView]:
    """The rules' reading of each item, as `analyzer._analyze_turn` hands it to the model."""
    view = []
    for item in items:
        result = analyze_answer(item.manager, item.answer, rules_only=True)
        context = (
            frozenset(c.cue for c in manager_cues(item.manager))
            if item.manager is not None
            else frozenset()
        )
        decided = rules_decide(item.answer, [c.cue for c in result.cues])
        view.append(RulesView(result.frame, result.score, result.cues, context, decided))
    return view


class RememberedEncoder:
    """An encoder that keeps each text's token states: the threshold grid reads the same turns
    (and the same rest-of-turn pieces) once per fold and threshold pair."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self.encoder = encoder
        self.kept: dict[tuple[str, bool], TokenStates] = {}

    def token_states(self, text: str, framing: bool = False) -> TokenStates:
        key = (text, framing)
        if key not in self.kept:
            self.kept[key] = self.encoder.token_states(text, framing=framing)
        return self.kept[key]


def hybrid_frames(
    items: list[LabelledAnswer],
    view: list[RulesView],
    models: list[FramingModel],
    fold_of: np.ndarray,
) -> list[str]:
    """The analyzer's frames: the rules' where they decide, else `learned.hybrid` with the
    model `models[fold_of[i]]` (item i's fold heads and the thresholds under trial)."""
    out: list[str] = []
    for i, (item, row) in enumerate(zip(items, view, strict=True)):
        if row.decided:
            out.append(row.frame)
            continue
        rules = (row.frame, row.score, row.cues)
        out.append(hybrid(models[int(fold_of[i])], item.answer, rules, row.context)[0])
    return out


def cue_label(item: LabelledAnswer) -> str | None:
    """The first cue of the item's own frame that the rules (or the corpus label) give it."""
    result = analyze_answer(item.manager, item.answer, rules_only=True)
    for name in [c.cue for c in result.cues] + list(item.cues):
        spec = CUE_SPECS.get(name)
        if spec is not None and spec.speaker == "seeker" and spec.frame == item.frame:
            return name
    return None


def fit_cue_heads(
    x: np.ndarray, truth: Sequence[str], labels: Sequence[str | None], rows: np.ndarray
) -> dict[str, Head]:
    """Per frame that has cues, a head naming the cue, fit on `rows` of that frame."""
    heads = {}
    for frame in ("exploration", "interview"):
        pairs = [(i, labels[i]) for i in rows if truth[i] == frame and labels[i] is not None]
        names = tuple(sorted({cast(str, name) for _, name in pairs}))
        cw, cb = fit(
            x[[i for i, _ in pairs]],
            np.array([names.index(cast(str, n)) for _, n in pairs]),
            len(names),
        )
        heads[frame] = Head(names, cw, cb)
    return heads


def parse_writers(raw: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """`--writers a,b,...` (trial builds): these writers instead of the recipe's `default`."""
    if not raw:
        return default
    names = (name.strip() for name in raw.split(","))
    return tuple(n if n.startswith("writer-") else f"writer-{n}" for n in names if n)


def main() -> None:
    import argparse

    global L2
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=MODEL_DIR, help="the model files to train on")
    parser.add_argument(
        "--writers",
        help="comma-separated writers (trial builds; default: scripts/framing_recipe.py)",
    )
    parser.add_argument("--l2", type=float, default=L2, help="the heads' L2 (trial builds)")
    args = parser.parse_args()
    writers = parse_writers(args.writers, HEADS_WRITERS)
    L2 = args.l2
    directory: Path = args.dir
    items = training_items(writers)
    x = features(items, directory)
    y = np.array([FRAMES.index(item.frame) for item in items])
    view = rules_view(items)
    truth = [item.frame for item in items]
    labels = [cue_label(item) if item.frame != "neutral" else None for item in items]
    folds = np.arange(len(items)) % FOLDS
    everything = np.arange(len(items))
    encoder = cast(SentenceEncoder, RememberedEncoder(load_encoder(directory)))
    fold_heads = []
    for fold in range(FOLDS):
        rows = everything[folds != fold]
        w, b = fit(x[rows], y[rows], len(FRAMES))
        fold_heads.append((Head(FRAMES, w, b), fit_cue_heads(x, truth, labels, rows)))
    best = (-1.0, 1.01, 1.01)
    for t in GRID:
        for tq in GRID:
            if tq < t or t < FLOOR or tq < QUESTION_FLOOR:
                continue
            models = [
                FramingModel(encoder, Heads(frame, cues, threshold=t, question_threshold=tq))
                for frame, cues in fold_heads
            ]
            frames = hybrid_frames(items, view, models, folds)
            score = macro_f1(list(zip(truth, frames, strict=True)))
            if score > best[0] + 1e-9:
                best = (score, t, tq)
    rules_f1 = macro_f1(list(zip(truth, [v.frame for v in view], strict=True)))
    oof = np.zeros((len(items), len(FRAMES)))
    for fold, (frame_head, _) in enumerate(fold_heads):
        oof[folds == fold] = frame_head.probabilities(x[folds == fold])
    head_f1 = macro_f1(list(zip(truth, [FRAMES[int(k)] for k in oof.argmax(1)], strict=True)))
    w, b = fit(x, y, len(FRAMES))
    heads = Heads(
        frame=Head(FRAMES, w, b),
        cues=fit_cue_heads(x, truth, labels, everything),
        threshold=best[1],
        question_threshold=best[2],
    )
    (directory / HEADS_FILE).write_text(json.dumps(heads.to_dict()) + "\n", encoding="utf-8")
    report: dict[str, object] = {
        "train_items": len(items),
        "by_frame": dict(Counter(truth)),
        "out_of_fold_macro_f1": {
            "rules": round(rules_f1, 4),
            "head_alone": round(head_f1, 4),
            "hybrid": round(best[0], 4),
        },
        "threshold": best[1],
        "question_threshold": best[2],
        "l2": L2,
        "relabelled": dict(sorted(RELABELLED.items())),
    }
    from build_framing_model import write_manifest

    report["writers"] = list(writers)
    manifest_path = directory / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["heads"] = report
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    write_manifest(out=directory)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
