"""concern tier (urgent or review) and the safeguarding lead's decision

Revision ID: 8e3f4a6b2c10
Revises: 5d1c2b7e9a01
Create Date: 2026-11-30 14:30:00

Every concern raised before the review tier existed was raised as urgent, so existing rows
take "urgent". No decision has been made on any of them yet.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8e3f4a6b2c10"
down_revision: str | None = "5d1c2b7e9a01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=30)


def upgrade() -> None:
    with op.batch_alter_table("concern", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "tier",
                _enum("concern_tier", "urgent", "review"),
                nullable=False,
                server_default="urgent",
            )
        )
        batch_op.add_column(
            sa.Column("decision", _enum("concern_decision", "not_a_concern", "raised"))
        )
        batch_op.add_column(sa.Column("decided_by_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("decision_note", sa.Text(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_concern_decided_by_id_app_user"), "app_user", ["decided_by_id"], ["id"]
        )
        batch_op.create_index(op.f("ix_concern_tier"), ["tier"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("concern", schema=None) as batch_op:
        batch_op.drop_index(op.f("ix_concern_tier"))
        batch_op.drop_constraint(op.f("fk_concern_decided_by_id_app_user"), type_="foreignkey")
        batch_op.drop_constraint(op.f("ck_concern_concern_decision"), type_="check")
        batch_op.drop_constraint(op.f("ck_concern_concern_tier"), type_="check")
        batch_op.drop_column("decision_note")
        batch_op.drop_column("decided_at")
        batch_op.drop_column("decided_by_id")
        batch_op.drop_column("decision")
        batch_op.drop_column("tier")
