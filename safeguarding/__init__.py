"""The safeguarding screen every child message passes through before the assistant replies.

Two tiers: urgent (the safety reply and alerts now) and review (a person reads it the same
day). Curated patterns are the floor for the unmistakable; a classifier trained on labelled
children's messages carries the indirect. Recall wins over precision: a false alarm costs an
adult a minute; a miss can cost a child. Nothing here logs or prints a child's words.

Public API:
    screen_tiers(text) -> Tiers               urgent `kinds` and `review_kinds`
    screen_tiers_many(texts) -> list[Tiers]   the same, batched through the models
    screen(text) / screen_many(texts)         the urgent kinds only
"""

from safeguarding.screen import screen, screen_many, screen_tiers, screen_tiers_many
from safeguarding.tiers import KINDS, Tiers

__all__ = ["KINDS", "Tiers", "screen", "screen_many", "screen_tiers", "screen_tiers_many"]
