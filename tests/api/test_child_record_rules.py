"""A child's record must describe a child who could exist: in care no earlier than their birth
and not after today, a school year that fits their age (two years either way), and names that
show. Each refusal is a 422 naming the field and the rule, on the API, and the same words in the
add-a-child page's error summary; a refused child is not stored. Names in any script are kept
exactly as typed."""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.models import Child
from api.models.enums import school_year_for_birth
from tests.helpers import Demo, page_form, page_sign_in

TODAY = date.today()
ACADEMIC_START = TODAY.year if TODAY.month >= 9 else TODAY.year - 1
# Born in March, this child is in Year 7 by age this school year.
YEAR_7_BIRTHDAY = date(ACADEMIC_START - 11, 3, 15)
INVISIBLE_NAMES = {
    "zero_width_space": "\u200b",
    "left_to_right_mark": "\u200e",
    "word_joiner": "\u2060",
    "byte_order_mark": "\ufeff",
    "joiners": "\u200c\u200d",
    "spaced_zero_width": " \u200b \u200b ",
    "hangul_filler": "\u3164",
}
# Spaces alone are trimmed away, and then the name is empty.
BLANK_NAMES = {"ideographic_space": "\u3000", "no_break_space": "\u00a0", "spaces": "   "}
NAMES_AS_TYPED = {
    "arabic": "محمد عبد الله",
    "chinese": "李小龙",
    "accented": "Zoë Ní Bhriain",
    "polish": "Łucja Wąsowska-Żółć",
    "hyphen_apostrophe": "Anne-Marie O'Neill",
    "devanagari": "नेहा",
    "urdu": "عائشہ",
    "marked_arabic": "\u202bأحمد\u202c",
    "joined_emoji": "Sam 👩🏽‍🏫",
}


def _child(demo: Demo, **fields: Any) -> dict[str, Any]:
    return {
        "first_name": "Rulecheck",
        "last_name": "Child",
        "date_of_birth": YEAR_7_BIRTHDAY.isoformat(),
        "school_year": 7,
        "school_id": demo.users["demo-dt"].school_id,
        "legal_status": "Accommodated (s20)",
        "care_start_date": (TODAY - timedelta(days=30)).isoformat(),
        "social_worker_username": "demo-sw",
        **fields,
    }


def _children(db: Session) -> int:
    db.expire_all()
    return int(db.scalar(select(func.count()).select_from(Child)) or 0)


def _refused(response: Any, field: str, words: str) -> None:
    assert response.status_code == 422, response.text
    body = response.json()
    assert f"{field}: " in body["detail"] and words in body["detail"], body
    assert [e["field"] for e in body["errors"]] == [field], body
    assert words in body["errors"][0]["message"], body


REFUSED: dict[str, tuple[dict[str, Any], str, str]] = {
    "in_care_before_birth": (
        {"date_of_birth": "2015-01-01", "school_year": None, "care_start_date": "2010-01-01"},
        "care_start_date",
        "cannot be before the date of birth (1 January 2015)",
    ),
    "in_care_from_2030": (
        {"care_start_date": "2030-06-01"},
        "care_start_date",
        "cannot be in the future",
    ),
    "in_care_from_tomorrow": (
        {"care_start_date": (TODAY + timedelta(days=1)).isoformat()},
        "care_start_date",
        "cannot be in the future",
    ),
    "two_year_old_in_year_14": (
        {"date_of_birth": "2024-01-01", "school_year": 14},
        "school_year",
        "Year 14 does not fit a child born on 1 January 2024",
    ),
    "year_7_age_in_year_10": (
        {"school_year": 10},
        "school_year",
        "Year 10 does not fit a child born on",
    ),
    "year_7_age_in_year_4": ({"school_year": 4}, "school_year", "Choose Year 5 to Year 9"),
    "adult_in_year_4": (
        {"date_of_birth": "1990-01-01", "school_year": 4, "care_start_date": "2000-01-01"},
        "school_year",
        "past school age",
    ),
    **{
        f"first_name_{name}": (
            {"first_name": value},
            "first_name",
            "must have at least one letter or other visible character",
        )
        for name, value in INVISIBLE_NAMES.items()
    },
    **{
        f"first_name_{name}": ({"first_name": value}, "first_name", "at least 1 character")
        for name, value in BLANK_NAMES.items()
    },
    "first_name_right_to_left_override": (
        {"first_name": "\u202eNosaj"},
        "first_name",
        "direction override character (U+202E)",
    ),
    "last_name_left_to_right_override": (
        {"last_name": "Smith\u202d"},
        "last_name",
        "direction override character (U+202D)",
    ),
    "last_name_byte_order_mark": (
        {"last_name": "\ufeff"},
        "last_name",
        "must have at least one letter or other visible character",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED), ids=list(REFUSED))
def test_an_impossible_child_is_refused_by_field_and_rule_and_not_stored(
    client: TestClient, demo: Demo, db: Session, case: str
) -> None:
    fields, field, words = REFUSED[case]
    before = _children(db)
    response = client.post(
        "/api/v1/children", json=_child(demo, **fields), headers=demo.auth("demo-vs")
    )
    _refused(response, field, words)
    assert _children(db) == before


def test_the_school_year_message_states_the_rule(client: TestClient, demo: Demo) -> None:
    body = _child(demo, date_of_birth="2024-01-01", school_year=14)
    detail = client.post("/api/v1/children", json=body, headers=demo.auth("demo-vs")).json()
    message = detail["errors"][0]["message"]
    assert "the school year follows the age on 31 August" in message
    assert "Reception at 4, Year N at N + 4" in message
    assert "at most 2 years either side" in message


@pytest.mark.parametrize("offset", [-2, -1, 0, 1, 2])
def test_a_school_year_within_two_of_the_age_is_accepted(
    client: TestClient, demo: Demo, db: Session, offset: int
) -> None:
    by_age = school_year_for_birth(YEAR_7_BIRTHDAY, TODAY)
    assert by_age == 7
    body = _child(demo, school_year=by_age + offset)
    response = client.post("/api/v1/children", json=body, headers=demo.auth("demo-vs"))
    assert response.status_code == 201, response.text
    assert response.json()["school_year"] == by_age + offset


@pytest.mark.parametrize("offset", [-3, 3])
def test_a_school_year_three_from_the_age_is_refused(
    client: TestClient, demo: Demo, offset: int
) -> None:
    body = _child(demo, school_year=7 + offset)
    response = client.post("/api/v1/children", json=body, headers=demo.auth("demo-vs"))
    _refused(response, "school_year", f"Year {7 + offset} does not fit")


def test_nursery_and_reception_fit_a_young_child(client: TestClient, demo: Demo) -> None:
    """A child too young for nursery by age may still be recorded in nursery or reception."""
    born = date(ACADEMIC_START - 3, 10, 1)  # by age a year below nursery this school year
    for year in (-1, 0):
        body = _child(demo, date_of_birth=born.isoformat(), school_year=year, care_start_date=None)
        response = client.post("/api/v1/children", json=body, headers=demo.auth("demo-vs"))
        assert response.status_code == 201, (year, response.text)
    refused = client.post(
        "/api/v1/children",
        json=_child(demo, date_of_birth=born.isoformat(), school_year=1, care_start_date=None),
        headers=demo.auth("demo-vs"),
    )
    _refused(refused, "school_year", "Choose Nursery or Reception")


def test_in_care_from_birth_or_today_is_accepted(client: TestClient, demo: Demo) -> None:
    vs = demo.auth("demo-vs")
    born = YEAR_7_BIRTHDAY.isoformat()
    for start in (born, TODAY.isoformat()):
        body = _child(demo, care_start_date=start)
        response = client.post("/api/v1/children", json=body, headers=vs)
        assert response.status_code == 201, (start, response.text)
        assert response.json()["care_start_date"] == start


@pytest.mark.parametrize("name", list(NAMES_AS_TYPED), ids=list(NAMES_AS_TYPED))
def test_names_in_any_script_are_kept_exactly_as_typed(
    client: TestClient, demo: Demo, db: Session, name: str
) -> None:
    typed = NAMES_AS_TYPED[name]
    body = _child(demo, first_name=typed, last_name=typed)
    response = client.post("/api/v1/children", json=body, headers=demo.auth("demo-vs"))
    assert response.status_code == 201, response.text
    assert response.json()["first_name"] == typed and response.json()["last_name"] == typed
    stored = db.get(Child, response.json()["child_id"])
    assert stored is not None and (stored.first_name, stored.last_name) == (typed, typed)


# The add-a-child page: the same rules, in a GOV.UK error summary linked to each field.


def _boxes(prefix: str, day: date) -> dict[str, str]:
    return {
        f"{prefix}-day": str(day.day),
        f"{prefix}-month": str(day.month),
        f"{prefix}-year": str(day.year),
    }


def _form(demo: Demo, **fields: str) -> dict[str, str]:
    return {
        "first_name": "Pagerule",
        "last_name": "Child",
        **_boxes("date_of_birth", YEAR_7_BIRTHDAY),
        "school_year": "7",
        "school_id": str(demo.users["demo-dt"].school_id),
        "legal_status": "Accommodated (s20)",
        **_boxes("care_start_date", TODAY - timedelta(days=30)),
        "social_worker": "demo-sw",
        **fields,
    }


PAGE_REFUSED: dict[str, tuple[dict[str, str], str, str]] = {
    "in_care_before_birth": (
        {
            **_boxes("date_of_birth", date(2015, 1, 1)),
            "school_year": "",
            **_boxes("care_start_date", date(2010, 1, 1)),
        },
        "#care_start_date-day",
        "The date the child came into care cannot be before the date of birth (1 January 2015)",
    ),
    "in_care_from_2030": (
        _boxes("care_start_date", date(2030, 6, 1)),
        "#care_start_date-day",
        "The date the child came into care cannot be in the future",
    ),
    "two_year_old_in_year_14": (
        {**_boxes("date_of_birth", date(2024, 1, 1)), "school_year": "14"},
        "#school_year",
        "Year 14 does not fit a child born on 1 January 2024",
    ),
    "born_on_31_february": (
        {"date_of_birth-day": "31", "date_of_birth-month": "2", "date_of_birth-year": "2015"},
        "#date_of_birth-day",
        "The date of birth must be a real date",
    ),
    "invisible_first_name": (
        {"first_name": "\u200b"},
        "#first_name",
        "The first name must have at least one letter or other visible character",
    ),
}


@pytest.mark.parametrize("case", list(PAGE_REFUSED), ids=list(PAGE_REFUSED))
def test_the_page_shows_the_same_rule_in_the_error_summary_and_adds_nothing(
    client: TestClient, demo: Demo, db: Session, case: str
) -> None:
    fields, anchor, words = PAGE_REFUSED[case]
    before = _children(db)
    page_sign_in(client, "demo-vs")
    refused = page_form(client, "/children/new", _form(demo, **fields))
    assert refused.status_code == 400
    assert "text/html" in refused.headers["content-type"]
    text = html.unescape(refused.text)
    summary = text.split("govuk-error-summary", 1)[1].split("</ul>", 1)[0]
    assert f'href="{anchor}"' in summary and words in summary, summary
    assert text.count(words) == 2, "in the summary and beside the field"
    assert summary.count(f'href="{anchor}"') == 1, "one message a field"
    assert _children(db) == before


def test_the_page_adds_a_child_named_in_another_script(
    client: TestClient, demo: Demo, db: Session
) -> None:
    page_sign_in(client, "demo-vs")
    added = page_form(client, "/children/new", _form(demo, first_name="محمد", school_year="9"))
    assert added.status_code == 303, added.text
    child = db.scalar(select(Child).where(Child.first_name == "محمد"))
    assert child is not None and child.school_year == 9
