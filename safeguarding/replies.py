"""What the assistant says when the screen flags, and what the helper's screen shows.

Written to safeguarding practice: thank the child, say a grown-up who can help will be told,
never promise secrecy, ask nothing probing, and let the child carry on or stop.
"""

from __future__ import annotations

from collections.abc import Sequence

SAFEGUARDING = {
    "EY": "Thank you for telling me. That was brave. A grown-up who can help will be told. "
    "You can carry on, or stop now.",
    "KS1": "Thank you for telling me. That was brave. A grown-up who can help will be told. "
    "You can carry on, or stop now.",
    "KS2": "Thank you for telling me. You did the right thing. I need to let a grown-up who "
    "can help know about this, so they can keep you safe. You can carry on with the "
    "questions, or stop for now.",
    "KS3": "Thank you for telling me. It's important, and you did the right thing. I have to "
    "pass this on to an adult who can help keep you safe: that is what I must do when "
    "someone tells me something like this. "
    "You can carry on, or stop for now.",
    "KS4": "Thank you for telling me. It's important, and you did the right thing. I have to "
    "pass this on to an adult who can help keep you safe: that is what I must do when "
    "someone tells me something like this. "
    "You can carry on, or stop for now.",
    "POST16": "Thank you for telling me. This matters, and I have to pass it on to someone who "
    "can help keep you safe, so it can't stay between us. You can carry on, or stop "
    "for now.",
}
SCHOOL = {
    "young": "Thank you for telling me how you feel about school. Your social worker will be "
    "told, so they can help.",
    "older": "Thank you for telling me. Your social worker and the virtual school will be told "
    "straight away, so they can talk with you about it.",
}
YOUNG = {"EY", "KS1", "KS2"}


def safe_reply(kinds: Sequence[str], age_band: str) -> str:
    """The calm reply for a flagged message, in words for the child's age."""
    if "safeguarding" in kinds:
        return SAFEGUARDING.get(age_band, SAFEGUARDING["KS3"])
    return SCHOOL["young" if age_band in YOUNG else "older"]


def helper_alert(kinds: Sequence[str]) -> str:
    """What the adult beside the child is told to do, now."""
    if "safeguarding" in kinds:
        return (
            "The child may have disclosed harm. Follow your school's safeguarding procedure "
            "and tell the designated safeguarding lead now. Do not ask the child probing "
            "questions; listen, and write down what they said in their own words."
        )
    parts = []
    if "move_school" in kinds:
        parts.append("the child wants to move school")
    if "unhappy_in_school" in kinds:
        parts.append("the child is unhappy in school")
    return (
        "Policy says this must be raised at once: " + " and ".join(parts) + ". The child's "
        "social worker and the virtual school have been told; tell the designated teacher."
    )
