"""The API's door to the safeguarding screen: every child message passes through here."""

from __future__ import annotations

from collections.abc import Sequence


def screen_message(text: str) -> list[str]:
    """Kinds flagged in one child message (empty when none)."""
    if not text.strip():
        return []
    from api.safeguarding import screen

    return list(screen(text))


def safety_reply(kinds: Sequence[str], age_band: str) -> str:
    from api.safeguarding.replies import safe_reply

    return safe_reply(list(kinds), age_band)


def helper_alert(kinds: Sequence[str]) -> str:
    from api.safeguarding.replies import helper_alert as alert

    return alert(list(kinds))
