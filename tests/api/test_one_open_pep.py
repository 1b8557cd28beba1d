"""A child has one open PEP at a time (draft, submitted or returned: not yet signed off).

Starting another while one is open is a 409 on the API naming the open PEP; on the page, the form
sent twice goes to the PEP the first one started. Two requests at the same moment leave exactly
one open PEP, on SQLite and on PostgreSQL. Once a PEP is signed off, next term's is started as
before."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from api.config import Settings
from api.models import Child, Pep
from api.models.enums import PepStatus, PepType, Role
from api.services.peps import OPEN_STATUSES
from tests.factories import Adult, Factory
from tests.helpers import at_once, csrf_from

START = {"term": "Spring 2027", "meeting_date": "2027-02-01"}
PAGE_FORM = {
    "term": "Spring 2027",
    "meeting_date-day": "1",
    "meeting_date-month": "2",
    "meeting_date-year": "2027",
    "venue": "Riverside, room 2",
    "invitee_name_0": "Dee Turner",
    "invitee_role_0": "Designated teacher",
}


def _peps(db: Session, child_id: str) -> list[Pep]:
    db.expire_all()
    return list(db.scalars(select(Pep).where(Pep.child_id == child_id)))


def _open(db: Session, child_id: str) -> int:
    return sum(1 for p in _peps(db, child_id) if p.status in OPEN_STATUSES)


def _start(client: TestClient, adult: Adult, child_id: str) -> Any:
    return client.post("/api/v1/peps", headers=adult.headers, json={"child_id": child_id, **START})


def test_starting_a_second_pep_while_one_is_open_is_a_409_and_stores_nothing(
    client: TestClient, make: Factory, db: Session
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker)
    first = _start(client, worker, child.id)
    assert first.status_code == 201, first.text
    assert first.json()["pep_type"] == PepType.INITIAL.value
    second = _start(client, worker, child.id)
    assert second.status_code == 409, second.text
    body = second.json()
    assert "already has an open PEP" in body["detail"]
    assert first.json()["pep_id"] in body["detail"], "names the PEP to carry on with"
    assert [p.id for p in _peps(db, child.id)] == [first.json()["pep_id"]]


@pytest.mark.parametrize("status", sorted(OPEN_STATUSES))
def test_every_status_before_sign_off_counts_as_open(
    client: TestClient, make: Factory, db: Session, status: PepStatus
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker)
    pep = make.pep(child, status=status)
    for kind in PepType:
        body = {"child_id": child.id, "term": "Summer 2027", "pep_type": kind.value}
        refused = client.post("/api/v1/peps", headers=worker.headers, json=body)
        assert refused.status_code == 409, (kind, refused.text)
        assert pep.id in refused.json()["detail"]
    assert [p.id for p in _peps(db, child.id)] == [pep.id]


def test_the_virtual_school_sending_the_initial_pep_twice_gets_a_409(
    client: TestClient, make: Factory, db: Session
) -> None:
    school = make.adult(Role.VIRTUAL_SCHOOL)
    child = make.child()
    assert _start(client, school, child.id).status_code == 201
    assert _start(client, school, child.id).status_code == 409
    assert len(_peps(db, child.id)) == 1


def _with_last_terms_pep_signed_off(make: Factory) -> tuple[Adult, Child, Pep]:
    """A social worker's child whose only PEP, last term's, is signed off."""
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker)
    last = make.pep(
        child,
        term="Autumn 2026",
        status=PepStatus.SIGNED_OFF,
        meeting_date=date(2026, 11, 10),
        signed_off_at=datetime(2026, 11, 20, tzinfo=UTC),
    )
    return worker, child, last


def test_after_sign_off_next_terms_pep_starts_and_is_then_the_one_open(
    client: TestClient, make: Factory, db: Session
) -> None:
    """The termly cycle keeps working: a signed-off PEP is closed, so the next one starts."""
    worker, child, last = _with_last_terms_pep_signed_off(make)
    started = client.post(f"/api/v1/peps/{last.id}/next", headers=worker.headers)
    assert started.status_code == 201, started.text
    assert _start(client, worker, child.id).status_code == 409
    assert _open(db, child.id) == 1

    following = db.get(Pep, started.json()["pep_id"])
    assert following is not None
    following.status = PepStatus.SIGNED_OFF
    db.flush()
    review = _start(client, worker, child.id)
    assert review.status_code == 201, review.text
    assert review.json()["pep_type"] == PepType.REVIEW.value
    assert _open(db, child.id) == 1 and len(_peps(db, child.id)) == 3


def test_next_terms_pep_is_refused_while_another_pep_is_open(
    client: TestClient, make: Factory, db: Session
) -> None:
    """Starting next term's PEP obeys the same rule as starting one afresh."""
    worker, child, last = _with_last_terms_pep_signed_off(make)
    assert _start(client, worker, child.id).status_code == 201
    refused = client.post(f"/api/v1/peps/{last.id}/next", headers=worker.headers)
    assert refused.status_code == 409 and "open PEP" in refused.json()["detail"]
    assert _open(db, child.id) == 1 and len(_peps(db, child.id)) == 2


def _page_client(client: TestClient, worker: Adult) -> str:
    client.cookies.set("pep_voice_session", worker.token)
    return csrf_from(client.get("/dashboard").text)


def test_the_start_pep_form_sent_twice_goes_to_the_pep_the_first_started(
    client: TestClient, make: Factory, db: Session
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker)
    token = _page_client(client, worker)
    url = f"/children/{child.id}/start-pep"
    assert client.get(url).status_code == 200
    sent = [
        client.post(url, data={**PAGE_FORM, "csrftoken": token}, follow_redirects=False)
        for _ in range(2)
    ]
    (pep,) = _peps(db, child.id)
    for response in sent:
        assert response.status_code == 303, response.text
        assert response.headers["location"] == f"/peps/{pep.id}"
    again = client.get(url, follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == f"/peps/{pep.id}"


def test_the_start_pep_form_goes_to_an_open_pep_started_elsewhere(
    client: TestClient, make: Factory, db: Session
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker)
    pep = make.pep(child, status=PepStatus.RETURNED)
    token = _page_client(client, worker)
    url = f"/children/{child.id}/start-pep"
    sent = client.post(url, data={**PAGE_FORM, "csrftoken": token}, follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"] == f"/peps/{pep.id}"
    assert [p.id for p in _peps(db, child.id)] == [pep.id]


# Two requests at the same moment, each in its own session and transaction (`request_client`).


@pytest.fixture
def racing(
    own_engine: Engine, request_client: TestClient, settings: Settings
) -> tuple[TestClient, Adult, str]:
    """The app with a session per request, a social worker and their child."""
    with Session(own_engine, expire_on_commit=False) as session:
        make = Factory(session, settings)
        worker = make.adult(Role.SOCIAL_WORKER)
        child = make.child(social_worker=worker)
        session.commit()
    return request_client, worker, child.id


def _open_in(engine: Engine, child_id: str) -> list[str]:
    with Session(engine) as session:
        stmt = select(Pep.id).where(Pep.child_id == child_id, Pep.status.in_(list(OPEN_STATUSES)))
        return list(session.scalars(stmt))


def test_two_api_starts_at_once_leave_one_open_pep(
    racing: tuple[TestClient, Adult, str], own_engine: Engine
) -> None:
    client, worker, child_id = racing
    answers = at_once(lambda: _start(client, worker, child_id))
    assert sorted(a.status_code for a in answers) == [201, 409], [a.text for a in answers]
    (made,) = [a.json()["pep_id"] for a in answers if a.status_code == 201]
    assert _open_in(own_engine, child_id) == [made]
    with Session(own_engine) as session:
        count = session.scalar(
            select(func.count()).select_from(Pep).where(Pep.child_id == child_id)
        )
    assert count == 1


def test_two_page_starts_at_once_go_to_one_open_pep(
    racing: tuple[TestClient, Adult, str], own_engine: Engine
) -> None:
    client, worker, child_id = racing
    token = _page_client(client, worker)
    url = f"/children/{child_id}/start-pep"
    answers = at_once(
        lambda: client.post(url, data={**PAGE_FORM, "csrftoken": token}, follow_redirects=False)
    )
    (pep_id,) = _open_in(own_engine, child_id)
    for answer in answers:
        assert answer.status_code == 303, answer.text
        assert answer.headers["location"] == f"/peps/{pep_id}"
