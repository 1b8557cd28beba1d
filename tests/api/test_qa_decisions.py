"""Section E typed (#15 item 1): each virtual-school decision is a row of its own, read back by
the QA report and the document, while `GET /sections/E` keeps the keys it always had; and the
migration copies the history that section E's JSON held before."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import QaDecision
from api.models.enums import PepStatus, Role
from tests.factories import Factory

MIGRATION = (
    Path(__file__).resolve().parents[2]
    / "api"
    / "migrations"
    / "versions"
    / "2026_12_08_qa_decisions.py"
)


def _decide(client: TestClient, vs: dict[str, str], pep: str, **body: str) -> int:
    return client.post(f"/api/v1/peps/{pep}/qa", headers=vs, json=body).status_code


def test_each_decision_is_a_row_read_back_by_the_report_and_the_document(
    client: TestClient, make: Factory, db: Session
) -> None:
    vs = make.adult(Role.VIRTUAL_SCHOOL, full_name="Val Singh")
    pep = make.complete_pep()
    pep.status = PepStatus.SUBMITTED
    db.flush()
    note = "Say how PP+ pays for the tutoring"
    assert _decide(client, vs.headers, pep.id, decision="return", grade="Good", note=note) == 200
    pep.status = PepStatus.SUBMITTED
    db.flush()
    assert _decide(client, vs.headers, pep.id, decision="sign_off", grade="Good", note="") == 200

    rows = db.scalars(select(QaDecision).where(QaDecision.pep_id == pep.id)).all()
    assert [(r.decision, r.grade, r.decided_by_name) for r in rows] == [
        ("return", "Good", "Val Singh"),
        ("sign_off", "Good", "Val Singh"),
    ]
    report = client.get(f"/api/v1/peps/{pep.id}/qa", headers=vs.headers).json()
    assert [(h["decision"], h["note"]) for h in report["history"]] == [
        ("return", note),
        ("sign_off", ""),
    ]
    section = client.get(f"/api/v1/peps/{pep.id}/sections/E", headers=vs.headers).json()
    assert section["content"]["qa_grade"] == "Good" and len(section["content"]["qa_history"]) == 2
    document = client.get(f"/api/v1/peps/{pep.id}/document.html", headers=vs.headers).text
    assert "Returned to the school" in document and note in document
    assert "Good, by Val Singh" in document
    assert "Qa grade" not in document, "the typed rows are not said twice"


def _migration() -> ModuleType:
    spec = importlib.util.spec_from_file_location("qa_decisions_migration", MIGRATION)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_migration_copies_section_es_history_and_keeps_odd_entries_readable() -> None:
    changed = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    content = {
        "qa_history": [
            {
                "decision": "return",
                "grade": "Inadequate",
                "note": "No views",
                "by": "Val",
                "at": "01/11/2026 14:05",
            },
            {"decision": "sign_off", "grade": "Good", "by": "Val", "at": "not a time"},
            "a stray string",
        ],
        "qa_grade": "Good",
    }
    rows = _migration()._rows("pep1", content, changed)
    assert [(r["decision"], r["grade"], r["note"]) for r in rows] == [
        ("return", "Inadequate", "No views"),
        ("sign_off", "Good", ""),
    ]
    assert rows[0]["decided_at"] == datetime(2026, 11, 1, 14, 5, tzinfo=UTC)
    assert rows[1]["decided_at"] == changed, "an unreadable time keeps the section's"
    assert _migration()._rows("pep2", {"qa_history": "nonsense"}, changed) == []
    assert _migration()._rows("pep3", None, changed) == []
