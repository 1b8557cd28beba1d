"""A review date must be a day on the calendar that is still to come, and when it is not the
teacher is told what is wrong with it, not a stock line. (A term or a month is a review point
too: test_review_periods.)"""

from __future__ import annotations

from datetime import date

import pytest

from target_coach import dates
from target_coach.check import check_target
from target_coach.criteria import time_bound
from target_coach.dates import read_dates
from tests.target_coach.conftest import TODAY, request

WORDS = "Read 40 words a minute"


def test_a_review_date_already_past_is_not_time_bound() -> None:
    result = check_target(request(target=f"{WORDS} by 01/01/2020"), today=date(2026, 12, 2))
    assert result.criteria.time_bound.met is False
    assert "01/01/2020" in result.criteria.time_bound.reason
    assert "already passed" in result.criteria.time_bound.reason
    assert any("already passed" in s for s in result.suggestions)
    assert not any("end of term" in s for s in result.suggestions)


def test_a_past_when_is_not_time_bound_either() -> None:
    result = time_bound(request(target=WORDS, when="15/11/2026"), today=TODAY)
    assert result.met is False and "already passed" in result.reason


def test_past_is_judged_against_the_day_given() -> None:
    req = request(target=f"{WORDS} by 01/03/2027")
    assert time_bound(req, today=date(2026, 12, 2)).met is True
    assert time_bound(req, today=date(2027, 3, 1)).met is True  # the day itself still counts
    assert time_bound(req, today=date(2027, 6, 1)).met is False


def test_the_clock_can_be_moved_for_every_check(monkeypatch: pytest.MonkeyPatch) -> None:
    req = request(target=f"{WORDS} by 01/03/2027")
    monkeypatch.setattr(dates, "current_day", lambda: date(2027, 6, 1))
    assert check_target(req).criteria.time_bound.met is False


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("31/02/2027", "31 February is not a date"),
        ("30th February 2027", "30 February is not a date"),
        ("31 April 2027", "31 April is not a date"),
        ("29/02/2027", "29 February 2027 is not a date (2027 is not a leap year)"),
        ("32/03/2027", "32 March is not a date"),
        ("03/27/2027", "There is no month 27 (day first: 27/03/2027)"),
        ("2027-02-31", "31 February is not a date"),
    ],
)
def test_an_impossible_date_is_named_as_such(written: str, why: str) -> None:
    result = check_target(request(target=f"{WORDS} by {written}"))
    criterion = result.criteria.time_bound
    assert criterion.met is False
    assert criterion.reason.startswith(why), criterion.reason
    assert criterion.evidence == [written]
    assert any(why in s for s in result.suggestions)
    assert not any("end of term" in s for s in result.suggestions)


@pytest.mark.parametrize(
    ("written", "day"),
    [("2027-03-27", date(2027, 3, 27)), ("2027-03-04", date(2027, 3, 4))],
)
def test_an_iso_date_is_a_date_read_year_month_day(written: str, day: date) -> None:
    result = time_bound(request(target=f"{WORDS} by {written}"))
    assert result.met is True, result.reason
    assert result.reason == f"It will be reviewed by {day.strftime('%d/%m/%Y')}."


def test_a_past_date_beside_a_future_one_is_history_not_the_review_day() -> None:
    req = request(target="Attendance up from 82% on 01/09/2026 to 95% by 26/03/2027")
    result = time_bound(req)
    assert result.met is True
    assert result.reason == "It will be reviewed by 26/03/2027."


def test_a_leap_day_without_a_year_is_the_next_one_that_exists() -> None:
    [reading] = read_dates("review on 29th February", today=date(2027, 3, 1))
    assert reading.value == date(2028, 2, 29) and not reading.problem


def test_a_start_date_alone_is_not_a_review_date() -> None:
    """ "from 5/1/27" says when the work starts; the review needs its own day."""
    alone = time_bound(request(target=WORDS, when="from 5/1/27"), today=TODAY)
    assert alone.met is False and "when it starts" in alone.reason
    both = time_bound(request(target=WORDS, when="from 5/1/27 to 26/03/2027"), today=TODAY)
    assert both.met is True and "26/03/2027" in both.reason
    week = time_bound(request(target=WORDS, when="week commencing 8/3/27"), today=TODAY)
    assert week.met is True  # a week named by its Monday is the review week


@pytest.mark.parametrize(
    ("when", "day"),
    [("18/12", date(2026, 12, 18)), ("by 5/3", date(2027, 3, 5)), ("w/c 1.3", date(2027, 3, 1))],
)
def test_a_when_of_day_and_month_alone_is_the_next_such_day(when: str, day: date) -> None:
    result = time_bound(request(target="Read 20 common exception words", when=when))
    assert result.met is True, result.reason
    assert day.strftime("%d/%m/%Y") in result.reason


def test_a_day_and_month_alone_elsewhere_is_still_a_score() -> None:
    """Only the When column is read so: "4/5" in the outcome is four out of five."""
    req = request(target="Spell the Y2 words", outcome="4/5 in the weekly test", when="")
    assert time_bound(req).met is False
    assert check_target(req).criteria.measurable.met is True


def test_an_impossible_day_and_month_is_named() -> None:
    result = time_bound(request(target="Read 20 common exception words", when="31/2"))
    assert result.met is False and "31 February is not a date" in result.reason


def test_a_clubs_hours_are_not_a_date() -> None:
    req = request(
        target="Go to homework club 3.15-4.15 on three nights a week", when="end of March"
    )
    result = time_bound(req)
    assert result.met is True and "already passed" not in result.reason


@pytest.mark.parametrize(
    ("when", "today", "met"),
    [
        ("Sept 27", date(2026, 12, 2), False),  # next school year, from a December PEP
        ("30/09/2027", date(2026, 12, 2), False),
        ("15/07/2027", date(2026, 12, 2), True),
        ("30/09/2027", date(2027, 6, 10), True),  # the summer PEP sets next year's targets
    ],
)
def test_a_review_after_this_school_year_is_not_one_a_pep_can_hold(
    when: str, today: date, met: bool
) -> None:
    judged = time_bound(request(target="Read 20 of the Y2 words", when=when), today=today)
    assert judged.met is met, judged.reason


@pytest.mark.parametrize("when", ["termly", "End of Y11", "before the college deadline"])
def test_a_day_in_the_adults_steps_is_not_the_targets_own_time(when: str) -> None:
    req = request(target=WORDS, when=when, action="Carer to ask audiology to recheck (appt 19 Jan)")
    assert time_bound(req, today=TODAY).met is False


def test_with_no_when_a_review_day_in_the_action_column_still_counts() -> None:
    req = request(target=WORDS, when="", action="TA to check weekly; review on 12/02/2027")
    assert time_bound(req, today=TODAY).met is True
