"""The virtual school's quality check: the non-negotiables, each target graded, the history."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from api.models.enums import PepStatus
from api.schemas.common import ResponseModel
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


class QaCriterion(ResponseModel):
    """One of Halton's quality-assurance criteria, decided from the PEP's data."""

    id: str
    wording: str = Field(description="Halton's words for the criterion met (Green/Good)")
    met: bool | None = Field(description="null when the criterion does not apply to this PEP")
    level: Literal["green", "amber", "red"] | None = Field(
        description="Halton's column: Green (Good), Amber (Requires improvement), Red "
        "(Inadequate); null when it does not apply"
    )
    level_wording: str | None = Field(description="Halton's words for the column the PEP is in")
    evidence: str = Field(description="what in the PEP decided it")


class QaHistoryEntry(ResponseModel):
    decision: Literal["return", "sign_off"]
    grade: str = Field(
        description="One of the four grades; a decision copied from before section E was typed "
        "keeps the words it was given"
    )
    note: str
    by: str
    at: str = Field(description="dd/mm/yyyy hh:mm")


class QaReport(ResponseModel):
    pep_id: str
    status: PepStatus
    checks: list[QaCheck]
    targets: list[GradedTarget]
    child_voice: list[PolicyFinding]
    criteria: list[QaCriterion] = Field(
        description="Halton's PEP QA criteria; the suggested grade follows from them"
    )
    suggested_grade: Grade
    history: list[QaHistoryEntry] = Field(
        description="Section E's decisions, oldest first: each return or sign-off with its grade"
    )
