"""The words a page shows for a role, a PEP's status, a deadline and a session's purpose.

Several page routers show them, so they live here rather than in any one router.
"""

from __future__ import annotations

from api.models.enums import PepType, Role
from vocabulary import pep_status_words

ROLE_LABELS = {
    Role.VIRTUAL_SCHOOL: "virtual school",
    Role.DESIGNATED_TEACHER: "designated teacher",
    Role.SOCIAL_WORKER: "social worker",
    Role.TEACHING_ASSISTANT: "teaching assistant",
    Role.SAFEGUARDING_LEAD: "designated safeguarding lead",
}
STATUS_LABELS = pep_status_words()
PEP_TYPE_LABELS = {
    PepType.INITIAL.value: "Initial PEP",
    PepType.REVIEW.value: "Review PEP",
    PepType.TRANSITION.value: "Transition PEP",
    PepType.INFORMAL.value: "Informal PEP",
}
STATUS_CLASSES = {
    "draft": "govuk-tag--grey",
    "submitted": "govuk-tag--blue",
    "returned": "govuk-tag--orange",
    "signed_off": "govuk-tag--green",
}
DEADLINE_LABELS = {
    "due": "Due",
    "overdue": "Overdue",
    "awaiting_qa": "Awaiting QA",
    "signed_off": "Signed off",
    "next_overdue": "Next PEP overdue",
    "no_date": "No date set",
    "check_dates": "Check the dates",
    "no_pep": "No PEP yet",
}
# What the deadline is for: the meeting, the completed PEP after it, or next term's PEP.
DEADLINE_FOR = {
    "meeting": "PEP meeting",
    "form": "completed PEP",
    "next_pep": "next PEP",
    "initial_pep": "initial PEP",
}
MODE_LABELS = {
    "my_views": "My views",
    "meeting_prep": "Getting ready for the PEP meeting",
    "meeting_review": "After the PEP meeting",
}
