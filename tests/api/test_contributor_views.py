"""Every contributor's voice (#15 item 2): the carer's view, the school's, and what the child
said at the meeting, each recorded by the right people, saying who gave it and who wrote it
down, and kept apart from the child's own "My views"."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.models.enums import PepStatus, Role
from tests.factories import Factory

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
