"""The PEP Voice schema. Importing this package registers every table on Base.metadata."""

from api.models.audit import AuditEntry
from api.models.care import CareDetails, EducationSummary, SchoolHistoryEntry
from api.models.child import Child
from api.models.contributor_views import ContributorView
from api.models.notice import ConcernNotice
from api.models.organisation import Authority, Caseload, School, User
from api.models.pep import MeetingAction, Pep, PepSection, QaDecision, SignedOffChild, Target
from api.models.school_data import (
    AttainmentRecord,
    SchoolTermData,
    Suspension,
    VirtualSchoolFlag,
)
from api.models.tokens import RevokedToken
from api.models.views import ViewTopic, YoungPersonsView
from api.models.voice import AppliedWrite, Concern, TranscriptMessage, VoiceSession

__all__ = [
    "AppliedWrite",
    "AttainmentRecord",
    "AuditEntry",
    "Authority",
    "CareDetails",
    "Caseload",
    "Child",
    "Concern",
    "ConcernNotice",
    "ContributorView",
    "EducationSummary",
    "MeetingAction",
    "Pep",
    "PepSection",
    "QaDecision",
    "RevokedToken",
    "School",
    "SchoolHistoryEntry",
    "SchoolTermData",
    "SignedOffChild",
    "Suspension",
    "Target",
    "TranscriptMessage",
    "User",
    "ViewTopic",
    "VirtualSchoolFlag",
    "VoiceSession",
    "YoungPersonsView",
]
