"""when a PEP's meeting actions were first saved

Revision ID: c7a2e4f91b03
Revises: b3d6f0a8c914
Create Date: 2026-12-10 09:00:00

Next term's PEP puts last term's open actions in its meeting record's rows until this term's
actions are saved; a saved list, even an empty one, is the meeting's decision and stays.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c7a2e4f91b03"
down_revision: str | None = "b3d6f0a8c914"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pep", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("actions_saved_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("pep", schema=None) as batch_op:
        batch_op.drop_column("actions_saved_at")
