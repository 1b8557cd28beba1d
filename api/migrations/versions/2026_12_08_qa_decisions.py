"""section E typed: each virtual-school QA decision as a row

Revision ID: e5f1a9c3b742
Revises: a4c8e2f61d35
Create Date: 2026-12-08 09:00:00

Until now each decision was appended to section E's free-form JSON (`qa_history`). They move
into rows of their own, so QA can be counted and reported on; the JSON keeps its keys for
callers of `GET /sections/E`. Existing history is copied across; a decision whose recorded time
cannot be read keeps the section's last-changed time.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "e5f1a9c3b742"
down_revision: str | None = "a4c8e2f61d35"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SECTION = sa.table(
    "pep_section",
    sa.column("pep_id", sa.String),
    sa.column("key", sa.String),
    sa.column("content", sa.JSON),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    decisions = op.create_table(
        "qa_decision",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("pep_id", sa.String(32), nullable=False),
        sa.Column("decision", sa.String(10), nullable=False),
        sa.Column("grade", sa.String(30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by_id", sa.String(32), nullable=True),
        sa.Column("decided_by_name", sa.String(100), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["pep_id"], ["pep.id"], name=op.f("fk_qa_decision_pep_id_pep")),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["app_user.id"], name=op.f("fk_qa_decision_decided_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_decision")),
    )
    with op.batch_alter_table("qa_decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qa_decision_pep_id"), ["pep_id"], unique=False)
    assert decisions is not None
    rows = op.get_bind().execute(
        sa.select(SECTION.c.pep_id, SECTION.c.content, SECTION.c.updated_at).where(
            SECTION.c.key == "E"
        )
    )
    copied = [row for pep_id, content, changed in rows for row in _rows(pep_id, content, changed)]
    if copied:
        op.bulk_insert(decisions, copied)


def _rows(pep_id: str, content: Any, changed: datetime | None) -> list[dict[str, Any]]:
    history = content.get("qa_history") if isinstance(content, dict) else None
    if not isinstance(history, list):
        return []
    return [
        {
            "id": uuid.uuid4().hex,
            "pep_id": pep_id,
            "decision": "return" if entry.get("decision") == "return" else "sign_off",
            "grade": str(entry.get("grade") or "")[:30],
            "note": str(entry.get("note") or ""),
            "decided_by_id": None,
            "decided_by_name": str(entry.get("by") or "")[:100],
            "decided_at": _when(entry.get("at"), changed),
        }
        for entry in history
        if isinstance(entry, dict)
    ]


def _when(text: Any, changed: datetime | None) -> datetime:
    try:
        return datetime.strptime(str(text), "%d/%m/%Y %H:%M").replace(tzinfo=UTC)
    except ValueError:
        return changed or datetime.now(UTC)


def downgrade() -> None:
    with op.batch_alter_table("qa_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qa_decision_pep_id"))
    op.drop_table("qa_decision")
