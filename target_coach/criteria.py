"""Specific, measurable and time-bound: what the target's own words can show.

Specific asks for a named skill, knowledge or behaviour; "get better at maths", "be good" and
"make friends" name none. The test uses spaCy's parse: a target is specific when it has an
action with an object that is more than a bare subject name or a vague abstraction, or when it
names a measure of a particular skill.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from target_coach.aims import (
    BROAD_AIMS,
    EVALUATIVE,
    GENERIC,
    VAGUE_PHRASES,
    VAGUE_VERBS,
    WISH_AS_TARGET,
    adult_task_named,
    bundled_aims,
    help_named_as_target,
    presence_named,
)
from target_coach.dates import (
    DateReading,
    after_this_school_year,
    current_day,
    is_past,
    review_day,
    vague_time,
    yearless_day,
)
from target_coach.measures import FEELING_AS_PERCENT, find_measures, find_thresholds
from target_coach.parsing import parse
from target_coach.periods import PeriodReading, review_period
from target_coach.schema import Criterion, TargetCheckRequest
from target_coach.words import dictionary_words, is_comparative, made_up_words, typo_of


def _quoted(words: list[str]) -> str:
    return ", ".join(f"\u201c{w}\u201d" for w in words)


def _not_a_target(what: str, doc: Doc) -> Criterion | None:
    """What fails specific whatever else the target says: a vague aim, the adults' task, the
    help, four aims in one, or words no reader would know."""
    if WISH_AS_TARGET.search(what):
        return Criterion(
            met=False,
            reason=f"\u201c{what.strip()}\u201d is the child's wish, not a target: keep it in "
            "their views, and set a step towards it that the review can check.",
        )
    if any(_vague(part) for part in (what, _after_its_heading(what), _slips_mended(what))):
        return Criterion(
            met=False,
            reason="It does not name the skill, knowledge or behaviour "
            f"to be achieved: \u201c{what.strip()}\u201d could mean many things.",
        )
    adult_task = adult_task_named(what)
    if adult_task:
        return Criterion(
            met=False,
            reason=f"\u201c{adult_task}\u201d is a task for the adults: put it under How and "
            "Who, and say here what the child will be able to do.",
            evidence=[adult_task],
        )
    help_named = help_named_as_target(doc)
    if help_named:
        return Criterion(
            met=False,
            reason=f"\u201c{help_named}\u201d is the help the child will get: put it under "
            "How, and say here what they will be able to do.",
            evidence=[help_named],
        )
    bundled = bundled_aims(doc)
    if bundled:
        return Criterion(
            met=False,
            reason=f"It strings {len(bundled)} aims together ({_quoted(bundled)}): give each "
            "its own target, so each can be measured and reviewed.",
            evidence=bundled,
        )
    made_up = made_up_words(doc)
    if made_up:
        return Criterion(
            met=False,
            reason=f"{_quoted(made_up)} {'is not a word' if len(made_up) == 1 else 'are not words'}"
            " a reader would know: name the skill in plain words.",
            evidence=made_up,
        )
    return None


# A plan's heading before the aim: "Travel training \u2013 to be more independent", "Reading: to
# improve his reading". A few words, no number, then a dash or colon.
_HEADING = re.compile(r"^\s*[^\W\d_][^\d:;.\u2013\u2014]{0,40}?\s*(?::|\u2013|\u2014|\s-\s)\s*")


def _after_its_heading(what: str) -> str:
    """The aim a heading introduces, so that a vague aim behind a heading is read as one."""
    heading = _HEADING.match(what)
    return what[heading.end() :] if heading and len(heading[0].split()) <= HEADING_WORDS + 1 else ""


def _slips_mended(what: str) -> str:
    """The target with its typing slips read as the words meant ("setle" as "settle"), so a
    vague aim typed in a hurry is read as the vague aim it is; "" when there is no slip."""
    words = re.split(r"(\W+)", what)
    mended = [
        (typo_of(w) or w) if w.isalpha() and w.lower() not in dictionary_words() else w
        for w in words
    ]
    return "".join(mended) if mended != words else ""


def _vague(what: str) -> bool:
    return bool(
        VAGUE_PHRASES.search(what) or (BROAD_AIMS.search(what) and not NAMED_BEHAVIOUR.search(what))
    )


def specific(req: TargetCheckRequest) -> Criterion:
    what = req.target
    doc = parse(what)
    refused = _not_a_target(what, doc)
    if refused:
        return refused
    if _is_heading(doc):
        return _heading_with_its_outcome(req)
    feeling = FEELING_AS_PERCENT.search(what)
    if feeling:
        return Criterion(
            met=False,
            reason=f"\u201c{feeling[0]}\u201d gives a feeling a number no record holds: name "
            "what the child will do that shows it, such as staying in the lesson.",
            evidence=[feeling[0]],
        )
    outright = _named_outright(what)
    if outright:
        return outright
    behaviour = NAMED_BEHAVIOUR.search(what)
    if behaviour:  # "stay in my lessons and not walk out": anyone could see it happen, or not
        return Criterion(met=True, reason="It names the behaviour.", evidence=[behaviour[0]])
    named = [_phrase(t) for t in doc if _names_something(t)]
    verbs = [t for t in doc if t.pos_ == "VERB" and t.lemma_.lower() not in VAGUE_VERBS]
    measures = find_measures(what)
    thresholds = find_thresholds(what)
    if thresholds:
        return Criterion(
            met=True, reason="It names the grade or level to reach.", evidence=thresholds[:2]
        )
    if named:
        return Criterion(
            met=True,
            reason="It names what will be achieved.",
            evidence=named[:3] + [v.text for v in verbs[:1]],
        )
    ranged = _skill_with_its_range(doc)
    if ranged:
        return Criterion(
            met=True, reason="It names a skill and how far it goes.", evidence=[ranged]
        )
    if measures and verbs:
        return Criterion(
            met=True, reason="It names a particular skill with a measure.", evidence=measures[:2]
        )
    return Criterion(
        met=False,
        reason="Name the particular skill, knowledge or behaviour, "
        "not just the subject or a general aim.",
        evidence=named[:2],
    )


def _skill_with_its_range(doc: Doc) -> str | None:
    """A skill's verb with the number it goes up to: "count to 20", "subitise to 5", "add and
    subtract within 20". The curriculum names these skills by the verb alone."""
    for number in doc:
        prep = number.head
        if not number.like_num or prep.lower_ not in ("to", "within", "beyond"):
            continue
        verb = prep.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() not in VAGUE_VERBS:
            return doc[verb.i : number.i + 1].text
    return None


HEADING_WORDS = 4


def _is_heading(doc: Doc) -> bool:
    """A few nouns a plan puts as a heading ("Fractions", "Listening and attention", "UCAS"):
    no verb but a gerund, no number, no determiner, so nothing says what the child will do."""
    words = [t for t in doc if not t.is_punct]
    return 0 < len(words) <= HEADING_WORDS and all(
        t.pos_ in ("NOUN", "PROPN", "ADJ", "CCONJ") or t.tag_ == "VBG" for t in words
    )


def _heading_with_its_outcome(req: TargetCheckRequest) -> Criterion:
    """A heading is a target only if its expected outcome says what will be achieved: "Letter
    formation" with "Forms all lower case letters correctly" is; "Fractions" alone is not."""
    outcome = req.outcome.strip()
    if outcome:
        judged = specific(req.model_copy(update={"target": outcome, "outcome": ""}))
        if judged.met or find_measures(outcome):
            return Criterion(
                met=True,
                reason="The expected outcome says what the heading will mean for the child.",
                evidence=judged.evidence or find_measures(outcome)[:2],
            )
    return Criterion(
        met=False,
        reason=f"\u201c{req.target.strip()}\u201d is a heading, not a target: say what the "
        "child will be able to do, and how well.",
        evidence=[req.target.strip()],
    )


# Knowledge a primary curriculum names in words the parser takes for something else: "times"
# read as a plural of "time", "tables" as a verb.
NAMED_KNOWLEDGE = re.compile(r"\b(?:times[- ]tables?|number bonds?)\b", re.I)


def _named_outright(what: str) -> Criterion | None:
    """Knowledge the parser misreads, or being in lessons said in generic nouns, named plainly
    enough that the parse need not be read."""
    known = NAMED_KNOWLEDGE.search(what)
    if known:
        return Criterion(met=True, reason="It names what will be known.", evidence=[known[0]])
    present = presence_named(what)
    if present:
        return Criterion(
            met=True, reason="It names where the child will be, and when.", evidence=[present]
        )
    return None


def _names_something(token: Token) -> bool:
    """A noun that names a thing to achieve: not a generic word, and not a person's name."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ == "PERSON":
        return False
    if token.pos_ == "PROPN" and token.dep_ in ("nsubj", "ROOT", "npadvmod"):
        return False  # "Sam will ...": who, not what
    if token.dep_ == "pobj" and _vague_head(token.head.head):
        return False  # "do well in exams", "support with friendships at playtime"
    if token.lemma_.lower() not in GENERIC:
        return True
    return any(
        c.dep_ in ("compound", "amod", "nummod")
        and c.lemma_.lower() not in GENERIC | EVALUATIVE
        and c.tag_ not in ("JJR", "JJS")
        and not any(m.tag_ in ("RBR", "RBS") for m in c.children)
        and not c.is_stop
        for c in token.children
    )


def _vague_head(head: Token) -> bool:
    """A word that carries no skill of its own: an aim verb, "well", or a word of praise."""
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX"):
        return lemma in VAGUE_VERBS - {"be"}  # "be on time for registration" is a behaviour
    return lemma in EVALUATIVE | {"well", "more"} or head.tag_ in ("JJR", "RBR")


def _phrase(token: Token) -> str:
    left = [c for c in token.children if c.dep_ in ("compound", "amod", "nummod")]
    start = min([token.i, *[c.i for c in left]])
    return token.doc[start : token.i + 1].text


def measurable(req: TargetCheckRequest) -> Criterion:
    """How success will be known, from the target and its expected outcome. The action column
    is the help ("2x a week with the TA"): how often it runs measures the help, not the child,
    and so does a target that is itself the help ("1:1 reading tutor twice a week"), which
    leaves the outcome column to say how the child's success will be known."""
    measures: list[str] = []
    provision = the_help_given(req.target)
    effort = EFFORT.search(req.target)
    for field in (req.outcome,) if provision or effort else (req.target, req.outcome):
        found = _measures_in(field)
        if found and all(ASSESSMENT_ONLY.fullmatch(m) for m in found) and not RESULT.search(field):
            found = []  # "do well in his exams", "improved Boxall profile": which result?
        if found and all(AGE_SCALE.fullmatch(m) for m in found) and not re.search(r"\d", field):
            found = []  # "a higher reading age", "reading age to increase": how much higher?
        if FEELING.search(field):  # "happy every day": how often, but of what no one can see
            found = [m for m in found if not EVERY_ONE.match(m)]
        measures += [m for m in found if m not in measures]
    if measures:
        return Criterion(
            met=True, reason="It says how success will be measured.", evidence=measures[:4]
        )
    if effort and not provision:
        return Criterion(
            met=False,
            reason=f"\u201c{effort[1]}\u201d says what the child will do, not what they will "
            "achieve: say in the outcome how well, such as \u201ccounts to 20 without help\u201d.",
            evidence=[effort[1]],
        )
    if provision:
        return Criterion(
            met=False,
            reason=f"\u201c{provision}\u201d is the help, and how often it runs measures the help: "
            "say in the outcome what the child will achieve, and how well.",
            evidence=[provision],
        )
    compared = _comparatives(" ".join((req.target, req.outcome)))
    if compared:
        return Criterion(
            met=False,
            reason=f"\u201c{compared[0]}\u201d says which way, not how far: give a number, "
            "score, grade, count or named assessment that shows it.",
            evidence=compared[:2],
        )
    return Criterion(
        met=False,
        reason="Nothing says how success will be measured: no number, "
        "score, grade, count or named assessment.",
    )


# Practice and effort as the target: "practise counting to 20 every day", "work on his
# spellings". How often the child practises is no measure of what they will be able to do.
EFFORT = re.compile(
    r"^\s*(?:to\s+|(?:i|[^\W\d_][\w'-]*)\s+(?:will|to)\s+)?(practi[sc]e|work\s+on|"
    r"keep\s+working\s+on|try\s+to|have\s+a\s+go\s+at)\b",
    re.I,
)


def the_help_given(target: str) -> str | None:
    """The adults' task or the help, when that is what the target names."""
    return adult_task_named(target) or help_named_as_target(parse(target))


def counts_the_effort(target: str) -> bool:
    """The target is the help or the practice, so any count in it counts what is done, not
    what the child will achieve."""
    return bool(EFFORT.search(target) or the_help_given(target))


# An assessment named with no result to reach in it or beside it.
ASSESSMENT_ONLY = re.compile(
    r"(?:sats?|mocks?|tests?|assessments?|quiz|exams?|check|screening|boxall|sdq|psc)", re.I
)

# A behaviour anyone could count: "Reduce biting incidents" says which, "Reduce incidents" not.
NAMED_BEHAVIOUR = re.compile(
    r"\b(?:bit(?:e|es|ing)|hit(?:s|ting)?|kick\w*|spit\w*|swear\w*|throw\w*|scratch\w*|"
    r"push\w*|punch\w*|absconding|running off|walk(?:ing|s)? out|head[- ]?butt\w*)\b",
    re.I,
)

# A scale named with no point on it to reach.
AGE_SCALE = re.compile(r"(?:reading|spelling) age", re.I)

# "every night", "all appointments" measure what can be seen, not a feeling.
EVERY_ONE = re.compile(r"(?:every|all)\b", re.I)
FEELING = re.compile(
    r"\b(?:happy|happier|calm|calmer|confident|settled|safe|relaxed|content|positive|"
    r"motivated|enjoys?|enjoying|feels?|feeling)\b",
    re.I,
)

RESULT = re.compile(r"\b(?:pass\w*|scor\w*|marks?|grades?|results?|correct\w*)\b", re.I)


def _measures_in(text: str) -> list[str]:
    """Measure phrases, less an assessment word used as a verb ("check his answers")."""
    found = find_measures(text)
    if not found:
        return found
    verbs = {t.text.lower() for t in parse(text) if t.pos_ == "VERB"}
    return [m for m in found if " " in m or m.lower() not in verbs]


def _comparatives(text: str) -> list[str]:
    return [t.text for t in parse(text) if is_comparative(t)]


# The policy's test of time: "Will this target be able to be reviewed at the next PEP meeting?"
# Where the PEP records that meeting's date, "by the next PEP" names the day.
NEXT_PEP = re.compile(
    r"\bnext\s+(?:pep|cla|lac)(?:\s+(?:review|meeting))?\b|\bnext\s+review(?:\s+meeting)?\b",
    re.I,
)


def time_bound(req: TargetCheckRequest, *, today: date | None = None) -> Criterion:
    """A day the target will be reviewed on, one that exists and is still to come, or a
    term, half term or month the school calendar fixes (decision 0006)."""
    found = yearless_day(req.when, today=today) or review_day(req.dated_fields(), today=today)
    if found and found.problem:
        return Criterion(met=False, reason=_date_fix(found), evidence=[found.text])
    if found and found.value and after_this_school_year(found.value, today):
        return Criterion(met=False, reason=_beyond_the_year(found.value), evidence=[found.text])
    if found and found.value:
        reason = f"It will be reviewed by {found.value.strftime('%d/%m/%Y')}."
        review = req.context.review_date
        if review and found.value > review:
            reason += (
                f" That is after the next review on {review.strftime('%d/%m/%Y')}: "
                "check it can be reviewed there."
            )
        return Criterion(met=True, reason=reason, evidence=[found.text])
    next_pep = NEXT_PEP.search(" ".join((req.when, req.target)))
    review = req.context.review_date
    if next_pep and review and not is_past(review, today=today):
        return Criterion(
            met=True,
            reason=f"It will be reviewed at the next PEP review, on {review.strftime('%d/%m/%Y')}.",
            evidence=[next_pep.group(0)],
        )
    period = review_period(req.dated_fields(), today=today or current_day())
    if period and not period.problem and after_this_school_year(period.ends, today):
        return Criterion(met=False, reason=_beyond_the_year(period.ends), evidence=[period.text])
    if period:
        return _by_period(period, review)
    if next_pep:
        return Criterion(
            met=False,
            reason=f"\u201c{next_pep.group(0)}\u201d needs the day of that review: give it, "
            "such as 27/03/2027.",
            evidence=[next_pep.group(0)],
        )
    vague = vague_time(" ".join((req.when, req.target, req.outcome)))
    if vague:
        return Criterion(
            met=False,
            reason=f"\u201c{vague}\u201d is not a date: give the day it "
            "will be reviewed, such as 27/03/2027.",
            evidence=[vague],
        )
    return Criterion(met=False, reason="There is no review date: give the day, such as 27/03/2027.")


def _beyond_the_year(day: date) -> str:
    return (
        f"{day.strftime('%d/%m/%Y')} is after this school year, and PEPs review targets each "
        "term: set a step this year's PEPs can review, such as 27/03/2027."
    )


def _by_period(period: PeriodReading, review: date | None) -> Criterion:
    """A term, half term, Easter or month: a review point the school calendar fixes (periods)."""
    if period.problem:
        return Criterion(
            met=False,
            reason=f"{period.problem}: give a review day still to come.",
            evidence=[period.text],
        )
    reason = f"It will be reviewed by {period.by}, which the school calendar fixes."
    if review and period.ends > review:
        reason += (
            f" That may be after the next review on {review.strftime('%d/%m/%Y')}: "
            "check it can be reviewed there."
        )
    return Criterion(met=True, reason=reason, evidence=[period.text])


def _date_fix(found: DateReading) -> str:
    """Why a date cannot be the review day, and what to do: it is past, or no day at all."""
    if found.value is not None:
        return f"{found.problem}: give a review day still to come."
    return f"{found.problem}: check the day and the month."
