"""Finding a specific review date in a target, the way a UK teacher writes one.

Accepted: 27/03/2027, 27.03.27, 27-3-2027, 27 March 2027, 27th March, March 27th 2027. Not
dates: "end of term", "ongoing", "ASAP", "next year", "weekly", or a month on its own
("March 2027"), because a review needs a day. Parsing is python-dateutil's, day first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DAY = r"(?:[0-2]?\d|3[01])"
PATTERNS = [
    re.compile(rf"\b{DAY}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})\b"),
    re.compile(rf"\b{DAY}\s?(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\b(?:,?\s+\d{{4}})?", re.I),
    re.compile(rf"\b{MONTHS}\s+{DAY}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?", re.I),
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


def find_date(text: str, *, today: date | None = None) -> FoundDate | None:
    """The first specific date in the text, or None."""
    today = today or date.today()
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            span = match.group(0).strip()
            try:
                default = date(today.year, 1, 1)
                value = parser.parse(
                    span, dayfirst=True, fuzzy=True, default=_as_datetime(default)
                ).date()
            except (ValueError, OverflowError):
                continue
            if not re.search(r"\d{4}|[/.\-]\d{2}\b", span) and value < today:
                value = value.replace(year=value.year + 1)  # "11th April" means the next one
            return FoundDate(text=span, value=value)
    return None


def vague_time(text: str) -> str | None:
    match = VAGUE.search(text)
    return match.group(0) if match else None


def date_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for p in PATTERNS for m in p.finditer(text)]


def _as_datetime(day: date) -> datetime:

    return datetime(day.year, day.month, day.day)
