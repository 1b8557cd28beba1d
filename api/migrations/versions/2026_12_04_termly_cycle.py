"""the termly cycle: a PEP follows the previous one, and transition and informal PEP types

Revision ID: 9b4d2e7a1c63
Revises: 6a3e1c8f5b27
Create Date: 2026-12-04 09:00:00

previous_pep_id is nullable, so every PEP already stored stays as it was; it is unique, so a
signed-off PEP has at most one next PEP however many times "start" is pressed. pep_type is a
non-native enum (VARCHAR with a CHECK constraint): widening it replaces the constraint, which
batch_alter_table does by rebuilding the table on SQLite and in place on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from alembic.operations import BatchOperations

revision: str = "9b4d2e7a1c63"
down_revision: str | None = "6a3e1c8f5b27"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_TYPES = ("initial", "review")
NEW_TYPES = (*OLD_TYPES, "transition", "informal")
CHECK_NAME = "ck_pep_pep_type"


def _allow_types(batch_op: BatchOperations, types: Sequence[str]) -> None:
    allowed = ", ".join(f"'{t}'" for t in types)
    batch_op.drop_constraint(op.f(CHECK_NAME), type_="check")
    batch_op.create_check_constraint(op.f(CHECK_NAME), sa.text(f"pep_type IN ({allowed})"))


def upgrade() -> None:
    with op.batch_alter_table("pep", schema=None) as batch_op:
        batch_op.add_column(sa.Column("previous_pep_id", sa.String(32), nullable=True))
        batch_op.create_unique_constraint(op.f("uq_pep_previous_pep_id"), ["previous_pep_id"])
        batch_op.create_foreign_key(
            op.f("fk_pep_previous_pep_id_pep"), "pep", ["previous_pep_id"], ["id"]
        )
        _allow_types(batch_op, NEW_TYPES)


def downgrade() -> None:
    # A transition or informal PEP has no place in the older vocabulary: it becomes a review.
    op.execute(
        sa.text("UPDATE pep SET pep_type = 'review' WHERE pep_type NOT IN ('initial', 'review')")
    )
    with op.batch_alter_table("pep", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_pep_previous_pep_id_pep"), type_="foreignkey")
        batch_op.drop_constraint(op.f("uq_pep_previous_pep_id"), type_="unique")
        batch_op.drop_column("previous_pep_id")
        _allow_types(batch_op, OLD_TYPES)
