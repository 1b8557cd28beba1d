"""Who helped the child, by name, and any interpreter: recorded per session, kept by "My views",
and printed in the PEP."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.helpers import Demo, page_form, page_sign_in


def _open(client: TestClient, demo: Demo, user: str, pep: str, **body: Any) -> Any:
    return client.post(f"/api/v1/peps/{pep}/voice-sessions", headers=demo.auth(user), json=body)


def _helper(client: TestClient, demo: Demo, pep: str) -> dict[str, Any]:
    view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt"))
    return dict(view.json()["completed_with"])


def test_the_helpers_name_comes_from_who_they_are(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS2"]
    opened = _open(client, demo, "demo-dt", pep, mode="my_views", helper_role="designated_teacher")
    assert opened.status_code == 201, opened.text
    assert _helper(client, demo, pep)["name"] == "Dee Turner"
    by_ta = _open(
        client,
        demo,
        "demo-dt",
        pep,
        mode="my_views",
        helper_role="teaching_assistant",
        helper_username="demo-ta",
    )
    assert by_ta.status_code == 201
    assert _helper(client, demo, pep)["name"] == "Tia Adams"


def test_a_typed_helper_and_an_interpreter_are_recorded_and_printed(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS3"]
    opened = _open(
        client,
        demo,
        "demo-sw",
        pep,
        mode="my_views",
        helper_role="social_worker",
        helper_name="Łucja Kowalska (foster carer)",
        interpreter_language="Polish",
    )
    assert opened.status_code == 201, opened.text
    helper = _helper(client, demo, pep)
    assert helper["name"] == "Łucja Kowalska (foster carer)"
    assert helper["interpreter_language"] == "Polish"
    document = client.get(f"/api/v1/peps/{pep}/document.html", headers=demo.auth("demo-vs"))
    assert "Łucja Kowalska (foster carer), social worker" in document.text
    assert "Polish" in document.text


def test_getting_ready_for_the_meeting_keeps_who_helped_with_my_views(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS4"]
    _open(client, demo, "demo-dt", pep, mode="my_views", helper_role="designated_teacher")
    later = _open(client, demo, "demo-sw", pep, mode="meeting_prep", helper_role="social_worker")
    assert later.status_code == 201
    assert _helper(client, demo, pep) == {
        "role": "designated_teacher",
        "support": [],
        "name": "Dee Turner",
        "interpreter_language": None,
    }


def test_hostile_helper_names_are_refused_with_the_field_named(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS2"]
    for field, value in (
        ("helper_name", "Morgan\x00Lee"),
        ("helper_name", "Morgan\nLee"),
        ("interpreter_language", "x" * 61),
    ):
        response = _open(
            client, demo, "demo-dt", pep, mode="my_views", helper_role="alone", **{field: value}
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == field
    unknown = _open(
        client,
        demo,
        "demo-dt",
        pep,
        mode="my_views",
        helper_role="teaching_assistant",
        helper_username="nobody-here",
    )
    # Refused by the service, not the schema: named the same way all the same.
    assert unknown.status_code == 422
    assert [e["field"] for e in unknown.json()["errors"]] == ["helper_username"]
    arabic = _open(
        client, demo, "demo-dt", pep, mode="my_views", helper_role="alone", helper_name="فاطمة"
    )
    assert arabic.status_code == 201


def test_the_pep_page_form_records_the_helper_and_the_language(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS1"]
    page_sign_in(client, "demo-sw")
    response = page_form(
        client,
        f"/peps/{pep}/voice-sessions",
        {
            "mode": "my_views",
            "helper_role": "social_worker",
            "helper_name": "Morgan Lee",
            "interpreter_language": "British Sign Language",
        },
        from_page=f"/peps/{pep}",
    )
    assert response.status_code == 201, response.text
    assert "with Morgan Lee, social worker (interpreter: British Sign Language)" in response.text
