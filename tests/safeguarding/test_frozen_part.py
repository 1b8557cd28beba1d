"""On wording it was never tuned on, the screen catches what children say and stays calm
about ordinary school talk. Recall counts either tier; false alarms count the urgent tier."""

from __future__ import annotations

from collections import Counter
from typing import Any

from safeguarding.evaluate import score
from safeguarding.tiers import Tiers


def test_the_frozen_part_is_large_and_covers_every_category(frozen: list[dict[str, Any]]) -> None:
    categories = Counter(row["category"] for row in frozen)
    assert len(frozen) >= 500
    assert categories["ordinary"] + categories["hard_negative"] >= 150
    harm = [c for c in categories if c not in {"ordinary", "hard_negative"}]
    assert len(harm) >= 20
    assert all(categories[c] >= 12 for c in harm), categories


def test_nothing_in_the_frozen_part_was_trained_on(
    frozen: list[dict[str, Any]], training: list[dict[str, Any]]
) -> None:
    seen = {row["text"].strip().lower() for row in training}
    assert not [row["id"] for row in frozen if row["text"].strip().lower() in seen]


def test_recall_of_both_tiers_together_is_at_least_98_percent(
    frozen: list[dict[str, Any]], frozen_tiers: list[Tiers]
) -> None:
    report = score(frozen, frozen_tiers)
    assert report.total.recall >= 0.98, report.missed


def test_no_category_falls_far_behind(
    frozen: list[dict[str, Any]], frozen_tiers: list[Tiers]
) -> None:
    report = score(frozen, frozen_tiers)
    weak = {c: round(t.recall, 2) for c, t in report.by_category.items() if t.recall < 0.85}
    assert weak == {}


def test_urgent_false_alarms_stay_at_or_under_ten_percent_of_ordinary_talk(
    frozen: list[dict[str, Any]], frozen_tiers: list[Tiers]
) -> None:
    report = score(frozen, frozen_tiers)
    assert report.total.false_alarm_rate <= 0.10, report.alarms


def test_a_kind_is_never_in_both_tiers(frozen_tiers: list[Tiers]) -> None:
    assert all(not set(t.kinds) & set(t.review_kinds) for t in frozen_tiers)
