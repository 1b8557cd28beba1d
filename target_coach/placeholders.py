"""Placeholders: the bracketed gaps a draft or a rewrite leaves for the school to fill.

A target that still says "[number]" is not finished, however SMART the words around it look,
so the coach marks the criterion that gap belongs to as not met until someone fills it.
"""

from __future__ import annotations

import re

from target_coach.schema import Criteria, Criterion, TargetCheckRequest

PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,160}\]")

# A placeholder's own words say which criterion it holds back; failing that, its field does.
BY_WORDS = (
    (re.compile(r"^\[(?:review date|date)", re.I), "time_bound"),
    (re.compile(r"^\[(?:the measure|number|how many|score|grade)", re.I), "measurable"),
    (re.compile(r"^\[(?:the particular skill|skill)", re.I), "specific"),
    (re.compile(r"^\[(?:where .* is now|baseline|a step up)", re.I), "achievable"),
    (re.compile(r"^\[(?:the need|need)", re.I), "relevant"),
)
BY_FIELD = {
    "target": "specific",
    "action": "specific",
    "who": "achievable",
    "when": "time_bound",
    "outcome": "measurable",
    "baseline": "achievable",
}


def unfilled(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)


def _fields(req: TargetCheckRequest) -> dict[str, str]:
    return {
        "target": req.target,
        "action": req.action,
        "who": req.who,
        "when": req.when,
        "outcome": req.outcome,
        "baseline": req.context.baseline,
    }


def gaps(req: TargetCheckRequest) -> dict[str, list[str]]:
    """Each criterion with the placeholders that still stand in its way."""
    found: dict[str, list[str]] = {}
    for field, text in _fields(req).items():
        for gap in unfilled(text):
            name = next((c for pattern, c in BY_WORDS if pattern.match(gap)), BY_FIELD[field])
            found.setdefault(name, []).append(gap)
    return found


def hold_back(judged: Criteria, req: TargetCheckRequest) -> Criteria:
    """The same judgement, with every criterion that still has a gap to fill marked not met."""
    held = gaps(req)
    if not held:
        return judged
    changed = {
        name: Criterion(
            met=False,
            reason="Fill in " + ", ".join(f"\u201c{g}\u201d" for g in held[name][:3]) + " first.",
            evidence=held[name][:3],
        )
        for name in held
    }
    return judged.model_copy(update=changed)
