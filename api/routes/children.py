"""Children the caller may see."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from api.schemas.peps import ChildCreate, ChildOut
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
