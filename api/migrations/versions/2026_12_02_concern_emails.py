"""users have an email address, and every concern email is recorded per recipient

Revision ID: 8e4b1d7c3a52
Revises: 5c1a7e9d2b34
Create Date: 2026-12-02 09:00:00

Concerns notify the right people at once by email (api/services/notify.py); a notice that
could not be sent stays recorded, to be retried or shown, and is never sent twice.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8e4b1d7c3a52"
down_revision: str | None = "5c1a7e9d2b34"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(254), nullable=True))
    op.create_table(
        "concern_notice",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("concern_id", sa.String(32), nullable=False),
        sa.Column("recipient_id", sa.String(32), nullable=False),
        sa.Column("reason", sa.String(30), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(120), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["concern_id"], ["concern.id"], name=op.f("fk_concern_notice_concern_id_concern")
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["app_user.id"],
            name=op.f("fk_concern_notice_recipient_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern_notice")),
        sa.UniqueConstraint(
            "concern_id", "recipient_id", name=op.f("uq_concern_notice_concern_id")
        ),
    )
    with op.batch_alter_table("concern_notice", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_concern_notice_concern_id"), ["concern_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_concern_notice_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("concern_notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_concern_notice_status"))
        batch_op.drop_index(batch_op.f("ix_concern_notice_concern_id"))
    op.drop_table("concern_notice")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("email")
