"""role safeguarding_lead: the school's designated safeguarding lead

Revision ID: 5d1c2b7e9a01
Revises: fa9166a3f480
Create Date: 2026-11-30 14:20:00

The role column is a non-native enum, stored as VARCHAR with a CHECK constraint; widening it
means replacing that constraint. batch_alter_table rebuilds the table on SQLite and alters it
in place on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5d1c2b7e9a01"
down_revision: str | None = "fa9166a3f480"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_ROLES = ("virtual_school", "designated_teacher", "social_worker", "teaching_assistant")
NEW_ROLES = (*OLD_ROLES, "safeguarding_lead")


CHECK_NAME = "ck_app_user_role"


def _allow_roles(roles: Sequence[str]) -> None:
    allowed = ", ".join(f"'{role}'" for role in roles)
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_constraint(op.f(CHECK_NAME), type_="check")
        batch_op.create_check_constraint(op.f(CHECK_NAME), sa.text(f"role IN ({allowed})"))


def upgrade() -> None:
    _allow_roles(NEW_ROLES)


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM app_user WHERE role = 'safeguarding_lead'"))
    _allow_roles(OLD_ROLES)
