"""The screen itself: patterns, then meaning, then the assistant's own NLU, united."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from safeguarding import patterns, similarity
from safeguarding.normalise import clauses, normalise
from safeguarding.tiers import Tiers


@dataclass
class ScreenResult:
    kinds: list[str]
    # kind -> the layers that caught it ("pattern", "similarity", "nlu") with what matched.
    layers: dict[str, dict[str, str]] = field(default_factory=dict)


def _combine(
    text: str, clause_scores: list[dict[str, tuple[float, str]]], nlu_kinds: Sequence[str]
) -> ScreenResult:
    layers: dict[str, dict[str, str]] = {}
    for kind, hits in patterns.match_kinds(normalise(text)).items():
        layers.setdefault(kind, {})["pattern"] = hits[0]
    for scores in clause_scores:
        for kind, exemplar in similarity.flagged(scores).items():
            layers.setdefault(kind, {}).setdefault("similarity", exemplar)
    for kind in nlu_kinds:
        if kind in similarity.KINDS:
            layers.setdefault(kind, {})["nlu"] = "assistant NLU"
    return ScreenResult(kinds=sorted(layers), layers=layers)


def _units(text: str) -> list[str]:
    """The whole message and each clause of it, normalised, for the similarity layer."""
    whole = normalise(text)
    parts = clauses(whole)
    return [whole, *[p for p in parts if p != whole]] if whole else []


def screen_detail(text: str, *, nlu_kinds: Sequence[str] = ()) -> ScreenResult:
    units = _units(text)
    scores = similarity.nearest(similarity.encode(units)) if units else []
    return _combine(text, scores, nlu_kinds)


def screen(text: str) -> list[str]:
    """The kinds flagged in one child message; an empty list when none."""
    return screen_detail(text).kinds


def screen_many(texts: Sequence[str]) -> list[list[str]]:
    """The same screen over many messages, with one batched pass through the model."""
    units = [_units(t) for t in texts]
    flat = [u for group in units for u in group]
    scores = similarity.nearest(similarity.encode(flat)) if flat else []
    out, start = [], 0
    for text, group in zip(texts, units, strict=True):
        out.append(_combine(text, scores[start : start + len(group)], ()).kinds)
        start += len(group)
    return out


def screen_tiers(text: str) -> Tiers:
    """Urgent and review kinds for one message."""
    return Tiers.of(screen(text))
