"""Who sees which child, built from factories: each case names only the rows it is about.

A social worker sees the children on their caseload, a designated teacher the children at
their school, the virtual school every child in its authority; anyone else is told the PEP does
not exist (404), never that it is someone else's.
"""

from __future__ import annotations

from typing import Annotated

import pytest
from fastapi import Depends, FastAPI, HTTPException
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.db.session import get_db_session
from api.models import Child
from api.models.enums import Role
from tests.factories import Factory


def test_a_social_worker_reads_only_the_peps_of_children_on_their_caseload(
    client: TestClient, make: Factory
) -> None:
    mine, theirs = make.adult(Role.SOCIAL_WORKER), make.adult(Role.SOCIAL_WORKER)
    my_pep = make.pep(make.child(social_worker=mine))
    their_pep = make.pep(make.child(social_worker=theirs))
    assert client.get(f"/api/v1/peps/{my_pep.id}", headers=mine.headers).status_code == 200
    refused = client.get(f"/api/v1/peps/{their_pep.id}", headers=mine.headers)
    assert refused.status_code == 404


def test_a_designated_teacher_reads_only_their_own_schools_children(
    client: TestClient, make: Factory
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    here = make.pep(make.child())
    elsewhere = make.pep(make.child(school_id=make.another_school().id))
    assert client.get(f"/api/v1/peps/{here.id}", headers=teacher.headers).status_code == 200
    assert client.get(f"/api/v1/peps/{elsewhere.id}", headers=teacher.headers).status_code == 404


def test_the_child_list_holds_exactly_the_callers_children(
    client: TestClient, make: Factory
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    mine = {make.child(social_worker=worker).id for _ in range(3)}
    make.child()  # at the same school, on nobody's caseload
    listed = client.get("/api/v1/children", headers=worker.headers)
    assert listed.status_code == 200
    assert {row["child_id"] for row in listed.json()} == mine


@pytest.fixture
def failing_route(app: FastAPI) -> str:
    """A route that writes a child and then fails, as a form failing half-way would."""

    def write_then_fail(session: Annotated[Session, Depends(get_db_session)]) -> None:
        session.add(_half_written_child(session))
        session.flush()
        raise HTTPException(status_code=409, detail="the second write was refused")

    app.add_api_route("/test-only/half-way", write_then_fail, methods=["POST"])
    return "/test-only/half-way"


def _half_written_child(session: Session) -> Child:
    template = session.scalars(select(Child)).one()
    return Child(
        authority_id=template.authority_id,
        first_name="Half",
        last_name="Written",
        date_of_birth=template.date_of_birth,
        legal_status="Section 20",
    )


def test_the_test_session_rolls_back_a_failed_request_as_production_does(
    client: TestClient, db: Session, make: Factory, failing_route: str
) -> None:
    kept = make.child(first_name="Kept")
    assert client.post(failing_route).status_code == 409
    db.expire_all()
    names = set(db.scalars(select(Child.first_name)))
    assert names == {kept.first_name}
