"""the meeting record: its chair, note-taker and summary, and the actions agreed at it

Revision ID: d7e5b3a92c18
Revises: c1a7e3d90b21
Create Date: 2026-12-05 09:00:00

The three new columns on pep are nullable, so every PEP already stored stays as it was (and
fails the new sign-off checks until the school records them). meeting_action is a table of its
own: each action needs its words, an owner and a due date.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d7e5b3a92c18"
down_revision: str | None = "c1a7e3d90b21"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pep", schema=None) as batch_op:
        batch_op.add_column(sa.Column("meeting_chair", sa.String(200), nullable=True))
        batch_op.add_column(sa.Column("note_taker", sa.String(200), nullable=True))
        batch_op.add_column(sa.Column("meeting_summary", sa.Text(), nullable=True))
    op.create_table(
        "meeting_action",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("pep_id", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["pep_id"], ["pep.id"], name=op.f("fk_meeting_action_pep_id_pep")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_action")),
    )
    with op.batch_alter_table("meeting_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_action_pep_id"), ["pep_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("meeting_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_action_pep_id"))
    op.drop_table("meeting_action")
    with op.batch_alter_table("pep", schema=None) as batch_op:
        batch_op.drop_column("meeting_summary")
        batch_op.drop_column("note_taker")
        batch_op.drop_column("meeting_chair")
