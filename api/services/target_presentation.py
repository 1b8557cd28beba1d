"""A saved target as the JSON API and the pages show it: money in pounds, review beside it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from api.models import Target
from api.services.pep_parts import iso_utc


def target_out(target: Target) -> dict[str, Any]:
    cost = Decimal(target.ppp_cost_pence) / 100 if target.ppp_cost_pence is not None else None
    return {
        "target_id": target.id,
        "what": target.what,
        "how": target.how,
        "who": target.who,
        "when": target.when,
        "outcome": target.outcome,
        "ppp": target.ppp,
        "ppp_cost": str(cost) if cost is not None else None,
        "baseline": target.baseline,
        "needs": target.needs,
        "score": target.score,
        "ppp_decision": target.ppp_decision,
        "kind": target.kind,
        "review_status": target.review_status,
        "review_note": target.review_note,
        "answers_topic": target.answers_topic,
        "updated_at": iso_utc(target.updated_at) if target.updated_at else None,
    }
