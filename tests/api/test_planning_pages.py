"""The start of the PEP year on pages (#15): the virtual school adds a child who has come into
care, the social worker starts the child's initial PEP, and plans the meeting: when, where and
who is invited. Every form refuses what the API refuses, says why beside the field, and keeps
nothing from a refused form."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.models import Child, Pep
from api.models.enums import PepStatus, PepType, Role
from api.services import school_calendar
from tests.factories import Factory
from tests.helpers import Demo, page_form, page_sign_in

IN_CARE = date.today() - timedelta(days=3)


def _boxes(prefix: str, day: date) -> dict[str, str]:
    return {
        f"{prefix}-day": str(day.day),
        f"{prefix}-month": str(day.month),
        f"{prefix}-year": str(day.year),
    }


def _new_child(demo: Demo, **fields: str) -> dict[str, str]:
    return {
        "first_name": "Mia",
        "last_name": "Hughes",
        **_boxes("date_of_birth", date(date.today().year - 8, 2, 1)),
        "school_id": str(demo.users["demo-dt"].school_id),
        "legal_status": "Interim care order (s38)",
        **_boxes("care_start_date", IN_CARE),
        "social_worker": "demo-sw",
        **fields,
    }


def _children(db: Session) -> int:
    return int(db.scalar(select(func.count()).select_from(Child)) or 0)


def test_a_child_added_on_the_page_is_due_an_initial_pep_on_the_social_workers_dashboard(
    client: TestClient, demo: Demo, db: Session
) -> None:
    page_sign_in(client, "demo-vs")
    added = page_form(client, "/children/new", _new_child(demo))
    assert added.status_code == 303, added.text
    child = db.scalar(select(Child).where(Child.first_name == "Mia"))
    assert child is not None and child.care_start_date == IN_CARE

    page_sign_in(client, "demo-sw")
    dashboard = client.get("/dashboard").text
    row = dashboard.split(f'id="child-{child.id}"', 1)[1].split("</tr>", 1)[0]
    due = school_calendar.add_school_days(IN_CARE, 20)
    assert "No PEP yet" in row and f"Due: {due.day} {due:%B %Y}" in row
    assert f'href="/children/{child.id}/start-pep"' in row


def test_the_social_worker_starts_the_initial_pep_with_its_meeting_planned(
    client: TestClient, demo: Demo, db: Session
) -> None:
    page_sign_in(client, "demo-vs")
    page_form(client, "/children/new", _new_child(demo))
    child = db.scalar(select(Child).where(Child.first_name == "Mia"))
    assert child is not None
    page_sign_in(client, "demo-sw")
    meeting = date.today() + timedelta(days=10)
    form = {
        "term": "Autumn 2026",
        **_boxes("meeting_date", meeting),
        "venue": "Riverside, room 2",
        "invitee_name_0": "Dee Turner",
        "invitee_role_0": "Designated teacher",
        "invitee_name_2": "Morgan Lee",
        "invitee_role_2": "Foster carer",
    }
    started = page_form(client, f"/children/{child.id}/start-pep", form)
    assert started.status_code == 303, started.text
    pep = db.scalar(select(Pep).where(Pep.child_id == child.id))
    assert pep is not None and started.headers["location"] == f"/peps/{pep.id}"
    assert pep.pep_type == PepType.INITIAL and pep.status == PepStatus.DRAFT
    assert pep.meeting_date == meeting and pep.meeting_venue == "Riverside, room 2"
    assert [(a["name"], a["attended"]) for a in pep.attendees] == [
        ("Dee Turner", False),
        ("Morgan Lee", False),
    ]
    assert "Initial" in client.get(f"/peps/{pep.id}").text


def test_an_empty_add_child_form_names_every_missing_field_and_adds_nothing(
    client: TestClient, demo: Demo, db: Session
) -> None:
    before = _children(db)
    page_sign_in(client, "demo-vs")
    refused = page_form(client, "/children/new", {"first_name": " "})
    assert refused.status_code == 400
    for anchor in ("#first_name", "#last_name", "#date_of_birth-day", "#legal_status"):
        assert f'href="{anchor}"' in refused.text, anchor
    assert "Enter the date of birth" in refused.text
    assert _children(db) == before


def test_a_future_birthday_or_a_nonsense_date_is_refused_beside_the_field(
    client: TestClient, demo: Demo, db: Session
) -> None:
    before = _children(db)
    page_sign_in(client, "demo-vs")
    future = _boxes("date_of_birth", date.today() + timedelta(days=30))
    refused = page_form(client, "/children/new", _new_child(demo, **future))
    assert refused.status_code == 400
    assert "The date of birth cannot be in the future" in refused.text
    assert 'value="Mia"' in refused.text, "what was typed is shown again"
    nonsense = {"care_start_date-day": "31", "care_start_date-month": "2"}
    refused = page_form(client, "/children/new", _new_child(demo, **nonsense))
    assert "The date the child came into care must be a real date" in refused.text
    assert _children(db) == before


def test_only_the_virtual_school_adds_children(client: TestClient, demo: Demo, db: Session) -> None:
    before = _children(db)
    page_sign_in(client, "demo-sw")
    assert client.get("/children/new").status_code == 403
    assert 'href="/children/new"' not in client.get("/dashboard").text
    page_sign_in(client, "demo-vs")
    form = client.get("/children/new").text
    page_sign_in(client, "demo-sw")
    from tests.helpers import csrf_from

    token = csrf_from(client.get("/dashboard").text)
    posted = client.post("/children/new", data={**_new_child(demo), "csrftoken": token})
    assert posted.status_code == 403 and "Add the child" in form
    assert _children(db) == before


def test_a_start_pep_page_outside_the_caseload_is_not_found(
    client: TestClient, make: Factory
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    stranger = make.child()
    client.cookies.set("pep_voice_session", worker.token)
    assert client.get(f"/children/{stranger.id}/start-pep").status_code == 404


def test_replanning_keeps_who_came_and_adds_the_new_invitee(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep_id = demo.peps_by_band["KS2"]
    pep = db.get(Pep, pep_id)
    assert pep is not None
    pep.attendees = [{**a, "attended": a["name"] == "Dee Turner"} for a in pep.attendees]
    db.commit()
    page_sign_in(client, "demo-sw")
    page = client.get(f"/peps/{pep_id}/meeting-plan").text
    assert 'value="Morgan Lee"' in page and 'id="invitee_name_4"' in page
    rows = {a["name"]: a["role"] for a in pep.attendees}
    form = {"term": pep.term, **_boxes("meeting_date", pep.meeting_date), "venue": "Library"}
    for i, (name, role) in enumerate([*rows.items(), ("Sam's nan", "Family")]):
        form |= {f"invitee_name_{i}": name, f"invitee_role_{i}": role}
    saved = page_form(client, f"/peps/{pep_id}/meeting-plan", form)
    assert saved.status_code == 303, saved.text
    db.expire_all()
    came = {a["name"]: a["attended"] for a in db.get(Pep, pep_id).attendees}  # type: ignore[union-attr]
    assert came["Dee Turner"] is True and came["Sam's nan"] is False and len(came) == 5


def test_a_half_filled_row_a_bad_date_and_a_control_character_are_all_named(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep_id = demo.peps_by_band["KS2"]
    before = db.get(Pep, pep_id)
    assert before is not None
    kept = (before.meeting_venue, list(before.attendees))
    page_sign_in(client, "demo-sw")
    form = {
        "term": "Autumn 2026",
        "meeting_date-day": "12",
        "meeting_date-month": "13",
        "meeting_date-year": "2026",
        "venue": "Room\x002",
        "invitee_name_0": "Dee Turner",
    }
    refused = page_form(client, f"/peps/{pep_id}/meeting-plan", form)
    assert refused.status_code == 400
    assert "The date of the PEP meeting must be a real date" in refused.text
    assert 'href="#invitee_role_0"' in refused.text
    assert "Enter the role of invitee 1" in refused.text
    absurd = {**form, "meeting_date-month": "1", "meeting_date-year": "1066", "venue": "Room\x002"}
    absurd["invitee_role_0"] = "Designated teacher"
    refused = page_form(client, f"/peps/{pep_id}/meeting-plan", absurd)
    assert refused.status_code == 400
    assert "The date of the PEP meeting must be between" in refused.text
    assert 'href="#venue"' in refused.text and "The venue must be one line" in refused.text
    db.expire_all()
    after = db.get(Pep, pep_id)
    assert after is not None and (after.meeting_venue, after.attendees) == kept


def test_a_submitted_pep_cannot_be_replanned(client: TestClient, demo: Demo, db: Session) -> None:
    pep_id = demo.peps_by_band["KS3"]
    pep = db.get(Pep, pep_id)
    assert pep is not None
    pep.status = PepStatus.SUBMITTED
    db.commit()
    page_sign_in(client, "demo-sw")
    form = {"term": pep.term, "venue": "Elsewhere"}
    refused = page_form(client, f"/peps/{pep_id}/meeting-plan", form, from_page=f"/peps/{pep_id}")
    assert refused.status_code == 409
    assert 'href="/peps/' + pep_id + '/meeting-plan"' not in client.get(f"/peps/{pep_id}").text
