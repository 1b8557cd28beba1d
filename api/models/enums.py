"""The closed vocabularies of the PEP, shared by models, schemas and pages."""

from __future__ import annotations

from enum import StrEnum
from typing import get_args

from target_coach.schema import VoiceTopic


class Role(StrEnum):
    VIRTUAL_SCHOOL = "virtual_school"
    DESIGNATED_TEACHER = "designated_teacher"
    SOCIAL_WORKER = "social_worker"
    TEACHING_ASSISTANT = "teaching_assistant"
    SAFEGUARDING_LEAD = "safeguarding_lead"


class PepStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    SIGNED_OFF = "signed_off"


class PepType(StrEnum):
    INITIAL = "initial"
    REVIEW = "review"


class AgeBand(StrEnum):
    EY = "EY"
    KS1 = "KS1"
    KS2 = "KS2"
    KS3 = "KS3"
    KS4 = "KS4"
    POST16 = "POST16"


class TopicStatus(StrEnum):
    ANSWERED = "answered"
    DECLINED = "declined"
    DONT_KNOW = "dont_know"
    NOT_ASKED = "not_asked"


class VoiceMode(StrEnum):
    MY_VIEWS = "my_views"
    MEETING_PREP = "meeting_prep"
    MEETING_REVIEW = "meeting_review"


class HelperRole(StrEnum):
    TEACHING_ASSISTANT = "teaching_assistant"
    SOCIAL_WORKER = "social_worker"
    DESIGNATED_TEACHER = "designated_teacher"
    ALONE = "alone"


class ConcernKind(StrEnum):
    SAFEGUARDING = "safeguarding"
    MOVE_SCHOOL = "move_school"
    UNHAPPY_IN_SCHOOL = "unhappy_in_school"


class ConcernStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"


class ConcernTier(StrEnum):
    """Urgent: the safety reply and alerts now. Review: a person reads it the same day."""

    URGENT = "urgent"
    REVIEW = "review"


class ConcernDecision(StrEnum):
    """The designated safeguarding lead's decision on a concern."""

    NOT_A_CONCERN = "not_a_concern"
    RAISED = "raised"


# The ten "My views" topics, in the order they are asked: the target coach drafts from the
# same keys, so they are defined once, beside the coach's request models.
TOPIC_KEYS: tuple[str, ...] = get_args(VoiceTopic)

SECTION_KEYS: tuple[str, ...] = ("A", "B", "C", "D", "E")


def age_band_for_year(school_year: int | None, age: int | None = None) -> AgeBand:
    """The band follows the school year, not the birthday (nursery -1, reception 0).

    A young person out of school (no year) aged 16 to 18 is POST16.
    """
    if school_year is None:
        return AgeBand.POST16 if (age or 0) >= 16 else AgeBand.KS4
    if school_year <= 0:
        return AgeBand.EY
    if school_year <= 2:
        return AgeBand.KS1
    if school_year <= 6:
        return AgeBand.KS2
    if school_year <= 9:
        return AgeBand.KS3
    if school_year <= 11:
        return AgeBand.KS4
    return AgeBand.POST16
