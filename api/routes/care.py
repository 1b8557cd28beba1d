"""Section A's personal and care details and section D's education summary, typed, beside
the free-form sections at /sections/{key}."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from api.schemas.care import (
    CareDetailsOut,
    CareDetailsWrite,
    EducationSummaryOut,
    EducationSummaryWrite,
)
from api.services import care_details, education_summary

router = APIRouter(prefix="/api/v1/peps", tags=["peps"])

NOT_ON_CASELOAD: dict[int | str, dict[str, Any]] = {
    404: {"description": "no PEP with that id on your caseload"}
}
SAVING: dict[int | str, dict[str, Any]] = {
    **NOT_ON_CASELOAD,
    409: {
        "description": "the PEP is submitted or signed off, or (with based_on) the record was "
        "saved by someone else since it was read: nothing is stored"
    },
    422: {"description": "a field that is not valid (an absurd date, over-long text), named"},
}


@router.get("/{pep_id}/care-details", responses=NOT_ON_CASELOAD)
def get_care_details(pep_id: str, user: CurrentUser, session: SessionDep) -> CareDetailsOut:
    """Section A: placement, carer, placement moves, school history and other agencies."""
    return CareDetailsOut.model_validate(care_details.read(session, user, pep_id))


@router.put(
    "/{pep_id}/care-details",
    responses={
        403: {"description": "written by the social worker or the virtual school"},
        **SAVING,
    },
)
def put_care_details(
    pep_id: str, data: CareDetailsWrite, user: CurrentUser, session: SessionDep
) -> CareDetailsOut:
    """The whole record: a field left out is cleared, and the school history replaced."""
    return CareDetailsOut.model_validate(care_details.save(session, user, pep_id, data))


@router.get("/{pep_id}/education-summary", responses=NOT_ON_CASELOAD)
def get_education_summary(
    pep_id: str, user: CurrentUser, session: SessionDep
) -> EducationSummaryOut:
    """Section D's summary: progress, strengths, barriers, SEND support, interventions, PP+."""
    return EducationSummaryOut.model_validate(education_summary.read(session, user, pep_id))


@router.put(
    "/{pep_id}/education-summary",
    responses={
        403: {"description": "written by the designated teacher or the virtual school"},
        **SAVING,
    },
)
def put_education_summary(
    pep_id: str, data: EducationSummaryWrite, user: CurrentUser, session: SessionDep
) -> EducationSummaryOut:
    """The whole summary: a field left out is cleared."""
    return EducationSummaryOut.model_validate(education_summary.save(session, user, pep_id, data))
