"""The school's data for the term (#15 item 3): attendance, timetable, suspensions and
attainment recorded by the school, read by the social worker, in the PEP and its documents,
and the virtual school told at once of attendance below 95% or a suspension."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import AuditEntry, Authority, VirtualSchoolFlag
from api.models.enums import PepStatus, Role
from tests.factories import Adult, Factory
from tests.helpers import Demo, based_on, page_form, page_sign_in

REASON = "Threw a chair in the science lab"
WELLBEING = "Settling with the new carer; sees the school counsellor on Tuesdays"


def _url(pep_id: str) -> str:
    return f"/api/v1/peps/{pep_id}/school-data"


def _body(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "attendance_percent": 96.5,
        "sessions_possible": 120,
        "sessions_attended": 116,
        "late_sessions": 3,
        "punctuality_percent": 97.5,
        "part_time_timetable": True,
        "part_time_hours_per_week": 15,
        "part_time_details": "Mornings only, building up after a long absence",
        "part_time_review_date": "2027-01-15",
        "alternative_provision": "",
        "at_risk_of_exclusion": False,
        "health_wellbeing": WELLBEING,
        "suspensions": [],
        "attainment": [
            {
                "subject": "Maths",
                "current": "Working at 4",
                "expected": "Grade 5",
                "judgement": "below",
            },
        ],
    }
    return {**body, **fields}


def _suspension(**fields: Any) -> dict[str, Any]:
    row = {"kind": "suspension", "start_date": "2026-10-03", "days": 2, "reason": REASON}
    return {**row, **fields}


@pytest.fixture
def school(make: Factory) -> tuple[Adult, Adult, Adult, str]:
    """The DT, the SW and the VS of one child's draft PEP."""
    worker = make.adult(Role.SOCIAL_WORKER)
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    vs = make.adult(Role.VIRTUAL_SCHOOL)
    pep = make.pep(make.child(social_worker=worker))
    return teacher, worker, vs, pep.id


def _flags(db: Session, pep_id: str) -> list[VirtualSchoolFlag]:
    return list(db.scalars(select(VirtualSchoolFlag).where(VirtualSchoolFlag.pep_id == pep_id)))


def test_the_whole_record_round_trips_and_the_social_worker_reads_it(
    client: TestClient, school: tuple[Adult, Adult, Adult, str]
) -> None:
    teacher, worker, _vs, pep = school
    empty = client.get(_url(pep), headers=worker.headers)
    assert empty.status_code == 200 and empty.json()["recorded"] is False
    body = _body(suspensions=[_suspension(days=1.5)])
    saved = client.put(_url(pep), headers=teacher.headers, json=body)
    assert saved.status_code == 200, saved.text
    got = client.get(_url(pep), headers=worker.headers).json()
    assert got == saved.json()
    assert got["recorded"] is True and got["updated_by"] == teacher.user.full_name
    for key in (
        "attendance_percent",
        "sessions_possible",
        "part_time_review_date",
        "health_wellbeing",
        "attainment",
    ):
        assert got[key] == body[key], key
    assert got["suspensions"] == [_suspension(days=1.5)]
    again = client.put(_url(pep), headers=teacher.headers, json=body)
    assert again.json()["suspensions"] == got["suspensions"]
    assert again.json()["attainment"] == got["attainment"]


def test_the_percentage_is_worked_out_from_the_sessions_when_not_given(
    client: TestClient, school: tuple[Adult, Adult, Adult, str]
) -> None:
    teacher, _worker, _vs, pep = school
    body = _body(attendance_percent=None, sessions_possible=1000, sessions_attended=949)
    got = client.put(_url(pep), headers=teacher.headers, json=body).json()
    # Rounded down, never up past the 95% line.
    assert got["attendance_percent"] == 94.9


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"attendance_percent": 120}, "attendance_percent"),
        ({"attendance_percent": -1}, "attendance_percent"),
        ({"attendance_percent": 94.55}, "attendance_percent"),
        ({"sessions_possible": 100, "sessions_attended": 101}, "sessions_attended"),
        ({"sessions_possible": 100, "late_sessions": 101}, "late_sessions"),
        ({"part_time_review_date": "1066-10-14"}, "part_time_review_date"),
        # JSON true was 1 (stored as 1.0% attendance, a false flag); 0 was "no".
        ({"attendance_percent": True}, "attendance_percent"),
        ({"sessions_possible": True, "sessions_attended": False}, "sessions_possible"),
        ({"late_sessions": True}, "late_sessions"),
        ({"part_time_timetable": 0}, "part_time_timetable"),
        ({"at_risk_of_exclusion": 1}, "at_risk_of_exclusion"),
        ({"part_time_review_date": "2027-02-30"}, "part_time_review_date"),
        ({"part_time_timetable": False}, "part_time_details"),
        ({"health_wellbeing": "calm\x00er"}, "health_wellbeing"),
        ({"suspensions": [_suspension(start_date="9999-01-01")]}, "suspensions.0.start_date"),
        ({"suspensions": [_suspension(days=1.25)]}, "suspensions.0.days"),
        ({"suspensions": [_suspension(days=None)]}, "suspensions.0.days"),
        ({"suspensions": [_suspension(reason="bad\x00")]}, "suspensions.0.reason"),
        (
            {
                "attainment": [
                    {"subject": "Maths\x00", "current": "4", "expected": "5", "judgement": "at"}
                ]
            },
            "attainment.0.subject",
        ),
        (
            {
                "attainment": [
                    {"subject": "Maths", "current": "4", "expected": "5", "judgement": "brilliant"}
                ]
            },
            "attainment.0.judgement",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_stored(
    client: TestClient,
    school: tuple[Adult, Adult, Adult, str],
    db: Session,
    fields: dict[str, Any],
    field: str,
) -> None:
    teacher, _worker, _vs, pep = school
    sent = client.put(_url(pep), headers=teacher.headers, json=_body(**fields))
    assert sent.status_code == 422, sent.text
    assert field in [e["field"] for e in sent.json()["errors"]], sent.json()
    assert client.get(_url(pep), headers=teacher.headers).json()["recorded"] is False
    assert _flags(db, pep) == []


def test_outside_the_caseload_the_pep_is_not_found(client: TestClient, make: Factory) -> None:
    mine, theirs = make.adult(Role.SOCIAL_WORKER), make.adult(Role.SOCIAL_WORKER)
    their_pep = make.pep(make.child(social_worker=theirs, school_id=make.another_school().id))
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    for caller in (mine, teacher, make.adult(Role.TEACHING_ASSISTANT)):
        assert client.get(_url(their_pep.id), headers=caller.headers).status_code == 404
        sent = client.put(_url(their_pep.id), headers=caller.headers, json=_body())
        assert sent.status_code == 404


def test_the_social_worker_cannot_write_it(
    client: TestClient, school: tuple[Adult, Adult, Adult, str]
) -> None:
    _teacher, worker, _vs, pep = school
    sent = client.put(_url(pep), headers=worker.headers, json=_body())
    assert sent.status_code == 403, sent.text
    assert client.get(_url(pep), headers=worker.headers).json()["recorded"] is False


@pytest.mark.parametrize("status", [PepStatus.SUBMITTED, PepStatus.SIGNED_OFF])
def test_nothing_is_stored_once_the_pep_is_submitted(
    client: TestClient, make: Factory, status: PepStatus
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    pep = make.pep(make.child(), status=status)
    sent = client.put(_url(pep.id), headers=teacher.headers, json=_body())
    assert sent.status_code == 409, sent.text


def test_attendance_below_95_flags_the_virtual_school_once(
    client: TestClient, school: tuple[Adult, Adult, Adult, str], db: Session
) -> None:
    teacher, _worker, vs, pep = school
    at_95 = client.put(_url(pep), headers=teacher.headers, json=_body(attendance_percent=95.0))
    assert at_95.status_code == 200 and _flags(db, pep) == []
    below = client.put(_url(pep), headers=teacher.headers, json=_body(attendance_percent=94.9))
    assert below.status_code == 200
    flags = _flags(db, pep)
    assert [f.kind.value for f in flags] == ["low_attendance"]
    assert "94.9%" in flags[0].detail
    for percent in (94.9, 90.0):
        client.put(_url(pep), headers=teacher.headers, json=_body(attendance_percent=percent))
    assert len(_flags(db, pep)) == 1
    listed = client.get("/api/v1/flags", headers=vs.headers).json()
    assert [(f["pep_id"], f["kind"]) for f in listed] == [(pep, "low_attendance")]


def test_a_suspension_flags_the_virtual_school_without_the_reason(
    client: TestClient, school: tuple[Adult, Adult, Adult, str], db: Session
) -> None:
    teacher, _worker, _vs, pep = school
    saved = client.put(_url(pep), headers=teacher.headers, json=_body(suspensions=[_suspension()]))
    assert saved.status_code == 200
    flags = _flags(db, pep)
    assert [f.kind.value for f in flags] == ["suspension"]
    assert "03/10/2026" in flags[0].detail and REASON not in flags[0].detail
    client.put(_url(pep), headers=teacher.headers, json=_body(suspensions=[_suspension()] * 2))
    assert len(_flags(db, pep)) == 1


def test_a_child_at_risk_of_exclusion_flags_the_virtual_school_at_once(
    client: TestClient, school: tuple[Adult, Adult, Adult, str], db: Session
) -> None:
    """Halton: where a child is at risk of exclusion the virtual school is told immediately."""
    teacher, _worker, _vs, pep = school
    client.put(_url(pep), headers=teacher.headers, json=_body(at_risk_of_exclusion=False))
    assert _flags(db, pep) == []
    saved = client.put(_url(pep), headers=teacher.headers, json=_body(at_risk_of_exclusion=True))
    assert saved.status_code == 200
    assert [f.kind.value for f in _flags(db, pep)] == ["at_risk_of_exclusion"]
    client.put(_url(pep), headers=teacher.headers, json=_body(at_risk_of_exclusion=True))
    assert len(_flags(db, pep)) == 1


def test_the_virtual_school_acknowledges_a_flag_only_in_its_authority(
    client: TestClient, school: tuple[Adult, Adult, Adult, str], make: Factory, db: Session
) -> None:
    teacher, worker, vs, pep = school
    client.put(_url(pep), headers=teacher.headers, json=_body(attendance_percent=80))
    flag = _flags(db, pep)[0]
    elsewhere = Authority(name="Another authority")
    db.add(elsewhere)
    db.flush()
    other_vs = make.adult(Role.VIRTUAL_SCHOOL, authority_id=elsewhere.id)
    for outsider in (teacher, worker, other_vs):
        refused = client.post(f"/api/v1/flags/{flag.id}/acknowledge", headers=outsider.headers)
        assert refused.status_code == 404, refused.text
        assert client.get("/api/v1/flags", headers=outsider.headers).json() == []
    done = client.post(f"/api/v1/flags/{flag.id}/acknowledge", headers=vs.headers)
    assert done.status_code == 200, done.text
    assert done.json()["acknowledged_by"] == vs.user.full_name
    assert client.get("/api/v1/flags", headers=vs.headers).json() == []
    kept = client.get("/api/v1/flags?include_acknowledged=true", headers=vs.headers).json()
    assert [f["id"] for f in kept] == [flag.id]
    # Acknowledged, and a further save below 95% does not raise it again.
    client.put(_url(pep), headers=teacher.headers, json=_body(attendance_percent=70))
    assert client.get("/api/v1/flags", headers=vs.headers).json() == []


def test_reads_and_writes_are_audited_without_the_schools_words(
    client: TestClient, school: tuple[Adult, Adult, Adult, str], db: Session
) -> None:
    teacher, _worker, _vs, pep = school
    client.put(_url(pep), headers=teacher.headers, json=_body(suspensions=[_suspension()]))
    client.get(_url(pep), headers=teacher.headers)
    rows = db.scalars(select(AuditEntry).where(AuditEntry.pep_id == pep)).all()
    actions = {(r.action, r.actor_id) for r in rows}
    assert ("school_data.write", teacher.user.id) in actions
    assert ("school_data.read", teacher.user.id) in actions
    assert all(
        REASON not in (r.detail or "") and "counsellor" not in (r.detail or "") for r in rows
    )


def test_every_document_format_shows_the_terms_school_data(
    client: TestClient, school: tuple[Adult, Adult, Adult, str]
) -> None:
    teacher, worker, _vs, pep = school
    body = _body(attendance_percent=93.4, suspensions=[_suspension()])
    assert client.put(_url(pep), headers=teacher.headers, json=body).status_code == 200
    suspension = f"Suspension from 03/10/2026: 2 days: {REASON}"
    html = client.get(f"/api/v1/peps/{pep}/document.html", headers=worker.headers).text
    section = html.split("Attendance, exclusions and attainment this term", 1)[1]
    section = section.split("<h2>", 1)[0]
    for words in (
        "93.4%",
        "Suspension from 03/10/2026",
        REASON,
        "Attainment in Maths",
        "Now: Working at 4; expected: Grade 5 (below expected)",
        "counsellor",
    ):
        assert words in section, words
    docx = client.get(f"/api/v1/peps/{pep}/document.docx", headers=worker.headers)
    word = Document(io.BytesIO(docx.content))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Attendance, exclusions and attainment this term" in headings
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "93.4%" in cells and "Suspension from 03/10/2026" in cells
    assert f"2 days: {REASON}" in cells
    pdf = client.get(f"/api/v1/peps/{pep}/document.pdf", headers=worker.headers)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    text = " ".join(text.split())
    assert "Attendance, exclusions and attainment this term" in text
    assert "93.4%" in text and "Suspension from 03/10/2026" in text and "chair" in text
    assert suspension.split(":")[0] in text


FORM = {
    "attendance_percent": "93.5%",
    "sessions_possible": "",
    "sessions_attended": "",
    "late_sessions": "4",
    "punctuality_percent": "96",
    "part_time_timetable": "yes",
    "part_time_hours_per_week": "12.5",
    "part_time_details": "Mornings only",
    "part_time_review_date-day": "15",
    "part_time_review_date-month": "1",
    "part_time_review_date-year": "2027",
    "alternative_provision": "",
    "at_risk_of_exclusion": "no",
    "health_wellbeing": WELLBEING,
    "suspensions-0-kind": "suspension",
    "suspensions-0-start_date-day": "3",
    "suspensions-0-start_date-month": "10",
    "suspensions-0-start_date-year": "2026",
    "suspensions-0-days": "0.5",
    "suspensions-0-reason": REASON,
    "suspensions-1-kind": "",
    "suspensions-1-start_date-day": "",
    "suspensions-1-start_date-month": "",
    "suspensions-1-start_date-year": "",
    "suspensions-1-days": "",
    "suspensions-1-reason": "",
    "attainment-0-subject": "English",
    "attainment-0-current": "Working towards",
    "attainment-0-expected": "Expected standard",
    "attainment-0-judgement": "below",
    "attainment-1-subject": "",
    "attainment-1-current": "",
    "attainment-1-expected": "",
    "attainment-1-judgement": "",
}


def test_the_form_offers_govuk_fields_and_two_blank_rows(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-dt")
    html = client.get(f"/peps/{pep}/school-data").text
    assert 'id="attendance_percent"' in html and 'inputmode="decimal"' in html
    assert "govuk-input__suffix" in html and ">%<" in html
    assert "govuk-radios__conditional" not in html, "no aria-expanded on a radio (axe)"
    assert 'id="part_time_review_date-day"' in html
    assert "govuk-character-count" in html and 'id="health_wellbeing"' in html
    assert html.count('data-testid="suspension-row"') == 2
    assert html.count('data-testid="attainment-row"') == 2


def test_the_form_saves_ignores_blank_rows_and_shows_on_the_pep_page(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-dt")
    saved = page_form(client, f"/peps/{pep}/school-data", FORM)
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == f"/peps/{pep}#school-data"
    got = client.get(_url(pep), headers=demo.auth("demo-sw")).json()
    assert got["attendance_percent"] == 93.5 and got["part_time_hours_per_week"] == 12.5
    assert got["part_time_review_date"] == "2027-01-15"
    assert got["suspensions"] == [_suspension(days=0.5)]
    assert [a["subject"] for a in got["attainment"]] == ["English"]
    assert {f.kind.value for f in _flags(db, pep)} == {"low_attendance", "suspension"}
    page = client.get(f"/peps/{pep}").text
    block = page.split('id="school-data"', 1)[1].split("<h2", 1)[0]
    assert "93.5%" in block and "Suspension from 03/10/2026" in block and "0.5 days" in block
    assert 'data-testid="school-data-link"' in block
    form_again = client.get(f"/peps/{pep}/school-data").text
    assert form_again.count('data-testid="suspension-row"') == 3  # one saved, two blank
    assert 'value="93.5"' in form_again


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"attendance_percent": "120"}, "attendance_percent", "from 0 to 100"),
        ({"attendance_percent": "lots"}, "attendance_percent", "from 0 to 100"),
        (
            {"sessions_possible": "100", "sessions_attended": "140"},
            "sessions_attended",
            "cannot be more than the sessions possible",
        ),
        ({"part_time_review_date-month": "13"}, "part_time_review_date-day", "real date"),
        ({"suspensions-0-start_date-year": "1850"}, "suspensions-0-start_date-day", "between"),
        ({"suspensions-0-days": "1.25"}, "suspensions-0-days", "half days"),
        ({"suspensions-0-reason": ""}, "suspensions-0-reason", "Suspension 1: enter the reason"),
        (
            {"attainment-0-judgement": ""},
            "attainment-0-judgement",
            "Attainment 1: choose how it compares",
        ),
        ({"health_wellbeing": "ok\x07"}, "health_wellbeing", "cannot be stored"),
    ],
)
def test_the_form_shows_each_error_linked_to_its_field_and_stores_nothing(
    client: TestClient, demo: Demo, db: Session, changes: dict[str, str], field: str, message: str
) -> None:
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-dt")
    failed = page_form(client, f"/peps/{pep}/school-data", {**FORM, **changes})
    assert failed.status_code == 400, failed.text
    assert "There is a problem" in failed.text and f'href="#{field}"' in failed.text
    assert message in failed.text and f'id="{field}"' in failed.text
    assert "govuk-error-message" in failed.text
    assert REASON in failed.text or changes.get("suspensions-0-reason") == ""  # kept as typed
    assert client.get(_url(pep), headers=demo.auth("demo-dt")).json()["recorded"] is False
    assert _flags(db, pep) == []


def test_the_social_worker_sees_the_block_but_not_the_form(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-sw")
    page = client.get(f"/peps/{pep}").text
    assert 'id="school-data"' in page and 'data-testid="school-data-link"' not in page
    assert client.get(f"/peps/{pep}/school-data").status_code == 403


def test_the_virtual_school_sees_and_acknowledges_flags_on_its_dashboard(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep = demo.peps_by_band["KS3"]
    body = _body(attendance_percent=91.0)
    assert client.put(_url(pep), headers=demo.auth("demo-dt"), json=body).status_code == 200
    page_sign_in(client, "demo-vs")
    dashboard = client.get("/dashboard").text
    table = dashboard.split('data-testid="flag-table"', 1)[1].split("</table>", 1)[0]
    assert f'href="/peps/{pep}#school-data"' in table and "91.0%" in table
    flag = _flags(db, pep)[0]
    done = page_form(client, f"/flags/{flag.id}/acknowledge", {}, from_page="/dashboard")
    assert done.status_code == 303, done.text
    assert "No open flags." in client.get("/dashboard").text
    db.refresh(flag)
    assert flag.acknowledged_at is not None


def test_a_designated_teacher_has_no_flags_on_the_dashboard(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS3"]
    client.put(_url(pep), headers=demo.auth("demo-dt"), json=_body(attendance_percent=50))
    page_sign_in(client, "demo-dt")
    assert 'id="flags"' not in client.get("/dashboard").text


def test_a_second_tab_saving_over_the_first_is_refused_with_what_it_typed_kept(
    client: TestClient, demo: Demo, db: Session
) -> None:
    """The teacher and the virtual school (or two tabs) on one term's record: the later save
    would silently undo the earlier, suspensions and all."""
    pep = demo.peps_by_band["KS3"]
    path = f"/peps/{pep}/school-data"
    page_sign_in(client, "demo-dt")
    opened = based_on(client.get(path).text)
    assert opened == ""  # never saved
    assert page_form(client, path, {**FORM, "based_on": opened}).status_code == 303
    second = {**FORM, "attendance_percent": "88", "based_on": opened}
    refused = page_form(client, path, second)
    assert refused.status_code == 409, refused.text
    assert "saved this section after you opened it" in refused.text
    assert 'href="#attendance_percent"' in refused.text and 'value="88"' in refused.text
    assert client.get(_url(pep), headers=demo.auth("demo-dt")).json()["attendance_percent"] == 93.5
    knowingly = {**second, "based_on": based_on(refused.text)}
    assert page_form(client, path, knowingly).status_code == 303
    assert client.get(_url(pep), headers=demo.auth("demo-dt")).json()["attendance_percent"] == 88


def test_the_api_refuses_a_record_saved_from_an_older_reading(
    client: TestClient, make: Factory
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER, full_name="Dee Teacher")
    pep = make.pep(make.child()).id
    read = client.get(_url(pep), headers=teacher.headers).json()["updated_at"] or ""
    first = client.put(_url(pep), headers=teacher.headers, json=_body(based_on=read))
    assert first.status_code == 200, first.text
    stale = client.put(
        _url(pep), headers=teacher.headers, json=_body(attendance_percent=80, based_on=read)
    )
    assert stale.status_code == 409 and "Dee Teacher saved this section" in stale.json()["detail"]
    assert client.get(_url(pep), headers=teacher.headers).json()["attendance_percent"] == 96.5
    unsaid = client.put(_url(pep), headers=teacher.headers, json=_body(attendance_percent=80))
    assert unsaid.status_code == 200  # a client that does not say what it read is not refused
