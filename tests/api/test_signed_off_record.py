"""A signed-off PEP is the record of its term: the child's record changing later (a new school,
a new SEND status, a corrected name) does not rewrite what the virtual school signed off."""

from __future__ import annotations

import io

from docx import Document
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy.orm import Session

from api.models import Child, Pep
from api.models.enums import PepStatus, Role
from tests.factories import Adult, Factory


def _about(html: str) -> str:
    return html.split("<h2>The child</h2>", 1)[1].split("<h2>", 1)[0]


def _signed_off(client: TestClient, make: Factory, db: Session) -> tuple[Adult, Adult, Pep, Child]:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker, first_name="Maya", last_name="Okafor")
    child.send_status = "sen_support"
    pep = make.complete_pep(child)
    pep.status = PepStatus.SUBMITTED
    db.flush()
    school = make.adult(Role.VIRTUAL_SCHOOL)
    signed = client.post(
        f"/api/v1/peps/{pep.id}/qa",
        headers=school.headers,
        json={"decision": "sign_off", "grade": "Good"},
    )
    assert signed.json()["status"] == "signed_off", signed.text
    return worker, school, pep, child


def test_the_signed_off_document_keeps_the_child_as_they_were_at_sign_off(
    client: TestClient, make: Factory, db: Session
) -> None:
    worker, school, pep, child = _signed_off(client, make, db)
    old_school = make.school.name
    # Next term: a new school, an EHCP, a corrected surname.
    child.school_id = make.another_school(name="Riverside Academy").id
    child.first_name, child.last_name = "Maia", "Okafor-Reid"
    db.flush()
    changed = client.patch(
        f"/api/v1/children/{child.id}", headers=worker.headers, json={"send_status": "ehcp"}
    )
    assert changed.status_code == 200, changed.text
    html = client.get(f"/api/v1/peps/{pep.id}/document.html", headers=school.headers).text
    about = _about(html)
    assert "Maya Okafor<" in about and "Okafor-Reid" not in html
    assert old_school in about and "Riverside Academy" not in about
    assert "SEN support" in about and "Education, health and care plan" not in about
    pdf = client.get(f"/api/v1/peps/{pep.id}/document.pdf", headers=school.headers)
    assert "Maya-Okafor.pdf" in pdf.headers["content-disposition"]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Maya Okafor: Personal Education Plan" in text and "Riverside" not in text
    docx = client.get(f"/api/v1/peps/{pep.id}/document.docx", headers=school.headers)
    cells = "\n".join(
        c.text for t in Document(io.BytesIO(docx.content)).tables for r in t.rows for c in r.cells
    )
    assert old_school in cells and "Riverside Academy" not in cells
    copy = client.get(f"/api/v1/peps/{pep.id}/my-copy.pdf", headers=worker.headers)
    assert "Maya-my-copy.pdf" in copy.headers["content-disposition"]
    # The child's record itself is as it is now.
    now = client.get(f"/api/v1/children/{child.id}", headers=worker.headers).json()
    assert now["last_name"] == "Okafor-Reid" and now["send_status"] == "ehcp"
    assert "Maia" in client.get(f"/api/v1/children/{child.id}", headers=worker.headers).text


def test_a_pep_not_yet_signed_off_prints_the_child_as_they_are_now(
    client: TestClient, make: Factory, db: Session
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker, first_name="Maya", last_name="Okafor")
    pep = make.complete_pep(child)
    child.last_name = "Okafor-Reid"
    db.flush()
    html = client.get(f"/api/v1/peps/{pep.id}/document.html", headers=worker.headers).text
    assert "Maya Okafor-Reid" in _about(html)


def test_next_terms_pep_prints_the_child_as_they_are_now(
    client: TestClient, make: Factory, db: Session
) -> None:
    worker, _school, pep, child = _signed_off(client, make, db)
    child.last_name = "Okafor-Reid"
    db.flush()
    started = client.post(f"/api/v1/peps/{pep.id}/next", headers=worker.headers)
    assert started.status_code == 201, started.text
    following = started.json()["pep_id"]
    html = client.get(f"/api/v1/peps/{following}/document.html", headers=worker.headers).text
    assert "Maya Okafor-Reid" in _about(html)
    old = client.get(f"/api/v1/peps/{pep.id}/document.html", headers=worker.headers).text
    assert "Maya Okafor<" in _about(old)
