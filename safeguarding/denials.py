"""A child answering "no" to the very question the screen listens for.

"How do you feel about school?" is a PEP question, and "I'm not sad at school" holds every
word of the sadness it denies. The encoder reads meaning without negation, so that answer,
"I'm not being bullied now" and "I feel safe at home" scored as high as the sadness, the
bullying and the fear themselves, and went to the urgent tier: the child was interrupted with
a safety reply and adults were alerted about a "no".

Not for a school move: "I don't want to leave this school" from a child whose placement may
move is a school move the virtual school must hear of at once, and the labelled data and the
held-out writers raise it so.

A denial is still read by a person: it moves the kind from the urgent tier to review, never
out of the screen. It does so only when nothing in the message turns it round ("but",
"except", "sometimes"...) and the rest of the message, the denial taken out, fires no pattern
of the kind ("nobody is mean to me" holds "mean to me"), so "I'm not sad at school but I am at
home" stays as it was.
"""

from __future__ import annotations

import re

from safeguarding.patterns import match_kinds

_NOT = r"(?:not|never|n't|nt)"
_I = r"(?:i'm|im|i am|i feel|i get|i've been|i was|he's|she's|he is|she is|he feels|she feels)"

DENIALS: dict[str, list[str]] = {
    "unhappy_in_school": [
        rf"\b{_I} {_NOT} (?:sad|unhappy|lonely|scared|worried|upset|bullied|being bullied|left "
        r"out)\b",
        r"\b(?:don't|dont|do not|doesn't|does not|never) (?:feel|get) (?:sad|unhappy|lonely|"
        r"scared|left out|bullied|picked on)\b",
        r"\b(?:nobody|no one|no1|no-one) (?:is (?:mean|nasty|horrible) to|bullies|picks on|"
        r"laughs at|leaves me out) me\b",
        r"\b(?:not|never|no longer) (?:being )?bullied\b",
        r"\bused to (?:be|feel|get) (?:sad|unhappy|lonely|scared|bullied|picked on)\b[\w\s']{0,40}"
        r"\bbut (?:now|not any ?more|it's better|it is better|i'm fine|i'm ok|i'm happy)\b",
    ],
    "safeguarding": [
        r"\bi (?:feel|am|'m) safe (?:at home|at school|here|with my carers?|in my placement|at "
        r"my carers?'?s?|with my foster (?:mum|dad|carers?|family))\b",
        r"\bnothing bad (?:happens|has happened|ever happens)\b",
        r"\b(?:i'm|im|i am) not scared of (?:anyone|anybody|anything|my carers?|going home)\b",
    ],
}
# Words that turn a denial round or add to it: the message is then read as it is.
TURNS = re.compile(
    r"\b(?:but|except|apart from|although|though|sometimes|unless|only when|when (?:he|she|they))\b"
)
# A denial opens the message or a clause of it: "so no one picks on me" is a reason, not a "no".
_OPENS = r"(?:^|[,.!?;:]\s*|\band\s+)(?:(?:no|nah|nope|honestly|tbh|well|um|i|he|she)\W+)*"
_COMPILED = {kind: [re.compile(_OPENS + p) for p in ps] for kind, ps in DENIALS.items()}


def denied(prepared: str, kind: str) -> bool:
    """Whether the prepared message denies the kind, says nothing that turns it round, and
    raises the kind nowhere else ("nobody is mean to me at school, they just laugh at me")."""
    for pattern in _COMPILED.get(kind, []):
        match = pattern.search(prepared)
        if not match:
            continue
        rest = prepared[: match.start()] + " , " + prepared[match.end() :]
        if not TURNS.search(rest) and kind not in match_kinds(rest):
            return True
    return False
