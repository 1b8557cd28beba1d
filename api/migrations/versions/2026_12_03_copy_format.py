"""the format of the child's own copy: the short "What I said" page or the full PEP

Revision ID: 6a3e1c8f5b27
Revises: 2f6b8d1e4c70
Create Date: 2026-12-03 09:00:00

The meeting section is a set of columns on young_persons_view, so the new optional field is a
nullable column beside wants_copy, which keeps working as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "6a3e1c8f5b27"
down_revision: str | None = "2f6b8d1e4c70"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("young_persons_view", schema=None) as batch_op:
        batch_op.add_column(sa.Column("copy_format", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("young_persons_view", schema=None) as batch_op:
        batch_op.drop_column("copy_format")
