"""Every contributor's voice: the carer's view, the school's, and the child's at the meeting.

Bradford's PEP asks for pupil voice and carer voice; Halton's for the voice of the child, the
social worker and the carer; Slough records the views the child expresses at the meeting. Those
are other people's words, or the child's words written down by an adult, so they are kept apart
from the child's own "My views" and each says whose view it is, who gave it and who recorded it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.errors import Conflict, Forbidden
from api.models import ContributorView, User
from api.models.enums import ContributorKind, Role
from api.repositories import contributor_views as repo
from api.schemas.contributor_views import ContributorViewCreate
from api.services import audit
from api.services.access import pep_for
from api.services.pep_parts import iso_utc
from api.services.peps import EDITABLE_STATUSES

KIND_LABELS = {
    ContributorKind.CARER: "Carer's view",
    ContributorKind.SCHOOL: "School's view",
    ContributorKind.CHILD_AT_MEETING: "The child's views at the meeting",
}
WRITERS: dict[ContributorKind, set[Role]] = {
    ContributorKind.CARER: {Role.SOCIAL_WORKER, Role.DESIGNATED_TEACHER},
    ContributorKind.SCHOOL: {Role.DESIGNATED_TEACHER},
    ContributorKind.CHILD_AT_MEETING: {Role.SOCIAL_WORKER, Role.DESIGNATED_TEACHER},
}


def kinds_for(user: User) -> list[ContributorKind]:
    """The kinds of view this user may record, in the order the form offers them."""
    return [kind for kind, roles in WRITERS.items() if user.role in roles]


def _recorder(user: User) -> str:
    return f"{user.full_name} ({user.role.value.replace('_', ' ')})"


def recorded_as(view: ContributorView, recorder: User) -> str:
    """How the record reads, so no one mistakes whose words these are."""
    who = _recorder(recorder)
    if view.kind == ContributorKind.CARER:
        return f"Entered by {who} with {view.given_by}"
    if view.kind == ContributorKind.CHILD_AT_MEETING:
        return f"Said by {view.given_by} at the PEP meeting; recorded by {who}"
    return f"Given by {view.given_by}; recorded by {who}"


def entry(view: ContributorView, recorder: User) -> dict[str, Any]:
    return {
        "id": view.id,
        "pep_id": view.pep_id,
        "kind": view.kind.value,
        "kind_label": KIND_LABELS[view.kind],
        "text": view.text,
        "given_by": view.given_by,
        "recorded_by": recorder.full_name,
        "recorded_by_role": recorder.role.value,
        "recorded_as": recorded_as(view, recorder),
        "recorded_at": iso_utc(view.recorded_at),
    }


def entries(session: Session, pep_id: str) -> list[dict[str, Any]]:
    """For a page or document whose reading the caller has already audited."""
    return [entry(view, recorder) for view, recorder in repo.for_pep(session, pep_id)]


def list_views(session: Session, user: User, pep_id: str) -> list[dict[str, Any]]:
    pep, child = pep_for(session, user, pep_id)
    audit.record(session, user, "contributor_view.read", child_id=child.id, pep_id=pep.id)
    return entries(session, pep.id)


def record_view(
    session: Session, user: User, pep_id: str, data: ContributorViewCreate
) -> dict[str, Any]:
    pep, child = pep_for(session, user, pep_id)
    if user.role not in WRITERS[data.kind]:
        raise Forbidden(f"a {KIND_LABELS[data.kind].lower()} is recorded by someone else")
    if pep.status not in EDITABLE_STATUSES:
        raise Conflict(f"the PEP is {pep.status.value.replace('_', ' ')} and cannot be changed")
    view = repo.add(
        session,
        ContributorView(
            pep_id=pep.id,
            kind=data.kind,
            text=data.text,
            given_by=data.given_by,
            recorded_by_id=user.id,
        ),
    )
    audit.record(
        session,
        user,
        "contributor_view.write",
        child_id=child.id,
        pep_id=pep.id,
        detail=data.kind.value,
    )
    return entry(view, user)
