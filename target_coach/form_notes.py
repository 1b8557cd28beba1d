"""The notes an ePEP form carries over with a target, read apart from it.

"Improve English (carried forward from Spring)", "Continue to work towards college (copied from
Summer PEP)", "(c/f)": the note says where the words came from, not what the young person will
do or by when. Judged with the note, a vague aim looked specific ("Spring" and "PEP" read as
things named) and a past term read as a review point.
"""

from __future__ import annotations

import re

from target_coach.schema import TargetCheckRequest

_FORM_NOTE = re.compile(
    r"\s*\((?:[^()]*\b(?:copied|carried|c/f|rolled|brought)\b[^()]*|(?:from|as) (?:the )?(?:last|"
    r"previous|summer|spring|autumn)\b[^()]*)\)",
    re.I,
)


def without_form_notes(req: TargetCheckRequest) -> TargetCheckRequest:
    """The request with the form's notes taken out of its target (the same request when there
    are none, or when the note is all there is)."""
    bare = _FORM_NOTE.sub("", req.target).strip()
    if not bare or bare == req.target.strip():
        return req
    return req.model_copy(update={"target": bare})
