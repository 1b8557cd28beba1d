"""The closed vocabularies of the PEP, shared by models, schemas and pages."""

from __future__ import annotations

from datetime import date
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
    """Initial on coming into care, a review each term, a transition PEP before a move of
    school or phase, and an informal one between the statutory meetings (Slough, Liquid Logic)."""

    INITIAL = "initial"
    REVIEW = "review"
    TRANSITION = "transition"
    INFORMAL = "informal"


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


class ContributorKind(StrEnum):
    """Whose view, besides the child's own "My views": each kept and shown apart from it."""

    CARER = "carer"
    SCHOOL = "school"
    CHILD_AT_MEETING = "child_at_meeting"


class SendStatus(StrEnum):
    """The child's special educational needs: none, SEN support, an EHCP, or being assessed."""

    NONE = "none"
    SEN_SUPPORT = "sen_support"
    EHCP = "ehcp"
    BEING_ASSESSED = "being_assessed"


class PlacementType(StrEnum):
    """Where the child lives, in section A's words (Bradford's personal and care details)."""

    FOSTER_CARE = "foster_care"
    KINSHIP = "kinship"
    RESIDENTIAL = "residential"
    PLACED_WITH_PARENTS = "placed_with_parents"
    SUPPORTED_ACCOMMODATION = "supported_accommodation"
    SECURE = "secure"
    OTHER = "other"


# The ten "My views" topics, in the order they are asked: the target coach drafts from the
# same keys, so they are defined once, beside the coach's request models.
TOPIC_KEYS: tuple[str, ...] = get_args(VoiceTopic)

SECTION_KEYS: tuple[str, ...] = ("A", "B", "C", "D", "E")


def school_year_for_birth(date_of_birth: date, on: date) -> int:
    """The English school year a child born on `date_of_birth` is in on `on`.

    The academic year starts on 1 September, and a child who is 4 by 31 August starts
    Reception (0) that September: so everyone born 1 September to 31 August is in one year.
    """
    academic_year = on.year if on.month >= 9 else on.year - 1
    cohort = date_of_birth.year if date_of_birth.month >= 9 else date_of_birth.year - 1
    return academic_year - cohort - 5


def age_band_for_year(
    school_year: int | None,
    age: int | None = None,
    *,
    date_of_birth: date | None = None,
    on: date | None = None,
) -> AgeBand:
    """The band follows the school year, not the birthday (nursery -1, reception 0).

    With no school year recorded (out of school, or not entered yet) the year the child would
    be in is worked out from the date of birth, or roughly from the age; a young person of 16
    to 18 out of school is POST16.
    """
    if school_year is None:
        if age is not None and age >= 16:
            return AgeBand.POST16
        if date_of_birth is not None:
            school_year = school_year_for_birth(date_of_birth, on or date.today())
        elif age is not None:
            school_year = age - 5  # a 5-year-old is in Year 1 for most of the school year
        else:
            return AgeBand.KS3
    return _band_for_year(school_year)


def _band_for_year(school_year: int) -> AgeBand:
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


class SuspensionKind(StrEnum):
    """A suspension (what was a fixed-term exclusion) or a permanent exclusion (Slough)."""

    SUSPENSION = "suspension"
    PERMANENT_EXCLUSION = "permanent_exclusion"


class AttainmentJudgement(StrEnum):
    """Where the child is against what is expected of them this term."""

    ABOVE = "above"
    AT = "at"
    BELOW = "below"
    WELL_BELOW = "well_below"


class FlagKind(StrEnum):
    """What the virtual school is told at once: attendance below 95% (Liquid Logic), a
    suspension or exclusion on the record, or a child at risk of exclusion (Halton: the virtual
    school is "immediately informed" and its advice sought)."""

    LOW_ATTENDANCE = "low_attendance"
    SUSPENSION = "suspension"
    AT_RISK_OF_EXCLUSION = "at_risk_of_exclusion"
