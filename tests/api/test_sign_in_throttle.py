"""Sign-in throttling, the audit of failures, and signing out for good."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.config import Settings
from api.models import AuditEntry
from tests.helpers import Demo, page_form, page_sign_in, sign_in

TOKEN_URL = "/api/v1/auth/token"


def _try(client: TestClient, username: str, password: str) -> int:
    return client.post(TOKEN_URL, data={"username": username, "password": password}).status_code


@pytest.fixture
def settings(
    settings: Settings, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """The API tests' settings, changed by the environment variables a test parametrizes."""
    for name, value in getattr(request, "param", {}).items():
        monkeypatch.setenv(name, value)
    return settings.model_copy(update=Settings().model_dump(exclude_unset=True))


def test_the_sixth_wrong_password_is_paused_and_then_even_the_right_one(
    client: TestClient, demo: Demo
) -> None:
    assert [_try(client, "demo-dt", "wrong") for _ in range(5)] == [401] * 5
    paused = client.post(TOKEN_URL, data={"username": "demo-dt", "password": "wrong"})
    assert paused.status_code == 429
    assert 0 < int(paused.headers["Retry-After"]) <= 15 * 60
    assert _try(client, "demo-dt", "demo-password") == 429
    # Another username from elsewhere is not held back by this one.
    assert _try(client, "demo-sw", "demo-password") == 200


def test_an_unknown_user_is_paused_with_the_same_answer(client: TestClient, demo: Demo) -> None:
    for name in ("demo-dt", "nobody-at-all"):
        for _ in range(5):
            _try(client, name, "wrong")
    known = client.post(TOKEN_URL, data={"username": "demo-dt", "password": "wrong"})
    unknown = client.post(TOKEN_URL, data={"username": "nobody-at-all", "password": "wrong"})
    assert known.status_code == unknown.status_code == 429
    assert known.json() == unknown.json()
    assert known.headers["Retry-After"] and unknown.headers["Retry-After"]


def test_a_name_typed_differently_is_the_same_name(client: TestClient, demo: Demo) -> None:
    for name in ("demo-dt", "DEMO-DT", " demo-dt", "Demo-Dt", "demo-dt "):
        _try(client, name, "wrong")
    assert _try(client, "demo-dt", "demo-password") == 429


def test_one_client_is_paused_after_twenty_failures_across_names(
    client: TestClient, demo: Demo
) -> None:
    for i in range(20):
        assert _try(client, f"guess-{i}", "wrong") == 401
    assert _try(client, "demo-vs", "demo-password") == 429


def _limit(variable: str, limit: int) -> object:
    return pytest.param({variable: f"{limit} per 15 minutes"}, limit, id=f"{limit}-per-15-minutes")


@pytest.mark.parametrize(
    ("settings", "limit"),
    [
        _limit("PEP_VOICE_SIGN_IN_FAILURES_PER_USERNAME", 2),
        _limit("PEP_VOICE_SIGN_IN_FAILURES_PER_USERNAME", 7),
    ],
    indirect=["settings"],
)
def test_the_username_limit_follows_its_environment_variable(
    client: TestClient, demo: Demo, limit: int
) -> None:
    assert [_try(client, "demo-dt", "wrong") for _ in range(limit)] == [401] * limit
    assert _try(client, "demo-dt", "demo-password") == 429
    assert _try(client, "demo-sw", "demo-password") == 200


@pytest.mark.parametrize(
    ("settings", "limit"),
    [_limit("PEP_VOICE_SIGN_IN_FAILURES_PER_CLIENT", 2)],
    indirect=["settings"],
)
def test_the_client_limit_follows_its_environment_variable(
    client: TestClient, demo: Demo, limit: int
) -> None:
    for i in range(limit):
        assert _try(client, f"guess-{i}", "wrong") == 401
    assert _try(client, "demo-vs", "demo-password") == 429


def test_a_paused_sign_in_spends_no_password_hash(
    client: TestClient, demo: Demo, monkeypatch: object
) -> None:
    import api.services.auth as auth_service

    for _ in range(5):
        _try(client, "demo-dt", "wrong")
    calls: list[str] = []
    monkeypatch.setattr(  # type: ignore[attr-defined]
        auth_service, "verify_password", lambda *_a: calls.append("verify") or False
    )
    assert _try(client, "demo-dt", "wrong") == 429
    assert calls == []


def test_the_sign_in_page_shows_the_pause_as_an_error_summary(
    client: TestClient, demo: Demo
) -> None:
    for _ in range(5):
        _try(client, "demo-dt", "wrong")
    page = page_form(client, "/sign-in", {"username": "demo-dt", "password": "demo-password"})
    assert page.status_code == 429
    assert "govuk-error-summary" in page.text
    assert "Too many failed sign-ins" in page.text
    assert "Retry-After" in page.headers
    for _ in range(5):
        _try(client, "nobody", "wrong")
    unknown = page_form(client, "/sign-in", {"username": "nobody", "password": "x"})
    assert unknown.status_code == 429
    assert _error_summary(unknown.text) == _error_summary(page.text)


def _error_summary(html: str) -> str:
    start = html.index('<div class="govuk-error-summary"')
    return html[start : html.index("</ul>", start)].replace("nobody", "").replace("demo-dt", "")


def test_failed_sign_ins_are_audited_without_the_password_or_name(
    client: TestClient, demo: Demo, db: Session
) -> None:
    _try(client, "demo-dt", "hunter2-secret")
    _try(client, "hunter2-typed-in-the-name-box", "x")
    rows = list(db.scalars(select(AuditEntry).where(AuditEntry.action == "sign-in failed")))
    assert len(rows) == 2
    text = " ".join(f"{r.actor_label} {r.detail}" for r in rows)
    assert "hunter2" not in text and "demo-dt" not in text
    assert all("client testclient" in (r.detail or "") for r in rows)
    assert all("username hash " in (r.detail or "") for r in rows)


def test_a_signed_out_token_is_refused(client: TestClient, demo: Demo) -> None:
    token = sign_in(client, "demo-dt")
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/me", headers=bearer).status_code == 200
    assert client.post("/api/v1/auth/sign-out", headers=bearer).status_code == 204
    assert client.get("/api/v1/me", headers=bearer).status_code == 401
    assert client.post("/api/v1/auth/sign-out", headers=bearer).status_code == 401
    # Other sessions of the same user are untouched.
    assert client.get("/api/v1/me", headers=demo.auth("demo-dt")).status_code == 200


def test_signing_out_of_the_pages_revokes_the_cookie_token(client: TestClient, demo: Demo) -> None:
    token = page_sign_in(client, "demo-dt")
    assert client.get("/dashboard", follow_redirects=False).status_code == 200
    out = page_form(client, "/sign-out", {}, from_page="/dashboard")
    assert out.status_code == 303 and out.headers["location"] == "/sign-in"
    # A copy of the cookie kept by someone else opens nothing now.
    client.cookies.set("pep_voice_session", token)
    gone = client.get("/dashboard", follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"] == "/sign-in?next=/dashboard"
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/me", headers=bearer).status_code == 401


def test_new_status_codes_are_in_openapi(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"401", "429"} <= set(paths["/api/v1/auth/token"]["post"]["responses"])
    assert {"204", "401"} <= set(paths["/api/v1/auth/sign-out"]["post"]["responses"])
