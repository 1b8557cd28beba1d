"""Section A's personal and care details (#15 item 1): the placement, the carer, the moves in
the last year, the schools the child has been to and the other agencies involved. Written whole
by the social worker or the virtual school while the PEP is open, read by anyone who may read
the PEP, shown on the PEP page and in every document."""

from __future__ import annotations

import html as html_text
import io
import re
from datetime import date, timedelta
from typing import Any

import pytest
from docx import Document
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import AuditEntry
from api.models.enums import PepStatus, Role
from tests.factories import Adult, Factory
from tests.helpers import Demo, based_on, page_form, page_sign_in

CARER = "Morgan Lee"
AGENCIES = "CAMHS: weekly sessions with Dr Okafor.\nYoung carers group."


def _url(pep_id: str) -> str:
    return f"/api/v1/peps/{pep_id}/care-details"


def _record(**fields: Any) -> dict[str, Any]:
    return {
        "placement_type": "foster_care",
        "placement_start_date": (date.today() - timedelta(days=200)).isoformat(),
        "carer_name": CARER,
        "carer_role": "Foster carer",
        "placement_moves_last_12_months": 1,
        "school_history": [
            {
                "school_name": "Hillside Primary",
                "from_date": "2019-09-04",
                "to_date": "2025-07-18",
                "reason_for_leaving": "Moved to secondary school",
            },
            {"school_name": "Northfield Academy", "from_date": "2025-09-03"},
        ],
        "other_agencies": AGENCIES,
        **fields,
    }


def _pep_with_worker(make: Factory, **pep: Any) -> tuple[Adult, str]:
    worker = make.adult(Role.SOCIAL_WORKER, full_name="Sam Worker")
    child = make.child(social_worker=worker, date_of_birth=date(2013, 3, 15))
    return worker, make.pep(child, **pep).id


def test_a_pep_has_an_empty_record_until_it_is_saved(client: TestClient, make: Factory) -> None:
    worker, pep = _pep_with_worker(make)
    got = client.get(_url(pep), headers=worker.headers)
    assert got.status_code == 200, got.text
    assert got.json()["placement_type"] is None and got.json()["school_history"] == []
    assert got.json()["updated_by"] is None


def test_the_social_worker_saves_the_whole_record_and_saving_again_changes_nothing(
    client: TestClient, make: Factory, db: Session
) -> None:
    worker, pep = _pep_with_worker(make)
    first = client.put(_url(pep), headers=worker.headers, json=_record())
    assert first.status_code == 200, first.text
    again = client.put(_url(pep), headers=worker.headers, json=_record())
    assert again.json() == first.json()
    got = client.get(_url(pep), headers=worker.headers).json()
    assert got == first.json()
    assert got["carer_name"] == CARER and got["other_agencies"] == AGENCIES
    assert [s["school_name"] for s in got["school_history"]] == [
        "Hillside Primary",
        "Northfield Academy",
    ]
    assert got["school_history"][1]["to_date"] is None
    assert got["updated_by"] == "Sam Worker"
    # A field left out is cleared, and the history replaced, not added to.
    less = client.put(_url(pep), headers=worker.headers, json={"placement_type": "kinship"})
    assert less.json()["carer_name"] is None and less.json()["school_history"] == []
    actions = db.scalars(select(AuditEntry.action).where(AuditEntry.pep_id == pep)).all()
    assert actions.count("care_details.write") == 3 and "care_details.read" in actions


@pytest.mark.parametrize("role", [Role.DESIGNATED_TEACHER, Role.VIRTUAL_SCHOOL])
def test_the_designated_teacher_reads_it_and_the_virtual_school_may_correct_it(
    client: TestClient, make: Factory, role: Role
) -> None:
    worker, pep = _pep_with_worker(make)
    client.put(_url(pep), headers=worker.headers, json=_record())
    caller = make.adult(role)
    assert client.get(_url(pep), headers=caller.headers).json()["carer_name"] == CARER
    sent = client.put(_url(pep), headers=caller.headers, json=_record(carer_name="Alex Lee"))
    if role == Role.DESIGNATED_TEACHER:
        assert sent.status_code == 403, sent.text
        assert client.get(_url(pep), headers=caller.headers).json()["carer_name"] == CARER
    else:
        assert sent.status_code == 200 and sent.json()["carer_name"] == "Alex Lee"


def test_outside_the_caseload_the_pep_is_not_found(client: TestClient, make: Factory) -> None:
    _theirs, pep = _pep_with_worker(make)
    for caller in (make.adult(Role.SOCIAL_WORKER), make.adult(Role.TEACHING_ASSISTANT)):
        assert client.get(_url(pep), headers=caller.headers).status_code == 404
        assert client.put(_url(pep), headers=caller.headers, json=_record()).status_code == 404


@pytest.mark.parametrize("status", [PepStatus.SUBMITTED, PepStatus.SIGNED_OFF])
def test_nothing_is_saved_once_the_pep_is_submitted(
    client: TestClient, make: Factory, status: PepStatus
) -> None:
    worker, pep = _pep_with_worker(make, status=status)
    sent = client.put(_url(pep), headers=worker.headers, json=_record())
    assert sent.status_code == 409, sent.text
    assert client.get(_url(pep), headers=worker.headers).json()["carer_name"] is None


FUTURE = (date.today() + timedelta(days=30)).isoformat()


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"placement_type": "hotel"}, "placement_type"),
        ({"placement_start_date": FUTURE}, "placement_start_date"),
        ({"placement_start_date": "1899-01-01"}, "placement_start_date"),
        ({"placement_start_date": "2010-01-01"}, "placement_start_date"),  # before birth
        ({"placement_moves_last_12_months": -1}, "placement_moves_last_12_months"),
        ({"placement_moves_last_12_months": 400}, "placement_moves_last_12_months"),
        ({"placement_moves_last_12_months": True}, "placement_moves_last_12_months"),
        ({"carer_name": "M" * 101}, "carer_name"),
        ({"carer_name": "Morgan\x00Lee"}, "carer_name"),
        ({"carer_role": "Foster\ncarer"}, "carer_role"),
        ({"other_agencies": "x" * 2001}, "other_agencies"),
        ({"school_history": [{"school_name": ""}]}, "school_history.0.school_name"),
        (
            {
                "school_history": [
                    {"school_name": "X", "from_date": "2024-09-01", "to_date": "2020-01-01"}
                ]
            },
            "school_history.0",
        ),
        (
            {"school_history": [{"school_name": "X", "from_date": FUTURE}]},
            "school_history.0.from_date",
        ),
        ({"school_history": [{"school_name": "X"}] * 31}, "school_history"),
        (
            {"school_history": [{"school_name": "X", "reason_for_leaving": "r" * 201}]},
            "school_history.0.reason_for_leaving",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    client: TestClient, make: Factory, fields: dict[str, Any], named: str
) -> None:
    worker, pep = _pep_with_worker(make)
    sent = client.put(_url(pep), headers=worker.headers, json=_record(**fields))
    assert sent.status_code == 422, sent.text
    assert named in [e["field"] for e in sent.json()["errors"]], sent.json()
    assert client.get(_url(pep), headers=worker.headers).json()["carer_name"] is None


def test_the_page_form_saves_the_record_and_the_childs_upn_and_send_fields(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-sw")
    form = {
        "placement_type": "kinship",
        "placement_start-day": "3",
        "placement_start-month": "2",
        "placement_start-year": str(date.today().year - 1),
        "carer_name": CARER,
        "carer_role": "Aunt",
        "placement_moves": "2",
        "other_agencies": AGENCIES,
        "history_school": ["Hillside Primary", ""],
        "history_from-day": ["4", ""],
        "history_from-month": ["9", ""],
        "history_from-year": ["2019", ""],
        "history_to-day": ["18", ""],
        "history_to-month": ["7", ""],
        "history_to-year": ["2025", ""],
        "history_reason": ["Moved to secondary school", ""],
        "upn": "d123456789012",
        "send_status": "being_assessed",
        "ehcp_review-day": "",
        "ehcp_review-month": "",
        "ehcp_review-year": "",
    }
    saved = page_form(client, f"/peps/{pep}/care-details", form)  # type: ignore[arg-type]
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == f"/peps/{pep}#care-details"
    got = client.get(_url(pep), headers=demo.auth("demo-sw")).json()
    assert got["placement_type"] == "kinship" and got["carer_role"] == "Aunt"
    assert got["placement_moves_last_12_months"] == 2
    assert got["school_history"] == [
        {
            "school_name": "Hillside Primary",
            "from_date": "2019-09-04",
            "to_date": "2025-07-18",
            "reason_for_leaving": "Moved to secondary school",
        }
    ]
    child = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-sw")).json()["child_id"]
    record = client.get(f"/api/v1/children/{child}", headers=demo.auth("demo-sw")).json()
    assert record["upn"] == "D123456789012" and record["send_status"] == "being_assessed"
    page = client.get(f"/peps/{pep}").text
    block = page.split('id="care-details"', 1)[1].split("</section>", 1)[0]
    assert "Kinship or connected carers" in block and CARER in block and "Hillside Primary" in block
    assert f'href="/peps/{pep}/care-details"' in block


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (
            {
                "placement_start-day": "31",
                "placement_start-month": "2",
                "placement_start-year": "2024",
            },
            "placement_start-day",
            "must be a real date",
        ),
        (
            {
                "placement_start-day": "1",
                "placement_start-month": "x",
                "placement_start-year": "2024",
            },
            "placement_start-day",
            "as numbers",
        ),
        ({"placement_moves": "lots"}, "placement_moves", "a whole number"),
        ({"upn": "12345"}, "upn", "13 characters"),
        ({"carer_name": "M" * 101}, "carer_name", "100 characters or fewer"),
        ({"other_agencies": "x" * 2001}, "other_agencies", "2,000 characters or fewer"),
        ({"history_school": "", "history_reason": "Moved"}, "history_school-0", "Enter the school"),
        (
            {
                "history_school": "Hillside",
                "history_from-day": "1",
                "history_from-month": "9",
                "history_from-year": "2024",
                "history_to-day": "1",
                "history_to-month": "9",
                "history_to-year": "2020",
            },
            "history_to-0-day",
            "after the date they joined",
        ),
    ],
)
def test_the_page_form_shows_an_error_summary_linked_to_the_field(
    client: TestClient, demo: Demo, form: dict[str, str], field: str, message: str
) -> None:
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-sw")
    failed = page_form(client, f"/peps/{pep}/care-details", form)
    assert failed.status_code == 400, failed.text
    assert "There is a problem" in failed.text and message in failed.text, failed.text
    assert f'href="#{field}"' in failed.text and f'id="{field}"' in failed.text
    assert "<title>Error: " in failed.text
    got = client.get(_url(pep), headers=demo.auth("demo-sw")).json()
    assert got["updated_by"] is None


def test_the_page_is_refused_to_the_designated_teacher(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS3"]
    page_sign_in(client, "demo-dt")
    assert client.get(f"/peps/{pep}/care-details").status_code == 403
    page = client.get(f"/peps/{pep}").text
    assert f'href="/peps/{pep}/care-details"' not in page


def test_the_documents_show_the_record_and_the_childs_record(
    client: TestClient, make: Factory
) -> None:
    worker, pep = _pep_with_worker(make)
    client.put(_url(pep), headers=worker.headers, json=_record())
    child = client.get(f"/api/v1/peps/{pep}", headers=worker.headers).json()["child_id"]
    client.patch(
        f"/api/v1/children/{child}",
        headers=worker.headers,
        json={
            "upn": "E123456789012",
            "send_status": "ehcp",
            "ehcp_annual_review_date": "2027-03-01",
        },
    )
    html = client.get(f"/api/v1/peps/{pep}/document.html", headers=worker.headers).text
    about = html.split("<h2>The child</h2>", 1)[1].split("<h2>", 1)[0]
    assert "E123456789012" in about and "Education, health and care plan (EHCP)" in about
    assert "01/03/2027" in about
    care = html.split("<h2>Personal and care details</h2>", 1)[1].split("<h2>My views", 1)[0]
    assert "Foster care" in care and CARER in care and "Hillside Primary" in care
    assert "Moved to secondary school" in care and "04/09/2019" in care
    docx = client.get(f"/api/v1/peps/{pep}/document.docx", headers=worker.headers)
    document = Document(io.BytesIO(docx.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Personal and care details" in headings
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert CARER in cells and "Hillside Primary" in cells and "E123456789012" in cells
    pdf = client.get(f"/api/v1/peps/{pep}/document.pdf", headers=worker.headers)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Personal and care details" in text and "Hillside Primary" in text


def test_a_second_tab_saving_over_the_first_is_refused_with_what_it_typed_kept(
    client: TestClient, demo: Demo
) -> None:
    """Two tabs opened on the same details: the later save would silently undo the earlier."""
    pep, path = demo.peps_by_band["KS3"], f"/peps/{demo.peps_by_band['KS3']}/care-details"
    page_sign_in(client, "demo-sw")
    opened = based_on(client.get(path).text)
    first = {"placement_type": "kinship", "carer_name": "Ania Kowalczyk-Nowak", "based_on": opened}
    assert page_form(client, path, first).status_code == 303
    second = {"placement_type": "kinship", "carer_name": "Ania Kowalska", "based_on": opened}
    refused = page_form(client, path, second)
    assert refused.status_code == 409, refused.text
    assert "saved this section after you opened it" in refused.text
    assert "Ania Kowalska" in refused.text  # what the second tab typed is still on the form
    stored = client.get(_url(pep), headers=demo.auth("demo-sw")).json()
    assert stored["carer_name"] == "Ania Kowalczyk-Nowak"
    knowingly = {**second, "based_on": based_on(refused.text)}
    assert page_form(client, path, knowingly).status_code == 303
    stored = client.get(_url(pep), headers=demo.auth("demo-sw")).json()
    assert stored["carer_name"] == "Ania Kowalska"


def test_the_api_refuses_a_save_based_on_an_older_reading(
    client: TestClient, make: Factory
) -> None:
    worker, pep = _pep_with_worker(make)
    read = client.get(_url(pep), headers=worker.headers).json()["updated_at"] or ""
    assert (
        client.put(_url(pep), json=_record(based_on=read), headers=worker.headers).status_code
        == 200
    )
    stale = client.put(
        _url(pep), json=_record(carer_name="Other", based_on=read), headers=worker.headers
    )
    assert stale.status_code == 409 and "Sam Worker saved this section" in stale.json()["detail"]
    assert client.get(_url(pep), headers=worker.headers).json()["carer_name"] == CARER
    unsaid = client.put(_url(pep), json=_record(carer_name="Other"), headers=worker.headers)
    assert unsaid.status_code == 200  # a client that does not say what it read is not refused


def _hidden(page: str) -> dict[str, str]:
    return {
        name: html_text.unescape(value)
        for name, value in re.findall(
            r'type="hidden" name="(was_[a-z0-9_]+)" value="([^"]*)"', page
        )
    }


def test_the_form_saves_only_the_childs_fields_changed_on_it(
    client: TestClient, demo: Demo
) -> None:
    """The care details form shows the child's UPN and SEND status too: saving it as it was
    loaded undid the school's SEND change made meanwhile."""
    pep = demo.peps_by_band["KS4"]
    path = f"/peps/{pep}/care-details"
    child = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-sw")).json()["child_id"]
    page_sign_in(client, "demo-sw")
    opened = client.get(path).text
    was = _hidden(opened)
    assert set(was) >= {"was_upn", "was_send_status", "was_ehcp_annual_review_date"}
    school = client.patch(
        f"/api/v1/children/{child}",
        headers=demo.auth("demo-dt"),
        json={"send_status": "ehcp", "upn": "A123456789012"},
    )
    assert school.status_code == 200, school.text
    form = {
        "placement_type": "foster_care",
        "carer_name": CARER,
        "upn": "",  # as the page showed them before the school's change
        "send_status": was["was_send_status"],
        "based_on": based_on(opened),
        **was,
    }
    assert page_form(client, path, form).status_code == 303
    record = client.get(f"/api/v1/children/{child}", headers=demo.auth("demo-sw")).json()
    assert (record["send_status"], record["upn"]) == ("ehcp", "A123456789012")
    again = client.get(path).text
    typed = {**form, **_hidden(again), "based_on": based_on(again), "upn": "B123456789012"}
    typed["send_status"] = "ehcp"
    assert page_form(client, path, typed).status_code == 303
    record = client.get(f"/api/v1/children/{child}", headers=demo.auth("demo-sw")).json()
    assert record["upn"] == "B123456789012"  # what this person changed is saved
