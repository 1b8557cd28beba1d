"""One error path for pages: a failed form keeps nothing, and every error is a GOV.UK page."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Pep, Target, User
from api.models.enums import ConcernKind, ConcernTier, PepStatus
from tests.helpers import Demo, add_concern, page_form, page_sign_in


def _error_links(html: str) -> list[str]:
    """The error summary's links, each to the id of the field to put right."""
    summary = re.search(r'<div class="govuk-error-summary".*?</div>\s*</div>', html, re.S)
    assert summary, "no GOV.UK error summary on the page"
    assert 'data-module="govuk-error-summary"' in summary.group(0)
    return re.findall(r'<a href="(#[^"]+)"', summary.group(0))


def _title(html: str) -> str:
    match = re.search(r"<title[^>]*>\s*(.*?)\s*</title>", html, re.S)
    assert match
    return match.group(1)


def _assert_field_exists(html: str, href: str) -> None:
    assert f'id="{href[1:]}"' in html, f"the summary links to {href}, which is on no field"


def test_a_qa_form_that_fails_half_way_keeps_none_of_its_writes(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep_id = demo.peps_by_band["KS2"]
    target = Target(pep_id=pep_id, what="Read 40 words", ppp="Flashcards, £20")
    db.add(target)
    db.flush()
    submitted = client.post(f"/api/v1/peps/{pep_id}/submit", headers=demo.auth("demo-dt"))
    assert submitted.status_code == 200
    page_sign_in(client, "demo-vs")
    # The first PP+ decision is written, then the second names no target on this PEP.
    form = {
        "decision": "return",
        "grade": "Good",
        "note": "Record who came",
        f"ppp_{target.id}": "approved",
        "ppp_no-such-target": "declined",
    }
    failed = page_form(client, f"/peps/{pep_id}/qa", form)
    assert failed.status_code == 400
    assert _title(failed.text).startswith("Error: ")
    assert "no target no-such-target" in failed.text
    db.expire_all()
    assert db.get(Target, target.id).ppp_decision is None  # type: ignore[union-attr]
    pep = db.get(Pep, pep_id)
    assert pep is not None and pep.status == PepStatus.SUBMITTED


def test_a_signed_out_page_request_goes_to_sign_in_and_back(client: TestClient, demo: Demo) -> None:
    pep_id = demo.peps_by_band["KS2"]
    asked = client.get(f"/peps/{pep_id}", follow_redirects=False)
    assert asked.status_code == 303
    assert asked.headers["location"] == f"/sign-in?next=/peps/{pep_id}"
    page = client.get(asked.headers["location"])
    assert f'name="next" value="/peps/{pep_id}"' in page.text
    signed_in = page_form(
        client,
        "/sign-in",
        {"username": "demo-dt", "password": "demo-password", "next": f"/peps/{pep_id}"},
    )
    assert signed_in.headers["location"] == f"/peps/{pep_id}"


def test_sign_in_never_sends_to_another_site(client: TestClient, demo: Demo) -> None:
    signed_in = page_form(
        client,
        "/sign-in",
        {"username": "demo-dt", "password": "demo-password", "next": "//evil.example/"},
    )
    assert signed_in.headers["location"] == "/dashboard"


def test_a_page_outside_the_caseload_is_the_not_found_page(client: TestClient, demo: Demo) -> None:
    pep_id = demo.peps_by_band["KS2"]
    page_sign_in(client, "other-dt")
    for path in (f"/peps/{pep_id}", f"/peps/{pep_id}/targets", f"/peps/{pep_id}/qa"):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert "Page not found" in answer.text
        assert _title(answer.text).startswith("Page not found – PEP Voice")


def test_a_mistyped_address_in_a_browser_is_a_page_and_in_the_api_is_json(
    client: TestClient,
) -> None:
    """It was {"detail": "Not Found"} in the browser: no title, no way back."""
    page = client.get("/peps-typo", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert _title(page.text).startswith("Page not found – PEP Voice")
    assert 'href="/dashboard"' in page.text
    api = client.get("/api/v1/typo", headers={"Accept": "text/html"})
    assert api.status_code == 404 and api.json()["detail"] == "Not Found"


def test_sign_in_errors_use_the_error_summary(client: TestClient, demo: Demo) -> None:
    for password in ("", "wrong-password"):
        failed = page_form(client, "/sign-in", {"username": "demo-dt", "password": password})
        assert failed.status_code == 400
        assert _title(failed.text).startswith("Error: Sign in")
        assert _error_links(failed.text) == ["#username"]
        _assert_field_exists(failed.text, "#username")


def test_the_concern_note_error_links_to_its_note(
    client: TestClient, demo: Demo, db: Session
) -> None:
    concern = add_concern(
        db, demo.peps_by_band["KS2"], ConcernKind.MOVE_SCHOOL, ConcernTier.URGENT, "I want to go"
    )
    page_sign_in(client, "demo-dt")
    failed = page_form(
        client, f"/concerns/{concern.id}/acknowledge", {"note": " "}, from_page="/concerns"
    )
    assert failed.status_code == 400
    assert _title(failed.text).startswith("Error: ")
    assert _error_links(failed.text) == [f"#note-{concern.id}"]
    _assert_field_exists(failed.text, f"#note-{concern.id}")


@pytest.mark.parametrize(
    ("action", "form", "href"),
    [
        (
            "meeting-record",
            {"next_meeting-day": "x", "next_meeting-month": "3", "next_meeting-year": "2027"},
            "#next_meeting-day",
        ),
        ("meeting-record", {"child_attended": "sometimes"}, "#child_attended"),
        ("views-absence", {"reason": ""}, "#reason"),
        ("voice-sessions", {"mode": "", "helper_role": "alone"}, "#mode"),
    ],
)
def test_pep_page_form_errors_link_to_their_field(
    client: TestClient, demo: Demo, action: str, form: dict[str, str], href: str
) -> None:
    pep_id = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-dt")
    failed = page_form(client, f"/peps/{pep_id}/{action}", form, from_page=f"/peps/{pep_id}")
    assert failed.status_code == 400, failed.text
    assert _title(failed.text).startswith("Error: PEP for")
    assert _error_links(failed.text) == [href]
    _assert_field_exists(failed.text, href)


def test_the_qa_form_error_links_to_the_grade(client: TestClient, demo: Demo) -> None:
    pep_id = demo.peps_by_band["KS2"]
    client.post(f"/api/v1/peps/{pep_id}/submit", headers=demo.auth("demo-dt"))
    page_sign_in(client, "demo-vs")
    failed = page_form(client, f"/peps/{pep_id}/qa", {"decision": "sign_off", "note": ""})
    assert failed.status_code == 400
    assert _title(failed.text).startswith("Error: Quality assurance")
    assert _error_links(failed.text) == ["#grade"]
    _assert_field_exists(failed.text, "#grade")


def test_the_demo_sign_in_page_names_every_demo_user(
    client: TestClient, demo: Demo, db: Session
) -> None:
    """A newcomer signs in as each role from the page's own hint, the safeguarding lead too."""
    page = client.get("/sign-in").text
    seeded = db.scalars(select(User.username)).all()
    assert seeded and all(f"<code>{name}</code>" in page for name in seeded), seeded
