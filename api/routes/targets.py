"""The target coach over HTTP, and section D's targets."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from api.errors import NotFound
from api.models.enums import Role
from api.schemas.targets import TargetReview, TargetWrite
from api.services import targets as targets_service
from target_coach.schema import TargetCheckRequest

router = APIRouter(prefix="/api/v1", tags=["targets"])


@router.post("/targets/check")
def check_target(data: TargetCheckRequest, user: CurrentUser) -> dict[str, Any]:
    if user.role == Role.SAFEGUARDING_LEAD:
        raise NotFound("there is nothing here for you")  # the lead sees nothing of the PEP
    return targets_service.check(data.model_dump(mode="json"))


@router.get("/peps/{pep_id}/targets")
def list_targets(pep_id: str, user: CurrentUser, session: SessionDep) -> list[dict[str, Any]]:
    _pep, _child, targets = targets_service.list_targets(session, user, pep_id)
    return [targets_service.target_out(t) for t in targets]


@router.post("/peps/{pep_id}/targets", status_code=201)
def add_target(
    pep_id: str, data: TargetWrite, user: CurrentUser, session: SessionDep
) -> dict[str, Any]:
    return targets_service.target_out(targets_service.save_target(session, user, pep_id, data))


@router.put("/peps/{pep_id}/targets/{target_id}")
def update_target(
    pep_id: str, target_id: str, data: TargetWrite, user: CurrentUser, session: SessionDep
) -> dict[str, Any]:
    target = targets_service.save_target(session, user, pep_id, data, target_id)
    return targets_service.target_out(target)


@router.delete("/peps/{pep_id}/targets/{target_id}", status_code=204)
def delete_target(pep_id: str, target_id: str, user: CurrentUser, session: SessionDep) -> None:
    targets_service.delete_target(session, user, pep_id, target_id)


@router.post("/peps/{pep_id}/targets/{target_id}/review")
def review_target(
    pep_id: str, target_id: str, data: TargetReview, user: CurrentUser, session: SessionDep
) -> dict[str, Any]:
    target = targets_service.review_target(session, user, pep_id, target_id, data)
    return targets_service.target_out(target)


@router.get("/peps/{pep_id}/targets/check")
def check_pep_targets(pep_id: str, user: CurrentUser, session: SessionDep) -> dict[str, Any]:
    return targets_service.check_pep_targets(session, user, pep_id)
