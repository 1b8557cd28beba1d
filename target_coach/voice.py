"""Whether a term's targets answer what the child asked for, and the school worries they raised.

Slough asks that the child's views be "fully acted upon" and Halton's quality criteria ask
whether the child's concerns are addressed. A target answers the child when the school linked
it to their answer, or when it is plainly about the same thing: the same area of need, or close
in meaning. Every relation carries its reason, so a person can see why the coach thinks so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from offline_models import sentence_model
from target_coach.areas import areas_in
from target_coach.draft import CHILD_WORDS
from target_coach.refusals import lemmas_of, refusal_given
from target_coach.schema import PolicyFinding

# The answers in which a child asks for something: help, a change, a future.
ASK_TOPICS = ("support_wanted", "not_going_well", "aspirations")
# Close enough in meaning that a reader would say the target is about what the child said:
# on twelve hand-written pairs, related ones scored 0.20-0.46 and unrelated ones -0.06-0.10;
# a missed relation only asks the school to link the target, so the line sits high.
MEANING_THRESHOLD = 0.30
NOTHING = re.compile(
    r"^\s*(?:no|nope|nah|none|nothing|nothing really|not really|dunno|idk|i don'?t know|"
    r"not sure|don'?t know|n/?a|fine|ok|okay|all good|i'?m (?:fine|ok|okay)|-)\s*[.!]*\s*$",
    re.I,
)
_CHILD = {area: re.compile(rf"\b(?:{p})\b", re.I) for area, p in CHILD_WORDS.items()}


@dataclass(frozen=True)
class ChildAsk:
    """One answer of the child's, in their words, under the topic it was given to."""

    topic: str
    words: str


@dataclass(frozen=True)
class Plan:
    """A target or an action the school has written, and the answer it was linked to."""

    ref: str
    text: str
    answers_topic: str | None = None


@dataclass
class Relation:
    ask: ChildAsk
    answered_by: list[dict[str, str]] = field(default_factory=list)


def is_ask(ask: ChildAsk) -> bool:
    return ask.topic in ASK_TOPICS and bool(ask.words.strip()) and not NOTHING.match(ask.words)


def _areas(text: str) -> set[str]:
    return areas_in(text) | {a for a, p in _CHILD.items() if p.search(text)}


def relate(asks: list[ChildAsk], plans: list[Plan]) -> list[Relation]:
    """For each ask, every plan that answers it, and why: linked, same area, or meaning."""
    relations = [Relation(ask) for ask in asks]
    if not asks or not plans:
        return relations
    vectors = np.asarray(
        sentence_model().encode(
            [a.words for a in asks] + [p.text for p in plans], normalize_embeddings=True
        )
    )
    similarity = vectors[: len(asks)] @ vectors[len(asks) :].T
    for i, relation in enumerate(relations):
        ask_areas = _areas(relation.ask.words)
        for j, plan in enumerate(plans):
            reason = _reason(relation.ask, ask_areas, plan, float(similarity[i, j]))
            if reason:
                relation.answered_by.append({"ref": plan.ref, "reason": reason})
    return relations


def _reason(ask: ChildAsk, ask_areas: set[str], plan: Plan, score: float) -> str:
    if plan.answers_topic and plan.answers_topic == ask.topic:
        return "the school linked it to this answer"
    shared = sorted(ask_areas & areas_in(plan.text))
    if shared:
        return "both are about " + " and ".join(a.replace("_", " ") for a in shared)
    if score >= MEANING_THRESHOLD:
        return f"it is close in meaning to what the child said ({score:.2f})"
    return ""


def help_turned_down(asks: list[ChildAsk], targets: list[Plan]) -> list[PolicyFinding]:
    """`child_turned_down_help`: a target gives help the child said they do not want or need
    ("I don't need a mentor"). It may still be right; it must not go unsaid."""
    findings = []
    for target in targets:
        row = lemmas_of(target.text)
        for ask in asks:
            refusal = refusal_given(ask.words, row)
            if refusal is not None:
                findings.append(
                    PolicyFinding(
                        rule="child_turned_down_help",
                        message=f"\u201c{target.text[:80]}\u201d {refusal.verb} {refusal.words}, "
                        "which the child said they do not want or need: "
                        f"\u201c{refusal.said[:120]}"
                        "\u201d. Agree it with them, or say in the target why it is still needed.",
                    )
                )
                break
    return findings


def voice_findings(
    asks: list[ChildAsk], targets: list[Plan], concerns: list[ChildAsk], actions: list[Plan]
) -> tuple[list[PolicyFinding], list[Relation]]:
    """`child_voice_not_addressed`: the child asked for something and no target answers any of
    it. `child_turned_down_help`: a target gives help the child said they do not want.
    `child_concern_not_addressed`: a worry about school with no target or action on it."""
    wanted = [a for a in asks if is_ask(a)]
    relations = relate(wanted, targets)
    findings = []
    if wanted and not any(r.answered_by for r in relations):
        said = "; ".join(f"\u201c{a.words[:120]}\u201d" for a in wanted[:3])
        findings.append(
            PolicyFinding(
                rule="child_voice_not_addressed",
                message="No target answers what the child asked for: "
                f"{said}. Link a target to their words, or draft one from them.",
            )
        )
    findings += help_turned_down(asks, targets)
    for relation in relate(concerns, targets + actions):
        if not relation.answered_by:
            findings.append(
                PolicyFinding(
                    rule="child_concern_not_addressed",
                    message="The child raised a worry about school with no target or action "
                    f"answering it: \u201c{relation.ask.words[:120]}\u201d.",
                )
            )
    return findings, relations
