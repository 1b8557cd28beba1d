"""Children, PEPs and sections."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
)
from pydantic_core import PydanticCustomError

from api.models.enums import AgeBand, PepStatus, PepType, school_year_for_birth
from api.schemas.common import (
    BirthDate,
    BoundedFloat,
    BoundedInt,
    Identifier,
    LongText,
    NameText,
    NoteText,
    PastRecordDate,
    RecordDate,
    ShortText,
    SingleLine,
    StrictModel,
    TermText,
    shows_something,
)
from vocabulary import school_year_label

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


# A child's record must describe a child who could exist. These refusals carry their own error
# type, so a page can show the rule's words rather than its general message for the field.
CHILD_RULE = "child_record_rule"
# Nursery (-1) to Year 14, as the page offers them.
SCHOOL_YEARS = range(-1, 15)
# How far the recorded school year may be from the one the age gives: children are held back or
# moved up a year or two, looked-after children especially.
SCHOOL_YEAR_LEEWAY = 2


def _visible(value: str) -> str:
    """A name someone can read: at least one character that shows. Kept exactly as typed."""
    if not shows_something(value):
        raise PydanticCustomError(
            CHILD_RULE,
            "must have at least one letter or other visible character: "
            "spaces and invisible characters alone are not a name",
        )
    return value


# A name in any script, with its accents, hyphens and apostrophes, as long as something shows.
PersonName = Annotated[NameText, AfterValidator(_visible)]


def long_date(value: date) -> str:
    """1 January 2024."""
    return f"{value.day} {value:%B %Y}"


def school_year_for_age_refusal(year: int, date_of_birth: date, today: date) -> str | None:
    """Why `year` cannot be this child's school year, or None when it fits their age."""
    by_age = school_year_for_birth(date_of_birth, today)
    if abs(year - by_age) <= SCHOOL_YEAR_LEEWAY:
        return None
    if by_age < SCHOOL_YEARS.start:
        would_be = "too young for nursery"
    elif by_age >= SCHOOL_YEARS.stop:
        would_be = "past school age"
    else:
        would_be = f"in {school_year_label(by_age)}"
    low = max(by_age - SCHOOL_YEAR_LEEWAY, SCHOOL_YEARS.start)
    high = min(by_age + SCHOOL_YEAR_LEEWAY, SCHOOL_YEARS.stop - 1)
    if low > high:
        choose = "Leave the school year blank"
    elif low == high:
        choose = f"Choose {school_year_label(low)}, or leave the school year blank"
    else:
        joined = " or " if high == low + 1 else " to "
        choose = (
            f"Choose {school_year_label(low)}{joined}{school_year_label(high)}, "
            "or leave the school year blank"
        )
    return (
        f"{school_year_label(year)} does not fit a child born on {long_date(date_of_birth)}: "
        "the school year follows the age on 31 August (Reception at 4, Year N at N + 4), "
        f"so this child would be {would_be} this school year, and a school year at most "
        f"{SCHOOL_YEAR_LEEWAY} years either side of that is accepted (for a child held back "
        f"or moved up). {choose}."
    )


class ChildCreate(StrictModel):
    """A new child in care. Besides each field's own checks: the child came into care on or
    after their birth and not after today, and the school year is within two years of the one
    their age gives (see `school_year_for_age_refusal`)."""

    first_name: PersonName
    last_name: PersonName
    date_of_birth: BirthDate
    school_year: int | None = Field(
        default=None,
        ge=SCHOOL_YEARS.start,
        le=SCHOOL_YEARS.stop - 1,
        description="-1 nursery, 0 reception, 1 to 14; within 2 of the year the age gives",
    )
    school_id: Identifier | None = None
    legal_status: PersonName
    care_start_date: PastRecordDate | None = Field(
        default=None, description="on or after the date of birth, and not in the future"
    )
    social_worker_username: SingleLine | None = None

    @field_validator("school_year")
    @classmethod
    def _year_fits_age(cls, year: int | None, info: ValidationInfo) -> int | None:
        born = info.data.get("date_of_birth")
        if year is None or born is None:
            return year
        refusal = school_year_for_age_refusal(year, born, date.today())
        if refusal:
            raise PydanticCustomError(CHILD_RULE, refusal)
        return year

    @field_validator("care_start_date")
    @classmethod
    def _in_care_after_birth(cls, start: date | None, info: ValidationInfo) -> date | None:
        born = info.data.get("date_of_birth")
        if start is not None and born is not None and start < born:
            raise PydanticCustomError(
                CHILD_RULE,
                "cannot be before the date of birth ({born})",
                {"born": long_date(born)},
            )
        return start


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
