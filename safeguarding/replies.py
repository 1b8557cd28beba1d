"""What the assistant says when the screen flags, and what the helper's screen shows.

Written to safeguarding practice: thank the child, say a grown-up who can help will hear of it,
never promise secrecy, ask nothing probing, and let the child carry on or stop. Promise only
what happens: with concern emails on (`emailed`), the right adults are told now; with them off,
what the child said is kept in the concern list for those adults to read, and the words say so.
"""

from __future__ import annotations

from collections.abc import Sequence

_CARRY_ON = "You can carry on, or stop for now."
_MUST = (
    "Thank you for telling me. It's important, and you did the right thing. I have to pass this "
    "on to an adult who can help keep you safe: that is what I must do when someone tells me "
    "something like this. "
)
_POST16 = (
    "Thank you for telling me. This matters, and I have to pass it on to someone who can help "
    "keep you safe, so it can't stay between us. "
)
_YOUNGEST = "Thank you for telling me. That was brave. "
_KS2 = "Thank you for telling me. You did the right thing. "
# (emailed, not emailed) for each band.
SAFEGUARDING = {
    "EY": (
        _YOUNGEST + "A grown-up who can help will be told now. You can carry on, or stop now.",
        _YOUNGEST + "I have saved it for a grown-up who can help. You can carry on, or stop now.",
    ),
    "KS2": (
        _KS2 + "A grown-up who can help will be told now, so they can keep you safe. You can "
        "carry on with the questions, or stop for now.",
        _KS2 + "I have saved what you said for a grown-up who can help keep you safe, and they "
        "will read it. You can carry on with the questions, or stop for now.",
    ),
    "KS3": (
        _MUST + "They are being told now. " + _CARRY_ON,
        _MUST + "What you said is saved for them to read. " + _CARRY_ON,
    ),
    "POST16": (
        _POST16 + "They are being told now. " + _CARRY_ON,
        _POST16 + "It is saved for them to read. " + _CARRY_ON,
    ),
}
SAFEGUARDING["KS1"] = SAFEGUARDING["EY"]
SAFEGUARDING["KS4"] = SAFEGUARDING["KS3"]
SCHOOL = {
    "young": (
        "Thank you for telling me how you feel about school. Your social worker and your school "
        "will be told, so they can help.",
        "Thank you for telling me how you feel about school. I have saved it for your social "
        "worker and your school to read, so they can help.",
    ),
    "older": (
        "Thank you for telling me. Your social worker and the designated teacher at your school "
        "are being told now, so they can talk with you about it.",
        "Thank you for telling me. What you said is saved for your social worker and the "
        "designated teacher at your school to read, so they can talk with you about it.",
    ),
}
YOUNG = {"EY", "KS1", "KS2"}


def safe_reply(kinds: Sequence[str], age_band: str, *, emailed: bool = False) -> str:
    """The calm reply for a flagged message, in words for the child's age.

    `emailed`: whether concerns are emailed (the API's smtp_host is set). It defaults to the
    promise that is true without email.
    """
    which = 0 if emailed else 1
    if "safeguarding" in kinds:
        return SAFEGUARDING.get(age_band, SAFEGUARDING["KS3"])[which]
    return SCHOOL["young" if age_band in YOUNG else "older"][which]


def helper_alert(kinds: Sequence[str], *, emailed: bool = False) -> str:
    """What the adult beside the child is told to do, now, and who else already knows."""
    if "safeguarding" in kinds:
        told = (
            " The safeguarding lead and the designated teacher are being emailed too."
            if emailed
            else " It is in the safeguarding lead's queue; no email is sent."
        )
        return (
            "The child may have disclosed harm. Follow your school's safeguarding procedure "
            "and tell the designated safeguarding lead now. Do not ask the child probing "
            "questions; listen, and write down what they said in their own words." + told
        )
    parts = []
    if "move_school" in kinds:
        parts.append("the child wants to move school")
    if "unhappy_in_school" in kinds:
        parts.append("the child is unhappy in school")
    told = (
        "The child's social worker and designated teacher are being emailed; "
        if emailed
        else "It is in the concern list for the child's social worker and designated teacher "
        "(no email is sent); "
    )
    return (
        "Policy says this must be raised at once: " + " and ".join(parts) + ". " + told + "tell "
        "the designated teacher."
    )
