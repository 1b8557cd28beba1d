"""What the target coach is given for a saved target, and its answer.

The coach is a library that knows no web and no database; this module gives it what the PEP
knows (the key stage, the child's needs and own words, the baseline) and returns its findings.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from api.models import Child, Pep, Target
from api.services.views import build_view

# What the coach reads of a target's context: every saved target gets a check, so a longer
# stored value is cut to what the coach takes rather than refused after it was accepted.
COACH_TEXT = 2000
COACH_NEEDS = 20


def coach_request(
    target: Target, key_stage: str, child_views: str, review_date: date | None = None
) -> dict[str, Any]:
    """The coach's request for a saved target; the PEP's next meeting is the review day it
    proposes when the target gives none."""
    ppp = target.ppp
    if target.ppp_cost_pence:
        ppp = f"{ppp} £{target.ppp_cost_pence / 100:.2f}".strip()
    context: dict[str, Any] = {}
    if target.needs:
        needs = [n.strip() for n in target.needs.split(";") if n.strip()]
        context["needs"] = needs[:COACH_NEEDS]
    if target.baseline:
        context["baseline"] = target.baseline
    if child_views:
        context["child_views"] = child_views[:COACH_TEXT]
    if review_date:
        context["review_date"] = review_date.isoformat()
    return {
        "target": target.what,
        "action": target.how,
        "who": target.who,
        "when": target.when,
        "outcome": target.outcome,
        "ppp": ppp[:COACH_TEXT],  # the cost added to the longest PPP text must still fit
        "key_stage": key_stage,
        "context": context,
    }


def check(payload: dict[str, Any]) -> dict[str, Any]:
    """One target through the coach; the coach's own model validates the payload."""
    from target_coach.check import check_target
    from target_coach.schema import TargetCheckRequest

    return check_target(TargetCheckRequest.model_validate(payload)).model_dump(mode="json")


def check_set(payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from target_coach.check import check_target_set
    from target_coach.schema import TargetCheckRequest

    requests = [TargetCheckRequest.model_validate(p) for p in payloads]
    return [
        f.model_dump(mode="json") if hasattr(f, "model_dump") else dict(f)
        for f in check_target_set(requests)
    ]


def child_views_text(session: Session, pep: Pep, child: Child) -> str:
    view = build_view(session, pep, child)
    return " ".join(
        t["answer"] for t in view["topics"] if t["status"] == "answered" and t["answer"]
    )
