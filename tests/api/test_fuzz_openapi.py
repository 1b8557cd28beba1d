"""The OpenAPI document tells the truth: Schemathesis fuzzes every JSON API operation as each role.

One Schemathesis run per role (virtual school, DT, SW, TA, the child's link and the bot's service
token), each with a valid token, over every operation the document publishes, through all four
phases: the documented examples, coverage (boundary and negative values), fuzzing and stateful
sequences. Every check runs; any 5xx, any status or body the document does not promise, fails the
test. The seed is fixed and generation deterministic, so a failure reproduces.

Cases are spread across the roles: each run draws a share of the examples, and the test asserts
that every operation taking any input got at least `MIN_CASES_PER_OPERATION` across the six runs
(an operation with nothing to vary, such as GET /me, has only a handful of distinct cases).
Each request runs in a session of its own and Rasa is stubbed, so a 5xx is the app's own fault.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from schemathesis.auths import AuthContext
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events
from schemathesis.generation.case import Case
from sqlalchemy.orm import Session

from api import rasa_client
from api.config import Settings
from api.db.session import get_db_session, request_scope
from api.security import create_access_token
from tests.helpers import Demo

SEED = 20261130
MIN_CASES_PER_OPERATION = 100
# Fuzzing examples per operation for each role's run; the examples and coverage phases add more.
FUZZ_EXAMPLES_PER_ROLE = 8
READ_EXAMPLES_PER_ROLE = 20
STATEFUL_STEPS = 10
ROLES = ("demo-vs", "demo-dt", "demo-sw", "demo-ta", "child-link", "service")


@dataclass
class Caller:
    """Who a run acts as: a token, and how to mint a fresh one for a route that spends it."""

    token: str
    user_id: str | None = None


def _caller(role: str, client: TestClient, demo: Demo, settings: Settings) -> Caller:
    if role == "service":
        return Caller(settings.service_token)
    if role in ("demo-ta", "child-link"):
        pep = demo.peps_by_band["KS2" if role == "demo-ta" else "KS3"]
        opened = client.post(
            f"/api/v1/peps/{pep}/voice-sessions",
            json={"mode": "my_views", "helper_role": "teaching_assistant"},
            headers=demo.auth("demo-dt"),
        )
        assert opened.status_code == 201, opened.text
        if role == "child-link":
            return Caller(opened.json()["child_url"].split("#t=")[1])
    user = demo.users[role]
    return Caller(demo.tokens[role], user_id=user.id)


def _config() -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "suppress-health-check": ["all"],
            "workers": 1,
            "generation": {
                "max-examples": FUZZ_EXAMPLES_PER_ROLE,
                "deterministic": True,
                "no-shrink": True,
                "database": "none",
            },
            "phases": {
                "examples": {"enabled": True},
                "coverage": {"enabled": True},
                "fuzzing": {"enabled": True},
                "stateful": {"enabled": True, "max-steps": STATEFUL_STEPS},
            },
            # Every check but the two that judge validation against the schema alone: the app
            # refuses some schema-valid data on rules JSON Schema cannot state (a birth date in
            # the future, a PEP already submitted), and pydantic's lax mode coerces 0 to a date.
            # Both are listed in the issue; every status, body, header and content type is checked.
            # Reads and deletes have only their path to vary, and are cheap: more examples, so
            # each reaches its share of MIN_CASES_PER_OPERATION across the roles.
            "operations": [
                {
                    "include-method-regex": "^(GET|DELETE)$",
                    "generation": {"max-examples": READ_EXAMPLES_PER_ROLE},
                }
            ],
            "checks": {
                "enabled": True,
                "positive_data_acceptance": {"enabled": False},
                "negative_data_rejection": {"enabled": False},
            },
        }
    )


def _fuzz(
    app: FastAPI, caller: Caller, settings: Settings, role: str
) -> tuple[Counter[str], list[str]]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=_config())

    class RoleAuth:
        """The role's token; signing out spends a token, so that route gets a fresh one."""

        def get(self, case: Case, _ctx: AuthContext) -> str:
            if case.operation.path.endswith("/auth/sign-out") and caller.user_id:
                return create_access_token(caller.user_id, secret=settings.secret_key, minutes=5)
            return caller.token

        def set(self, case: Case, data: str, _ctx: AuthContext) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}

    schema.auth(refresh_interval=None)(RoleAuth)
    cases: Counter[str] = Counter()
    failures: list[str] = []
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            for node in event.recorder.cases.values():
                cases[node.value.operation.label] += 1
            for checks in event.recorder.checks.values():
                for check in checks:
                    if check.failure_info is not None:
                        failure = check.failure_info.failure
                        failures.append(
                            f"{role} {event.phase.value} {event.recorder.label}: "
                            f"{failure.title}: {failure.message}\n{check.failure_info.code_sample}"
                        )
        elif isinstance(event, (events.NonFatalError, events.FatalError)):
            failures.append(f"{role} error: {event.info.format()}")
    return cases, failures


@pytest.fixture
def per_request_sessions(app: FastAPI, db: Session) -> None:
    """Each request in a session of its own, committed or rolled back as production does.

    The shared session the other API tests use would carry one failed request's error into
    every request after it; here each request commits to (or rolls back) a savepoint.
    """

    def _session() -> Iterator[Session]:
        yield from request_scope(
            Session(
                bind=db.get_bind(), join_transaction_mode="create_savepoint", expire_on_commit=False
            )
        )

    app.dependency_overrides[get_db_session] = _session


@pytest.fixture
def assistant_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa answers every turn: its 503 when down is covered in test_bad_input, not a 5xx here."""

    def reply(*_args: Any, **_kwargs: Any) -> list[dict[str, Any]]:
        return [{"text": "Thank you. What do you like about school?"}]

    monkeypatch.setattr(rasa_client, "send_message", reply)


@pytest.mark.usefixtures("per_request_sessions", "assistant_answers")
def test_every_operation_keeps_its_documented_contract_for_every_role(
    app: FastAPI, client: TestClient, demo: Demo, settings: Settings
) -> None:
    total: Counter[str] = Counter()
    failures: list[str] = []
    # Every credential first: an earlier role's run may submit the PEP a session needs.
    callers = {role: _caller(role, client, demo, settings) for role in ROLES}
    for role, caller in callers.items():
        cases, found = _fuzz(app, caller, settings, role)
        total.update(cases)
        failures.extend(found)
    document = app.openapi()
    # An operation with nothing to vary (GET /me, sign-out) has only a handful of distinct
    # cases, which every role's run exhausts; the rest must each reach the minimum.
    with_inputs = {
        f"{method.upper()} {path}"
        for path, ops in document["paths"].items()
        for method, operation in ops.items()
        if operation.get("parameters") or operation.get("requestBody")
    }
    every_operation = {
        f"{method.upper()} {path}" for path, ops in document["paths"].items() for method in ops
    }
    assert not failures, f"{len(failures)} failures:\n" + "\n\n".join(failures[:40])
    untested = every_operation - set(total)
    assert not untested, f"operations never called: {sorted(untested)}"
    thin = {op: total[op] for op in sorted(with_inputs) if total[op] < MIN_CASES_PER_OPERATION}
    assert not thin, f"operations with fewer than {MIN_CASES_PER_OPERATION} cases: {thin}"
