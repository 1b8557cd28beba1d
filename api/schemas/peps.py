"""Children, PEPs and sections."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from api.models.enums import AgeBand, PepStatus, PepType
from api.schemas.common import LongText, ShortText, StrictModel


class ChildOut(BaseModel):
    child_id: str
    first_name: str
    last_name: str
    date_of_birth: date
    school_year: int | None
    age_band: AgeBand
    school_id: str | None
    school_name: str | None
    legal_status: str
    care_start_date: date | None


class ChildCreate(StrictModel):
    first_name: ShortText
    last_name: ShortText
    date_of_birth: date
    school_year: int | None = Field(default=None, ge=-1, le=14)
    school_id: str | None = Field(default=None, max_length=32)
    legal_status: ShortText
    care_start_date: date | None = None
    social_worker_username: str | None = Field(default=None, max_length=100)


class Attendee(StrictModel):
    name: ShortText
    role: ShortText


class PepSummary(BaseModel):
    pep_id: str
    child_id: str
    child_name: str
    age_band: AgeBand
    status: PepStatus
    term: str
    pep_type: PepType
    meeting_date: date | None
    next_meeting_date: date | None


class PepOut(PepSummary):
    meeting_venue: str | None
    attendees: list[dict[str, Any]]
    child_attended: str | None
    sections: dict[str, dict[str, Any]]


class PepCreate(StrictModel):
    child_id: str = Field(max_length=32)
    term: ShortText
    pep_type: PepType = PepType.REVIEW
    meeting_date: date | None = None
    meeting_venue: ShortText | None = None
    attendees: list[Attendee] = Field(default_factory=list, max_length=30)
    next_meeting_date: date | None = None


class PepUpdate(StrictModel):
    term: ShortText | None = None
    meeting_date: date | None = None
    meeting_venue: ShortText | None = None
    attendees: list[Attendee] | None = Field(default=None, max_length=30)
    child_attended: Literal["yes", "no", "part", "invited_declined"] | None = None
    next_meeting_date: date | None = None


class SectionUpdate(StrictModel):
    """A section's fields as a flat object of short texts, lists of texts or numbers."""

    content: dict[
        str, LongText | int | float | bool | list[LongText] | list[dict[str, LongText]] | None
    ] = Field(max_length=60)

    @field_validator("content")
    @classmethod
    def _keys_are_names(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key in value:
            if not key or len(key) > 60 or not key.replace("_", "").isalnum():
                raise ValueError("section field names are letters, digits and _ (at most 60)")
        return value


class SectionOut(BaseModel):
    pep_id: str
    key: str
    title: str
    content: dict[str, Any]
    updated_at: str | None
