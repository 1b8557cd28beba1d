"""The safeguarding lead's decisions, as labelled lines for the screen's next training set.

A concern the lead raised is a message the screen should flag urgently, with its kind; one
they judged not a concern is a message it should let through. The safety button's concerns
carry no words of the child's, and words the screen could not read (not in English) are not
what its English classifier learns from, so both are left out.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.models import Concern
from api.models.enums import ConcernDecision
from api.repositories import voice as voice_repo
from api.services.screening import OTHER_LANGUAGE

NOT_TAUGHT_SOURCES = {"safety_button", OTHER_LANGUAGE}


def feedback_line(concern: Concern) -> dict[str, Any]:
    raised = concern.decision == ConcernDecision.RAISED
    return {
        "id": concern.id,
        "text": concern.text,
        "expect": "urgent" if raised else "none",
        "kinds": [concern.kind.value] if raised else [],
        "category": "dsl_decision",
        "source": "dsl_decision",
        "tier_at_screen": concern.tier.value,
    }


def feedback_lines(session: Session) -> list[dict[str, Any]]:
    return [
        feedback_line(concern)
        for concern in voice_repo.decided_concerns(session)
        if concern.source not in NOT_TAUGHT_SOURCES
    ]
