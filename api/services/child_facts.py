"""The child's record as a PEP prints it, and as it stood when each PEP was signed off.

The child's record is one row shared by every PEP, and it changes: a new school, the next
school year, a corrected name, a new SEND status. A PEP in progress prints the record as it is
now. A signed-off PEP is the record of its term, so at sign-off these rows are kept, and its
document prints them from then on (`signed_off_child`); PEPs signed off before that was kept
print the record as it is now.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from api.models import Child, Pep, SignedOffChild
from api.models.enums import PepStatus
from api.presentation.labels import SEND_STATUS_LABELS
from api.repositories import peps as peps_repo
from api.repositories import users as users_repo
from api.services.peps import age_band
from vocabulary import school_year_label


def uk(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "Not set"


def record_rows(session: Session, child: Child) -> list[tuple[str, str]]:
    """The child's record as it is now, in the order the document prints it."""
    school = users_repo.school(session, child.school_id)
    year_text = school_year_label(child.school_year)
    return [
        ("Name", child.full_name),
        ("Date of birth", uk(child.date_of_birth)),
        ("School year", f"{year_text} ({age_band(child).value})"),
        ("School or setting", school.name if school else "None"),
        ("Legal status", child.legal_status),
        ("Date came into care", uk(child.care_start_date)),
        ("Unique pupil number (UPN)", child.upn or "Not recorded"),
        (
            "SEND",
            SEND_STATUS_LABELS.get(child.send_status or "", child.send_status or "Not recorded"),
        ),
        ("EHCP annual review date", uk(child.ehcp_annual_review_date)),
        *([("Pathway plan", child.post16_pathway_plan)] if child.post16_pathway_plan else []),
    ]


def keep_at_sign_off(session: Session, pep: Pep, child: Child) -> None:
    """Keep the child's rows and name as they are at this PEP's sign-off."""
    rows = [[label, value] for label, value in record_rows(session, child)]
    peps_repo.keep_signed_off_child(
        session,
        SignedOffChild(
            pep_id=pep.id,
            name=child.full_name,
            first_name=child.first_name,
            rows=rows,
            taken_at=datetime.now(UTC),
        ),
    )


def _kept(session: Session, pep: Pep) -> SignedOffChild | None:
    signed_off = pep.status == PepStatus.SIGNED_OFF
    return peps_repo.signed_off_child(session, pep.id) if signed_off else None


def as_printed(session: Session, pep: Pep, child: Child) -> tuple[str, list[tuple[str, str]]]:
    """The child's name and rows for this PEP's document: as signed off, or as now."""
    kept = _kept(session, pep)
    if kept is not None:
        return kept.name, [(label, value) for label, value in kept.rows]
    return child.full_name, record_rows(session, child)


def first_name_printed(session: Session, pep: Pep, child: Child) -> str:
    """The first name the child's own copy greets them by: as signed off, or as now."""
    kept = _kept(session, pep)
    return kept.first_name if kept is not None else child.first_name
