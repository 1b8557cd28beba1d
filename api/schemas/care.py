"""The child's own record, section A's care details and section D's education summary: what a
client sends, and what it gets back."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StringConstraints,
    model_validator,
)

from api.models.enums import PlacementType, SendStatus
from api.schemas.common import (
    LongText,
    NameText,
    NotBool,
    PastRecordDate,
    RecordDate,
    ResponseModel,
    ShortText,
    SingleLine,
    StrictModel,
)

UPN_PATTERN = r"^[A-Z][0-9]{11}[0-9A-Z]$"
_UPN = re.compile(UPN_PATTERN)


def _upn_as_written(value: object) -> object:
    """Spaces dropped and letters upper-cased, as schools often copy a UPN from a letter."""
    if isinstance(value, str):
        return re.sub(r"[ \t]", "", value).upper()
    return value


def _upn(value: str) -> str:
    if not _UPN.match(value):
        raise ValueError(
            "must be 13 characters: a letter, 11 digits, then a digit or a letter "
            "(for example A123456789012)"
        )
    return value


Upn = Annotated[
    str,
    BeforeValidator(_upn_as_written),
    StringConstraints(max_length=13),
    AfterValidator(_upn),
    Field(
        description="The unique pupil number: a letter, 11 digits, then a digit or a letter; "
        "spaces are dropped and letters upper-cased",
        json_schema_extra={"pattern": UPN_PATTERN},
    ),
]


class ChildRecordUpdate(StrictModel):
    """Only the fields sent change; null clears one. The designated teacher may send the UPN
    and the SEND fields; the social worker and the virtual school any of them."""

    upn: Upn | None = None
    send_status: SendStatus | None = None
    ehcp_annual_review_date: RecordDate | None = None
    post16_pathway_plan: ShortText | None = Field(
        default=None, description="The pathway plan from 16: where it is, or what it says"
    )


class SchoolHistoryRow(StrictModel):
    school_name: ShortText
    from_date: PastRecordDate | None = None
    to_date: RecordDate | None = None
    reason_for_leaving: ShortText | None = None

    @model_validator(mode="after")
    def _left_after_joining(self) -> Self:
        if self.from_date and self.to_date and self.to_date < self.from_date:
            raise ValueError("to_date cannot be before from_date")
        return self


class CareDetailsWrite(StrictModel):
    """The whole of section A's care details: what is left out is cleared."""

    placement_type: PlacementType | None = None
    placement_start_date: PastRecordDate | None = None
    carer_name: NameText | None = None
    carer_role: ShortText | None = Field(
        default=None, description="The carer's relationship to the child, or their role"
    )
    placement_moves_last_12_months: Annotated[int, NotBool] | None = Field(
        default=None, ge=0, le=50
    )
    school_history: list[SchoolHistoryRow] = Field(default_factory=list, max_length=30)
    other_agencies: LongText | None = Field(
        default=None, description="Other agencies involved, for example CAMHS or a therapist"
    )
    based_on: SingleLine | None = Field(
        default=None,
        description="The updated_at you read (empty if never saved): if the record was saved "
        "since, the save is refused with a 409 rather than writing over it",
    )


class SchoolHistoryOut(ResponseModel):
    school_name: str
    from_date: date | None
    to_date: date | None
    reason_for_leaving: str | None


class CareDetailsOut(ResponseModel):
    pep_id: str
    placement_type: PlacementType | None
    placement_start_date: date | None
    carer_name: str | None
    carer_role: str | None
    placement_moves_last_12_months: int | None
    school_history: list[SchoolHistoryOut]
    other_agencies: str | None
    updated_by: str | None = Field(description="Who saved it last; null until it is saved")
    updated_at: str | None


class EducationSummaryWrite(StrictModel):
    """The whole of section D's education summary: what is left out is cleared."""

    progress_since_last_pep: LongText | None = None
    strengths: LongText | None = None
    barriers_to_learning: LongText | None = None
    send_support: LongText | None = Field(default=None, description="SEND support in place")
    interventions: LongText | None = Field(
        default=None, description="Interventions and additional support"
    )
    pupil_premium_plus: LongText | None = Field(
        default=None, description="How Pupil Premium Plus is used, overall"
    )
    based_on: SingleLine | None = Field(
        default=None,
        description="The updated_at you read (empty if never saved): if the summary was saved "
        "since, the save is refused with a 409 rather than writing over it",
    )


class EducationSummaryOut(ResponseModel):
    pep_id: str
    progress_since_last_pep: str | None
    strengths: str | None
    barriers_to_learning: str | None
    send_support: str | None
    interventions: str | None
    pupil_premium_plus: str | None
    updated_by: str | None = Field(description="Who saved it last; null until it is saved")
    updated_at: str | None
