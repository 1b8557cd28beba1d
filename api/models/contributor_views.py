"""The other voices in a PEP: the carer's, the school's, and what the child said at the meeting.

Kept in their own table, never in the Young Person's View: "My views" are the child's own words
given in a session, and these are words other people give or write down for the record.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.db.base import Base, enum_column, new_id, utcnow
from api.models.enums import ContributorKind


class ContributorView(Base):
    __tablename__ = "contributor_view"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    kind: Mapped[ContributorKind] = mapped_column(enum_column(ContributorKind, "contributor_kind"))
    # The words as given, verbatim.
    text: Mapped[str] = mapped_column(Text)
    # Whose words: the foster carer's name, the teacher's, or the child's at the meeting.
    given_by: Mapped[str] = mapped_column(String(100))
    recorded_by_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
