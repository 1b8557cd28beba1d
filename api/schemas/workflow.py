"""The virtual school's quality check: the non-negotiables, each target graded, the history."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from api.models.enums import PepStatus
from api.schemas.common import ResponseModel
from api.schemas.peps import SectionValue
from target_coach.schema import PolicyFinding

Grade = Literal["Outstanding", "Good", "Requires improvement", "Inadequate"]


class PepStatusOut(ResponseModel):
    """Where a PEP stands after it is submitted, returned or signed off."""

    pep_id: str
    status: PepStatus


class QaCheck(ResponseModel):
    check: str
    label: str
    met: bool
    fix: str
    fix_at: str = Field(description="The place on the PEP's page where it is put right.")


class GradedTarget(ResponseModel):
    target_id: str
    what: str
    ppp: str = Field(description="The PP+ request, with its cost in pounds when it has one.")
    score: int
    rating: Literal["Outstanding", "Good", "Requires improvement"]
    policy: list[PolicyFinding]


class QaHistoryEntry(ResponseModel):
    decision: Literal["return", "sign_off"]
    grade: Grade
    note: str
    by: str
    at: str = Field(description="dd/mm/yyyy hh:mm")


class QaReport(ResponseModel):
    pep_id: str
    status: PepStatus
    checks: list[QaCheck]
    targets: list[GradedTarget]
    child_voice: list[PolicyFinding]
    suggested_grade: Grade
    history: list[QaHistoryEntry] | SectionValue = Field(
        description="Section E's `qa_history`: each decision as the workflow stores it. Section E "
        "is the virtual school's to write, so it holds whatever was last put there."
    )
