"""School days on an English school calendar: the authority's terms and half terms, less
England's bank holidays.

PEP deadlines are counted in school days (Slough: the initial PEP within 20 school days of
coming into care; Halton: the PEP form within 10 school days of the meeting), so a deadline
set before half term or Christmas lands after the break, as the policies mean. Bank holidays
come from the maintained `holidays` package rather than a list of our own that would go
stale; term dates are the council's to publish, so they are a data file per authority.

Outside the configured terms (a date before the first or after the last), the count falls back
to weekdays less bank holidays and says so, rather than refusing to give a date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import holidays

from api.config import get_settings

DEMO_TERM_DATES = Path(__file__).resolve().parent.parent / "data" / "term_dates.json"


@dataclass(frozen=True)
class Term:
    name: str
    start: date
    end: date
    # Days inside the term when the school is closed: half term, INSET days.
    breaks: tuple[tuple[date, date], ...] = ()

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def is_open(self, day: date) -> bool:
        return self.contains(day) and not any(a <= day <= b for a, b in self.breaks)


@dataclass(frozen=True)
class Counted:
    """A date counted in school days, and why it is only an estimate when it is one."""

    due: date
    note: str | None = None


@dataclass(frozen=True)
class SchoolCalendar:
    authority: str
    terms: tuple[Term, ...]

    def covers(self, day: date) -> bool:
        """Whether the term dates say anything about this day (holidays between terms too)."""
        return bool(self.terms) and self.terms[0].start <= day <= self.terms[-1].end

    def term_for(self, day: date) -> Term | None:
        return next((t for t in self.terms if t.contains(day)), None)

    def term_after(self, day: date) -> Term | None:
        """The term after the one `day` falls in (or, in a holiday, the next one to start)."""
        current = self.term_for(day)
        after = current.end if current else day
        return next((t for t in self.terms if t.start > after), None)

    def is_school_day(self, day: date) -> bool:
        if day.weekday() >= 5 or is_bank_holiday(day):
            return False
        if not self.covers(day):
            return True  # no term dates here: every weekday that is not a bank holiday
        term = self.term_for(day)
        return term is not None and term.is_open(day)

    def count(self, start: date, days: int) -> Counted:
        """The `days`-th school day after `start`; estimated where it left the term dates.

        Stops at the end of the calendar rather than overflowing past 31/12/9999.
        """
        current, outside = start, False
        while days > 0 and current < date.max:
            current += timedelta(days=1)
            if self.is_school_day(current):
                days -= 1
                outside = outside or not self.covers(current)
        if not outside:
            return Counted(current)
        return Counted(current, self.outside_note())

    def outside_note(self) -> str:
        if not self.terms:
            return "No term dates are set: counted weekdays less bank holidays"
        first, last = self.terms[0].start, self.terms[-1].end
        return (
            f"Estimated: term dates are set from {first.day} {first:%B %Y} to "
            f"{last.day} {last:%B %Y} only, "
            "so weekdays less bank holidays were counted"
        )


def is_bank_holiday(day: date) -> bool:
    return day in _bank_holidays(day.year)


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    """England's bank holidays for one year, with substitute days (Boxing Day observed)."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def _day(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def parse_calendar(data: dict[str, Any]) -> SchoolCalendar:
    """Terms in order, each with its breaks inside it: a typo in a council's file is refused
    at load, not found later as a deadline in the wrong month."""
    terms: list[Term] = []
    for raw in data.get("terms", []):
        name = str(raw.get("name") or "a term")
        start, end = _day(raw.get("start"), name), _day(raw.get("end"), name)
        if end < start:
            raise ValueError(f"{name}: ends before it starts")
        if terms and start <= terms[-1].end:
            raise ValueError(f"{name}: starts before {terms[-1].name} ends")
        breaks = []
        for gap in raw.get("breaks", []):
            a, b = _day(gap.get("start"), name), _day(gap.get("end"), name)
            if not start <= a <= b <= end:
                raise ValueError(f"{name}: a break from {a} to {b} is not inside the term")
            breaks.append((a, b))
        terms.append(Term(name=name, start=start, end=end, breaks=tuple(breaks)))
    return SchoolCalendar(authority=str(data.get("authority", "")), terms=tuple(terms))


@lru_cache(maxsize=4)
def load_calendar(path: str) -> SchoolCalendar:
    return parse_calendar(json.loads(Path(path).read_text(encoding="utf-8")))


def default_calendar() -> SchoolCalendar:
    """The authority's term dates from settings, or the demo authority's."""
    return load_calendar(get_settings().term_dates_path or str(DEMO_TERM_DATES))


def is_school_day(day: date, calendar: SchoolCalendar | None = None) -> bool:
    return (calendar or default_calendar()).is_school_day(day)


def add_school_days(start: date, days: int, calendar: SchoolCalendar | None = None) -> date:
    return (calendar or default_calendar()).count(start, days).due
