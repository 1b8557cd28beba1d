"""The screen itself: curated patterns and a trained classifier, sorted into two tiers.

Urgent: a pattern written for the unmistakable (and quiet on ordinary talk in the labelled
data), or the classifier confident past its urgent threshold. Review: any other pattern, or the
classifier past its lower review threshold. A child's plain "no" to a worry ("I'm not sad at
school") moves that kind from urgent to review (`denials`). Recall wins over precision, and the
review tier is where that is paid for: a person reads it the same day without interrupting the
child.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from safeguarding import classifier, language, patterns
from safeguarding.denials import denied
from safeguarding.tiers import KINDS, Tiers
from safeguarding.units import message_units, prepare

# The rating scale's calm and happy faces. Typed alone they answer "how do you feel?", and the
# encoder reads every emoji as the same unknown token, so a lone 🙂 scored as a lone 😢 does
# (review, unhappy in school). A sad or angry face, any other symbol, or a face beside words
# still goes to the model.
CALM_FACES = frozenset("🙂😊☺😀😃😄😁😍🥰👍👌😐😑😶")
_JOINERS = frozenset("\ufe0f\ufe0e")  # emoji and text presentation selectors


def calm_faces_only(text: str) -> bool:
    """Whether the message is only calm or happy faces (with spaces, punctuation, skin tones)."""
    kept = [
        ch
        for ch in text
        if not (
            ch.isspace()
            or ch in _JOINERS
            or 0x1F3FB <= ord(ch) <= 0x1F3FF  # skin tones
            or unicodedata.category(ch).startswith("P")
        )
    ]
    return bool(kept) and all(ch in CALM_FACES for ch in kept)


def _tiers(
    prepared: str, proba: np.ndarray, model: classifier.Classifier, *, unread: bool = False
) -> Tiers:
    """One message's tiers from its pattern hits and its units' probabilities.

    A message the screen cannot read (`language`) goes to a person whatever it scored.
    """
    urgent: set[str] = set()
    review: set[str] = set()
    for kind, hits in patterns.match_kinds(prepared).items():
        (urgent if any(h in model.urgent_patterns for h in hits) else review).add(kind)
    peak = proba.max(axis=0)
    for k, kind in enumerate(classifier.LABELS[1:], start=1):
        if peak[k] >= model.urgent_threshold[kind]:
            urgent.add(kind)
        elif peak[k] >= model.review_threshold:
            review.add(kind)
    for kind in [k for k in urgent if denied(prepared, k)]:
        urgent.discard(kind)  # "I'm not sad at school": a person reads it, no alarm
        review.add(kind)
    concern = 1 - proba[:, 0].min()
    if concern >= model.review_threshold and not (urgent or review):
        review.add(classifier.LABELS[1 + int(np.argmax(peak[1:]))])
    if unread and not urgent:
        review.add("safeguarding")
    return Tiers.of(urgent, review)


@dataclass(frozen=True)
class Scored:
    """A message's tiers and the classifier's highest probability of each kind in it."""

    tiers: Tiers
    peak: dict[str, float]


def screen_scored_many(texts: Sequence[str]) -> list[Scored]:
    """Tiers and scores for many messages, with one batched pass through each model."""
    model = classifier.load()
    prepared = [prepare(t) if t.strip() and not calm_faces_only(t) else "" for t in texts]
    groups: list[range] = []
    units: list[str] = []
    for text in prepared:
        own = message_units(text) if text.strip(" ,.!?") else []
        groups.append(range(len(units), len(units) + len(own)))
        units.extend(own)
    proba = model.probabilities(units, classifier.embed(units))
    out: list[Scored] = []
    for text, group in zip(prepared, groups, strict=True):
        if not len(group):
            out.append(Scored(Tiers(), dict.fromkeys(KINDS, 0.0)))
            continue
        rows = proba[list(group)]
        peak = rows.max(axis=0)
        unread = language.unreadable([units[i] for i in group])
        tiers = _tiers(text, rows, model, unread=unread)
        out.append(Scored(tiers, {k: float(peak[i + 1]) for i, k in enumerate(KINDS)}))
    return out


def screen_tiers_many(texts: Sequence[str]) -> list[Tiers]:
    """Both tiers for many messages, batched."""
    return [s.tiers for s in screen_scored_many(texts)]


def screen_tiers(text: str) -> Tiers:
    """Urgent and review kinds for one child message."""
    return screen_tiers_many([text])[0]


def screen_many(texts: Sequence[str]) -> list[list[str]]:
    """The urgent kinds for many messages (the contract's `kinds`)."""
    return [list(t.kinds) for t in screen_tiers_many(texts)]


def screen(text: str) -> list[str]:
    """The sorted urgent kinds flagged in one child message; an empty list when none."""
    return list(screen_tiers(text).kinds)


__all__ = [
    "KINDS",
    "Scored",
    "calm_faces_only",
    "screen",
    "screen_many",
    "screen_scored_many",
    "screen_tiers",
    "screen_tiers_many",
]
