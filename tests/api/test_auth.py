"""Signing in: the password flow answers a bearer token, and nothing else gets in."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.helpers import Demo


def test_sign_in_returns_a_bearer_token(client: TestClient, demo: Demo) -> None:
    response = client.post(
        "/api/v1/auth/token", data={"username": "demo-dt", "password": "demo-password"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["role"] == "designated_teacher"


def test_wrong_password_and_unknown_user_get_the_same_401(client: TestClient, demo: Demo) -> None:
    wrong = client.post("/api/v1/auth/token", data={"username": "demo-dt", "password": "nope"})
    unknown = client.post("/api/v1/auth/token", data={"username": "nobody", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]


def test_a_forged_token_is_refused(client: TestClient, demo: Demo) -> None:
    response = client.get("/api/v1/peps", headers={"Authorization": "Bearer not.a.token"})
    assert response.status_code == 401


def test_peps_list_needs_sign_in(client: TestClient, demo: Demo) -> None:
    assert client.get("/api/v1/peps").status_code == 401
