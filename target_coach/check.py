"""The target coach's public entry points: one target, or a term's whole set."""

from __future__ import annotations

from datetime import date
from typing import Literal

from target_coach import criteria, judgement, policy
from target_coach.examples import closest
from target_coach.form_notes import without_form_notes
from target_coach.placeholders import hold_back
from target_coach.schema import Criteria, PolicyFinding, TargetCheckRequest, TargetCheckResult
from target_coach.suggest import rewrite, suggestions

Rating = Literal["Outstanding", "Good", "Requires improvement"]
RATINGS: dict[int, Rating] = {5: "Outstanding", 4: "Good"}


def judge(req: TargetCheckRequest, *, today: date | None = None) -> Criteria:
    """The five criteria; a placeholder still to fill holds back the criterion it belongs to.
    `today` is the day a review date must not be before (the real today unless a test pins it)."""
    req = without_form_notes(req)
    judged = Criteria(
        specific=criteria.specific(req),
        measurable=criteria.measurable(req),
        achievable=judgement.achievable(req),
        relevant=judgement.relevant(req),
        time_bound=criteria.time_bound(req, today=today),
    )
    return hold_back(judged, req)


def check_target(req: TargetCheckRequest, *, today: date | None = None) -> TargetCheckResult:
    """The SMART test as the policy's QA table applies it, with fixes and examples."""
    req = without_form_notes(req)
    judged = judge(req, today=today)
    score = sum(1 for _name, c in judged if c.met is True)
    return TargetCheckResult(
        criteria=judged,
        score=score,
        rating=RATINGS.get(score, "Requires improvement"),
        policy=policy.ppp_findings(req),
        suggestions=suggestions(judged, req, today=today),
        rewrite=rewrite(req, judged, today=today),
        examples=closest(" ".join((req.target, req.outcome)), req.key_stage),
    )


def check_target_set(requests: list[TargetCheckRequest]) -> list[PolicyFinding]:
    """Rules about a term's whole set: no more than four, at least one academic."""
    return policy.set_findings(requests)
