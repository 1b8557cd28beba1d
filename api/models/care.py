"""Section A's personal and care details, with the child's school history, and section D's
education summary: typed records beside the free-form sections, one of each per PEP.

The free-form sections (pep_section) stay as they were; these hold what Bradford's sections A
and D ask for by name, so pages, documents and QA can rely on the fields being there.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.db.base import Base, Timestamped, enum_column, new_id
from api.models.enums import PlacementType


class CareDetails(Base, Timestamped):
    """Section A, written by the social worker (or the virtual school)."""

    __tablename__ = "care_details"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), unique=True)
    placement_type: Mapped[PlacementType | None] = mapped_column(
        enum_column(PlacementType, "placement_type")
    )
    placement_start_date: Mapped[date | None] = mapped_column(Date)
    carer_name: Mapped[str | None] = mapped_column(String(100))
    # The carer's relationship to the child or their role: foster carer, grandmother, key worker.
    carer_role: Mapped[str | None] = mapped_column(String(200))
    placement_moves_last_12_months: Mapped[int | None] = mapped_column(Integer)
    other_agencies: Mapped[str | None] = mapped_column(Text)
    updated_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))


class SchoolHistoryEntry(Base):
    """One school or setting the child attended, as section A lists them, in the writer's order."""

    __tablename__ = "school_history_entry"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    school_name: Mapped[str] = mapped_column(String(200))
    from_date: Mapped[date | None] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)
    reason_for_leaving: Mapped[str | None] = mapped_column(String(200))


class EducationSummary(Base, Timestamped):
    """Section D's summary, written by the designated teacher (or the virtual school). The
    targets are the target table's; this is the rest of what the school writes."""

    __tablename__ = "education_summary"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), unique=True)
    progress_since_last_pep: Mapped[str | None] = mapped_column(Text)
    strengths: Mapped[str | None] = mapped_column(Text)
    barriers_to_learning: Mapped[str | None] = mapped_column(Text)
    send_support: Mapped[str | None] = mapped_column(Text)
    interventions: Mapped[str | None] = mapped_column(Text)
    pupil_premium_plus: Mapped[str | None] = mapped_column(Text)
    updated_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
