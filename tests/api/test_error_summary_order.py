"""GOV.UK error summaries: every problem at once, listed in the order the boxes come on the
page, whichever check found it (the boxes as read, or the API schema's rules after)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from fastapi.testclient import TestClient

from tests.helpers import Demo, page_form, page_sign_in


def _summary_links(page: str) -> list[str]:
    summary = page.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    return re.findall(r'href="#([^"]+)"', summary)


def _box_order(page: str, anchors: list[str]) -> list[str]:
    body = page.split("govuk-error-summary", 1)[1].split("</ul>", 1)[1]
    return sorted(anchors, key=lambda a: body.index(f'id="{a}"'))


def test_add_a_child_lists_the_date_of_birth_before_the_date_into_care(
    client: TestClient, demo: Demo
) -> None:
    page_sign_in(client, "demo-vs")
    tomorrow = date.today() + timedelta(days=1)
    refused = page_form(
        client,
        "/children/new",
        {
            "first_name": "Mia",
            "last_name": "Nowak",
            "date_of_birth-day": str(tomorrow.day),
            "date_of_birth-month": str(tomorrow.month),
            "date_of_birth-year": str(tomorrow.year),
            "care_start_date-day": "31",
            "care_start_date-month": "2",
            "care_start_date-year": "2026",
        },
    )
    assert refused.status_code == 400
    links = _summary_links(refused.text)
    assert {"date_of_birth-day", "care_start_date-day"} <= set(links)
    assert links == _box_order(refused.text, links)


def test_care_details_name_every_problem_in_one_round_in_page_order(
    client: TestClient, demo: Demo
) -> None:
    """The school-history row's impossible year used to appear only once the rest was fixed."""
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-sw")
    form = {
        "placement_type": "foster_care",
        "placement_start-day": "31",
        "placement_start-month": "2",
        "placement_start-year": "2026",
        "placement_moves": "-3",
        "other_agencies": "x" * 10_000,
        "history_school": ["Hillside Primary", "Oak Academy"],
        "history_from-day": ["4", "1"],
        "history_from-month": ["9", "1"],
        "history_from-year": ["2019", "0001"],
        "history_to-day": ["", ""],
        "history_to-month": ["", ""],
        "history_to-year": ["", ""],
        "history_reason": ["", ""],
    }
    refused = page_form(client, f"/peps/{pep}/care-details", form)  # type: ignore[arg-type]
    assert refused.status_code == 400, refused.text
    links = _summary_links(refused.text)
    assert {"placement_start-day", "placement_moves", "other_agencies", "history_from-1-day"} <= (
        set(links)
    ), links
    assert links == _box_order(refused.text, links)


def test_a_date_before_birth_is_named_with_the_forms_other_problems(
    client: TestClient, demo: Demo
) -> None:
    """A date before the child's birth was refused only once everything else was right."""
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-sw")
    care = page_form(
        client,
        f"/peps/{pep}/care-details",
        {
            "placement_type": "foster_care",
            "placement_start-day": "1",
            "placement_start-month": "1",
            "placement_start-year": "2005",
            "upn": "BAD",
            "history_school": ["Nursery", "Infants"],  # type: ignore[dict-item]
            "history_from-day": ["1", "1"],  # type: ignore[dict-item]
            "history_from-month": ["9", "9"],  # type: ignore[dict-item]
            "history_from-year": ["2004", "2006"],  # type: ignore[dict-item]
            "history_to-day": ["", ""],  # type: ignore[dict-item]
            "history_to-month": ["", ""],  # type: ignore[dict-item]
            "history_to-year": ["", ""],  # type: ignore[dict-item]
            "history_reason": ["", ""],  # type: ignore[dict-item]
        },
    )
    links = _summary_links(care.text)
    assert {"placement_start-day", "upn", "history_from-0-day", "history_from-1-day"} <= set(
        links
    ), links
    assert links == _box_order(care.text, links)
    assert "date of birth" in care.text

    page_sign_in(client, "demo-dt")
    school = page_form(
        client,
        f"/peps/{pep}/school-data",
        {
            "attendance_percent": "150",
            "suspensions-0-kind": "suspension",
            "suspensions-0-start_date-day": "3",
            "suspensions-0-start_date-month": "10",
            "suspensions-0-start_date-year": "2005",
            "suspensions-0-days": "1",
            "suspensions-0-reason": "Threw a chair",
        },
    )
    links = _summary_links(school.text)
    assert {"attendance_percent", "suspensions-0-start_date-day"} <= set(links), links
    assert "date of birth" in school.text

    page_sign_in(client, "demo-sw")
    plan = client.get(f"/peps/{pep}/meeting-plan").text
    form = dict(re.findall(r'name="([^"]+)"[^>]*value="([^"]*)"', plan))
    form.pop("csrftoken", None)
    form.update(
        {
            "invitee_role_0": "",  # a half-filled row: the form's own problem
            "invitee_name_0": "Dee Turner",
            "meeting_date-day": "1",
            "meeting_date-month": "1",
            "meeting_date-year": "2005",
            "next_meeting_date-day": "1",
            "next_meeting_date-month": "1",
            "next_meeting_date-year": "2004",
        }
    )
    refused = page_form(client, f"/peps/{pep}/meeting-plan", form)
    links = _summary_links(refused.text)
    assert {"invitee_role_0", "meeting_date-day", "next_meeting_date-day"} <= set(links), links
    assert "The date of the PEP meeting cannot be before the child&#39;s date of birth" in (
        refused.text
    )
