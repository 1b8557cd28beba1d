"""Sign-off means complete, and Halton's QA criteria decide the suggested grade."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.models import ContributorView, Pep, PepSection, ViewTopic, YoungPersonsView
from api.models.enums import ContributorKind, PepStatus, Role, TopicStatus
from api.services.qa_criteria import suggest_grade, table
from tests.factories import Adult, Factory
from tests.helpers import page_form

# Halton's academic and pastoral profile and SEMH, as a school records them in section D.
FULL_PROFILE = {
    "attendance": "97% this term",
    "exclusions": "None",
    "attainment": "Reading: working at the expected standard",
    "alternative_provision": "None; full timetable",
    "semh_needs": "Settled; weekly check-in with the learning mentor",
    "child_views_absence_reason": "",
}


def _submitted(make: Factory, db: Session, **fields: Any) -> tuple[Adult, Pep]:
    school = make.adult(Role.VIRTUAL_SCHOOL)
    pep = make.complete_pep(**fields)
    pep.status = PepStatus.SUBMITTED
    db.flush()
    return school, pep


def _report(client: TestClient, school: Adult, pep: Pep) -> dict[str, Any]:
    response = client.get(f"/api/v1/peps/{pep.id}/qa", headers=school.headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _sign_off(client: TestClient, school: Adult, pep: Pep) -> Any:
    return client.post(
        f"/api/v1/peps/{pep.id}/qa",
        headers=school.headers,
        json={"decision": "sign_off", "grade": "Good"},
    )


def test_a_complete_pep_signs_off(client: TestClient, make: Factory, db: Session) -> None:
    school, pep = _submitted(make, db)
    assert all(c["met"] for c in _report(client, school, pep)["checks"])
    assert _sign_off(client, school, pep).json()["status"] == "signed_off"


def test_a_pep_signs_off_on_the_day_of_its_meeting(
    client: TestClient, make: Factory, db: Session
) -> None:
    school, pep = _submitted(make, db, meeting_date=date.today())
    assert _sign_off(client, school, pep).json()["status"] == "signed_off"


@pytest.mark.parametrize(
    ("change", "check", "fix_at"),
    [
        ({"meeting_chair": None}, "chair_recorded", "#meeting_chair"),
        ({"meeting_summary": "  "}, "meeting_summary_recorded", "#meeting_summary"),
        ({"meeting_date": date.today() + timedelta(days=1)}, "meeting_held", "#meeting-record"),
        ({"meeting_date": None}, "meeting_held", "#meeting-record"),
    ],
)
def test_a_pep_missing_its_chair_or_summary_is_refused_with_the_link(
    client: TestClient, make: Factory, db: Session, change: dict[str, Any], check: str, fix_at: str
) -> None:
    school, pep = _submitted(make, db, **change)
    refused = _sign_off(client, school, pep)
    assert refused.status_code == 409
    assert refused.json()["errors"] == [
        {
            "field": check,
            "message": refused.json()["errors"][0]["message"],
            "fix_at": f"/peps/{pep.id}{fix_at}",
        }
    ]


def test_the_refusal_lists_every_missing_item_with_its_link(
    client: TestClient, make: Factory, db: Session
) -> None:
    school = make.adult(Role.VIRTUAL_SCHOOL)
    pep = make.pep(status=PepStatus.SUBMITTED)
    make.target(pep, kind="previous")  # carried over from last term, not reviewed
    refused = _sign_off(client, school, pep)
    assert refused.status_code == 409
    links = {e["field"]: e["fix_at"] for e in refused.json()["errors"]}
    page = f"/peps/{pep.id}"
    assert links == {
        "meeting_held": f"{page}#meeting-record",
        "attendees_recorded": f"{page}#meeting-record",
        "child_attended_or_invited": f"{page}#meeting-record",
        "next_meeting_date_set": f"{page}#meeting-record",
        "child_views_present": f"{page}#child-views",
        "chair_recorded": f"{page}#meeting_chair",
        "meeting_summary_recorded": f"{page}#meeting_summary",
        "actions_agreed": f"{page}#meeting-actions",
        "targets_set": f"{page}/targets#new-targets",
        "previous_targets_reviewed": f"{page}/targets#previous-targets",
    }
    assert db.get(Pep, pep.id).status == PepStatus.SUBMITTED  # type: ignore[union-attr]


def test_the_qa_page_lists_each_missing_item_linked_to_its_place(
    client: TestClient, make: Factory, db: Session
) -> None:
    school, pep = _submitted(make, db, meeting_chair=None)
    make.target(pep, kind="previous")
    client.cookies.set("pep_voice_session", school.token)
    qa = client.get(f"/peps/{pep.id}/qa").text
    assert f'href="/peps/{pep.id}#meeting_chair"' in qa
    assert f'href="/peps/{pep.id}/targets#previous-targets"' in qa
    refused = page_form(client, f"/peps/{pep.id}/qa", {"decision": "sign_off", "grade": "Good"})
    assert refused.status_code == 409
    assert f'<a href="/peps/{pep.id}#meeting_chair">Record who chaired the meeting</a>' in (
        refused.text
    )
    assert f'<a href="/peps/{pep.id}/targets#previous-targets">Review each of last term' in (
        refused.text
    )


def test_reviewed_targets_carried_from_last_term_let_it_sign_off(
    client: TestClient, make: Factory, db: Session
) -> None:
    school, pep = _submitted(make, db)
    make.target(pep, kind="previous", review_status="met", review_note="Reads 5 pages a day")
    assert _sign_off(client, school, pep).json()["status"] == "signed_off"


def test_the_report_gives_each_halton_criterion_in_halton_words(
    client: TestClient, make: Factory, db: Session
) -> None:
    school, pep = _submitted(make, db)
    criteria = _report(client, school, pep)["criteria"]
    assert [c["id"] for c in criteria] == [c["id"] for c in table()["criteria"]]
    by_id = {c["id"]: c for c in criteria}
    assert by_id["non_negotiables"]["wording"] == (
        "Non-negotiable elements of the PEP have been fully completed"
    )
    assert by_id["non_negotiables"]["met"] is True
    # Nothing carried over and no PP+ asked for: those two do not apply.
    assert by_id["previous_targets"]["met"] is None
    assert by_id["ppp_linked_to_targets"]["met"] is None
    # No attendance, exclusions or attainment recorded: Halton's red column.
    assert by_id["academic_pastoral_profile"]["level"] == "red"
    assert "attendance" in by_id["academic_pastoral_profile"]["evidence"]


def test_the_typed_school_data_and_summary_fill_the_profile_and_semh(
    client: TestClient, make: Factory, db: Session
) -> None:
    """Recorded on the school-data and education-summary pages, not as free-form fields."""
    school, pep = _submitted(make, db)
    pep.status = PepStatus.DRAFT
    db.flush()
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    term = {
        "attendance_percent": 97.0,
        "part_time_timetable": False,
        "health_wellbeing": "Settled; weekly check-in with the learning mentor",
        "attainment": [
            {"subject": "Reading", "current": "Expected", "expected": "Expected", "judgement": "at"}
        ],
    }
    saved = client.put(f"/api/v1/peps/{pep.id}/school-data", headers=teacher.headers, json=term)
    assert saved.status_code == 200, saved.text
    pep.status = PepStatus.SUBMITTED
    db.flush()
    by_id = {c["id"]: c for c in _report(client, school, pep)["criteria"]}
    assert by_id["academic_pastoral_profile"]["level"] == "green", by_id
    assert by_id["semh"]["level"] == "green"
    assert "attainment recorded" in by_id["academic_data_and_smart_targets"]["evidence"]


def _everything_green(make: Factory, db: Session, pep: Pep) -> None:
    """The profile and SEMH in section D, the child's views, the carer's and school's views."""
    section = db.query(PepSection).filter_by(pep_id=pep.id, key="D").one()
    section.content = FULL_PROFILE
    db.add(YoungPersonsView(pep_id=pep.id, completed_with_role="alone"))
    db.add(
        ViewTopic(
            pep_id=pep.id,
            topic="talents_and_interests",
            question="What are you good at?",
            answer="Drawing",
            status=TopicStatus.ANSWERED,
        )
    )
    writer = make.adult(Role.DESIGNATED_TEACHER)
    for kind in (ContributorKind.CARER, ContributorKind.SCHOOL):
        db.add(
            ContributorView(
                pep_id=pep.id,
                kind=kind,
                text="Settled",
                given_by="Morgan Lee",
                recorded_by_id=writer.user.id,
            )
        )
    db.flush()


def test_the_suggested_grade_follows_the_criteria(
    client: TestClient, make: Factory, db: Session
) -> None:
    school, pep = _submitted(make, db)
    report = _report(client, school, pep)
    assert report["suggested_grade"] == "Requires improvement"  # the profile is missing
    _everything_green(make, db, pep)
    report = _report(client, school, pep)
    levels = {c["id"]: c["level"] for c in report["criteria"]}
    assert set(levels.values()) <= {"green", None}, report["criteria"]
    # Green throughout, the target 5/5 and the child's words answered: Halton's Gold.
    assert [t["score"] for t in report["targets"]] == [5]
    assert report["suggested_grade"] == "Outstanding"
    client.cookies.set("pep_voice_session", school.token)
    page = client.get(f"/peps/{pep.id}/qa").text
    assert 'data-testid="qa-criteria"' in page
    assert "Students views have been recorded fully and concerns addressed in the PEP." in page


def _criterion(cid: str, level: str | None) -> dict[str, Any]:
    return {"id": cid, "level": level}


GREEN_TARGET = [{"score": 5}]


@pytest.mark.parametrize(
    ("levels", "targets", "voice", "grade"),
    [
        (
            {"non_negotiables": "green", "semh": "green", "ppp": None},
            GREEN_TARGET,
            [],
            "Outstanding",
        ),
        ({"non_negotiables": "green", "semh": "green"}, [{"score": 4}], [], "Good"),
        ({"non_negotiables": "green", "semh": "green"}, GREEN_TARGET, [{"rule": "x"}], "Good"),
        ({"non_negotiables": "green", "semh": "amber"}, GREEN_TARGET, [], "Requires improvement"),
        ({"non_negotiables": "amber", "semh": "green"}, GREEN_TARGET, [], "Requires improvement"),
        ({"non_negotiables": "red", "semh": "green"}, GREEN_TARGET, [], "Inadequate"),
        (
            {"non_negotiables": "green", "semh": "red", "views": "red", "profile": "green"},
            GREEN_TARGET,
            [],
            "Requires improvement",
        ),
        (
            {"non_negotiables": "amber", "semh": "red", "views": "red", "profile": "red"},
            GREEN_TARGET,
            [],
            "Inadequate",
        ),
    ],
)
def test_halton_rule_turns_the_columns_into_a_grade(
    levels: dict[str, str | None],
    targets: list[dict[str, int]],
    voice: list[dict[str, str]],
    grade: str,
) -> None:
    criteria = [_criterion(cid, level) for cid, level in levels.items()]
    assert suggest_grade(criteria, targets, voice) == grade
