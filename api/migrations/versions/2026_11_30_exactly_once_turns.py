"""exactly-once chat turns: turn state on each message, a per-session lease, applied writes

Revision ID: 3b7d9e2f4a11
Revises: 8e3f4a6b2c10
Create Date: 2026-11-30 15:00:00

A child message now records what the screen found, whether its turn has been answered, and
which question it answered. A voice session holds a lease while one turn runs, so turns on one
session never overlap, across API workers too. Each write the action server makes for a turn
is recorded once, so a re-run turn cannot apply it twice. Existing messages with a reply are
answered; any others are left pending, as they were.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3b7d9e2f4a11"
down_revision: str | None = "8e3f4a6b2c10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("transcript_message", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("turn_status", sa.String(12), nullable=False, server_default="answered")
        )
        batch_op.add_column(sa.Column("screen_kinds", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("review_kinds", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("answers_step", sa.String(32), nullable=True))
        batch_op.add_column(sa.Column("bot_slots", sa.JSON(), nullable=True))
    with op.batch_alter_table("voice_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("turn_owner", sa.String(32), nullable=True))
        batch_op.add_column(sa.Column("turn_lease_until", sa.DateTime(timezone=True)))
        batch_op.add_column(sa.Column("current_step_id", sa.String(32), nullable=True))
    op.create_table(
        "applied_write",
        sa.Column("turn_id", sa.String(32), primary_key=True),
        sa.Column("write_key", sa.String(120), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("applied_write")
    with op.batch_alter_table("voice_session", schema=None) as batch_op:
        batch_op.drop_column("current_step_id")
        batch_op.drop_column("turn_lease_until")
        batch_op.drop_column("turn_owner")
    with op.batch_alter_table("transcript_message", schema=None) as batch_op:
        batch_op.drop_column("bot_slots")
        batch_op.drop_column("answers_step")
        batch_op.drop_column("review_kinds")
        batch_op.drop_column("screen_kinds")
        batch_op.drop_column("turn_status")
