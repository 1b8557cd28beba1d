"""Submitting a PEP, the virtual school's QA, returning it with reasons and signing it off."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from api.models import Pep
from api.models.enums import PepStatus, PepType
from api.services.workflow import add_school_days, deadline
from tests.helpers import Demo


def _submit(client: TestClient, demo: Demo, pep: str, user: str = "demo-dt") -> int:
    return client.post(f"/api/v1/peps/{pep}/submit", headers=demo.auth(user)).status_code


def test_the_full_round_trip_return_then_sign_off(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS2"]
    assert _submit(client, demo, pep) == 200
    report = client.get(f"/api/v1/peps/{pep}/qa", headers=demo.auth("demo-vs")).json()
    checks = {c["check"]: c["met"] for c in report["checks"]}
    assert checks["attendees_recorded"] and checks["next_meeting_date_set"]
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
    assert _submit(client, demo, pep) == 200
    report = client.get(f"/api/v1/peps/{pep}/qa", headers=demo.auth("demo-vs")).json()
    assert all(c["met"] for c in report["checks"] if c["check"] != "child_attended_or_invited")
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
    start = date(2026, 11, 2)  # a Monday
    assert add_school_days(start, 20) == date(2026, 11, 30)
    pep = Pep(pep_type=PepType.INITIAL, status=PepStatus.DRAFT)
    assert deadline(pep, start, today=date(2026, 11, 20)) == {
        "state": "due",
        "due": date(2026, 11, 30),
    }
    assert deadline(pep, start, today=date(2026, 12, 1))["state"] == "overdue"
    pep.status = PepStatus.SUBMITTED
    assert deadline(pep, start)["state"] == "awaiting_qa"
