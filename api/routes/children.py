"""Children the caller may see."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from api.models import Child
from api.repositories import users as users_repo
from api.schemas.peps import ChildCreate, ChildOut
from api.services import peps as peps_service

router = APIRouter(prefix="/api/v1/children", tags=["children"])


def child_out(session: SessionDep, child: Child) -> ChildOut:
    school = users_repo.school(session, child.school_id)
    return ChildOut(
        child_id=child.id,
        first_name=child.first_name,
        last_name=child.last_name,
        date_of_birth=child.date_of_birth,
        school_year=child.school_year,
        age_band=peps_service.age_band(child),
        school_id=child.school_id,
        school_name=school.name if school else None,
        legal_status=child.legal_status,
        care_start_date=child.care_start_date,
    )


@router.get("")
def list_children(user: CurrentUser, session: SessionDep) -> list[ChildOut]:
    return [child_out(session, c) for c in peps_service.list_children(session, user)]


@router.post("", status_code=201)
def create_child(data: ChildCreate, user: CurrentUser, session: SessionDep) -> ChildOut:
    return child_out(session, peps_service.create_child(session, user, data))


@router.get("/{child_id}")
def get_child(child_id: str, user: CurrentUser, session: SessionDep) -> ChildOut:
    return child_out(session, peps_service.get_child(session, user, child_id))
