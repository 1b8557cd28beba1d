"""Bad input gets a clear 4xx naming what is wrong, never a 500, and nothing is lost.

The routes come from the app's own OpenAPI document, so a new route is covered the day it is
added: malformed JSON, wrong types, over-long fields, oversize bodies and unknown ids. Over-long
fields come from each request model's own JSON schema: every maxLength, one character over, in
a body that is otherwise valid, so the 422 can only be for that field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from api.config import get_settings
from api.repositories import voice as voice_repo
from api.routes.concerns import Acknowledgement
from api.routes.workflow import QaDecision
from api.schemas.care import CareDetailsWrite, ChildRecordUpdate, EducationSummaryWrite
from api.schemas.contributor_views import ContributorViewCreate
from api.schemas.peps import (
    ChildCreate,
    MeetingActionsUpdate,
    PepCreate,
    PepUpdate,
    SectionUpdate,
)
from api.schemas.safeguarding import DecisionIn
from api.schemas.school_data import SchoolDataWrite
from api.schemas.targets import TargetDraftRequest, TargetReview, TargetWrite
from api.schemas.voice import (
    AfterMeetingWrite,
    ChatMessageIn,
    ConcernWrite,
    MeetingWrite,
    SummaryWrite,
    SupportWrite,
    TopicWrite,
    TurnReplyWrite,
    TurnWrite,
    VoiceSessionCreate,
)
from target_coach.schema import TargetCheckRequest
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
        "flag_id": UNKNOWN,
    }


def _json_body_ops(app: FastAPI) -> list[tuple[str, str]]:
    return [
        (m, p)
        for m, p, op in _operations(app)
        if "application/json" in op.get("requestBody", {}).get("content", {})
    ]


@pytest.mark.parametrize("kind", ["malformed", "wrong_type", "oversize"])
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
        else:
            response = client.request(
                method, url, content=b"{" + b" " * 200_000 + b"}", headers=headers
            )
            expected = {413}
        assert response.status_code in expected, (method, path, response.status_code)
        detail = response.json()["detail"]
        assert isinstance(detail, str) and detail, (method, path)


# Each request model, and a body it accepts; nested objects by their schema title.
REQUEST_MODELS: dict[str, tuple[type[BaseModel], dict[str, Any]]] = {
    "ChildCreate": (
        ChildCreate,
        {
            "first_name": "Robin",
            "last_name": "Hale",
            "date_of_birth": "2016-05-04",
            "legal_status": "Section 20",
        },
    ),
    "PepCreate": (PepCreate, {"child_id": UNKNOWN, "term": "Spring 2027"}),
    "PepUpdate": (PepUpdate, {"term": "Spring 2027"}),
    "SectionUpdate": (SectionUpdate, {"content": {"note": "Settled well"}}),
    "VoiceSessionCreate": (VoiceSessionCreate, {"mode": "my_views", "helper_role": "alone"}),
    "ChatMessageIn": (ChatMessageIn, {"text": "I like art"}),
    "SupportWrite": (SupportWrite, {"support": ["symbols"]}),
    "Acknowledgement": (Acknowledgement, {"note": "Spoke to the child"}),
    "DecisionIn": (DecisionIn, {"decision": "raised", "note": "Spoke to the child"}),
    "TurnReplyWrite": (TurnReplyWrite, {"messages": [], "step": "topic:aspirations"}),
    "TurnWrite": (TurnWrite, {"writes": [], "reply": {"messages": []}}),
    "TopicWrite": (TopicWrite, {"status": "answered", "answer": "Art", "question": "What?"}),
    "MeetingWrite": (MeetingWrite, {}),
    "SummaryWrite": (SummaryWrite, {"summary": "I like art", "child_agreed": True}),
    "AfterMeetingWrite": (AfterMeetingWrite, {}),
    "ConcernWrite": (ConcernWrite, {"kind": "safeguarding", "text": "words"}),
    "QaDecision": (QaDecision, {"decision": "sign_off", "grade": "Good"}),
    "TargetCheckRequest": (TargetCheckRequest, {"target": "Read 40 words", "key_stage": "KS2"}),
    "TargetWrite": (TargetWrite, {"what": "Read 40 words on sight"}),
    "TargetReview": (TargetReview, {"status": "met", "note": "8 of 10 in the quiz"}),
    "TargetDraftRequest": (TargetDraftRequest, {"topic": "support_wanted"}),
    "ContributorViewCreate": (
        ContributorViewCreate,
        {"kind": "carer", "text": "She is settled", "given_by": "Morgan Lee"},
    ),
    "SchoolDataWrite": (
        SchoolDataWrite,
        {
            "attendance_percent": 96.5,
            "part_time_timetable": True,
            "suspensions": [
                {"kind": "suspension", "start_date": "2026-10-03", "days": 2, "reason": "x"}
            ],
            "attainment": [
                {"subject": "Maths", "current": "4", "expected": "5", "judgement": "at"}
            ],
        },
    ),
    "MeetingActionsUpdate": (MeetingActionsUpdate, {"actions": []}),
    "ChildRecordUpdate": (ChildRecordUpdate, {"upn": "A123456789012", "send_status": "none"}),
    "CareDetailsWrite": (
        CareDetailsWrite,
        {"carer_name": "Morgan Lee", "school_history": [{"school_name": "Hillside"}]},
    ),
    "EducationSummaryWrite": (EducationSummaryWrite, {"strengths": "Reads every day"}),
}
NESTED_VALID: dict[str, dict[str, Any]] = {
    "Attendee": {"name": "Ms Patel", "role": "Designated teacher"},
    "TargetContext": {},
    "SuspensionIn": {"kind": "suspension", "start_date": "2026-10-03", "days": 2, "reason": "x"},
    "AttainmentIn": {"subject": "Maths", "current": "4", "expected": "5", "judgement": "at"},
    "MeetingActionIn": {"text": "Send the log home", "owner": "Class TA", "due_date": "2027-03-01"},
    "SchoolHistoryRow": {"school_name": "Hillside Primary"},
    # The parts of one bot turn (TurnWrite), each valid on its own.
    "BotWrite": {"kind": "complete"},
    "TopicWrite": {"status": "answered"},
    "MeetingWrite": {},
    "SummaryWrite": {"summary": "x", "child_agreed": True},
    "AfterMeetingWrite": {},
    "ConcernWrite": {"kind": "safeguarding", "text": "x"},
    "TurnReplyWrite": {"messages": []},
}


def _too_long(
    schema: dict[str, Any], defs: dict[str, Any], valid: dict[str, Any] | None
) -> Iterator[tuple[str, Any]]:
    """(dotted path, value) for each string with a maxLength, one character over it."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        yield from _too_long(defs[name], defs, valid)
        return
    for alternative in schema.get("anyOf", []):
        yield from _too_long(alternative, defs, valid)
    if schema.get("type") == "string" and "maxLength" in schema:
        yield "", "x" * (schema["maxLength"] + 1)
    if schema.get("type") == "array" and "items" in schema:
        for path, value in _too_long(schema["items"], defs, None):
            yield _join("0", path), [value]
    if schema.get("type") == "object":
        for name, sub in schema.get("properties", {}).items():
            base = valid if valid is not None else NESTED_VALID[schema["title"]]
            for path, value in _too_long(sub, defs, None):
                yield _join(name, path), {**base, name: value}
        values = list(schema.get("patternProperties", {}).values())
        if isinstance(schema.get("additionalProperties"), dict):
            values.append(schema["additionalProperties"])
        for sub in values:
            for path, value in _too_long(sub, defs, None):
                yield _join("field", path), {"field": value}


def _join(head: str, tail: str) -> str:
    return f"{head}.{tail}" if tail else head


def _over_long_bodies(name: str) -> list[tuple[str, dict[str, Any]]]:
    model, valid = REQUEST_MODELS[name]
    model.model_validate(valid)  # the base body is accepted, so only the long field is wrong
    schema = model.model_json_schema()
    return list(_too_long(schema, schema.get("$defs", {}), valid))


def test_over_long_bodies_cover_every_request_model_and_each_fails_on_its_own() -> None:
    fields = set()
    for name, (model, _valid) in REQUEST_MODELS.items():
        for path, body in _over_long_bodies(name):
            fields.add(f"{name}.{path}")
            with pytest.raises(ValidationError):
                model.model_validate(body)
    for expected in (
        "ChildCreate.first_name",
        "PepCreate.term",
        "PepUpdate.attendees.0.name",
        "SectionUpdate.content.field",
        "SectionUpdate.content.field.0.field",
        "ChatMessageIn.text",
        "TargetWrite.needs",
        "TargetCheckRequest.context.baseline",
        "Acknowledgement.note",
        "PepUpdate.meeting_summary",
        "MeetingActionsUpdate.actions.0.owner",
        "ChildRecordUpdate.upn",
        "CareDetailsWrite.school_history.0.reason_for_leaving",
        "EducationSummaryWrite.pupil_premium_plus",
    ):
        assert expected in fields, expected


def test_every_json_route_refuses_an_over_long_field_by_name(
    app: FastAPI, client: TestClient, demo: Demo
) -> None:
    ids = _real_ids(client, demo)
    service_token = get_settings().service_token
    schemas = {
        (method, path): op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        for method, path, op in _operations(app)
        if "application/json" in op.get("requestBody", {}).get("content", {})
    }
    assert schemas
    for (method, path), ref in schemas.items():
        name = ref.rsplit("/", 1)[-1]
        assert name in REQUEST_MODELS, f"add a valid {name} body to REQUEST_MODELS"
        for field, body in _over_long_bodies(name):
            response = client.request(
                method, _fill(path, ids), json=body, headers=_headers(demo, path, service_token)
            )
            case = (method, path, field)
            assert response.status_code == 422, (*case, response.status_code, response.text)
            named = [e["field"] for e in response.json()["errors"]]
            assert any(field == f or field.startswith(f + ".") for f in named), (*case, named)


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
    ids = {
        k: UNKNOWN
        for k in ("pep_id", "session_id", "child_id", "concern_id", "target_id", "flag_id")
    }
    ids.update({"key": "A", "topic": "going_well"})
    service_token = get_settings().service_token
    for method, path, _op in _operations(app):
        if not any(
            "{" + name + "}" in path
            for name in ("pep_id", "session_id", "child_id", "concern_id", "flag_id")
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
    if path.endswith("/turns/{turn_id}"):
        return {"writes": [], "reply": {"messages": []}}
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
        return {"status": "met", "note": "8 of 10 in the quiz"}
    if path.endswith("/targets/draft"):
        return {"topic": "support_wanted"}
    if path.endswith("/qa"):
        return {"decision": "sign_off", "grade": "Good"}
    if "/sections/" in path:
        return {"content": {"a": "b"}}
    if path.endswith("/contributor-views"):
        return {"kind": "carer", "text": "x", "given_by": "Morgan Lee"}
    if path.endswith("/school-data"):
        return {"attendance_percent": 96.5}
    if path.endswith("/meeting-actions"):
        return {"actions": []}
    if path.endswith("/care-details"):
        return {"carer_name": "Morgan Lee", "school_history": [{"school_name": "Hillside"}]}
    if path.endswith("/education-summary"):
        return {"strengths": "Reads every day"}
    if path.endswith("/children/{child_id}"):
        return {"send_status": "none"}
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


def test_other_words_under_a_used_message_id_are_refused_not_dropped(
    client: TestClient, demo: Demo, db: Session
) -> None:
    """A retry repeats its words. Different words under the same id answer 409, so the page
    can send them again under a new id; the first words stay as they were."""
    pep = demo.peps_by_band["KS3"]
    opened = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        json={"mode": "my_views", "helper_role": "social_worker"},
        headers=demo.auth("demo-sw"),
    ).json()
    child = {"Authorization": f"Bearer {opened['child_url'].split('#t=')[1]}"}
    url = f"/api/v1/voice-sessions/{opened['session_id']}/messages"
    first = client.post(url, json={"text": "I like art", "client_message_id": "m1"}, headers=child)
    assert first.status_code == 503  # no assistant in these tests: the words are kept
    other = client.post(url, json={"text": "I hate art", "client_message_id": "m1"}, headers=child)
    assert other.status_code == 409
    assert "different words" in other.json()["detail"]
    stored = [(m.sender, m.text) for m in voice_repo.transcript(db, opened["session_id"])]
    assert stored == [("child", "I like art")]
