"""Submitting a PEP and the virtual school's quality check and sign-off."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import Field

from api.deps import CurrentUser, SessionDep
from api.schemas.common import Identifier, LongText, StrictModel
from api.schemas.workflow import PepStatusOut, QaReport
from api.services import workflow

router = APIRouter(prefix="/api/v1/peps", tags=["quality assurance"])


class QaDecision(StrictModel):
    decision: Literal["return", "sign_off"]
    grade: Literal["Outstanding", "Good", "Requires improvement", "Inadequate"]
    note: LongText = ""
    ppp_decisions: dict[Identifier, Literal["approved", "declined"]] = Field(
        default_factory=dict, max_length=20
    )


@router.post("/{pep_id}/submit")
def submit(pep_id: str, user: CurrentUser, session: SessionDep) -> PepStatusOut:
    pep = workflow.submit(session, user, pep_id)
    return PepStatusOut(pep_id=pep.id, status=pep.status)


@router.get("/{pep_id}/qa")
def qa_report(pep_id: str, user: CurrentUser, session: SessionDep) -> QaReport:
    return QaReport.model_validate(workflow.qa_report(session, user, pep_id))


@router.post(
    "/{pep_id}/qa",
    responses={
        403: {"description": "only the virtual school quality-assures a PEP"},
        404: {"description": "no such PEP in your caseload"},
        409: {
            "description": "the PEP is not submitted, or a sign-off is refused because the "
            "non-negotiables listed in `errors` are not met; nothing is stored"
        },
        422: {"description": "a return without a note, or a PP+ decision for another target"},
    },
)
def qa_decide(
    pep_id: str, data: QaDecision, user: CurrentUser, session: SessionDep
) -> PepStatusOut:
    """Return the PEP with reasons, or sign it off: only once every non-negotiable is met."""
    pep = workflow.decide(
        session,
        user,
        pep_id,
        decision=data.decision,
        grade=data.grade,
        note=data.note,
        ppp_decisions=data.ppp_decisions,
    )
    return PepStatusOut(pep_id=pep.id, status=pep.status)
