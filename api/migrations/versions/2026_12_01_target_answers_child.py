"""a target records which of the child's "My views" answers it responds to

Revision ID: 5c1a7e9d2b34
Revises: 7c2e5a9d1f34
Create Date: 2026-11-30 18:00:00

The document shows "What I said" beside "What we will do", and the set check knows a target
answers the child because the school said so, not only by guessing from its words.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c1a7e9d2b34"
down_revision: str | None = "7c2e5a9d1f34"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.add_column(sa.Column("answers_topic", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.drop_column("answers_topic")
