"""The target coach over HTTP, and section D's targets."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import CurrentUser, SessionDep
from api.errors import NotFound
from api.models.enums import Role
from api.schemas.targets import (
    TargetDraftOut,
    TargetDraftRequest,
    TargetOut,
    TargetReview,
    TargetSetCheck,
    TargetWrite,
)
from api.services import target_coaching
from api.services import targets as targets_service
from api.services.target_presentation import target_out
from target_coach.schema import TargetCheckRequest, TargetCheckResult

router = APIRouter(prefix="/api/v1", tags=["targets"])


@router.post("/targets/check")
def check_target(data: TargetCheckRequest, user: CurrentUser) -> TargetCheckResult:
    if user.role == Role.SAFEGUARDING_LEAD:
        raise NotFound("there is nothing here for you")  # the lead sees nothing of the PEP
    return TargetCheckResult.model_validate(target_coaching.check(data.model_dump(mode="json")))


@router.get("/peps/{pep_id}/targets")
def list_targets(pep_id: str, user: CurrentUser, session: SessionDep) -> list[TargetOut]:
    _pep, _child, targets = targets_service.list_targets(session, user, pep_id)
    return [TargetOut.model_validate(target_out(t)) for t in targets]


@router.post("/peps/{pep_id}/targets", status_code=201)
def add_target(pep_id: str, data: TargetWrite, user: CurrentUser, session: SessionDep) -> TargetOut:
    return TargetOut.model_validate(
        target_out(targets_service.save_target(session, user, pep_id, data))
    )


@router.post(
    "/peps/{pep_id}/targets/draft",
    responses={
        403: {"description": "Targets are written by the school"},
        404: {"description": "No such PEP on the caller's caseload"},
        409: {"description": "The PEP is no longer editable"},
        422: {"description": "The child gave no answer the school may read under that topic"},
    },
)
def draft_target(
    pep_id: str, data: TargetDraftRequest, user: CurrentUser, session: SessionDep
) -> TargetDraftOut:
    """Draft a SMART target from one of the child's "My views" answers, in their key stage's
    shape from the policy's example tables. Nothing is saved: gaps the school must fill
    (a baseline, a number, a review date when the PEP has none) are in [brackets] and listed
    in `placeholders`; filled in and saved with `answers_topic`, the target is linked to the
    child's words."""
    return TargetDraftOut.model_validate(
        targets_service.draft_from_voice(session, user, pep_id, data.topic)
    )


CARRIED: dict[int | str, dict[str, Any]] = {
    409: {
        "description": "The PEP is no longer editable, the target is last term's (review it), "
        "or (with based_on) it was changed since it was read"
    }
}


@router.put("/peps/{pep_id}/targets/{target_id}", responses=CARRIED)
def update_target(
    pep_id: str, target_id: str, data: TargetWrite, user: CurrentUser, session: SessionDep
) -> TargetOut:
    target = targets_service.save_target(session, user, pep_id, data, target_id)
    return TargetOut.model_validate(target_out(target))


@router.delete("/peps/{pep_id}/targets/{target_id}", status_code=204, responses=CARRIED)
def delete_target(
    pep_id: str,
    target_id: str,
    user: CurrentUser,
    session: SessionDep,
    based_on: Annotated[str | None, Query(max_length=64)] = None,
) -> None:
    """With based_on (the updated_at you read), a target changed since is not deleted (409)."""
    targets_service.delete_target(session, user, pep_id, target_id, based_on)


@router.post(
    "/peps/{pep_id}/targets/{target_id}/review",
    responses={
        409: {
            "description": "The PEP is no longer editable, or the target is this term's "
            "(it is reviewed at the next PEP)"
        }
    },
)
def review_target(
    pep_id: str, target_id: str, data: TargetReview, user: CurrentUser, session: SessionDep
) -> TargetOut:
    target = targets_service.review_target(session, user, pep_id, target_id, data)
    return TargetOut.model_validate(target_out(target))


@router.get("/peps/{pep_id}/targets/check")
def check_pep_targets(pep_id: str, user: CurrentUser, session: SessionDep) -> TargetSetCheck:
    return TargetSetCheck.model_validate(targets_service.check_pep_targets(session, user, pep_id))
