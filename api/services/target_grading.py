"""The virtual school's QA view of a PEP's targets: each new target scored by the coach."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.models import Pep
from api.repositories import children as children_repo
from api.repositories import peps as peps_repo
from api.services.target_coaching import check, child_views_text, coach_request
from api.services.target_presentation import target_out


def grade_saved_targets(session: Session, pep: Pep, key_stage: str) -> list[dict[str, Any]]:
    child = children_repo.by_id(session, pep.child_id)
    views = child_views_text(session, pep, child) if child else ""
    graded = []
    for target in peps_repo.targets(session, pep.id):
        if target.kind != "new":
            continue
        result = check(coach_request(target, key_stage, views, pep.next_meeting_date))
        graded.append(
            {
                "target_id": target.id,
                "what": target.what,
                "ppp": target_out(target)["ppp"]
                + (f" £{target_out(target)['ppp_cost']}" if target.ppp_cost_pence else ""),
                "score": result["score"],
                "rating": result["rating"],
                "policy": result.get("policy", []),
            }
        )
    return graded
