"""The age band by date of birth when no school year is recorded, on England's 31 August rule."""

from __future__ import annotations

from datetime import date

import pytest

from api.models.enums import AgeBand, age_band_for_year, school_year_for_birth

AUTUMN_2026 = date(2026, 10, 1)  # academic year 2026/27
SUMMER_2027 = date(2027, 7, 1)  # the same academic year


@pytest.mark.parametrize(
    ("born", "year"),
    [
        (date(2022, 8, 31), 0),  # 4 on 31 August 2026: Reception this September
        (date(2022, 9, 1), -1),  # 4 a day too late: nursery for another year
        (date(2021, 9, 1), 0),  # the oldest in Reception
        (date(2019, 8, 31), 3),  # the youngest in Year 3 ...
        (date(2019, 9, 1), 2),  # ... and the oldest in Year 2, a day apart
        (date(2015, 8, 31), 7),
        (date(2015, 9, 1), 6),
        (date(2011, 8, 31), 11),
        (date(2011, 9, 1), 10),
    ],
)
def test_the_school_year_turns_on_31_august_and_1_september(born: date, year: int) -> None:
    assert school_year_for_birth(born, AUTUMN_2026) == year
    assert school_year_for_birth(born, SUMMER_2027) == year
    assert school_year_for_birth(born, date(2026, 8, 31)) == year - 1  # last day of 2025/26
    assert school_year_for_birth(born, date(2026, 9, 1)) == year  # first day of 2026/27


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (date(2022, 9, 1), AgeBand.EY),
        (date(2019, 9, 1), AgeBand.KS1),
        (date(2019, 8, 31), AgeBand.KS2),
        (date(2015, 9, 1), AgeBand.KS2),
        (date(2012, 9, 1), AgeBand.KS3),  # Year 9, not KS4
        (date(2011, 8, 31), AgeBand.KS4),
    ],
)
def test_with_no_school_year_the_band_comes_from_the_date_of_birth(born: date, band: str) -> None:
    age = AUTUMN_2026.year - born.year - ((born.month, born.day) > (10, 1))
    assert age_band_for_year(None, age, date_of_birth=born, on=AUTUMN_2026) == band


def test_an_under_16_with_no_year_is_no_longer_put_in_ks4() -> None:
    assert age_band_for_year(None, 12, date_of_birth=date(2014, 5, 1), on=AUTUMN_2026) == "KS3"
    assert age_band_for_year(None, 9) == AgeBand.KS2  # age alone: about Year 4


def test_16_to_18_out_of_school_is_post16_and_a_recorded_year_wins() -> None:
    assert age_band_for_year(None, 16, date_of_birth=date(2010, 9, 2), on=AUTUMN_2026) == "POST16"
    assert age_band_for_year(7, 9, date_of_birth=date(2017, 1, 1), on=AUTUMN_2026) == "KS3"


@pytest.mark.parametrize("today", [date(2026, 8, 31), date(2026, 9, 1), date(2027, 1, 4)])
def test_the_demo_birthdays_put_each_child_in_the_school_year_it_claims(today: date) -> None:
    from api.demo import birthday_for_year

    for year in range(-1, 14):
        assert school_year_for_birth(birthday_for_year(year, today), today) == year
