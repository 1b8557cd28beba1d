"""The term's school data: what a client sends (the whole record, so a retry is idempotent)
and what it gets back.

Numbers are checked at the edge as a school's records hold them: percentages from 0 to 100
with one decimal place, sessions as whole numbers, suspension days in half days.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from api.models.enums import AttainmentJudgement, FlagKind, SuspensionKind
from api.schemas.common import (
    LongText,
    NotBool,
    NoteText,
    RecordDate,
    ResponseModel,
    ShortText,
    SingleLine,
    StrictModel,
    YesNo,
)

MAX_ROWS = 30
MAX_SESSIONS = 1000  # two sessions a school day: a whole school year is about 380


def _one_decimal(value: float) -> float:
    if abs(value * 10 - round(value * 10)) > 1e-6:
        raise ValueError("must have at most one decimal place, like 94.5")
    return round(value, 1)


def _half_days(value: float) -> float:
    if abs(value * 2 - round(value * 2)) > 1e-6:
        raise ValueError("must be in whole or half days, like 1.5")
    return round(value * 2) / 2


Percent = Annotated[
    float, NotBool, Field(ge=0, le=100, allow_inf_nan=False), AfterValidator(_one_decimal)
]
Sessions = Annotated[int, NotBool, Field(ge=0, le=MAX_SESSIONS)]
HoursPerWeek = Annotated[
    float, NotBool, Field(ge=0, le=60, allow_inf_nan=False), AfterValidator(_one_decimal)
]
Days = Annotated[
    float, NotBool, Field(ge=0.5, le=45, allow_inf_nan=False), AfterValidator(_half_days)
]


class SuspensionIn(StrictModel):
    kind: SuspensionKind = Field(
        description="suspension (was a fixed-term exclusion) or permanent_exclusion"
    )
    start_date: RecordDate
    days: Days | None = Field(
        default=None,
        validate_default=True,
        description="School days, in half days (0.5 to 45); required for a suspension",
    )
    reason: NoteText = Field(description="Why, as the school recorded it")

    @field_validator("days")
    @classmethod
    def _days_for_a_suspension(cls, value: float | None, info: ValidationInfo) -> float | None:
        if value is None and info.data.get("kind") == SuspensionKind.SUSPENSION:
            raise ValueError("is needed for a suspension")
        return value


class AttainmentIn(StrictModel):
    subject: ShortText
    current: ShortText = Field(description="Current attainment, for example 'Working at 4'")
    expected: ShortText = Field(description="Expected attainment, for example 'Grade 5'")
    judgement: AttainmentJudgement


class SchoolDataWrite(StrictModel):
    """The whole term's record: what is left out is stored as not recorded."""

    attendance_percent: Percent | None = Field(
        default=None,
        description="Attendance this term, 0 to 100, one decimal place; worked out from the "
        "sessions when they are given and this is not. Below 95% flags the virtual school.",
    )
    sessions_possible: Sessions | None = None
    sessions_attended: Sessions | None = Field(
        default=None, description="No more than sessions_possible"
    )
    late_sessions: Sessions | None = Field(
        default=None, description="Sessions the child arrived late to"
    )
    punctuality_percent: Percent | None = None
    part_time_timetable: YesNo | None = Field(
        default=None, description="Whether the child is on a part-time or alternative timetable"
    )
    part_time_hours_per_week: HoursPerWeek | None = None
    part_time_details: LongText = ""
    part_time_review_date: RecordDate | None = Field(
        default=None, description="When the part-time timetable will be reviewed"
    )
    alternative_provision: LongText = ""
    at_risk_of_exclusion: YesNo | None = None
    health_wellbeing: LongText = Field(
        default="", description="Health and emotional wellbeing: strengths and difficulties"
    )
    suspensions: list[SuspensionIn] = Field(default_factory=list, max_length=MAX_ROWS)
    attainment: list[AttainmentIn] = Field(default_factory=list, max_length=MAX_ROWS)
    based_on: SingleLine | None = Field(
        default=None,
        description="The updated_at you read (empty if never saved): if the record was saved "
        "since, the save is refused with a 409 rather than writing over it",
    )

    @field_validator("sessions_attended", "late_sessions")
    @classmethod
    def _within_possible(cls, value: int | None, info: ValidationInfo) -> int | None:
        possible = info.data.get("sessions_possible")
        if value is not None and possible is not None and value > possible:
            raise ValueError(f"cannot be more than the sessions possible ({possible})")
        return value

    @field_validator("part_time_hours_per_week", "part_time_details", "part_time_review_date")
    @classmethod
    def _only_with_part_time(cls, value: object, info: ValidationInfo) -> object:
        if value not in (None, "") and info.data.get("part_time_timetable") is not True:
            raise ValueError("is given only when the child is on a part-time timetable")
        return value

    @model_validator(mode="after")
    def _percent_from_sessions(self) -> SchoolDataWrite:
        if self.attendance_percent is None:
            self.attendance_percent = percent_of(self.sessions_attended, self.sessions_possible)
        return self


def percent_of(attended: int | None, possible: int | None) -> float | None:
    """Rounded down to one decimal place, so the figure never shows a child above 95% who is
    not: 949 of 1,000 sessions is 94.9%, and 9,499 of 10,000 is 94.9% too."""
    if attended is None or not possible:
        return None
    return (attended * 1000 // possible) / 10


class SuspensionOut(ResponseModel):
    kind: SuspensionKind
    start_date: str
    days: float | None
    reason: str


class AttainmentOut(ResponseModel):
    subject: str
    current: str
    expected: str
    judgement: AttainmentJudgement


class SchoolDataOut(ResponseModel):
    pep_id: str
    recorded: bool = Field(description="False until the school first saves the term's data")
    attendance_percent: float | None
    sessions_possible: int | None
    sessions_attended: int | None
    late_sessions: int | None
    punctuality_percent: float | None
    part_time_timetable: bool | None
    part_time_hours_per_week: float | None
    part_time_details: str
    part_time_review_date: str | None
    alternative_provision: str
    at_risk_of_exclusion: bool | None
    health_wellbeing: str
    suspensions: list[SuspensionOut]
    attainment: list[AttainmentOut]
    updated_by: str | None
    updated_at: str | None


class FlagOut(ResponseModel):
    id: str
    pep_id: str
    child_id: str
    kind: FlagKind
    detail: str
    raised_at: str
    acknowledged_at: str | None
    acknowledged_by: str | None
