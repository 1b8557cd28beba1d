"""Halton's PEP quality-assurance criteria, decided from the PEP's data, and the grade they give.

The criteria and their wording are data (api/data/halton_qa_criteria.yaml); each names a check
here that places the PEP in Halton's Green (Good), Amber (Requires improvement) or Red
(Inadequate) column, or finds the criterion does not apply (no PP+ asked for, no targets carried
over). `suggest_grade` reads the columns as Halton's table does.

Section fields are free-form, so the profile and SEMH checks look for the fields by name
(attendance, exclusions, attainment, SEMH or wellbeing) in sections A, C and D.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from api.models.enums import ContributorKind

PATH = Path(__file__).resolve().parent.parent / "data" / "halton_qa_criteria.yaml"
PPP_RULES = {"ppp_not_for_transport", "ppp_not_for_clothing", "ppp_not_for_administration"}
SMART_GOOD = 4  # Halton's SMART QA table: 4/5 Good, 5/5 Outstanding
# The parts of Halton's academic and pastoral profile, found by words in a field's name.
PROFILE_PARTS = {
    "attendance": ("attendance",),
    "exclusions": ("exclusion",),
    "attainment": ("attainment", "academic", "assessment", "progress"),
    "alternative provision": ("alternative_provision", "timetable"),
}
SEMH_WORDS = ("semh", "emotional", "wellbeing", "well_being", "mental_health")

GREEN, AMBER, RED = "green", "amber", "red"
Level = str | None  # None: the criterion does not apply to this PEP
Decided = tuple[Level, str]


@cache
def table() -> dict[str, Any]:
    with PATH.open(encoding="utf-8") as file:
        return dict(yaml.safe_load(file))


@dataclass
class PepFacts:
    """What the checks read: gathered once by the workflow for the QA report."""

    checks: list[dict[str, Any]]
    graded: list[dict[str, Any]]  # this term's targets, scored by the coach
    previous: list[Any]  # last term's targets, carried over
    answered_topics: int
    absence_reason: bool
    child_voice: list[dict[str, str]]  # what the targets leave unanswered of the child's words
    sections: dict[str, dict[str, Any]]
    contributor_kinds: set[str]
    # Parts of the profile the typed records hold ("attendance", "semh", ...).
    recorded: set[str] = field(default_factory=set)

    def holds(self, part: str, words: tuple[str, ...]) -> bool:
        """Recorded in the typed records, or in a free-form section field named for it."""
        return part in self.recorded or bool(_filled_fields(self.sections, words))


def _filled_fields(sections: dict[str, dict[str, Any]], words: tuple[str, ...]) -> list[str]:
    found = []
    for key in ("A", "C", "D"):
        for name, value in sections.get(key, {}).items():
            if any(w in name.lower() for w in words) and str(value or "").strip():
                found.append(name)
    return found


def _share(done: int, total: int) -> str:
    return GREEN if done == total else (AMBER if done * 2 >= total else RED)


def non_negotiables(facts: PepFacts) -> Decided:
    unmet = [c["label"] for c in facts.checks if not c["met"]]
    met = len(facts.checks) - len(unmet)
    level = _share(met, len(facts.checks)) if unmet else GREEN
    if not unmet:
        return level, f"All {len(facts.checks)} non-negotiables met"
    return level, f"{met} of {len(facts.checks)} met; missing: " + "; ".join(unmet).lower()


def academic_pastoral_profile(facts: PepFacts) -> Decided:
    present = [p for p, words in PROFILE_PARTS.items() if facts.holds(p, words)]
    missing = [p for p in PROFILE_PARTS if p not in present]
    if not missing:
        return GREEN, "Attendance, exclusions, attainment and alternative provision recorded"
    level = AMBER if present else RED
    return level, "Not recorded: " + ", ".join(missing)


def student_views(facts: PepFacts) -> Decided:
    heard = facts.answered_topics > 0 or ContributorKind.CHILD_AT_MEETING in facts.contributor_kinds
    if not heard:
        if facts.absence_reason:
            return AMBER, "No views from the child; the reason they are missing is recorded"
        return RED, "No views from the child and no reason recorded"
    if facts.child_voice:
        unheard = len(facts.child_voice)
        return AMBER, f"{unheard} thing(s) the child said a target does not answer, or goes against"
    return GREEN, f"{facts.answered_topics} topic(s) answered, and the targets answer them"


def semh(facts: PepFacts) -> Decided:
    if "semh" in facts.recorded:
        return GREEN, "Recorded in the school's health and emotional wellbeing notes"
    found = _filled_fields(facts.sections, SEMH_WORDS)
    if found:
        return GREEN, "Recorded in " + ", ".join(f.replace("_", " ") for f in found)
    return AMBER, "Nothing recorded on SEMH needs and interventions (write 'none' if none)"


def previous_targets(facts: PepFacts) -> Decided:
    if not facts.previous:
        return None, "No targets carried over from last term"
    reviewed = [t for t in facts.previous if t.review_status and (t.review_note or "").strip()]
    level = _share(len(reviewed), len(facts.previous)) if reviewed else RED
    return level, f"{len(reviewed)} of {len(facts.previous)} reviewed with evidence"


def academic_data_and_smart_targets(facts: PepFacts) -> Decided:
    data = facts.holds("attainment", PROFILE_PARTS["attainment"])
    if not facts.graded:
        return RED, "No targets set this term"
    smart = [t for t in facts.graded if t["score"] >= SMART_GOOD]
    said = f"{len(smart)} of {len(facts.graded)} targets SMART (4/5 or more)"
    said += "; attainment recorded" if data else "; no attainment data recorded"
    if data and len(smart) == len(facts.graded):
        return GREEN, said
    return (AMBER if smart or data else RED), said


def ppp_linked_to_targets(facts: PepFacts) -> Decided:
    asks = [t for t in facts.graded if t["ppp"].strip()]
    if not asks:
        return None, "No PP+ requested"
    linked = [
        t
        for t in asks
        if t["score"] >= SMART_GOOD and not any(p["rule"] in PPP_RULES for p in t["policy"])
    ]
    said = f"{len(linked)} of {len(asks)} PP+ requests on SMART targets"
    return _share(len(linked), len(asks)), said


def contributor_comments(facts: PepFacts) -> Decided:
    wanted = {ContributorKind.CARER.value: "carer", ContributorKind.SCHOOL.value: "school"}
    have = [name for kind, name in wanted.items() if kind in facts.contributor_kinds]
    missing = [name for kind, name in wanted.items() if kind not in facts.contributor_kinds]
    if not missing:
        return GREEN, "The carer's and the school's views are recorded"
    if have:
        return AMBER, "Missing: the " + " and the ".join(missing) + "'s view"
    return RED, "No carer's or school's view recorded"


CHECKS: dict[str, Callable[[PepFacts], Decided]] = {
    f.__name__: f
    for f in (
        non_negotiables,
        academic_pastoral_profile,
        student_views,
        semh,
        previous_targets,
        academic_data_and_smart_targets,
        ppp_linked_to_targets,
        contributor_comments,
    )
}


def evaluate(facts: PepFacts) -> list[dict[str, Any]]:
    """Each criterion: Halton's Green wording, whether it is met (null: does not apply), the
    column the PEP is in and what in the PEP decided it."""
    out = []
    for criterion in table()["criteria"]:
        level, evidence = CHECKS[criterion["check"]](facts)
        out.append(
            {
                "id": criterion["id"],
                "wording": criterion["green"],
                "met": None if level is None else level == GREEN,
                "level": level,
                "level_wording": criterion[level] if level else None,
                "evidence": evidence,
            }
        )
    return out


def suggest_grade(
    criteria: list[dict[str, Any]],
    targets: list[dict[str, Any]],
    child_voice: list[dict[str, str]] | None = None,
) -> str:
    """Halton's columns: all Green is Good; Green throughout with a personalised view (every
    target 5/5 and answering the child) is Outstanding; Red non-negotiables, or mostly Red, is
    Inadequate; anything else Requires improvement."""
    applying = [c for c in criteria if c["level"] is not None]
    red = [c for c in applying if c["level"] == RED]
    if any(c["id"] == "non_negotiables" for c in red) or len(red) * 2 > len(applying):
        return "Inadequate"
    if any(c["level"] != GREEN for c in applying):
        return "Requires improvement"
    personalised = bool(targets) and min(t["score"] for t in targets) == 5 and not child_voice
    return "Outstanding" if personalised else "Good"
