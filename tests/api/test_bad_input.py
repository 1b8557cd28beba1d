"""Bad input gets a clear 4xx naming what is wrong, never a 500, and nothing is lost.

The routes come from the app's own OpenAPI document, so a new route is covered the day it is
added: malformed JSON, wrong types, over-long fields, oversize bodies and unknown ids.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.config import get_settings
from api.repositories import voice as voice_repo
from tests.helpers import Demo

UNKNOWN = "0" * 32


def _operations(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    ops = []
    for path, item in app.openapi()["paths"].items():
        for method, op in item.items():
            ops.append((method.upper(), path, op))
    return ops


def _headers(demo: Demo, path: str, settings_token: str) -> dict[str, str]:
    if "/internal/" in path:
        return {"Authorization": f"Bearer {settings_token}"}
    if path.endswith("/decision"):
        return demo.auth("demo-dsl")  # the safeguarding lead's route; others are refused first
    return demo.auth("demo-vs")


def _fill(path: str, ids: dict[str, str]) -> str:
    for name, value in ids.items():
        path = path.replace("{" + name + "}", value)
    return path


def _real_ids(client: TestClient, demo: Demo) -> dict[str, str]:
    pep = demo.peps_by_band["KS2"]
    sid = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        json={"mode": "my_views", "helper_role": "social_worker"},
        headers=demo.auth("demo-vs"),
    ).json()["session_id"]
    child = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-vs")).json()["child_id"]
    return {
        "pep_id": pep,
        "session_id": sid,
        "child_id": child,
        "key": "D",
        "topic": "going_well",
        "concern_id": UNKNOWN,
        "target_id": UNKNOWN,
    }


def _json_body_ops(app: FastAPI) -> list[tuple[str, str]]:
    return [
        (m, p)
        for m, p, op in _operations(app)
        if "application/json" in op.get("requestBody", {}).get("content", {})
    ]


@pytest.mark.parametrize("kind", ["malformed", "wrong_type", "too_long", "oversize"])
def test_every_json_route_refuses_bad_bodies_with_a_4xx(
    app: FastAPI, client: TestClient, demo: Demo, kind: str
) -> None:
    ids = _real_ids(client, demo)
    service_token = get_settings().service_token
    for method, path in _json_body_ops(app):
        url = _fill(path, ids)
        headers = {**_headers(demo, path, service_token), "Content-Type": "application/json"}
        if kind == "malformed":
            response = client.request(method, url, content=b'{"text": "unclosed', headers=headers)
            expected = {422}
        elif kind == "wrong_type":
            response = client.request(method, url, content=b"[1, 2, 3]", headers=headers)
            expected = {422}
        elif kind == "too_long":
            body = {
                f: "x" * 2001
                for f in (
                    "text",
                    "note",
                    "summary",
                    "answer",
                    "first_name",
                    "term",
                    "message_for_meeting",
                )
            }
            response = client.request(method, url, json=body, headers=headers)
            expected = {422}
        else:
            response = client.request(
                method, url, content=b"{" + b" " * 200_000 + b"}", headers=headers
            )
            expected = {413}
        assert response.status_code in expected, (method, path, response.status_code)
        detail = response.json()["detail"]
        assert isinstance(detail, str) and detail, (method, path)


def test_validation_errors_name_the_field(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS2"]
    response = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        json={"mode": "chatting", "helper_role": "social_worker"},
        headers=demo.auth("demo-sw"),
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "mode"
    assert "mode" in response.json()["detail"]


def test_unknown_ids_answer_404_on_every_route(
    app: FastAPI, client: TestClient, demo: Demo
) -> None:
    ids = {k: UNKNOWN for k in ("pep_id", "session_id", "child_id", "concern_id", "target_id")}
    ids.update({"key": "A", "topic": "going_well"})
    service_token = get_settings().service_token
    for method, path, _op in _operations(app):
        if not any(
            "{" + name + "}" in path for name in ("pep_id", "session_id", "child_id", "concern_id")
        ):
            continue
        body = _minimal_body(path)
        response = client.request(
            method, _fill(path, ids), json=body, headers=_headers(demo, path, service_token)
        )
        assert response.status_code == 404, (method, path, response.status_code, response.text)


def _minimal_body(path: str) -> dict[str, Any] | None:
    if path.endswith("/voice-sessions"):
        return {"mode": "my_views", "helper_role": "social_worker"}
    if path.endswith("/messages"):
        return {"text": "hi"}
    if path.endswith("/reply"):
        return {"messages": []}
    if "/topics/" in path:
        return {"status": "answered", "answer": "x", "question": "q"}
    if path.endswith("/summary"):
        return {"summary": "x", "child_agreed": True}
    if path.endswith("/concerns"):
        return {"kind": "safeguarding", "text": "x"}
    if path.endswith("/acknowledge"):
        return {"note": "x"}
    if path.endswith("/decision"):
        return {"decision": "raised", "note": "x"}
    if path.endswith("/support"):
        return {"support": []}
    if path.endswith("/targets") or (
        "/targets/{target_id}" in path and not path.endswith("/review")
    ):
        return {"what": "Read 40 words on sight"}
    if path.endswith("/review"):
        return {"status": "met"}
    if path.endswith("/qa"):
        return {"decision": "sign_off", "grade": "Good"}
    if "/sections/" in path:
        return {"content": {"a": "b"}}
    return {}


def test_a_message_is_kept_once_when_the_assistant_is_down(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep = demo.peps_by_band["KS2"]
    opened = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        json={"mode": "my_views", "helper_role": "social_worker"},
        headers=demo.auth("demo-sw"),
    ).json()
    token = opened["child_url"].split("#t=")[1]
    child = {"Authorization": f"Bearer {token}"}
    sid = opened["session_id"]
    first = client.post(
        f"/api/v1/voice-sessions/{sid}/messages",
        json={"text": "I like art", "client_message_id": "m1"},
        headers=child,
    )
    assert first.status_code == 503
    assert int(first.headers["Retry-After"]) > 0
    again = client.post(
        f"/api/v1/voice-sessions/{sid}/messages",
        json={"text": "I like art", "client_message_id": "m1"},
        headers=child,
    )
    assert again.status_code == 503
    stored = [(m.sender, m.text) for m in voice_repo.transcript(db, sid)]
    assert stored == [("child", "I like art")]
