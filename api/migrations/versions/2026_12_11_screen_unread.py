"""whether the screen could not read a child's message, kept on the message

Revision ID: d4f1a9c2e7b5
Revises: c7a2e4f91b03
Create Date: 2026-12-11 09:00:00

The child's note ("I can only read English...") was worked out again each time a reply was
shown, so a change to the language rule could change what an old transcript says the child
was told. The finding is now stored with the words. Messages stored before carry it in the
source of the concern raised on them, which the same finding set; that is copied here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d4f1a9c2e7b5"
down_revision: str | None = "c7a2e4f91b03"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# api.services.screening.OTHER_LANGUAGE, as it was written to concerns (a migration keeps its
# own copy: the constant may move, the stored value does not).
OTHER_LANGUAGE = "screen_other_language"


def upgrade() -> None:
    with op.batch_alter_table("transcript_message", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("screen_unread", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.execute(
        sa.text(
            "UPDATE transcript_message SET screen_unread = :yes "
            "WHERE sender = 'child' AND EXISTS (SELECT 1 FROM concern "
            "WHERE concern.session_id = transcript_message.session_id "
            "AND concern.text = transcript_message.text AND concern.source = :source)"
        ).bindparams(yes=True, source=OTHER_LANGUAGE)
    )


def downgrade() -> None:
    with op.batch_alter_table("transcript_message", schema=None) as batch_op:
        batch_op.drop_column("screen_unread")
