"""Every route taking the id of a child, or of anything of a child's, answers 404 to a caller
who cannot see that child. The routes are read from the app, not listed by hand, so a route
added without a caseload check fails here.

Each route gets real ids of a child the caller cannot see and a body it accepts (FastAPI answers
a bad body 422 before the route's own check runs, which would hide a missing one); someone who
sees the child then calls it alike and is not told 404, so the ids are real. A role the route
refuses before any lookup may be told 403, if an id that exists nowhere is told the same.

On SQLite only: the caseload rules are the services' own Python, the same on both databases,
and test_access_matrix runs its routes on PostgreSQL too; the sweep's thousand-odd requests
are CI minutes better kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api.config import Settings
from api.main import create_app
from api.models import VirtualSchoolFlag
from api.models.enums import ConcernKind, ConcernTier, FlagKind, Role
from tests.api.test_access_matrix import PEP_ROUTES
from tests.factories import Factory
from tests.fixtures.database import migrated_engine
from tests.helpers import DEMO_USERS, Demo, add_concern

# Path parameters naming a child or something of one child's (api/routes/*.py).
SCOPED = ("pep_id", "child_id", "target_id", "session_id", "concern_id", "flag_id")
NOWHERE = "0" * 32  # an id that exists nowhere
FREE = {"key": "A", "topic": "going_well", "turn_id": NOWHERE}  # the other path parameters
# The action server's routes take the service token only: every user token is told 401.
SERVICE_ONLY = "/api/v1/internal/"
NOT_CASELOAD_SCOPED = {
    ("GET", "/chat/{session_id}"): "the child's link lands here signed out: a page shell with "
    "nothing of the child; its data comes from /api/v1/voice-sessions/{session_id}, tested here",
}
FEWEST_ROUTES = 71  # counted when this test was written: the enumeration must not shrink

TARGET = {
    "what": "Read 40 words on sight",
    "how": "Five minutes of flashcards each morning",
    "who": "Class TA",
    "when": "By half term",
    "outcome": "Reads 40 of the 40 words",
}
REVIEW = {"status": "partly", "note": "Reading log shows 3 sessions a week"}
NOTE = {"note": "Told the safeguarding lead"}
DECISION = {"decision": "raised", "note": "Referred to children's services"}
QA = {"decision": "return", "grade": "Good", "note": "Say more about reading"}
SESSION = {"mode": "my_views", "helper_role": "social_worker"}
VIEW = {"kind": "carer", "text": "Settled and happy", "given_by": "Morgan Lee"}
# A body each write route accepts, by method and path template; pages get theirs as a form.
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/v1/peps/{pep_id}/voice-sessions"): SESSION,
    ("POST", "/api/v1/voice-sessions/{session_id}/messages"): {"text": "hello"},
    ("PUT", "/api/v1/voice-sessions/{session_id}/support"): {"support": ["read aloud"]},
    ("PATCH", "/api/v1/children/{child_id}"): {"upn": "A123456789012"},
    ("PATCH", "/api/v1/peps/{pep_id}"): {"attendees": [{"name": "A Person", "role": "Carer"}]},
    ("PUT", "/api/v1/peps/{pep_id}/sections/{key}"): {"content": {"pep_type": "review"}},
    ("POST", "/api/v1/peps/{pep_id}/contributor-views"): VIEW,
    ("PUT", "/api/v1/peps/{pep_id}/meeting-actions"): {"actions": []},
    ("PUT", "/api/v1/peps/{pep_id}/school-data"): {"attendance_percent": 97.5},
    ("PUT", "/api/v1/peps/{pep_id}/care-details"): {"carer_name": "Morgan Lee"},
    ("PUT", "/api/v1/peps/{pep_id}/education-summary"): {"strengths": "Reading"},
    ("POST", "/api/v1/concerns/{concern_id}/acknowledge"): NOTE,
    ("POST", "/api/v1/concerns/{concern_id}/decision"): DECISION,
    ("POST", "/api/v1/peps/{pep_id}/qa"): QA,
    ("POST", "/api/v1/peps/{pep_id}/targets"): TARGET,
    ("POST", "/api/v1/peps/{pep_id}/targets/draft"): {"topic": "going_well"},
    ("PUT", "/api/v1/peps/{pep_id}/targets/{target_id}"): TARGET,
    ("POST", "/api/v1/peps/{pep_id}/targets/{target_id}/review"): REVIEW,
    ("POST", "/peps/{pep_id}/voice-sessions"): SESSION,
    ("POST", "/peps/{pep_id}/meeting-record"): {
        "meeting_chair": "Dee Turner",
        "note_taker": "Sol Walker",
        "meeting_summary": "Settled; reading is the focus.",
    },
    ("POST", "/peps/{pep_id}/views-absence"): {"reason": "Views given to the social worker"},
    ("POST", "/peps/{pep_id}/contributor-views"): {f"view_{k}": v for k, v in VIEW.items()},
    ("POST", "/peps/{pep_id}/care-details"): {"carer_name": "Morgan Lee"},
    ("POST", "/peps/{pep_id}/education-summary"): {"strengths": "Reading"},
    ("POST", "/concerns/{concern_id}/acknowledge"): NOTE,
    ("POST", "/safeguarding-queue/{concern_id}/decision"): DECISION,
    ("POST", "/children/{child_id}/start-pep"): {"term": "Summer 2031"},
    ("POST", "/peps/{pep_id}/meeting-plan"): {"term": "Summer 2031"},
    ("POST", "/peps/{pep_id}/school-data"): {"attendance_percent": "97.5"},
    ("POST", "/peps/{pep_id}/qa"): QA,
    ("POST", "/peps/{pep_id}/targets"): TARGET,
    ("POST", "/peps/{pep_id}/targets/{target_id}/review"): REVIEW,
}


def _routes(app: FastAPI) -> dict[tuple[str, str], APIRoute]:
    """Every (method, path template) of the app's own routes, included routers and all."""
    found = {}
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute) and context.path:
            found.update({(method, context.path): route for method in context.methods or ()})
    return found


def _params(path: str) -> list[str]:
    return re.findall(r"\{(\w+)\}", path)


def _scoped(app: FastAPI) -> dict[tuple[str, str], APIRoute]:
    return {
        (method, path): route
        for (method, path), route in _routes(app).items()
        if set(_params(path)) & set(SCOPED)
        and not path.startswith(SERVICE_ONLY)
        and (method, path) not in NOT_CASELOAD_SCOPED
    }


ROUTES = _scoped(create_app(Settings()))  # read at collection, to name a test for each


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """SQLite alone for this module (see the module's docstring)."""
    engine = migrated_engine(f"sqlite:///{tmp_path_factory.mktemp('routes') / 'pep_voice.db'}")
    yield engine
    engine.dispose()


@dataclass(frozen=True)
class Child:
    ids: dict[str, str]
    outsiders: tuple[str, ...]  # who see nothing of this child


INSIDERS = ("demo-dt", "demo-vs", "demo-dsl")  # see the demo school's child: one gets past 404


def _ids(client: TestClient, demo: Demo, db: Session, pep: str, school_dt: str) -> dict[str, str]:
    """The child's PEP, a target, a voice session, a concern and a flag, as real rows."""
    headers = demo.auth(school_dt)
    child = client.get(f"/api/v1/peps/{pep}", headers=headers).json()["child_id"]
    target = client.post(f"/api/v1/peps/{pep}/targets", headers=headers, json=TARGET)
    assert target.status_code == 201, target.text
    voice = client.post(f"/api/v1/peps/{pep}/voice-sessions", headers=headers, json=SESSION)
    assert voice.status_code == 201, voice.text
    concern = add_concern(db, pep, ConcernKind.UNHAPPY_IN_SCHOOL, ConcernTier.REVIEW, "Sad")
    flag = VirtualSchoolFlag(pep_id=pep, child_id=child, kind=FlagKind.LOW_ATTENDANCE, detail="90%")
    db.add(flag)
    db.flush()
    return {
        "pep_id": pep,
        "child_id": child,
        "target_id": target.json()["target_id"],
        "session_id": voice.json()["session_id"],
        "concern_id": concern.id,
        "flag_id": flag.id,
    }


@pytest.fixture
def children(client: TestClient, demo: Demo, db: Session, make: Factory) -> tuple[Child, Child]:
    """A child at the demo school, whom every role can reach, and the other school's child."""
    ours = _ids(client, demo, db, demo.peps_by_band["KS2"], "demo-dt")
    theirs = _ids(client, demo, db, demo.other_school_pep, "other-dt")
    demo.tokens["elsewhere-vs"] = make.adult(Role.VIRTUAL_SCHOOL).token  # another authority's
    return (
        Child(ours, ("other-dt", "elsewhere-vs")),
        Child(theirs, ("demo-dt", "demo-sw", "demo-ta", "demo-dsl", "elsewhere-vs")),
    )


def _call(
    client: TestClient, demo: Demo, route: tuple[str, str], user: str, ids: dict[str, str]
) -> int:
    """The status `user` is told for `route` with these ids, and its body if it takes one."""
    method, path = route
    body = BODIES.get(route)
    sent: dict[str, Any] = {}
    if body is not None:
        sent = {"json": body} if path.startswith("/api/") else {"data": body}
    return client.request(
        method,
        path.format(**FREE, **ids),
        headers=demo.auth(user),
        follow_redirects=False,
        **sent,
    ).status_code


@pytest.mark.parametrize("route", sorted(ROUTES), ids=" ".join)
def test_a_child_outside_the_caseload_is_not_found_on_any_route(
    client: TestClient, demo: Demo, children: tuple[Child, Child], route: tuple[str, str]
) -> None:
    ours, theirs = children
    calls = [(user, child.ids, set(SCOPED)) for child in children for user in child.outsiders]
    scoped = set(_params(route[1])) & set(SCOPED)
    if len(scoped) > 1:  # the caller's own PEP with the other child's target: still not found
        calls += [("demo-dt", {**ours.ids, name: theirs.ids[name]}, {name}) for name in scoped]
    answers = []
    for user, ids, unseen in calls:
        status = _call(client, demo, route, user, ids)
        # A role refused before any lookup says nothing of the child: an id that exists
        # nowhere is refused alike.
        nowhere = {name: NOWHERE if name in unseen else id_ for name, id_ in ids.items()}
        answers.append((user, status, _call(client, demo, route, user, nowhere)))
    told = [a for a in answers if a[1] != 404 and not a[1] == a[2] == 403]
    assert not told, f"told of a child off the caseload (user, answer, unknown id's): {told}"
    assert any(a[1] == 404 for a in answers), "no outsider got past the route's role check"
    seen = [_call(client, demo, route, user, ours.ids) for user in INSIDERS]
    assert set(seen) != {404}, f"no one who sees the child reached it: are its ids real? {seen}"


def test_every_body_is_one_its_route_accepts() -> None:
    assert set(BODIES) <= set(ROUTES), "a body for a route that is gone"
    for (method, path), route in ROUTES.items():
        if route.body_field is None:
            continue
        assert (method, path) in BODIES, (
            f"{method} {path} takes a body: add one it accepts to BODIES, or FastAPI's 422 "
            "for the missing body would hide a missing caseload check"
        )
        annotation = route.body_field.field_info.annotation
        assert annotation is not None
        model: TypeAdapter[Any] = TypeAdapter(annotation)
        if path.startswith("/api/"):
            model.validate_json(json.dumps(BODIES[(method, path)]))
        else:
            model.validate_python(BODIES[(method, path)])


def test_the_enumeration_covers_the_hand_listed_routes_and_does_not_shrink(app: FastAPI) -> None:
    found = _scoped(app)  # the app the client serves
    assert set(found) == set(ROUTES)
    assert len(found) >= FEWEST_ROUTES, (
        f"{len(found)} child-scoped routes, fewer than {FEWEST_ROUTES}: a path parameter was "
        "renamed (add it to SCOPED) or routes lost. Adding routes? Give any that takes a body "
        "one it accepts in BODIES, and raise FEWEST_ROUTES to the new count."
    )
    for hand in PEP_ROUTES:
        path = hand.path.format(pep="x", child="x")
        assert any(
            method == hand.method and re.fullmatch(re.sub(r"\{\w+\}", "[^/]+", p), path)
            for method, p in found
        ), f"{hand.method} {hand.path} is missing from the enumeration"


@pytest.mark.parametrize("user", DEMO_USERS)
def test_the_action_servers_routes_refuse_every_user_token(
    app: FastAPI, client: TestClient, demo: Demo, children: tuple[Child, Child], user: str
) -> None:
    internal = [route for route in _routes(app) if route[1].startswith(SERVICE_ONLY)]
    assert len(internal) >= 9
    for route in internal:
        assert _call(client, demo, route, user, children[0].ids) == 401, route
