"""The looked-after child: who they are, where they learn, and their legal status."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db.base import Base, Timestamped, new_id


class Child(Base, Timestamped):
    __tablename__ = "child"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    authority_id: Mapped[str] = mapped_column(ForeignKey("authority.id"), index=True)
    school_id: Mapped[str | None] = mapped_column(ForeignKey("school.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[date] = mapped_column(Date)
    # -1 nursery, 0 reception, 1..13; null when out of school (post-16 NEET, for example).
    school_year: Mapped[int | None] = mapped_column(Integer)
    legal_status: Mapped[str] = mapped_column(String(100))
    care_start_date: Mapped[date | None] = mapped_column(Date)
    upn: Mapped[str | None] = mapped_column(String(20))
    # none | sen_support | ehcp | being_assessed (api.models.enums.SendStatus) when set.
    send_status: Mapped[str | None] = mapped_column(String(100))
    ehcp_annual_review_date: Mapped[date | None] = mapped_column(Date)
    # The care leaver's pathway plan from 16: where it is, or what it says about education.
    post16_pathway_plan: Mapped[str | None] = mapped_column(String(200))

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"
