"""Hostile content in every writable field: refused with a 4xx naming the field, or stored and
then shown in the PEP page, every role's dashboard and the HTML, PDF and Word documents.

Each text payload goes through each field of children, PEPs, sections, targets and voice
sessions; dates at the ends of the calendar and non-finite or huge numbers go where dates and
numbers go. Bodies are sent as ASCII JSON, so a lone surrogate travels as the escape "\\ud800"
and NaN and Infinity as the literals Python's parser accepts. A row written straight into the
database with dates the API refuses must still leave every page standing.
"""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from docx import Document
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy.orm import Session
from starlette.testclient import httpx  # the client TestClient answers with

from api import rasa_client
from api.config import get_settings
from api.models import Child, Pep
from api.models.enums import PepType
from api.repositories import voice as voice_repo
from tests.helpers import Demo, page_form

ROLES = ("demo-vs", "demo-dt", "demo-sw", "demo-ta")
BAD_CHARACTERS = {"nul", "lone_surrogate", "control", "c1_control"}


@dataclass(frozen=True)
class Payload:
    name: str
    value: str
    latin: bool = False  # the PDF's extracted text is compared only for Latin script


TEXT_PAYLOADS = [
    Payload("nul", "Sam\x00Carter"),
    Payload("lone_surrogate", "Sam\ud800Carter"),
    Payload("control", "Sam\x01\x08\x1b[31mCarter"),
    Payload("c1_control", "Sam\x85\x9bCarter"),
    Payload("right_to_left", "\u202bأحب الرسم\u202c and \u200fmaths", latin=False),
    # Reverses the rest of the line wherever it is shown: refused from adults, kept as the
    # child typed it (their words are never refused for what they contain).
    Payload("direction_override", "Sam \u202eCarter", latin=False),
    Payload("emoji", "Loves 🐉 dragons 👩🏽‍🏫", latin=False),
    Payload("polish", "Łucja Wąsowska-Żółć", latin=True),
    Payload("arabic", "محمد عبد الله"),
    Payload("chinese", "李小龙"),
    Payload("urdu", "عائشہ خان"),
    Payload("multi_line", "Sam\nCarter\r\nJones", latin=True),
    Payload("len_2000", "x" * 1999 + "y", latin=True),
    Payload("len_2001", "x" * 2000 + "y", latin=True),
]


@dataclass(frozen=True)
class Field:
    """A writable text field: how to send a value, and the name its 422 must carry."""

    resource: str
    name: str
    max_length: int
    one_line: bool
    error_field: str
    shown_in_documents: bool = True


CHILD_FIELDS = [
    Field("child", "first_name", 100, True, "first_name"),
    Field("child", "last_name", 100, True, "last_name"),
    Field("child", "legal_status", 100, True, "legal_status"),
]
PEP_FIELDS = [
    Field("pep", "term", 40, True, "term"),
    Field("pep", "meeting_venue", 200, True, "meeting_venue"),
    Field("pep", "attendee_name", 200, True, "attendees.0.name"),
    Field("pep", "attendee_role", 200, True, "attendees.0.role"),
]
SECTION_FIELDS = [
    Field("section", "A.note", 2000, False, "content.note"),
    Field("section", "C.arrangements", 2000, False, "content.arrangements"),
    Field("section", "C.actions", 2000, False, "content.actions"),
    Field("section", "D.summary", 2000, False, "content.summary"),
    Field("section", "E.comment", 2000, False, "content.comment"),
]
TARGET_FIELDS = [
    Field("target", name, 2000, False, name)
    for name in ("what", "how", "who", "when", "outcome", "ppp")
] + [
    Field("target", name, 2000, False, name, shown_in_documents=False)
    for name in ("baseline", "needs")
]
VOICE_FIELDS = [
    Field("message", "text", 2000, False, "text", shown_in_documents=False),
    Field("topic", "answer", 2000, False, "answer"),
    Field("meeting", "message_for_meeting", 2000, False, "message_for_meeting"),
    Field("meeting", "spoken_by", 2000, False, "spoken_by"),
    Field("summary", "summary", 2000, False, "summary"),
]
ALL_FIELDS = CHILD_FIELDS + PEP_FIELDS + SECTION_FIELDS + TARGET_FIELDS + VOICE_FIELDS


CHILD_WORDS = {"message", "topic", "meeting", "summary"}


def expect_refused(field: Field, payload: Payload) -> bool:
    if payload.name in BAD_CHARACTERS:
        return True
    if payload.name == "direction_override":
        return field.resource not in CHILD_WORDS
    if field.one_line and payload.name == "multi_line":
        return True
    return len(payload.value) > field.max_length


def send(client: TestClient, method: str, url: str, body: Any, headers: dict[str, str]) -> Any:
    """ASCII JSON, as a hostile client would send it: escapes for surrogates, NaN literals."""
    content = json.dumps(body).encode()
    return client.request(
        method, url, content=content, headers={**headers, "Content-Type": "application/json"}
    )


def assert_refused(response: httpx.Response, field_name: str, case: object) -> None:
    assert 400 <= response.status_code < 500, (case, response.status_code, response.text[:300])
    body = response.json()
    assert isinstance(body["detail"], str) and field_name in body["detail"], (case, body)
    assert any(e["field"] == field_name for e in body["errors"]), (case, body["errors"])


def assert_stored(response: httpx.Response, case: object) -> None:
    assert response.status_code in (200, 201), (case, response.status_code, response.text[:300])


@pytest.fixture
def assistant_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa answers every turn, so a message runs the whole way through."""

    def reply(*_args: Any, **_kwargs: Any) -> list[dict[str, Any]]:
        return [{"text": "Thank you for telling me."}]

    monkeypatch.setattr(rasa_client, "send_message", reply)


class Subject:
    """A new child on the DT's roll and the SW's caseload, with a PEP and a TA's session."""

    def __init__(self, client: TestClient, demo: Demo, child_fields: dict[str, str]) -> None:
        self.client, self.demo = client, demo
        vs = demo.auth("demo-vs")
        body = {**base_child(demo), **child_fields}
        created = send(client, "POST", "/api/v1/children", body, vs)
        assert created.status_code == 201, created.text[:300]
        self.child_id = created.json()["child_id"]
        pep = send(
            client,
            "POST",
            "/api/v1/peps",
            {"child_id": self.child_id, "term": "Spring 2027", "meeting_date": "2027-02-01"},
            vs,
        )
        assert pep.status_code == 201, pep.text[:300]
        self.pep_id = pep.json()["pep_id"]
        opened = send(
            client,
            "POST",
            f"/api/v1/peps/{self.pep_id}/voice-sessions",
            {"mode": "my_views", "helper_role": "teaching_assistant"},
            demo.auth("demo-dt"),
        )
        assert opened.status_code == 201, opened.text[:300]
        self.session_id = opened.json()["session_id"]
        self.child_token = opened.json()["child_url"].split("#t=")[1]
        self.sections: dict[str, dict[str, Any]] = {}

    def write(self, field: Field, value: Any) -> httpx.Response:
        vs = self.demo.auth("demo-vs")
        pep = f"/api/v1/peps/{self.pep_id}"
        internal = f"/api/v1/internal/voice-sessions/{self.session_id}"
        service = {"Authorization": f"Bearer {get_settings().service_token}"}
        if field.resource == "pep":
            if field.name.startswith("attendee_"):
                person = {"name": "Ms Patel", "role": "Designated teacher"}
                person[field.name.removeprefix("attendee_")] = value
                return send(self.client, "PATCH", pep, {"attendees": [person]}, vs)
            return send(self.client, "PATCH", pep, {field.name: value}, vs)
        if field.resource == "section":
            key, name = field.name.split(".")
            entry: Any = (
                [{"what": value, "who": "SW", "when": "May"}] if name == "actions" else value
            )
            content = {**self.sections.get(key, {}), name: entry}
            response = send(self.client, "PUT", f"{pep}/sections/{key}", {"content": content}, vs)
            if response.status_code == 200:  # a PUT replaces the section: keep what was stored
                self.sections[key] = content
            return response
        if field.resource == "target":
            body = {"what": "Read 40 words on sight by Easter", field.name: value}
            return send(self.client, "POST", f"{pep}/targets", body, self.demo.auth("demo-dt"))
        if field.resource == "message":
            child = {"Authorization": f"Bearer {self.child_token}"}
            url = f"/api/v1/voice-sessions/{self.session_id}/messages"
            return send(self.client, "POST", url, {"text": value}, child)
        if field.resource == "topic":
            body = {"question": "What is going well?", "status": "answered", "answer": value}
            return send(self.client, "PUT", f"{internal}/topics/going_well", body, service)
        if field.resource == "meeting":
            return send(self.client, "PUT", f"{internal}/meeting", {field.name: value}, service)
        body = {"summary": value, "child_agreed": True}
        return send(self.client, "PUT", f"{internal}/summary", body, service)


def base_child(demo: Demo) -> dict[str, Any]:
    """A child in Year 4 whatever today's date (the API checks the year against the age)."""
    today = date.today()
    september = today.year if today.month >= 9 else today.year - 1
    return {
        "first_name": "Robin",
        "last_name": "Hale",
        "date_of_birth": date(september - 8, 5, 4).isoformat(),
        "school_year": 4,
        "school_id": demo.users["demo-dt"].school_id,
        "legal_status": "Section 20",
        "care_start_date": date(september - 2, 9, 2).isoformat(),
        "social_worker_username": "demo-sw",
    }


def renders(client: TestClient, demo: Demo, pep_id: str) -> dict[str, str]:
    """Every place the PEP shows, as text; each must answer 200."""
    out: dict[str, str] = {}
    for role in ROLES:
        dashboard = client.get("/dashboard", headers=demo.auth(role))
        assert dashboard.status_code == 200, (role, dashboard.status_code)
        out[f"dashboard {role}"] = html.unescape(dashboard.text)
    for role in ("demo-vs", "demo-dt", "demo-sw"):
        page = client.get(f"/peps/{pep_id}", headers=demo.auth(role))
        assert page.status_code == 200, (role, page.status_code)
        out[f"page {role}"] = html.unescape(page.text)
    vs = demo.auth("demo-vs")
    document = client.get(f"/api/v1/peps/{pep_id}/document.html", headers=vs)
    assert document.status_code == 200
    out["html"] = html.unescape(document.text)
    pdf = client.get(f"/api/v1/peps/{pep_id}/document.pdf", headers=vs)
    assert pdf.status_code == 200, pdf.status_code
    pdf.headers["content-disposition"].encode("latin-1")
    out["pdf"] = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    docx = client.get(f"/api/v1/peps/{pep_id}/document.docx", headers=vs)
    assert docx.status_code == 200, docx.status_code
    word = Document(io.BytesIO(docx.content))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    out["docx"] = "\n".join([word.sections[0].header.paragraphs[0].text, *cells])
    return out


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("payload", TEXT_PAYLOADS, ids=lambda p: p.name)
def test_hostile_text_in_every_field_is_refused_by_name_or_shown_everywhere(
    client: TestClient, demo: Demo, db: Session, assistant_answers: None, payload: Payload
) -> None:
    vs = demo.auth("demo-vs")
    child_fields: dict[str, str] = {}
    for field in CHILD_FIELDS:
        body = {**base_child(demo), field.name: payload.value}
        response = send(client, "POST", "/api/v1/children", body, vs)
        if expect_refused(field, payload):
            assert_refused(response, field.error_field, (field.name, payload.name))
        else:
            assert_stored(response, (field.name, payload.name))
            child_fields[field.name] = payload.value
    subject = Subject(client, demo, child_fields)
    stored: list[Field] = [f for f in CHILD_FIELDS if f.name in child_fields]
    for field in PEP_FIELDS + SECTION_FIELDS + TARGET_FIELDS + VOICE_FIELDS:
        response = subject.write(field, payload.value)
        if expect_refused(field, payload):
            assert_refused(response, field.error_field, (field.name, payload.name))
        else:
            assert_stored(response, (field.name, payload.name))
            stored.append(field)

    views = renders(client, demo, subject.pep_id)
    shown = payload.value.strip().replace("\r\n", "\n")
    for field in stored:
        if not field.shown_in_documents:
            continue
        for where in ("html", "docx"):
            assert shown in views[where], (field.name, payload.name, where)
        if payload.latin:
            assert squeeze(shown) in squeeze(views["pdf"]), (field.name, payload.name)
    if "first_name" in child_fields:
        for where in ("page demo-vs", "page demo-dt", "dashboard demo-vs", "dashboard demo-ta"):
            assert shown in views[where], (payload.name, where)
    targets = client.get(f"/api/v1/peps/{subject.pep_id}/targets", headers=vs).json()
    for field in stored:
        if field.resource == "target":
            assert any(t[field.name] == shown for t in targets), (field.name, payload.name)
    said = [m.text for m in voice_repo.transcript(db, subject.session_id) if m.sender == "child"]
    assert said == ([shown] if any(f.resource == "message" for f in stored) else [])


CALENDAR_ENDS = ["0001-01-01", "9999-12-31"]


@pytest.mark.parametrize("value", CALENDAR_ENDS)
def test_dates_at_the_ends_of_the_calendar_are_refused_by_name(
    client: TestClient, demo: Demo, value: str
) -> None:
    vs = demo.auth("demo-vs")
    for name in ("date_of_birth", "care_start_date"):
        response = send(client, "POST", "/api/v1/children", {**base_child(demo), name: value}, vs)
        assert_refused(response, name, (name, value))
    subject = Subject(client, demo, {})
    for name in ("meeting_date", "next_meeting_date"):
        response = send(client, "PATCH", f"/api/v1/peps/{subject.pep_id}", {name: value}, vs)
        assert_refused(response, name, (name, value))
    body = {"child_id": subject.child_id, "term": "Summer 2027", "meeting_date": value}
    assert_refused(send(client, "POST", "/api/v1/peps", body, vs), "meeting_date", value)


def test_sane_dates_are_accepted(client: TestClient, demo: Demo) -> None:
    vs = demo.auth("demo-vs")
    # No school year: one born in 1990 is past school age (a school year must fit the age).
    body = {
        **base_child(demo),
        "date_of_birth": "1990-01-01",
        "school_year": None,
        "care_start_date": "2000-01-01",
    }
    assert_stored(send(client, "POST", "/api/v1/children", body, vs), "sane dates")
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    refused = send(
        client, "POST", "/api/v1/children", {**base_child(demo), "date_of_birth": tomorrow}, vs
    )
    assert_refused(refused, "date_of_birth", "a birth date in the future")


NUMBERS = {
    "nan": "NaN",
    "infinity": "Infinity",
    "minus_infinity": "-Infinity",
    "huge": "1" + "0" * 30,
}


@pytest.mark.parametrize("literal", list(NUMBERS.values()), ids=list(NUMBERS))
def test_non_finite_and_huge_numbers_are_refused_by_name(
    client: TestClient, demo: Demo, literal: str
) -> None:
    vs = demo.auth("demo-vs")
    json_headers = {"Content-Type": "application/json"}

    def raw(method: str, url: str, template: str, headers: dict[str, str]) -> httpx.Response:
        content = template.replace("NUMBER", literal).encode()
        return client.request(method, url, content=content, headers={**headers, **json_headers})

    child = json.dumps({**base_child(demo), "school_year": 0}).replace(
        '"school_year": 0', '"school_year": NUMBER'
    )
    assert_refused(raw("POST", "/api/v1/children", child, vs), "school_year", literal)
    subject = Subject(client, demo, {})
    pep = f"/api/v1/peps/{subject.pep_id}"
    section = '{"content": {"hours": NUMBER}}'
    assert_refused(raw("PUT", f"{pep}/sections/D", section, vs), "content.hours", literal)
    target = '{"what": "Read 40 words on sight", "ppp": "tutor", "ppp_cost": NUMBER}'
    assert_refused(raw("POST", f"{pep}/targets", target, demo.auth("demo-dt")), "ppp_cost", literal)
    service = {"Authorization": f"Bearer {get_settings().service_token}"}
    topic = '{"status": "answered", "answer": "good", "rating": NUMBER}'
    url = f"/api/v1/internal/voice-sessions/{subject.session_id}/topics/going_well"
    assert_refused(raw("PUT", url, topic, service), "rating", literal)
    renders(client, demo, subject.pep_id)


def test_a_finite_number_in_a_section_is_stored_and_shown(client: TestClient, demo: Demo) -> None:
    subject = Subject(client, demo, {})
    url = f"/api/v1/peps/{subject.pep_id}/sections/D"
    response = send(
        client, "PUT", url, {"content": {"attendance_percent": 93.5}}, demo.auth("demo-vs")
    )
    assert_stored(response, "93.5")
    assert "93.5" in renders(client, demo, subject.pep_id)["docx"]


def test_dates_the_api_refuses_but_the_database_holds_break_no_page(
    client: TestClient, demo: Demo, db: Session
) -> None:
    """One bad row, written behind the API's back, must not take a page down."""
    subject = Subject(client, demo, {"first_name": "Łucja"})
    child = db.get(Child, subject.child_id)
    pep = db.get(Pep, subject.pep_id)
    assert child is not None and pep is not None
    child.date_of_birth = date(1, 1, 1)
    child.care_start_date = date(9999, 12, 31)
    pep.pep_type = PepType.INITIAL
    pep.meeting_date = date(1, 1, 1)
    pep.next_meeting_date = date(9999, 12, 31)
    db.flush()
    views = renders(client, demo, subject.pep_id)
    assert "Check the dates" in views["dashboard demo-vs"]
    assert "Łucja" in views["docx"] and "Łucja" in views["html"]
    for url in (
        f"/api/v1/peps/{subject.pep_id}",
        f"/api/v1/children/{subject.child_id}",
        "/api/v1/peps",
    ):
        assert client.get(url, headers=demo.auth("demo-vs")).status_code == 200, url


def test_a_control_character_already_stored_does_not_break_the_word_file(
    client: TestClient, demo: Demo, db: Session
) -> None:
    subject = Subject(client, demo, {})
    child = db.get(Child, subject.child_id)
    assert child is not None
    child.legal_status = "Section\x0b20\x01"
    db.flush()
    assert "Section20" in renders(client, demo, subject.pep_id)["docx"]


@pytest.mark.parametrize("name", ["Łucja", "محمد", "李小龙", "عائشہ", 'Ann "; filename=x.exe'])
def test_download_names_carry_the_child_name_in_rfc_5987_form(
    client: TestClient, demo: Demo, name: str
) -> None:
    subject = Subject(client, demo, {"first_name": name})
    for ext in ("pdf", "docx"):
        url = f"/api/v1/peps/{subject.pep_id}/document.{ext}"
        response = client.get(url, headers=demo.auth("demo-sw"))
        assert response.status_code == 200
        disposition = response.headers["content-disposition"]
        disposition.encode("ascii")
        assert re.fullmatch(
            rf'attachment; filename="PEP[-A-Za-z0-9]*\.{ext}"; filename\*=UTF-8\'\'[%A-Za-z0-9.-]+',
            disposition,
        ), disposition


@pytest.mark.parametrize("path", ["/api/v1/peps/%00", "/api/v1/children/a%01b", "/peps/%00"])
def test_control_characters_in_an_address_answer_404(
    client: TestClient, demo: Demo, path: str
) -> None:
    response = client.get(path, headers=demo.auth("demo-vs"))
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize("username", ["demo-vs\x00", "\x00", "demo\x1b-vs"])
def test_a_control_character_in_a_username_is_a_failed_sign_in(
    client: TestClient, demo: Demo, username: str
) -> None:
    form = {"username": username, "password": "demo-password"}
    assert client.post("/api/v1/auth/token", data=form).status_code == 401
    page = page_form(client, "/sign-in", form)
    assert page.status_code == 400


def test_a_control_character_in_a_qa_note_is_refused_on_the_page(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS2"]
    assert (
        client.post(f"/api/v1/peps/{pep}/submit", headers=demo.auth("demo-dt")).status_code == 200
    )
    form = {"decision": "return", "grade": "Good", "note": "Add\x00 the attendees"}
    page = client.post(f"/peps/{pep}/qa", data=form, headers=demo.auth("demo-vs"))
    assert page.status_code == 400
    assert "cannot be saved" in page.text
    qa = client.get(f"/api/v1/peps/{pep}/qa", headers=demo.auth("demo-vs")).json()
    assert qa["status"] == "submitted" and qa["history"] == []
