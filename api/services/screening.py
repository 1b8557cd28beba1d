"""The API's door to the safeguarding screen: every child message passes through here."""

from __future__ import annotations

import re
from collections.abc import Sequence

from safeguarding.tiers import Tiers

# A button press arrives as its payload ("/rate{\"rating\": 2}", "/decline"): the child chose
# it from the assistant's own options, so there are no words of theirs to screen.
BUTTON_PAYLOAD = re.compile(r"/[a-z_]+(?:\{.*\})?", re.DOTALL)


def screen_message(text: str) -> Tiers:
    """The urgent and review kinds raised by one child message (both empty when none)."""
    if not text.strip() or BUTTON_PAYLOAD.fullmatch(text.strip()):
        return Tiers()
    from safeguarding import screen_tiers

    return screen_tiers(text)


def safety_reply(kinds: Sequence[str], age_band: str, *, emailed: bool) -> str:
    from safeguarding.replies import safe_reply

    return safe_reply(list(kinds), age_band, emailed=emailed)


def helper_alert(kinds: Sequence[str], *, emailed: bool) -> str:
    from safeguarding.replies import helper_alert as alert

    return alert(list(kinds), emailed=emailed)
