"""Achievable and relevant: judged against what the PEP knows about the child.

Achievable compares the goal with the baseline (a jump from 60% to 100% attendance in a term
is not a step); relevant asks whether the target answers the child's needs or their own
words. Neither can be judged without that context, so each is null when it is missing.
"""

from __future__ import annotations

import re

import numpy as np

from offline_models import sentence_model, spacy_pipeline
from target_coach.areas import areas_in
from target_coach.measures import numbers_in
from target_coach.schema import Criterion, TargetCheckRequest

ABSOLUTE = re.compile(
    r"\b100\s?%|\b(?:always|never|every (?:single )?(?:lesson|day|time)|"
    r"all (?:of )?(?:the )?(?:time|lessons|work)|perfect\w*|no (?:incidents|"
    r"mistakes|errors|lates))\b",
    re.I,
)
REDUCE = re.compile(
    r"\b(?:reduce\w*|fewer|less|lower|down|drop\w*|no more than|decrease\w*)\b", re.I
)
BY_PERCENT = re.compile(r"\bby\s+(\d+)\s?%", re.I)
RELEVANCE_THRESHOLD = 0.40


def _pairs(req: TargetCheckRequest) -> tuple[list[float], list[float]]:
    """The level to reach and the level now. The outcome column is where the policy's tables
    state the level; numbers in the target often describe the skill ("numbers to 20",
    "a timed essay in 45 minutes"), so they count only when the outcome names none."""
    goal = numbers_in(req.outcome) or numbers_in(req.target)
    base = numbers_in(req.context.baseline)
    return goal, base


def achievable(req: TargetCheckRequest) -> Criterion:
    baseline = req.context.baseline.strip()
    if not baseline:
        return Criterion(met=None, reason="not judgeable without a baseline")
    absolute = ABSOLUTE.search(" ".join((req.target, req.outcome)))
    if absolute:
        return Criterion(
            met=False,
            reason=f"\u201c{absolute.group(0)}\u201d leaves no room for "
            "an ordinary bad day; set a step up from the baseline.",
            evidence=[absolute.group(0)],
        )
    goal, base = _pairs(req)
    if not goal or not base:
        return Criterion(
            met=True,
            reason="The target builds on the baseline given; give both "
            "as numbers to judge the size of the step.",
            evidence=[baseline[:80]],
        )
    goal_text = " ".join((req.target, req.outcome))
    b = max(base)
    if REDUCE.search(goal_text):
        by = BY_PERCENT.search(goal_text)
        ratio = 1 - float(by.group(1)) / 100 if by else (min(goal) / b if b else 1.0)
        g = b * ratio
        too_big = ratio < 0.15
    else:
        g = max(goal)
        percent = "%" in req.context.baseline or "%" in goal_text
        too_big = (g - b > 30) if percent else (b > 0 and g / b > 2.5) or (b == 0 and g > 10)
    if too_big:
        return Criterion(
            met=False,
            reason=f"From {b:g} to {g:g} in one term is a big jump; "
            "set a step the child can reach by the review.",
            evidence=[baseline[:80]],
        )
    return Criterion(
        met=True,
        reason=f"From {b:g} to {g:g} is a realistic step from the baseline.",
        evidence=[baseline[:80]],
    )


def _lemmas(text: str) -> set[str]:
    doc = spacy_pipeline()(text.lower())
    return {
        t.lemma_
        for t in doc
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop and len(t.lemma_) > 2
    }


def relevant(req: TargetCheckRequest) -> Criterion:
    sources = [n for n in req.context.needs if n.strip()]
    if req.context.child_views.strip():
        sources.append(req.context.child_views)
    if not sources:
        return Criterion(met=None, reason="not judgeable without the child's needs or views")
    text = " ".join((req.target, req.outcome))
    model = sentence_model()
    vectors = np.asarray(model.encode([text, *sources], normalize_embeddings=True))
    scores = vectors[1:] @ vectors[0]
    best = int(np.argmax(scores))
    shared = _lemmas(text) & _lemmas(" ".join(sources))
    areas = {a for source in sources for a in areas_in(source)} & areas_in(
        " ".join((req.target, req.action, req.outcome))
    )
    if scores[best] >= RELEVANCE_THRESHOLD or shared or areas:
        if areas and scores[best] < RELEVANCE_THRESHOLD and not shared:
            best = next(i for i, s in enumerate(sources) if areas_in(s) & areas)
        source = sources[best]
        label = "the child's views" if source == req.context.child_views else "a need"
        return Criterion(
            met=True,
            reason=f"It answers {label}: \u201c{source[:80]}\u201d.",
            evidence=[source[:80], *sorted(shared | areas)[:3]],
        )
    return Criterion(
        met=False,
        reason="It does not link to the needs or the views given; say which need it answers.",
    )
