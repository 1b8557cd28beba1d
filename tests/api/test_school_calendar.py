"""School days on the demo authority's calendar: half term, Christmas, bank holidays, and a
sensible, labelled fallback outside the configured terms."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from api.config import get_settings
from api.services import school_calendar
from api.services.school_calendar import (
    DEMO_TERM_DATES,
    add_school_days,
    default_calendar,
    is_school_day,
    parse_calendar,
)


def test_the_demo_calendar_is_the_demo_authoritys_2026_27_year() -> None:
    calendar = default_calendar()
    assert calendar.authority == "Demo Borough Council"
    autumn = calendar.term_for(date(2026, 11, 30))
    assert autumn is not None and autumn.name == "Autumn 2026"
    assert (autumn.start, autumn.end) == (date(2026, 9, 2), date(2026, 12, 18))


def test_twenty_school_days_from_9_december_lands_after_christmas() -> None:
    # 7 school days to 18 December, none until 5 January, then 13 more.
    assert add_school_days(date(2026, 12, 9), 20) == date(2027, 1, 21)


def test_ten_school_days_from_22_october_skips_half_term() -> None:
    # 23 October, then half term (26 to 30 October), then 2 to 12 November.
    assert add_school_days(date(2026, 10, 22), 10) == date(2026, 11, 12)
    assert not is_school_day(date(2026, 10, 28))


def test_bank_holidays_are_not_school_days() -> None:
    assert not is_school_day(date(2027, 5, 3))  # early May bank holiday, in term
    assert is_school_day(date(2027, 5, 4))
    # Across it: 30 April, then 4 to 7 May.
    assert add_school_days(date(2027, 4, 29), 5) == date(2027, 5, 7)


def test_weekends_and_the_holidays_between_terms_are_not_school_days() -> None:
    assert not is_school_day(date(2026, 11, 28))  # a Saturday
    assert not is_school_day(date(2027, 4, 6))  # Easter holidays, a weekday
    assert not is_school_day(date(2026, 12, 21))


def test_outside_the_configured_terms_weekdays_less_bank_holidays_count_with_a_note() -> None:
    calendar = default_calendar()
    before = calendar.count(date(2026, 8, 24), 5)
    # 25 to 28 August, 31 August is the summer bank holiday, then 1 September.
    assert before.due == date(2026, 9, 1)
    assert before.note and "weekdays less bank holidays" in before.note
    inside = calendar.count(date(2026, 11, 2), 20)
    assert inside.due == date(2026, 11, 30) and inside.note is None
    after = calendar.count(date(2028, 12, 22), 3)
    # 25 and 26 December 2028 are bank holidays (a Monday and Tuesday).
    assert after.due == date(2028, 12, 29) and after.note


def test_counting_stops_at_the_end_of_the_calendar() -> None:
    assert add_school_days(date(9999, 12, 30), 20) == date.max


def test_the_next_term_after_a_date() -> None:
    calendar = default_calendar()
    spring = calendar.term_after(date(2026, 11, 30))
    assert spring is not None and spring.end == date(2027, 3, 26)
    in_the_holiday = calendar.term_after(date(2026, 12, 24))
    assert in_the_holiday is not None and in_the_holiday.name == "Spring 2027"


def test_a_council_sets_its_own_term_dates_by_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "terms.json"
    own.write_text(
        json.dumps(
            {
                "authority": "Another Council",
                "terms": [
                    {
                        "name": "Autumn 2026",
                        "start": "2026-09-03",
                        "end": "2026-12-17",
                        "breaks": [{"name": "INSET", "start": "2026-11-02", "end": "2026-11-02"}],
                    }
                ],
            }
        )
    )
    monkeypatch.setenv("PEP_VOICE_TERM_DATES_PATH", str(own))
    get_settings.cache_clear()
    try:
        assert default_calendar().authority == "Another Council"
        assert not is_school_day(date(2026, 11, 2))
        assert is_school_day(date(2026, 11, 3))
    finally:
        monkeypatch.delenv("PEP_VOICE_TERM_DATES_PATH")
        get_settings.cache_clear()
    assert default_calendar().authority == "Demo Borough Council"


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ([{"name": "Autumn", "start": "2026-12-18", "end": "2026-09-02"}], "ends before"),
        ([{"name": "Autumn", "start": "2026-09-02", "end": "18/12/2026"}], "not a date"),
        (
            [
                {
                    "name": "Autumn",
                    "start": "2026-09-02",
                    "end": "2026-12-18",
                    "breaks": [{"start": "2026-12-21", "end": "2026-12-22"}],
                }
            ],
            "not inside the term",
        ),
        (
            [
                {"name": "Autumn", "start": "2026-09-02", "end": "2026-12-18"},
                {"name": "Spring", "start": "2026-12-01", "end": "2027-03-26"},
            ],
            "starts before Autumn ends",
        ),
    ],
)
def test_a_mistake_in_the_term_dates_is_refused_at_load(
    terms: list[dict[str, object]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        parse_calendar({"terms": terms})


def test_the_shipped_file_loads_and_is_ordered() -> None:
    calendar = school_calendar.load_calendar(str(DEMO_TERM_DATES))
    names = [t.name for t in calendar.terms]
    assert names[:3] == ["Autumn 2026", "Spring 2027", "Summer 2027"]
    summer = calendar.terms[2]
    assert summer.breaks == ((date(2027, 5, 31), date(2027, 6, 4)),)
