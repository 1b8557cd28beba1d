"""The two tiers a screened message can land in, and the rule that keeps them apart.

"Urgent" is a likely disclosure or a school concern policy says to raise at once: the child
gets the safety reply and adults are told now. "Review" is possible risk that a person should
read the same day, without interrupting the child. A kind is in one tier or the other, never
both, so a consumer can act on each list without de-duplicating.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KINDS = ("safeguarding", "move_school", "unhappy_in_school")


@dataclass(frozen=True)
class Tiers:
    """The kinds raised in one message, split by how soon a person must act."""

    kinds: tuple[str, ...] = ()
    review_kinds: tuple[str, ...] = ()

    @classmethod
    def of(cls, urgent: Iterable[str], review: Iterable[str] = ()) -> Tiers:
        """Sorted, de-duplicated tiers; a kind raised urgently is dropped from review."""
        hot = sorted({k for k in urgent if k in KINDS})
        warm = sorted({k for k in review if k in KINDS} - set(hot))
        return cls(kinds=tuple(hot), review_kinds=tuple(warm))

    @property
    def any(self) -> bool:
        return bool(self.kinds or self.review_kinds)
