"""other people's views in a PEP: the carer's, the school's, the child's at the meeting

Revision ID: 9b2d5f7e1c36
Revises: 9b4d2e7a1c63
Create Date: 2026-12-04 09:00:00

A table of its own, so these words are never mixed into the child's own "My views"
(young_persons_view and view_topic stay as they are). Each row says whose view it is, who
gave it and who recorded it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9b2d5f7e1c36"
down_revision: str | None = "9b4d2e7a1c63"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contributor_view",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("pep_id", sa.String(32), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "carer",
                "school",
                "child_at_meeting",
                name="contributor_kind",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("given_by", sa.String(100), nullable=False),
        sa.Column("recorded_by_id", sa.String(32), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["pep_id"], ["pep.id"], name=op.f("fk_contributor_view_pep_id_pep")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["app_user.id"],
            name=op.f("fk_contributor_view_recorded_by_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contributor_view")),
    )
    with op.batch_alter_table("contributor_view", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contributor_view_pep_id"), ["pep_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contributor_view", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contributor_view_pep_id"))
    op.drop_table("contributor_view")
