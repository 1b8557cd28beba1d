"""Recall and false alarms of the screen on a labelled set, as the issue tracker defines them.

Recall counts a message as caught when its kind is raised in either tier: a person reads it
the same day either way. False alarms count only the urgent tier, the one that interrupts a
child and alerts adults. Results name categories and counts, never a child's words, so they
can go into BENCHMARKS.md and test output.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safeguarding.tiers import Tiers

Screen = Callable[[Sequence[str]], list[Tiers]]


def load(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Labelled rows from JSON Lines files, in file order."""
    rows: list[dict[str, Any]] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


@dataclass
class Tally:
    """Counts for one category, or for a whole set."""

    positives: int = 0
    caught: int = 0  # either tier
    caught_urgent: int = 0
    negatives: int = 0
    urgent_alarms: int = 0
    review_alarms: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 1.0

    @property
    def urgent_recall(self) -> float:
        return self.caught_urgent / self.positives if self.positives else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.urgent_alarms / self.negatives if self.negatives else 0.0

    @property
    def review_rate(self) -> float:
        return self.review_alarms / self.negatives if self.negatives else 0.0


@dataclass
class Report:
    """A whole set's tally, per category, and the ids of what went wrong."""

    total: Tally = field(default_factory=Tally)
    by_category: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    missed: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)


def score(rows: Sequence[dict[str, Any]], results: Sequence[Tiers]) -> Report:
    """Tally each labelled row against what the screen raised for it."""
    report = Report()
    for row, tiers in zip(rows, results, strict=True):
        tallies = (report.total, report.by_category[row["category"]])
        expected = set(row["kinds"])
        if expected:
            caught = expected <= set(tiers.kinds) | set(tiers.review_kinds)
            urgent = expected <= set(tiers.kinds)
            for t in tallies:
                t.positives += 1
                t.caught += caught
                t.caught_urgent += urgent
            if not caught:
                report.missed.append(row["id"])
        else:
            for t in tallies:
                t.negatives += 1
                t.urgent_alarms += bool(tiers.kinds)
                t.review_alarms += bool(tiers.review_kinds)
            if tiers.kinds:
                report.alarms.append(row["id"])
    return report


def evaluate(rows: Sequence[dict[str, Any]], screen: Screen) -> Report:
    return score(rows, screen([row["text"] for row in rows]))
