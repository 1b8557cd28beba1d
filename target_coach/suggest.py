"""One concrete fix per failed criterion, in the policy's style, and a SMART rewrite."""

from __future__ import annotations

import re

from offline_models import spacy_pipeline
from target_coach.dates import find_date
from target_coach.schema import Criteria, TargetCheckRequest

PLACEHOLDERS = {
    "specific": "[the particular skill, e.g. recall the 6, 7 and 8 times tables]",
    "measurable": "[the measure, e.g. 8 out of 10 in the weekly quiz]",
    "time_bound": "[review date, e.g. 27/03/2027]",
    "achievable": "[a step up from the baseline]",
    "relevant": "[the need this answers]",
}
FIXES = {
    "specific": "Name the skill, knowledge or behaviour, for example \u201crecall the 6, 7 and 8 "
    "times tables\u201d rather than \u201cget better at maths\u201d.",
    "measurable": "Say how success will be measured, for example \u201c8 out of 10 in the weekly "
    "times-tables quiz\u201d or \u201cattendance above 90%\u201d.",
    "time_bound": "Give the day it will be reviewed, for example \u201cby 27/03/2027\u201d; "
    "\u201cend of term\u201d is not a date.",
    "achievable": "Set a step the child can reach by the review from where they are now, for "
    "example from 60% to 75% attendance rather than to 100%.",
    "relevant": "Link the target to the child's needs or their own words, for example \u201cas "
    "Sam asked for help with reading\u201d.",
}
LABEL = re.compile(r"^\s*(?:academic|social ?/ ?emotional|personal|sems?h?)\s*[:\-]\s*", re.I)


def suggestions(criteria: Criteria) -> list[str]:
    return [FIXES[name] for name, c in criteria if c.met is False]


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
    what = _clause(req.target)
    if "specific" in failed:
        what = f"{what}: {PLACEHOLDERS['specific']}"
    found = next(
        (d for f in (req.when, req.target, req.action, req.outcome) if f and (d := find_date(f))),
        None,
    )
    when = found.text if found else PLACEHOLDERS["time_bound"]
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
    if outcome and has_measure:
        parts.append(f". Success: {outcome}")
    elif outcome:
        parts.append(f". Success: {outcome}, measured by {PLACEHOLDERS['measurable']}")
    elif not has_measure:
        parts.append(f". Success: {PLACEHOLDERS['measurable']}")
    if req.ppp.strip():
        parts.append(f". PP+: {req.ppp.strip().rstrip('.')}")
    return "".join(parts) + "."
