"""Field types shared by the request models: text, dates and numbers checked at the edge.

Whatever a request stores ends up in pages, a PDF and a Word file, and in PostgreSQL, which
refuses NUL. So text is refused here if it carries characters that no document can hold
(NUL, lone surrogates, control characters other than newline and tab); names are one line;
dates fall in a range a looked-after child's PEP can have; numbers are finite and bounded.
Each refusal is a 422 that names the field, in the API's one error shape.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

MAX_TEXT = 2000
MAX_NAME = 100
MAX_TERM = 40
MAX_VENUE = 200

EARLIEST_BIRTH = date(1990, 1, 1)
EARLIEST_RECORD = date(2000, 1, 1)
YEARS_AHEAD = 10

# XML 1.0 cannot hold these, PostgreSQL refuses NUL, and none belongs in a child's record:
# C0 controls but tab and newline, DEL and C1 controls, lone surrogates, U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\n\r\t\u2028\u2029]")


def _crlf_to_lf(value: object) -> object:
    """Windows and browser line endings become newlines rather than refused characters."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def unstorable_character(value: str) -> str | None:
    """The first character no record may hold, for checks outside the request models (forms)."""
    found = _FORBIDDEN.search(value)
    return found.group() if found else None


def _no_control_characters(value: str) -> str:
    found = unstorable_character(value)
    if found:
        raise ValueError(
            f"contains a character that cannot be stored (U+{ord(found):04X}); "
            "use letters, numbers, punctuation, newlines and tabs"
        )
    return value


# The overrides (LRO, RLO) force every character after them to one direction wherever the text
# is shown, so "\u202eNosaj" beside "Smith" printed as "htimS jasoN", and a target or a carer's
# name could read backwards in the PEP. Nothing an adult writes needs them (the marks,
# embeddings and isolates that right-to-left text may carry are accepted). A child's own words
# are kept as typed, so `ChildWords` does not refuse them.
_OVERRIDES = frozenset("\u202d\u202e")
OVERRIDE_RULE = "direction_override"


OVERRIDE_MESSAGE = (
    "has a direction override character (U+{code}) that would reverse the text around it; retype it"
)


def direction_override(value: str) -> str | None:
    """What is wrong with text holding a direction override, mid-sentence, for checks outside
    the request models (forms); None when it holds none."""
    found = next((c for c in value if c in _OVERRIDES), None)
    return None if found is None else OVERRIDE_MESSAGE.format(code=f"{ord(found):04X}")


def _no_direction_overrides(value: str) -> str:
    found = next((c for c in value if c in _OVERRIDES), None)
    if found is not None:
        raise PydanticCustomError(OVERRIDE_RULE, OVERRIDE_MESSAGE, {"code": f"{ord(found):04X}"})
    return value


def _one_line(value: str) -> str:
    if _LINE_BREAKS.search(value):
        raise ValueError("must be on one line (no line breaks or tabs)")
    return value


ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_control_characters),
    AfterValidator(_one_line),
    AfterValidator(_no_direction_overrides),
]
NameText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME),
    AfterValidator(_no_control_characters),
    AfterValidator(_one_line),
    AfterValidator(_no_direction_overrides),
]
TermText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TERM),
    AfterValidator(_no_control_characters),
    AfterValidator(_one_line),
    AfterValidator(_no_direction_overrides),
]
# What a child said, through the chat or the bot: kept exactly as typed.
ChildWords = Annotated[
    str,
    StringConstraints(max_length=MAX_TEXT),
    BeforeValidator(_crlf_to_lf),
    AfterValidator(_no_control_characters),
]
LongText = Annotated[ChildWords, AfterValidator(_no_direction_overrides)]
Identifier = Annotated[str, StringConstraints(max_length=32, pattern=r"^[A-Za-z0-9_-]*$")]
SingleLine = Annotated[
    str,
    StringConstraints(max_length=100),
    AfterValidator(_no_control_characters),
    AfterValidator(_one_line),
    AfterValidator(_no_direction_overrides),
]


def _not_true_or_false(value: object) -> object:
    # JSON true is 1 to pydantic's lax mode: {"attendance_percent": true} was stored as 1.0%
    # and flagged low attendance to the virtual school.
    if isinstance(value, bool):
        raise PydanticCustomError("number_not_bool", "must be a number, not true or false")
    return value


def _not_a_number(value: object) -> object:
    # And 0 or 1 was taken for false or true.
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise PydanticCustomError("bool_not_number", "must be true or false, not a number")
    return value


NotBool = BeforeValidator(_not_true_or_false)
YesNo = Annotated[bool, BeforeValidator(_not_a_number)]

BoundedInt = Annotated[int, Field(ge=-1_000_000_000, le=1_000_000_000)]
BoundedFloat = Annotated[float, Field(ge=-1e9, le=1e9, allow_inf_nan=False)]


def _years_ahead(today: date) -> date:
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def latest_record_date(today: date | None = None) -> date:
    """The furthest ahead a care, meeting or review date can sensibly be."""
    return _years_ahead(today or date.today())


def is_sane_record_date(value: date, today: date | None = None) -> bool:
    return EARLIEST_RECORD <= value <= latest_record_date(today)


def _birth_date(value: date) -> date:
    if value > date.today():
        raise ValueError("cannot be in the future")
    if value < EARLIEST_BIRTH:
        raise ValueError(f"cannot be before {EARLIEST_BIRTH:%d/%m/%Y}")
    return value


def _record_date(value: date) -> date:
    if not is_sane_record_date(value):
        raise ValueError(
            f"must be between {EARLIEST_RECORD:%d/%m/%Y} and {latest_record_date():%d/%m/%Y}"
        )
    return value


def _past_record_date(value: date) -> date:
    if value > date.today():
        raise ValueError("cannot be in the future")
    if value < EARLIEST_RECORD:
        raise ValueError(f"cannot be before {EARLIEST_RECORD:%d/%m/%Y}")
    return value


BirthDate = Annotated[date, AfterValidator(_birth_date)]
RecordDate = Annotated[date, AfterValidator(_record_date)]
# Something that has already happened: a placement began, a child joined a school.
PastRecordDate = Annotated[date, AfterValidator(_past_record_date)]


class StrictModel(BaseModel):
    """Unknown fields are refused, so a typo in a field name is an error, not silently lost."""

    model_config = ConfigDict(extra="forbid")


# A note a person writes about a concern: required, trimmed, storable.
NoteText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(_no_control_characters),
    AfterValidator(_no_direction_overrides),  # an adult's note, as ShortText and LongText
]


class ResponseModel(BaseModel):
    """A JSON answer's model: a key the service built and the model does not name is an error in
    the tests, never silently dropped from the JSON a client relied on."""

    model_config = ConfigDict(extra="forbid")


# Characters that show nothing on their own: format characters (zero-width spaces and joiners,
# direction marks, the byte-order mark), separators, controls and lone combining marks...
_UNSEEN_CATEGORIES = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me"})
# ...and the letters drawn blank: the Hangul fillers and the empty Braille pattern.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _shows(character: str) -> bool:
    if character.isspace() or character in _BLANK_LETTERS:
        return False
    return unicodedata.category(character) not in _UNSEEN_CATEGORIES


def shows_something(value: str) -> bool:
    """At least one character a reader can see: not only spaces, invisible marks or blanks."""
    return any(_shows(c) for c in value)
