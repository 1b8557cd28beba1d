"""Every contributor's voice (#15 item 2): the carer's view, the school's, and what the child
said at the meeting, each recorded by the right people, saying who gave it and who wrote it
down, and kept apart from the child's own "My views"."""

from __future__ import annotations

import io

import pytest
from docx import Document
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import AuditEntry
from api.models.enums import PepStatus, Role
from tests.factories import Factory
from tests.helpers import Demo, page_form, page_sign_in

CARER_WORDS = "She has been much calmer since the new reading routine at home"
WRITERS = {
    "carer": {Role.SOCIAL_WORKER, Role.DESIGNATED_TEACHER},
    "school": {Role.DESIGNATED_TEACHER},
    "child_at_meeting": {Role.SOCIAL_WORKER, Role.DESIGNATED_TEACHER},
}


def _url(pep_id: str) -> str:
    return f"/api/v1/peps/{pep_id}/contributor-views"


def _body(kind: str = "carer", **fields: str) -> dict[str, str]:
    return {"kind": kind, "text": CARER_WORDS, "given_by": "Morgan Lee", **fields}


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize(
    "role",
    [Role.SOCIAL_WORKER, Role.DESIGNATED_TEACHER, Role.VIRTUAL_SCHOOL],
    ids=lambda r: r.value,
)
def test_each_kind_is_recorded_only_by_its_writers(
    client: TestClient, make: Factory, kind: str, role: Role
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    caller = worker if role == Role.SOCIAL_WORKER else make.adult(role)
    pep = make.pep(make.child(social_worker=worker))
    sent = client.post(_url(pep.id), headers=caller.headers, json=_body(kind))
    if role not in WRITERS[kind]:
        assert sent.status_code == 403, sent.text
        assert client.get(_url(pep.id), headers=caller.headers).json() == []
        return
    assert sent.status_code == 201, sent.text
    got = sent.json()
    assert got["kind"] == kind and got["text"] == CARER_WORDS and got["given_by"] == "Morgan Lee"
    assert got["recorded_by"] == caller.user.full_name
    assert caller.user.full_name in got["recorded_as"] and "Morgan Lee" in got["recorded_as"]
    if kind == "carer":
        assert got["recorded_as"].startswith(f"Entered by {caller.user.full_name}")
        assert got["recorded_as"].endswith("with Morgan Lee")
    assert client.get(_url(pep.id), headers=caller.headers).json() == [got]


def test_a_teaching_assistant_or_safeguarding_lead_cannot_reach_them(
    client: TestClient, make: Factory
) -> None:
    pep = make.pep(make.child())
    make.adult(Role.DESIGNATED_TEACHER)
    for role in (Role.TEACHING_ASSISTANT, Role.SAFEGUARDING_LEAD):
        outsider = make.adult(role)
        assert client.get(_url(pep.id), headers=outsider.headers).status_code == 404
        sent = client.post(_url(pep.id), headers=outsider.headers, json=_body())
        assert sent.status_code == 404


def test_outside_the_caseload_the_pep_is_not_found(client: TestClient, make: Factory) -> None:
    mine, theirs = make.adult(Role.SOCIAL_WORKER), make.adult(Role.SOCIAL_WORKER)
    their_pep = make.pep(make.child(social_worker=theirs, school_id=make.another_school().id))
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    for caller in (mine, teacher):
        assert (
            client.post(_url(their_pep.id), headers=caller.headers, json=_body()).status_code == 404
        )
        assert client.get(_url(their_pep.id), headers=caller.headers).status_code == 404


@pytest.mark.parametrize("status", [PepStatus.SUBMITTED, PepStatus.SIGNED_OFF])
def test_nothing_is_recorded_once_the_pep_is_submitted(
    client: TestClient, make: Factory, status: PepStatus
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    pep = make.pep(make.child(), status=status)
    sent = client.post(_url(pep.id), headers=teacher.headers, json=_body("school"))
    assert sent.status_code == 409, sent.text
    assert client.get(_url(pep.id), headers=teacher.headers).json() == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", "   "),
        ("text", "x" * 2001),
        ("text", "calm\x00er"),
        ("text", "bell\x07"),
        ("given_by", ""),
        ("given_by", "Morgan\nLee"),
        ("given_by", "M" * 101),
        ("kind", "social_worker"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    client: TestClient, make: Factory, field: str, value: str
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    pep = make.pep(make.child())
    sent = client.post(_url(pep.id), headers=teacher.headers, json=_body(**{field: value}))
    assert sent.status_code == 422, sent.text
    assert field in sent.text
    assert client.get(_url(pep.id), headers=teacher.headers).json() == []


def test_the_words_are_kept_verbatim_and_never_in_my_views(
    client: TestClient, make: Factory
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    pep = make.pep(make.child())
    words = "I want to stay at this school.\n\tAnd I like Mr Khan's art club!"
    sent = client.post(
        _url(pep.id), headers=teacher.headers, json=_body("child_at_meeting", text=words)
    )
    assert sent.status_code == 201, sent.text
    assert sent.json()["text"] == words
    view = client.get(f"/api/v1/peps/{pep.id}/young-persons-view", headers=teacher.headers)
    assert "art club" not in view.text
    section = client.get(f"/api/v1/peps/{pep.id}/sections/B", headers=teacher.headers)
    assert "art club" not in section.text


def test_the_page_form_records_a_view_shown_apart_from_my_views(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-sw")
    form = {"view_kind": "carer", "view_text": CARER_WORDS, "view_given_by": "Morgan Lee"}
    saved = page_form(client, f"/peps/{pep}/contributor-views", form, from_page=f"/peps/{pep}")
    assert saved.status_code == 303, saved.text
    page = client.get(f"/peps/{pep}").text
    other = page.split('id="other-views"', 1)[1]
    mine = page.split('id="child-views"', 1)[1].split('id="other-views"', 1)[0]
    assert CARER_WORDS in other and "Carer&#39;s view" in other
    assert "Entered by Sol Walker (social worker) with Morgan Lee" in other
    assert CARER_WORDS not in mine


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (
            {"view_text": CARER_WORDS, "view_given_by": "Morgan Lee"},
            "view_kind",
            "Choose whose view this is",
        ),
        (
            {"view_kind": "school", "view_text": "  ", "view_given_by": "Dee"},
            "view_text",
            "Enter the view",
        ),
        (
            {"view_kind": "school", "view_text": "x" * 2001, "view_given_by": "Dee"},
            "view_text",
            "2,000 characters or fewer",
        ),
        (
            {"view_kind": "school", "view_text": "ok\x07", "view_given_by": "Dee"},
            "view_text",
            "cannot be stored",
        ),
        (
            {"view_kind": "school", "view_text": "ok", "view_given_by": ""},
            "view_given_by",
            "Enter the name",
        ),
    ],
)
def test_the_page_form_shows_an_error_summary_linked_to_the_field(
    client: TestClient, demo: Demo, form: dict[str, str], field: str, message: str
) -> None:
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-dt")
    failed = page_form(client, f"/peps/{pep}/contributor-views", form, from_page=f"/peps/{pep}")
    assert failed.status_code == 400, failed.text
    assert "There is a problem" in failed.text
    assert f'href="#{field}"' in failed.text and message in failed.text
    assert f'id="{field}"' in failed.text
    listed = client.get(f"/api/v1/peps/{pep}/contributor-views", headers=demo.auth("demo-dt"))
    assert listed.json() == []


def test_the_document_has_an_other_views_section_after_the_childs_views(
    client: TestClient, make: Factory
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER, full_name="Sam Worker")
    teacher = make.adult(Role.DESIGNATED_TEACHER, full_name="Dee Teacher")
    pep = make.pep(make.child(social_worker=worker))
    for caller, kind, words, who in (
        (worker, "carer", CARER_WORDS, "Morgan Lee"),
        (teacher, "school", "Settled well and joined the art club", "Dee Teacher"),
        (worker, "child_at_meeting", "I want to stay at this school", "Child"),
    ):
        sent = client.post(
            _url(pep.id), headers=caller.headers, json=_body(kind, text=words, given_by=who)
        )
        assert sent.status_code == 201, sent.text
    html = client.get(f"/api/v1/peps/{pep.id}/document.html", headers=teacher.headers).text
    after_my_views = html.split("My views (in my own words)", 1)[1]
    other = after_my_views.split("Other views", 1)[1]
    assert "Entered by Sam Worker (social worker) with Morgan Lee" in other and CARER_WORDS in other
    assert "School&#39;s view" in other and "Settled well" in other
    assert "I want to stay at this school" in other and "recorded by Sam Worker" in other
    docx = client.get(f"/api/v1/peps/{pep.id}/document.docx", headers=teacher.headers)
    assert docx.status_code == 200
    text = "\n".join(
        cell.text
        for table in Document(io.BytesIO(docx.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert CARER_WORDS in text and "Entered by Sam Worker (social worker) with Morgan Lee" in text
    pdf = client.get(f"/api/v1/peps/{pep.id}/document.pdf", headers=teacher.headers)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_each_read_and_write_is_audited_without_the_words(
    client: TestClient, make: Factory, db: Session
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    pep = make.pep(make.child())
    client.post(_url(pep.id), headers=teacher.headers, json=_body("school"))
    client.get(_url(pep.id), headers=teacher.headers)
    rows = db.scalars(select(AuditEntry).where(AuditEntry.pep_id == pep.id)).all()
    actions = [(r.action, r.detail, r.actor_id) for r in rows]
    assert ("contributor_view.write", "school", teacher.user.id) in actions
    assert ("contributor_view.read", None, teacher.user.id) in actions
    assert all(CARER_WORDS not in (r.detail or "") for r in rows)


def test_a_direction_override_in_a_view_is_refused_as_in_every_other_adult_field(
    client: TestClient, make: Factory
) -> None:
    """U+202E turns the words round in the document; the summary and names refused it, the
    carer's and the school's views did not."""
    worker = make.adult(Role.SOCIAL_WORKER)
    pep = make.pep(make.child(social_worker=worker))
    sent = client.post(
        _url(pep.id), headers=worker.headers, json=_body(text="\u202eNosaj is doing well")
    )
    assert sent.status_code == 422, sent.text
    assert "U+202E" in sent.json()["detail"]
    assert client.get(_url(pep.id), headers=worker.headers).json() == []
