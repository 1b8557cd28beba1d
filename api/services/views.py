"""The Young Person's View as DESIGN.md's contract lays it out, from the stored rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from api.models import Child, Concern, Pep, User
from api.models.enums import TOPIC_KEYS, ConcernDecision, ConcernKind, ConcernTier, TopicStatus
from api.repositories import views as views_repo
from api.repositories import voice as voice_repo
from api.repositories.voice import ConcernFacts
from api.services import audit
from api.services.access import pep_for
from api.services.button_payloads import is_button_payload
from api.services.peps import age_band
from api.services.screening import OTHER_LANGUAGE

# The meeting's fields the child types in their own words: a disclosure can arrive in them.
MEETING_WORDS = ("message_for_meeting", "spoken_by")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _in_utc(value: datetime) -> datetime:
    """SQLite hands back stored times without their zone, while a row written in this session
    still holds the aware time it was given: compared as they are, they raise."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def build_view(session: Session, pep: Pep, child: Child) -> dict[str, Any]:
    ypv = views_repo.view(session, pep.id)
    topics = views_repo.topics(session, pep.id)
    sessions = voice_repo.sessions_for_pep(session, pep.id)
    role = (ypv.completed_with_role if ypv and ypv.completed_with_role else None) or (
        sessions[0].helper_role.value if sessions else None
    )
    support = list(ypv.support) if ypv and ypv.support else []
    stamps = [_in_utc(r.updated_at) for r in topics.values()] + (
        [_in_utc(ypv.updated_at)] if ypv else []
    )
    concerns = voice_repo.concerns_for_pep(session, pep.id)
    withheld = withheld_words(concerns)
    typed = {k: getattr(ypv, k) if ypv else None for k in MEETING_WORDS}
    return {
        "pep_id": pep.id,
        "age_band": age_band(child).value,
        "completed_with": {
            "role": role,
            "support": support,
            "name": ypv.completed_with_name if ypv else None,
            "interpreter_language": ypv.interpreter_language if ypv else None,
        },
        "topics": [_topic(topics.get(key), key, withheld) for key in TOPIC_KEYS],
        "meeting": {
            "wants_to_attend": ypv.wants_to_attend if ypv else None,
            **{k: _shown(typed[k], withheld) for k in MEETING_WORDS},
            "wants_copy": ypv.wants_copy if ypv else None,
            "copy_format": ypv.copy_format if ypv else None,
        },
        "meeting_withheld": sorted(k for k in MEETING_WORDS if typed[k] in withheld),
        "after_meeting": {k: _shown(v, withheld) for k, v in (ypv.after_meeting or {}).items()}
        if ypv
        else {},
        "after_meeting_withheld": sorted(
            k for k, v in ((ypv.after_meeting or {}) if ypv else {}).items() if v in withheld
        ),
        "concerns": [
            {
                "kind": c.kind.value,
                "text": c.text,
                "topic": c.topic,
                "raised_at": _iso(c.raised_at),
                "status": c.status.value,
                "tier": c.tier.value,
            }
            for c in concerns
        ],
        "late_answers": late_answers(session, pep, withheld),
        "summary": _shown(ypv.summary if ypv else None, withheld),
        "summary_withheld": bool(ypv and ypv.summary in withheld),
        "child_agreed": ypv.child_agreed if ypv else None,
        "updated_at": _iso(max(stamps)) if stamps else _iso(pep.updated_at),
    }


def late_answers(session: Session, pep: Pep, withheld: set[str]) -> list[dict[str, Any]]:
    """Words the child sent for a question the conversation had moved on from (another tab
    answered it first, or a page left open): never filed as that topic's answer, and never
    lost from the record either. `topic` is the question's topic, when it was one."""
    out = []
    for text, slots in voice_repo.late_answers(session, pep.id):
        if text in withheld or is_button_payload(text):
            continue
        step = str((slots or {}).get("step") or "")
        key = step.split(":")[1] if step.startswith("topic:") and step.count(":") >= 2 else None
        out.append({"topic": key if key in TOPIC_KEYS else None, "text": text})
    return out


def helped_by(helper: dict[str, Any]) -> str:
    """'Tia Adams, teaching assistant (read aloud)': who, in what role, with what support."""
    role = (helper.get("role") or "").replace("_", " ")
    who = ", ".join(p for p in (helper.get("name"), role) if p)
    support = helper.get("support") or []
    return who + (f" ({', '.join(support)})" if support and who else "")


def withheld_words(concerns: Iterable[Concern | ConcernFacts]) -> set[str]:
    """Words raised as an urgent safeguarding concern (or that the lead raised from the review
    queue), or that the screen could not read and no one has yet, and not released by the
    safeguarding lead.

    They stay out of everything the carers or the child may be shown (the view's topics, the
    summary the bot builds from them, the pages and documents); the words themselves are kept,
    verbatim, in the concern. Words in another language may say anything, and a carer may read
    that language, so they wait for the lead like an urgent concern. The lead releases them by
    deciding "not a concern" (audited).
    """
    return {
        c.text
        for c in concerns
        if c.kind == ConcernKind.SAFEGUARDING
        and (
            (c.tier == ConcernTier.URGENT and c.decision != ConcernDecision.NOT_A_CONCERN)
            or c.decision == ConcernDecision.RAISED
            or (c.source == OTHER_LANGUAGE and c.decision is None)
        )
    }


def _shown(words: str | None, withheld: set[str]) -> str | None:
    """The child's typed words, or None where they were raised as a safeguarding concern."""
    return None if words in withheld else words


def _topic(row: Any, key: str, withheld: set[str]) -> dict[str, Any]:
    if row is None:
        return {
            "topic": key,
            "question": None,
            "rating": None,
            "answer": None,
            "status": TopicStatus.NOT_ASKED.value,
        }
    hidden = row.answer is not None and row.answer in withheld
    out = {
        "topic": key,
        "question": row.question,
        "rating": row.rating,
        "answer": None if hidden else row.answer,
        "status": row.status.value,
    }
    if hidden:
        out["withheld"] = True
    return out


def read_view(session: Session, user: User, pep_id: str) -> dict[str, Any]:
    pep, child = pep_for(session, user, pep_id)
    audit.record(session, user, "view.read", child_id=child.id, pep_id=pep.id)
    return build_view(session, pep, child)
