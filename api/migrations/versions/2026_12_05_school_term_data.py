"""school data for the term: attendance, timetable, suspensions, attainment, flags to the VS

Revision ID: c1a7e3d90b21
Revises: 9b2d5f7e1c36
Create Date: 2026-12-05 09:00:00

Typed tables rather than a JSON section: the virtual school filters on attendance and
suspensions, and a flag raised by a save is written in the same transaction, once per PEP and
kind (the unique constraint on virtual_school_flag).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c1a7e3d90b21"
down_revision: str | None = "9b2d5f7e1c36"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attainment_record",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("pep_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("current", sa.String(length=200), nullable=False),
        sa.Column("expected", sa.String(length=200), nullable=False),
        sa.Column(
            "judgement",
            sa.Enum(
                "above",
                "at",
                "below",
                "well_below",
                name="attainment_judgement",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["pep_id"], ["pep.id"], name=op.f("fk_attainment_record_pep_id_pep")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attainment_record")),
    )
    with op.batch_alter_table("attainment_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attainment_record_pep_id"), ["pep_id"], unique=False)

    op.create_table(
        "school_term_data",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("pep_id", sa.String(length=32), nullable=False),
        sa.Column("attendance_percent", sa.Float(), nullable=True),
        sa.Column("sessions_possible", sa.Integer(), nullable=True),
        sa.Column("sessions_attended", sa.Integer(), nullable=True),
        sa.Column("late_sessions", sa.Integer(), nullable=True),
        sa.Column("punctuality_percent", sa.Float(), nullable=True),
        sa.Column("part_time_timetable", sa.Boolean(), nullable=True),
        sa.Column("part_time_hours_per_week", sa.Float(), nullable=True),
        sa.Column("part_time_details", sa.Text(), nullable=False),
        sa.Column("part_time_review_date", sa.Date(), nullable=True),
        sa.Column("alternative_provision", sa.Text(), nullable=False),
        sa.Column("at_risk_of_exclusion", sa.Boolean(), nullable=True),
        sa.Column("health_wellbeing", sa.Text(), nullable=False),
        sa.Column("updated_by_id", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["pep_id"], ["pep.id"], name=op.f("fk_school_term_data_pep_id_pep")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["app_user.id"],
            name=op.f("fk_school_term_data_updated_by_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_term_data")),
        sa.UniqueConstraint("pep_id", name=op.f("uq_school_term_data_pep_id")),
    )
    op.create_table(
        "suspension",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("pep_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "suspension",
                "permanent_exclusion",
                name="suspension_kind",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("days", sa.Float(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["pep_id"], ["pep.id"], name=op.f("fk_suspension_pep_id_pep")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suspension")),
    )
    with op.batch_alter_table("suspension", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suspension_pep_id"), ["pep_id"], unique=False)

    op.create_table(
        "virtual_school_flag",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("pep_id", sa.String(length=32), nullable=False),
        sa.Column("child_id", sa.String(length=32), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "low_attendance",
                "suspension",
                "at_risk_of_exclusion",
                name="flag_kind",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_id"],
            ["app_user.id"],
            name=op.f("fk_virtual_school_flag_acknowledged_by_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["child_id"], ["child.id"], name=op.f("fk_virtual_school_flag_child_id_child")
        ),
        sa.ForeignKeyConstraint(
            ["pep_id"], ["pep.id"], name=op.f("fk_virtual_school_flag_pep_id_pep")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_virtual_school_flag")),
        sa.UniqueConstraint("pep_id", "kind", name=op.f("uq_virtual_school_flag_pep_id")),
    )
    with op.batch_alter_table("virtual_school_flag", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_virtual_school_flag_child_id"), ["child_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_virtual_school_flag_pep_id"), ["pep_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("virtual_school_flag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_virtual_school_flag_pep_id"))
        batch_op.drop_index(batch_op.f("ix_virtual_school_flag_child_id"))

    op.drop_table("virtual_school_flag")
    with op.batch_alter_table("suspension", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suspension_pep_id"))

    op.drop_table("suspension")
    op.drop_table("school_term_data")
    with op.batch_alter_table("attainment_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attainment_record_pep_id"))

    op.drop_table("attainment_record")
