"""The target check's request and result, exactly as DESIGN.md's contract lays them out."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

MAX = 2000
KeyStage = Literal["EY", "KS1", "KS2", "KS3", "KS4", "POST16"]
Text = Annotated[str, StringConstraints(max_length=MAX)]


class TargetContext(BaseModel):
    model_config = ConfigDict(extra="forbid")

    needs: list[Text] = Field(default_factory=list, max_length=20)
    baseline: Text = ""
    child_views: Text = ""
    review_date: date | None = None


class TargetCheckRequest(BaseModel):
    """One target, the policy's six columns, and what the coach may judge it against."""

    model_config = ConfigDict(extra="forbid")

    target: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX)]
    action: Text = ""
    who: Text = ""
    when: Text = ""
    outcome: Text = ""
    ppp: Text = ""
    key_stage: KeyStage
    context: TargetContext = Field(default_factory=TargetContext)

    def all_text(self) -> str:
        return " ".join(p for p in (self.target, self.action, self.outcome) if p)

    def dated_fields(self) -> tuple[str, str, str, str]:
        """The columns a review day or period is read from, in the order they are read. A day
        in the action column is the adults' step ("appt 19 Jan"), not the target's, when the
        When column gives the target's own time ("termly", "End of Y11")."""
        action = "" if self.when.strip() else self.action
        return (self.when, self.target, action, self.outcome)


class Criterion(BaseModel):
    met: bool | None
    reason: str
    evidence: list[str] = Field(default_factory=list)


class Criteria(BaseModel):
    specific: Criterion
    measurable: Criterion
    achievable: Criterion
    relevant: Criterion
    time_bound: Criterion


class PolicyFinding(BaseModel):
    rule: str
    message: str


class Example(BaseModel):
    key_stage: str
    target: str
    outcome: str
    similarity: float


class TargetCheckResult(BaseModel):
    criteria: Criteria
    score: int
    rating: Literal["Outstanding", "Good", "Requires improvement"]
    policy: list[PolicyFinding]
    suggestions: list[str]
    rewrite: str
    examples: list[Example]


VoiceTopic = Literal[
    "feelings_about_school",
    "feelings_about_learning",
    "relationships_with_teachers",
    "relationships_with_peers",
    "feelings_about_self",
    "talents_and_interests",
    "aspirations",
    "going_well",
    "not_going_well",
    "support_wanted",
]


class DraftRequest(BaseModel):
    """What the child said, in their words, and what the coach needs to shape a target from it."""

    model_config = ConfigDict(extra="forbid")

    words: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX)]
    topic: VoiceTopic = "support_wanted"
    key_stage: KeyStage
    child_name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] = ""
    review_date: date | None = None


class TargetDraft(BaseModel):
    """A target in the policy's six columns, with gaps in [brackets] for the school to fill."""

    target: str
    action: str
    who: str
    when: str
    outcome: str
    baseline: str
    needs: str
    area: str | None
    answers_topic: VoiceTopic
    child_words: str
    placeholders: list[str]
    note: str
    example: Example | None
