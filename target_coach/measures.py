"""Spotting measures in a target: numbers, scores, grades, percentages, counts, assessments.

A named grade threshold is a measure as much as a score is: "at least a Pass", "a grade 4",
"a Merit", "level 3", "the expected standard". A comparative on its own ("neater", "calmer")
is not: it says which way, never how far, so nothing here matches one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from target_coach.dates import date_spans

NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|hundred|twice|half)"
)
GRADE_NAMES = r"(?:pass|merit|distinction\*?|strong pass|standard pass|good pass)"
GRADE_VALUE = rf"(?:[1-9]|{NUMBER_WORDS})"
THRESHOLD_PATTERNS = [
    rf"\b(?:grade|level|band|stage|step)\s?{GRADE_VALUE}(?:\s?(?:/|-|to)\s?{GRADE_VALUE})?\b",
    r"\bgr\.?\s?[1-9]\b",  # "GCSE Eng Lang gr 4"
    r"\bgrade\s[a-e]\*?(?:\s|$|[.,])",
    rf"\b(?:at least|a minimum of|minimum of|no lower than)\s+(?:an?\s+)?"
    rf"(?:grade\s+)?(?:{GRADE_NAMES}|[1-9])\b",
    r"\b(?:an?|the)\s+(?:merit|distinction\*?|(?:strong|standard|good) pass)\b",
    r"\b(?:an?|the)\s+pass\s*(?:in|at|on|or|grade|mark|$|[.,;])",
    r"\b(?:an?|grade)\s+[1-9]\s+or\s+(?:above|higher|better|more)\b",
    r"\bfrom\s+(?:an?\s+|grade\s+)?[1-9]\s+to\s+(?:an?\s+|grade\s+)?(?:[1-9]|"
    + GRADE_NAMES
    + r")\b",
    r"\b(?:expected|exceeding|emerging)\s+(?:standard|level|range)\b|\bgreater depth\b",
    r"\bearly learning goals?\b|\belgs?\b|\bscaled score\b|\bbook band\b",
    r"\b(?:merit|distinction)s?\b|\bentry level\b",
    # A level and older GCSE letter grades, in capitals so "a" and "an" are never read as one:
    # "from a D to an A*", "achieve a B in Chemistry", "at least a C".
    r"(?-i:\b(?:from\s+)?(?:an?\s+)?[A-EU]\*?\s+to\s+(?:an?\s+)?(?:A\*|[A-E])(?![\w*]))",
    r"\b(?:achieve|get|gain|reach|at least|target of|predicted)\s+(?:an?\s+)?"
    r"(?-i:(?:A\*|[A-E])(?![\w*]))(?:\s+(?:grade|in|at|or above|or higher)\b)",
]
# Events a school counts, so that none of them is a level of 0 ("no further suspensions").
COUNTED_EVENTS = (
    r"(?:lates|incidents|detentions|exclusions|suspensions|absences|walk-?outs|referrals|"
    r"fixed[- ]term\s+exclusions|(?:negative\s+|behaviou?r\s+)?points|sanctions|removals|"
    r"red\s+cards)"
)
# An act against others that can be counted, and whom: "hit any other children".
NAMED_ACT_ON_OTHERS = (
    r"(?:hit|kick|bite|punch|push|spit at|swear at|throw \w+ at|scratch)\s+"
    r"(?:any(?:one|body)?|other (?:children|pupils|students)|peers|staff)"
)
MEASURE_PATTERNS = [
    r"\b\d+(?:\.\d+)?\s?%",
    r"\b\d+(?:\.\d+)?\s?per ?cent\b",
    r"\b(?:\d+|" + NUMBER_WORDS + r")\s+(?:out of|of the|/)\s+(?:\d+|" + NUMBER_WORDS + r")\b",
    r"\b\d+\s?/\s?\d+\b(?![/.\-]\d)",
    r"\b(?:\d+|" + NUMBER_WORDS + r")\s+of\s+(?:\d+|" + NUMBER_WORDS + r")\b",
    r"\b\d+(?:\.\d+)?\s?(?:m|metres?|meters?|km|kilometres?|miles?)\b",
    r"\bgrade\s?[1-9](?:\s?/\s?[1-9])?\b",
    # Combined science's double grades: "a 5-5", "aim for 4-4 in combined science".
    r"\b[1-9]-[1-9]\b(?=\s+(?:in|grade|combined|double|trilogy|science))|"
    r"\b(?:a|an|for|get|achieve|at least)\s+[1-9]-[1-9]\b",
    r"\b(?:gcse|a level|btec)\b[\w\s]{0,20}\bgrade\b",
    r"\b(?:level|stage|band|step)\s?\d+\b",
    r"\breading age\b",
    r"\bspelling age\b",
    r"\bphonics screening\b",
    r"\b(?:sats?|mock|mocks|test|tests|assessment|assessments|quiz|"
    r"exam|exams|check|screening|boxall|sdq|baseline assessment)\b(?!-)",
    r"\b(?:\d+|" + NUMBER_WORDS + r")\s+(?:times?|sessions?|words?|marks?|points?|minutes?|"
    r"mins?|pages?|books?|questions?|sums?|spellings?|sentences?|days?|lessons?|weeks?|"
    r"shapes?|facts?|targets?|steps?|key words?|tables?|paragraphs?|behaviour points?|"
    r"house points?|merits?|stickers?|incidents?|referrals?|detentions?|exclusions?|"
    r"friends?|activities|names?|letters?|sounds?|numbers?)\b",
    r"\b(?:\d+|" + NUMBER_WORDS + r")\s+(?:[a-z]+\s+){0,2}[a-z]+s\b",
    r"\b(?:merit|distinction|expected standard|greater depth)\b",
    r"\b(?:graded|marked|assessed) (?:at |as )?(?:a )?(?:pass|merit|distinction|\w+ or above)\b",
    # None of a countable event is a level too: "no lates", "no more exclusions", "no further
    # suspensions" all mean a count of nought.
    rf"\b(?:no|zero)\s+(?:more\s+|further\s+)?{COUNTED_EVENTS}\b",
    # Not once a named act is a count of nought too: "will not hit any other children".
    rf"\b(?:not|never)\s+{NAMED_ACT_ON_OTHERS}\b",
    r"\b(?:words|sums|questions) (?:per|a) minute\b",
    r"\bwithin \d+\s?(?:minutes?|mins?|seconds?)\b",
    r"\b(?:a|per) (?:week|day|lesson|fortnight|month|term|half[ -]term)\b[\w\s]{0,5}",
    # Every one of a countable event is a level (100%): "every night", "all CAMHS appointments".
    r"\bevery (?:school )?(?:day|night|morning|evening|lesson|session|week|appointment|meeting)\b",
    r"\ball (?:of )?(?:(?:his|her|their|my|the) )?(?:[\w+-]+ )?(?:lessons|sessions|appointments|"
    r"meetings|classes|days|mornings|homework|sections|tasks|units|modules|assignments)\b",
    r"\b(?:dry|clean|in school|in class|on site) all (?:day|morning|afternoon|week)\b",
    # The child's own piece of work handed in, or a place won: done or not, anyone can check.
    r"\b(?:applications?|assignments?|coursework|nea|projects?|forms?|drafts?|essays?|"
    r"evaluations?|portfolios?|cv|statements?|write-?ups?)\b[^.;]{0,60}?\b(?:submitted|"
    r"handed in|sent off)\b",
    r"\b(?:apprenticeship|traineeship|job|college place|university place|place)\s+"
    r"(?:secured|confirmed|accepted|offered)\b|\b(?:apprenticeship|job|college|university|"
    r"course)\s+offers?\b",
    # In education, employment or training, or not: a status anyone can check.
    r"\beet\b|\beducation,?\s+employment,?\s+(?:or|and|/)\s+training\b",
    r"\bfrom\s+\d+(?:\.\d+)?\s?%?\s+(?:down |up )?to\s+\d+(?:\.\d+)?\b",
    r"\b(?:no more than|fewer than|at most|at least|up to)\s+(?:\d+|" + NUMBER_WORDS + r")\b",
    r"\battendance\b[\w\s]{0,25}\b(?:\d+|above|over|at least)\b",
    r"\b(?:reduce|reduced|increase|increased|improve|improved)\w*\b[\w\s]{0,30}\bby\s+\d+",
    r"\b(?:logged|recorded|tracked|shown) (?:on|in|by)\b[\w\s]{0,20}\b(?:log|chart|record|"
    r"tracker|register|data|book)\b",
    r"\b(?:scale of|on a scale)\b",
    r"\b(?:times tables? check|mtc|ks2 sats|ks1 sats|end of unit|psc)\b",
    # A score to reach: "score 32+ on the PSC", "scores at least 85", "100+ in reading".
    r"\bscor(?:e|es|ed|ing)\s+(?:of\s+)?(?:at least\s+)?\d+(?:\.\d+)?\+?",
    r"\b\d+\+\s*(?:on|in)\b",
    # A named qualification passed is a result anyone can check; "pass maths" names none.
    r"\bpass(?:es|ed|ing)?\s+(?:(?:his|her|their|my|the|a|an)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:btec|gcse|esol|nvq|diploma|certificate|qualification|award|t level)s?\b",
    r"\b(?:checked|assessed|measured) against (?:the |an? |his |her )?(?:[\w-]+\s+){0,2}"
    r"(?:checklist|rubric|success criteria|criteria)\b",
    r"\b\d+\s?x\s?(?:[\w-]+\s+){0,2}(?:lessons|sessions|pieces|pages|lengths|laps)\b",
]
# Teacher assessment against the national standard, in the capitals schools write it in
# (case matters: "are" is a verb): age-related expectations, working towards, at, greater depth.
STANDARD_PATTERN = re.compile(r"\b(?:ARE|EXS|WTS|GDS)\b|\bage[- ]related expectations?\b")
COMPILED = [re.compile(p, re.I) for p in THRESHOLD_PATTERNS + MEASURE_PATTERNS]
COMPILED.append(STANDARD_PATTERN)
THRESHOLDS = [re.compile(p, re.I) for p in THRESHOLD_PATTERNS]
FEELING_WORDS = (
    r"(?:calmer|happier|braver|kinder|nicer|better behaved|(?:more|less) (?:engaged|confident|"
    r"focused|motivated|settled|positive|resilient|calm|happy|mature|sensible|polite|respectful|"
    r"angry|anxious|worried|stressed|disruptive|upset|aggressive|rude))\b"
)
# A feeling given a percentage is still a feeling: "70% calmer", "50% more engaged" has no
# record anyone could check it against.
FEELING_AS_PERCENT = re.compile(rf"\b\d+\s?(?:%|per ?cent)\s+{FEELING_WORDS}", re.I)
NOT_MEASURES = re.compile(
    r"\b(?:year|yr|ks|key stage)\s?(?:1[0-3]|[0-9])\b(?!\s?%|\.\d)|"  # a year group, not "year 66%"
    r"\b(?:units?|chapters?|pages?|modules?)\s?\d+(?:\s?(?:,|and|&|or)\s?\d+)*\b|\b1:1\b|"
    # the window a count is taken in, not a level: "3 times in a 20-minute observation"
    r"\b(?:in|during|over) (?:a|an|each|one|the) \d+-minute "
    r"(?:observation|session|lesson|slot|block|period|window)\b|"
    r"\b1 to 1\b|\b\d+-digit\b|\b\d+d\b|"
    # The child's own age and the stage after school: "age-assessed 14", "aged 15",
    # "a 14-year-old", "post-16 options" are no level the child is at or will reach.
    r"\bage[- ]assessed(?:\s+as)?\s+\d{1,2}\b|\baged\s+\d{1,2}\b|"
    r"\b\d{1,2}[- ]years?[- ]old\b|\b(?:post|pre)[- ]?1[6-9]\b|" + FEELING_AS_PERCENT.pattern,
    re.I,
)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def find_measures(text: str) -> list[str]:
    """Measure phrases in the text, dates and year groups excluded."""
    return _find(text, COMPILED)


def find_thresholds(text: str) -> list[str]:
    """Named grades and levels to reach: "at least a Pass", "grade 4", "expected standard"."""
    return _find(text, THRESHOLDS)


def _find(text: str, patterns: list[re.Pattern[str]]) -> list[str]:
    cleaned = _blank(text, date_spans(text))
    cleaned = NOT_MEASURES.sub(lambda m: " " * len(m.group(0)), cleaned)
    found: list[str] = []
    for pattern in patterns:
        for match in pattern.finditer(cleaned):
            span = text[match.start() : match.end()].strip()
            if span and span not in found:
                found.append(span)
    return found


# "9 out of 10", "9 out of the 10", "9 of 10", "9/10", "45%", "45 per cent": a score and what it
# is out of. The total is the scale, not a level the child is at or will reach.
SCORE = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?)\+?\s*(?:(?:out\s+)?of(?:\s+(?:the|her|his|their|my))?\s+|/\s*)"
    r"(?P<m>\d+(?:\.\d+)?)\b"
    r"|\b(?P<p>\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)",
    re.I,
)


# A reading or spelling age as teachers write it: "7y4m", "8y 2m", "7 years 4 months", "12y".
AGE = re.compile(
    r"\b(?P<y>\d{1,2})\s?(?:y|yrs?|years?)(?:\b|(?=\d))"
    r"(?:\s*(?P<mo>\d{1,2})\s?(?:m|mths?|months?)\b)?",
    re.I,
)

YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


# None of a countable event, in words: "zero behaviour points", "no further suspensions", "will
# not hit anyone" are a level of 0, so the step from the baseline's count can be judged ("one
# or no removals" is at most one, not none).
NOUGHT = re.compile(
    rf"(?<!\bor )\b(?:no|zero)(?=\s+(?:more\s+|further\s+)?{COUNTED_EVENTS}\b)"
    rf"|\b(?:not|never)(?=\s+{NAMED_ACT_ON_OTHERS}\b)",
    re.I,
)


@dataclass(frozen=True)
class Level:
    """A number as a level: the score, and the total it is out of (100 for a percentage).
    An age (a reading age) is in years, and says so: its steps are judged in months."""

    value: float
    total: float | None = None
    age: bool = False
    at: int = -1  # where in its text the number starts, to read what it counts
    counts: str | None = None  # what it is a number of ("sound", "phase", "%"), when known

    def as_percent(self) -> float:
        return self.value / self.total * 100 if self.total else self.value


def levels_in(text: str) -> list[Level]:
    """The numbers in the text as levels, in order. The 10 of "9 out of 10" is the total of the
    score 9, not a second number: read as one, the highest number was always the scale, and any
    jump "out of 10" looked like no jump at all."""
    cleaned = NOT_MEASURES.sub(lambda m: " " * len(m.group(0)), _blank(text, date_spans(text)))
    found: list[tuple[int, Level]] = []
    cleaned = YEAR.sub(lambda m: " " * len(m.group(0)), cleaned)  # "Nov 2026" is no level
    cleaned = NOUGHT.sub(lambda m: "0".ljust(len(m.group(0))), cleaned)  # "zero points" is 0
    ages = list(AGE.finditer(cleaned)) if re.search(r"\bage\b", text, re.I) else []
    for match in ages:
        years = float(match.group("y")) + float(match.group("mo") or 0) / 12
        found.append((match.start(), Level(years, age=True, at=match.start())))
    cleaned = _blank(cleaned, [m.span() for m in ages])
    for match in SCORE.finditer(cleaned):
        if match.group("p"):
            level = Level(float(match.group("p")), 100.0, at=match.start())
        else:
            level = Level(float(match.group("n")), float(match.group("m")), at=match.start())
        found.append((match.start(), level))
    rest = _blank(cleaned, [m.span() for m in SCORE.finditer(cleaned)])
    found += [
        (m.start(), Level(float(m.group(0)), at=m.start()))
        for m in re.finditer(r"\b\d+(?:\.\d+)?\b", rest)
    ]
    return [level for _start, level in sorted(found, key=lambda pair: pair[0])]
