"""who helped the child, by name, and any interpreter or language support

Revision ID: 2f6b8d1e4c70
Revises: 8e4b1d7c3a52
Create Date: 2026-11-30 18:30:00

A session records the adult helping by name (the signed-in helper's, or typed for a carer or
someone without an account) and the language of any interpreter. The "My views" record keeps
its own helper, so a later meeting-prep session with the social worker does not overwrite who
helped the child give their views.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2f6b8d1e4c70"
down_revision: str | None = "8e4b1d7c3a52"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("voice_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("helper_name", sa.String(120), nullable=True))
        batch_op.add_column(sa.Column("interpreter_language", sa.String(60), nullable=True))
    with op.batch_alter_table("young_persons_view", schema=None) as batch_op:
        batch_op.add_column(sa.Column("completed_with_name", sa.String(120), nullable=True))
        batch_op.add_column(sa.Column("interpreter_language", sa.String(60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("young_persons_view", schema=None) as batch_op:
        batch_op.drop_column("interpreter_language")
        batch_op.drop_column("completed_with_name")
    with op.batch_alter_table("voice_session", schema=None) as batch_op:
        batch_op.drop_column("interpreter_language")
        batch_op.drop_column("helper_name")
