"""A term, half term, Easter or month is a review point the school calendar fixes (decision
0006); a vague word, a season in passing or one already gone is not."""

from __future__ import annotations

from datetime import date

import pytest

from target_coach.check import check_target
from target_coach.criteria import time_bound
from target_coach.periods import read_periods
from tests.target_coach.conftest import request

WORDS = "Read 40 words a minute"
DECEMBER = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("when", "by"),
    [
        ("end of Spring term 2027", "the end of Spring term 2027"),
        ("Summer term", "the end of Summer term"),
        ("Feb half term", "Feb half term"),
        ("Spring 1", "the end of Spring 1"),
        ("Sp2", "the end of Sp2"),
        ("by Easter", "Easter"),
        ("end of term", "the end of term"),
        ("June 2027", "the end of June 2027"),
        ("Jul-27", "the end of Jul-27"),
        ("exam in March", "the end of March"),
        ("Jan mocks", "the end of Jan"),
        ("Summer 2027 GCSE exams", "the end of Summer 2027"),
    ],
)
def test_a_period_the_calendar_fixes_is_time_bound(when: str, by: str) -> None:
    criterion = time_bound(request(target=WORDS, when=when), today=DECEMBER)
    assert criterion.met is True, criterion.reason
    assert f"by {by}," in criterion.reason


@pytest.mark.parametrize("when", ["July 2026", "Summer 2026", "end of Spring term 2026"])
def test_a_period_already_gone_is_not(when: str) -> None:
    result = check_target(request(target=WORDS, when=when), today=DECEMBER)
    assert result.criteria.time_bound.met is False
    assert "already passed" in result.criteria.time_bound.reason
    assert any("already passed" in s for s in result.suggestions)


def test_a_period_without_a_year_is_this_school_years() -> None:
    (summer,) = read_periods("Summer 1", today=DECEMBER)
    assert summer.ends.year == 2027 and summer.problem == ""
    # Written in December, October's half term is the one just gone: a target copied forward
    # from the autumn PEP, not one to review in ten months' time.
    (autumn,) = read_periods("by October half term", today=DECEMBER)
    assert autumn.ends.year == 2026 and "already passed" in autumn.problem
    assert "write its year" in autumn.problem


def test_the_summer_pep_sets_next_years_periods() -> None:
    (autumn,) = read_periods("Autumn 1", today=date(2027, 7, 2))
    assert autumn.ends == date(2027, 10, 31) and autumn.problem == ""


@pytest.mark.parametrize(
    "target",
    [
        "Talk about the seasons: spring, summer, autumn and winter",
        "Make a Christmas card for her carer",
        "Jan will read a book to the class",
        "He may use a word mat",
        "Add numbers to sum 10",
    ],
)
def test_a_season_or_month_in_passing_is_not_a_time(target: str) -> None:
    assert read_periods(target, today=DECEMBER) == []
    assert time_bound(request(target=target), today=DECEMBER).met is False


def test_a_day_written_wins_over_the_period_around_it() -> None:
    criterion = time_bound(
        request(target=WORDS, when="Spring term (review 19/03/2027)"), today=DECEMBER
    )
    assert criterion.met is True and "19/03/2027" in criterion.reason


def test_a_period_ending_after_the_next_review_is_flagged_for_a_check() -> None:
    req = request(target=WORDS, when="Summer term", context={"review_date": "2027-03-19"})
    criterion = time_bound(req, today=DECEMBER)
    assert criterion.met is True
    assert "19/03/2027" in criterion.reason and "check it can be reviewed there" in criterion.reason


def test_the_rewrite_keeps_the_period_as_its_review_point() -> None:
    result = check_target(
        request(target="Get better at reading", when="end of Spring term 2027"), today=DECEMBER
    )
    assert result.rewrite.startswith("By the end of Spring term 2027, ")
    again = time_bound(request(target=result.rewrite), today=DECEMBER)
    assert again.met is True


def test_a_gone_period_in_the_target_gets_a_review_day_in_the_rewrite() -> None:
    result = check_target(request(target="Reach 90% attendance by Summer 2026"), today=DECEMBER)
    assert result.criteria.time_bound.met is False
    assert result.rewrite.startswith("By [review date"), result.rewrite
