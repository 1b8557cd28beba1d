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
