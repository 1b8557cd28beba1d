"""A baseline the teacher wrote into the target itself.

Many ePEP forms have no baseline box, so teachers write the child's starting point in the
target: "Kai will read all 25 Phase 3 graphemes. He currently knows 14 of 25." Achievable is
"based on PEP content and data" (the policy's QA table), and that sentence is the data. Read as
part of the goal, its numbers would also be taken for the level to reach; so the sentence
moves to the baseline and the goal is judged without it.

Only the target column is read: "(currently daily)" in an outcome or "currently mornings
only" in the action describes the help or hedges the outcome, and writers judged those rows as
giving no baseline.
"""

from __future__ import annotations

import re

from target_coach.schema import TargetCheckRequest

# A sentence (or a "; " clause) that says where the child is now.
_NOW = re.compile(
    r"\b(?:currently|at the moment|at present|at the minute|right now|"
    r"at the start of (?:the |this )?term|so far this (?:term|year))\b",
    re.I,
)
# A sentence ends at a stop before a space: not inside "2.5 hours", nor after "e.g." or "i.e.".
_SENTENCE_END = re.compile(r"(?<=[.;!?])(?<!\be\.g\.)(?<!\bi\.e\.)\s+")


# A level the child is at, as targets write one: a mark out of a total, a percentage, a grade
# or level by number or letter. Not a time of day ("from 9am to 3pm" is the school day).
_LEVEL = (
    r"(?:(?:an? |grade |level |band |stage |phase |a grade |a level )?"
    r"(?:\d+(?:\.\d+)?(?:\s*/\s*\d+|\s*%|\s+out of\s+\d+)?(?!\s*(?:am|pm|:|\.\d|hours?|hrs?|"
    r"mins?|minutes?|days?|weeks?))|[A-E][*+-]?(?![\w'])|[1-9][+-]?(?![\w'])))"
)
# "from 16/40 in the November mock to at least 22/40": the step's start, written in the goal.
_FROM_TO = re.compile(
    rf"\bfrom (?P<base>{_LEVEL}(?: (?:in|on|at) (?:the |his |her |their |my )?[\w' -]{{1,30}}?)?)"
    rf"(?= to (?:at least |a |an |grade |level |band )?(?:\d|[A-E][*+-]?(?![\w'])))"
)


def with_stated_baseline(req: TargetCheckRequest) -> TargetCheckRequest:
    """The request with the target's own "currently ..." sentences, or the start of its "from
    ... to ..." step, as its baseline, when the context gives none; otherwise the request as it
    is."""
    if req.context.baseline.strip():
        return req
    sentences = [part for part in _SENTENCE_END.split(req.target) if part.strip()]
    stated = [s for s in sentences if _NOW.search(s)]
    goal = " ".join(s.strip() for s in sentences if s not in stated).strip()
    if stated and goal:
        return _moved(req, goal, " ".join(s.strip() for s in stated))
    step = _FROM_TO.search(req.target)
    if step:
        goal = (req.target[: step.start()] + req.target[step.end() :]).replace("  ", " ").strip()
        return _moved(req, goal, step["base"].strip())
    return req


def _moved(req: TargetCheckRequest, goal: str, baseline: str) -> TargetCheckRequest:
    return req.model_copy(
        update={"target": goal, "context": req.context.model_copy(update={"baseline": baseline})}
    )
