"""What must be in a PEP before the virtual school signs it off: sign-off means complete.

Halton's non-negotiables (attendees, the child attended or was invited, the next meeting's
date), Bradford's and Slough's child's voice, and Slough's "will not sign off the PEP if the
following sections are not completed": targets, and the PEP meeting's summary, with its chair
and its actions (what, who and when). Where last term's targets were carried over, each must be
reviewed (Halton: "previous targets have been fully reviewed and recorded"). All of that is a
record of a meeting, so the meeting must have been held.

Each check says where on the PEP's pages it is put right, so the refusal can link there.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from api.models import Pep, Target
from api.repositories import peps as peps_repo
from api.services.peps import section_contents
from api.services.views import build_view


def meeting_held(pep: Pep, today: date | None = None) -> bool:
    """The meeting's date has come: a PEP signed off before it would record a meeting, its
    attendees and its actions, that has not happened."""
    return pep.meeting_date is not None and pep.meeting_date <= (today or date.today())


def attendance_taken(pep: Pep) -> bool:
    """Someone is marked as having come: the invitation list alone is not a record of the
    meeting."""
    return any(a.get("attended") is True for a in pep.attendees or [])


def target_reviewed(target: Target) -> bool:
    return bool(target.review_status) and bool((target.review_note or "").strip())


def _check(check: str, label: str, met: bool, fix: str, fix_at: str) -> dict[str, Any]:
    return {"check": check, "label": label, "met": met, "fix": fix, "fix_at": fix_at}


def non_negotiables(session: Session, pep: Pep, child: Any) -> list[dict[str, Any]]:
    view = build_view(session, pep, child)
    answered = any(t["status"] == "answered" for t in view["topics"])
    sections = section_contents(session, pep)
    absence = any(str(s.get("child_views_absence_reason") or "").strip() for s in sections.values())
    invited = pep.child_attended is not None or view["meeting"]["wants_to_attend"] is not None
    targets = peps_repo.targets(session, pep.id)
    carried = [t for t in targets if t.kind == "previous"]
    actions = peps_repo.meeting_actions(session, pep.id)
    page = f"/peps/{pep.id}"
    checks = [
        _check(
            "meeting_held",
            "The PEP meeting has taken place",
            meeting_held(pep),
            "Sign off after the meeting, with its date recorded",
            f"{page}#meeting-record",
        ),
        _check(
            "attendees_recorded",
            "Attendees recorded",
            attendance_taken(pep),
            "Record who came to the meeting",
            f"{page}#meeting-record",
        ),
        _check(
            "child_attended_or_invited",
            "The child attended or was invited",
            invited,
            "Record whether the child came to the meeting",
            f"{page}#meeting-record",
        ),
        _check(
            "next_meeting_date_set",
            "Date of the next PEP meeting set",
            pep.next_meeting_date is not None,
            "Set the date of the next PEP meeting",
            f"{page}#meeting-record",
        ),
        _check(
            "child_views_present",
            "The child's views are recorded, or why not",
            answered or absence,
            "Record the child's views, or why they are missing",
            f"{page}#child-views",
        ),
        _check(
            "chair_recorded",
            "The meeting's chair recorded",
            bool((pep.meeting_chair or "").strip()),
            "Record who chaired the meeting",
            f"{page}#meeting_chair",
        ),
        _check(
            "meeting_summary_recorded",
            "The meeting's summary recorded",
            bool((pep.meeting_summary or "").strip()),
            "Write the summary of the meeting",
            f"{page}#meeting_summary",
        ),
        _check(
            "actions_agreed",
            "At least one action with an owner and a date",
            any(a.owner.strip() and a.due_date for a in actions),
            "Record the actions agreed, each with who and by when",
            f"{page}#meeting-actions",
        ),
        _check(
            "targets_set",
            "Targets set for this term",
            any(t.kind == "new" for t in targets),
            "Set at least one new target for this term",
            f"{page}/targets#new-targets",
        ),
    ]
    if carried:
        checks.append(
            _check(
                "previous_targets_reviewed",
                "Last term's targets reviewed",
                all(target_reviewed(t) for t in carried),
                "Review each of last term's targets: met or not, and the evidence",
                f"{page}/targets#previous-targets",
            )
        )
    return checks
