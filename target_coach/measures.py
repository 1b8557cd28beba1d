"""Spotting measures in a target: numbers, scores, grades, percentages, counts, assessments."""

from __future__ import annotations

import re

from target_coach.dates import date_spans

NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|hundred|twice|half)"
)
MEASURE_PATTERNS = [
    r"\b\d+(?:\.\d+)?\s?%",
    r"\b\d+(?:\.\d+)?\s?per ?cent\b",
    r"\b(?:\d+|" + NUMBER_WORDS + r")\s+(?:out of|of the|/)\s+(?:\d+|" + NUMBER_WORDS + r")\b",
    r"\b\d+\s?/\s?\d+\b(?![/.\-]\d)",
    r"\bgrade\s?[1-9](?:\s?/\s?[1-9])?\b",
    r"\b(?:gcse|a level|btec)\b[\w\s]{0,20}\bgrade\b",
    r"\b(?:level|stage|band|step)\s?\d+\b",
    r"\breading age\b",
    r"\bspelling age\b",
    r"\bphonics screening\b",
    r"\b(?:sats?|mock|mocks|test|tests|assessment|assessments|quiz|"
    r"exam|exams|check|screening|boxall|sdq|baseline assessment)\b",
    r"\b(?:\d+|" + NUMBER_WORDS + r")\s+(?:times?|sessions?|words?|marks?|points?|minutes?|"
    r"mins?|pages?|books?|questions?|sums?|spellings?|sentences?|days?|lessons?|weeks?|"
    r"shapes?|facts?|targets?|steps?|key words?|tables?|paragraphs?|behaviour points?|"
    r"house points?|merits?|stickers?|incidents?|referrals?|detentions?|exclusions?|"
    r"friends?|activities|names?|letters?|sounds?|numbers?)\b",
    r"\b(?:\d+|" + NUMBER_WORDS + r")\s+(?:[a-z]+\s+)?[a-z]+s\b",
    r"\b(?:merit|distinction|expected standard|greater depth)\b",
    r"\b(?:graded|marked|assessed) (?:at |as )?(?:a )?(?:pass|merit|distinction|\w+ or above)\b",
    r"\bno (?:lates|incidents|detentions|exclusions|absences|walk-?outs|referrals)\b",
    r"\b(?:words|sums|questions) (?:per|a) minute\b",
    r"\bwithin \d+\s?(?:minutes?|mins?|seconds?)\b",
    r"\b(?:a|per) (?:week|day|lesson|fortnight)\b[\w\s]{0,5}",
    r"\battendance\b[\w\s]{0,25}\b(?:\d+|above|over|at least)\b",
    r"\b(?:reduce|reduced|increase|increased|improve|improved)\w*\b[\w\s]{0,30}\bby\s+\d+",
    r"\b(?:logged|recorded|tracked|shown) (?:on|in|by)\b[\w\s]{0,20}\b(?:log|chart|record|"
    r"tracker|register|data|book)\b",
    r"\b(?:scale of|on a scale)\b",
    r"\b(?:times tables? check|mtc|ks2 sats|ks1 sats|end of unit)\b",
]
COMPILED = [re.compile(p, re.I) for p in MEASURE_PATTERNS]
NOT_MEASURES = re.compile(
    r"\b(?:year|yr|ks|key stage|unit|chapter|page)\s?\d+\b|\b1:1\b|"
    r"\b1 to 1\b|\b\d+-digit\b|\b\d+d\b",
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
    cleaned = _blank(text, date_spans(text))
    cleaned = NOT_MEASURES.sub(lambda m: " " * len(m.group(0)), cleaned)
    found: list[str] = []
    for pattern in COMPILED:
        for match in pattern.finditer(cleaned):
            span = text[match.start() : match.end()].strip()
            if span and span not in found:
                found.append(span)
    return found


def numbers_in(text: str) -> list[float]:
    cleaned = _blank(text, date_spans(text))
    cleaned = NOT_MEASURES.sub(" ", cleaned)
    return [float(n) for n in re.findall(r"\b\d+(?:\.\d+)?\b", cleaned)]
