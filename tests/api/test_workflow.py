"""Submitting a PEP, the virtual school's QA, returning it with reasons and signing it off."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.models import Pep, Target
from api.models.enums import PepStatus, PepType
from api.services.workflow import add_school_days, deadline
from api.templating import uk_date
from tests.helpers import Demo, complete_the_record, page_form, page_sign_in


def _submit(client: TestClient, demo: Demo, pep: str, user: str = "demo-dt") -> int:
    return client.post(f"/api/v1/peps/{pep}/submit", headers=demo.auth(user)).status_code


def _record_attendance(client: TestClient, demo: Demo, pep: str) -> None:
    """The school says who came (the DT and the carer) and that the child came for part."""
    invited = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-dt")).json()["attendees"]
    came = {"Dee Turner", "Morgan Lee"}
    attendees = [{**a, "attended": a["name"] in came} for a in invited]
    response = client.patch(
        f"/api/v1/peps/{pep}",
        headers=demo.auth("demo-dt"),
        json={"attendees": attendees, "child_attended": "part"},
    )
    assert response.status_code == 200, response.text
    assert [a["attended"] for a in response.json()["attendees"]] == [True, False, True, False]
    complete_the_record(client, demo, pep)


def test_the_full_round_trip_return_then_sign_off(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS2"]
    assert _submit(client, demo, pep) == 200
    report = client.get(f"/api/v1/peps/{pep}/qa", headers=demo.auth("demo-vs")).json()
    checks = {c["check"]: c["met"] for c in report["checks"]}
    assert checks["next_meeting_date_set"]
    # Invited is not attended: the school has not yet said who came.
    assert checks["attendees_recorded"] is False
    assert checks["child_views_present"] is False
    returned = client.post(
        f"/api/v1/peps/{pep}/qa",
        headers=demo.auth("demo-vs"),
        json={
            "decision": "return",
            "grade": "Requires improvement",
            "note": "Record the child's views or say why they are missing",
        },
    )
    assert returned.json()["status"] == "returned"
    fix = client.put(
        f"/api/v1/peps/{pep}/sections/D",
        headers=demo.auth("demo-dt"),
        json={"content": {"child_views_absence_reason": "Sam gave views to his social worker"}},
    )
    assert fix.status_code == 200
    _record_attendance(client, demo, pep)
    assert _submit(client, demo, pep) == 200
    report = client.get(f"/api/v1/peps/{pep}/qa", headers=demo.auth("demo-vs")).json()
    assert all(c["met"] for c in report["checks"])
    signed = client.post(
        f"/api/v1/peps/{pep}/qa",
        headers=demo.auth("demo-vs"),
        json={"decision": "sign_off", "grade": "Good", "note": ""},
    )
    assert signed.json()["status"] == "signed_off"
    history = client.get(f"/api/v1/peps/{pep}/qa", headers=demo.auth("demo-vs")).json()["history"]
    assert [h["decision"] for h in history] == ["return", "sign_off"]


def test_a_return_needs_a_reason(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS3"]
    _submit(client, demo, pep)
    response = client.post(
        f"/api/v1/peps/{pep}/qa",
        headers=demo.auth("demo-vs"),
        json={"decision": "return", "grade": "Inadequate", "note": " "},
    )
    assert response.status_code == 422
    assert "note" in response.json()["detail"]
    assert [e["field"] for e in response.json()["errors"]] == ["note"]


def test_only_the_virtual_school_grades(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS3"]
    _submit(client, demo, pep)
    for user in ("demo-dt", "demo-sw"):
        response = client.post(
            f"/api/v1/peps/{pep}/qa",
            headers=demo.auth(user),
            json={"decision": "sign_off", "grade": "Good"},
        )
        assert response.status_code == 403


def test_a_submitted_pep_cannot_be_changed_until_returned(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS4"]
    _submit(client, demo, pep)
    response = client.put(
        f"/api/v1/peps/{pep}/sections/D",
        headers=demo.auth("demo-dt"),
        json={"content": {"send_summary": "none"}},
    )
    assert response.status_code == 409
    assert _submit(client, demo, pep) == 409


def test_the_initial_pep_is_due_twenty_school_days_after_coming_into_care() -> None:
    start = date(2026, 11, 2)  # a Monday, in the autumn term with no break to come
    assert add_school_days(start, 20) == date(2026, 11, 30)
    pep = Pep(pep_type=PepType.INITIAL, status=PepStatus.DRAFT)
    assert deadline(pep, start, today=date(2026, 11, 20)) == {
        "state": "due",
        "due": date(2026, 11, 30),
        "for": "meeting",
        "note": None,
    }
    assert deadline(pep, start, today=date(2026, 12, 1))["state"] == "overdue"
    pep.status = PepStatus.SUBMITTED
    assert deadline(pep, start)["state"] == "awaiting_qa"


def test_coming_into_care_before_christmas_is_due_after_the_break() -> None:
    pep = Pep(pep_type=PepType.INITIAL, status=PepStatus.DRAFT)
    due = deadline(pep, date(2026, 12, 9), today=date(2026, 12, 10))
    assert due["due"] == date(2027, 1, 21) and due["state"] == "due"


def test_the_completed_pep_is_due_ten_school_days_after_the_meeting() -> None:
    pep = Pep(
        pep_type=PepType.REVIEW,
        status=PepStatus.DRAFT,
        meeting_date=date(2026, 10, 22),
        next_meeting_date=date(2027, 2, 1),
    )
    before = deadline(pep, None, today=date(2026, 10, 21))
    assert (before["state"], before["due"], before["for"]) == ("due", date(2026, 10, 22), "meeting")
    after = deadline(pep, None, today=date(2026, 11, 2))
    # Half term (26 to 30 October) is skipped: 23 October, then 2 to 12 November.
    assert (after["state"], after["due"], after["for"]) == ("due", date(2026, 11, 12), "form")
    assert deadline(pep, None, today=date(2026, 11, 13))["state"] == "overdue"


def test_a_signed_off_pep_owes_the_next_by_the_end_of_next_term() -> None:
    pep = Pep(pep_type=PepType.REVIEW, status=PepStatus.SIGNED_OFF, meeting_date=date(2026, 11, 5))
    next_pep = deadline(pep, None, today=date(2026, 12, 1))
    assert next_pep == {
        "state": "signed_off",
        "due": date(2027, 3, 26),
        "for": "next_pep",
        "note": None,
    }
    pep.next_meeting_date = date(2027, 2, 10)
    assert deadline(pep, None, today=date(2026, 12, 1))["due"] == date(2027, 2, 10)
    assert deadline(pep, None, today=date(2027, 2, 11))["state"] == "next_overdue"
    assert deadline(pep, None, today=date(2027, 2, 11), superseded=True) == {
        "state": "signed_off",
        "due": None,
        "for": None,
        "note": None,
    }


def test_a_deadline_beyond_the_term_dates_is_an_estimate_with_a_note() -> None:
    pep = Pep(pep_type=PepType.INITIAL, status=PepStatus.DRAFT)
    due = deadline(pep, date(2028, 9, 4), today=date(2028, 9, 5))
    assert due["due"] == date(2028, 10, 2)
    assert due["note"] and "weekdays less bank holidays" in due["note"]


def test_the_dashboard_shows_what_is_due_and_when(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep = db.get(Pep, demo.peps_by_band["KS2"])
    assert pep is not None and pep.meeting_date is not None
    page_sign_in(client, "demo-dt")
    html = client.get("/dashboard").text
    assert f"Due: {uk_date(pep.meeting_date)} (PEP meeting)" in html
    pep.meeting_date = date.today() - timedelta(days=1)
    db.flush()
    html = client.get("/dashboard").text
    assert "(completed PEP)" in html


def _sign_off(client: TestClient, demo: Demo, pep: str, **extra: object) -> httpx.Response:
    return client.post(
        f"/api/v1/peps/{pep}/qa",
        headers=demo.auth("demo-vs"),
        json={"decision": "sign_off", "grade": "Good", **extra},
    )


def test_sign_off_is_refused_until_the_non_negotiables_hold(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep_id = demo.peps_by_band["KS2"]
    target = Target(pep_id=pep_id, what="Read 40 words", ppp="Flashcards, £20")
    db.add(target)
    db.flush()
    assert _submit(client, demo, pep_id) == 200
    refused = _sign_off(client, demo, pep_id, ppp_decisions={target.id: "approved"})
    assert refused.status_code == 409
    body = refused.json()
    assert "cannot be signed off" in body["detail"]
    assert "attendees recorded" in body["detail"]
    assert "the PEP meeting has taken place" in body["detail"]  # "PEP" kept as it is written
    assert {e["field"] for e in body["errors"]} == {
        "meeting_held",  # the demo's meeting is still to come
        "attendees_recorded",
        "child_attended_or_invited",
        "child_views_present",
        "chair_recorded",
        "meeting_summary_recorded",
        "actions_agreed",
        "previous_targets_reviewed",
    }
    # Nothing stored: still submitted, no decision on the PP+ request, no history.
    db.expire_all()
    pep = db.get(Pep, pep_id)
    assert pep is not None and pep.status == PepStatus.SUBMITTED and pep.signed_off_at is None
    assert db.get(Target, target.id).ppp_decision is None  # type: ignore[union-attr]
    report = client.get(f"/api/v1/peps/{pep_id}/qa", headers=demo.auth("demo-vs")).json()
    assert report["history"] == []
    # Returning it stays open to the virtual school.
    returned = client.post(
        f"/api/v1/peps/{pep_id}/qa",
        headers=demo.auth("demo-vs"),
        json={"decision": "return", "grade": "Requires improvement", "note": "Record who came"},
    )
    assert returned.json()["status"] == "returned"


def test_the_invitation_list_alone_is_not_attendance(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS3"]
    invited = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-dt")).json()["attendees"]
    assert invited and not any(a["attended"] for a in invited)
    client.put(
        f"/api/v1/peps/{pep}/sections/D",
        headers=demo.auth("demo-dt"),
        json={"content": {"child_views_absence_reason": "Views given to the social worker"}},
    )
    client.patch(f"/api/v1/peps/{pep}", headers=demo.auth("demo-dt"), json={"child_attended": "no"})
    complete_the_record(client, demo, pep)
    _submit(client, demo, pep)
    refused = _sign_off(client, demo, pep)
    assert refused.status_code == 409
    assert [e["field"] for e in refused.json()["errors"]] == ["attendees_recorded"]


def test_the_qa_page_lists_what_is_missing_with_links_and_keeps_return(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS2"]
    _submit(client, demo, pep)
    page_sign_in(client, "demo-vs")
    qa = client.get(f"/peps/{pep}/qa").text
    assert f'href="/peps/{pep}#meeting-record"' in qa  # unmet checks link to their fix
    refused = page_form(
        client, f"/peps/{pep}/qa", {"decision": "sign_off", "grade": "Good", "note": ""}
    )
    assert refused.status_code == 409
    html = refused.text
    assert "govuk-error-summary" in html and "The PEP cannot be signed off yet" in html
    assert f'<a href="/peps/{pep}#meeting-record">Record who came to the meeting</a>' in html
    assert f'<a href="/peps/{pep}#child-views">Record the child' in html
    assert "Return to the school" in html
    db_status = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-vs")).json()["status"]
    assert db_status == "submitted"


def test_the_school_records_the_meeting_on_the_pep_page(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-dt")
    page = client.get(f"/peps/{pep}").text
    assert 'id="meeting-record"' in page and 'name="csrftoken"' in page
    saved = page_form(
        client,
        f"/peps/{pep}/meeting-record",
        {
            "attended": "0",
            "child_attended": "yes",
            "next_meeting-day": "10",
            "next_meeting-month": "3",
            "next_meeting-year": "2027",
            "meeting_chair": "Dee Turner",
            "note_taker": "Sol Walker",
            "meeting_summary": "Sam is settled; reading is the focus",
            "action_text": "Send the reading log home each Friday",
            "action_owner": "Class teacher",
            "action_due-day": "1",
            "action_due-month": "3",
            "action_due-year": "2027",
        },
        from_page=f"/peps/{pep}",
    )
    assert saved.status_code == 303, saved.text
    reason = page_form(
        client,
        f"/peps/{pep}/views-absence",
        {"reason": "Sam gave his views to his social worker"},
        from_page=f"/peps/{pep}",
    )
    assert reason.status_code == 303
    stored = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-dt")).json()
    assert [a["attended"] for a in stored["attendees"]] == [True, False, False, False]
    assert stored["child_attended"] == "yes" and stored["next_meeting_date"] == "2027-03-10"
    assert stored["sections"]["D"]["child_views_absence_reason"].startswith("Sam gave")
    assert stored["meeting_chair"] == "Dee Turner"
    assert stored["meeting_actions"][0]["owner"] == "Class teacher"
    complete_the_record(client, demo, pep)  # the targets, on the targets page
    assert _submit(client, demo, pep) == 200
    assert _sign_off(client, demo, pep).json()["status"] == "signed_off"


def test_a_wrong_meeting_record_shows_an_error(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-dt")
    bad = page_form(
        client,
        f"/peps/{pep}/meeting-record",
        {"next_meeting-day": "31", "next_meeting-month": "2", "next_meeting-year": "2027"},
        from_page=f"/peps/{pep}",
    )
    assert bad.status_code == 400 and "must be a real date" in bad.text
    empty = page_form(
        client, f"/peps/{pep}/views-absence", {"reason": " "}, from_page=f"/peps/{pep}"
    )
    assert empty.status_code == 400 and "Say why the child" in empty.text


def test_a_refused_sign_off_is_in_openapi(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"403", "404", "409", "422"} <= set(
        paths["/api/v1/peps/{pep_id}/qa"]["post"]["responses"]
    )
