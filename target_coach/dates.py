"""Finding a specific review date in a target, the way a UK teacher writes one.

Accepted: 27/03/2027, 27.03.27, 27-3-2027, 27 March 2027, 27th March, March 27th 2027, and
ISO 2027-03-27 (what a date picker or a spreadsheet gives). Not dates: "end of term",
"ongoing", "ASAP", "next year", "weekly", or a month on its own ("March 2027"), because a
review needs a day.

The day, month and year are read from the pattern's own groups rather than by a general date
parser: told "day first", python-dateutil reads ISO 2027-03-04 as 3 April, and it can only fail
on 31/02/2027 where a teacher needs to hear why ("31 February is not a date"). A date already
past cannot be a review date either; "today" is `current_day()`, or the `today` a caller passes.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
MONTH_NUMBERS = {name[:3].lower(): n for n, name in enumerate(calendar.month_name) if n}
DAY = r"(?:[0-2]?\d|3[01])"
SUFFIX = r"(?:st|nd|rd|th)"
PATTERNS = [
    re.compile(r"\b(?P<y>\d{4})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})\b"),
    # Any one- or two-digit day and month, so that 32/03/2027 or 03/27/2027 is read and
    # explained rather than passed over as no date at all.
    # One separator throughout: "3.15-4.15" (a club's hours) is no date.
    re.compile(r"\b(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b"),
    re.compile(
        rf"\b(?P<d>{DAY})\s?{SUFFIX}?\s+(?:of\s+)?(?P<mon>{MONTHS})\b(?:,?\s+(?P<y>\d{{4}}))?",
        re.I,
    ),
    re.compile(rf"\b(?P<mon>{MONTHS})\s+(?P<d>{DAY}){SUFFIX}?\b(?:,?\s+(?P<y>\d{{4}}))?", re.I),
]
VAGUE = re.compile(
    r"\b(?:end of (?:the )?(?:term|year|half ?term|spring|summer|autumn)|ongoing|"
    r"asap|as soon as possible|next (?:year|term|month|week)|weekly|daily|"
    r"by christmas|over time|in due course|soon|termly|this term|tbc|tbd)\b",
    re.I,
)


@dataclass(frozen=True)
class FoundDate:
    text: str
    value: date


@dataclass(frozen=True)
class DateReading:
    """Words written as a date: the day they name, or why they cannot be a review day
    ("31 February is not a date, so ..."; "... has already passed"), as a teacher reads it."""

    text: str
    span: tuple[int, int]
    value: date | None
    problem: str = ""
    starts: bool = False  # "from 5/1/27": when the work starts, not when it is reviewed


def current_day() -> date:
    """Today, for every check in the coach: the one place tests pin the clock."""
    return date.today()


def read_dates(text: str, *, today: date | None = None) -> list[DateReading]:
    """Every date-like span in the text, in order, each read or explained."""
    today = today or current_day()
    readings: list[DateReading] = []
    taken: list[tuple[int, int]] = []
    for match in sorted((m for p in PATTERNS for m in p.finditer(text)), key=lambda m: m.start()):
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        taken.append(match.span())
        reading = _reading(match, today)
        if not reading.problem and _START.search(text[: match.start()][-24:]):
            what = f"\u201c{reading.text}\u201d is when it starts, not when it is reviewed"
            reading = DateReading(reading.text, reading.span, reading.value, what, starts=True)
        readings.append(reading)
    return readings


# "from 5/1/27", "starting 4th Jan": a start, with no end; "w/c" and "week commencing" are weeks.
_START = re.compile(
    r"\b(?:from|starting(?: on)?|starts(?: on)?|beginning)\s+(?:the\s+|on\s+)?$", re.I
)


def _reading(match: re.Match[str], today: date) -> DateReading:
    """One match as a day, or with the teacher-facing reason it is not one to review on."""
    text = match.group(0).strip()
    day, month, year = _parts(match)
    resolved = _resolve(day, month, year, today)
    if isinstance(resolved, str):
        why = (
            f"{resolved[:1].upper()}{resolved[1:]}, so \u201c{text}\u201d cannot be the review day"
        )
        return DateReading(text, match.span(), None, why)
    if resolved < today:
        return DateReading(
            text,
            match.span(),
            resolved,
            f"\u201c{text}\u201d has already passed (today is {today.strftime('%d/%m/%Y')})",
        )
    return DateReading(text, match.span(), resolved)


def _parts(match: re.Match[str]) -> tuple[int, int, int | None]:
    """Day, month and year as written; a two-digit year is this century's."""
    groups = match.groupdict()
    month = int(groups["m"]) if groups.get("m") else MONTH_NUMBERS[groups["mon"][:3].lower()]
    year = int(groups["y"]) if groups.get("y") else None
    if year is not None and year < 100:
        year += 2000
    return int(groups["d"]), month, year


def _resolve(day: int, month: int, year: int | None, today: date) -> date | str:
    """The date, or what is wrong with it. With no year ("11th April") it is the next one."""
    if year is None:
        year = today.year
        if _problem(day, month, year) or date(year, month, day) < today:
            year += 1
    problem = _problem(day, month, year)
    return problem or date(year, month, day)


def _problem(day: int, month: int, year: int) -> str:
    """Why day/month/year is no day on the calendar, in words a teacher can act on."""
    if not 1 <= month <= 12:
        swap = f" (day first: {month:02d}/{day:02d}/{year})" if 1 <= day <= 12 else ""
        return f"there is no month {month}{swap}"
    name = calendar.month_name[month]
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:  # 2000: a leap year
        return f"{day} {name} is not a date"
    if day > calendar.monthrange(year, month)[1]:
        return f"{day} {name} {year} is not a date ({year} is not a leap year)"
    return ""


def is_past(day: date, *, today: date | None = None) -> bool:
    """Whether the day has gone: a meeting already held cannot be offered as a review day."""
    return day < (today or current_day())


def after_this_school_year(day: date, today: date | None = None) -> bool:
    """After the summer this school year ends in: PEPs set and review targets each term. From
    May the summer PEP sets next year's targets, so next school year is still in reach."""
    now = today or current_day()
    last_summer = now.year if now.month < 9 else now.year + 1
    if 5 <= now.month <= 8:
        last_summer += 1
    return day > date(last_summer, 8, 31)


def review_day(texts: Iterable[str], *, today: date | None = None) -> DateReading | None:
    """The day a target says it will be reviewed, from the first text that gives any date.

    A date that cannot exist is always reported. Otherwise the first day still to come is the
    review day, so a past date mentioned as history ("82% since 01/09/2026") does not count
    against a target that also names a future one; only when every date is past is that wrong.
    """
    for text in texts:
        readings = read_dates(text, today=today) if text else []
        if readings:
            return next(
                (r for r in readings if r.value is None),
                next((r for r in readings if not r.problem), readings[-1]),
            )
    return None


# The When column as DTs fill it in a hurry: "18/12", "by 5/3", "w/c 1.3". Only the whole
# column is read this way: elsewhere "4/5" is a score.
_YEARLESS = re.compile(
    r"\s*(?:(?:by|before|on|w/?c|week commencing)\s+)?(?P<d>\d{1,2})[/.](?P<m>\d{1,2})\s*\.?\s*",
    re.I,
)


def yearless_day(when: str, *, today: date | None = None) -> DateReading | None:
    """A When column that is only a day and month: the next such day, as "13th Feb" is."""
    match = _YEARLESS.fullmatch(when)
    return _reading(match, today or current_day()) if match else None


def find_date(text: str, *, today: date | None = None) -> FoundDate | None:
    """The first date in the text that exists on the calendar (past or not), or None."""
    for reading in read_dates(text, today=today):
        if reading.value is not None:
            return FoundDate(text=reading.text, value=reading.value)
    return None


def vague_time(text: str) -> str | None:
    match = VAGUE.search(text)
    return match.group(0) if match else None


def date_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for p in PATTERNS for m in p.finditer(text)]
