"""The virtual school's view of one child's audit trail: who read or changed what, and when.

Only the virtual school reads it, for a child in its authority; anyone else is told there is
nothing there (404), as for any child outside their caseload, so the trail's existence says
nothing. Reading the trail is itself audited. The rows hold ids, action names and what was
touched, never the child's words, so the trail can be shown as it is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.errors import NotFound
from api.models import AuditEntry, Child, User
from api.models.enums import Role
from api.repositories import audit as audit_repo
from api.services import audit
from api.services.access import CHILD_NOT_FOUND, child_for
from api.services.denials import DENIED

LIMIT = 200
READ_ACTION = "audit.read"

ACTION_LABELS = {
    "audit.read": "Read this audit trail",
    "care_details.read": "Read the personal and care details (section A)",
    "care_details.write": "Changed the personal and care details (section A)",
    "child.create": "Added the child",
    "child.read": "Read the child's details",
    "child.update": "Changed the child's record (UPN, SEND, EHCP review or pathway plan)",
    "concern.acknowledge": "Acknowledged a concern",
    "concern.decide": "Decided on a concern",
    "concern.promote": "Made a concern urgent",
    "concern.raise": "Raised a concern",
    "concern.read": "Read a concern",
    DENIED: "Was refused",
    "contributor_view.read": "Read the other views (carer, school, child at the meeting)",
    "contributor_view.write": "Recorded another view (carer, school or child at the meeting)",
    "document.child_copy_read": "Read the child's own copy of the PEP",
    "document.read": "Read the PEP document",
    "flag.acknowledge": "Acknowledged a flag to the virtual school",
    "education_summary.read": "Read the education summary (section D)",
    "education_summary.write": "Changed the education summary (section D)",
    "pep.create": "Started a PEP",
    "pep.qa_read": "Read the quality assurance report",
    "pep.qa_return": "Returned the PEP to the school",
    "pep.qa_sign_off": "Signed the PEP off",
    "pep.read": "Read the PEP",
    "pep.start_next": "Started next term's PEP from this one",
    "pep.submit": "Submitted the PEP",
    "pep.update": "Changed the PEP's details",
    "school_data.read": "Read the school's data for the term",
    "school_data.write": "Saved the school's data for the term",
    "safeguarding_queue.read": "Read a concern in the safeguarding queue",
    "section.read": "Read a PEP section",
    "section.write": "Changed a PEP section",
    "target.delete": "Deleted a target",
    "target.draft": "Drafted a target from the child's views",
    "target.review": "Reviewed a target",
    "target.save": "Saved a target",
    "targets.read": "Read the targets",
    "view.after_meeting_write": "Recorded the child's views after the meeting",
    "view.meeting_write": "Recorded the child's wishes for the meeting",
    "view.read": "Read the child's views",
    "view.summary_write": "Recorded the summary of the child's views",
    "view.topic_write": "Recorded the child's view on a topic",
    "voice.help_button": "The help button was pressed",
    "voice.message": "A message was sent in a voice session",
    "voice.state_read": "The assistant resumed a voice session",
    "voice_session.close": "Closed a voice session",
    "voice_session.complete": "Finished a voice session",
    "voice_session.conversation_read": "Read the voice session's conversation",
    "voice_session.open": "Opened a voice session",
    "voice_session.support": "Changed the support the child had",
}

NOT_STAFF = {
    "child link": "The child, through their link",
    "assistant": "The assistant",
    "screen": "The safety screen",
    "safety_button": "The child, with the help button",
}


def action_label(action: str) -> str:
    """Plain English for the trail; an action without a label yet is shown by its name."""
    return ACTION_LABELS.get(action, action.replace("_", " ").replace(".", ": "))


def _entry(entry: AuditEntry, actor: User | None) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "who": actor.full_name if actor else _not_staff(entry.actor_label),
        "role": actor.role.value if actor else None,
        "action": entry.action,
        "what": action_label(entry.action),
        "pep_id": entry.pep_id,
        "detail": entry.detail,
        "denied": entry.action == DENIED,
    }


def _not_staff(label: str) -> str:
    """The assistant or the child's link, named by what it is, not by an id."""
    for prefix, name in NOT_STAFF.items():
        if label.startswith(prefix):
            return name
    return label


def read_trail(session: Session, user: User, child_id: str) -> tuple[Child, list[dict[str, Any]]]:
    """The newest LIMIT rows for the child; this read is recorded after them, so it shows next."""
    if user.role != Role.VIRTUAL_SCHOOL:
        raise NotFound(CHILD_NOT_FOUND)
    child = child_for(session, user, child_id)
    rows = [_entry(entry, actor) for entry, actor in audit_repo.for_child(session, child.id, LIMIT)]
    audit.record(session, user, READ_ACTION, child_id=child.id, detail=f"{len(rows)} entries")
    return child, rows
