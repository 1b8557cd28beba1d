"""Children, PEPs and sections."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

from api.models.enums import AgeBand, PepStatus, PepType
from api.schemas.common import (
    BirthDate,
    BoundedFloat,
    BoundedInt,
    Identifier,
    LongText,
    NameText,
    NoteText,
    RecordDate,
    ShortText,
    SingleLine,
    StrictModel,
    TermText,
)

# Section field names become row labels in the documents: ASCII letters, digits and _.
FieldName = Annotated[
    str, StringConstraints(min_length=1, max_length=60, pattern=r"^[A-Za-z0-9_]+$")
]


_MISMATCH = {"string_type", "bool_type", "int_type", "float_type", "list_type", "dict_type"}


def _one_error(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """One clear reason per field, not one per type the value might have been."""
    try:
        return handler(value)
    except ValidationError as exc:
        telling = [e for e in exc.errors() if e["type"] not in _MISMATCH]
        if not telling:
            raise ValueError(
                "must be text, a number, true or false, a list of texts or a list of objects"
            ) from None
        raise ValueError(telling[0]["msg"].removeprefix("Value error, ")) from None


SectionValue = Annotated[
    LongText
    | bool
    | BoundedInt
    | BoundedFloat
    | list[LongText]
    | list[dict[FieldName, LongText]]
    | None,
    WrapValidator(_one_error),
]


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
    upn: str | None = None
    send_status: str | None = Field(
        default=None, description="none, sen_support, ehcp or being_assessed; null if not known"
    )
    ehcp_annual_review_date: date | None = None
    post16_pathway_plan: str | None = None


class ChildCreate(StrictModel):
    first_name: NameText
    last_name: NameText
    date_of_birth: BirthDate
    school_year: int | None = Field(default=None, ge=-1, le=14)
    school_id: Identifier | None = None
    legal_status: NameText
    care_start_date: RecordDate | None = None
    social_worker_username: SingleLine | None = None


class Attendee(StrictModel):
    name: ShortText
    role: ShortText
    # Invited is not the same as there: the virtual school signs off only when the school has
    # said who actually came.
    attended: bool = False


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
    # The signed-off PEP this one follows in the termly cycle, when it was started from one.
    previous_pep_id: str | None = None


class MeetingActionIn(StrictModel):
    """An action agreed at the meeting: what, who and when (Slough's agenda), each required."""

    text: NoteText = Field(description="what will be done")
    owner: ShortText = Field(description="who will do it")
    due_date: RecordDate = Field(description="by when")
    done: bool = False


class MeetingActionsUpdate(StrictModel):
    """The whole list of the meeting's actions: what is sent replaces what was there."""

    actions: list[MeetingActionIn] = Field(max_length=30)


class MeetingActionOut(BaseModel):
    text: str
    owner: str
    due_date: date
    done: bool


class MeetingActionsOut(BaseModel):
    pep_id: str
    actions: list[MeetingActionOut]


class PepOut(PepSummary):
    meeting_venue: str | None
    attendees: list[dict[str, Any]]
    child_attended: str | None
    sections: dict[str, dict[str, Any]]
    meeting_chair: str | None = None
    note_taker: str | None = None
    meeting_summary: str | None = None
    meeting_actions: list[MeetingActionOut] = Field(default_factory=list)


class PepCreate(StrictModel):
    child_id: Identifier
    term: TermText
    pep_type: PepType = PepType.REVIEW
    meeting_date: RecordDate | None = None
    meeting_venue: ShortText | None = None
    attendees: list[Attendee] = Field(default_factory=list, max_length=30)
    next_meeting_date: RecordDate | None = None


class PepUpdate(StrictModel):
    """Only the fields sent change. A PEP always has a term and a list of those invited, so
    those two may be left out but not sent as null (the database would refuse it)."""

    term: TermText = Field(default=None)  # type: ignore[assignment]
    meeting_date: RecordDate | None = None
    meeting_venue: ShortText | None = None
    attendees: list[Attendee] = Field(default=None, max_length=30)  # type: ignore[arg-type]
    child_attended: Literal["yes", "no", "part", "invited_declined"] | None = None
    next_meeting_date: RecordDate | None = None
    meeting_chair: ShortText | None = None
    note_taker: ShortText | None = None
    meeting_summary: LongText | None = Field(
        default=None, description="what was discussed and agreed at the meeting"
    )


class SectionUpdate(StrictModel):
    """A section's fields as a flat object of short texts, lists of texts or numbers."""

    content: dict[FieldName, SectionValue] = Field(max_length=60)


class SectionOut(BaseModel):
    pep_id: str
    key: str
    title: str
    content: dict[str, Any]
    updated_at: str | None
