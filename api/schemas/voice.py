"""Voice sessions, chat turns and the bot's internal writes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints, model_validator

from api.models.enums import AgeBand, ConcernKind, HelperRole, TopicStatus, VoiceMode
from api.schemas.common import (
    ChildWords,
    Identifier,
    NameText,
    ResponseModel,
    SingleLine,
    StrictModel,
)
from api.schemas.views import MeetingView

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
    text: ChildWords
    client_message_id: SingleLine | None = None
    # The step_id the question came with: words for a question no longer open are kept as a
    # late answer, never filed under the question that is open now.
    step_id: Identifier | None = None


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
    question: ChildWords | None = None
    rating: int | None = Field(default=None, ge=1, le=5)
    answer: ChildWords | None = None
    status: Literal[TopicStatus.ANSWERED, TopicStatus.DECLINED, TopicStatus.DONT_KNOW]


class MeetingWrite(StrictModel):
    wants_to_attend: Literal["yes", "no", "part", "undecided"] | None = None
    message_for_meeting: ChildWords | None = None
    spoken_by: ChildWords | None = None
    wants_copy: bool | None = None
    copy_format: Literal["what_i_said", "document"] | None = None


class SummaryWrite(StrictModel):
    summary: ChildWords
    child_agreed: bool


class AfterMeetingWrite(StrictModel):
    how_it_went: ChildWords | None = None
    agrees_with_plan: ChildWords | None = None
    understands_plan: ChildWords | None = None


class ConcernWrite(StrictModel):
    kind: Literal["safeguarding", "move_school", "unhappy_in_school"]
    text: ChildWords
    topic: Annotated[SingleLine, Field(max_length=40)] | None = None


TopicName = Annotated[SingleLine, Field(max_length=40)]


class BotWrite(StrictModel):
    """One write the bot decided on in a turn; `kind` names the part that carries it."""

    kind: Literal["topic", "meeting", "summary", "after-meeting", "concern", "complete"]
    topic: TopicName | None = None
    answer: TopicWrite | None = None
    meeting: MeetingWrite | None = None
    summary: SummaryWrite | None = None
    after_meeting: AfterMeetingWrite | None = None
    concern: ConcernWrite | None = None

    @model_validator(mode="after")
    def _has_its_part(self) -> BotWrite:
        part = {
            "topic": self.answer if self.topic else None,
            "meeting": self.meeting,
            "summary": self.summary,
            "after-meeting": self.after_meeting,
            "concern": self.concern,
        }
        if self.kind != "complete" and part[self.kind] is None:
            needs = "topic and answer" if self.kind == "topic" else self.kind.replace("-", "_")
            raise ValueError(f"a {self.kind} write needs its {needs}")
        return self


class TurnWrite(StrictModel):
    """Everything one turn decided, stored together and once: the writes in order, the reply."""

    writes: list[BotWrite] = Field(default_factory=list, max_length=10)
    reply: TurnReplyWrite


class SupportWrite(StrictModel):
    support: list[SUPPORT_KINDS] = Field(max_length=3)


class HelperSession(ResponseModel):
    """A session on a TA's dashboard: whose, and whether it is still open."""

    session_id: str
    pep_id: str
    child_first_name: str
    mode: VoiceMode
    status: str


class SessionProgress(ResponseModel):
    """Progress through the topics, never the child's words; alerts only for an adult."""

    session_id: str
    mode: VoiceMode
    status: str
    child_first_name: str | None
    age_band: AgeBand | None
    topics: dict[str, TopicStatus]
    alerts: list[str]
    alert_kinds: list[ConcernKind]


class SupportOut(ResponseModel):
    support: list[SUPPORT_KINDS]


class SessionClosed(ResponseModel):
    session_id: str
    status: str


class BotTopic(ResponseModel):
    status: TopicStatus
    rating: int | None
    answer: str | None
    question: str | None


class BotAfterMeeting(ResponseModel):
    how_it_went: str | None
    agrees_with_plan: str | None
    understands_plan: str | None


class StoredTurnReply(ResponseModel):
    """What the bot already said for a turn, so a re-run turn repeats it and stops."""

    messages: list[BotMessage]
    slots: dict[str, Any]


class BotSessionState(ResponseModel):
    """Where a session stands, as the action server reads it before each step."""

    session_id: str
    mode: VoiceMode
    age_band: AgeBand
    child_first_name: str
    helper_role: HelperRole
    topics: dict[str, BotTopic]
    meeting: MeetingView
    attendees: list[dict[str, Any]]
    meeting_date: str | None
    summary: str | None
    child_agreed: bool | None
    after_meeting: BotAfterMeeting
    completed: bool
    emails_concerns: bool = Field(
        description="What the bot may promise a child who asks for a grown-up."
    )
    turn_reply: StoredTurnReply | None
    open_slots: dict[str, Any] | None


class TurnApplied(ResponseModel):
    """ "saved", or "already_answered" with what the turn said then (nothing was written now)."""

    status: Literal["saved", "already_answered"]
    stored: StoredTurnReply | None = None


class Saved(ResponseModel):
    """The action server's write is stored (or was already, by this turn)."""

    status: Literal["saved"]


class ConcernRaised(ResponseModel):
    status: Literal["raised"]
