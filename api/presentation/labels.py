"""The words a page shows for a role, a PEP's status, a deadline and a session's purpose.

Several page routers show them, so they live here rather than in any one router.
"""

from __future__ import annotations

from api.models.enums import PepType, PlacementType, Role, SendStatus
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

# Section A's words for where the child lives, in the order the form offers them.
PLACEMENT_TYPE_LABELS = {
    PlacementType.FOSTER_CARE.value: "Foster care",
    PlacementType.KINSHIP.value: "Kinship or connected carers",
    PlacementType.RESIDENTIAL.value: "Residential children's home",
    PlacementType.PLACED_WITH_PARENTS.value: "Placed with parents",
    PlacementType.SUPPORTED_ACCOMMODATION.value: "Supported accommodation",
    PlacementType.SECURE.value: "Secure",
    PlacementType.OTHER.value: "Other",
}
SEND_STATUS_LABELS = {
    SendStatus.NONE.value: "No special educational needs",
    SendStatus.SEN_SUPPORT.value: "SEN support",
    SendStatus.EHCP.value: "Education, health and care plan (EHCP)",
    SendStatus.BEING_ASSESSED.value: "Being assessed for an EHCP",
}
# Section D's education summary (Bradford: previous targets and progress, SEND and education
# summary), in the order the form and the documents show it.
EDUCATION_SUMMARY_LABELS = {
    "progress_since_last_pep": "Progress since the last PEP",
    "strengths": "Strengths",
    "barriers_to_learning": "Barriers to learning",
    "send_support": "SEND support in place",
    "interventions": "Interventions and additional support",
    "pupil_premium_plus": "How Pupil Premium Plus is used",
}
