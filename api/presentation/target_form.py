"""The targets page's form, read into what the targets service takes, for the page without
JavaScript (the scripted page builds the same body in targets.js).

Each field's error names the id of its box (`t-what` ... `t-answers_topic`) so the GOV.UK error
summary links to it; a review's names its evidence box, `review-note-<target id>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from starlette.datastructures import FormData

from api.models import Target
from api.page_forms import FormReader, as_typed, note_problem, sentence
from api.schemas.common import MAX_TEXT, direction_override

FIELDS = ("what", "how", "who", "when", "outcome", "ppp", "baseline", "needs")
# Each field as an error message names it: "The target must be 2,000 characters or fewer".
LABELS = {
    "what": "the target",
    "how": "how",
    "who": "who",
    "when": "when",
    "outcome": "the expected outcome",
    "ppp": "the PP+ request",
    "baseline": "the baseline",
    "needs": "the needs",
}
NO_TARGET = "Enter the target: what the child will be able to do, and how you will know"
NO_EVIDENCE = "Enter the evidence: what shows it, for example an assessment or a score"
REVIEW_STATUSES = ("met", "partly", "not_met")
NAMES = {**LABELS, "ppp_cost": "the PP+ cost", "answers_topic": "the child's answer"}


class CostUnreadable(ValueError):
    """The PP+ words have a "£" that is not followed by a sum of money."""


FIELD_IDS = {name: f"t-{name}" for name in (*FIELDS, "answers_topic")} | {"ppp_cost": "t-ppp"}
# The first sum of money in the PP+ words is the request's cost: "£1,500" is 1500, "£12.5" is
# 12.50. A "£" not followed by a whole sum ("£1,500.999", "£ 1e9", "£1,,5", "£-5") is refused
# rather than read as part of one.
POUND = "£"
COST = re.compile(r"£\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(?!\d|[.,]\S|[eE]\d)")
# The coach's draft names its fields as the target table's columns are named in the policy.
FROM_DRAFT = {
    "what": "target",
    "how": "action",
    "who": "who",
    "when": "when",
    "outcome": "outcome",
    "baseline": "baseline",
    "needs": "needs",
}


@dataclass(frozen=True)
class TargetForm:
    """What the form holds, as typed, so a refused form shows it again unchanged."""

    values: dict[str, str] = field(default_factory=lambda: dict.fromkeys(FIELDS, ""))
    answers_topic: str = ""
    target_id: str = ""  # the saved target being changed, if any
    based_on: str = ""  # its updated_at as the page read it
    note: str = ""  # the coach's note on a draft: the gaps still to fill

    @classmethod
    def from_post(cls, form: FormData) -> TargetForm:
        def typed(name: str, limit: int = 20_000) -> str:
            value = form.get(name)
            return value[:limit] if isinstance(value, str) else ""

        return cls(
            values={name: typed(name) for name in FIELDS},
            answers_topic=typed("answers_topic", 64),
            target_id=typed("target_id", 64),
            based_on=typed("based_on", 64),
        )

    @classmethod
    def from_target(cls, target: dict[str, Any]) -> TargetForm:
        return cls(
            values={name: target.get(name) or "" for name in FIELDS},
            answers_topic=target.get("answers_topic") or "",
            target_id=target["target_id"],
            based_on=target.get("updated_at") or "",
        )

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> TargetForm:
        values = {name: str(draft.get(FROM_DRAFT.get(name, name)) or "") for name in FIELDS}
        gaps = draft.get("placeholders") or []
        still = f" Still to fill: {', '.join(gaps)}." if gaps else ""
        return cls(
            values=values,
            answers_topic=str(draft.get("answers_topic") or ""),
            note=f"{draft.get('note', '')}{still}",
        )

    def as_new(self) -> TargetForm:
        """The same words, to be saved as a target of their own."""
        return replace(self, target_id="", based_on="")

    def reading(self, updated_at: str) -> TargetForm:
        """The same words, to be saved over the target as it was last saved."""
        return replace(self, based_on=updated_at)

    def problems(self) -> list[dict[str, str]]:
        """What the boxes hold that no target may (said in the page's words), before the
        schema judges the rest; each names its field."""
        reader = FormReader()
        for name, label in LABELS.items():
            reader.text(name, label, self.values[name], limit=MAX_TEXT, one_line=False)
            if (found := direction_override(self.values[name])) is not None:
                reader.problem(name, f"{sentence(label)} {found}")
        if not self.values["what"].strip():
            reader.problem("what", NO_TARGET)
        return reader.problems

    def body(self) -> dict[str, Any]:
        """The JSON API's body, for the schema to judge; the cost is the caller's to add."""
        return {
            **self.values,
            "answers_topic": self.answers_topic or None,
            "based_on": self.based_on or None,
        }


def cost_of(ppp: str, saved: Target | None) -> str | None:
    """The PP+ request's cost: a change that leaves the words as they were keeps the saved
    cost, whether or not the words name it; otherwise the first sum of money in them
    (CostUnreadable when its "£" starts no sum)."""
    if saved is not None and ppp == (saved.ppp or ""):
        pence = saved.ppp_cost_pence
        return str(Decimal(pence) / 100) if pence is not None else None
    if POUND not in ppp:
        return None
    found = COST.match(ppp, ppp.index(POUND))
    if found is None:
        raise CostUnreadable(ppp)
    return found.group(1).replace(",", "") + (found.group(2) or "")


def named_problems(errors: list[dict[str, str]]) -> list[dict[str, str]]:
    """Schema refusals that start mid-sentence ("has a direction override character") get
    their box's name in front, as the form's own messages have."""
    return [
        {
            **e,
            "message": e["message"]
            if e["message"][:1].isupper()
            else f"{sentence(NAMES.get(e['field'], e['field']))} {e['message']}",
        }
        for e in errors
    ]


@dataclass(frozen=True)
class ReviewForm:
    """A review of last term's target as chosen and typed, kept when it is refused."""

    target_id: str
    status: str = ""
    note: str = ""

    @classmethod
    def from_post(cls, target_id: str, form: FormData) -> ReviewForm:
        status, note = form.get("status"), form.get("note")
        return cls(
            target_id=target_id,
            status=status[:20] if isinstance(status, str) else "",
            note=note[:20_000] if isinstance(note, str) else "",
        )

    @property
    def status_id(self) -> str:
        return f"review-{self.target_id}"

    @property
    def note_id(self) -> str:
        """The evidence box, which the review's errors link to."""
        return f"review-note-{self.target_id}"

    def check(self) -> None:
        """FormInvalid naming each control at fault, with the schema's rules said in words."""
        reader = FormReader()
        if self.status not in REVIEW_STATUSES:
            reader.problem(self.status_id, "Choose met, partly met or not met")
        note = as_typed(self.note).strip()
        problem = note_problem(note, label="the evidence", missing=NO_EVIDENCE)
        if problem:
            reader.problem(self.note_id, problem)
        elif (found := direction_override(note)) is not None:
            reader.problem(self.note_id, f"The evidence {found}")
        reader.check()


def done_message(done: dict[str, str], current: list[dict[str, Any]]) -> str:
    """What the page says, where a screen reader hears it, after a save, delete or review."""
    if done.get("saved"):
        scored = [t["score"] for t in current if t["target_id"] == done["saved"]]
        return f"Saved with a score of {scored[0]} of 5." if scored else ""
    if done.get("deleted"):
        return "Target deleted."
    return "Review saved." if done.get("reviewed") else ""


def typed_words(form: TargetForm, review: ReviewForm | None) -> list[tuple[str, str]]:
    """Each box's words, named, for a page that can no longer offer the form they were typed
    in (the PEP was submitted meanwhile): the teacher can copy them before leaving."""
    words = [
        (sentence(LABELS[name]), value) for name, value in form.values.items() if value.strip()
    ]
    if review is not None and review.note.strip():
        words.append(("The evidence for last term's target", review.note))
    return words
