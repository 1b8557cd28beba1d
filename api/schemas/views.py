"""The Young Person's View section, as DESIGN.md's contract lays it out (plus the fields added
since: the helper's name and language, the copy's format, what the child said after the meeting).

Nullable where the child has not got that far: a view no session has touched is all nulls.
"""

from __future__ import annotations

from pydantic import Field

from api.models.enums import AgeBand, ConcernKind, ConcernStatus, ConcernTier, TopicStatus
from api.schemas.common import ResponseModel
from target_coach.schema import VoiceTopic


class CompletedWith(ResponseModel):
    role: str | None
    support: list[str]
    name: str | None
    interpreter_language: str | None


class TopicView(ResponseModel):
    topic: VoiceTopic
    question: str | None
    rating: int | None
    answer: str | None
    status: TopicStatus
    withheld: bool = Field(
        default=False,
        description="Present, and true, only when the answer was raised as a safeguarding "
        "concern: `answer` is null here and the words are in `concerns`.",
    )


class MeetingView(ResponseModel):
    wants_to_attend: str | None
    message_for_meeting: str | None
    spoken_by: str | None
    wants_copy: bool | None
    copy_format: str | None


class ViewConcern(ResponseModel):
    kind: ConcernKind
    text: str
    topic: str | None
    raised_at: str
    status: ConcernStatus
    tier: ConcernTier


class LateAnswer(ResponseModel):
    """Words sent for a question the conversation had moved on from (another tab answered it
    first, or a page left open): kept, and never filed as that topic's answer."""

    topic: VoiceTopic | None = Field(description="the question's topic, when it was one")
    text: str


class YoungPersonsView(ResponseModel):
    pep_id: str
    age_band: AgeBand
    completed_with: CompletedWith
    topics: list[TopicView]
    meeting: MeetingView
    after_meeting: dict[str, str | None]
    after_meeting_withheld: list[str]
    meeting_withheld: list[str] = Field(
        default_factory=list,
        description="meeting fields whose words were raised as a safeguarding concern (null above)",
    )
    concerns: list[ViewConcern]
    late_answers: list[LateAnswer] = Field(default_factory=list)
    summary: str | None
    summary_withheld: bool = Field(
        default=False,
        description="the summary's words were raised as a safeguarding concern (null above)",
    )
    child_agreed: bool | None
    updated_at: str
