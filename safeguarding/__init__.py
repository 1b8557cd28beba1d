"""The safeguarding screen every child message passes through before the assistant replies.

Layered so that one layer's miss is another's catch: curated patterns over normalised text,
then similarity to curated disclosure exemplars, then the assistant's own NLU when it flags.
Recall wins over precision: a false alarm costs an adult a minute; a miss can cost a child.
"""

from safeguarding.screen import ScreenResult, screen, screen_detail, screen_many, screen_tiers
from safeguarding.tiers import KINDS, Tiers

__all__ = [
    "KINDS",
    "ScreenResult",
    "Tiers",
    "screen",
    "screen_detail",
    "screen_many",
    "screen_tiers",
]
