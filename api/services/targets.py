"""Section D's targets: saved by the school, checked by the target coach.

The coach is a library that knows no web and no database; this service gives it what the PEP
knows (the key stage, the child's needs and own words, the baseline) and stores the outcome.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from api.errors import Forbidden, NotFound
from api.models import Child, Pep, Target, User
from api.models.enums import Role
from api.repositories import peps as peps_repo
from api.schemas.targets import TargetReview, TargetWrite
from api.services import audit, target_voice
from api.services.access import pep_for
from api.services.peps import _require_editable, age_band
from api.services.views import build_view

WRITERS = {Role.DESIGNATED_TEACHER, Role.VIRTUAL_SCHOOL}


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
        context["needs"] = [n.strip() for n in target.needs.split(";") if n.strip()]
    if target.baseline:
        context["baseline"] = target.baseline
    if child_views:
        context["child_views"] = child_views[:2000]
    if review_date:
        context["review_date"] = review_date.isoformat()
    return {
        "target": target.what,
        "action": target.how,
        "who": target.who,
        "when": target.when,
        "outcome": target.outcome,
        "ppp": ppp,
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


def list_targets(session: Session, user: User, pep_id: str) -> tuple[Pep, Child, list[Target]]:
    pep, child = pep_for(session, user, pep_id)
    audit.record(session, user, "targets.read", child_id=child.id, pep_id=pep.id)
    return pep, child, peps_repo.targets(session, pep.id)


def _writable(session: Session, user: User, pep_id: str) -> tuple[Pep, Child]:
    pep, child = pep_for(session, user, pep_id)
    if user.role not in WRITERS:
        raise Forbidden("targets are written by the school")
    _require_editable(pep)
    return pep, child


def save_target(
    session: Session, user: User, pep_id: str, data: TargetWrite, target_id: str | None = None
) -> Target:
    pep, child = _writable(session, user, pep_id)
    target = (
        _target(session, pep, target_id)
        if target_id
        else Target(pep_id=pep.id, position=len(peps_repo.targets(session, pep.id)))
    )
    if data.answers_topic:
        target_voice.require_answer(session, pep, child, data.answers_topic)
    for field in ("what", "how", "who", "when", "outcome", "ppp", "baseline", "needs"):
        setattr(target, field, getattr(data, field))
    target.answers_topic = data.answers_topic
    target.ppp_cost_pence = int(data.ppp_cost * 100) if data.ppp_cost is not None else None
    result = check(
        coach_request(
            target,
            age_band(child).value,
            child_views_text(session, pep, child),
            pep.next_meeting_date,
        )
    )
    target.score = int(result["score"])
    session.add(target)
    session.flush()
    audit.record(
        session,
        user,
        "target.save",
        child_id=child.id,
        pep_id=pep.id,
        detail=f"score {target.score}",
    )
    return target


def delete_target(session: Session, user: User, pep_id: str, target_id: str) -> None:
    pep, child = _writable(session, user, pep_id)
    session.delete(_target(session, pep, target_id))
    audit.record(session, user, "target.delete", child_id=child.id, pep_id=pep.id)


def review_target(
    session: Session, user: User, pep_id: str, target_id: str, data: TargetReview
) -> Target:
    pep, child = _writable(session, user, pep_id)
    target = _target(session, pep, target_id)
    target.review_status = data.status
    target.review_note = data.note
    audit.record(
        session, user, "target.review", child_id=child.id, pep_id=pep.id, detail=data.status
    )
    return target


def _target(session: Session, pep: Pep, target_id: str | None) -> Target:
    for target in peps_repo.targets(session, pep.id):
        if target.id == target_id:
            return target
    raise NotFound("no target with that id on this PEP")


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
    }


def check_pep_targets(session: Session, user: User, pep_id: str) -> dict[str, Any]:
    """The whole set: too many this term, no academic target, or deaf to the child."""
    pep, child, targets = list_targets(session, user, pep_id)
    new = [t for t in targets if t.kind == "new"]
    views = child_views_text(session, pep, child)
    payloads = [coach_request(t, age_band(child).value, views) for t in new]
    voice, relations = target_voice.set_findings(session, pep, child, new)
    return {
        "count": len(new),
        "policy": (check_set(payloads) if payloads else []) + voice,
        "child_voice": relations,
    }


def draft_from_voice(session: Session, user: User, pep_id: str, topic: str) -> dict[str, Any]:
    """A SMART draft from one of the child's answers, for the school to fill and save."""
    pep, child = _writable(session, user, pep_id)
    drafted = target_voice.draft(session, pep, child, topic)
    audit.record(session, user, "target.draft", child_id=child.id, pep_id=pep.id, detail=topic)
    return drafted


def grade_saved_targets(session: Session, pep: Pep, key_stage: str) -> list[dict[str, Any]]:
    from api.repositories import children as children_repo

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
