"""A row of the policy's target table, as the DT writes it."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator

from api.schemas.common import LongText, ResponseModel, StrictModel, shows_something
from target_coach.schema import PolicyFinding, TargetDraft, VoiceTopic


class TargetWrite(StrictModel):
    what: LongText = Field(min_length=1)
    how: LongText = ""
    who: LongText = ""
    when: LongText = ""
    outcome: LongText = ""
    ppp: LongText = ""
    ppp_cost: Decimal | None = Field(default=None, ge=0, le=100_000, decimal_places=2)
    baseline: LongText = ""
    needs: LongText = ""
    answers_topic: VoiceTopic | None = Field(
        default=None,
        description='The child\'s "My views" topic whose answer this target responds to; '
        "it must be an answer the child gave and one the school may read.",
    )
    based_on: str | None = Field(
        default=None,
        max_length=64,
        description="On a change: the target's updated_at as you read it. If it was changed "
        "since, the change is refused with a 409 rather than written over it.",
    )

    @field_validator("what")
    @classmethod
    def _target_has_words(cls, what: str) -> str:
        if not shows_something(what):
            raise ValueError("say what the target is: it has no words, only spaces")
        return what


class TargetDraftRequest(StrictModel):
    """Which of the child's answers to draft a target from."""

    topic: VoiceTopic


class TargetReview(StrictModel):
    """Last term's target judged met, partly met or not met, with the evidence for it."""

    status: Literal["met", "partly", "not_met"]
    note: LongText = Field(
        description="the evidence for the judgement, for example an assessment or a score"
    )

    @field_validator("note")
    @classmethod
    def _evidence_given(cls, note: str) -> str:
        if not note.strip():
            raise ValueError("say what shows it: the evidence for the review")
        return note.strip()


class TargetDraftOut(TargetDraft):
    """The coach's draft, with the title of the child's answer it was drafted from."""

    title: str


class TargetOut(ResponseModel):
    """A saved target: the money in pounds as a string ("12.50"), the review beside it."""

    target_id: str
    what: str
    how: str
    who: str
    when: str
    outcome: str
    ppp: str
    ppp_cost: str | None
    baseline: str
    needs: str
    score: int | None
    ppp_decision: str | None
    kind: str
    review_status: str | None
    review_note: str | None
    answers_topic: str | None
    updated_at: str | None = Field(
        default=None, description="When it was last saved: send it back as based_on"
    )


class AnsweredBy(ResponseModel):
    target_id: str
    what: str
    reason: str


class ChildAskAnswered(ResponseModel):
    """Something the child asked for, and the targets that answer it (none is a finding)."""

    topic: str
    title: str
    words: str
    answered_by: list[AnsweredBy]


class TargetSetCheck(ResponseModel):
    """This term's new targets checked as a set: the set rules and the child's-voice rules."""

    count: int
    policy: list[PolicyFinding]
    child_voice: list[ChildAskAnswered]
