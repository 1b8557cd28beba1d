"""typed sections A and D: care details with school history, the education summary, and the
child's EHCP annual review date and post-16 pathway plan

Revision ID: a4c8e2f61d35
Revises: d7e5b3a92c18
Create Date: 2026-12-05 09:00:00

New tables beside pep_section, which stays as it is: care_details and education_summary are
one per PEP (pep_id unique), school_history_entry holds section A's rows. The two new child
columns are nullable, so every child already stored stays as they were.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision: str = "a4c8e2f61d35"
down_revision: str | None = "d7e5b3a92c18"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PLACEMENT_TYPES = (
    "foster_care",
    "kinship",
    "residential",
    "placed_with_parents",
    "supported_accommodation",
    "secure",
    "other",
)


def _written_by(table: str) -> list[SchemaItem]:
    """Who last saved the record, and when it was made and changed."""
    return [
        sa.Column("updated_by_id", sa.String(32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["pep_id"], ["pep.id"], name=op.f(f"fk_{table}_pep_id_pep")),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["app_user.id"], name=op.f(f"fk_{table}_updated_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("pep_id", name=op.f(f"uq_{table}_pep_id")),
    ]


def upgrade() -> None:
    op.create_table(
        "care_details",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("pep_id", sa.String(32), nullable=False),
        sa.Column(
            "placement_type",
            sa.Enum(
                *PLACEMENT_TYPES,
                name="placement_type",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("placement_start_date", sa.Date(), nullable=True),
        sa.Column("carer_name", sa.String(100), nullable=True),
        sa.Column("carer_role", sa.String(200), nullable=True),
        sa.Column("placement_moves_last_12_months", sa.Integer(), nullable=True),
        sa.Column("other_agencies", sa.Text(), nullable=True),
        *_written_by("care_details"),
    )
    op.create_table(
        "education_summary",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("pep_id", sa.String(32), nullable=False),
        sa.Column("progress_since_last_pep", sa.Text(), nullable=True),
        sa.Column("strengths", sa.Text(), nullable=True),
        sa.Column("barriers_to_learning", sa.Text(), nullable=True),
        sa.Column("send_support", sa.Text(), nullable=True),
        sa.Column("interventions", sa.Text(), nullable=True),
        sa.Column("pupil_premium_plus", sa.Text(), nullable=True),
        *_written_by("education_summary"),
    )
    op.create_table(
        "school_history_entry",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("pep_id", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("school_name", sa.String(200), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=True),
        sa.Column("to_date", sa.Date(), nullable=True),
        sa.Column("reason_for_leaving", sa.String(200), nullable=True),
        sa.ForeignKeyConstraint(
            ["pep_id"], ["pep.id"], name=op.f("fk_school_history_entry_pep_id_pep")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_history_entry")),
    )
    with op.batch_alter_table("school_history_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_school_history_entry_pep_id"), ["pep_id"], unique=False
        )
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ehcp_annual_review_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("post16_pathway_plan", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.drop_column("post16_pathway_plan")
        batch_op.drop_column("ehcp_annual_review_date")
    with op.batch_alter_table("school_history_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_school_history_entry_pep_id"))
    op.drop_table("school_history_entry")
    op.drop_table("education_summary")
    op.drop_table("care_details")
