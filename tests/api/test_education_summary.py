"""Section D's education summary (#15 item 1): progress since the last PEP, strengths, barriers
to learning, SEND support, interventions and how Pupil Premium Plus is used. Written whole by the
designated teacher or the virtual school while the PEP is open, read by anyone who may read the
PEP, shown on the PEP page and in every document."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import AuditEntry
from api.models.enums import PepStatus, Role
from tests.factories import Factory
from tests.helpers import Demo, based_on, page_form, page_sign_in

SUMMARY = {
    "progress_since_last_pep": "Met 2 of 3 targets; reading age up 8 months.",
    "strengths": "Art, and helping younger pupils at lunch club.",
    "barriers_to_learning": "Finds it hard to settle after weekend contact.",
    "send_support": "SEN support plan: small-group phonics three times a week.",
    "interventions": "Daily reading with the class TA.\nLego therapy on Fridays.",
    "pupil_premium_plus": "Tuition in maths (£600) and the art club (£90).",
}


def _url(pep_id: str) -> str:
    return f"/api/v1/peps/{pep_id}/education-summary"


def test_the_designated_teacher_saves_the_summary_and_saving_again_changes_nothing(
    client: TestClient, make: Factory, db: Session
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER, full_name="Dee Teacher")
    pep = make.pep(make.child()).id
    empty = client.get(_url(pep), headers=teacher.headers).json()
    assert all(empty[k] is None for k in SUMMARY) and empty["updated_by"] is None
    first = client.put(_url(pep), headers=teacher.headers, json=SUMMARY)
    assert first.status_code == 200, first.text
    assert client.put(_url(pep), headers=teacher.headers, json=SUMMARY).json() == first.json()
    got = client.get(_url(pep), headers=teacher.headers).json()
    assert {k: got[k] for k in SUMMARY} == SUMMARY and got["updated_by"] == "Dee Teacher"
    less = client.put(_url(pep), headers=teacher.headers, json={"strengths": "Art"}).json()
    assert less["strengths"] == "Art" and less["barriers_to_learning"] is None
    actions = db.scalars(select(AuditEntry.action).where(AuditEntry.pep_id == pep)).all()
    assert actions.count("education_summary.write") == 3 and "education_summary.read" in actions


def test_the_free_form_section_d_is_left_as_it_was(client: TestClient, make: Factory) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    pep = make.pep(make.child()).id
    section = {"content": {"attendance": "96%"}}
    assert client.put(f"/api/v1/peps/{pep}/sections/D", headers=teacher.headers, json=section)
    client.put(_url(pep), headers=teacher.headers, json=SUMMARY)
    got = client.get(f"/api/v1/peps/{pep}/sections/D", headers=teacher.headers).json()
    assert got["content"] == {"attendance": "96%"}


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.VIRTUAL_SCHOOL], ids=lambda r: r.value)
def test_the_social_worker_reads_it_and_the_virtual_school_may_correct_it(
    client: TestClient, make: Factory, role: Role
) -> None:
    teacher, worker = make.adult(Role.DESIGNATED_TEACHER), make.adult(Role.SOCIAL_WORKER)
    pep = make.pep(make.child(social_worker=worker)).id
    client.put(_url(pep), headers=teacher.headers, json=SUMMARY)
    caller = worker if role == Role.SOCIAL_WORKER else make.adult(role)
    assert client.get(_url(pep), headers=caller.headers).json()["strengths"] == SUMMARY["strengths"]
    sent = client.put(_url(pep), headers=caller.headers, json={**SUMMARY, "strengths": "Music"})
    if role == Role.SOCIAL_WORKER:
        assert sent.status_code == 403, sent.text
        assert client.get(_url(pep), headers=caller.headers).json()["strengths"] != "Music"
    else:
        assert sent.status_code == 200 and sent.json()["strengths"] == "Music"


def test_outside_the_caseload_the_pep_is_not_found(client: TestClient, make: Factory) -> None:
    elsewhere = make.another_school()
    pep = make.pep(make.child(school_id=elsewhere.id)).id
    for caller in (make.adult(Role.DESIGNATED_TEACHER), make.adult(Role.SOCIAL_WORKER)):
        assert client.get(_url(pep), headers=caller.headers).status_code == 404
        assert client.put(_url(pep), headers=caller.headers, json=SUMMARY).status_code == 404


@pytest.mark.parametrize("status", [PepStatus.SUBMITTED, PepStatus.SIGNED_OFF])
def test_nothing_is_saved_once_the_pep_is_submitted(
    client: TestClient, make: Factory, status: PepStatus
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    pep = make.pep(make.child(), status=status).id
    sent = client.put(_url(pep), headers=teacher.headers, json=SUMMARY)
    assert sent.status_code == 409, sent.text
    assert client.get(_url(pep), headers=teacher.headers).json()["strengths"] is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("strengths", "x" * 2001),
        ("barriers_to_learning", "calm\x00"),
        ("send_support", "bell\x07"),
        ("pupil_premium_plus", 600),
        ("targets", "Read more"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    client: TestClient, make: Factory, field: str, value: Any
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    pep = make.pep(make.child()).id
    sent = client.put(_url(pep), headers=teacher.headers, json={**SUMMARY, field: value})
    assert sent.status_code == 422, sent.text
    assert field in [e["field"] for e in sent.json()["errors"]]
    assert client.get(_url(pep), headers=teacher.headers).json()["strengths"] is None


def test_the_page_form_saves_the_summary_and_the_childs_send_fields(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-dt")
    page = client.get(f"/peps/{pep}").text
    assert f'href="/peps/{pep}/education-summary"' in page
    form = {
        **SUMMARY,
        "interventions": SUMMARY["interventions"].replace("\n", "\r\n"),
        "upn": "",
        "send_status": "sen_support",
        "ehcp_review-day": "",
        "ehcp_review-month": "",
        "ehcp_review-year": "",
    }
    saved = page_form(client, f"/peps/{pep}/education-summary", form)
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == f"/peps/{pep}#education-summary"
    headers = demo.auth("demo-dt")
    got = client.get(_url(pep), headers=headers).json()
    assert {k: got[k] for k in SUMMARY} == SUMMARY
    child = client.get(f"/api/v1/peps/{pep}", headers=headers).json()["child_id"]
    assert client.get(f"/api/v1/children/{child}", headers=headers).json()["send_status"] == (
        "sen_support"
    )
    page = client.get(f"/peps/{pep}").text
    block = page.split('id="education-summary"', 1)[1].split("</section>", 1)[0]
    assert "Barriers to learning" in block and "weekend contact" in block
    assert "SEN support" in page.split('id="care-details"', 1)[0]


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"strengths": "x" * 2001}, "strengths", "2,000 characters or fewer"),
        ({"send_support": "ok\x07"}, "send_support", "cannot be stored"),
        ({"send_status": "statement"}, "send_status", "The SEND status"),
        (
            {"ehcp_review-day": "1", "ehcp_review-month": "1", "ehcp_review-year": "1999"},
            "ehcp_review-day",
            "must be between",
        ),
        (
            {"ehcp_review-day": "30", "ehcp_review-month": "2", "ehcp_review-year": "2027"},
            "ehcp_review-day",
            "must be a real date",
        ),
    ],
)
def test_the_page_form_shows_an_error_summary_linked_to_the_field(
    client: TestClient, demo: Demo, form: dict[str, str], field: str, message: str
) -> None:
    pep = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-dt")
    failed = page_form(client, f"/peps/{pep}/education-summary", {**SUMMARY, **form})
    assert failed.status_code == 400, failed.text
    assert "There is a problem" in failed.text and message in failed.text
    assert f'href="#{field}"' in failed.text and f'id="{field}"' in failed.text
    # What was typed is kept, and nothing is stored.
    assert SUMMARY["barriers_to_learning"] in failed.text
    assert client.get(_url(pep), headers=demo.auth("demo-dt")).json()["strengths"] is None


def test_the_page_is_refused_to_the_social_worker_and_after_submission(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-sw")
    assert client.get(f"/peps/{pep}/education-summary").status_code == 403
    assert f'href="/peps/{pep}/education-summary"' not in client.get(f"/peps/{pep}").text


def test_the_documents_show_the_summary(client: TestClient, make: Factory) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    pep = make.pep(make.child()).id
    client.put(_url(pep), headers=teacher.headers, json=SUMMARY)
    html = client.get(f"/api/v1/peps/{pep}/document.html", headers=teacher.headers).text
    block = html.split("<h2>Education summary</h2>", 1)[1].split("<h2>", 1)[0]
    assert "Progress since the last PEP" in block and "reading age up 8 months" in block
    assert "How Pupil Premium Plus is used" in block and "Tuition in maths" in block
    docx = client.get(f"/api/v1/peps/{pep}/document.docx", headers=teacher.headers)
    document = Document(io.BytesIO(docx.content))
    assert "Education summary" in [p.text for p in document.paragraphs]
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Lego therapy on Fridays" in cells and "Barriers to learning" in cells
    pdf = client.get(f"/api/v1/peps/{pep}/document.pdf", headers=teacher.headers)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Education summary" in text and "weekend contact" in text


def test_a_second_tab_saving_over_the_first_is_refused_with_what_it_typed_kept(
    client: TestClient, demo: Demo
) -> None:
    """Two tabs (or the teacher and the virtual school) on one summary: the later save would
    silently undo the earlier."""
    pep = demo.peps_by_band["KS3"]
    path = f"/peps/{pep}/education-summary"
    page_sign_in(client, "demo-dt")
    opened = based_on(client.get(path).text)
    first = {**SUMMARY, "strengths": "Drama and football.", "based_on": opened}
    assert page_form(client, path, first).status_code == 303
    second = {**SUMMARY, "strengths": "Helping at lunch club.", "based_on": opened}
    refused = page_form(client, path, second)
    assert refused.status_code == 409, refused.text
    assert "saved this section after you opened it" in refused.text
    assert 'href="#progress_since_last_pep"' in refused.text  # the error summary links a field
    assert "Helping at lunch club." in refused.text  # what the second tab typed is kept
    stored = client.get(_url(pep), headers=demo.auth("demo-dt")).json()
    assert stored["strengths"] == "Drama and football."
    knowingly = {**second, "based_on": based_on(refused.text)}
    assert page_form(client, path, knowingly).status_code == 303
    assert client.get(_url(pep), headers=demo.auth("demo-dt")).json()["strengths"] == (
        "Helping at lunch club."
    )


def test_the_api_refuses_a_summary_saved_from_an_older_reading(
    client: TestClient, make: Factory
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER, full_name="Dee Teacher")
    pep = make.pep(make.child()).id
    never = client.get(_url(pep), headers=teacher.headers).json()["updated_at"] or ""
    assert never == ""
    saved = client.put(_url(pep), headers=teacher.headers, json={**SUMMARY, "based_on": never})
    assert saved.status_code == 200, saved.text
    stale = client.put(
        _url(pep), headers=teacher.headers, json={"strengths": "Other", "based_on": never}
    )
    assert stale.status_code == 409 and "Dee Teacher saved this section" in stale.json()["detail"]
    stored = client.get(_url(pep), headers=teacher.headers).json()
    assert stored["strengths"] == SUMMARY["strengths"]
    current = {"strengths": "Art", "based_on": saved.json()["updated_at"]}
    assert client.put(_url(pep), headers=teacher.headers, json=current).status_code == 200
