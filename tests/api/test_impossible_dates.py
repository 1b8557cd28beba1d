"""Dates each valid alone but impossible together: refused by name, with nothing stored.

A meeting before the child was born or came into care, a next meeting not after this one, or a
suspension before the child's birth would print in the PEP as fact."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from api.models.enums import Role
from tests.api.test_school_data import FORM, REASON, _body, _suspension, _url
from tests.factories import Factory
from tests.helpers import Demo, page_form, page_sign_in

BORN = date(2013, 6, 1)
IN_CARE = date(2026, 1, 20)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"meeting_date": "2012-01-01"}, "meeting_date", "before the child's date of birth"),
        ({"meeting_date": "2025-11-01"}, "meeting_date", "before the child came into care"),
        ({"next_meeting_date": "2027-01-10"}, "next_meeting_date", "after this meeting"),
        ({"next_meeting_date": "2027-01-11"}, "next_meeting_date", "after this meeting"),
    ],
)
def test_a_pep_date_that_cannot_be_is_refused_by_name_and_nothing_changes(
    client: TestClient, make: Factory, change: dict[str, str], field: str, words: str
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker, date_of_birth=BORN, care_start_date=IN_CARE)
    pep = make.pep(child, meeting_date=date(2027, 1, 11), next_meeting_date=date(2027, 4, 12))
    path = f"/api/v1/peps/{pep.id}"
    refused = client.patch(path, json=change, headers=worker.headers)
    assert refused.status_code == 422, refused.text
    assert [e["field"] for e in refused.json()["errors"]] == [field]
    assert words in refused.json()["errors"][0]["message"]
    kept = client.get(path, headers=worker.headers).json()
    assert (kept["meeting_date"], kept["next_meeting_date"]) == ("2027-01-11", "2027-04-12")


def test_a_meeting_moved_after_the_next_one_is_refused_and_a_sensible_one_kept(
    client: TestClient, make: Factory
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker, date_of_birth=BORN, care_start_date=IN_CARE)
    pep = make.pep(child, meeting_date=date(2027, 1, 11), next_meeting_date=date(2027, 4, 12))
    path = f"/api/v1/peps/{pep.id}"
    late = client.patch(path, json={"meeting_date": "2027-05-01"}, headers=worker.headers)
    assert late.status_code == 422 and late.json()["errors"][0]["field"] == "next_meeting_date"
    moved = client.patch(path, json={"meeting_date": "2027-01-18"}, headers=worker.headers)
    assert moved.status_code == 200, moved.text


def test_a_suspension_before_the_child_was_born_is_refused(
    client: TestClient, make: Factory
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    child = make.child(date_of_birth=BORN, care_start_date=IN_CARE)
    pep = make.pep(child)
    body = _body(suspensions=[_suspension(start_date=(BORN - timedelta(days=1)).isoformat())])
    refused = client.put(_url(pep.id), json=body, headers=teacher.headers)
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == "suspensions.0.start_date"
    assert client.get(_url(pep.id), headers=teacher.headers).json()["suspensions"] == []
    body = _body(suspensions=[_suspension(start_date="2026-10-03")])
    assert client.put(_url(pep.id), json=body, headers=teacher.headers).status_code == 200


def test_a_care_detail_before_birth_names_every_field_at_once(
    client: TestClient, make: Factory
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker, date_of_birth=BORN, care_start_date=IN_CARE)
    pep = make.pep(child)
    body = {
        "placement_start_date": "2010-01-01",
        "school_history": [
            {"school_name": "Hillside Primary", "from_date": "2019-09-04"},
            {"school_name": "Nursery", "from_date": "2009-09-01"},
        ],
    }
    refused = client.put(f"/api/v1/peps/{pep.id}/care-details", json=body, headers=worker.headers)
    assert refused.status_code == 422, refused.text
    assert [e["field"] for e in refused.json()["errors"]] == [
        "placement_start_date",
        "school_history.1.from_date",
    ]
    assert "01/06/2013" in refused.json()["errors"][0]["message"]


def test_the_school_data_form_puts_a_suspension_before_birth_on_its_box_with_what_was_typed(
    client: TestClient, demo: Demo
) -> None:
    """It was an error page: everything typed on the form was lost."""
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-dt")
    form = {**FORM, "suspensions-0-start_date-year": "2005"}
    refused = page_form(client, f"/peps/{pep}/school-data", form)
    assert refused.status_code == 400, refused.text  # found as the form is read
    assert "There is a problem" in refused.text
    assert 'href="#suspensions-0-start_date-day"' in refused.text
    assert "Suspension 1:" in refused.text and "before the child&#39;s date of birth" in (
        refused.text
    )
    assert REASON in refused.text and 'value="2005"' in refused.text
    assert client.get(_url(pep), headers=demo.auth("demo-dt")).json()["recorded"] is False


def test_the_meeting_plan_form_puts_a_meeting_before_birth_on_its_box(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-sw")
    page = client.get(f"/peps/{pep}/meeting-plan")
    assert page.status_code == 200
    form = dict(re.findall(r'name="([^"]+)"[^>]*value="([^"]*)"', page.text))
    form.update({"meeting_date-day": "1", "meeting_date-month": "1", "meeting_date-year": "2001"})
    form.pop("csrftoken", None)
    refused = page_form(client, f"/peps/{pep}/meeting-plan", form)
    assert refused.status_code == 400, refused.text  # found as the form is read
    assert 'href="#meeting_date-day"' in refused.text
    assert "The date of the PEP meeting cannot be before the child&#39;s date of birth" in (
        refused.text
    )
    assert 'value="2001"' in refused.text
    kept = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-sw")).json()
    assert kept["meeting_date"] != "2001-01-01"


def test_the_care_details_form_puts_a_placement_before_birth_on_its_box(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-sw")
    form = {
        "placement_type": "foster_care",
        "placement_start-day": "1",
        "placement_start-month": "9",
        "placement_start-year": "2005",
        "carer_name": "Morgan Lee",
    }
    refused = page_form(client, f"/peps/{pep}/care-details", form)
    assert refused.status_code == 400, refused.text  # found as the form is read
    assert "There is a problem" in refused.text and "date of birth" in refused.text
    assert 'href="#placement_start-day"' in refused.text and "Morgan Lee" in refused.text


@pytest.mark.parametrize("box", ["suspensions-0-start_date-year", "part_time_review_date-year"])
def test_a_twenty_digit_year_on_the_school_data_form_is_a_form_error_not_a_crash(
    client: TestClient, demo: Demo, box: str
) -> None:
    """It was a 500 ("Python int too large"): the teacher lost everything typed."""
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-dt")
    form = {
        **FORM,
        "part_time_timetable": "yes",
        "part_time_review_date-day": "1",
        "part_time_review_date-month": "1",
        "part_time_review_date-year": "2027",
        box: "99999999999999999999",
    }
    refused = page_form(client, f"/peps/{pep}/school-data", form)
    assert refused.status_code == 400, refused.text
    assert "must be a real date" in refused.text and REASON in refused.text
    assert client.get(_url(pep), headers=demo.auth("demo-dt")).json()["recorded"] is False
