"""A review point the school calendar fixes without a day written: a term, a half term, Easter,
a month.

Teachers write "end of Spring term 2027", "Feb half term", "Summer 1", "by Easter" and "June
2027" in the When column. Writers who never saw the coach, one given only the policy's words,
read its "There is a specific date for review" as met by such a point: the school's calendar
gives its day (decision 0006, which also records a writer who counts "by Feb half term" but
not a bare "Spring 1"). "Ongoing", "termly", "by the end of the year" (which year?) and "next
term" still are not.

The coach has no school's calendar, so each period ends on the latest day it usually does in
England (a term's last day moves with Easter and with the council). That day is used only to
tell a period still to come from one already past, and to name the period's year when none is
written ("Summer 1" in December is next summer's).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from dateutil.easter import easter

from target_coach.dates import MONTH_NUMBERS, MONTHS

# The latest usual last day of each period, as (month, day).
TERM_ENDS = {"autumn": (12, 23), "spring": (4, 14), "summer": (7, 25)}
HALF_TERM_ENDS = {"autumn": (10, 31), "spring": (2, 23), "summer": (6, 2)}
HALF_TERM_MONTHS = {"oct": "autumn", "feb": "spring", "may": "summer", "whi": "summer"}
SEASON_ABBREVIATIONS = {"aut": "autumn", "sp": "spring", "spr": "spring", "su": "summer"}

_YEAR = r"(?:[\s,\-/]*(?P<year>20\d\d)\b|\s*[\-/']\s?(?P<yy>\d\d)\b)?"
_HT = r"(?:half[- ]?term|ht)"
# A word before a bare season, month or "Christmas" that makes it a time: "by June", "in spring".
# An assessment after a bare season or month makes it a time too: "Jan mocks", "summer exams".
_EXAMS_AFTER = re.compile(r"\s+(?:mocks?|exams?|sats|assessments?|tests?)\b", re.I)
_TIME_WORD = re.compile(
    r"\b(?:by|before|until|till|end of|in|during|mid|early|late)\s+(?:the\s+)?$"
)
PATTERNS = [
    # "Spring 1", "Summer term 2027", "spring half term", "end of Autumn 2026"
    re.compile(
        rf"\b(?P<season>autumn|spring|summer)(?:\s?(?P<half>[12])\b)?(?P<term>\s+term)?"
        rf"(?P<ht>\s+{_HT}\b)?{_YEAR}",
        re.I,
    ),
    # "Sp1", "Su 2", "Aut1"
    re.compile(rf"\b(?P<abbr>aut|spr?|su)\s?(?P<half>[12])\b{_YEAR}", re.I),
    # "Feb half term", "October HT", "May half-term", "Whitsun"
    re.compile(
        rf"\b(?P<htmonth>oct(?:ober)?|feb(?:ruary)?|may|whitsun)(?:\s+{_HT}\b|(?<=whitsun)){_YEAR}",
        re.I,
    ),
    # "by half term", "end of term", "by the end of this term"
    re.compile(rf"\b(?:by|before|until|till|end of)\s+(?:the\s+)?(?P<next>{_HT})\b", re.I),
    re.compile(r"\bend\s+of\s+(?:the\s+|this\s+)?(?P<current>term)\b", re.I),
    re.compile(rf"\b(?P<easter>easter)(?:\s+(?:holidays?|hols|break))?{_YEAR}", re.I),
    re.compile(rf"\b(?P<christmas>christmas|xmas)(?:\s+(?:holidays?|hols|break))?{_YEAR}", re.I),
    # "June 2027", "Jul-27", "by March" (a day and month is a date, read before any period)
    re.compile(rf"\b(?P<mon>{MONTHS})\b{_YEAR}", re.I),
]


@dataclass(frozen=True)
class PeriodReading:
    """Words naming a period, the latest day it usually ends, and why it cannot be the review
    point if it cannot ("... has already passed")."""

    text: str
    span: tuple[int, int]
    ends: date
    problem: str = ""

    @property
    def by(self) -> str:
        """The period as it follows "by": "the end of Spring term 2027", "Easter", "half term"."""
        words = _LEADING_BY.sub("", self.text)
        if words.lower().startswith("end of"):
            return f"the end of {words[6:].lstrip()}"
        if _ITS_OWN_END.search(words):
            return words
        return f"the end of {words}"


_LEADING_BY = re.compile(r"^(?:by|before|until|till)\s+(?:the\s+)?", re.I)
_ITS_OWN_END = re.compile(rf"\b(?:{_HT}|easter|christmas|xmas|whitsun)\b", re.I)


def read_periods(text: str, *, today: date) -> list[PeriodReading]:
    """Every period named in the text, in order (the longest reading where two overlap)."""
    found: list[PeriodReading] = []
    taken: list[tuple[int, int]] = []
    matches = sorted(
        (m for p in PATTERNS for m in p.finditer(text)), key=lambda m: (m.start(), -m.end())
    )
    for match in matches:
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        ends = _ends(match, text, today)
        if ends is None:
            continue
        taken.append(match.span())
        words = match.group(0).strip(" ,-/")
        problem = ""
        if ends < today:
            problem = f"\u201c{words}\u201d has already passed (today is {today:%d/%m/%Y})"
            if _year(match.groupdict()) is None:
                problem += " this school year; if next year\u2019s is meant, write its year"
        found.append(PeriodReading(words, match.span(), ends, problem))
    return found


def review_period(texts: Iterable[str], *, today: date) -> PeriodReading | None:
    """The period a target will be reviewed by, from the first text naming any: the first still
    to come, or, when every one has passed, the last."""
    for text in texts:
        readings = read_periods(text, today=today) if text else []
        if readings:
            return next((r for r in readings if not r.problem), readings[-1])
    return None


def _ends(match: re.Match[str], text: str, today: date) -> date | None:
    """The period's latest usual last day, or None when the words are not a time here."""
    groups = match.groupdict()
    year = _year(groups)
    if groups.get("next"):
        return min(_next(HALF_TERM_ENDS[s], today) for s in HALF_TERM_ENDS)
    if groups.get("current"):
        return min(_next(TERM_ENDS[s], today) for s in TERM_ENDS)
    if groups.get("easter"):
        return _dated(easter, year, today)
    season = groups.get("season") or SEASON_ABBREVIATIONS.get((groups.get("abbr") or "").lower())
    if groups.get("htmonth"):
        season, half = HALF_TERM_MONTHS[groups["htmonth"][:3].lower()], True
    else:
        half = groups.get("half") == "1" or bool(groups.get("ht"))
    if season:
        told = any(groups.get(k) for k in ("half", "term", "ht", "htmonth", "abbr")) or year
        if not (told or _after_time_word(match, text)):
            return None
        ends = (HALF_TERM_ENDS if half else TERM_ENDS)[season.lower()]
        return _dated(lambda y: date(y, *ends), year, today)
    if not (year or _after_time_word(match, text)):
        return None
    if groups.get("christmas"):
        return _dated(lambda y: date(y, 12, 25), year, today)
    month = MONTH_NUMBERS[groups["mon"][:3].lower()]
    return _dated(lambda y: date(y, month, calendar.monthrange(y, month)[1]), year, today)


def _year(groups: dict[str, str | None]) -> int | None:
    if groups.get("year"):
        return int(groups["year"] or 0)
    if groups.get("yy"):
        return 2000 + int(groups["yy"] or 0)
    return None


def _dated(day_in: Callable[[int], date], year: int | None, today: date) -> date:
    """The period's end in the year written, or, with none, in this school year: "Autumn 1"
    or "Oct half term" written in December is the one just gone (a target copied forward), not
    next year's; "Summer 1" in December is next summer's. From May, when the summer PEP sets
    next year's targets, and through the holidays, a period gone this year is next year's."""
    if year is not None:
        return day_in(year)
    starts = today.year if today.month >= 8 else today.year - 1
    end = day_in(starts)
    end = end if end >= date(starts, 8, 1) else day_in(starts + 1)
    return day_in(end.year + 1) if end < today and 5 <= today.month <= 7 else end


def _next(month_day: tuple[int, int], today: date) -> date:
    """The next end of a period named only as "half term" or "this term": always to come."""
    this_year = date(today.year, *month_day)
    return this_year if this_year >= today else date(today.year + 1, *month_day)


def _after_time_word(match: re.Match[str], text: str) -> bool:
    """A bare season, month or "Christmas" is a time after "by", "in", "end of"..., before
    "mocks" or "exams", or alone in its column."""
    before, after = text[: match.start()], text[match.end() :]
    return (
        bool(_TIME_WORD.search(before[-24:].lower()) or _EXAMS_AFTER.match(after))
        or not (before + after).strip()
    )
