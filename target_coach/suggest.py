"""One concrete fix per failed criterion, in the policy's style, and a SMART rewrite."""

from __future__ import annotations

import re

from offline_models import spacy_pipeline
from target_coach.dates import find_date
from target_coach.schema import Criteria, TargetCheckRequest
from target_coach.skills import example_for

# The opening of each placeholder; the example after "e.g." fits the target being written.
PLACEHOLDERS = {
    "specific": "[the particular skill",
    "measurable": "[the measure",
    "time_bound": "[review date",
    "achievable": "[a step up from the baseline]",
    "relevant": "[the need this answers]",
}
FIXES = {
    "measurable": "Say how success will be measured, for example \u201c{measure}\u201d; a word "
    "such as \u201cneater\u201d or \u201cbetter\u201d says which way, not how far.",
    "time_bound": "Give the day it will be reviewed, for example \u201cby 27/03/2027\u201d; "
    "\u201cend of term\u201d is not a date.",
    "achievable": "Set a step the child can reach by the review from where they are now, for "
    "example from 60% to 75% attendance rather than to 100%.",
    "relevant": "Link the target to the child's needs or their own words, for example \u201cas "
    "Sam asked for help with reading\u201d.",
}
NEXT_MEETING = "the PEP's next meeting date"
LABEL = re.compile(r"^\s*(?:academic|social ?/ ?emotional|personal|sems?h?)\s*[:\-]\s*", re.I)


def suggestions(criteria: Criteria, req: TargetCheckRequest) -> list[str]:
    """One fix per failed criterion, its examples taken from the child's subject and stage."""
    example = example_for(req)
    fixes = dict(FIXES)
    fixes["specific"] = (
        "Name the skill, knowledge or behaviour a stranger could see, for example "
        f"\u201c{example.skill}\u201d rather than \u201c{_clause(req.target)}\u201d."
    )
    fixes["measurable"] = FIXES["measurable"].format(measure=example.measure)
    review = _review_date(req)
    if review:
        fixes["time_bound"] = (
            f"Give the day it will be reviewed: {review}, {NEXT_MEETING}, "
            "unless an earlier day suits."
        )
    return [fixes[name] for name, c in criteria if c.met is False]


def _review_date(req: TargetCheckRequest) -> str:
    """The PEP's next meeting, offered as the review day when the target gives no `when`."""
    review = req.context.review_date
    return review.strftime("%d/%m/%Y") if review and not req.when.strip() else ""


def _clause(text: str) -> str:
    """Mid-sentence form: "To improve X." -> "improve X"; names and "I" keep their capital."""
    text = LABEL.sub("", text.strip()).rstrip(". ")
    text = re.sub(r"^to\s+", "", text, flags=re.I)
    if not text:
        return text
    first = spacy_pipeline()(text.split()[0])
    keep = text.startswith(("I ", "I'")) or any(t.pos_ == "PROPN" for t in first)
    return text if keep else text[:1].lower() + text[1:]


def rewrite(req: TargetCheckRequest, criteria: Criteria) -> str:
    """One sentence that keeps every fact given; placeholders only for what is missing."""
    failed = {name for name, c in criteria if c.met is False}
    example = example_for(req)
    what = _clause(req.target)
    if "specific" in failed:
        what = f"{what}: {PLACEHOLDERS['specific']}, e.g. {example.skill}]"
    found = next(
        (d for f in (req.when, req.target, req.action, req.outcome) if f and (d := find_date(f))),
        None,
    )
    review = _review_date(req)
    if found:
        when = found.text
    elif review:
        when = f"{review} ({NEXT_MEETING})"
    else:
        when = f"{PLACEHOLDERS['time_bound']}, e.g. 27/03/2027]"
    parts = [f"By {when}, {what}"]
    if req.action.strip():
        parts.append(f", through {_clause(req.action)}")
    parts.append(
        f", with {req.who.strip().rstrip('.')} responsible"
        if req.who.strip()
        else ", with [who is responsible]"
    )
    if "achievable" in failed:
        parts.append(f", {PLACEHOLDERS['achievable']}")
    if "relevant" in failed:
        parts.append(f", {PLACEHOLDERS['relevant']}")
    outcome = _clause(req.outcome) if req.outcome.strip() else ""
    has_measure = "measurable" not in failed
    measure = f"{PLACEHOLDERS['measurable']}, e.g. {example.measure}]"
    if outcome and has_measure:
        parts.append(f". Success: {outcome}")
    elif outcome:
        parts.append(f". Success: {outcome}, measured by {measure}")
    elif not has_measure:
        parts.append(f". Success: {measure}")
    if req.ppp.strip():
        parts.append(f". PP+: {req.ppp.strip().rstrip('.')}")
    return "".join(parts) + "."
