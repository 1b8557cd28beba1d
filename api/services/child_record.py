"""The child's own record beside their PEPs: UPN, SEND status, EHCP review, pathway plan.

The social worker and the virtual school keep the child's record; the designated teacher of the
child's school knows the UPN and the SEND picture best, so may set those and nothing else.
Every change is audited by field name, never by value.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy.orm import Session

from api.errors import Forbidden
from api.models import Child, User
from api.models.enums import Role
from api.schemas.care import ChildRecordUpdate
from api.services import audit
from api.services.access import child_for

WRITERS = {Role.SOCIAL_WORKER, Role.VIRTUAL_SCHOOL}
SCHOOL_FIELDS = frozenset({"upn", "send_status", "ehcp_annual_review_date"})


def may_write(user: User, field: str) -> bool:
    """Whether this user may set this field of a child they can see."""
    if user.role in WRITERS:
        return True
    return user.role == Role.DESIGNATED_TEACHER and field in SCHOOL_FIELDS


def update_child(session: Session, user: User, child_id: str, data: ChildRecordUpdate) -> Child:
    child = child_for(session, user, child_id)
    changes = data.model_dump(exclude_unset=True)
    refused = sorted(f for f in changes if not may_write(user, f))
    if refused:
        raise Forbidden(f"{', '.join(refused)} is kept by the child's social worker")
    for field, value in changes.items():
        setattr(child, field, value.value if isinstance(value, StrEnum) else value)
    session.flush()
    audit.record(session, user, "child.update", child_id=child.id, detail=",".join(sorted(changes)))
    return child
