"""The record of the PEP meeting: its chair, note-taker, summary and agreed actions, through the
API, on the PEP page's form, and in the documents."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from typing import Any

import pytest
from docx import Document
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import AuditEntry, MeetingAction
from api.models.enums import PepStatus, Role
from tests.factories import Adult, Factory

DUE = (date.today() + timedelta(days=30)).isoformat()
ACTIONS = [
    {"text": "Send the reading log home each Friday", "owner": "Class teacher", "due_date": DUE},
    {"text": "Book the educational psychologist", "owner": "SENCo", "due_date": DUE, "done": True},
]


def _school(make: Factory) -> tuple[Adult, Any]:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    return teacher, make.pep(make.child())


def test_the_record_round_trips_through_the_pep_json(client: TestClient, make: Factory) -> None:
    teacher, pep = _school(make)
    url = f"/api/v1/peps/{pep.id}"
    record = {
        "meeting_chair": "Ms Patel, designated teacher",
        "note_taker": "Mr Jones",
        "meeting_summary": "Settled well.\r\nReading is the focus this term.",
    }
    patched = client.patch(url, headers=teacher.headers, json=record)
    assert patched.status_code == 200, patched.text
    put = client.put(f"{url}/meeting-actions", headers=teacher.headers, json={"actions": ACTIONS})
    assert put.status_code == 200, put.text
    assert [a["owner"] for a in put.json()["actions"]] == ["Class teacher", "SENCo"]
    stored = client.get(url, headers=teacher.headers).json()
    assert stored["meeting_chair"] == "Ms Patel, designated teacher"
    assert stored["meeting_summary"] == "Settled well.\nReading is the focus this term."
    assert stored["meeting_actions"] == [
        {**ACTIONS[0], "done": False},
        {**ACTIONS[1]},
    ]


def test_putting_the_same_actions_twice_keeps_one_list_and_an_empty_list_clears_it(
    client: TestClient, make: Factory, db: Session
) -> None:
    teacher, pep = _school(make)
    url = f"/api/v1/peps/{pep.id}/meeting-actions"
    for _ in range(2):
        assert (
            client.put(url, headers=teacher.headers, json={"actions": ACTIONS}).status_code == 200
        )
    count = select(MeetingAction).where(MeetingAction.pep_id == pep.id)
    assert len(list(db.scalars(count))) == 2
    assert client.put(url, headers=teacher.headers, json={"actions": []}).json()["actions"] == []
    assert list(db.scalars(count)) == []
    audited = db.scalars(
        select(AuditEntry.detail).where(
            AuditEntry.pep_id == pep.id, AuditEntry.action == "pep.meeting_actions"
        )
    )
    assert list(audited) == ["2 actions", "2 actions", "0 actions"]


@pytest.mark.parametrize(
    ("action", "field"),
    [
        ({"text": "Read daily", "due_date": DUE}, "actions.0.owner"),
        ({"text": " ", "owner": "TA", "due_date": DUE}, "actions.0.text"),
        ({"text": "Read daily", "owner": "TA"}, "actions.0.due_date"),
        ({"text": "Read daily", "owner": "TA", "due_date": "1999-12-31"}, "actions.0.due_date"),
        ({"text": "Read daily", "owner": "TA", "due_date": "2099-01-01"}, "actions.0.due_date"),
        ({"text": "Read daily", "owner": "T\nA", "due_date": DUE}, "actions.0.owner"),
        ({"text": "Read daily", "owner": "TA", "due_date": DUE, "who": "x"}, "actions.0.who"),
    ],
)
def test_an_action_needs_its_words_an_owner_and_a_sane_date(
    client: TestClient, make: Factory, action: dict[str, str], field: str
) -> None:
    teacher, pep = _school(make)
    response = client.put(
        f"/api/v1/peps/{pep.id}/meeting-actions",
        headers=teacher.headers,
        json={"actions": [ACTIONS[0], action]},
    )
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field.replace(".0.", ".1.")]


def test_a_chair_on_two_lines_is_refused(client: TestClient, make: Factory) -> None:
    teacher, pep = _school(make)
    response = client.patch(
        f"/api/v1/peps/{pep.id}", headers=teacher.headers, json={"meeting_chair": "Ms\nPatel"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "meeting_chair"


def test_nothing_changes_once_the_pep_is_submitted(
    client: TestClient, make: Factory, db: Session
) -> None:
    teacher, pep = _school(make)
    make.action(pep, text="Kept as it was")
    pep.status = PepStatus.SUBMITTED
    db.flush()
    url = f"/api/v1/peps/{pep.id}"
    put = client.put(f"{url}/meeting-actions", headers=teacher.headers, json={"actions": ACTIONS})
    assert put.status_code == 409
    patched = client.patch(url, headers=teacher.headers, json={"meeting_chair": "Someone"})
    assert patched.status_code == 409
    stored = client.get(url, headers=teacher.headers).json()
    assert [a["text"] for a in stored["meeting_actions"]] == ["Kept as it was"]
    assert stored["meeting_chair"] is None


def test_outside_the_caseload_is_not_found_and_a_ta_may_not_write(
    client: TestClient, make: Factory
) -> None:
    _teacher, pep = _school(make)
    elsewhere = make.adult(Role.DESIGNATED_TEACHER, school=make.another_school())
    stranger = make.adult(Role.SOCIAL_WORKER)  # not this child's social worker
    lead = make.adult(Role.SAFEGUARDING_LEAD)
    url = f"/api/v1/peps/{pep.id}/meeting-actions"
    for adult in (elsewhere, stranger, lead):
        assert client.put(url, headers=adult.headers, json={"actions": ACTIONS}).status_code == 404
    assistant = make.adult(Role.TEACHING_ASSISTANT)
    # A TA sees no PEP directly either: not found, never a hint the child exists.
    assert client.put(url, headers=assistant.headers, json={"actions": []}).status_code == 404


def test_the_social_worker_and_the_virtual_school_record_the_actions_too(
    client: TestClient, make: Factory
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    pep = make.pep(make.child(social_worker=worker))
    school = make.adult(Role.VIRTUAL_SCHOOL)
    url = f"/api/v1/peps/{pep.id}/meeting-actions"
    for adult in (worker, school):
        response = client.put(url, headers=adult.headers, json={"actions": ACTIONS[:1]})
        assert response.status_code == 200, response.text


# The page form: a row is the boxes named action_text, action_owner, action_due-*.
def _row(text: str = "", owner: str = "", day: str = "", month: str = "", year: str = "") -> dict:
    return {
        "action_text": text,
        "action_owner": owner,
        "action_due-day": day,
        "action_due-month": month,
        "action_due-year": year,
    }


def _post_rows(client: TestClient, pep_id: str, rows: list[dict[str, str]], **fields: str) -> Any:
    page = client.get(f"/peps/{pep_id}").text
    token = re.search(r'name="csrftoken" value="([^"]+)"', page)
    assert token
    data: dict[str, Any] = {"csrftoken": token.group(1), **fields}
    for key in _row():
        data[key] = [r[key] for r in rows]
    return client.post(f"/peps/{pep_id}/meeting-record", data=data, follow_redirects=False)


def test_the_page_form_saves_the_record_and_ignores_blank_rows(
    client: TestClient, make: Factory
) -> None:
    teacher, pep = _school(make)
    client.cookies.set("pep_voice_session", teacher.token)
    page = client.get(f"/peps/{pep.id}").text
    # No actions yet: two blank rows to fill.
    assert page.count('name="action_text"') == 2
    assert 'id="meeting_summary"' in page and "govuk-character-count" in page
    saved = _post_rows(
        client,
        pep.id,
        [_row("Send the reading log home", "Class teacher", "1", "3", "2027"), _row()],
        meeting_chair="Ms Patel",
        note_taker="Mr Jones",
        meeting_summary="Settled well",
    )
    assert saved.status_code == 303, saved.text
    stored = client.get(f"/api/v1/peps/{pep.id}", headers=teacher.headers).json()
    assert stored["meeting_chair"] == "Ms Patel" and stored["note_taker"] == "Mr Jones"
    assert stored["meeting_actions"] == [
        {
            "text": "Send the reading log home",
            "owner": "Class teacher",
            "due_date": "2027-03-01",
            "done": False,
        }
    ]
    again = client.get(f"/peps/{pep.id}").text
    # The saved row, then two blank ones; the action listed for everyone to read.
    assert again.count('name="action_text"') == 3
    assert 'data-testid="meeting-actions"' in again and "1 March 2027" in again


def test_a_half_filled_row_is_an_error_linked_to_its_box_and_nothing_is_saved(
    client: TestClient, make: Factory
) -> None:
    teacher, pep = _school(make)
    client.cookies.set("pep_voice_session", teacher.token)
    failed = _post_rows(
        client,
        pep.id,
        [_row("Send the log home", "Class teacher", "1", "3", "2027"), _row("Book the EP")],
        meeting_chair="Ms Patel",
    )
    assert failed.status_code == 400
    html = failed.text
    assert "govuk-error-summary" in html
    assert '<a href="#action-1-owner">Action 2: enter who will do it</a>' in html
    assert '<a href="#action-1-due-day">Action 2: enter the date it is due</a>' in html
    assert 'id="action-1-owner"' in html and 'id="action-1-due-day"' in html
    assert 'value="Book the EP"' in html  # what was typed is shown again
    stored = client.get(f"/api/v1/peps/{pep.id}", headers=teacher.headers).json()
    assert stored["meeting_chair"] is None and stored["meeting_actions"] == []


def test_a_wrong_due_date_and_an_over_long_summary_are_each_named(
    client: TestClient, make: Factory
) -> None:
    teacher, pep = _school(make)
    client.cookies.set("pep_voice_session", teacher.token)
    failed = _post_rows(
        client,
        pep.id,
        [_row("Send the log home", "Class teacher", "31", "2", "2027")],
        meeting_summary="x" * 2001,
    )
    assert failed.status_code == 400
    assert '<a href="#meeting_summary">The summary of the meeting must be 2,000' in failed.text
    assert '<a href="#action-0-due-day">Action 1: the date it is due must be a real date' in (
        failed.text
    )


def test_the_documents_carry_the_record_and_the_actions(client: TestClient, make: Factory) -> None:
    teacher, pep = _school(make)
    pep.meeting_chair, pep.note_taker = "Ms Patel", "Mr Jones"
    pep.meeting_summary = "Reading is the focus this term"
    make.action(pep, text="Book the educational psychologist", owner="SENCo", done=True)
    base = f"/api/v1/peps/{pep.id}/document"
    html = client.get(f"{base}.html", headers=teacher.headers).text
    due = (date.today() + timedelta(days=28)).strftime("%d/%m/%Y")
    for words in ("Ms Patel", "Mr Jones", "Reading is the focus this term", "SENCo", due):
        assert words in html
    pdf = PdfReader(io.BytesIO(client.get(f"{base}.pdf", headers=teacher.headers).content))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Book the educational psychologist" in text and "SENCo" in text
    word = Document(io.BytesIO(client.get(f"{base}.docx", headers=teacher.headers).content))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert {"Ms Patel", "Mr Jones", "SENCo", due, "Book the educational psychologist"} <= set(cells)


def test_a_next_meeting_not_after_this_one_is_shown_on_the_form_with_what_was_typed(
    client: TestClient, make: Factory
) -> None:
    """The service refuses it; the page used to show that refusal as a bare page, and the
    record typed on the form (chair, summary, actions) was lost."""
    teacher, pep = _school(make)
    client.cookies.set("pep_voice_session", teacher.token)
    before = pep.meeting_date
    failed = _post_rows(
        client,
        pep.id,
        [_row("Send the log home", "Class teacher", "1", "3", "2027")],
        meeting_chair="Ms Patel",
        meeting_summary="Settled well; reading is the focus",
        **{
            "next_meeting-day": str(before.day),
            "next_meeting-month": str(before.month),
            "next_meeting-year": str(before.year),
        },
    )
    assert failed.status_code == 400, failed.text
    assert '<a href="#next_meeting-day">' in failed.text
    assert "must be after this meeting" in failed.text
    assert "Settled well; reading is the focus" in failed.text
    assert 'value="Send the log home"' in failed.text
    stored = client.get(f"/api/v1/peps/{pep.id}", headers=teacher.headers).json()
    assert stored["meeting_chair"] is None and stored["meeting_actions"] == []
