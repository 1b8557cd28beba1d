"""Voice sessions, chat turns and the bot's internal writes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from api.models.enums import HelperRole, TopicStatus, VoiceMode
from api.schemas.common import LongText, NameText, SingleLine, StrictModel

SUPPORT_KINDS = Literal["read aloud", "symbols", "scribed"]
LanguageText = Annotated[NameText, StringConstraints(max_length=60)]


class VoiceSessionCreate(StrictModel):
    mode: VoiceMode
    helper_role: HelperRole
    helper_username: SingleLine | None = None
    support: list[SUPPORT_KINDS] = Field(default_factory=list, max_length=3)
    helper_name: NameText | None = Field(
        default=None,
        description="The adult helping, when they are not the signed-in helper (a carer, "
        "an interpreter, a key worker); otherwise the helper's own name is recorded.",
    )
    interpreter_language: LanguageText | None = Field(
        default=None, description="The language of an interpreter or language support."
    )


class VoiceSessionCreated(BaseModel):
    session_id: str
    child_url: str
    expires_at: str


class ChatMessageIn(StrictModel):
    text: LongText
    client_message_id: SingleLine | None = None
    # The step_id the question came with: words for a question no longer open are kept as a
    # late answer, never filed under the question that is open now.
    step_id: SingleLine | None = Field(default=None, max_length=32)


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    text: str | None = None
    buttons: list[Button] = Field(default_factory=list)
    image: str | None = None


class ChatReply(BaseModel):
    messages: list[BotMessage]
    # The question these messages leave open; send it back with the answer.
    step_id: str | None = None


class ConversationOut(BaseModel):
    """The conversation so far, for a page that opens (or re-opens) the child's link."""

    entries: list[dict[str, Any]]
    step_id: str | None = None
    reply: list[BotMessage] = Field(default_factory=list)


class TurnReplyWrite(StrictModel):
    """What the action server said for one turn, and the step it left open."""

    messages: list[dict[str, Any]] = Field(max_length=20)
    step: str | None = Field(default=None, max_length=60)
    slots: dict[str, Any] | None = None


class TopicWrite(StrictModel):
    question: LongText | None = None
    rating: int | None = Field(default=None, ge=1, le=5)
    answer: LongText | None = None
    status: Literal[TopicStatus.ANSWERED, TopicStatus.DECLINED, TopicStatus.DONT_KNOW]


class MeetingWrite(StrictModel):
    wants_to_attend: Literal["yes", "no", "part", "undecided"] | None = None
    message_for_meeting: LongText | None = None
    spoken_by: LongText | None = None
    wants_copy: bool | None = None
    copy_format: Literal["what_i_said", "document"] | None = None


class SummaryWrite(StrictModel):
    summary: LongText
    child_agreed: bool


class AfterMeetingWrite(StrictModel):
    how_it_went: LongText | None = None
    agrees_with_plan: LongText | None = None
    understands_plan: LongText | None = None


class ConcernWrite(StrictModel):
    kind: Literal["safeguarding", "move_school", "unhappy_in_school"]
    text: LongText
    topic: Annotated[SingleLine, Field(max_length=40)] | None = None


class SupportWrite(StrictModel):
    support: list[SUPPORT_KINDS] = Field(max_length=3)
