"""Children the caller may see."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from api.schemas.care import ChildRecordUpdate
from api.schemas.peps import ChildCreate, ChildOut
from api.services import child_record
from api.services import peps as peps_service
from api.services.presenters import child_out

router = APIRouter(prefix="/api/v1/children", tags=["children"])


@router.get("")
def list_children(user: CurrentUser, session: SessionDep) -> list[ChildOut]:
    return [child_out(session, c) for c in peps_service.list_children(session, user)]


@router.post("", status_code=201)
def create_child(data: ChildCreate, user: CurrentUser, session: SessionDep) -> ChildOut:
    return child_out(session, peps_service.create_child(session, user, data))


@router.get("/{child_id}")
def get_child(child_id: str, user: CurrentUser, session: SessionDep) -> ChildOut:
    return child_out(session, peps_service.get_child(session, user, child_id))


@router.patch(
    "/{child_id}",
    responses={
        403: {
            "description": "the designated teacher may set only the UPN and the SEND fields; "
            "teaching assistants and safeguarding leads none"
        },
        404: {"description": "no child with that id on your caseload"},
        422: {"description": "a UPN, SEND status, date or text that is not valid, named by field"},
    },
)
def update_child(
    child_id: str, data: ChildRecordUpdate, user: CurrentUser, session: SessionDep
) -> ChildOut:
    """The child's UPN, SEND status, EHCP annual review date and post-16 pathway plan."""
    return child_out(session, child_record.update_child(session, user, child_id, data))
