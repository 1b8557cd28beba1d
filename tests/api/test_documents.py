"""The PEP document reads correctly in HTML, PDF and Word: its content, not its bytes."""

from __future__ import annotations

import io

import pytest
from docx import Document
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy.orm import Session

from api.models import Concern, ViewTopic
from api.models.enums import ConcernKind, TopicStatus
from tests.helpers import Demo

OWN_WORDS = "I like drawing dragons and my teacher Mrs Khan helps me"
SECRET = "mum's boyfriend shouts at night"


@pytest.fixture
def pep_with_views(db: Session, demo: Demo, client: TestClient) -> str:
    pep = demo.peps_by_band["KS2"]
    child = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-vs")).json()["child_id"]
    db.add_all(
        [
            ViewTopic(
                pep_id=pep,
                topic="talents_and_interests",
                question="What are you good at?",
                rating=5,
                answer=OWN_WORDS,
                status=TopicStatus.ANSWERED,
            ),
            ViewTopic(
                pep_id=pep,
                topic="feelings_about_self",
                question="How do you feel?",
                status=TopicStatus.DECLINED,
            ),
            Concern(child_id=child, pep_id=pep, kind=ConcernKind.SAFEGUARDING, text=SECRET),
        ]
    )
    db.flush()
    return pep


def test_html_shows_own_words_and_declines_but_never_concerns(
    client: TestClient, demo: Demo, pep_with_views: str
) -> None:
    response = client.get(
        f"/api/v1/peps/{pep_with_views}/document.html", headers=demo.auth("demo-dt")
    )
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert OWN_WORDS in html
    assert "Chose not to say" in html
    assert SECRET not in html
    assert "Sam Carter" in html and "Riverside All-Through Academy" in html


def test_pdf_text_has_the_child_name_on_every_page(
    client: TestClient, demo: Demo, pep_with_views: str
) -> None:
    response = client.get(
        f"/api/v1/peps/{pep_with_views}/document.pdf", headers=demo.auth("demo-sw")
    )
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 2
    assert all("Sam Carter" in text and f"of {len(pages)}" in text for text in pages)
    whole = "\n".join(pages)
    assert "I like drawing dragons" in whole
    assert SECRET not in whole


def test_word_document_opens_with_the_views_table(
    client: TestClient, demo: Demo, pep_with_views: str
) -> None:
    response = client.get(
        f"/api/v1/peps/{pep_with_views}/document.docx", headers=demo.auth("demo-vs")
    )
    assert response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    document = Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert OWN_WORDS in cells
    assert "Chose not to say" in cells
    assert all(SECRET not in c for c in cells)
    assert "Sam Carter" in document.sections[0].header.paragraphs[0].text


def test_documents_are_not_found_outside_the_caseload(
    client: TestClient, demo: Demo, pep_with_views: str
) -> None:
    for ext in ("html", "pdf", "docx"):
        response = client.get(
            f"/api/v1/peps/{pep_with_views}/document.{ext}", headers=demo.auth("other-dt")
        )
        assert response.status_code == 404
