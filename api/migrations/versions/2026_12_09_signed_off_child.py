"""the child as each PEP was signed off

Revision ID: b3d6f0a8c914
Revises: e5f1a9c3b742
Create Date: 2026-12-09 09:00:00

A signed-off PEP's document read the child's record as it is now, so a new school, a new
school year or a corrected name changed last term's signed-off record. The child's rows are
now kept as they were at sign-off. PEPs signed off before this have none and print as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b3d6f0a8c914"
down_revision: str | None = "e5f1a9c3b742"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signed_off_child",
        sa.Column("pep_id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["pep_id"], ["pep.id"], name=op.f("fk_signed_off_child_pep_id_pep")
        ),
        sa.PrimaryKeyConstraint("pep_id", name=op.f("pk_signed_off_child")),
    )


def downgrade() -> None:
    op.drop_table("signed_off_child")
