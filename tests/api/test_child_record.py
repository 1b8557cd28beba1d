"""The child's own record (#15 item 1): UPN, SEND status, EHCP annual review date and post-16
pathway plan, kept by the social worker and the virtual school, the UPN and SEND fields also
by the child's designated teacher; validated at the edge, audited, and not found outside the
caseload."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import AuditEntry
from api.models.enums import Role
from tests.factories import Factory


def _url(child_id: str) -> str:
    return f"/api/v1/children/{child_id}"


REVIEW = (date.today() + timedelta(days=90)).isoformat()


def test_the_social_worker_sets_the_record_and_it_reads_back(
    client: TestClient, make: Factory, db: Session
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker)
    body = {
        "upn": "a123 4567 8901 b",
        "send_status": "ehcp",
        "ehcp_annual_review_date": REVIEW,
        "post16_pathway_plan": "Pathway plan agreed with the leaving care team",
    }
    sent = client.patch(_url(child.id), headers=worker.headers, json=body)
    assert sent.status_code == 200, sent.text
    got = client.get(_url(child.id), headers=worker.headers).json()
    assert got["upn"] == "A12345678901B"
    assert got["send_status"] == "ehcp" and got["ehcp_annual_review_date"] == REVIEW
    assert got["post16_pathway_plan"] == body["post16_pathway_plan"]
    # Only the fields sent change; null clears one.
    cleared = client.patch(_url(child.id), headers=worker.headers, json={"upn": None})
    assert cleared.json()["upn"] is None and cleared.json()["send_status"] == "ehcp"
    audited = db.scalars(
        select(AuditEntry).where(
            AuditEntry.child_id == child.id, AuditEntry.action == "child.update"
        )
    ).all()
    assert [a.detail for a in audited] == [
        "ehcp_annual_review_date,post16_pathway_plan,send_status,upn",
        "upn",
    ]
    assert all("A123" not in (a.detail or "") for a in audited)


def test_the_designated_teacher_sets_only_the_upn_and_send_fields(
    client: TestClient, make: Factory
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    child = make.child()
    school = {"upn": "B123456789012", "send_status": "sen_support", "ehcp_annual_review_date": None}
    assert client.patch(_url(child.id), headers=teacher.headers, json=school).status_code == 200
    refused = client.patch(
        _url(child.id), headers=teacher.headers, json={"post16_pathway_plan": "Plan"}
    )
    assert refused.status_code == 403, refused.text
    assert client.get(_url(child.id), headers=teacher.headers).json()["post16_pathway_plan"] is None


def test_the_virtual_school_sets_any_field(client: TestClient, make: Factory) -> None:
    school = make.adult(Role.VIRTUAL_SCHOOL)
    child = make.child()
    sent = client.patch(
        _url(child.id), headers=school.headers, json={"post16_pathway_plan": "College plan"}
    )
    assert sent.status_code == 200 and sent.json()["post16_pathway_plan"] == "College plan"


@pytest.mark.parametrize("role", [Role.TEACHING_ASSISTANT, Role.SAFEGUARDING_LEAD])
def test_others_at_the_school_are_told_nothing_is_there(
    client: TestClient, make: Factory, role: Role
) -> None:
    child = make.child()
    sent = client.patch(_url(child.id), headers=make.adult(role).headers, json={"upn": None})
    assert sent.status_code == 404


def test_outside_the_caseload_the_child_is_not_found(client: TestClient, make: Factory) -> None:
    mine, theirs = make.adult(Role.SOCIAL_WORKER), make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=theirs, school_id=make.another_school().id)
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    for caller in (mine, teacher):
        sent = client.patch(_url(child.id), headers=caller.headers, json={"send_status": "none"})
        assert sent.status_code == 404, sent.text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("upn", "1234567890123"),  # no letter first
        ("upn", "A12345678901"),  # 12 characters
        ("upn", "A1234567890123"),  # 14
        ("upn", "A1234567890X2"),  # a letter among the digits
        ("upn", "A12345678901\x00"),
        ("send_status", "statement"),
        ("ehcp_annual_review_date", "1066-10-14"),
        ("ehcp_annual_review_date", "2999-01-01"),
        ("ehcp_annual_review_date", "2027-02-30"),
        ("post16_pathway_plan", "x" * 201),
        ("post16_pathway_plan", "plan\x00"),
        ("post16_pathway_plan", "two\nlines"),
        ("first_name", "Robin"),  # not a field this route changes
    ],
)
def test_bad_input_is_refused_naming_the_field(
    client: TestClient, make: Factory, field: str, value: Any
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker, upn="C123456789012")
    sent = client.patch(_url(child.id), headers=worker.headers, json={field: value})
    assert sent.status_code == 422, sent.text
    assert field in sent.json()["detail"]
    assert client.get(_url(child.id), headers=worker.headers).json()["upn"] == "C123456789012"
