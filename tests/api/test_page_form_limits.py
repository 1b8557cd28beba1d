"""Page forms and their length limits: a field over its limit, or a date box holding a word,
comes back on its page with a GOV.UK error summary naming the limit and what was typed kept,
never as the framework's JSON 422; nothing is stored. A field at its limit is accepted.

The limits are the API schemas' (MAX_TEXT, MAX_NAME, ShortText's 200); the routes' old
`Form(max_length=...)` limits (400, 8,000, 4,000, 10, ...) are posted past as well, since those
were what turned a person's typing into JSON.
"""

from __future__ import annotations

import html
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.models import Concern, VoiceSession
from api.models.enums import ConcernKind, ConcernTier, Role
from api.presentation.record_forms import MAX_SHORT
from api.schemas.common import MAX_NAME, MAX_TEXT
from tests.factories import Adult, Factory
from tests.helpers import add_concern, page_form


# Text a person typed, easy to find again in the page: `size` characters, starting with a word.
def typed(size: int, word: str = "Typed") -> str:
    return (word + " " + "w" * size)[:size]


def _signed_in(client: TestClient, adult: Adult) -> None:
    client.cookies.set("pep_voice_session", adult.token)


def _refused_on_the_page(response: httpx.Response, field: str, message: str, *kept: str) -> None:
    """The form's page, not JSON: an error summary linking to `field` with `message`, and
    each of `kept` shown again in the form."""
    assert response.status_code == 400, response.text[:500]
    assert response.headers["content-type"].startswith("text/html"), response.headers
    page = html.unescape(response.text)
    assert "govuk-error-summary" in page and "There is a problem" in page
    assert f'href="#{field}"' in page, page[:3000]
    assert message in page, page[:3000]
    for text in kept:
        assert text in page, f"{text[:40]}... not kept"


def _sw_pep(make: Factory) -> tuple[Adult, str]:
    worker = make.adult(Role.SOCIAL_WORKER, full_name="Sam Worker")
    child = make.child(social_worker=worker)
    return worker, make.pep(child).id


def _dt_pep(make: Factory) -> tuple[Adult, str]:
    teacher = make.adult(Role.DESIGNATED_TEACHER, full_name="Dee Teacher")
    return teacher, make.pep(make.child()).id


# Section A: personal and care details (social worker).


def _care_unchanged(client: TestClient, worker: Adult, pep: str) -> None:
    got = client.get(f"/api/v1/peps/{pep}/care-details", headers=worker.headers).json()
    assert got["updated_by"] is None and got["carer_name"] is None


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"carer_name": typed(MAX_NAME + 1)}, "carer_name", "100 characters or fewer"),
        ({"carer_name": typed(401)}, "carer_name", "100 characters or fewer"),
        ({"carer_role": typed(MAX_SHORT + 1)}, "carer_role", "200 characters or fewer"),
        ({"carer_role": typed(401)}, "carer_role", "200 characters or fewer"),
        (
            {"other_agencies": typed(MAX_TEXT + 1)},
            "other_agencies",
            "Other agencies involved must be 2,000 characters or fewer",
        ),
        (
            {"other_agencies": typed(8001)},
            "other_agencies",
            "Other agencies involved must be 2,000 characters or fewer",
        ),
        (
            {"post16_pathway_plan": "x", "history_school": typed(401), "history_reason": "Moved"},
            "history_school-0",
            "200 characters or fewer",
        ),
        ({"upn": "A" + "1" * 13}, "upn", "The UPN must be 13 characters"),
        ({"upn": "A" + "1" * 400}, "upn", "The UPN must be 13 characters"),
        ({"placement_moves": "9" * 401}, "placement_moves", "a whole number from 0 to 50"),
        ({"placement_moves": "9" * 5000}, "placement_moves", "a whole number from 0 to 50"),
        ({"placement_moves": "²"}, "placement_moves", "a whole number from 0 to 50"),
    ],
)
def test_care_details_over_the_limit_come_back_on_the_page(
    client: TestClient, make: Factory, form: dict[str, str], field: str, message: str
) -> None:
    worker, pep = _sw_pep(make)
    _signed_in(client, worker)
    failed = page_form(client, f"/peps/{pep}/care-details", form)
    kept = [v for k, v in form.items() if k != "post16_pathway_plan" and len(v) > 1]
    _refused_on_the_page(failed, field, message, *kept)
    _care_unchanged(client, worker, pep)


@pytest.mark.parametrize(
    ("prefix", "boxes", "message"),
    [
        ("placement_start", ("1", "March", "2024"), "as numbers, like 10 3 2027"),
        ("placement_start", ("16th", "3", "2024"), "as numbers, like 10 3 2027"),
        ("placement_start", ("yesterday", "", ""), "as numbers, like 10 3 2027"),
        ("placement_start", ("1", "3", "2024" + "0" * 20), "as numbers, like 10 3 2027"),
        ("placement_start", ("1", "3", "9" * 30), "as numbers, like 10 3 2027"),
        ("placement_start", ("31", "2", "2024"), "must be a real date"),
        ("ehcp_review", ("1", "September the first", "2027"), "as numbers, like 10 3 2027"),
    ],
)
def test_a_care_date_with_a_word_or_too_many_characters_gets_the_dates_error(
    client: TestClient, make: Factory, prefix: str, boxes: tuple[str, str, str], message: str
) -> None:
    worker, pep = _sw_pep(make)
    _signed_in(client, worker)
    form = dict(zip((f"{prefix}-day", f"{prefix}-month", f"{prefix}-year"), boxes, strict=True))
    failed = page_form(client, f"/peps/{pep}/care-details", {**form, "carer_name": "Kept Name"})
    _refused_on_the_page(failed, f"{prefix}-day", message, "Kept Name", *[b for b in boxes if b])
    _care_unchanged(client, worker, pep)


def test_care_details_at_the_limit_are_saved(client: TestClient, make: Factory) -> None:
    worker, pep = _sw_pep(make)
    _signed_in(client, worker)
    # A browser sends a textarea's newlines as CRLF; the character count counts each as one.
    agencies = typed(MAX_TEXT - 10, "CAMHS") + "\r\n" + "w" * 9
    form = {
        "upn": "a 123456789012",
        "carer_name": typed(MAX_NAME, "Morgan"),
        "carer_role": typed(MAX_SHORT, "Foster"),
        "other_agencies": agencies,
        "placement_moves": "50",
    }
    saved = page_form(client, f"/peps/{pep}/care-details", form)
    assert saved.status_code == 303, saved.text[:2000]
    got = client.get(f"/api/v1/peps/{pep}/care-details", headers=worker.headers).json()
    assert got["carer_name"] == form["carer_name"] and got["carer_role"] == form["carer_role"]
    assert got["other_agencies"] == agencies.replace("\r\n", "\n")
    assert len(got["other_agencies"]) == MAX_TEXT


# Section D: the education summary (designated teacher).


@pytest.mark.parametrize("size", [MAX_TEXT + 1, 8001])
@pytest.mark.parametrize("field", ["strengths", "pupil_premium_plus"])
def test_the_education_summary_over_the_limit_comes_back_on_the_page(
    client: TestClient, make: Factory, field: str, size: int
) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    text = typed(size)
    failed = page_form(client, f"/peps/{pep}/education-summary", {field: text, "upn": "Kept"})
    _refused_on_the_page(failed, field, "must be 2,000 characters or fewer", text)
    got = client.get(f"/api/v1/peps/{pep}/education-summary", headers=teacher.headers).json()
    assert got["updated_by"] is None and got[field] is None


def test_the_education_summary_at_the_limit_is_saved(client: TestClient, make: Factory) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    text = typed(MAX_TEXT, "Strong")
    saved = page_form(client, f"/peps/{pep}/education-summary", {"strengths": text})
    assert saved.status_code == 303, saved.text[:2000]
    got = client.get(f"/api/v1/peps/{pep}/education-summary", headers=teacher.headers).json()
    assert got["strengths"] == text


# The PEP page's forms: the meeting record, why the views are missing, other views, sessions.


def _meeting_unchanged(client: TestClient, adult: Adult, pep: str) -> None:
    got = client.get(f"/api/v1/peps/{pep}", headers=adult.headers).json()
    assert got["meeting_chair"] is None and got["meeting_summary"] is None
    assert got["next_meeting_date"] is None and got["meeting_actions"] == []


def _meeting(client: TestClient, pep: str, form: dict[str, str]) -> httpx.Response:
    return page_form(client, f"/peps/{pep}/meeting-record", form, from_page=f"/peps/{pep}")


NEXT = {"next_meeting-day": "10", "next_meeting-month": "3", "next_meeting-year": "2027"}


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (
            {"meeting_chair": typed(201)},
            "meeting_chair",
            "Who chaired the meeting must be 200 characters or fewer",
        ),
        (
            {"note_taker": typed(1001)},
            "note_taker",
            "Who took the notes must be 200 characters or fewer",
        ),
        (
            {"meeting_summary": typed(MAX_TEXT + 1)},
            "meeting_summary",
            "The summary of the meeting must be 2,000 characters or fewer",
        ),
        (
            {"meeting_summary": typed(10_001)},
            "meeting_summary",
            "The summary of the meeting must be 2,000 characters or fewer",
        ),
        (
            {**NEXT, "next_meeting-month": "March", "meeting_chair": "Kept Chair"},
            "next_meeting-day",
            "The date of the next PEP meeting must be in numbers, like 10 3 2027",
        ),
        (
            {**NEXT, "next_meeting-day": "16th", "meeting_chair": "Kept Chair"},
            "next_meeting-day",
            "The date of the next PEP meeting must be in numbers, like 10 3 2027",
        ),
        (
            {**NEXT, "next_meeting-year": "yesterday", "meeting_chair": "Kept Chair"},
            "next_meeting-day",
            "The date of the next PEP meeting must be in numbers, like 10 3 2027",
        ),
        (
            {**NEXT, "next_meeting-year": "20277", "meeting_chair": "Kept Chair"},
            "next_meeting-day",
            "The date of the next PEP meeting must be a real date",
        ),
        (
            {**NEXT, "next_meeting-year": "9" * 30, "meeting_chair": "Kept Chair"},
            "next_meeting-day",
            "The date of the next PEP meeting must be a real date",
        ),
        (
            {"child_attended": typed(21), "meeting_chair": "Kept Chair"},
            "child_attended",
            "Whether the child came",
        ),
        (
            {
                "action_text": "Kept action",
                "action_owner": "Class teacher",
                "action_due-day": "1",
                "action_due-month": "3",
                "action_due-year": "9" * 30,
            },
            "action-0-due-day",
            "Action 1: the date it is due must be a real date",
        ),
    ],
)
def test_the_meeting_record_over_the_limit_comes_back_on_the_page(
    client: TestClient, make: Factory, form: dict[str, str], field: str, message: str
) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    failed = _meeting(client, pep, form)
    kept = [v for k, v in form.items() if len(v) > 2 and k != "child_attended"]
    _refused_on_the_page(failed, field, message, *kept)
    _meeting_unchanged(client, teacher, pep)


def test_a_date_with_a_word_keeps_every_box_as_typed(client: TestClient, make: Factory) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    failed = _meeting(
        client, pep, {**NEXT, "next_meeting-month": "March", "child_attended": "part"}
    )
    assert failed.status_code == 400
    page = failed.text
    assert 'name="next_meeting-day" type="text" value="10"' in page
    assert 'name="next_meeting-month" type="text" value="March"' in page
    assert 'name="next_meeting-year" type="text" value="2027"' in page
    assert 'name="child_attended" type="radio" value="part" checked' in page
    _meeting_unchanged(client, teacher, pep)


def test_the_meeting_record_at_the_limit_is_saved(client: TestClient, make: Factory) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    summary = typed(MAX_TEXT - 5, "Settled") + "\r\n" + "w" * 4
    form = {**NEXT, "meeting_chair": typed(200, "Chair"), "meeting_summary": summary}
    saved = _meeting(client, pep, form)
    assert saved.status_code == 303, saved.text[:2000]
    got = client.get(f"/api/v1/peps/{pep}", headers=teacher.headers).json()
    assert got["meeting_chair"] == form["meeting_chair"]
    assert got["meeting_summary"] == summary.replace("\r\n", "\n")
    assert got["next_meeting_date"] == "2027-03-10"


def _absence_reason(client: TestClient, adult: Adult, pep: str) -> Any:
    section = client.get(f"/api/v1/peps/{pep}/sections/D", headers=adult.headers).json()
    return section["content"].get("child_views_absence_reason")


def test_a_views_absence_reason_over_the_limit_comes_back_on_the_page(
    client: TestClient, make: Factory
) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    reason = typed(MAX_TEXT + 1, "Absent")
    failed = page_form(
        client, f"/peps/{pep}/views-absence", {"reason": reason}, from_page=f"/peps/{pep}"
    )
    _refused_on_the_page(failed, "reason", "The reason must be 2,000 characters or fewer", reason)
    assert 'data-maxlength="2000"' in failed.text
    assert _absence_reason(client, teacher, pep) is None


def test_a_views_absence_reason_at_the_limit_is_saved(client: TestClient, make: Factory) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    reason = typed(MAX_TEXT - 5, "Absent") + "\r\n" + "w" * 4
    saved = page_form(
        client, f"/peps/{pep}/views-absence", {"reason": reason}, from_page=f"/peps/{pep}"
    )
    assert saved.status_code == 303, saved.text[:2000]
    assert _absence_reason(client, teacher, pep) == reason.replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (
            {"view_text": typed(MAX_TEXT + 1)},
            "view_text",
            "The view must be 2,000 characters or fewer",
        ),
        ({"view_text": typed(4001)}, "view_text", "The view must be 2,000 characters or fewer"),
        (
            {"view_given_by": typed(MAX_NAME + 1)},
            "view_given_by",
            "The name must be one line of 100 characters or fewer",
        ),
        (
            {"view_given_by": typed(401)},
            "view_given_by",
            "The name must be one line of 100 characters or fewer",
        ),
        ({"view_kind": "x" * 31}, "view_kind", "Choose whose view this is"),
    ],
)
def test_another_view_over_the_limit_comes_back_on_the_page(
    client: TestClient, make: Factory, form: dict[str, str], field: str, message: str
) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    full = {"view_kind": "school", "view_text": "Kept words", "view_given_by": "Kept Name", **form}
    failed = page_form(client, f"/peps/{pep}/contributor-views", full, from_page=f"/peps/{pep}")
    kept = [v for k, v in full.items() if k != "view_kind"]
    _refused_on_the_page(failed, field, message, *kept)
    listed = client.get(f"/api/v1/peps/{pep}/contributor-views", headers=teacher.headers)
    assert listed.json() == []


def test_another_view_at_the_limit_is_saved(client: TestClient, make: Factory) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    words = typed(MAX_TEXT - 5, "Calmer") + "\r\n" + "w" * 4
    form = {"view_kind": "school", "view_text": words, "view_given_by": typed(MAX_NAME, "Dee")}
    saved = page_form(client, f"/peps/{pep}/contributor-views", form, from_page=f"/peps/{pep}")
    assert saved.status_code == 303, saved.text[:2000]
    listed = client.get(f"/api/v1/peps/{pep}/contributor-views", headers=teacher.headers).json()
    assert [(v["text"], v["given_by"]) for v in listed] == [
        (words.replace("\r\n", "\n"), form["view_given_by"])
    ]


def _sessions(db: Session, pep: str) -> int:
    return int(
        db.scalar(select(func.count()).select_from(VoiceSession).where(VoiceSession.pep_id == pep))
        or 0
    )


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"helper_name": typed(MAX_NAME + 1)}, "helper_name", "up to 100 characters"),
        ({"helper_name": typed(201)}, "helper_name", "up to 100 characters"),
        ({"interpreter_language": typed(201)}, "interpreter_language", "up to 60 characters"),
        ({"mode": "x" * 31}, "mode", "Choose what the conversation is for"),
        ({"helper_username": "x" * 101}, "helper_username", "a teaching assistant"),
    ],
)
def test_a_voice_session_form_over_the_limit_comes_back_on_the_page(
    client: TestClient,
    make: Factory,
    db: Session,
    form: dict[str, str],
    field: str,
    message: str,
) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    full = {"mode": "my_views", "helper_role": "alone", **form}
    failed = page_form(client, f"/peps/{pep}/voice-sessions", full, from_page=f"/peps/{pep}")
    kept = [v for k, v in form.items() if k in ("helper_name", "interpreter_language")]
    _refused_on_the_page(failed, field, message, *kept)
    assert _sessions(db, pep) == 0


def test_a_voice_session_with_a_helper_name_at_the_limit_opens(
    client: TestClient, make: Factory, db: Session
) -> None:
    teacher, pep = _dt_pep(make)
    _signed_in(client, teacher)
    name = typed(MAX_NAME, "Morgan")
    form = {"mode": "my_views", "helper_role": "alone", "helper_name": name}
    opened = page_form(client, f"/peps/{pep}/voice-sessions", form, from_page=f"/peps/{pep}")
    assert opened.status_code == 201, opened.text[:2000]
    assert name in opened.text and _sessions(db, pep) == 1


# Concerns: a reader acknowledges with a note; the safeguarding lead decides with one.


def _concern(make: Factory, db: Session, kind: ConcernKind = ConcernKind.MOVE_SCHOOL) -> Concern:
    pep = make.pep(make.child())
    return add_concern(db, pep.id, kind, ConcernTier.URGENT, "I want to move school")


def test_a_concern_note_over_the_limit_comes_back_on_the_page(
    client: TestClient, make: Factory, db: Session
) -> None:
    concern = _concern(make, db)
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    _signed_in(client, teacher)
    note = typed(MAX_TEXT + 1, "Told")
    failed = page_form(
        client, f"/concerns/{concern.id}/acknowledge", {"note": note}, from_page="/concerns"
    )
    _refused_on_the_page(
        failed, f"note-{concern.id}", "The note must be 2,000 characters or fewer", note
    )
    assert 'data-maxlength="2000"' in failed.text
    listed = client.get("/api/v1/concerns", headers=teacher.headers).json()
    assert [(c["status"], c["acknowledged_note"]) for c in listed] == [("open", None)]


def test_a_concern_note_at_the_limit_is_saved(
    client: TestClient, make: Factory, db: Session
) -> None:
    concern = _concern(make, db)
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    _signed_in(client, teacher)
    note = typed(MAX_TEXT - 5, "Told") + "\r\n" + "w" * 4
    saved = page_form(
        client, f"/concerns/{concern.id}/acknowledge", {"note": note}, from_page="/concerns"
    )
    assert saved.status_code == 303, saved.text[:2000]
    listed = client.get("/api/v1/concerns", headers=teacher.headers).json()
    assert [(c["status"], c["acknowledged_note"]) for c in listed] == [
        ("acknowledged", note.replace("\r\n", "\n"))
    ]


def _decision(client: TestClient, lead: Adult) -> list[Any]:
    queue = client.get("/api/v1/safeguarding/queue", headers=lead.headers).json()
    return [(c["decision"], c["decision_note"]) for c in queue]


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (
            {"decision": "raised", "note": typed(MAX_TEXT + 1, "Decided")},
            "note",
            "The note must be 2,000 characters or fewer",
        ),
        (
            {"decision": "x" * 31, "note": "Kept note"},
            "decision",
            "Select whether this is a safeguarding concern",
        ),
    ],
)
def test_a_safeguarding_decision_over_the_limit_comes_back_on_the_page(
    client: TestClient,
    make: Factory,
    db: Session,
    form: dict[str, str],
    field: str,
    message: str,
) -> None:
    concern = _concern(make, db, ConcernKind.SAFEGUARDING)
    lead = make.adult(Role.SAFEGUARDING_LEAD)
    _signed_in(client, lead)
    failed = page_form(
        client,
        f"/safeguarding-queue/{concern.id}/decision",
        form,
        from_page="/safeguarding-queue",
    )
    _refused_on_the_page(failed, f"{field}-{concern.id}", message, form["note"])
    assert 'data-maxlength="2000"' in failed.text
    if form["decision"] == "raised":  # the choice made is kept too
        assert 'type="radio" value="raised" checked' in failed.text
    assert _decision(client, lead) == [(None, None)]


def test_a_safeguarding_note_at_the_limit_is_saved(
    client: TestClient, make: Factory, db: Session
) -> None:
    concern = _concern(make, db, ConcernKind.SAFEGUARDING)
    lead = make.adult(Role.SAFEGUARDING_LEAD)
    _signed_in(client, lead)
    note = typed(MAX_TEXT - 5, "Decided") + "\r\n" + "w" * 4
    saved = page_form(
        client,
        f"/safeguarding-queue/{concern.id}/decision",
        {"decision": "not_a_concern", "note": note},
        from_page="/safeguarding-queue",
    )
    assert saved.status_code == 303, saved.text[:2000]
    assert _decision(client, lead) == [("not_a_concern", note.replace("\r\n", "\n"))]
