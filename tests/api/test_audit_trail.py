"""The audit trail: every list, every refusal, and the virtual school's page for one child.

Lists leave one row with a count and no names; a refusal to a signed-in caller leaves a
"denied" row with the route's template and status, committed apart from the request so its
rollback cannot take it; the virtual school reads a child's trail, and nobody else can.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import AuditEntry, Child, Pep
from tests.helpers import Demo, page_sign_in

SECRET_WORDS = "Robin-only-words-about-home"


def _rows(db: Session, action: str | None = None) -> list[AuditEntry]:
    db.expire_all()
    stmt = select(AuditEntry).order_by(AuditEntry.id)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    return list(db.scalars(stmt))


def _child_of(db: Session, pep_id: str) -> Child:
    pep = db.get(Pep, pep_id)
    assert pep is not None
    child = db.get(Child, pep.child_id)
    assert child is not None
    return child


def _names(db: Session) -> list[str]:
    return [n for c in db.scalars(select(Child)) for n in (c.first_name, c.last_name)]


# Lists


def test_a_list_leaves_one_row_with_a_count_and_no_names(
    client: TestClient, db: Session, demo: Demo
) -> None:
    before = len(_rows(db))
    children = client.get("/api/v1/children", headers=demo.auth("demo-vs"))
    assert children.status_code == 200
    new = _rows(db)[before:]
    assert [(r.action, r.detail, r.child_id) for r in new] == [
        ("child.list", f"{len(children.json())} children", None)
    ]
    assert new[0].actor_id == demo.users["demo-vs"].id
    for name in _names(db):
        assert name not in f"{new[0].detail} {new[0].actor_label}"


def test_every_list_route_is_audited_once_per_request(
    client: TestClient, db: Session, demo: Demo
) -> None:
    lists = [
        ("demo-dt", "/api/v1/peps", "pep.list"),
        ("demo-dt", "/api/v1/concerns", "concern.list"),
        ("demo-dsl", "/api/v1/safeguarding/queue", "safeguarding_queue.list"),
        ("demo-ta", "/api/v1/voice-sessions", "voice_session.list"),
    ]
    for user, path, action in lists:
        before = len(_rows(db, action))
        assert client.get(path, headers=demo.auth(user)).status_code == 200, path
        assert len(_rows(db, action)) == before + 1, path


def test_the_dashboards_are_audited_as_lists(client: TestClient, db: Session, demo: Demo) -> None:
    for user, action in (
        ("demo-dt", "pep.list"),
        ("demo-ta", "voice_session.list"),
        ("demo-dsl", "safeguarding_queue.count"),
    ):
        client.cookies.clear()
        page_sign_in(client, user)
        before = len(_rows(db, action))
        assert client.get("/dashboard").status_code == 200
        assert len(_rows(db, action)) == before + 1, user


# Refusals


def test_a_dt_asking_for_another_schools_pep_is_refused_and_audited(
    client: TestClient, db: Session, demo: Demo
) -> None:
    pep_id = demo.other_school_pep
    refused = client.get(f"/api/v1/peps/{pep_id}", headers=demo.auth("demo-dt"))
    assert refused.status_code == 404
    [row] = _rows(db, "denied")
    assert row.actor_id == demo.users["demo-dt"].id
    assert row.detail == "GET /api/v1/peps/{pep_id} answered 404"
    assert (row.child_id, row.pep_id) == (_child_of(db, pep_id).id, pep_id)
    assert row.at is not None


def test_a_sw_writing_the_dts_section_is_refused_and_audited(
    client: TestClient, db: Session, demo: Demo
) -> None:
    pep_id = demo.peps_by_band["KS2"]
    refused = client.put(
        f"/api/v1/peps/{pep_id}/sections/D",
        json={"content": {"send": SECRET_WORDS}},
        headers=demo.auth("demo-sw"),
    )
    assert refused.status_code == 403
    [row] = _rows(db, "denied")
    assert row.actor_id == demo.users["demo-sw"].id
    assert row.detail == "PUT /api/v1/peps/{pep_id}/sections/{key} answered 403"
    assert row.pep_id == pep_id
    assert SECRET_WORDS not in str(row.detail)


def test_a_refused_page_is_audited_with_the_pages_route(
    client: TestClient, db: Session, demo: Demo
) -> None:
    page_sign_in(client, "demo-dt")
    assert client.get(f"/peps/{demo.other_school_pep}").status_code == 404
    [row] = _rows(db, "denied")
    assert row.detail == "GET /peps/{pep_id} answered 404"


def test_an_id_that_matches_nothing_is_not_echoed(
    client: TestClient, db: Session, demo: Demo
) -> None:
    typed = "Robin Hale's PEP"
    assert client.get(f"/api/v1/peps/{typed}", headers=demo.auth("demo-dt")).status_code == 404
    [row] = _rows(db, "denied")
    assert row.child_id is None and row.pep_id is None
    assert row.detail == "GET /api/v1/peps/{pep_id} answered 404; the id asked for matches nothing"


def test_an_anonymous_refusal_writes_nothing(client: TestClient, db: Session, demo: Demo) -> None:
    before = len(_rows(db))
    assert client.get(f"/api/v1/peps/{demo.other_school_pep}").status_code == 401
    assert client.get(f"/peps/{demo.other_school_pep}", follow_redirects=False).status_code == 303
    assert len(_rows(db)) == before


def test_the_refusal_survives_the_requests_rollback(
    app: FastAPI, client: TestClient, db: Session, demo: Demo
) -> None:
    """As in production: the request's work is rolled back on an error, the refusal is not."""
    school_id = demo.users["demo-dt"].school_id
    refused = client.post(
        "/api/v1/children",
        json={
            "first_name": "Rollback",
            "last_name": "Child",
            "date_of_birth": "2015-01-01",
            "legal_status": "Section 20",
            "school_id": school_id,
            "social_worker_username": "nobody-here",
        },
        headers=demo.auth("demo-vs"),
    )
    assert refused.status_code == 404
    db.expire_all()
    assert db.scalars(select(Child).where(Child.first_name == "Rollback")).first() is None
    [row] = _rows(db, "denied")
    assert row.detail == "POST /api/v1/children answered 404"
    assert row.actor_id == demo.users["demo-vs"].id


def test_a_failed_audit_write_never_turns_a_refusal_into_an_error(
    app: FastAPI, client: TestClient, demo: Demo
) -> None:
    def broken() -> Session:
        raise RuntimeError("the audit database is down")

    app.state.audit_sessions = broken
    refused = client.get(f"/api/v1/peps/{demo.other_school_pep}", headers=demo.auth("demo-dt"))
    assert refused.status_code == 404
    assert refused.json()["detail"] == "no PEP with that id on your caseload"


# The virtual school's trail


def test_the_virtual_school_reads_the_trail_with_its_refusals(
    client: TestClient, db: Session, demo: Demo
) -> None:
    pep_id = demo.peps_by_band["KS2"]
    child = _child_of(db, pep_id)
    client.put(
        f"/api/v1/peps/{pep_id}/sections/A",
        json={"content": {"pep_type": SECRET_WORDS}},
        headers=demo.auth("demo-vs"),
    )
    client.put(
        f"/api/v1/peps/{pep_id}/sections/D",
        json={"content": {"send": SECRET_WORDS}},
        headers=demo.auth("demo-sw"),
    )
    client.get(f"/api/v1/children/{child.id}/audit", headers=demo.auth("demo-dt"))

    page_sign_in(client, "demo-vs")
    pep_page = client.get(f"/peps/{pep_id}")
    assert f'href="/children/{child.id}/audit"' in pep_page.text
    page = client.get(f"/children/{child.id}/audit")
    assert page.status_code == 200
    html = page.text
    assert 'class="govuk-table"' in html
    assert "Was refused" in html
    assert "PUT /api/v1/peps/{pep_id}/sections/{key} answered 403" in html
    assert "GET /api/v1/children/{child_id}/audit answered 404" in html
    assert demo.users["demo-sw"].full_name in html and "Social worker" in html
    assert "Changed a PEP section" in html
    assert SECRET_WORDS not in html
    assert html.count(child.full_name) == 2  # the page's title and its heading, nothing else
    for name in _names(db):
        if name not in (child.first_name, child.last_name):
            assert name not in html
    # Reading the trail is itself in the trail.
    assert [r.child_id for r in _rows(db, "audit.read")] == [child.id]


def test_the_trail_over_the_api_is_newest_first(
    client: TestClient, db: Session, demo: Demo
) -> None:
    pep_id = demo.peps_by_band["KS2"]
    child = _child_of(db, pep_id)
    client.get(f"/api/v1/peps/{pep_id}", headers=demo.auth("demo-dt"))
    client.get(f"/api/v1/peps/{pep_id}/sections/Z", headers=demo.auth("demo-dt"))
    trail = client.get(f"/api/v1/children/{child.id}/audit", headers=demo.auth("demo-vs"))
    assert trail.status_code == 200
    body = trail.json()
    assert body["child_id"] == child.id and body["limit"] == 200
    first, second = body["entries"][:2]
    assert (first["action"], first["denied"], first["role"]) == (
        "denied",
        True,
        "designated_teacher",
    )
    assert first["detail"] == "GET /api/v1/peps/{pep_id}/sections/{key} answered 404"
    assert (second["action"], second["what"]) == ("pep.read", "Read the PEP")
    ats = [e["at"] for e in body["entries"]]
    assert ats == sorted(ats, reverse=True)


def test_nobody_but_the_virtual_school_reads_a_trail(
    client: TestClient, db: Session, demo: Demo
) -> None:
    child = _child_of(db, demo.peps_by_band["KS2"])
    for user in ("demo-dt", "demo-sw", "demo-ta", "demo-dsl", "other-dt"):
        response = client.get(f"/api/v1/children/{child.id}/audit", headers=demo.auth(user))
        assert response.status_code == 404, user
        client.cookies.clear()
        page_sign_in(client, user)
        assert client.get(f"/children/{child.id}/audit").status_code == 404, user
        assert (
            f"/children/{child.id}/audit"
            not in client.get(f"/peps/{demo.peps_by_band['KS2']}").text
        )
    assert client.get("/api/v1/children/nope/audit", headers=demo.auth("demo-vs")).status_code == (
        404
    )
    assert _rows(db, "audit.read") == []


def test_the_trail_routes_statuses_are_in_openapi(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/api/v1/children/{child_id}/audit"]["get"]
    assert {"200", "401", "404"} <= set(operation["responses"])
    assert "AuditTrail" in spec["components"]["schemas"]
    assert "/children/{child_id}/audit" not in spec["paths"]
