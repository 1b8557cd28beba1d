"""Dates each valid alone but impossible together: refused by name, with nothing stored.

A meeting before the child was born or came into care, a next meeting not after this one, or a
suspension before the child's birth would print in the PEP as fact."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from api.models.enums import Role
from tests.api.test_school_data import _body, _suspension, _url
from tests.factories import Factory

BORN = date(2013, 6, 1)
IN_CARE = date(2026, 1, 20)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"meeting_date": "2012-01-01"}, "meeting_date", "before the child's date of birth"),
        ({"meeting_date": "2025-11-01"}, "meeting_date", "before the child came into care"),
        ({"next_meeting_date": "2027-01-10"}, "next_meeting_date", "after this meeting"),
        ({"next_meeting_date": "2027-01-11"}, "next_meeting_date", "after this meeting"),
    ],
)
def test_a_pep_date_that_cannot_be_is_refused_by_name_and_nothing_changes(
    client: TestClient, make: Factory, change: dict[str, str], field: str, words: str
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker, date_of_birth=BORN, care_start_date=IN_CARE)
    pep = make.pep(child, meeting_date=date(2027, 1, 11), next_meeting_date=date(2027, 4, 12))
    path = f"/api/v1/peps/{pep.id}"
    refused = client.patch(path, json=change, headers=worker.headers)
    assert refused.status_code == 422, refused.text
    assert [e["field"] for e in refused.json()["errors"]] == [field]
    assert words in refused.json()["errors"][0]["message"]
    kept = client.get(path, headers=worker.headers).json()
    assert (kept["meeting_date"], kept["next_meeting_date"]) == ("2027-01-11", "2027-04-12")


def test_a_meeting_moved_after_the_next_one_is_refused_and_a_sensible_one_kept(
    client: TestClient, make: Factory
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    child = make.child(social_worker=worker, date_of_birth=BORN, care_start_date=IN_CARE)
    pep = make.pep(child, meeting_date=date(2027, 1, 11), next_meeting_date=date(2027, 4, 12))
    path = f"/api/v1/peps/{pep.id}"
    late = client.patch(path, json={"meeting_date": "2027-05-01"}, headers=worker.headers)
    assert late.status_code == 422 and late.json()["errors"][0]["field"] == "next_meeting_date"
    moved = client.patch(path, json={"meeting_date": "2027-01-18"}, headers=worker.headers)
    assert moved.status_code == 200, moved.text


def test_a_suspension_before_the_child_was_born_is_refused(
    client: TestClient, make: Factory
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    child = make.child(date_of_birth=BORN, care_start_date=IN_CARE)
    pep = make.pep(child)
    body = _body(suspensions=[_suspension(start_date=(BORN - timedelta(days=1)).isoformat())])
    refused = client.put(_url(pep.id), json=body, headers=teacher.headers)
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == "suspensions.0.start_date"
    assert client.get(_url(pep.id), headers=teacher.headers).json()["suspensions"] == []
    body = _body(suspensions=[_suspension(start_date="2026-10-03")])
    assert client.put(_url(pep.id), json=body, headers=teacher.headers).status_code == 200
