"""What the assistant says when the screen flags, and what the helper's screen shows.

Written to safeguarding practice: thank the child, say a grown-up who can help will hear of it,
never promise secrecy, ask nothing probing, and let the child carry on or stop. Promise only
what happens: with concern emails on (`emailed`), the right adults are told now; with them off,
what the child said is kept in the concern list for those adults to read, and the words say so.
The words themselves are in vocabulary/vocabulary.yaml (`safety_replies`), which the bot's own
calm reply reads too.
"""

from __future__ import annotations

from collections.abc import Sequence

from vocabulary import help_button_reply, help_now, safety_reply, unread_words_note

YOUNG = {"EY", "KS1", "KS2"}
BANDS = {"EY", "KS1", "KS2", "KS3", "KS4", "POST16"}


def safe_reply(
    kinds: Sequence[str], age_band: str, *, emailed: bool = False, alone: bool = False
) -> str:
    """The calm reply for a flagged message, in words for the child's age.

    `emailed`: whether concerns are emailed (the API's smtp_host is set). It defaults to the
    promise that is true without email. `alone`: no adult is with the child, so nobody beside
    them is alerted; a safeguarding reply then also says where help is now.
    """
    if "safeguarding" in kinds:
        band = age_band if age_band in BANDS else "KS3"
        reply = safety_reply("safeguarding", band, emailed=emailed)
        return f"{reply} {help_now('young' if band in YOUNG else 'older')}" if alone else reply
    return safety_reply("school", "young" if age_band in YOUNG else "older", emailed=emailed)


def button_reply(age_band: str, *, emailed: bool, alone: bool, link_open: bool) -> str:
    """The safety button's reply, in words for the child's age.

    The child typed nothing, so it thanks them for pressing and says who hears of it. On a link
    that has ended there is nothing to carry on with, and nobody can know an adult is still
    there: like a child on their own, they are told where help is now.
    """
    group = "young" if age_band in YOUNG else "older"
    reply = help_button_reply(group, emailed=emailed, link_open=link_open)
    return f"{reply} {help_now(group)}" if alone or not link_open else reply


def unread_note(age_band: str) -> str:
    """For words the screen could not read: the bot's reply that follows was made without
    understanding them, so the child is told so, and that a person who can read them will."""
    return unread_words_note("young" if age_band in YOUNG else "older")


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


def unread_alert(language_support: str | None = None) -> str:
    """What the adult beside the child is told when the screen could not read the child's words.

    It is a review-tier concern, in the lead's queue, but the adult may read the language, or
    have the interpreter with them, and can read the words with the child now.
    """
    support = (
        f" The session records language support in {language_support}." if language_support else ""
    )
    return (
        "The child wrote something the assistant cannot read: it is not in English. It is in the "
        "safeguarding lead's queue, for someone who reads the child's language. If you can read "
        "it, read it with the child now, and tell the safeguarding lead if it worries you."
        + support
    )
