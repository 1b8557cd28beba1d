"""The termly cycle: every looked-after child's PEP is reviewed each term, so once a PEP is
signed off the social worker starts next term's review from it.

The new PEP carries last term's targets over as "previous" targets, each awaiting the school's
review (met, partly, not met, with the evidence), and keeps a link to the PEP it follows so the
designated teacher can read what was agreed last term. One next PEP per PEP: the link is unique.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from api.errors import Conflict, Forbidden
from api.models import Child, Pep, Target, User
from api.models.enums import PepStatus, PepType, Role
from api.repositories import peps as peps_repo
from api.services import audit, care_details, school_calendar
from api.services.access import pep_for
from api.services.peps import require_no_open_pep

STARTERS = {Role.SOCIAL_WORKER, Role.VIRTUAL_SCHOOL}
# What was agreed, where the child started, and what PP+ was asked for and decided: the review
# judges the target against them. The link to the child's words is not carried: it names a topic
# of last term's views, and this term's answer to that topic is new words.
CARRIED_FIELDS = (
    "what",
    "how",
    "who",
    "when",
    "outcome",
    "baseline",
    "needs",
    "ppp",
    "ppp_cost_pence",
    "ppp_decision",
)
NO_TERM_DATES = "Next term"


def next_term_name(pep: Pep, calendar: school_calendar.SchoolCalendar | None = None) -> str:
    """The term after the one this PEP's meeting was held in, by the authority's term dates."""
    calendar = calendar or school_calendar.default_calendar()
    held = pep.meeting_date or (pep.signed_off_at.date() if pep.signed_off_at else date.today())
    term = calendar.term_after(held)
    return term.name if term else NO_TERM_DATES


def start_next_pep(session: Session, user: User, pep_id: str) -> tuple[Pep, Child]:
    """Next term's review PEP, in draft, with last term's targets to review."""
    previous, child = pep_for(session, user, pep_id)
    if user.role not in STARTERS:
        raise Forbidden("next term's PEP is started by the child's social worker")
    if previous.status != PepStatus.SIGNED_OFF:
        raise Conflict("next term's PEP is started from a signed-off PEP")
    if peps_repo.next_of(session, previous.id) is not None:
        raise Conflict("next term's PEP has already been started from this PEP")
    require_no_open_pep(session, child)  # one open PEP at a time, however it was started
    pep = peps_repo.add(
        session,
        Pep(
            child_id=child.id,
            term=next_term_name(previous),
            pep_type=PepType.REVIEW,
            status=PepStatus.DRAFT,
            meeting_date=previous.next_meeting_date,
            attendees=[],
            created_by_id=user.id,
            previous_pep_id=previous.id,
        ),
    )
    carried = [t for t in peps_repo.targets(session, previous.id) if t.kind == "new"]
    peps_repo.add_targets(
        session,
        [
            Target(
                pep_id=pep.id,
                position=position,
                kind="previous",
                **{field: getattr(target, field) for field in CARRIED_FIELDS},
            )
            for position, target in enumerate(carried)
        ],
    )
    care = care_details.carry_forward(session, previous.id, pep.id, user)
    audit.record(
        session,
        user,
        "pep.start_next",
        child_id=child.id,
        pep_id=pep.id,
        detail=f"from {previous.id}, {len(carried)} targets carried"
        + (", care details carried" if care else ""),
    )
    return pep, child


def next_pep_id(session: Session, pep: Pep) -> str | None:
    found = peps_repo.next_of(session, pep.id)
    return found.id if found else None
