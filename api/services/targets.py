"""Section D's targets: saved, reviewed and removed by the school, each scored as it is saved.

The coach's request and answer live in target_coaching, the QA grading in target_grading, and
how a target is shown in target_presentation.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.errors import Conflict, Forbidden, NotFound
from api.models import Child, Pep, Target, User
from api.models.enums import Role
from api.repositories import peps as peps_repo
from api.schemas.targets import TargetReview, TargetWrite
from api.services import audit, target_voice
from api.services.access import pep_for
from api.services.pep_parts import iso_utc
from api.services.peps import _require_editable, age_band
from api.services.target_coaching import check, check_set, child_views_text, coach_request

WRITERS = {Role.DESIGNATED_TEACHER, Role.VIRTUAL_SCHOOL}


def list_targets(session: Session, user: User, pep_id: str) -> tuple[Pep, Child, list[Target]]:
    pep, child = pep_for(session, user, pep_id)
    audit.record(session, user, "targets.read", child_id=child.id, pep_id=pep.id)
    return pep, child, peps_repo.targets(session, pep.id)


def check_writable(session: Session, user: User, pep_id: str) -> None:
    """Refuse (403, 409) a caller who may not write this PEP's targets now, before a page
    offers a form only to have it refused."""
    _writable(session, user, pep_id)


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
        _agreed_this_term(_target(session, pep, target_id))
        if target_id
        else Target(pep_id=pep.id, position=len(peps_repo.targets(session, pep.id)))
    )
    if target_id:
        _unchanged_since(target, data.based_on)
    if data.answers_topic:
        target_voice.require_answer(session, pep, child, data.answers_topic)
    asked = (target.ppp, target.ppp_cost_pence)
    for field in ("what", "how", "who", "when", "outcome", "ppp", "baseline", "needs"):
        setattr(target, field, getattr(data, field))
    target.answers_topic = data.answers_topic
    target.ppp_cost_pence = int(data.ppp_cost * 100) if data.ppp_cost is not None else None
    if target_id and (target.ppp, target.ppp_cost_pence) != asked:
        target.ppp_decision = None  # the virtual school decided on another request
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


def _unchanged_since(target: Target, based_on: str | None) -> None:
    """A change or a delete made from an older reading of the target (another tab, another
    person) would undo theirs unseen: refused, when the caller says what it read."""
    if based_on is not None and iso_utc(target.updated_at) != based_on:
        raise Conflict(
            "this target was changed after you opened the page; nothing was changed: "
            "reload to see it, then try again"
        )


def delete_target(
    session: Session, user: User, pep_id: str, target_id: str, based_on: str | None = None
) -> None:
    pep, child = _writable(session, user, pep_id)
    target = _agreed_this_term(_target(session, pep, target_id))
    _unchanged_since(target, based_on)
    session.delete(target)
    audit.record(session, user, "target.delete", child_id=child.id, pep_id=pep.id)


def review_target(
    session: Session, user: User, pep_id: str, target_id: str, data: TargetReview
) -> Target:
    pep, child = _writable(session, user, pep_id)
    target = _target(session, pep, target_id)
    if target.kind != "previous":
        raise Conflict(
            "only last term's targets are reviewed: this term's are reviewed at the next PEP"
        )
    target.review_status = data.status
    target.review_note = data.note
    audit.record(
        session, user, "target.review", child_id=child.id, pep_id=pep.id, detail=data.status
    )
    return target


def _agreed_this_term(target: Target) -> Target:
    """Last term's target is what was agreed then: this term only records how it went, so it
    can be neither reworded (made easier, then "met") nor removed before it is reviewed."""
    if target.kind == "previous":
        raise Conflict(
            "this is last term's target, as agreed then: record its review, not a new wording"
        )
    return target


def saved_target(session: Session, user: User, pep_id: str, target_id: str | None) -> Target | None:
    """The PEP's target with that id; None for none (a deleted one, or no id). A PEP off the
    caller's caseload is a 404 either way."""
    pep, _child = pep_for(session, user, pep_id)
    return next((t for t in peps_repo.targets(session, pep.id) if t.id == target_id), None)


def _target(session: Session, pep: Pep, target_id: str | None) -> Target:
    for target in peps_repo.targets(session, pep.id):
        if target.id == target_id:
            return target
    raise NotFound("no target with that id on this PEP")


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
