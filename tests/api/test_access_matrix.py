"""Every route against every role: a child outside the caller's caseload is never found.

Visible means: the virtual school sees its authority, the DT their school's roll, the SW their
caseload; a TA sees no child directly, only the sessions opened for them; the school's
safeguarding lead sees no PEP or child, only the concerns of the children on the school's roll.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.helpers import DEMO_USERS, Demo

SEES_DEMO_SCHOOL = {"demo-vs", "demo-dt", "demo-sw"}
SEES_OTHER_SCHOOL = {"demo-vs", "other-dt"}
READS_DEMO_CONCERNS = SEES_DEMO_SCHOOL | {"demo-dsl"}


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    body: dict[str, Any] | None
    ok: int
    allowed: frozenset[str]  # roles (usernames) allowed once the child is visible


ATTENDEES = [{"name": "A Person", "role": "Carer"}]
PEP_ROUTES = [
    Route("GET", "/api/v1/peps/{pep}", None, 200, frozenset(DEMO_USERS)),
    Route("PATCH", "/api/v1/peps/{pep}", {"attendees": ATTENDEES}, 200, frozenset(DEMO_USERS)),
    Route("GET", "/api/v1/peps/{pep}/sections/A", None, 200, frozenset(DEMO_USERS)),
    Route(
        "PUT",
        "/api/v1/peps/{pep}/sections/A",
        {"content": {"pep_type": "review"}},
        200,
        frozenset({"demo-vs", "demo-sw"}),
    ),
    Route(
        "PUT",
        "/api/v1/peps/{pep}/sections/D",
        {"content": {"send": "none"}},
        200,
        frozenset({"demo-vs", "demo-dt", "other-dt"}),
    ),
    Route(
        "PUT",
        "/api/v1/peps/{pep}/sections/E",
        {"content": {"signed": "yes"}},
        200,
        frozenset({"demo-vs"}),
    ),
    Route("GET", "/api/v1/peps/{pep}/young-persons-view", None, 200, frozenset(DEMO_USERS)),
    Route(
        "POST",
        "/api/v1/peps/{pep}/voice-sessions",
        {"mode": "my_views", "helper_role": "social_worker"},
        201,
        frozenset(DEMO_USERS),
    ),
    Route("GET", "/api/v1/children/{child}", None, 200, frozenset(DEMO_USERS)),
]


def _call(client: TestClient, demo: Demo, user: str, route: Route, pep: str, child: str) -> int:
    path = route.path.format(pep=pep, child=child)
    response = client.request(route.method, path, json=route.body, headers=demo.auth(user))
    return response.status_code


def _child_of(client: TestClient, demo: Demo, pep_id: str) -> str:
    return str(
        client.get(f"/api/v1/peps/{pep_id}", headers=demo.auth("demo-vs")).json()["child_id"]
    )


@pytest.mark.parametrize("route", PEP_ROUTES, ids=lambda r: f"{r.method} {r.path}")
@pytest.mark.parametrize("user", DEMO_USERS)
def test_pep_routes_answer_404_outside_the_caseload(
    client: TestClient, demo: Demo, route: Route, user: str
) -> None:
    for pep, sees in (
        (demo.peps_by_band["KS2"], SEES_DEMO_SCHOOL),
        (demo.other_school_pep, SEES_OTHER_SCHOOL),
    ):
        status = _call(client, demo, user, route, pep, _child_of(client, demo, pep))
        if user not in sees:
            assert status == 404, f"{user} reached a child outside their caseload"
        elif user in route.allowed:
            assert status == route.ok
        else:
            assert status == 403


@pytest.mark.parametrize("user", DEMO_USERS)
def test_lists_show_only_the_callers_children(client: TestClient, demo: Demo, user: str) -> None:
    peps = client.get("/api/v1/peps", headers=demo.auth(user)).json()
    children = client.get("/api/v1/children", headers=demo.auth(user)).json()
    expected = {
        "demo-vs": 7,
        "demo-dt": 6,
        "demo-sw": 6,
        "demo-ta": 0,
        "demo-dsl": 0,
        "other-dt": 1,
    }
    assert len(peps) == expected[user]
    assert len(children) == expected[user]
    assert all({"pep_id", "child_id", "age_band", "status"} <= set(p) for p in peps)


def _open_for_ta(client: TestClient, demo: Demo) -> str:
    response = client.post(
        f"/api/v1/peps/{demo.peps_by_band['KS2']}/voice-sessions",
        json={"mode": "my_views", "helper_role": "teaching_assistant"},
        headers=demo.auth("demo-dt"),
    )
    assert response.status_code == 201
    return str(response.json()["session_id"])


SESSION_ROUTES = [
    ("GET", "/api/v1/voice-sessions/{sid}", None, 200),
    ("POST", "/api/v1/voice-sessions/{sid}/messages", {"text": "hello"}, 503),
    ("PUT", "/api/v1/voice-sessions/{sid}/support", {"support": ["read aloud"]}, 200),
]


@pytest.mark.parametrize(("method", "path", "body", "ok"), SESSION_ROUTES)
@pytest.mark.parametrize("user", DEMO_USERS)
def test_a_session_is_reached_only_by_its_opener_and_its_ta(
    client: TestClient,
    demo: Demo,
    user: str,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    ok: int,
) -> None:
    sid = _open_for_ta(client, demo)
    status = client.request(
        method, path.format(sid=sid), json=body, headers=demo.auth(user)
    ).status_code
    assert status == (ok if user in {"demo-dt", "demo-ta"} else 404)


def test_a_ta_with_no_session_opened_for_them_sees_nothing(client: TestClient, demo: Demo) -> None:
    sid = client.post(
        f"/api/v1/peps/{demo.peps_by_band['KS3']}/voice-sessions",
        json={"mode": "my_views", "helper_role": "social_worker"},
        headers=demo.auth("demo-sw"),
    ).json()["session_id"]
    assert client.get("/api/v1/voice-sessions", headers=demo.auth("demo-ta")).json() == []
    assert (
        client.get(f"/api/v1/voice-sessions/{sid}", headers=demo.auth("demo-ta")).status_code == 404
    )
    assert (
        client.get(
            f"/api/v1/peps/{demo.peps_by_band['KS3']}", headers=demo.auth("demo-ta")
        ).status_code
        == 404
    )


@pytest.mark.parametrize("user", DEMO_USERS)
def test_internal_routes_refuse_every_user_token(client: TestClient, demo: Demo, user: str) -> None:
    sid = _open_for_ta(client, demo)
    for method, path, body in (
        ("GET", f"/api/v1/internal/voice-sessions/{sid}", None),
        (
            "PUT",
            f"/api/v1/internal/voice-sessions/{sid}/topics/going_well",
            {"status": "answered", "answer": "x", "question": "q"},
        ),
        (
            "POST",
            f"/api/v1/internal/voice-sessions/{sid}/concerns",
            {"kind": "safeguarding", "text": "x"},
        ),
    ):
        assert client.request(method, path, json=body, headers=demo.auth(user)).status_code == 401


@pytest.mark.parametrize("user", DEMO_USERS)
def test_concerns_are_scoped_to_the_caseload(client: TestClient, demo: Demo, user: str) -> None:
    sid = _open_for_ta(client, demo)
    help_response = client.post(f"/api/v1/voice-sessions/{sid}/help", headers=demo.auth("demo-ta"))
    assert help_response.status_code == 200
    listing = client.get("/api/v1/concerns", headers=demo.auth(user))
    if user == "demo-ta":
        assert listing.status_code == 403
        return
    concerns = listing.json()
    assert len(concerns) == (1 if user in READS_DEMO_CONCERNS else 0)
    concern_id = client.get("/api/v1/concerns", headers=demo.auth("demo-dt")).json()[0][
        "concern_id"
    ]
    ack = client.post(
        f"/api/v1/concerns/{concern_id}/acknowledge",
        json={"note": "Told the DSL"},
        headers=demo.auth(user),
    )
    assert ack.status_code == (200 if user in READS_DEMO_CONCERNS else 404)
