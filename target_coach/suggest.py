"""One concrete fix per failed criterion, in the policy's style, and a SMART rewrite."""

from __future__ import annotations

import re
from datetime import date

from target_coach.aims import first_aims
from target_coach.criteria import counts_the_effort
from target_coach.dates import (
    after_this_school_year,
    current_day,
    is_past,
    read_dates,
    review_day,
)
from target_coach.parsing import parse
from target_coach.periods import read_periods, review_period
from target_coach.schema import Criteria, TargetCheckRequest
from target_coach.skills import example_for
from target_coach.words import AFTER_A_NAME, is_word, wordnet

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
    "time_bound": "Give the day it will be reviewed, for example \u201cby 27/03/2027\u201d, or "
    "the term it ends with; \u201congoing\u201d or \u201ctermly\u201d is not a time.",
    "achievable": "Set a step the child can reach by the review from where they are now, for "
    "example from 60% to 75% attendance rather than to 100%.",
    "relevant": "Link the target to the child's needs or their own words, for example \u201cas "
    "Sam asked for help with reading\u201d.",
}
# When the target is the help or the practice, the outcome column is where success is told.
EFFORT_FIX = (
    "Say in the outcome how the child's success will be measured, for example "
    "\u201c{measure}\u201d; how often they practise, or the help runs, counts what is done, "
    "not what is achieved."
)
NEXT_MEETING = "the PEP's next meeting date"
LABEL = re.compile(r"^\s*(?:academic|social ?/ ?emotional|personal|sems?h?)\s*[:\-]\s*", re.I)


def suggestions(
    criteria: Criteria, req: TargetCheckRequest, *, today: date | None = None
) -> list[str]:
    """One fix per failed criterion, its examples taken from the child's subject and stage."""
    example = example_for(req)
    fixes = dict(FIXES)
    failed_specific = criteria.specific.met is False
    aims = first_aims(parse(req.target)) if failed_specific else []
    fixes["specific"] = (
        "Give each aim a target of its own, so each can be measured and reviewed: for "
        f"example one for \u201c{aims[0]}\u201d and another for \u201c{aims[1]}\u201d."
        if len(aims) == 2
        else "Name the skill, knowledge or behaviour a stranger could see, for example "
        f"\u201c{example.skill}\u201d rather than \u201c{_clause(req.target)}\u201d."
    )
    fixes["measurable"] = (
        EFFORT_FIX if counts_the_effort(req.target) else FIXES["measurable"]
    ).format(measure=example.measure)
    fixes["time_bound"] = _time_fix(req, today)
    return [fixes[name] for name, c in criteria if c.met is False]


def _time_fix(req: TargetCheckRequest, today: date | None) -> str:
    """The fix for a missing or unusable review day: what is wrong with the date given (past,
    or no day at all) rather than a stock line about "end of term", and the next meeting."""
    found = review_day(req.dated_fields(), today=today) or review_period(
        req.dated_fields(), today=today or current_day()
    )
    wrong = f"{found.problem}. " if found and found.problem else ""
    review = _review_date(req, today)
    if review:
        return (
            f"{wrong}Give the day it will be reviewed: {review}, {NEXT_MEETING}, "
            "unless an earlier day suits."
        )
    if wrong:
        return f"{wrong}Give the day it will be reviewed, one still to come, as DD/MM/YYYY."
    return FIXES["time_bound"]


def _review_date(req: TargetCheckRequest, today: date | None = None) -> str:
    """The PEP's next meeting, offered as the review day when the target's `when` gives none
    (empty, past or impossible) and the meeting is still to come."""
    review = req.context.review_date
    if not review or is_past(review, today=today):
        return ""
    when = review_day([req.when], today=today) or review_period(
        [req.when], today=today or current_day()
    )
    return review.strftime("%d/%m/%Y") if not req.when.strip() or (when and when.problem) else ""


# Who or what a target is about, when it does not name the child: "Pupil to attend...",
# "Carer to bring...", "Attendance to improve..." open with an ordinary noun, not a name.
ROLE_NOUNS = frozenset(
    {"pupil", "child", "student", "learner", "yp", "cyp", "he", "she", "they", "carer", "carers"}
    | {"parent", "parents", "mum", "dad", "teacher", "staff", "tutor", "mentor", "worker"}
)
# Endings of the abstract nouns a target is about ("attendance", "behaviour", "engagement");
# hardly any first name ends so.
ABSTRACT_ENDINGS = ("ance", "ence", "iour", "ior", "ment", "ness", "tion", "sion", "ity", "ship")


def _names_the_child(words: list[str]) -> bool:
    """A capital before "will" is a name ("Grace will read"). Before "to" it is a name when the
    word cannot open a target as a verb, an adjective or an adverb ("Continue to", "Able to",
    "Regularly to"): "Kacper to", and "Harvey to" though Harvey is in the dictionary (a noun).
    A name that is also a verb ("Grace to") stays ambiguous and loses its capital."""
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    after, word = words[1].lower(), words[0].lower()
    if after != "to":
        return after in AFTER_A_NAME
    if not is_word(word):
        return True
    forms = {word, *(t.lemma_.lower() for t in parse(word))}  # "Travels to" is a verb too
    opens_a_target = any(f in wordnet(pos) for f in forms for pos in ("verb", "adj", "adv"))
    ordinary = word in ROLE_NOUNS or word.endswith(ABSTRACT_ENDINGS) or word.endswith("ing")
    return not opens_a_target and word.isalpha() and not ordinary


def _clause(text: str) -> str:
    """Mid-sentence form: "To improve X." -> "improve X"; names and "I" keep their capital."""
    text = LABEL.sub("", text.strip()).rstrip(". ")
    text = re.sub(r"^to\s+", "", text, flags=re.I)
    if not text:
        return text
    words = text.split()
    word = words[0]
    first = parse(word)
    acronym = any(c.isupper() for c in word[1:])  # "SENCo", "DT", "GCSE"
    keep = (
        text.startswith(("I ", "I'"))
        or acronym
        or any(t.pos_ == "PROPN" for t in first)
        or _names_the_child(words)
    )
    return text if keep else text[:1].lower() + text[1:]


def rewrite(req: TargetCheckRequest, criteria: Criteria, *, today: date | None = None) -> str:
    """One sentence that keeps every fact given; placeholders only for what is missing. The
    review day opens it ("By 27/03/2027, ...") unless the target's own words already say when,
    and a past or impossible date is replaced where it stands."""
    failed = {name for name, c in criteria if c.met is False}
    example = example_for(req)
    what = _clause(req.target)
    if "specific" in failed:
        what = f"{what}: {PLACEHOLDERS['specific']}, e.g. {example.skill}]"
    kept = [_mend(text, req, today) for text in (what, req.action, req.outcome)]
    what, action, outcome = kept
    opening = _opening(req, kept, today)
    parts = [opening + what if opening else what[:1].upper() + what[1:]]
    if action.strip():
        parts.append(f", through {_clause(action)}")
    parts.append(
        f", with {req.who.strip().rstrip('.')} responsible"
        if req.who.strip()
        else ", with [who is responsible]"
    )
    if "achievable" in failed:
        parts.append(f", {PLACEHOLDERS['achievable']}")
    if "relevant" in failed:
        parts.append(f", {PLACEHOLDERS['relevant']}")
    outcome = _clause(outcome) if outcome.strip() else ""
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


def _review_text(req: TargetCheckRequest, today: date | None) -> str:
    """The review day the rewrite gives: the `when` given if it is a day still to come, else
    the PEP's next meeting, else a gap for the school to fill."""
    when = review_day([req.when], today=today)
    if when and not when.problem and not (when.value and after_this_school_year(when.value, today)):
        return when.text
    period = None if when else review_period([req.when], today=today or current_day())
    if period and not period.problem:
        return period.by
    review = _review_date(req, today)
    if review:
        return f"{review} ({NEXT_MEETING})"
    return f"{PLACEHOLDERS['time_bound']}, e.g. 27/03/2027]"


def _mend(text: str, req: TargetCheckRequest, today: date | None) -> str:
    """The text with a past or impossible review date replaced by a usable one. A past date
    beside a future one is history ("82% on 01/09/2026") and is kept."""
    found = review_day([text], today=today)
    if not found or not found.problem:
        return text
    for reading in reversed(read_dates(text, today=today)):
        if reading.problem and not reading.starts:  # a start date is a fact to keep
            start, end = reading.span
            text = text[:start] + _review_text(req, today) + text[end:]
    return text


def _opening(req: TargetCheckRequest, kept: list[str], today: date | None) -> str:
    """ "By <day>, " when the kept words do not already say the review day (so a target that
    states its date does not get it twice); the `when` too if it names a different day."""
    stated = [r for text in kept for r in read_dates(text, today=today) if not r.starts]
    periods = [r for text in kept for r in read_periods(text, today=today or current_day())]
    if not stated and any(not r.problem for r in periods):
        return ""  # "... by Easter": the kept words already say when
    if not stated:
        return f"By {_review_text(req, today)}, "
    when = review_day([req.when], today=today)
    if when and not when.problem and when.value not in {r.value for r in stated}:
        return f"By {when.text}, "
    return ""
