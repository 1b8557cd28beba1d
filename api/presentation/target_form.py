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
from api.page_forms import FormReader
from api.schemas.common import MAX_TEXT

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
FIELD_IDS = {name: f"t-{name}" for name in (*FIELDS, "answers_topic")} | {"ppp_cost": "t-ppp"}
# "£1,500" is 1500: the first sum of money in the PP+ words is the request's cost.
COST = re.compile(r"£\s*([0-9][0-9,]*(?:\.[0-9]{1,2})?)")
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
    cost, whether or not the words name it; otherwise the first sum of money in them."""
    if saved is not None and ppp == (saved.ppp or ""):
        pence = saved.ppp_cost_pence
        return str(Decimal(pence) / 100) if pence is not None else None
    found = COST.search(ppp)
    return found.group(1).replace(",", "") if found else None


def done_message(done: dict[str, str], current: list[dict[str, Any]]) -> str:
    """What the page says, where a screen reader hears it, after a save, delete or review."""
    if done.get("saved"):
        scored = [t["score"] for t in current if t["target_id"] == done["saved"]]
        return f"Saved with a score of {scored[0]} of 5." if scored else ""
    if done.get("deleted"):
        return "Target deleted."
    return "Review saved." if done.get("reviewed") else ""


def review_id(target_id: str) -> str:
    """The evidence box of last term's target's review, which its errors link to."""
    return f"review-note-{target_id}"
